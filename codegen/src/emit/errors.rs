//! The Error page as Rust: the `Error` entity, `Reason` with its table,
//! statuses and messages, and `classify` with how it matched.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::{self, DocBuilder, Links};
use super::{EmitOptions, eq_hash, ident, lit, option_lit, rust_type, serde_attr};
use crate::check::catalogue::Strength;
use crate::check::validate::{Checked, CheckedReason, FieldType};
use crate::model::{OAUTH_ERROR_CODES, RAILS_MESSAGES, plain_text};

/// The errors output: the entity, the reasons and their classification.
pub(super) fn items(
    checked: &Checked<'_>,
    with_endpoints: bool,
    options: &EmitOptions<'_>,
) -> TokenStream {
    let links = Links::new(options.docs_site, &checked.spec.title);
    let entity = entity(checked, options, &links);
    let reason_enum = reason_enum(checked, &links);
    let status_groups = status_groups(checked);
    let messages = message_consts(checked);
    let table = reason_table(checked, &links);
    let reason_impl = reason_impl(checked);
    let classification = classification(with_endpoints);
    quote! {
        #entity
        #reason_enum
        #status_groups
        #messages
        #table
        #reason_impl
        #classification
    }
}

fn entity(checked: &Checked<'_>, options: &EmitOptions<'_>, links: &Links) -> TokenStream {
    let name = ident(&checked.entity_name);
    let mut doc = DocBuilder::new();
    match &checked.spec.description {
        Some(description) => doc.line(&docs::escape(description)),
        None => doc.line(&format!("The `{}` entity.", checked.entity_name)),
    }
    doc.blank();
    doc.line(&format!(
        "Documented on the [{} entity page]({}).",
        docs::escape_inline(&checked.spec.title),
        links.page
    ));
    doc.line("Fields the docs do not list yet (such as a future `error_code`) are ignored when deserializing.");
    let doc = doc.attrs();

    let eq_hash = eq_hash(checked);
    let serde_derive = serde_attr(
        options.serde,
        quote!(derive(serde::Serialize, serde::Deserialize)),
    );

    let mut fields = Vec::new();
    let mut required_params = Vec::new();
    let mut initialisers = Vec::new();
    for field in &checked.fields {
        let field_ident = ident(&field.name.ident);
        let ty = rust_type(&field.ty);
        let field_doc = docs::field_doc(field).attrs();
        let optional = matches!(field.ty, FieldType::Optional(_));
        let mut serde_args = Vec::new();
        if let Some(json) = &field.name.json_rename {
            let json = lit(json);
            serde_args.push(quote!(rename = #json));
        }
        if optional {
            serde_args.push(quote!(default, skip_serializing_if = "Option::is_none"));
        }
        let serde_field = if serde_args.is_empty() {
            quote!()
        } else {
            serde_attr(options.serde, quote!(serde(#(#serde_args),*)))
        };
        fields.push(quote! {
            #field_doc
            #serde_field
            pub #field_ident: #ty,
        });
        if optional {
            initialisers.push(quote!(#field_ident: None));
        } else if field.ty == FieldType::String {
            required_params.push(quote!(#field_ident: impl Into<String>));
            initialisers.push(quote!(#field_ident: #field_ident.into()));
        } else {
            required_params.push(quote!(#field_ident: #ty));
            initialisers.push(quote!(#field_ident));
        }
    }

    // With nothing required, `new()` takes no arguments, and clippy then
    // expects `Default` beside it.
    let default = if required_params.is_empty() {
        quote!(Default,)
    } else {
        quote!()
    };
    let classify = entity_classify(checked);
    let display = entity_display(checked);
    quote! {
        #doc
        #[derive(Clone, Debug, #default PartialEq, #eq_hash)]
        #serde_derive
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            /// Creates a value from its required attributes; optional ones start as `None`.
            pub fn new(#(#required_params),*) -> Self {
                Self { #(#initialisers),* }
            }
            #classify
        }

        #display
    }
}

/// Whether the entity carries the message in a required `error: String`,
/// which classification and the error types read.
pub(super) fn carries_message(checked: &Checked<'_>) -> bool {
    checked
        .fields
        .iter()
        .any(|field| field.name.ident == "error" && field.ty == FieldType::String)
}

/// Whether the entity has `error_description: Option<String>`, as OAuth errors fill it.
pub(super) fn has_description(checked: &Checked<'_>) -> bool {
    checked.fields.iter().any(|field| {
        field.name.ident == "error_description"
            && field.ty == FieldType::Optional(Box::new(FieldType::String))
    })
}

/// `Display` and `std::error::Error` for an entity that carries the message:
/// the message, then `: ` and the description when there is one.
fn entity_display(checked: &Checked<'_>) -> TokenStream {
    if !carries_message(checked) {
        return quote!();
    }
    let name = ident(&checked.entity_name);
    let (doc, description) = if has_description(checked) {
        (
            quote!(#[doc = " The message, then `: ` and the description when there is one."]),
            quote! {
                if let Some(description) = &self.error_description {
                    write!(f, ": {description}")?;
                }
            },
        )
    } else {
        (quote!(#[doc = " The message."]), quote!())
    };
    quote! {
        impl core::fmt::Display for #name {
            #doc
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.error)?;
                #description
                Ok(())
            }
        }

        impl std::error::Error for #name {}
    }
}

/// `Error::classify`, when the entity carries the message in a required
/// `error: String`; with an `error_description`, its presence marks the
/// body as an OAuth error.
fn entity_classify(checked: &Checked<'_>) -> TokenStream {
    if !carries_message(checked) {
        return quote!();
    }
    let (doc, oauth_shaped) = if has_description(checked) {
        (
            quote! {
                /// Classifies this error body, given the HTTP status it came with.
                ///
                /// [`Reason::classify`]`(status, &self.error)`, except that a body
                /// with an `error_description`, which only OAuth errors have, is
                /// never classified under a reason that is not an OAuth error.
            },
            quote!(self.error_description.is_some()),
        )
    } else {
        (
            quote! {
                /// Classifies this error body, given the HTTP status it came with.
                ///
                /// Shorthand for [`Reason::classify`]`(status, &self.error)`.
            },
            quote!(false),
        )
    };
    quote! {
        #doc
        pub fn classify(&self, status: u16) -> Classification<'_> {
            Reason::classify_shaped(status, &self.error, #oauth_shaped)
        }
    }
}

fn variant_ident(reason: &CheckedReason<'_>) -> Ident {
    ident(&reason.variant)
}

fn reason_enum(checked: &Checked<'_>, links: &Links) -> TokenStream {
    let variants = checked.reasons.iter().map(|reason| {
        let doc = docs::variant_doc(reason, links).attrs();
        let variant = variant_ident(reason);
        quote! {
            #doc
            #variant,
        }
    });
    let mut doc = DocBuilder::new();
    doc.line(&format!(
        "A documented reason for an error response, from the \"Possible reasons\" section of the [{} entity page]({}).",
        docs::escape_inline(&checked.spec.title),
        links.page
    ));
    doc.blank();
    doc.line("New documentation can add reasons, so the enum is `#[non_exhaustive]`.");
    doc.line("Use [`Reason::classify`] to match a response against them.");
    let doc = doc.attrs();
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Reason {
            #(#variants)*
        }
    }
}

fn status_groups(checked: &Checked<'_>) -> TokenStream {
    let groups = checked
        .spec
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let code = Literal::u16_unsuffixed(group.code);
            let text = lit(&group.text);
            let anchor = option_lit(group.anchor.as_deref());
            let members = checked
                .reasons
                .iter()
                .filter(|reason| reason.group_index == index)
                .map(variant_ident);
            quote! {
                StatusGroup {
                    code: #code,
                    text: #text,
                    anchor: #anchor,
                    reasons: &[#(Reason::#members),*],
                },
            }
        });
    quote! {
        /// An HTTP status that the docs list reasons under, e.g. `404 - Not found`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct StatusGroup {
            /// The HTTP status code.
            pub code: u16,
            /// The status text as the docs write it, e.g. `Not found`.
            pub text: &'static str,
            /// The heading's `{#anchor}` on the docs page, if it has one.
            pub anchor: Option<&'static str>,
            /// The reasons documented under this status, in page order.
            pub reasons: &'static [Reason],
        }

        /// Every documented status, in page order.
        pub const STATUS_GROUPS: &[StatusGroup] = &[#(#groups)*];
    }
}

fn message_consts(checked: &Checked<'_>) -> TokenStream {
    let mut by_message: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for reason in &checked.reasons {
        by_message
            .entry(reason.reason.message.text.as_str())
            .or_default()
            .push(&reason.variant);
    }
    let consts = checked
        .reasons
        .iter()
        .filter(|reason| !reason.reason.message.is_template())
        .map(|reason| {
            let name = format_ident!("{}", crate::ident::const_name(&reason.variant));
            let value = lit(&reason.reason.message.text);
            let shared: Vec<&str> = by_message[reason.reason.message.text.as_str()]
                .iter()
                .copied()
                .filter(|other| *other != reason.variant)
                .collect();
            let doc = docs::message_doc(reason, &shared).attrs();
            quote! {
                #doc
                pub const #name: &str = #value;
            }
        });
    quote! {
        /// The literal messages of the documented reasons, exactly as servers send them.
        ///
        /// Template messages such as `{string}` have no constant: the server fills them in.
        pub mod messages {
            #(#consts)*
        }
    }
}

fn reason_table(checked: &Checked<'_>, links: &Links) -> TokenStream {
    let rows = checked.reasons.iter().map(|reason| {
        let name = lit(&reason.stable_name);
        let heading = lit(&reason.reason.heading);
        let anchor = option_lit(reason.reason.anchor.as_deref());
        let group = Literal::usize_unsuffixed(reason.group_index);
        let message = if reason.reason.message.is_template() {
            let text = lit(&reason.reason.message.text);
            quote!(#text)
        } else {
            let name = format_ident!("{}", crate::ident::const_name(&reason.variant));
            quote!(messages::#name)
        };
        let is_template = reason.reason.message.is_template();
        let oauth = reason.reason.oauth;
        let explanation = lit(&plain_text(&reason.reason.explanation));
        let docs_url = lit(&docs::reason_docs_url(reason, links));
        quote! {
            ReasonInfo {
                name: #name,
                heading: #heading,
                anchor: #anchor,
                group: #group,
                message: #message,
                is_template: #is_template,
                oauth: #oauth,
                explanation: #explanation,
                docs_url: #docs_url,
            },
        }
    });
    quote! {
        /// One row per [`Reason`], in declaration order; every method reads it.
        struct ReasonInfo {
            name: &'static str,
            heading: &'static str,
            anchor: Option<&'static str>,
            group: usize,
            message: &'static str,
            is_template: bool,
            oauth: bool,
            explanation: &'static str,
            docs_url: &'static str,
        }

        const REASON_TABLE: &[ReasonInfo] = &[#(#rows)*];
    }
}

fn reason_impl(checked: &Checked<'_>) -> TokenStream {
    let all = checked.reasons.iter().map(variant_ident);
    let for_status = checked
        .spec
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let code = Literal::u16_unsuffixed(group.code);
            let index = Literal::usize_unsuffixed(index);
            quote!(#code => STATUS_GROUPS[#index].reasons,)
        });
    let ClassifyArms {
        arms: classify_arms,
        uses_template_matcher,
    } = classify_arms(checked);
    let template_matcher = if uses_template_matcher {
        quote! {
            /// Whether `message` fits a template's literal pieces, in order,
            /// with anything (including nothing) between them.
            fn matches_template(message: &str, pieces: &[&str]) -> bool {
                let [first, middle @ .., last] = pieces else {
                    return pieces.first().is_some_and(|only| *only == message);
                };
                let Some(mut rest) = message.strip_prefix(first) else {
                    return false;
                };
                for piece in middle {
                    match rest.find(piece) {
                        Some(at) => rest = &rest[at + piece.len()..],
                        None => return false,
                    }
                }
                rest.ends_with(last)
            }
        }
    } else {
        quote!()
    };

    quote! {
        impl Reason {
            /// Every documented reason, in page order.
            pub const ALL: &'static [Reason] = &[#(Reason::#all),*];

            const fn info(self) -> &'static ReasonInfo {
                &REASON_TABLE[self as usize]
            }

            /// The stable string name, e.g. `"record_not_found"`; [`FromStr`](core::str::FromStr) parses it back.
            pub const fn as_str(self) -> &'static str {
                self.info().name
            }

            /// The HTTP status this reason is documented under.
            pub const fn status(self) -> u16 {
                self.status_group().code
            }

            /// The status text as the docs write it, e.g. `"Not found"`.
            pub const fn status_text(self) -> &'static str {
                self.status_group().text
            }

            /// The status group this reason is documented under.
            pub const fn status_group(self) -> &'static StatusGroup {
                &STATUS_GROUPS[self.info().group]
            }

            /// The message as documented: a literal such as `"Record not found"`,
            /// or a template such as `"{string}"`.
            pub const fn message(self) -> &'static str {
                self.info().message
            }

            /// The exact message servers send, or `None` when the docs give a template.
            pub const fn literal_message(self) -> Option<&'static str> {
                if self.info().is_template {
                    None
                } else {
                    Some(self.info().message)
                }
            }

            /// The heading as the docs write it, e.g. `"!current_user.confirmed?"`.
            pub const fn heading(self) -> &'static str {
                self.info().heading
            }

            /// The heading's `{#anchor}` on the docs page, if it has one.
            pub const fn anchor(self) -> Option<&'static str> {
                self.info().anchor
            }

            /// What the docs say about when this reason appears.
            pub const fn explanation(self) -> &'static str {
                self.info().explanation
            }

            /// A link to this reason in the docs.
            pub const fn docs_url(self) -> &'static str {
                self.info().docs_url
            }

            /// An OAuth error, which only the method pages document: its message is
            /// an OAuth code ([`OAUTH_ERROR_CODES`]), or its example carries an
            /// `error_description`.
            pub const fn is_oauth(self) -> bool {
                self.info().oauth
            }

            /// The reasons documented under an HTTP status; empty for any other status.
            pub fn for_status(status: u16) -> &'static [Reason] {
                match status {
                    #(#for_status)*
                    _ => &[],
                }
            }

            /// Matches an error response against the documented reasons, and says
            /// how it matched ([`Match`]).
            ///
            /// The status decides first. Then an exact message among that status's
            /// reasons wins ([`Match::Exact`]); then a template reason whose literal
            /// words fit, the most specific first ([`Match::Template`]); then a
            /// reason whose whole message is a placeholder, which any message of
            /// the status fits ([`Match::StatusOnly`]). Reasons documented with the
            /// same status and message are [`Classification::Ambiguous`].
            ///
            /// A message that is an OAuth code ([`OAUTH_ERROR_CODES`]) is only ever
            /// an OAuth reason ([`Reason::is_oauth`]); one that no page documents
            /// for its status is [`Classification::OAuth`].
            pub fn classify(status: u16, message: &str) -> Classification<'_> {
                Reason::classify_shaped(status, message, false)
            }

            /// [`Reason::classify`]; `oauth_shaped` when the body has the shape
            /// only OAuth errors have (an `error_description`).
            fn classify_shaped(status: u16, message: &str, oauth_shaped: bool) -> Classification<'_> {
                let oauth = oauth_shaped || is_oauth_code(message);
                let classified = match status {
                    #(#classify_arms)*
                    _ => None,
                };
                match classified {
                    Some(classification) => classification,
                    None if oauth => Classification::OAuth { status, code: message },
                    None => Classification::Undocumented { status, message },
                }
            }
        }

        #template_matcher

        impl core::fmt::Display for Reason {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for Reason {
            type Err = ParseReasonError;

            /// Parses a stable string name, as [`Reason::as_str`] returns it.
            fn from_str(name: &str) -> Result<Self, Self::Err> {
                Reason::ALL
                    .iter()
                    .copied()
                    .find(|reason| reason.as_str() == name)
                    .ok_or(ParseReasonError(()))
            }
        }

        /// The error [`Reason::from_str`](core::str::FromStr::from_str) returns for a name no reason has.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct ParseReasonError(());

        impl core::fmt::Display for ParseReasonError {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("not the name of a documented error reason")
            }
        }

        impl std::error::Error for ParseReasonError {}
    }
}

/// A message pattern within one status, with every reason documented with it.
struct Pattern<'c> {
    /// The literal pieces between placeholders; one piece for a literal message.
    pieces: Vec<String>,
    reasons: Vec<&'c CheckedReason<'c>>,
}

impl Pattern<'_> {
    fn is_template(&self) -> bool {
        self.pieces.len() > 1
    }

    /// `Some(result)`, matched as `strength` says.
    fn result(&self, strength: Strength) -> TokenStream {
        let matched = ident(strength.variant());
        match &self.reasons[..] {
            [only] => {
                let variant = variant_ident(only);
                quote!(Some(Classification::Documented(Reason::#variant, Match::#matched)))
            }
            several => {
                let variants = several.iter().map(|r| variant_ident(r));
                quote!(Some(Classification::Ambiguous(&[#(Reason::#variants),*], Match::#matched)))
            }
        }
    }

    /// OAuth-shaped responses match OAuth reasons only.
    fn guard(&self) -> TokenStream {
        if self.reasons.iter().all(|reason| reason.reason.oauth) {
            quote!()
        } else {
            quote!(if !oauth)
        }
    }
}

/// `Reason::classify`'s match arms, one per status, and whether any arm calls
/// `matches_template` (which is emitted only then, to stay warning-free).
struct ClassifyArms {
    arms: Vec<TokenStream>,
    uses_template_matcher: bool,
}

fn classify_arms(checked: &Checked<'_>) -> ClassifyArms {
    let mut uses_template_matcher = false;
    let arms = checked
        .spec
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let code = Literal::u16_unsuffixed(group.code);
            let mut patterns: Vec<Pattern<'_>> = Vec::new();
            let mut add = |pieces: Vec<String>, reason| {
                // Placeholders match anything, so only the literal pieces tell
                // patterns apart: `{string}` and `{translated string}` are one.
                match patterns.iter_mut().find(|p| p.pieces == pieces) {
                    Some(pattern) => pattern.reasons.push(reason),
                    None => patterns.push(Pattern {
                        pieces,
                        reasons: vec![reason],
                    }),
                }
            };
            for reason in checked.reasons.iter().filter(|r| r.group_index == index) {
                let message = &reason.reason.message;
                add(
                    message.pieces().into_iter().map(str::to_owned).collect(),
                    reason,
                );
                // What Rails sends for the exception the reason is named after.
                if message.is_bare_placeholder() {
                    for &(heading, status, start) in &RAILS_MESSAGES {
                        if reason.reason.heading == heading && group.code == status {
                            add(vec![start.to_owned(), String::new()], reason);
                        }
                    }
                }
            }
            let (literals, mut templates): (Vec<_>, Vec<_>) =
                patterns.into_iter().partition(|p| !p.is_template());
            // Most literal text first: `Validation failed: {x}` before `{x}`.
            templates.sort_by_key(|p| std::cmp::Reverse(p.pieces.concat().len()));
            let mut arms: Vec<TokenStream> = literals
                .iter()
                .map(|pattern| {
                    let text = lit(&pattern.pieces[0]);
                    let guard = pattern.guard();
                    let result = pattern.result(Strength::Exact);
                    quote!(#text #guard => #result,)
                })
                .collect();
            for pattern in &templates {
                if pattern.pieces.iter().all(String::is_empty) {
                    // Matches everything; later templates are unreachable.
                    let result = pattern.result(Strength::StatusOnly);
                    arms.push(quote!(_ if !oauth => #result,));
                    break;
                }
                let pieces = pattern.pieces.iter().map(|piece| lit(piece));
                let result = pattern.result(Strength::Template);
                uses_template_matcher = true;
                arms.push(
                    quote!(_ if !oauth && matches_template(message, &[#(#pieces),*]) => #result,),
                );
            }
            if arms.is_empty() {
                quote!(#code => None,)
            } else {
                quote! {
                    #code => match message {
                        #(#arms)*
                        _ => None,
                    },
                }
            }
        })
        .collect();
    ClassifyArms {
        arms,
        uses_template_matcher,
    }
}

fn classification(with_endpoints: bool) -> TokenStream {
    let for_endpoint_variant = if with_endpoints {
        quote! {
            /// The endpoint's own docs show this response, word for word, as
            /// this reason (from [`Endpoint::classify`]).
            ForEndpoint(Reason),
        }
    } else {
        quote!()
    };
    let for_endpoint = |result: TokenStream| {
        if with_endpoints {
            quote!(Classification::ForEndpoint(reason) => #result,)
        } else {
            quote!()
        }
    };
    let reason_arm = for_endpoint(quote!(Some(*reason)));
    let matched_arm = if with_endpoints {
        quote!(Classification::ForEndpoint(_) => Some(Match::Exact),)
    } else {
        quote!()
    };
    let candidates_arm = for_endpoint(quote!(core::slice::from_ref(reason)));
    let oauth_codes: Vec<Literal> = OAUTH_ERROR_CODES.iter().map(|code| lit(code)).collect();
    let oauth_arm = if with_endpoints {
        quote!(Classification::Documented(reason, _) | Classification::ForEndpoint(reason))
    } else {
        quote!(Classification::Documented(reason, _))
    };
    quote! {
        /// How a response's message matched the reason it was classified under.
        ///
        /// ```text
        /// (404, "Record not found")                      Exact: the documented message
        /// (422, "Validation failed: Text can't be blank") Template: `Validation failed: …`, Rails' RecordInvalid
        /// (400, "Bad Request")                           StatusOnly: ParameterMissing is documented as `{string}`
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Match {
            /// The documented message, word for word.
            Exact,
            /// The literal words of a documented template, in order, such as
            /// `Validation failed: …` or `You have already imposed stricter limits on …`.
            Template,
            /// The status alone: the reason documents its whole message as a
            /// placeholder (`{string}`), so every message of that status fits
            /// it. The message's own words say nothing about the reason.
            StatusOnly,
        }

        /// What [`Reason::classify`] makes of an error response, and how sure it is.
        ///
        /// [`Classification::reason`] gives the reason whatever the [`Match`];
        /// [`Classification::reason_by_message`] only when the message's own
        /// words matched, which is what a client should show its user.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Classification<'a> {
            /// Exactly one documented reason fits, as the [`Match`] says.
            Documented(Reason, Match),
            #for_endpoint_variant
            /// Several documented reasons share this status and message, so
            /// the response alone cannot tell them apart. All are listed.
            Ambiguous(&'static [Reason], Match),
            /// An OAuth error (its `error` is an OAuth code, or the body has an
            /// `error_description`) that no page documents for this status. It
            /// is never filed under a reason that is not an OAuth error.
            OAuth {
                /// The response's HTTP status.
                status: u16,
                /// The OAuth error code (the `error` attribute), e.g. `unsupported_grant_type`.
                code: &'a str,
            },
            /// No documented reason fits; the response is passed back as it came.
            Undocumented {
                /// The response's HTTP status.
                status: u16,
                /// The response's message (the `error` attribute).
                message: &'a str,
            },
        }

        impl<'a> Classification<'a> {
            /// The reason, when exactly one is documented for the response,
            /// however it matched.
            pub const fn reason(&self) -> Option<Reason> {
                match self {
                    Classification::Documented(reason, _) => Some(*reason),
                    #reason_arm
                    _ => None,
                }
            }

            /// The reason, only when the message's own words matched it: exactly,
            /// or a template's literal words. `None` for a match by status alone.
            pub const fn reason_by_message(&self) -> Option<Reason> {
                match self.matched() {
                    Some(Match::Exact | Match::Template) => self.reason(),
                    _ => None,
                }
            }

            /// How the message matched; `None` when no documented reason fits.
            pub const fn matched(&self) -> Option<Match> {
                match self {
                    Classification::Documented(_, matched) | Classification::Ambiguous(_, matched) => {
                        Some(*matched)
                    }
                    #matched_arm
                    _ => None,
                }
            }

            /// Every documented reason that fits: one, several, or none.
            pub fn candidates(&self) -> &[Reason] {
                match self {
                    Classification::Documented(reason, _) => core::slice::from_ref(reason),
                    #candidates_arm
                    Classification::Ambiguous(reasons, _) => reasons,
                    Classification::OAuth { .. } | Classification::Undocumented { .. } => &[],
                }
            }

            /// The OAuth error code, when the response is an OAuth error,
            /// documented or not: `Some("invalid_grant")`.
            pub const fn oauth_code(&self) -> Option<&'a str> {
                match self {
                    Classification::OAuth { code, .. } => Some(code),
                    #oauth_arm if reason.is_oauth() => Some(reason.message()),
                    _ => None,
                }
            }
        }

        /// The error codes of OAuth 2.0: RFC 6749 §4.1.2.1 and §5.2, RFC 6750
        /// §3.1 and RFC 7009 §2.2.1. A response whose `error` is one of them is
        /// only ever classified under an OAuth reason.
        pub const OAUTH_ERROR_CODES: &[&str] = &[#(#oauth_codes),*];

        /// Whether `message` is in [`OAUTH_ERROR_CODES`], compared by length first.
        fn is_oauth_code(message: &str) -> bool {
            matches!(message, #(#oauth_codes)|*)
        }
    }
}
