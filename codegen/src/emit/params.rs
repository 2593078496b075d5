//! The request parameters as Rust: `Param` and the types it holds,
//! `Endpoint::params` and `Endpoint::missing_params`, and the table they
//! read. Parameters are the largest data in the module, so rustc gets as
//! little to check per parameter as the facts allow (docs/performance.md):
//! a list is written once however many methods take it, a parameter that
//! several lists hold is a const, and a literal writes only the fields that
//! differ from `PARAM_DEFAULTS`.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::endpoints::{Shared, share};
use super::{ident, lit, option_lit};
use crate::check::endpoints::Endpoint;
use crate::model::methods::{ParamLocation, ParamType, Parameter, Requirement};

/// The parameters' items: their types, the `Endpoint` accessors, and the table.
pub(super) fn items(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let types = types();
    let lists = param_lists(
        endpoints
            .iter()
            .map(|endpoint| (endpoint.variant.as_str(), endpoint.method.params.as_slice())),
    );
    let rows = &lists.values;
    let consts = &lists.consts;
    // Without a parameter, nothing would read it, and rustc would warn.
    let defaults = endpoints
        .iter()
        .any(|endpoint| !endpoint.method.params.is_empty())
        .then(|| {
            quote! {
                /// What a parameter below does not write: optional, of no type the
                /// generator reads, no values, default or version, not deprecated
                /// nor internal.
                const PARAM_DEFAULTS: Param = Param {
                    name: "",
                    location: ParamLocation::Query,
                    ty: None,
                    values: &[],
                    default: None,
                    requirement: Requirement::Optional,
                    added_in: None,
                    deprecated: false,
                    internal: false,
                };
            }
        });
    quote! {
        #types

        impl Endpoint {
            /// The request parameters the docs document for it, in the
            /// docs' order: path, query, form data and headers.
            pub const fn params(self) -> &'static [Param] {
                ENDPOINT_PARAMS[self as usize]
            }

            /// The documented requirements that a request carrying the
            /// parameters named in `sent` does not meet, in
            /// [`Endpoint::params`] order: what the server would refuse
            /// with a 400 or 422 ([`Missing::Required`]), and the
            /// requirements the docs state in words ([`Missing::Conditional`]),
            /// which the check reports but cannot decide.
            ///
            /// A sent name is a parameter's as [`Param::is_named`] compares
            /// them, so `media_ids` and `media_ids[]` are the same. Path
            /// parameters are always there (the route has them), and the
            /// `Authorization` header is left out: a missing token is the
            /// 401 that [`Endpoint::authorization`] describes.
            pub fn missing_params<'a>(self, sent: impl IntoIterator<Item = &'a str>) -> Vec<Missing> {
                let sent: Vec<&str> = sent.into_iter().collect();
                let params = self.params();
                let is_sent = |param: &Param| sent.iter().any(|name| param.is_named(name));
                // The docs may name an alternative without its `[]` (`media_ids`),
                // or name one they do not document: it is still sent by name.
                let alternative_sent = |name: &str| match params.iter().find(|param| param.is_named(name)) {
                    Some(param) => is_sent(param),
                    None => sent.iter().any(|sent| same_name(name, sent, false)),
                };
                params
                    .iter()
                    .filter(|param| {
                        param.location != ParamLocation::Path
                            && !(param.location == ParamLocation::Header && param.name.eq_ignore_ascii_case("Authorization"))
                            && !is_sent(param)
                    })
                    .filter_map(|param| match param.requirement {
                        Requirement::Optional => None,
                        Requirement::Required => Some(Missing::Required(param)),
                        Requirement::RequiredUnless(names) => {
                            (!names.iter().any(|name| alternative_sent(name))).then_some(Missing::Required(param))
                        }
                        Requirement::Conditional(condition) => Some(Missing::Conditional(param, condition)),
                    })
                    .collect()
            }
        }

        /// Each [`Endpoint`]'s parameters, in variant order.
        const ENDPOINT_PARAMS: &[&[Param]] = &[#(#rows),*];

        #defaults

        #consts
    }
}

fn types() -> TokenStream {
    quote! {
        /// A request parameter the docs document for an [`Endpoint`]: [`Endpoint::params`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct Param {
            /// The name as the docs write it: `id` (the path's `:id`),
            /// `media_ids[]`, `poll[options][]`, `Idempotency-Key`.
            pub name: &'static str,
            /// Where the request carries it.
            pub location: ParamLocation,
            /// Its type, spelled as `spec/methods.yaml` spells it: `string`,
            /// `string(url)`, `integer`, `boolean`, `hash`, `array(string)`,
            /// or `file` for an upload (`multipart/form-data`). `None` when
            /// the docs give no type the generator reads, as for internal
            /// parameters.
            pub ty: Option<&'static str>,
            /// The values the docs list for it; open, as a server may accept more.
            pub values: &'static [&'static str],
            /// The default the docs state, as written (`"false"`, `"20"`).
            pub default: Option<&'static str>,
            /// Whether a request must carry it.
            pub requirement: Requirement,
            /// The Mastodon version that added it, from the method's version
            /// history; `None` when the docs give none (as old as the method).
            pub added_in: Option<&'static str>,
            /// The docs call it deprecated.
            pub deprecated: bool,
            /// The docs call it internal: a client follows the `Link`
            /// header instead of setting it (pagination cursors).
            pub internal: bool,
        }

        impl Param {
            /// Whether `sent`, a parameter name as a request carries it, is
            /// this parameter: the same name, with or without a trailing
            /// `[]` on either (a form's `media_ids[]=1` and a JSON body's
            /// `"media_ids": [1]` both send `media_ids[]`), in any case for
            /// a header, as HTTP compares header names.
            pub fn is_named(&self, sent: &str) -> bool {
                same_name(self.name, sent, self.location == ParamLocation::Header)
            }
        }

        /// `documented` and `sent` name the same parameter: see [`Param::is_named`].
        fn same_name(documented: &str, sent: &str, header: bool) -> bool {
            let documented = documented.strip_suffix("[]").unwrap_or(documented);
            let sent = sent.strip_suffix("[]").unwrap_or(sent);
            if header {
                documented.eq_ignore_ascii_case(sent)
            } else {
                documented == sent
            }
        }

        /// Where a [`Param`] goes in a request.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ParamLocation {
            /// A `:name` segment of [`Endpoint::path`].
            Path,
            /// The query string.
            Query,
            /// Form data: the request body, form-encoded, `multipart/form-data` or JSON.
            Form,
            /// A request header.
            Header,
        }

        /// Whether a request must carry a [`Param`], as the docs say.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Requirement {
            /// It may be left out.
            Optional,
            /// The docs mark it required, with no condition.
            Required,
            /// Required unless the request carries one of these parameters
            /// (names as the docs write them): a status's `status` unless
            /// it has `media_ids[]`.
            RequiredUnless(&'static [&'static str]),
            /// Required in cases the docs state in words, kept as written:
            /// a check reports it, never enforces it.
            Conditional(&'static str),
        }

        /// A documented requirement that a request does not meet: [`Endpoint::missing_params`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Missing {
            /// Required, and neither sent nor (for
            /// [`Requirement::RequiredUnless`]) replaced by one of its
            /// alternatives: the server answers 400 or 422.
            Required(&'static Param),
            /// Required in the cases the second field states, in the docs'
            /// words, and not sent: whether this request is one of them,
            /// the check cannot tell.
            Conditional(&'static Param, &'static str),
        }

        impl Missing {
            /// The parameter the request lacks.
            pub const fn param(self) -> &'static Param {
                match self {
                    Missing::Required(param) | Missing::Conditional(param, _) => param,
                }
            }
        }
    }
}

/// Each method's parameter list, by its variant. A list is written once, as
/// a const named after the first method that has it (`PARAMS_STATUSES_CREATE`),
/// which the methods with the same list share (pagination's lists repeat
/// across many methods); a parameter that several lists hold is a const
/// named by where it goes and its name (`PARAM_HEADER_AUTHORIZATION`).
fn param_lists<'p>(methods: impl Iterator<Item = (&'p str, &'p [Parameter])>) -> Shared {
    // Compared by their facts: a copy's spans differ between equal lists.
    type Facts<'p> = Vec<(
        &'p str,
        ParamLocation,
        &'p ParamType,
        &'p [String],
        Option<&'p str>,
        &'p Requirement,
        Option<&'p str>,
        bool,
        bool,
    )>;
    let mut names: HashMap<Facts<'p>, String> = HashMap::new();
    // The distinct lists, by their const's name, in first-use order.
    let mut distinct: Vec<(String, &'p [Parameter])> = Vec::new();
    let rows: Vec<Option<String>> = methods
        .map(|(variant, params)| {
            if params.is_empty() {
                return None;
            }
            let facts: Facts<'p> = params
                .iter()
                .map(|param| {
                    (
                        param.name.as_str(),
                        param.location,
                        &param.ty,
                        param.values.as_slice(),
                        param.default.as_deref(),
                        &param.requirement,
                        param.added_in.as_deref(),
                        param.deprecated,
                        param.internal,
                    )
                })
                .collect();
            let name = names.entry(facts).or_insert_with(|| {
                let name = format!("PARAMS_{}", crate::ident::const_name(variant));
                distinct.push((name.clone(), params));
                name
            });
            Some(name.clone())
        })
        .collect();
    let shared = share(
        distinct
            .iter()
            .flat_map(|(_, params)| params.iter())
            .map(|param| (Some(param_name(param)), self::param(param)))
            .collect(),
        "Param",
        quote!(),
    );
    let mut values = shared.values.iter();
    let lists = distinct.iter().map(|(name, params)| {
        let name = ident(name);
        let params = values.by_ref().take(params.len());
        quote!(const #name: &[Param] = &[#(#params),*];)
    });
    let param_consts = shared.consts;
    Shared {
        values: rows
            .iter()
            .map(|row| match row {
                Some(name) => {
                    let name = ident(name);
                    quote!(#name)
                }
                None => quote!(&[]),
            })
            .collect(),
        consts: quote! {
            #(#lists)*
            #param_consts
        },
    }
}

/// A shared parameter's name: `PARAM_`, where it goes, its name, then the
/// facts that set it apart from others of that name, each in capitals with
/// every run of other characters an underscore: `PARAM_FORM_POLL_OPTIONS`
/// (`poll[options][]`), `PARAM_QUERY_LIMIT_DEFAULT_40`,
/// `PARAM_QUERY_MAX_ID_INTERNAL`, `PARAM_HEADER_AUTHORIZATION_REQUIRED`.
fn param_name(param: &Parameter) -> String {
    let mut name = String::from("PARAM");
    let mut push = |words: &str| {
        let mut gap = true;
        for c in words.chars() {
            if c.is_ascii_alphanumeric() {
                if gap {
                    name.push('_');
                }
                gap = false;
                name.push(c.to_ascii_uppercase());
            } else {
                gap = true;
            }
        }
    };
    push(param.location.as_str());
    push(&param.name);
    match param.requirement {
        Requirement::Optional => {}
        Requirement::Required => push("required"),
        Requirement::RequiredUnless(_) => push("required unless"),
        Requirement::Conditional(_) => push("conditional"),
    }
    if let Some(default) = &param.default {
        push("default");
        push(default);
    }
    if let Some(version) = &param.added_in {
        push("since");
        push(version);
    }
    if param.deprecated {
        push("deprecated");
    }
    if param.internal {
        push("internal");
    }
    name
}

/// One `Param`: its name and location, then each fact that differs from
/// `PARAM_DEFAULTS`.
fn param(param: &Parameter) -> TokenStream {
    let name = lit(&param.name);
    let location = ident(match param.location {
        ParamLocation::Path => "Path",
        ParamLocation::Query => "Query",
        ParamLocation::Form => "Form",
        ParamLocation::Header => "Header",
    });
    let mut facts = Vec::new();
    if param.ty != ParamType::Unknown {
        let spelling = lit(&param.ty.spelling());
        facts.push(quote!(ty: Some(#spelling)));
    }
    if !param.values.is_empty() {
        let values = param.values.iter().map(|value| lit(value));
        facts.push(quote!(values: &[#(#values),*]));
    }
    if param.default.is_some() {
        let default = option_lit(param.default.as_deref());
        facts.push(quote!(default: #default));
    }
    match &param.requirement {
        Requirement::Optional => {}
        Requirement::Required => facts.push(quote!(requirement: Requirement::Required)),
        Requirement::RequiredUnless(names) => {
            let names = names.iter().map(|name| lit(name));
            facts.push(quote!(requirement: Requirement::RequiredUnless(&[#(#names),*])));
        }
        Requirement::Conditional(condition) => {
            let condition = lit(condition);
            facts.push(quote!(requirement: Requirement::Conditional(#condition)));
        }
    }
    if param.added_in.is_some() {
        let added_in = option_lit(param.added_in.as_deref());
        facts.push(quote!(added_in: #added_in));
    }
    if param.deprecated {
        facts.push(quote!(deprecated: true));
    }
    if param.internal {
        facts.push(quote!(internal: true));
    }
    quote! {
        Param {
            name: #name,
            location: ParamLocation::#location,
            #(#facts,)*
            ..PARAM_DEFAULTS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entities::{AttributeType, StringFormat};

    fn parameter(name: &str, location: ParamLocation, requirement: Requirement) -> Parameter {
        let string = ParamType::Value(AttributeType::String(StringFormat::Plain));
        Parameter {
            requirement,
            ..Parameter::new(name, location, string)
        }
    }

    #[test]
    fn equal_lists_and_parameters_are_written_once() {
        let authorization = parameter(
            "Authorization",
            ParamLocation::Header,
            Requirement::Required,
        );
        let max_id = parameter("max_id", ParamLocation::Query, Requirement::Optional);
        let mut limit = parameter("limit", ParamLocation::Query, Requirement::Optional);
        limit.default = Some("20".to_owned());
        let pagination = vec![authorization.clone(), max_id.clone(), limit.clone()];
        // The same facts at other places in a copy: spans do not tell lists apart.
        let mut moved = pagination.clone();
        moved[1].span = 10..20;
        let mut other = pagination.clone();
        other[2].default = Some("40".to_owned());
        let lists = param_lists(
            [
                ("AccountsStatuses", pagination.as_slice()),
                ("AccountsGet", &[][..]),
                ("AccountsFollowers", moved.as_slice()),
                ("Blocks", other.as_slice()),
            ]
            .into_iter(),
        );
        let rows: Vec<String> = lists.values.iter().map(ToString::to_string).collect();
        assert_eq!(
            rows,
            [
                "PARAMS_ACCOUNTS_STATUSES",
                "& []",
                "PARAMS_ACCOUNTS_STATUSES",
                "PARAMS_BLOCKS"
            ]
        );
        let consts = lists.consts.to_string();
        assert_eq!(consts.matches("const PARAMS_").count(), 2, "{consts}");
        // Both distinct lists hold these two: one const each.
        assert_eq!(
            consts
                .matches("const PARAM_HEADER_AUTHORIZATION_REQUIRED")
                .count(),
            1,
            "{consts}"
        );
        assert_eq!(consts.matches("name : \"max_id\"").count(), 1, "{consts}");
        // The two `limit`s differ, and each list alone holds its own: written there.
        assert_eq!(consts.matches("name : \"limit\"").count(), 2, "{consts}");
        assert!(!consts.contains("const PARAM_QUERY_LIMIT"), "{consts}");
        assert!(consts.contains("default : Some (\"40\")"), "{consts}");
    }

    #[test]
    fn a_param_writes_what_differs_from_the_defaults() {
        let mut status = parameter(
            "status",
            ParamLocation::Form,
            Requirement::RequiredUnless(vec!["media_ids[]".to_owned()]),
        );
        status.added_in = Some("2.7.0".to_owned());
        status.deprecated = true;
        assert_eq!(
            param(&status).to_string(),
            quote! {
                Param {
                    name: "status",
                    location: ParamLocation::Form,
                    ty: Some("string"),
                    requirement: Requirement::RequiredUnless(&["media_ids[]"]),
                    added_in: Some("2.7.0"),
                    deprecated: true,
                    ..PARAM_DEFAULTS
                }
            }
            .to_string()
        );
        let mut cursor = parameter("max_id", ParamLocation::Query, Requirement::Optional);
        cursor.ty = ParamType::Unknown;
        cursor.internal = true;
        assert_eq!(
            param(&cursor).to_string(),
            quote!(Param {
                name: "max_id",
                location: ParamLocation::Query,
                internal: true,
                ..PARAM_DEFAULTS
            })
            .to_string()
        );
        let mut file = parameter(
            "file",
            ParamLocation::Form,
            Requirement::Conditional("Required if no status".to_owned()),
        );
        file.ty = ParamType::File;
        file.values = vec!["a".to_owned(), "b".to_owned()];
        file.default = Some("a".to_owned());
        let file = param(&file).to_string();
        assert!(file.contains("ty : Some (\"file\")"), "{file}");
        assert!(file.contains("values : & [\"a\" , \"b\"]"), "{file}");
        assert!(file.contains("default : Some (\"a\")"), "{file}");
        assert!(
            file.contains("Requirement :: Conditional (\"Required if no status\")"),
            "{file}"
        );
    }

    #[test]
    fn a_shared_parameter_is_named_by_where_it_goes_and_its_name() {
        let named =
            |name: &str, location| param_name(&parameter(name, location, Requirement::Optional));
        assert_eq!(
            named("poll[options][]", ParamLocation::Form),
            "PARAM_FORM_POLL_OPTIONS"
        );
        assert_eq!(
            named("Idempotency-Key", ParamLocation::Header),
            "PARAM_HEADER_IDEMPOTENCY_KEY"
        );
        assert_eq!(
            named("data[alerts][admin.sign_up]", ParamLocation::Form),
            "PARAM_FORM_DATA_ALERTS_ADMIN_SIGN_UP"
        );
        assert_eq!(named("id", ParamLocation::Path), "PARAM_PATH_ID");
        let mut limit = parameter("limit", ParamLocation::Query, Requirement::Required);
        limit.default = Some("40".to_owned());
        limit.added_in = Some("2.8.0".to_owned());
        limit.deprecated = true;
        limit.internal = true;
        assert_eq!(
            param_name(&limit),
            "PARAM_QUERY_LIMIT_REQUIRED_DEFAULT_40_SINCE_2_8_0_DEPRECATED_INTERNAL"
        );
    }
}
