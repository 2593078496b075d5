//! Matches the reasons, groups and attributes of two versions and lists what
//! changed, each with its semver impact on the generated module.

use std::collections::BTreeSet;

use super::view::{ApiView, FieldView, LintView, RateLimitView, ReasonView, ScopeView};
use super::{Change, ChangeKind};

pub(crate) fn compare(old: &ApiView, new: &ApiView) -> Vec<Change> {
    let mut changes = Vec::new();
    if old.entity != new.entity {
        changes.push(Change::new(
            ChangeKind::EntityRenamed,
            &new.entity,
            Some(old.entity.clone()),
            Some(new.entity.clone()),
        ));
    }
    compare_fields(&old.fields, &new.fields, &mut changes);
    compare_groups(old, new, &mut changes);
    compare_reasons(&old.reasons, &new.reasons, &mut changes);
    super::methods::compare_endpoints(&old.endpoints, &new.endpoints, &mut changes);
    compare_lints(&old.lints, &new.lints, &mut changes);
    compare_rate_limits(&old.rate_limits, &new.rate_limits, &mut changes);
    compare_scopes(&old.scopes, &new.scopes, &mut changes);
    if old.rate_limit_headers != new.rate_limit_headers {
        changes.push(Change::new(
            ChangeKind::RateLimitHeadersChanged,
            "rate_limit_headers",
            Some(old.rate_limit_headers.join(", ")),
            Some(new.rate_limit_headers.join(", ")),
        ));
    }
    changes
}

/// Limits matched by scope and heading: one added, removed, or with other
/// terms (count, period or the calls it names).
fn compare_rate_limits(old: &[RateLimitView], new: &[RateLimitView], changes: &mut Vec<Change>) {
    for limit in new {
        match old.iter().find(|before| before.key() == limit.key()) {
            None => changes.push(Change::new(
                ChangeKind::RateLimitAdded,
                &limit.key(),
                None,
                Some(limit.terms()),
            )),
            Some(before) if before != limit => changes.push(Change::new(
                ChangeKind::RateLimitChanged,
                &limit.key(),
                Some(before.terms()),
                Some(limit.terms()),
            )),
            Some(_) => {}
        }
    }
    for limit in old {
        if !new.iter().any(|after| after.key() == limit.key()) {
            changes.push(Change::new(
                ChangeKind::RateLimitRemoved,
                &limit.key(),
                Some(limit.terms()),
                None,
            ));
        }
    }
}

/// Scopes matched by name: one added or removed, or with other grants,
/// version or lifecycle.
fn compare_scopes(old: &[ScopeView], new: &[ScopeView], changes: &mut Vec<Change>) {
    for scope in new {
        match old.iter().find(|before| before.name == scope.name) {
            None => changes.push(Change::new(
                ChangeKind::ScopeAdded,
                &scope.name,
                None,
                Some(scope.terms()),
            )),
            Some(before) => {
                if before.grants != scope.grants {
                    changes.push(Change::new(
                        ChangeKind::ScopeGrantsChanged,
                        &scope.name,
                        Some(before.grants.join(", ")),
                        Some(scope.grants.join(", ")),
                    ));
                }
                if before.terms() != scope.terms() {
                    changes.push(Change::new(
                        ChangeKind::ScopeDatesChanged,
                        &scope.name,
                        Some(before.terms()),
                        Some(scope.terms()),
                    ));
                }
            }
        }
    }
    for scope in old {
        if !new.iter().any(|after| after.name == scope.name) {
            changes.push(Change::new(
                ChangeKind::ScopeRemoved,
                &scope.name,
                Some(scope.terms()),
                None,
            ));
        }
    }
}

/// Lints that fired on one side only, as many times as they differ: a docs
/// fix shows as the lint going away, beside the facts it restored.
pub(super) fn compare_lints(old: &[LintView], new: &[LintView], changes: &mut Vec<Change>) {
    let mut unmatched_old: Vec<&LintView> = old.iter().collect();
    for lint in new {
        match unmatched_old.iter().position(|before| *before == lint) {
            Some(at) => {
                unmatched_old.remove(at);
            }
            None => changes.push(
                Change::new(
                    ChangeKind::LintFired,
                    &lint.lint,
                    None,
                    Some(lint.what.clone()),
                )
                .on_page(&lint.page),
            ),
        }
    }
    for lint in unmatched_old {
        changes.push(
            Change::new(
                ChangeKind::LintCleared,
                &lint.lint,
                Some(lint.what.clone()),
                None,
            )
            .on_page(&lint.page),
        );
    }
}

fn compare_fields(old: &[FieldView], new: &[FieldView], changes: &mut Vec<Change>) {
    for field in new {
        let Some(before) = old.iter().find(|before| before.name == field.name) else {
            let kind = if field.optional() {
                ChangeKind::AttributeAddedOptional
            } else {
                ChangeKind::AttributeAddedRequired
            };
            changes.push(Change::new(
                kind,
                &field.name,
                None,
                Some(field.rust_type.clone()),
            ));
            continue;
        };
        if before.rust_type != field.rust_type {
            let kind = match (before.optional(), field.optional()) {
                (false, true) => ChangeKind::AttributeMadeOptional,
                (true, false) => ChangeKind::AttributeMadeRequired,
                _ => ChangeKind::AttributeTypeChanged,
            };
            changes.push(Change::new(
                kind,
                &field.name,
                Some(before.rust_type.clone()),
                Some(field.rust_type.clone()),
            ));
        }
        if let (Some(before_text), Some(text)) = (&before.description, &field.description)
            && before_text != text
        {
            changes.push(Change::new(
                ChangeKind::AttributeDescriptionChanged,
                &field.name,
                Some(before_text.clone()),
                Some(text.clone()),
            ));
        }
        if let (Some(before_history), Some(history)) = (&before.history, &field.history) {
            let entry = |(version, change): &(String, String)| format!("{version}: {change}");
            for added in history.iter().filter(|e| !before_history.contains(e)) {
                changes.push(Change::new(
                    ChangeKind::HistoryEntryAdded,
                    &field.name,
                    None,
                    Some(entry(added)),
                ));
            }
            for removed in before_history.iter().filter(|e| !history.contains(e)) {
                changes.push(Change::new(
                    ChangeKind::HistoryEntryRemoved,
                    &field.name,
                    Some(entry(removed)),
                    None,
                ));
            }
        }
    }
    for field in old {
        if !new.iter().any(|after| after.name == field.name) {
            changes.push(Change::new(
                ChangeKind::AttributeRemoved,
                &field.name,
                Some(field.rust_type.clone()),
                None,
            ));
        }
    }
}

fn compare_groups(old: &ApiView, new: &ApiView, changes: &mut Vec<Change>) {
    for group in &new.groups {
        let subject = group.code.to_string();
        match old.groups.iter().find(|before| before.code == group.code) {
            None => changes.push(
                Change::new(
                    ChangeKind::GroupAdded,
                    &subject,
                    None,
                    Some(group.text.clone()),
                )
                .with_status(group.code),
            ),
            Some(before) if before.text != group.text => changes.push(
                Change::new(
                    ChangeKind::GroupTextChanged,
                    &subject,
                    Some(before.text.clone()),
                    Some(group.text.clone()),
                )
                .with_status(group.code),
            ),
            Some(_) => {}
        }
    }
    for group in &old.groups {
        if !new.groups.iter().any(|after| after.code == group.code) {
            changes.push(
                Change::new(
                    ChangeKind::GroupRemoved,
                    &group.code.to_string(),
                    Some(group.text.clone()),
                    None,
                )
                .with_status(group.code),
            );
        }
    }
}

/// Pairs old and new reasons: by anchor, then by a message that only one
/// unpaired reason on each side has, then by variant name.
fn pair_reasons(old: &[ReasonView], new: &[ReasonView]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut old_free: BTreeSet<usize> = (0..old.len()).collect();
    let mut new_free: BTreeSet<usize> = (0..new.len()).collect();
    let keys: [fn(&ReasonView) -> Option<String>; 3] = [
        |reason| reason.anchor.clone(),
        |reason| Some(reason.message.clone()),
        |reason| Some(reason.variant.clone()),
    ];
    for key in keys {
        for n in new_free.clone() {
            let Some(wanted) = key(&new[n]) else { continue };
            let unique = |free: &BTreeSet<usize>, side: &[ReasonView]| {
                let mut found = free
                    .iter()
                    .filter(|&&i| key(&side[i]).as_ref() == Some(&wanted));
                match (found.next(), found.next()) {
                    (Some(&i), None) => Some(i),
                    _ => None,
                }
            };
            if let (Some(o), Some(_)) = (unique(&old_free, old), unique(&new_free, new)) {
                pairs.push((o, n));
                old_free.remove(&o);
                new_free.remove(&n);
            }
        }
    }
    pairs.sort_by_key(|&(_, n)| n);
    pairs
}

fn compare_reasons(old: &[ReasonView], new: &[ReasonView], changes: &mut Vec<Change>) {
    let pairs = pair_reasons(old, new);
    for (n, reason) in new.iter().enumerate() {
        let Some(&(o, _)) = pairs.iter().find(|&&(_, paired)| paired == n) else {
            changes.push(
                Change::new(
                    ChangeKind::ReasonAdded,
                    &reason.variant,
                    None,
                    Some(reason.message.clone()),
                )
                .with_status(reason.status),
            );
            continue;
        };
        let before = &old[o];
        let subject = reason.variant.as_str();
        let status = reason.status;
        let mut push = |kind, old: &str, new: &str| {
            changes.push(
                Change::new(kind, subject, Some(old.to_owned()), Some(new.to_owned()))
                    .with_status(status),
            );
        };
        if before.variant != reason.variant {
            push(ChangeKind::ReasonRenamed, &before.variant, &reason.variant);
        }
        if before.status != reason.status {
            push(
                ChangeKind::ReasonMoved,
                &before.status.to_string(),
                &reason.status.to_string(),
            );
        }
        if before.message != reason.message {
            let kind = match (before.is_template, reason.is_template) {
                (false, true) => ChangeKind::MessageLiteralToPlaceholder,
                (true, false) => ChangeKind::MessagePlaceholderToLiteral,
                _ => ChangeKind::MessageChanged,
            };
            push(kind, &before.message, &reason.message);
        }
        if before.explanation != reason.explanation {
            push(
                ChangeKind::ExplanationChanged,
                &before.explanation,
                &reason.explanation,
            );
        }
        if before.heading != reason.heading {
            push(ChangeKind::HeadingChanged, &before.heading, &reason.heading);
        }
        if before.anchor != reason.anchor {
            let show = |anchor: &Option<String>| {
                anchor
                    .as_deref()
                    .map_or("none".to_owned(), |a| format!("#{a}"))
            };
            push(
                ChangeKind::AnchorChanged,
                &show(&before.anchor),
                &show(&reason.anchor),
            );
        }
    }
    for (o, reason) in old.iter().enumerate() {
        if !pairs.iter().any(|&(paired, _)| paired == o) {
            changes.push(
                Change::new(
                    ChangeKind::ReasonRemoved,
                    &reason.variant,
                    Some(reason.message.clone()),
                    None,
                )
                .with_status(reason.status),
            );
        }
    }
}

impl Change {
    pub(super) fn new(
        kind: ChangeKind,
        subject: &str,
        old: Option<String>,
        new: Option<String>,
    ) -> Change {
        Change {
            kind,
            subject: subject.to_owned(),
            status: None,
            page: None,
            old,
            new,
        }
    }

    pub(super) fn with_status(mut self, status: u16) -> Change {
        self.status = Some(status);
        self
    }

    pub(super) fn on_page(mut self, page: &str) -> Change {
        self.page = Some(page.to_owned());
        self
    }
}
