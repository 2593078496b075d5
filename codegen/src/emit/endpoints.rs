//! The API methods as Rust: `Endpoint`, one table that drives its const
//! accessors (as http's `StatusCode` does), a generated router, and
//! classification of a method's responses.

use std::collections::{BTreeMap, HashMap};

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::{self, DocBuilder};
use super::{deprecated_attribute, ident, lifecycle_variant, lit, option_lit};
use crate::check::catalogue::ReasonRef;
use crate::check::endpoints::Endpoint;
use crate::check::validate::Checked;
use crate::model::methods::{ReturnShape, Returns};
use crate::model::scopes::ResolvedScopes;

/// The `Endpoint` items: the enum, its impl, and their types.
pub(super) fn items(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let enum_item = endpoint_enum(endpoints);
    let impl_item = endpoint_impl(endpoints);
    let types = types();
    quote! {
        #enum_item
        #types
        #impl_item
    }
}

/// The endpoint table: a row of facts per method, which the accessors read.
pub(super) fn table_items(
    checked: &Checked<'_>,
    endpoints: &[Endpoint<'_>],
    scopes: &ResolvedScopes,
) -> TokenStream {
    let reasons = reason_variants(checked);
    let row_type = row_type();
    let table = table(endpoints, &reasons, scopes);
    quote! {
        #row_type
        #table
    }
}

/// The router: `Endpoint::from_request` and the helpers it scans with.
pub(super) fn router_items(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let router = router(endpoints);
    let has_parameters = endpoints
        .iter()
        .any(|endpoint| endpoint.route.iter().any(Option::is_none));
    let segment_after = segment_after_fn(has_parameters);
    quote! {
        #[allow(deprecated)] // Deprecated methods are still routed.
        impl Endpoint {
            #router
        }
        #segment_after
    }
}

/// Each reason's variant by its place in the (augmented) spec.
pub(crate) fn reason_variants<'c>(checked: &'c Checked<'_>) -> HashMap<ReasonRef, &'c str> {
    let mut in_group: HashMap<usize, usize> = HashMap::new();
    checked
        .reasons
        .iter()
        .map(|reason| {
            let index = in_group.entry(reason.group_index).or_default();
            let key = ReasonRef {
                group: reason.group_index,
                index: *index,
            };
            *index += 1;
            (key, reason.variant.as_str())
        })
        .collect()
}

fn request(endpoint: &Endpoint<'_>) -> String {
    format!("{} {}", endpoint.method.http_method, endpoint.method.path)
}

fn endpoint_enum(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let variants = endpoints.iter().map(|endpoint| {
        let method = endpoint.method;
        let mut doc = DocBuilder::new();
        doc.line(&format!(
            "{}: {}.",
            docs::code_span(&request(endpoint)),
            docs::escape_inline(&method.title)
        ));
        let deprecated = deprecated_attribute(
            method.lifecycle,
            method.lifecycle_since.as_deref(),
            "Endpoint::docs_url",
        );
        let doc = doc.attrs();
        let variant = ident(&endpoint.variant);
        quote! {
            #doc
            #deprecated
            #variant,
        }
    });
    let mut doc = DocBuilder::new();
    doc.line("A documented Mastodon API method, from the [API method pages](https://docs.joinmastodon.org/methods/).");
    doc.blank();
    doc.line("Each variant is named after its docs page and anchor (`statuses#create` is `StatusesCreate`).");
    doc.line(
        "New documentation adds methods, so the enum is `#[non_exhaustive]`; methods the docs mark",
    );
    doc.line("deprecated or removed are `#[deprecated]`.");
    doc.line("[`Endpoint::from_request`] finds the method of a request, and [`Endpoint::classify`] its error responses.");
    let doc = doc.attrs();
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Endpoint {
            #(#variants)*
        }
    }
}

fn types() -> TokenStream {
    quote! {
        /// Who may call an [`Endpoint`], from its `OAuth` line in the docs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct Authorization {
            /// Callable without a token.
            pub public: bool,
            /// Callable with an app token (client credentials).
            pub app_token: bool,
            /// Callable with a user token.
            pub user_token: bool,
            /// The OAuth scopes the docs name (such as `write:statuses`), as [`Scope`]s.
            pub scopes: &'static [Scope],
            /// Whether any one of `scopes` is enough (the docs join them
            /// with "or"); otherwise each is needed.
            pub any_scope: bool,
            /// Names the docs give that the OAuth scopes page does not
            /// define; no token can meet them.
            pub undefined_scopes: &'static [&'static str],
        }

        /// Whether the docs still describe an [`Endpoint`] or a [`Scope`] as current.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Lifecycle {
            /// Documented for use.
            Current,
            /// Marked deprecated in the docs.
            Deprecated,
            /// Marked removed in the docs: current servers no longer have it.
            Removed,
        }

        /// An error response that the docs show for an [`Endpoint`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct DocumentedError {
            /// The HTTP status.
            pub status: u16,
            /// The status text as the docs write it, e.g. `"Unauthorized"`.
            pub status_text: &'static str,
            /// The example body's `error`.
            pub error: &'static str,
            /// The example body's `error_description`, which OAuth errors carry.
            pub error_description: Option<&'static str>,
            /// The reason (or, for a message several reasons share, the reasons) it is.
            pub classification: Classification<'static>,
        }

        /// What an [`Endpoint`] returns, as the `Returns` line of its docs
        /// says: [`Endpoint::returns`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct Returns {
            /// How the line reads: one entity, an array of one, an empty
            /// body, something else, or no line at all.
            pub shape: ReturnShape,
            /// The docs' entity names the line links, such as `"Account"`,
            /// `"CredentialAccount"` or `"Admin::Account"`: each has a page
            /// (or a section of one) among the docs' entities. More than one
            /// means one of several, as for posting a status: a `"Status"`,
            /// or a `"ScheduledStatus"` when `scheduled_at` is given (see
            /// [`Returns::is_one_of_several`]). Names only for
            /// [`ReturnShape::One`] and [`ReturnShape::Array`]; a link that
            /// does not resolve to an entity is left out.
            pub entities: &'static [&'static str],
        }

        impl Returns {
            /// Whether [`Returns::entities`] names several, of which the
            /// method returns one: which one, the docs' line says in words.
            pub const fn is_one_of_several(self) -> bool {
                self.entities.len() > 1
            }
        }

        /// How the `Returns` line of an [`Endpoint`]'s docs reads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ReturnShape {
            /// An empty body (`{}`): the line says `Empty`.
            Empty,
            /// One entity, which [`Returns::entities`] names (or the several
            /// it is one of): the line starts with a link to it.
            One,
            /// A JSON array of the entity that [`Returns::entities`] names:
            /// the line says `Array of` and links it.
            Array,
            /// Something the generator does not read as entities: a hash,
            /// strings, streaming event names, prose. [`Returns::entities`]
            /// is empty; [`Endpoint::docs_url`] has the line.
            Other,
            /// The docs give the method no `Returns` line.
            Undocumented,
        }
    }
}

/// The endpoint table's row type.
fn row_type() -> TokenStream {
    quote! {
        /// One row of the endpoint table, which every accessor reads.
        #[derive(Debug)]
        struct EndpointInfo {
            method: &'static str,
            path: &'static str,
            title: &'static str,
            page: &'static str,
            anchor: Option<&'static str>,
            docs_url: &'static str,
            authorization: Authorization,
            added_in: Option<&'static str>,
            lifecycle: Lifecycle,
            returns: Returns,
            errors: &'static [DocumentedError],
        }
    }
}

/// A row's `Returns`: each link by its resolved name, else (no entity pages
/// given) by its text. Resolution leaves out the links to no entity.
fn returns(returns: Option<&Returns>) -> TokenStream {
    let Some(returns) = returns else {
        return quote!(Returns {
            shape: ReturnShape::Undocumented,
            entities: &[],
        });
    };
    let shape = ident(match returns.shape {
        ReturnShape::Empty => "Empty",
        ReturnShape::One => "One",
        ReturnShape::Array => "Array",
        ReturnShape::Other => "Other",
    });
    let entities = returns.entities.iter().map(|entity| lit(entity.name()));
    quote!(Returns {
        shape: ReturnShape::#shape,
        entities: &[#(#entities),*],
    })
}

/// Values that rows of the endpoint table hold, with those several rows
/// share named: a row then reads as the facts that make it different.
pub(super) struct Shared {
    /// Each value as a row writes it: its const's name, or the value itself.
    pub(super) values: Vec<TokenStream>,
    /// The consts, by name, so the order is the same on every run.
    pub(super) consts: TokenStream,
}

/// Names the values that more than one row holds, by what they are
/// (`names`, from the docs' words). When different values would take one
/// name, the one most rows hold takes it and the others stay inline (two as
/// common as each other both stay inline), so a name never needs a suffix.
pub(super) fn share(
    values: Vec<(Option<String>, TokenStream)>,
    ty: &str,
    attributes: TokenStream,
) -> Shared {
    // A name that is not a plain identifier names nothing.
    let plain = |name: &String| {
        name.starts_with(|c: char| c.is_ascii_uppercase())
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    let texts: Vec<String> = values
        .iter()
        .map(|(_, tokens)| tokens.to_string())
        .collect();
    let mut uses: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for ((name, _), text) in values.iter().zip(&texts) {
        if let Some(name) = name.as_ref().filter(|name| plain(name)) {
            *uses.entry(name).or_default().entry(text).or_default() += 1;
        }
    }
    let takes = |name: &str, text: &str| {
        let counts = &uses[name];
        let count = counts[text];
        count > 1 && counts.iter().all(|(other, n)| *other == text || *n < count)
    };
    let mut consts = BTreeMap::new();
    let values = values
        .iter()
        .zip(&texts)
        .map(
            |((name, tokens), text)| match name.as_ref().filter(|name| plain(name)) {
                Some(name) if takes(name, text) => {
                    consts.entry(name.clone()).or_insert_with(|| tokens.clone());
                    let name = ident(name);
                    quote!(#name)
                }
                _ => tokens.clone(),
            },
        )
        .collect();
    let ty = ident(ty);
    let consts = consts.iter().map(|(name, tokens)| {
        let name = ident(name);
        quote!(#attributes const #name: #ty = #tokens;)
    });
    Shared {
        values,
        consts: quote!(#(#consts)*),
    }
}

/// An `Authorization`'s name: who may call, then the scopes
/// (`AUTH_USER_WRITE_STATUSES`); none when a scope is not defined.
fn authorization_name(
    auth: &crate::model::methods::Auth,
    scopes: &[String],
    undefined: &[String],
) -> Option<String> {
    if !undefined.is_empty() {
        return None;
    }
    let who: Vec<&str> = [
        (auth.public, "PUBLIC"),
        (auth.app, "APP"),
        (auth.user, "USER"),
    ]
    .into_iter()
    .filter_map(|(given, name)| given.then_some(name))
    .collect();
    let who = if who.is_empty() {
        "NONE".to_owned()
    } else {
        who.join("_OR_")
    };
    let joiner = if auth.any_scope { "_OR_" } else { "_AND_" };
    let scopes: Vec<String> = scopes
        .iter()
        .map(|scope| crate::ident::const_name(scope))
        .collect();
    Some(if scopes.is_empty() {
        format!("AUTH_{who}")
    } else {
        format!("AUTH_{who}_{}", scopes.join(joiner))
    })
}

/// A `Returns`' name: its shape, then the entities
/// (`RETURNS_ARRAY_STATUS`, `RETURNS_ONE_STATUS_OR_SCHEDULED_STATUS`).
fn returns_name(returns: Option<&Returns>) -> String {
    let Some(returns) = returns else {
        return "RETURNS_UNDOCUMENTED".to_owned();
    };
    let shape = match returns.shape {
        ReturnShape::Empty => "EMPTY",
        ReturnShape::One => "ONE",
        ReturnShape::Array => "ARRAY",
        ReturnShape::Other => "OTHER",
    };
    let entities: Vec<String> = returns
        .entities
        .iter()
        .map(|entity| crate::ident::const_name(&entity.name().replace("::", "")))
        .collect();
    if entities.is_empty() {
        format!("RETURNS_{shape}")
    } else {
        format!("RETURNS_{shape}_{}", entities.join("_OR_"))
    }
}

fn table(
    endpoints: &[Endpoint<'_>],
    reasons: &HashMap<ReasonRef, &str>,
    scopes: &ResolvedScopes,
) -> TokenStream {
    let authorizations: Vec<(Option<String>, TokenStream)> = endpoints
        .iter()
        .zip(&scopes.endpoints)
        .map(|(endpoint, resolved)| {
            let auth = &endpoint.method.auth;
            let (public, app, user) = (auth.public, auth.app, auth.user);
            let any_scope = auth.any_scope;
            let scopes = resolved.scopes.iter().map(|variant| ident(variant));
            let undefined = resolved.undefined.iter().map(|name| lit(name));
            let tokens = quote! {
                Authorization {
                    public: #public,
                    app_token: #app,
                    user_token: #user,
                    scopes: &[#(Scope::#scopes),*],
                    any_scope: #any_scope,
                    undefined_scopes: &[#(#undefined),*],
                }
            };
            (
                authorization_name(auth, &resolved.scopes, &resolved.undefined),
                tokens,
            )
        })
        .collect();
    let errors: Vec<Vec<(Option<String>, TokenStream)>> = endpoints
        .iter()
        .map(|endpoint| {
            endpoint
                .method
                .errors
                .iter()
                .zip(endpoint.example_reasons)
                .map(|(error, assignment)| {
                    let status = Literal::u16_unsuffixed(error.status);
                    let status_text = lit(&error.status_text);
                    let message = lit(&error.error);
                    let description = option_lit(error.error_description.as_deref());
                    let variants: Vec<&str> =
                        assignment.reasons.iter().map(|r| reasons[r]).collect();
                    let matched = ident(assignment.strength.variant());
                    let (name, classification) = match &variants[..] {
                        [only] => {
                            let variant = ident(only);
                            (
                                Some(format!("ERROR_{}", crate::ident::const_name(only))),
                                quote!(Classification::Documented(Reason::#variant, Match::#matched)),
                            )
                        }
                        several => {
                            let several = several.iter().map(|variant| ident(variant));
                            (
                                None,
                                quote!(Classification::Ambiguous(&[#(Reason::#several),*], Match::#matched)),
                            )
                        }
                    };
                    let tokens = quote! {
                        DocumentedError {
                            status: #status,
                            status_text: #status_text,
                            error: #message,
                            error_description: #description,
                            classification: #classification,
                        }
                    };
                    (name, tokens)
                })
                .collect()
        })
        .collect();
    let authorizations = share(
        authorizations,
        "Authorization",
        quote!(#[allow(deprecated)]),
    );
    let returns = share(
        endpoints
            .iter()
            .map(|endpoint| {
                let returns = endpoint.method.returns.as_ref();
                (Some(returns_name(returns)), self::returns(returns))
            })
            .collect(),
        "Returns",
        quote!(),
    );
    // Shared across every row's list, then each row takes its own again.
    let counts: Vec<usize> = errors.iter().map(Vec::len).collect();
    let errors = share(
        errors.into_iter().flatten().collect(),
        "DocumentedError",
        quote!(),
    );
    let mut row_errors = errors.values.iter();
    let rows = endpoints
        .iter()
        .zip(&authorizations.values)
        .zip(&returns.values)
        .zip(counts)
        .map(|(((endpoint, authorization), returns), count)| {
            let method = endpoint.method;
            let http_method = lit(&method.http_method);
            let path = lit(&method.path);
            let title = lit(&method.title);
            let page = lit(&endpoint.page.path);
            let anchor = option_lit(method.anchor.as_deref());
            let docs_url = lit(&endpoint.docs_url);
            let added_in = option_lit(method.added_in.as_deref());
            let lifecycle = lifecycle_variant(method.lifecycle);
            let errors = row_errors.by_ref().take(count);
            quote! {
                EndpointInfo {
                    method: #http_method,
                    path: #path,
                    title: #title,
                    page: #page,
                    anchor: #anchor,
                    docs_url: #docs_url,
                    authorization: #authorization,
                    added_in: #added_in,
                    lifecycle: Lifecycle::#lifecycle,
                    returns: #returns,
                    errors: &[#(#errors),*],
                },
            }
        });
    let authorization_consts = authorizations.consts;
    let returns_consts = returns.consts;
    let error_consts = errors.consts;
    quote! {
        /// One row per [`Endpoint`], in variant order.
        #[allow(deprecated)] // Deprecated scopes are still documented.
        const ENDPOINT_TABLE: &[EndpointInfo] = &[#(#rows)*];

        #authorization_consts
        #returns_consts
        #error_consts
    }
}

fn endpoint_impl(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let all = endpoints.iter().map(|endpoint| ident(&endpoint.variant));
    quote! {
        #[allow(deprecated)] // Deprecated methods are still documented and routed.
        impl Endpoint {
            /// Every documented method, in the docs' page order.
            pub const ALL: &'static [Endpoint] = &[#(Endpoint::#all),*];

            const fn info(self) -> &'static EndpointInfo {
                &ENDPOINT_TABLE[self as usize]
            }

            /// The HTTP method, e.g. `"GET"`.
            pub const fn method(self) -> &'static str {
                self.info().method
            }

            /// The path as documented, with `:name` parameters, e.g. `"/api/v1/statuses/:id"`.
            pub const fn path(self) -> &'static str {
                self.info().path
            }

            /// The method's title in the docs, e.g. `"View a single status"`.
            pub const fn title(self) -> &'static str {
                self.info().title
            }

            /// The docs page it is on, below `methods/`: `"statuses"`, `"admin/accounts"`.
            pub const fn page(self) -> &'static str {
                self.info().page
            }

            /// Its heading's anchor on that page, if it has one.
            pub const fn anchor(self) -> Option<&'static str> {
                self.info().anchor
            }

            /// A link to the method in the docs.
            pub const fn docs_url(self) -> &'static str {
                self.info().docs_url
            }

            /// Who may call it: the kinds of token and the scopes.
            pub const fn authorization(self) -> &'static Authorization {
                &self.info().authorization
            }

            /// The OAuth scopes the docs name for it; [`Authorization::any_scope`]
            /// says whether one is enough, and [`ScopeSet::permits`] applies both.
            pub const fn scopes(self) -> &'static [Scope] {
                self.info().authorization.scopes
            }

            /// The Mastodon version that added it, as the docs write it (`"0.0.0"`, `"4.0.0-beta1"`).
            pub const fn added_in(self) -> Option<&'static str> {
                self.info().added_in
            }

            /// Whether the docs mark it deprecated or removed.
            pub const fn lifecycle(self) -> Lifecycle {
                self.info().lifecycle
            }

            /// What it returns, as the `Returns` line of its docs says: one
            /// entity (`Returns::entities` names the docs' entity, such as
            /// `"Status"`), an array of one, an empty body, something else,
            /// or [`ReturnShape::Undocumented`] without such a line.
            pub const fn returns(self) -> Returns {
                self.info().returns
            }

            /// The error responses the docs show for it.
            pub const fn errors(self) -> &'static [DocumentedError] {
                self.info().errors
            }

            /// Matches an error response of this method: its own documented
            /// responses first ([`Classification::ForEndpoint`]), then the
            /// reasons that apply to every method ([`Reason::classify`]), by
            /// the same rules.
            pub fn classify(self, status: u16, message: &str) -> Classification<'_> {
                self.classify_shaped(status, message, false)
            }

            /// [`Endpoint::classify`]; `oauth_shaped` when the body has an
            /// `error_description`, so only OAuth reasons may match.
            fn classify_shaped(self, status: u16, message: &str, oauth_shaped: bool) -> Classification<'_> {
                let own = self.errors().iter().find(|error| {
                    error.status == status
                        && error.error == message
                        && (!oauth_shaped || error.classification.candidates().iter().all(|reason| reason.is_oauth()))
                });
                match own.map(|error| error.classification) {
                    Some(Classification::Documented(reason, _)) => Classification::ForEndpoint(reason),
                    Some(other) => other,
                    None => Reason::classify_shaped(status, message, oauth_shaped),
                }
            }
        }

        impl core::fmt::Display for Endpoint {
            /// `GET /api/v1/statuses/:id`.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{} {}", self.method(), self.path())
            }
        }
    }
}

/// The routes of one HTTP method as a trie of path segments.
#[derive(Default)]
struct Node<'a> {
    /// The endpoint whose path ends here.
    terminal: Option<&'a str>,
    literals: std::collections::BTreeMap<&'a str, Node<'a>>,
    parameter: Option<Box<Node<'a>>>,
}

impl<'a> Node<'a> {
    fn insert(&mut self, route: &[Option<&'a str>], variant: &'a str) {
        match route.split_first() {
            None => self.terminal = Some(variant),
            Some((Some(literal), rest)) => self
                .literals
                .entry(literal)
                .or_default()
                .insert(rest, variant),
            Some((None, rest)) => self.parameter.get_or_insert_default().insert(rest, variant),
        }
    }

    /// What this node answers, given `after`: what follows its segment in
    /// the path, which is empty or starts with `?` where the path ends, and
    /// starts with `/` where it goes on. One trailing `/` ends the path too:
    /// Rails serves `/api/v1/instance/` as `/api/v1/instance`.
    fn after_segment(&self) -> TokenStream {
        let terminal = match self.terminal {
            Some(variant) => {
                let variant = ident(variant);
                quote!(Some(Endpoint::#variant))
            }
            None => quote!(None),
        };
        if self.literals.is_empty() && self.parameter.is_none() {
            // A leaf always ends a route: one call, not a match, per leaf.
            if let Some(variant) = self.terminal {
                let variant = ident(variant);
                return quote!(route_ends(after, Endpoint::#variant));
            }
            return quote!(None);
        }
        let children = self.children();
        quote! {
            match next_segment(after) {
                None => #terminal,
                Some(rest) => #children,
            }
        }
    }

    /// The endpoint `rest` (the path from the start of a segment) reaches
    /// below this node: a literal child first, else the parameter child.
    fn children(&self) -> TokenStream {
        let literal = (!self.literals.is_empty()).then(|| {
            // Jump on the segment's first byte, then compare whole literals:
            // a literal segment is never scanned byte by byte.
            let mut by_first: std::collections::BTreeMap<u8, Vec<(&str, &Node<'_>)>> =
                std::collections::BTreeMap::new();
            for (text, child) in &self.literals {
                by_first
                    .entry(text.as_bytes()[0])
                    .or_default()
                    .push((text, child));
            }
            let arms = by_first.iter().map(|(first, literals)| {
                let tries = literals
                    .iter()
                    .rev()
                    .fold(quote!(None), |otherwise, (text, child)| {
                        let text = lit(text);
                        let child = child.after_segment();
                        quote! {
                            if let Some(after) = segment_after(rest, #text) {
                                #child
                            } else {
                                #otherwise
                            }
                        }
                    });
                let first = proc_macro2::Literal::byte_character(*first);
                quote!(Some(#first) => #tries,)
            });
            quote! {
                match rest.as_bytes().first() {
                    #(#arms)*
                    _ => None,
                }
            }
        });
        let parameter = self.parameter.as_ref().map(|child| {
            let child = child.after_segment();
            quote! {
                if let Some(after) = parameter_after(rest) {
                    #child
                } else {
                    None
                }
            }
        });
        match (literal, parameter) {
            (Some(literal), Some(parameter)) => quote! {
                match #literal {
                    found @ Some(_) => found,
                    None => #parameter,
                }
            },
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => quote!(None),
        }
    }
}

fn router(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let mut methods: Vec<&str> = endpoints
        .iter()
        .map(|e| e.method.http_method.as_str())
        .collect();
    methods.sort_unstable();
    methods.dedup();
    let method_arms = methods.iter().map(|http_method| {
        let mut trie = Node::default();
        for endpoint in endpoints
            .iter()
            .filter(|e| e.method.http_method == *http_method)
        {
            trie.insert(&endpoint.route, &endpoint.variant);
        }
        let children = trie.children();
        let http_method = lit(http_method);
        quote!(#http_method => #children,)
    });
    quote! {
        /// The method a request is for, from its HTTP method and path
        /// (`/api/v1/statuses/109404970108594430/favourite`). A literal
        /// segment wins over a parameter, the query string is ignored, one
        /// trailing slash is ignored as Mastodon (Rails) ignores it
        /// (`/api/v1/instance/`), and any other empty segment (`//`)
        /// matches nothing. It allocates nothing: a
        /// generated trie compares literal segments whole and scans only
        /// the parameters.
        pub fn from_request(method: &str, path: &str) -> Option<Endpoint> {
            let rest = path.strip_prefix('/')?;
            match method {
                #(#method_arms)*
                _ => None,
            }
        }
    }
}

/// The router's helpers: `next_segment` between segments, `segment_after`
/// for literal segments, and `parameter_after` for parameters, when a path
/// has one (else it is unused). Functions, not code repeated at every node
/// of the trie: rustc compiles each once, and an optimized build inlines them.
fn segment_after_fn(has_parameters: bool) -> TokenStream {
    let segment_end = has_parameters.then(|| {
        quote! {
            /// What follows the parameter that starts `rest`: any non-empty segment.
            #[inline]
            fn parameter_after(rest: &str) -> Option<&str> {
                match segment_end(rest) {
                    0 => None,
                    end => Some(&rest[end..]),
                }
            }

            /// Where the segment that starts `rest` ends: at the first `/` or
            /// `?`, or the end. Eight bytes at a time, as a parameter (a status
            /// id, say) is the only part of a path the router scans.
            fn segment_end(rest: &str) -> usize {
                const ONES: u64 = u64::from_le_bytes([0x01; 8]);
                const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
                const SLASHES: u64 = u64::from_le_bytes([b'/'; 8]);
                const QUESTIONS: u64 = u64::from_le_bytes([b'?'; 8]);
                // The high bit of each byte that is zero, exact for the lowest one.
                let zeros = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
                let bytes = rest.as_bytes();
                let mut at = 0;
                while let Some(chunk) = bytes.get(at..at + 8) {
                    let mut word = [0; 8];
                    word.copy_from_slice(chunk);
                    let word = u64::from_le_bytes(word);
                    let found = zeros(word ^ SLASHES) | zeros(word ^ QUESTIONS);
                    if found != 0 {
                        return at + (found.trailing_zeros() / 8) as usize;
                    }
                    at += 8;
                }
                bytes[at..]
                    .iter()
                    .position(|&byte| byte == b'/' || byte == b'?')
                    .map_or(bytes.len(), |end| at + end)
            }
        }
    });
    quote! {
        /// Where the path goes on after a segment, given `after`, what follows
        /// it: `None` where the path ends there (empty, or `?…`, or one
        /// trailing `/`), else the path from the next segment's start.
        #[inline]
        fn next_segment(after: &str) -> Option<&str> {
            match after.as_bytes() {
                [] | [b'?', ..] | [b'/'] | [b'/', b'?', ..] => None,
                // The byte is `/`, so slicing past it stays on a character boundary.
                _ => Some(&after[1..]),
            }
        }

        /// `endpoint`, where the path ends at `after`, the end of its route.
        #[inline]
        fn route_ends(after: &str, endpoint: Endpoint) -> Option<Endpoint> {
            match next_segment(after) {
                None => Some(endpoint),
                Some(_) => None,
            }
        }

        #segment_end

        /// What follows `literal` at the start of `rest` when it is the whole
        /// segment there: empty or `?…` where the path ends, `/…` where it goes on.
        fn segment_after<'p>(rest: &'p str, literal: &str) -> Option<&'p str> {
            let after = rest.strip_prefix(literal)?;
            match after.as_bytes().first() {
                None | Some(b'/' | b'?') => Some(after),
                Some(_) => None,
            }
        }
    }
}
