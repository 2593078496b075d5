//! The OAuth scopes as Rust: `Scope`, one table that drives its accessors,
//! `ScopeSet` for what a token holds (parse, `permits`, the smallest
//! covering set), and `TokenKind`, which predicts a refusal.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, DocBuilder};
use super::{deprecated_attribute, ident, lifecycle_variant, lit, option_lit};
use crate::check::validate::Checked;
use crate::model::methods::Lifecycle;
use crate::model::scopes::ResolvedScopes;

/// The message the docs give a method that needs a user, called without one.
const NOT_A_USER: &str = "This method requires an authenticated user";

pub(super) fn items(scopes: &ResolvedScopes, checked: &Checked<'_>) -> TokenStream {
    let scope = scope_items(scopes);
    let scope_set = scope_set_items();
    let token_kind = token_kind_items(checked);
    quote! {
        #scope
        #scope_set
        #token_kind
    }
}

/// `Scope`: the enum, its table and its accessors.
fn scope_items(scopes: &ResolvedScopes) -> TokenStream {
    let variant_of = |name: &str| {
        scopes
            .scopes
            .iter()
            .find(|(def, _)| def.name == name)
            .map(|(_, variant)| ident(variant))
    };
    let parents_of = |name: &str| -> Vec<String> {
        scopes
            .scopes
            .iter()
            .filter(|(def, _)| {
                scopes
                    .granted_by(&def.name)
                    .iter()
                    .any(|granted| granted == name)
            })
            .map(|(def, _)| def.name.clone())
            .collect()
    };
    let variants = scopes.scopes.iter().map(|(def, variant)| {
        let mut doc = DocBuilder::new();
        let mut line = docs::code_span(&def.name);
        if let Some(added_in) = &def.added_in {
            line.push_str(&format!(
                ": added in Mastodon {}",
                docs::escape_inline(added_in)
            ));
        }
        match (def.lifecycle, &def.lifecycle_since) {
            (Lifecycle::Current, _) => {}
            (lifecycle, Some(since)) => line.push_str(&format!(
                "; {} in {}",
                lifecycle.as_str(),
                docs::escape_inline(since)
            )),
            (lifecycle, None) => line.push_str(&format!("; {}", lifecycle.as_str())),
        }
        line.push('.');
        doc.line(&line);
        let grants = scopes.granted_by(&def.name);
        if !grants.is_empty() {
            doc.blank();
            let names: Vec<String> = grants.iter().map(|name| docs::code_span(name)).collect();
            doc.line(&format!("Grants {}.", names.join(", ")));
        }
        let parents = parents_of(&def.name);
        if !parents.is_empty() {
            doc.blank();
            let names: Vec<String> = parents.iter().map(|name| docs::code_span(name)).collect();
            doc.line(&format!("Granted by {}.", names.join(", ")));
        }
        let deprecated = deprecated_attribute(
            def.lifecycle,
            def.lifecycle_since.as_deref(),
            "Scope::DOCS_URL",
        );
        let doc = doc.attrs();
        let variant = ident(variant);
        quote! {
            #doc
            #deprecated
            #variant,
        }
    });
    let mut doc = DocBuilder::new();
    match &scopes.docs_url {
        Some(url) => {
            doc.line(&format!(
                "An OAuth scope that the docs define, from the [OAuth scopes page]({url})."
            ));
            doc.blank();
            doc.line("The scopes are hierarchical: [`Scope::grants`] gives what requesting a high-level scope also grants, and [`ScopeSet`] applies it.");
        }
        None => {
            doc.line("An OAuth scope that the API method pages name.");
            doc.blank();
            doc.line("This module was generated without the OAuth scopes page, so no scope carries a version and none grants another: a [`ScopeSet`] holding `read` does not permit a method that names `read:accounts`.");
        }
    }
    doc.blank();
    doc.line("New documentation adds scopes, so the enum is `#[non_exhaustive]`; scopes the docs mark deprecated or removed are `#[deprecated]`.");
    let doc = doc.attrs();
    let docs_url = lit(scopes
        .docs_url
        .as_deref()
        .unwrap_or("https://docs.joinmastodon.org/api/oauth-scopes/"));
    let all: Vec<_> = scopes
        .scopes
        .iter()
        .map(|(_, variant)| ident(variant))
        .collect();
    let names: Vec<_> = scopes
        .scopes
        .iter()
        .map(|(def, _)| lit(&def.name))
        .collect();
    let (info_body, from_name_body) = if scopes.scopes.is_empty() {
        (quote!(match self {}), quote!(let _ = name; None))
    } else {
        (
            quote!(&SCOPE_TABLE[self as usize]),
            quote! {
                match name {
                    #(#names => Some(Scope::#all),)*
                    _ => None,
                }
            },
        )
    };
    let rows = scopes.scopes.iter().map(|(def, _)| {
        let name = lit(&def.name);
        let added_in = option_lit(def.added_in.as_deref());
        let lifecycle = lifecycle_variant(def.lifecycle);
        let since = option_lit(def.lifecycle_since.as_deref());
        // Transitively: `is_granted_by` looks one level down.
        let grants: Vec<_> = scopes
            .granted_by(&def.name)
            .iter()
            .filter_map(|name| variant_of(name))
            .collect();
        quote! {
            ScopeInfo {
                name: #name,
                added_in: #added_in,
                lifecycle: Lifecycle::#lifecycle,
                lifecycle_since: #since,
                grants: &[#(Scope::#grants),*],
            },
        }
    });
    // With no scope at all the enum is empty: no table to index.
    let table = (!scopes.scopes.is_empty()).then(|| {
        quote! {
            /// One row per [`Scope`], in variant order.
            #[allow(deprecated)] // Deprecated scopes are still documented.
            const SCOPE_TABLE: &[ScopeInfo] = &[#(#rows)*];
        }
    });
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Scope {
            #(#variants)*
        }

        /// One row of the scope table, which every accessor reads.
        #[derive(Debug)]
        struct ScopeInfo {
            name: &'static str,
            added_in: Option<&'static str>,
            lifecycle: Lifecycle,
            lifecycle_since: Option<&'static str>,
            grants: &'static [Scope],
        }

        #table

        #[allow(deprecated)] // Deprecated scopes are still documented.
        impl Scope {
            /// Every documented scope, in the docs' page order.
            pub const ALL: &'static [Scope] = &[#(Scope::#all),*];

            /// The OAuth scopes page of the docs.
            pub const DOCS_URL: &'static str = #docs_url;

            const fn info(self) -> &'static ScopeInfo {
                #info_body
            }

            /// The name a token and the `scopes` parameter use, e.g. `"read:accounts"`.
            pub const fn name(self) -> &'static str {
                self.info().name
            }

            /// The scope a name names, if the docs define it.
            pub fn from_name(name: &str) -> Option<Scope> {
                #from_name_body
            }

            /// The Mastodon version that added it, from the page's version history.
            pub const fn added_in(self) -> Option<&'static str> {
                self.info().added_in
            }

            /// Whether the docs mark it deprecated or removed.
            pub const fn lifecycle(self) -> Lifecycle {
                self.info().lifecycle
            }

            /// The version that deprecated or removed it, when the docs say.
            pub const fn lifecycle_since(self) -> Option<&'static str> {
                self.info().lifecycle_since
            }

            /// The scopes that requesting this one also grants: `read` grants
            /// `read:accounts`, …; empty for a granular scope.
            pub const fn grants(self) -> &'static [Scope] {
                self.info().grants
            }

            /// Whether a token holding `held` has this scope: `held` is this
            /// scope, or grants it.
            pub fn is_granted_by(self, held: Scope) -> bool {
                held == self || held.grants().contains(&self)
            }

            /// A scope that grants nothing more than itself, and that the docs
            /// still recommend: what least privilege asks for.
            fn is_narrow(self) -> bool {
                self.grants().is_empty() && matches!(self.lifecycle(), Lifecycle::Current)
            }
        }

        impl core::fmt::Display for Scope {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

/// `ScopeSet`: what a token holds, and what a method needs of it.
fn scope_set_items() -> TokenStream {
    quote! {
        /// The scopes a token holds, or an app asks for: parsed from the
        /// space-separated `scope` of a token response, and displayed the
        /// same way for the `scopes` parameter of app registration.
        ///
        /// Names the docs do not define are kept, so that nothing a server
        /// granted is lost: [`ScopeSet::unknown`] gives them.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct ScopeSet {
            /// In variant order, without repeats.
            scopes: Vec<Scope>,
            /// Sorted, without repeats, so that equal sets compare equal.
            unknown: Vec<String>,
        }

        impl ScopeSet {
            /// The empty set.
            pub const fn new() -> Self {
                ScopeSet { scopes: Vec::new(), unknown: Vec::new() }
            }

            /// Reads a space-separated list of scopes, such as a token
            /// response's `scope`: `"read write:statuses"`.
            pub fn parse(scope: &str) -> Self {
                let mut set = ScopeSet::new();
                for name in scope.split_ascii_whitespace() {
                    match Scope::from_name(name) {
                        Some(scope) => {
                            set.insert(scope);
                        }
                        None => {
                            if let Err(at) = set.unknown.binary_search_by(|known| known.as_str().cmp(name)) {
                                set.unknown.insert(at, name.to_owned());
                            }
                        }
                    }
                }
                set
            }

            /// Adds a scope; `false` if the set held it already.
            pub fn insert(&mut self, scope: Scope) -> bool {
                match self.scopes.binary_search(&scope) {
                    Ok(_) => false,
                    Err(at) => {
                        self.scopes.insert(at, scope);
                        true
                    }
                }
            }

            /// Whether the set names `scope` itself.
            pub fn contains(&self, scope: Scope) -> bool {
                self.scopes.binary_search(&scope).is_ok()
            }

            /// Whether the set has `scope`, itself or through a scope that grants it.
            pub fn grants(&self, scope: Scope) -> bool {
                self.scopes.iter().any(|held| scope.is_granted_by(*held))
            }

            /// Whether a token with these scopes may call `endpoint`, as far
            /// as scopes go (a 403 `This action is outside the authorized
            /// scopes` otherwise); [`Endpoint::accepts`] answers for the kind
            /// of token. A method whose line offers alternatives needs one of
            /// them; otherwise it needs each. A scope the scopes page does not
            /// define ([`Authorization::undefined_scopes`]) cannot be met.
            pub fn permits(&self, endpoint: Endpoint) -> bool {
                let authorization = endpoint.authorization();
                let scopes = authorization.scopes;
                if authorization.any_scope {
                    scopes.iter().any(|scope| self.grants(*scope))
                        || (scopes.is_empty() && authorization.undefined_scopes.is_empty())
                } else {
                    authorization.undefined_scopes.is_empty()
                        && scopes.iter().all(|scope| self.grants(*scope))
                }
            }

            /// What `endpoint` needs that the set lacks: each missing scope,
            /// or every alternative when none of them is held. Names the
            /// scopes page does not define are not here but in
            /// [`Authorization::undefined_scopes`]; with one of those a
            /// method is refused even when this is empty.
            pub fn missing_for(&self, endpoint: Endpoint) -> Vec<Scope> {
                if self.permits(endpoint) {
                    return Vec::new();
                }
                let authorization = endpoint.authorization();
                authorization
                    .scopes
                    .iter()
                    .copied()
                    .filter(|scope| authorization.any_scope || !self.grants(*scope))
                    .collect()
            }

            /// The smallest set that permits every one of `endpoints`, to
            /// request at app registration: least privilege first (the
            /// fewest scopes that grant others or are deprecated), then the
            /// fewest scopes. A method's alternatives are tried in the
            /// order its docs write them. Scopes the docs do not define
            /// cannot be requested, so a method naming one stays unpermitted.
            /// The search is exact for the docs' methods, and bounded for
            /// any input: past its budget it keeps the best set found.
            ///
            /// It does not look at versions: a server older than a scope's
            /// [`Scope::added_in`] (`profile` is 4.3.0) refuses to register
            /// it, so check those against the server's version, or its
            /// `GET /.well-known/oauth-authorization-server`.
            pub fn covering(endpoints: &[Endpoint]) -> ScopeSet {
                let mut needs: Vec<Vec<Scope>> = Vec::new();
                for endpoint in endpoints {
                    let authorization = endpoint.authorization();
                    if authorization.any_scope {
                        let mut alternatives = authorization.scopes.to_vec();
                        // Stable: narrow scopes first, then as written.
                        alternatives.sort_by_key(|scope| !scope.is_narrow());
                        needs.push(alternatives);
                    } else {
                        needs.extend(authorization.scopes.iter().map(|scope| vec![*scope]));
                    }
                }
                needs.retain(|alternatives| !alternatives.is_empty());
                let mut chosen = ScopeSet::new();
                let mut best = None;
                // Alternatives are few in the docs (a method offers two or
                // three), so the search is exact there; the budget bounds it
                // on any input, keeping the best set found, which is valid.
                let mut budget = 100_000;
                cover(&needs, &mut chosen, &mut best, &mut budget);
                let mut best = best.map(|(_, set)| set).unwrap_or_default();
                // A scope chosen early can be granted by one chosen later
                // (`read:accounts`, then `read` for a method naming only it).
                let meets = |set: &ScopeSet| {
                    needs.iter().all(|alternatives| alternatives.iter().any(|scope| set.grants(*scope)))
                };
                for scope in best.scopes.clone() {
                    let mut fewer = best.clone();
                    fewer.scopes.retain(|held| *held != scope);
                    if meets(&fewer) {
                        best = fewer;
                    }
                }
                best
            }

            /// The defined scopes, in variant order.
            pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
                self.scopes.iter().copied()
            }

            /// The names the set holds that the docs do not define, sorted.
            pub fn unknown(&self) -> &[String] {
                &self.unknown
            }

            /// Whether the set holds no scope, defined or not.
            pub fn is_empty(&self) -> bool {
                self.scopes.is_empty() && self.unknown.is_empty()
            }

            /// Least privilege first, then size: lower is better.
            fn cost(&self) -> (usize, usize) {
                let broad = self.scopes.iter().filter(|scope| !scope.is_narrow()).count();
                (broad, self.scopes.len())
            }
        }

        /// Searches every choice of alternatives for the cheapest set that
        /// meets each need; choices that already cost more are cut.
        fn cover(
            needs: &[Vec<Scope>],
            chosen: &mut ScopeSet,
            best: &mut Option<((usize, usize), ScopeSet)>,
            budget: &mut usize,
        ) {
            if best.as_ref().is_some_and(|(cost, _)| chosen.cost() >= *cost || *budget == 0) {
                return;
            }
            *budget = budget.saturating_sub(1);
            let Some(need) = needs
                .iter()
                .find(|alternatives| !alternatives.iter().any(|scope| chosen.grants(*scope)))
            else {
                *best = Some((chosen.cost(), chosen.clone()));
                return;
            };
            for scope in need {
                if chosen.insert(*scope) {
                    cover(needs, chosen, best, budget);
                    chosen.scopes.retain(|held| held != scope);
                }
            }
        }

        impl core::fmt::Display for ScopeSet {
            /// Space-separated, defined scopes in variant order, then the
            /// unknown names: the form of `scope` and `scopes` parameters.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let mut first = true;
                for name in self.scopes.iter().map(|scope| scope.name()).chain(self.unknown.iter().map(String::as_str)) {
                    if !first {
                        f.write_str(" ")?;
                    }
                    f.write_str(name)?;
                    first = false;
                }
                Ok(())
            }
        }

        impl FromIterator<Scope> for ScopeSet {
            fn from_iter<I: IntoIterator<Item = Scope>>(scopes: I) -> Self {
                let mut set = ScopeSet::new();
                set.extend(scopes);
                set
            }
        }

        impl Extend<Scope> for ScopeSet {
            fn extend<I: IntoIterator<Item = Scope>>(&mut self, scopes: I) {
                for scope in scopes {
                    self.insert(scope);
                }
            }
        }
    }
}

/// `TokenKind`, and what the docs say a method answers to a token it does
/// not accept.
fn token_kind_items(checked: &Checked<'_>) -> TokenStream {
    // The Error page's own reason for that message (`!current_user`), which
    // it gives for any method that needs a user: the refusal of a method
    // whose page shows none.
    let user_required = checked.reasons.iter().find(|reason| {
        reason.reason.docs_url.is_none() && reason.reason.message.text == NOT_A_USER
    });
    let (user_required_item, user_required) = match user_required {
        Some(reason) => {
            let status = proc_macro2::Literal::u16_unsuffixed(reason.group.code);
            let status_text = lit(&reason.group.text);
            let variant = ident(&reason.variant);
            let message = lit(NOT_A_USER);
            (
                quote! {
                    /// The Error page's response to a method that needs a user, called
                    /// without one: what [`Endpoint::refusal`] gives where the method's
                    /// own page shows none.
                    const USER_REQUIRED: DocumentedError = DocumentedError {
                        status: #status,
                        status_text: #status_text,
                        error: #message,
                        error_description: None,
                        classification: Classification::Documented(Reason::#variant, Match::Exact),
                    };
                },
                quote!(.or(Some(&USER_REQUIRED))),
            )
        }
        None => (quote!(), quote!()),
    };
    let not_a_user = lit(NOT_A_USER);
    quote! {
        /// What a request carries: no token, an app's token (client
        /// credentials), or a user's token.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TokenKind {
            /// No token.
            Public,
            /// An app token, from the client credentials grant.
            App,
            /// A user token, from the authorization code grant.
            User,
        }

        #user_required_item

        impl Endpoint {
            /// Whether the docs let `token` call this method, by the kinds of
            /// token its `OAuth` line names. A public method takes any token.
            /// A method whose docs name no kind of token gives no prediction:
            /// `true`. [`Endpoint::refusal`] gives the response a refusal gets.
            pub const fn accepts(self, token: TokenKind) -> bool {
                let authorization = self.authorization();
                let documented = authorization.public || authorization.app_token || authorization.user_token;
                !documented
                    || authorization.public
                    || match token {
                        TokenKind::Public => false,
                        TokenKind::App => authorization.app_token,
                        TokenKind::User => authorization.user_token,
                    }
            }

            /// The error response the docs give for calling this method with
            /// `token` when it does not accept it. Without a token, that is
            /// `The access token is invalid` (401) where the method's page
            /// shows it. For a method that needs a user, it is otherwise
            /// `This method requires an authenticated user`, which the Error
            /// page (`!current_user`) gives for a token without a user, or
            /// none, and which an app's token gets: as the
            /// method's page shows it (422 on most pages), else as the Error
            /// page does. `None` when it accepts `token`, or when the docs
            /// give no such response.
            pub fn refusal(self, token: TokenKind) -> Option<&'static DocumentedError> {
                const INVALID_TOKEN: &str = "The access token is invalid";
                if self.accepts(token) {
                    return None;
                }
                let documented = |message: &str| self.errors().iter().find(|error| error.error == message);
                let user_required = || documented(#not_a_user) #user_required;
                let needs_user = !self.authorization().app_token;
                match token {
                    TokenKind::Public => documented(INVALID_TOKEN)
                        .or_else(|| if needs_user { user_required() } else { None }),
                    TokenKind::App => user_required(),
                    TokenKind::User => None,
                }
            }
        }
    }
}
