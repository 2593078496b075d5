//! The methods half of the semantic diff: endpoints paired across two
//! versions, and what changed in each.
//!
//! Pairing never invents a rename: a method pairs by page and anchor (the
//! docs' own identity for it), else by request with parameter names dropped
//! (`GET /api/v1/tags/:` for `:id` and `:name`), else by variant name.

use super::view::{EndpointView, ErrorView};
use super::{Change, ChangeKind};

pub(super) fn compare_endpoints(
    old: &[EndpointView],
    new: &[EndpointView],
    changes: &mut Vec<Change>,
) {
    let pairs = pair(old, new);
    for (new_index, endpoint) in new.iter().enumerate() {
        match pairs.iter().find(|(_, n)| *n == new_index) {
            Some(&(old_index, _)) => compare_endpoint(&old[old_index], endpoint, changes),
            None => changes.push(
                Change::new(
                    ChangeKind::MethodAdded,
                    &endpoint.variant,
                    None,
                    Some(endpoint.request()),
                )
                .on_page(&endpoint.page),
            ),
        }
    }
    for (old_index, endpoint) in old.iter().enumerate() {
        if !pairs.iter().any(|(o, _)| *o == old_index) {
            changes.push(
                Change::new(
                    ChangeKind::MethodRemoved,
                    &endpoint.variant,
                    Some(endpoint.request()),
                    None,
                )
                .on_page(&endpoint.page),
            );
        }
    }
}

/// `(old index, new index)` pairs, in three passes of decreasing certainty.
fn pair(old: &[EndpointView], new: &[EndpointView]) -> Vec<(usize, usize)> {
    type Key = fn(&EndpointView) -> Option<String>;
    let keys: [Key; 3] = [
        |e| {
            e.anchor
                .as_ref()
                .map(|anchor| format!("{}#{anchor}", e.page))
        },
        |e| Some(e.shape()),
        |e| Some(e.variant.clone()),
    ];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for key in keys {
        for (old_index, old_endpoint) in old.iter().enumerate() {
            if pairs.iter().any(|(o, _)| *o == old_index) {
                continue;
            }
            let Some(wanted) = key(old_endpoint) else {
                continue;
            };
            let found = new.iter().enumerate().find(|(new_index, new_endpoint)| {
                !pairs.iter().any(|(_, n)| n == new_index)
                    && key(new_endpoint).as_ref() == Some(&wanted)
            });
            if let Some((new_index, _)) = found {
                pairs.push((old_index, new_index));
            }
        }
    }
    pairs
}

fn compare_endpoint(old: &EndpointView, new: &EndpointView, changes: &mut Vec<Change>) {
    let change = |kind, old: String, new_value: String| {
        Change::new(kind, &new.variant, Some(old), Some(new_value)).on_page(&new.page)
    };
    if old.variant != new.variant {
        changes.push(change(
            ChangeKind::MethodRenamed,
            old.variant.clone(),
            new.variant.clone(),
        ));
    }
    if old.shape() != new.shape() {
        changes.push(change(
            ChangeKind::MethodMoved,
            old.request(),
            new.request(),
        ));
    } else if old.request() != new.request() {
        // The same route: only `path()`'s text changes.
        changes.push(change(
            ChangeKind::MethodParametersRenamed,
            old.request(),
            new.request(),
        ));
    }
    if old.lifecycle != new.lifecycle {
        changes.push(change(
            ChangeKind::MethodLifecycleChanged,
            old.lifecycle.clone(),
            new.lifecycle.clone(),
        ));
    }
    let authorization = |e: &EndpointView| {
        let join = if e.any_scope { " or " } else { ", " };
        format!("{} [{}]", e.tokens.join("+"), e.scopes.join(join))
    };
    if authorization(old) != authorization(new) {
        changes.push(change(
            ChangeKind::MethodAuthorizationChanged,
            authorization(old),
            authorization(new),
        ));
    }
    if old.added_in != new.added_in {
        let version = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".to_owned());
        changes.push(change(
            ChangeKind::MethodAddedInChanged,
            version(&old.added_in),
            version(&new.added_in),
        ));
    }
    let docs = |e: &EndpointView| {
        format!(
            "{}#{} ({})",
            e.page,
            e.anchor.as_deref().unwrap_or("-"),
            e.title
        )
    };
    if docs(old) != docs(new) {
        changes.push(change(ChangeKind::MethodDocsChanged, docs(old), docs(new)));
    }
    super::params::compare_params(old, new, changes);
    compare_errors(new, &old.errors, &new.errors, changes);
}

/// Errors pair by status and message; of the rest, one with the same message
/// under another status moved, and one with another message under the same
/// status changed its message. Whatever is left was added or removed.
fn compare_errors(
    endpoint: &EndpointView,
    old: &[ErrorView],
    new: &[ErrorView],
    changes: &mut Vec<Change>,
) {
    let mut old_left: Vec<&ErrorView> = old.iter().filter(|e| !new.contains(e)).collect();
    let mut new_left: Vec<&ErrorView> = new.iter().filter(|e| !old.contains(e)).collect();
    let change = |kind, status: u16, old: Option<String>, new: Option<String>| {
        Change::new(kind, &endpoint.variant, old, new)
            .with_status(status)
            .on_page(&endpoint.page)
    };
    for rule in [
        ChangeKind::MethodErrorStatusChanged,
        ChangeKind::MethodErrorMessageChanged,
    ] {
        new_left.retain(|added| {
            let matches = |removed: &&ErrorView| match rule {
                ChangeKind::MethodErrorStatusChanged => removed.message == added.message,
                _ => removed.status == added.status,
            };
            let Some(at) = old_left.iter().position(matches) else {
                return true;
            };
            let removed = old_left.remove(at);
            changes.push(match rule {
                ChangeKind::MethodErrorStatusChanged => change(
                    rule,
                    added.status,
                    Some(format!("{} {}", removed.status, removed.message)),
                    Some(format!("{} {}", added.status, added.message)),
                ),
                _ => change(
                    rule,
                    added.status,
                    Some(removed.message.clone()),
                    Some(added.message.clone()),
                ),
            });
            false
        });
    }
    for added in new_left {
        changes.push(change(
            ChangeKind::MethodErrorAdded,
            added.status,
            None,
            Some(added.message.clone()),
        ));
    }
    for removed in old_left {
        changes.push(change(
            ChangeKind::MethodErrorRemoved,
            removed.status,
            Some(removed.message.clone()),
            None,
        ));
    }
}
