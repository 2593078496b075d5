//! The parameters half of a method's diff: its documented request
//! parameters paired across two versions, and what changed in each.
//!
//! A parameter is identified within its method by location and name as the
//! docs write them. Two passes pair what that misses without inventing a
//! rename: a path parameter by its segment of the path (`:id` → `:status_id`
//! is the method's own `MethodParametersRenamed`), then one name at another
//! location (a move).

use std::collections::BTreeSet;

use super::view::{EndpointView, ParamView, requirement_text};
use super::{Change, ChangeKind};
use crate::model::methods::{ParamLocation, Requirement};

/// Nothing when either side does not know its parameters (a module
/// generated before they were).
pub(super) fn compare_params(old: &EndpointView, new: &EndpointView, changes: &mut Vec<Change>) {
    let (Some(old_params), Some(new_params)) = (&old.params, &new.params) else {
        return;
    };
    let pairs = pair(old, old_params, new, new_params);
    for (new_index, param) in new_params.iter().enumerate() {
        match pairs.iter().find(|(_, n)| *n == new_index) {
            Some(&(old_index, _)) => compare_param(new, &old_params[old_index], param, changes),
            None => {
                // A path parameter is the route's: a request already fills
                // its segment, and a new route is the method's own change.
                let kind = if param.requirement == Requirement::Optional
                    || param.location == ParamLocation::Path
                {
                    ChangeKind::MethodParamAdded
                } else {
                    ChangeKind::MethodParamAddedRequired
                };
                changes.push(change(new, param, kind, None, Some(param.terms())));
            }
        }
    }
    for (old_index, param) in old_params.iter().enumerate() {
        if !pairs.iter().any(|(o, _)| *o == old_index) {
            changes.push(change(
                new,
                param,
                ChangeKind::MethodParamRemoved,
                Some(param.terms()),
                None,
            ));
        }
    }
}

/// A change to `param` of `endpoint`, named `StatusesCreate form status`.
fn change(
    endpoint: &EndpointView,
    param: &ParamView,
    kind: ChangeKind,
    old: Option<String>,
    new: Option<String>,
) -> Change {
    Change::new(
        kind,
        &format!("{} {}", endpoint.variant, param.key()),
        old,
        new,
    )
    .on_page(&endpoint.page)
}

/// `(old index, new index)` pairs, in three passes of decreasing certainty;
/// within a pass, the first unpaired match.
fn pair(
    old: &EndpointView,
    old_params: &[ParamView],
    new: &EndpointView,
    new_params: &[ParamView],
) -> Vec<(usize, usize)> {
    type Key = fn(&EndpointView, &ParamView) -> Option<String>;
    let keys: [Key; 3] = [
        |_, p| Some(p.key()),
        |e, p| path_segment(e, p).map(|at| format!("path segment {at}")),
        |_, p| Some(p.name.clone()),
    ];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for key in keys {
        for (old_index, old_param) in old_params.iter().enumerate() {
            if pairs.iter().any(|(o, _)| *o == old_index) {
                continue;
            }
            let Some(wanted) = key(old, old_param) else {
                continue;
            };
            let found = new_params.iter().enumerate().find(|(new_index, param)| {
                !pairs.iter().any(|(_, n)| n == new_index)
                    && key(new, param).as_ref() == Some(&wanted)
            });
            if let Some((new_index, _)) = found {
                pairs.push((old_index, new_index));
            }
        }
    }
    pairs
}

/// Which `/` segment of the method's path a path parameter fills, when the
/// path names it.
fn path_segment(endpoint: &EndpointView, param: &ParamView) -> Option<usize> {
    if param.location != ParamLocation::Path {
        return None;
    }
    let path = endpoint.path.split('?').next().unwrap_or(&endpoint.path);
    path.split('/')
        .position(|segment| segment.strip_prefix(':') == Some(param.name.as_str()))
}

fn compare_param(
    endpoint: &EndpointView,
    old: &ParamView,
    new: &ParamView,
    changes: &mut Vec<Change>,
) {
    let mut push = |kind, before: Option<String>, after: Option<String>| {
        changes.push(change(endpoint, new, kind, before, after));
    };
    if old.location != new.location {
        push(
            ChangeKind::MethodParamMoved,
            Some(old.location.as_str().to_owned()),
            Some(new.location.as_str().to_owned()),
        );
    }
    // Values count only while both sides list them; starting or ceasing to
    // list them is a retype, as for an entity's open enum.
    if old.ty != new.ty || old.values.is_empty() != new.values.is_empty() {
        push(
            ChangeKind::MethodParamRetyped,
            Some(type_text(old)),
            Some(type_text(new)),
        );
    } else {
        for value in new.values.iter().filter(|v| !old.values.contains(v)) {
            push(ChangeKind::MethodParamValueAdded, None, Some(value.clone()));
        }
        for value in old.values.iter().filter(|v| !new.values.contains(v)) {
            push(
                ChangeKind::MethodParamValueRemoved,
                Some(value.clone()),
                None,
            );
        }
    }
    if let Some(kind) = requirement_change(&old.requirement, &new.requirement) {
        push(
            kind,
            Some(requirement_text(&old.requirement)),
            Some(requirement_text(&new.requirement)),
        );
    }
    if old.default != new.default {
        let shown = |default: &Option<String>| default.clone().unwrap_or_else(|| "none".to_owned());
        push(
            ChangeKind::MethodParamDefaultChanged,
            Some(shown(&old.default)),
            Some(shown(&new.default)),
        );
    }
    if old.deprecated != new.deprecated {
        let shown = |deprecated: bool| if deprecated { "deprecated" } else { "current" };
        push(
            ChangeKind::MethodParamLifecycleChanged,
            Some(shown(old.deprecated).to_owned()),
            Some(shown(new.deprecated).to_owned()),
        );
    }
    if old.added_in != new.added_in {
        let shown = |version: &Option<String>| version.clone().unwrap_or_else(|| "none".to_owned());
        push(
            ChangeKind::MethodParamAddedInChanged,
            Some(shown(&old.added_in)),
            Some(shown(&new.added_in)),
        );
    }
    if old.internal != new.internal {
        let shown = |internal: bool| if internal { "internal" } else { "not internal" };
        push(
            ChangeKind::MethodParamInternalChanged,
            Some(shown(old.internal).to_owned()),
            Some(shown(new.internal).to_owned()),
        );
    }
}

/// `string`, or `string of (public, private)` for a parameter whose values the docs list.
fn type_text(param: &ParamView) -> String {
    if param.values.is_empty() {
        param.ty.clone()
    } else {
        format!("{} of ({})", param.ty, param.values.join(", "))
    }
}

/// How strict a requirement is: what a request must carry, from nothing to
/// always. A condition in words is reported, never checked, so it is below
/// `RequiredUnless`, which the crate checks.
fn strictness(requirement: &Requirement) -> u8 {
    match requirement {
        Requirement::Optional => 0,
        Requirement::Conditional(_) => 1,
        Requirement::RequiredUnless(_) => 2,
        Requirement::Required => 3,
    }
}

/// Made required when some request that passed before may not pass now:
/// stricter, or required unless other parameters that do not include every
/// earlier one. Made optional when every request that passed still does.
/// `None` when the two say the same.
fn requirement_change(old: &Requirement, new: &Requirement) -> Option<ChangeKind> {
    match (old, new) {
        (Requirement::RequiredUnless(before), Requirement::RequiredUnless(after)) => {
            let before: BTreeSet<&String> = before.iter().collect();
            let after: BTreeSet<&String> = after.iter().collect();
            if before == after {
                None
            } else if after.is_superset(&before) {
                Some(ChangeKind::MethodParamMadeOptional)
            } else {
                Some(ChangeKind::MethodParamMadeRequired)
            }
        }
        (Requirement::Conditional(before), Requirement::Conditional(after)) => {
            (before != after).then_some(ChangeKind::MethodParamConditionChanged)
        }
        _ => match strictness(new).cmp(&strictness(old)) {
            std::cmp::Ordering::Greater => Some(ChangeKind::MethodParamMadeRequired),
            std::cmp::Ordering::Less => Some(ChangeKind::MethodParamMadeOptional),
            std::cmp::Ordering::Equal => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Change, ChangeKind, Diff, DiffFormat, Impact};
    use super::*;
    use crate::model::methods::{ParamType, Parameter};
    use ChangeKind::*;

    fn param(location: ParamLocation, name: &str, ty: &str) -> Parameter {
        Parameter::new(
            name,
            location,
            ParamType::from_spelling(ty).expect("a type spelling"),
        )
    }

    fn form(name: &str, ty: &str) -> Parameter {
        param(ParamLocation::Form, name, ty)
    }

    fn endpoint(path: &str, params: &[Parameter]) -> EndpointView {
        EndpointView {
            variant: "StatusesCreate".to_owned(),
            page: "statuses".to_owned(),
            anchor: Some("create".to_owned()),
            title: "Post a new status".to_owned(),
            http_method: "POST".to_owned(),
            path: path.to_owned(),
            tokens: vec!["user"],
            scopes: vec!["write:statuses".to_owned()],
            any_scope: false,
            added_in: Some("0.0.0".to_owned()),
            lifecycle: "current".to_owned(),
            params: Some(params.iter().map(ParamView::of).collect()),
            errors: Vec::new(),
        }
    }

    /// Every change between one method's two parameter lists, through the
    /// methods' diff, so pairing the method and its parameters both run.
    fn changes(old: &[Parameter], new: &[Parameter]) -> Vec<Change> {
        changes_at("/api/v1/statuses", old, "/api/v1/statuses", new)
    }

    fn changes_at(
        old_path: &str,
        old: &[Parameter],
        new_path: &str,
        new: &[Parameter],
    ) -> Vec<Change> {
        let mut changes = Vec::new();
        super::super::methods::compare_endpoints(
            &[endpoint(old_path, old)],
            &[endpoint(new_path, new)],
            &mut changes,
        );
        changes
    }

    /// Each change's kind and impact.
    type Kinds = Vec<(ChangeKind, Impact)>;

    fn kinds(changes: &[Change]) -> Kinds {
        changes.iter().map(|c| (c.kind, c.impact())).collect()
    }

    fn with(mut param: Parameter, edit: impl FnOnce(&mut Parameter)) -> Parameter {
        edit(&mut param);
        param
    }

    #[test]
    fn a_parameter_added_is_minor_unless_requests_must_now_send_it() {
        let status = form("status", "string");
        let cases = [
            (Requirement::Optional, MethodParamAdded, Impact::Minor),
            (
                Requirement::Required,
                MethodParamAddedRequired,
                Impact::Major,
            ),
            (
                Requirement::RequiredUnless(vec!["media_ids[]".to_owned()]),
                MethodParamAddedRequired,
                Impact::Major,
            ),
            (
                Requirement::Conditional("if a poll is attached".to_owned()),
                MethodParamAddedRequired,
                Impact::Major,
            ),
        ];
        for (requirement, kind, impact) in cases {
            let added = with(form("language", "string"), |p| {
                p.requirement = requirement.clone()
            });
            let found = changes(std::slice::from_ref(&status), &[status.clone(), added]);
            assert_eq!(kinds(&found), [(kind, impact)], "{requirement:?}");
            assert_eq!(found[0].subject, "StatusesCreate form language");
            assert_eq!(found[0].page.as_deref(), Some("statuses"));
        }
        // The docs start documenting a segment the route always had.
        let id = with(param(ParamLocation::Path, "id", "string"), |p| {
            p.requirement = Requirement::Required
        });
        let documented = changes_at(
            "/api/v1/statuses/:id",
            &[],
            "/api/v1/statuses/:id",
            std::slice::from_ref(&id),
        );
        assert_eq!(kinds(&documented), [(MethodParamAdded, Impact::Minor)]);
        let removed = changes(std::slice::from_ref(&status), &[]);
        assert_eq!(kinds(&removed), [(MethodParamRemoved, Impact::Major)]);
        assert_eq!(removed[0].old.as_deref(), Some("string; optional"));
        let same = std::slice::from_ref(&status);
        assert_eq!(changes(same, same), []);
    }

    #[test]
    fn a_module_without_parameters_compares_none() {
        let mut unknown = endpoint("/api/v1/statuses", &[]);
        unknown.params = None;
        let known = endpoint("/api/v1/statuses", &[form("status", "string")]);
        for (old, new) in [(&unknown, &known), (&known, &unknown)] {
            let mut found = Vec::new();
            compare_params(old, new, &mut found);
            assert_eq!(found, []);
        }
    }

    #[test]
    fn parameters_are_told_apart_by_location_and_name() {
        let in_query = param(ParamLocation::Query, "limit", "integer");
        let in_form = form("limit", "integer");
        // Both at once: two parameters, one of them new.
        assert_eq!(
            kinds(&changes(
                std::slice::from_ref(&in_query),
                &[in_query.clone(), in_form.clone()]
            )),
            [(MethodParamAdded, Impact::Minor)]
        );
        // One name at another location: a move, never a removal and an addition.
        let moved = changes(&[in_query], &[in_form]);
        assert_eq!(kinds(&moved), [(MethodParamMoved, Impact::Major)]);
        assert_eq!(
            (moved[0].old.as_deref(), moved[0].new.as_deref()),
            (Some("query"), Some("form"))
        );
    }

    #[test]
    fn a_renamed_path_parameter_is_the_methods_rename_only() {
        let id = param(ParamLocation::Path, "id", "string");
        let status_id = param(ParamLocation::Path, "status_id", "string");
        let found = changes_at(
            "/api/v1/statuses/:id",
            std::slice::from_ref(&id),
            "/api/v1/statuses/:status_id",
            std::slice::from_ref(&status_id),
        );
        assert_eq!(kinds(&found), [(MethodParametersRenamed, Impact::Patch)]);
        // Paired by its segment, its other facts still compare.
        let retyped = with(status_id, |p| {
            p.ty = ParamType::from_spelling("integer").expect("a type")
        });
        let found = changes_at(
            "/api/v1/statuses/:id",
            &[id],
            "/api/v1/statuses/:status_id",
            &[retyped],
        );
        assert_eq!(
            kinds(&found),
            [
                (MethodParametersRenamed, Impact::Patch),
                (MethodParamRetyped, Impact::Major)
            ]
        );
    }

    #[test]
    fn requirements_are_judged_by_the_requests_they_refuse() {
        use Requirement::*;
        let unless = |names: &[&str]| RequiredUnless(names.iter().map(|n| n.to_string()).collect());
        let condition = |text: &str| Conditional(text.to_owned());
        let cases: Vec<(Requirement, Requirement, Kinds)> = vec![
            (
                Optional,
                Required,
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                Optional,
                unless(&["a"]),
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                Optional,
                condition("x"),
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                condition("x"),
                Required,
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                condition("x"),
                unless(&["a"]),
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                unless(&["a"]),
                Required,
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                unless(&["a", "b"]),
                unless(&["a"]),
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                unless(&["a"]),
                unless(&["b"]),
                vec![(MethodParamMadeRequired, Impact::Major)],
            ),
            (
                Required,
                Optional,
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                Required,
                unless(&["a"]),
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                Required,
                condition("x"),
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                unless(&["a"]),
                condition("x"),
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                unless(&["a"]),
                unless(&["a", "b"]),
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                condition("x"),
                Optional,
                vec![(MethodParamMadeOptional, Impact::Minor)],
            ),
            (
                condition("x"),
                condition("y"),
                vec![(MethodParamConditionChanged, Impact::Minor)],
            ),
            (unless(&["a", "b"]), unless(&["b", "a"]), vec![]),
        ];
        for (before, after, expected) in cases {
            let old = with(form("status", "string"), |p| p.requirement = before.clone());
            let new = with(form("status", "string"), |p| p.requirement = after.clone());
            assert_eq!(
                kinds(&changes(&[old], &[new])),
                expected,
                "{before:?} → {after:?}"
            );
        }
    }

    #[test]
    fn types_values_defaults_and_versions() {
        let listed = |values: &[&str]| {
            with(form("visibility", "string"), |p| {
                p.values = values.iter().map(|v| v.to_string()).collect()
            })
        };
        let cases: Vec<(Parameter, Parameter, Kinds)> = vec![
            (
                form("poll[expires_in]", "integer"),
                form("poll[expires_in]", "string"),
                vec![(MethodParamRetyped, Impact::Major)],
            ),
            (
                form("media", "file"),
                form("media", "string"),
                vec![(MethodParamRetyped, Impact::Major)],
            ),
            (
                listed(&["public", "private"]),
                listed(&["public", "private", "direct"]),
                vec![(MethodParamValueAdded, Impact::Minor)],
            ),
            (
                listed(&["public", "private"]),
                listed(&["public"]),
                vec![(MethodParamValueRemoved, Impact::Major)],
            ),
            // Listing values narrows what the docs accept; unlisting them is
            // the reverse, and both are retypes, as for an entity's open enum.
            (
                listed(&[]),
                listed(&["public"]),
                vec![(MethodParamRetyped, Impact::Major)],
            ),
            (
                listed(&["public"]),
                listed(&[]),
                vec![(MethodParamRetyped, Impact::Major)],
            ),
            (
                form("sensitive", "boolean"),
                with(form("sensitive", "boolean"), |p| {
                    p.default = Some("false".to_owned())
                }),
                vec![(MethodParamDefaultChanged, Impact::Minor)],
            ),
            (
                with(form("limit", "integer"), |p| {
                    p.default = Some("20".to_owned())
                }),
                with(form("limit", "integer"), |p| {
                    p.default = Some("40".to_owned())
                }),
                vec![(MethodParamDefaultChanged, Impact::Minor)],
            ),
            (
                form("scheduled_at", "string(datetime)"),
                with(form("scheduled_at", "string(datetime)"), |p| {
                    p.added_in = Some("2.7.0".to_owned())
                }),
                vec![(MethodParamAddedInChanged, Impact::Patch)],
            ),
            (
                form("in_reply_to_id", "string"),
                with(form("in_reply_to_id", "string"), |p| p.deprecated = true),
                vec![(MethodParamLifecycleChanged, Impact::Minor)],
            ),
            (
                param(ParamLocation::Query, "max_id", "string"),
                with(param(ParamLocation::Query, "max_id", "string"), |p| {
                    p.internal = true
                }),
                vec![(MethodParamInternalChanged, Impact::Patch)],
            ),
        ];
        for (old, new, expected) in cases {
            assert_eq!(
                kinds(&changes(
                    std::slice::from_ref(&old),
                    std::slice::from_ref(&new)
                )),
                expected,
                "{old:?} → {new:?}"
            );
            // The reverse edit is never a silent no-op.
            assert!(!changes(&[new], &[old]).is_empty());
        }
    }

    #[test]
    fn parameter_changes_read_as_sentences() {
        let media = with(form("media_ids[]", "array(string)"), |p| {
            p.requirement = Requirement::RequiredUnless(vec!["status".to_owned()])
        });
        let old_visibility = with(form("visibility", "string"), |p| {
            p.values = vec!["public".to_owned(), "direct".to_owned()];
            p.default = Some("public".to_owned());
        });
        let new_visibility = with(form("visibility", "string"), |p| {
            p.values = vec!["public".to_owned()];
        });
        let diff = Diff {
            old_name: "old".to_owned(),
            new_name: "new".to_owned(),
            changes: changes(
                &[
                    old_visibility,
                    param(ParamLocation::Header, "Idempotency-Key", "string"),
                ],
                &[new_visibility, media],
            ),
        };
        assert_eq!(
            diff.render(DiffFormat::Text),
            "old → new
semver impact: major (3 major, 1 minor, 0 patch)
  major  method `StatusesCreate` form parameter `visibility` value `direct` removed
  minor  method `StatusesCreate` form parameter `visibility` default: `public` → none
  major  method `StatusesCreate` form parameter `media_ids[]` added (`array(string)`, required unless status)
  major  method `StatusesCreate` header parameter `Idempotency-Key` removed (was `string`, optional)
"
        );
        let json = diff.render(DiffFormat::Json);
        assert!(
            json.contains("\"kind\": \"method_param_added_required\""),
            "{json}"
        );
        assert!(
            json.contains("\"subject\": \"StatusesCreate form media_ids[]\""),
            "{json}"
        );
    }
}
