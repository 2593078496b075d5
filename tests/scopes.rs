//! The crate's `Scope`, `ScopeSet` and `TokenKind`, generated from
//! `spec/oauth-scopes.yaml` and `spec/methods.yaml`: for every documented
//! method, its scopes permit it alone and through their parents, and a
//! token without them is refused.

#![allow(deprecated)] // `follow` is deprecated and still documented.

use mastodon_error::{Endpoint, Lifecycle, Scope, ScopeSet, TokenKind};

/// The scopes that grant `scope`, itself excluded.
fn parents(scope: Scope) -> Vec<Scope> {
    Scope::ALL
        .iter()
        .copied()
        .filter(|parent| parent.grants().contains(&scope))
        .collect()
}

/// Every scope that neither is one of `needed` nor grants one: a token
/// with all of these still lacks what the method needs.
fn everything_but(needed: &[Scope]) -> ScopeSet {
    Scope::ALL
        .iter()
        .copied()
        .filter(|scope| !needed.iter().any(|need| need.is_granted_by(*scope)))
        .collect()
}

#[test]
fn every_method_is_permitted_by_its_scopes_and_their_parents_and_refused_without_them() {
    let mut checked = 0;
    for &endpoint in Endpoint::ALL {
        let authorization = endpoint.authorization();
        assert!(
            authorization.undefined_scopes.is_empty(),
            "{endpoint}: {:?}",
            authorization.undefined_scopes
        );
        let scopes = endpoint.scopes();
        if scopes.is_empty() {
            assert!(ScopeSet::new().permits(endpoint), "{endpoint}");
            continue;
        }
        checked += 1;
        let own: ScopeSet = scopes.iter().copied().collect();
        assert!(own.permits(endpoint), "{endpoint}: its own scopes");
        assert!(!ScopeSet::new().permits(endpoint), "{endpoint}: no scope");
        assert!(
            !everything_but(scopes).permits(endpoint),
            "{endpoint}: every other scope"
        );
        assert_eq!(ScopeSet::new().missing_for(endpoint), scopes, "{endpoint}");
        if authorization.any_scope {
            for &scope in scopes {
                let alone: ScopeSet = [scope].into_iter().collect();
                assert!(alone.permits(endpoint), "{endpoint}: `{scope}` alone");
                for parent in parents(scope) {
                    let through: ScopeSet = [parent].into_iter().collect();
                    assert!(
                        through.permits(endpoint),
                        "{endpoint}: `{scope}` through `{parent}`"
                    );
                }
            }
        } else {
            for (index, &scope) in scopes.iter().enumerate() {
                let others = scopes.iter().enumerate().filter(|(at, _)| *at != index);
                let without: ScopeSet = others.clone().map(|(_, scope)| *scope).collect();
                assert!(!without.permits(endpoint), "{endpoint}: without `{scope}`");
                assert_eq!(without.missing_for(endpoint), [scope], "{endpoint}");
                for parent in parents(scope) {
                    let mut through = without.clone();
                    through.insert(parent);
                    assert!(
                        through.permits(endpoint),
                        "{endpoint}: `{scope}` through `{parent}`"
                    );
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} methods name scopes");
}

#[test]
fn the_covering_set_permits_every_method_with_granular_scopes_only() {
    for &endpoint in Endpoint::ALL {
        let set = ScopeSet::covering(&[endpoint]);
        assert!(set.permits(endpoint), "{endpoint}: {set}");
        let expected = match (endpoint.scopes().len(), endpoint.authorization().any_scope) {
            (0, _) => 0,
            (_, true) => 1,
            (all, false) => all,
        };
        assert_eq!(set.iter().count(), expected, "{endpoint}: {set}");
    }
    let all = ScopeSet::covering(Endpoint::ALL);
    for &endpoint in Endpoint::ALL {
        assert!(all.permits(endpoint), "{endpoint}: {all}");
    }
    for scope in all.iter() {
        // Least privilege: nothing that grants more than itself, nothing deprecated,
        // unless a method names only such scopes (the admin methods name `admin:read`).
        let needed_broad = Endpoint::ALL.iter().any(|endpoint| {
            !endpoint.scopes().is_empty() && endpoint.scopes().iter().all(|named| *named == scope)
        });
        assert!(
            (scope.grants().is_empty() && scope.lifecycle() == Lifecycle::Current) || needed_broad,
            "{scope} in {all}"
        );
        // Smallest: without any one of them, some method is refused.
        let fewer: ScopeSet = all.iter().filter(|kept| *kept != scope).collect();
        assert!(
            Endpoint::ALL
                .iter()
                .any(|endpoint| !fewer.permits(*endpoint)),
            "{scope} is not needed in {all}"
        );
    }
}

#[test]
fn the_smallest_set_prefers_one_scope_that_covers_two_methods() {
    // `verify_credentials` takes `profile` or `read:accounts`; another method
    // needs `read:accounts`: one scope covers both.
    let reads_accounts = Endpoint::ALL
        .iter()
        .copied()
        .find(|endpoint| endpoint.scopes() == [Scope::ReadAccounts])
        .expect("a method needing read:accounts alone");
    assert_eq!(
        Endpoint::AccountsVerifyCredentials.scopes(),
        [Scope::Profile, Scope::ReadAccounts]
    );
    assert!(
        Endpoint::AccountsVerifyCredentials
            .authorization()
            .any_scope
    );
    let alone = ScopeSet::covering(&[Endpoint::AccountsVerifyCredentials]);
    assert_eq!(alone.to_string(), "profile");
    let both = ScopeSet::covering(&[Endpoint::AccountsVerifyCredentials, reads_accounts]);
    assert_eq!(both.to_string(), "read:accounts");
}

#[test]
fn a_token_response_scope_parses_with_the_hierarchy_and_keeps_unknown_names() {
    let set = ScopeSet::parse("read write:statuses  read unknown:thing");
    assert!(set.contains(Scope::Read) && set.contains(Scope::WriteStatuses));
    assert!(!set.contains(Scope::ReadAccounts));
    assert!(
        set.grants(Scope::ReadAccounts),
        "`read` grants `read:accounts`"
    );
    assert!(!set.grants(Scope::WriteMedia));
    assert_eq!(set.unknown(), ["unknown:thing"]);
    assert_eq!(set.to_string(), "read write:statuses unknown:thing");
    assert_eq!(ScopeSet::parse(&set.to_string()), set);
    assert!(ScopeSet::parse("").is_empty());
}

#[test]
fn scopes_carry_the_pages_versions_lifecycles_and_hierarchy() {
    assert_eq!(Scope::from_name("read:accounts"), Some(Scope::ReadAccounts));
    assert_eq!(Scope::from_name("admin"), None);
    assert_eq!(Scope::Read.added_in(), Some("0.9.0"));
    assert_eq!(Scope::Profile.added_in(), Some("4.3.0"));
    assert!(
        Scope::Profile.grants().is_empty(),
        "`profile` grants only its narrow access"
    );
    assert_eq!(Scope::ReadCollections.added_in(), Some("4.6.0"));
    assert_eq!(Scope::AdminReadDomainBlocks.added_in(), Some("4.1.0"));
    assert_eq!(Scope::Follow.lifecycle(), Lifecycle::Deprecated);
    assert_eq!(Scope::Follow.lifecycle_since(), Some("3.5.0"));
    assert_eq!(Scope::Crypto.lifecycle(), Lifecycle::Removed);
    assert!(Scope::Follow.grants().contains(&Scope::WriteBlocks));
    assert!(Scope::ReadBlocks.is_granted_by(Scope::Follow));
    assert!(Scope::AdminReadReports.is_granted_by(Scope::AdminRead));
    assert!(!Scope::AdminReadReports.is_granted_by(Scope::Read));
    for scope in Scope::ALL {
        assert_eq!(Scope::from_name(scope.name()), Some(*scope));
        assert_eq!(scope.to_string(), scope.name());
    }
}

#[test]
fn the_kind_of_token_predicts_the_documented_refusal() {
    // A method that needs a user: without a token, a 401; with an app's
    // token, the 422 its docs show (following an account does).
    let post = Endpoint::AccountsFollow;
    assert!(post.accepts(TokenKind::User));
    assert!(!post.accepts(TokenKind::Public));
    assert!(!post.accepts(TokenKind::App));
    // Its docs show no 401, and the 422 is what the Error page gives
    // for no token at all too.
    let no_token = post.refusal(TokenKind::Public).expect("documented");
    assert_eq!(no_token.status, 422);
    let statuses = Endpoint::StatusesCreate
        .refusal(TokenKind::Public)
        .expect("documented");
    assert_eq!(
        (statuses.status, statuses.error),
        (401, "The access token is invalid")
    );
    // Posting a status shows no response for an app's token: the Error
    // page's `!current_user` is the one it gets.
    let app_posts = Endpoint::StatusesCreate
        .refusal(TokenKind::App)
        .expect("the Error page's");
    assert_eq!(
        (app_posts.status, app_posts.classification.reason()),
        (422, Some(mastodon_error::Reason::NotCurrentUser))
    );
    let app = post.refusal(TokenKind::App).expect("documented");
    assert_eq!(
        (app.status, app.error),
        (422, "This method requires an authenticated user")
    );
    assert_eq!(post.refusal(TokenKind::User), None);
    // Registering an account takes the app's token, and the docs name no other.
    let register = Endpoint::AccountsCreate;
    assert!(register.accepts(TokenKind::App));
    assert!(!register.accepts(TokenKind::Public));
    assert!(!register.accepts(TokenKind::User));
    assert_eq!(
        register.refusal(TokenKind::User),
        None,
        "no documented response"
    );
    // A public method takes any token.
    let public = Endpoint::ALL
        .iter()
        .copied()
        .find(|endpoint| endpoint.authorization().public)
        .expect("a public method");
    for token in [TokenKind::Public, TokenKind::App, TokenKind::User] {
        assert!(public.accepts(token), "{public}");
        assert_eq!(public.refusal(token), None, "{public}");
    }
    // Every refusal is of a token the method does not accept, and is one
    // of the two responses, at the status its docs give.
    let mut documented = 0;
    for &endpoint in Endpoint::ALL {
        for token in [TokenKind::Public, TokenKind::App, TokenKind::User] {
            if let Some(refusal) = endpoint.refusal(token) {
                documented += 1;
                assert!(!endpoint.accepts(token), "{endpoint} {token:?}");
                assert!(
                    matches!(refusal.status, 401 | 422),
                    "{endpoint}: {refusal:?}"
                );
            }
        }
    }
    assert!(documented > 100, "only {documented} documented refusals");
}

#[test]
fn the_app_registration_example_holds() {
    let calls = [
        Endpoint::StatusesCreate,
        Endpoint::MediaV2,
        Endpoint::AccountsVerifyCredentials,
    ];
    let scopes = ScopeSet::covering(&calls);
    assert_eq!(scopes.to_string(), "profile write:media write:statuses");
    let token = ScopeSet::parse("read write:statuses");
    assert!(token.permits(Endpoint::TimelinesHome));
    assert!(!token.permits(Endpoint::MediaV2));
    assert_eq!(token.missing_for(Endpoint::MediaV2), [Scope::WriteMedia]);
    assert!(!Endpoint::StatusesCreate.accepts(TokenKind::App));
    let refused = Endpoint::AccountsFollow
        .refusal(TokenKind::App)
        .expect("documented");
    assert_eq!(refused.status, 422);
}
