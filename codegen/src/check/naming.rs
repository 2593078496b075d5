//! The naming rules of the method pages: endpoints, their docs URLs, and
//! which rename keys name an endpoint or a method-derived reason.

use crate::model::methods::{Method, MethodPage};

/// Rename keys for method-derived reasons: `401 The access token is invalid`.
pub(crate) fn is_reason_key(key: &str) -> bool {
    key.len() > 4 && key.as_bytes()[..3].iter().all(u8::is_ascii_digit) && key.as_bytes()[3] == b' '
}

/// Rename keys for endpoints: `GET /api/v1/statuses/:id`.
pub(crate) fn is_endpoint_key(key: &str) -> bool {
    key.split_once(' ').is_some_and(|(method, path)| {
        method.chars().all(|c| c.is_ascii_uppercase()) && path.starts_with('/')
    })
}

/// `https://docs.joinmastodon.org/methods/statuses/#create`.
pub(crate) fn method_docs_url(site: &str, page: &MethodPage, method: &Method) -> String {
    let site = site.trim_end_matches('/');
    format!("{site}/methods/{}/#{}", page.path, fragment(method))
}

/// The naming rule for endpoints: the page's path, then the method's anchor
/// (or, for a section without one, the id Hugo gives its heading), split into
/// words at anything not a letter or digit, in UpperCamelCase:
/// `statuses#create` → `StatusesCreate`, `admin/accounts#get` → `AdminAccountsGet`.
/// The docs keep anchors stable because links point at them; paths get fixed
/// and parameters renamed (`tags/:id` became `tags/:name`), so names do not use them.
pub(crate) fn endpoint_name(page: &str, fragment: &str) -> String {
    let words = format!("{page} {fragment}").replace(|c: char| !c.is_ascii_alphanumeric(), " ");
    crate::ident::upper_camel_case(&words)
}

/// The method's anchor, or the id Hugo derives from its heading when it has
/// none (lowercase, spaces to `-`, other punctuation dropped).
pub(crate) fn fragment(method: &Method) -> String {
    match &method.anchor {
        Some(anchor) => anchor.clone(),
        None => heading_id(&method.title),
    }
}

/// The id Hugo gives a heading without an anchor: lowercase, spaces to `-`,
/// other punctuation dropped.
pub(crate) fn heading_id(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(anchor: Option<&str>, title: &str) -> Method {
        Method {
            title: title.to_owned(),
            title_span: 0..0,
            anchor: anchor.map(str::to_owned),
            http_method: "GET".to_owned(),
            path: "/api/v1/x".to_owned(),
            request_span: 0..0,
            auth: Default::default(),
            added_in: None,
            lifecycle: crate::model::methods::Lifecycle::Current,
            lifecycle_since: None,
            params: Vec::new(),
            errors: Vec::new(),
            returns: None,
            name_override: None,
        }
    }

    #[test]
    fn endpoints_are_named_by_page_and_anchor() {
        assert_eq!(
            endpoint_name(
                "statuses",
                &fragment(&method(Some("create"), "Post a new status"))
            ),
            "StatusesCreate"
        );
        assert_eq!(
            endpoint_name("admin/accounts", &fragment(&method(Some("get-one"), "x"))),
            "AdminAccountsGetOne"
        );
        assert_eq!(
            endpoint_name(
                "accounts",
                &fragment(&method(Some("verify_credentials"), "x"))
            ),
            "AccountsVerifyCredentials"
        );
        // No anchor: Hugo's id for the heading.
        let avatar = method(None, "Delete profile avatar");
        assert_eq!(fragment(&avatar), "delete-profile-avatar");
        assert_eq!(
            endpoint_name("profile", &fragment(&avatar)),
            "ProfileDeleteProfileAvatar"
        );
        assert_eq!(
            fragment(&method(None, "Update the filtering policy (v2)")),
            "update-the-filtering-policy-v2"
        );
    }

    #[test]
    fn rename_keys_are_told_apart() {
        assert!(is_reason_key("401 The access token is invalid"));
        assert!(!is_reason_key("#not-found"));
        assert!(is_endpoint_key("GET /api/v1/statuses/:id"));
        assert!(!is_endpoint_key("RecordNotFound"));
        assert!(!is_endpoint_key("429 - Too many requests"));
    }
}
