//! Reads a generated module back into an [`ApiView`], so `check` can say
//! what changed between the checked-in file and a fresh generation without
//! the spec it was generated from.

use std::collections::HashMap;

use syn::{Expr, Fields, GenericArgument, Item, Lit, Member, Meta, PathArguments, Type};

use super::view::{
    ApiView, EndpointView, ErrorView, FieldView, GroupView, ParamView, RateLimitView, ReasonView,
    ScopeView,
};
use crate::model::methods::{Auth, ParamLocation, Requirement};

/// `None` when the text is not a module this generator wrote (hand-edited
/// beyond recognition, or from a very different version).
pub(crate) fn read_back(module: &str) -> Option<ApiView> {
    let file = syn::parse_file(module).ok()?;
    // Emission puts the entity struct first.
    let entity = file.items.iter().find_map(|item| match item {
        Item::Struct(entity) => Some(entity),
        _ => None,
    })?;
    let Fields::Named(named) = &entity.fields else {
        return None;
    };
    let fields = named
        .named
        .iter()
        .map(|field| {
            let ident = field.ident.as_ref()?.to_string();
            let name = serde_rename(&field.attrs)
                .unwrap_or_else(|| ident.trim_start_matches("r#").to_owned());
            Some(FieldView {
                name,
                rust_type: type_text(&field.ty)?,
                description: None,
                history: None,
            })
        })
        .collect::<Option<Vec<_>>>()?;

    let variants: Vec<String> = file
        .items
        .iter()
        .find_map(|item| match item {
            Item::Enum(reason) if reason.ident == "Reason" => Some(reason),
            _ => None,
        })?
        .variants
        .iter()
        .map(|variant| variant.ident.to_string())
        .collect();

    let messages: HashMap<String, String> = file
        .items
        .iter()
        .find_map(|item| match item {
            Item::Mod(module) if module.ident == "messages" => module.content.as_ref(),
            _ => None,
        })
        .map(|(_, items)| items.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match item {
            Item::Const(constant) => Some((constant.ident.to_string(), string(&constant.expr)?)),
            _ => None,
        })
        .collect();

    let groups = const_rows(&file, "STATUS_GROUPS")?
        .iter()
        .map(|row| {
            Some(GroupView {
                code: u16::try_from(integer(row.get("code")?)?).ok()?,
                text: string(row.get("text")?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;

    let rows = const_rows(&file, "REASON_TABLE")?;
    if rows.len() != variants.len() {
        return None;
    }
    let reasons = rows
        .iter()
        .zip(variants)
        .map(|(row, variant)| {
            let group = usize::try_from(integer(row.get("group")?)?).ok()?;
            let message = match row.get("message")? {
                Expr::Path(path) => {
                    let name = path.path.segments.last()?.ident.to_string();
                    messages.get(&name)?.clone()
                }
                literal => string(literal)?,
            };
            Some(ReasonView {
                variant,
                heading: string(row.get("heading")?)?,
                anchor: optional_string(row.get("anchor")?)?,
                status: groups.get(group)?.code,
                message,
                is_template: boolean(row.get("is_template")?)?,
                explanation: string(row.get("explanation")?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;

    let by_variant = read_scopes(&file)?;
    Some(ApiView {
        entity: entity.ident.to_string(),
        fields,
        groups,
        reasons,
        endpoints: read_endpoints(&file, &by_variant)?,
        lints: Vec::new(),
        rate_limits: read_rate_limits(&file)?,
        rate_limit_headers: read_rate_limit_headers(&file),
        scopes: by_variant.into_iter().map(|(_, scope)| scope).collect(),
    })
}

/// The `Scope` table, by variant: empty for a module without one (the
/// Error page alone, or one generated before scopes were typed).
fn read_scopes(file: &syn::File) -> Option<Vec<(String, ScopeView)>> {
    let Some(scope) = file.items.iter().find_map(|item| match item {
        Item::Enum(scope) if scope.ident == "Scope" => Some(scope),
        _ => None,
    }) else {
        return Some(Vec::new());
    };
    let rows = const_rows(file, "SCOPE_TABLE")?;
    if rows.len() != scope.variants.len() {
        return None;
    }
    let by_variant: Vec<(String, HashMap<String, &Expr>)> = scope
        .variants
        .iter()
        .map(|variant| variant.ident.to_string())
        .zip(rows)
        .collect();
    let name_of = |expr: &Expr| {
        let variant = last_ident(expr)?;
        let (_, row) = by_variant.iter().find(|(known, _)| *known == variant)?;
        string(row.get("name")?)
    };
    by_variant
        .iter()
        .map(|(variant, row)| {
            let lifecycle = last_ident(row.get("lifecycle")?)?.to_lowercase();
            Some((
                variant.clone(),
                ScopeView::new(
                    string(row.get("name")?)?,
                    array(row.get("grants")?)?
                        .into_iter()
                        .map(name_of)
                        .collect::<Option<Vec<_>>>()?,
                    optional_string(row.get("added_in")?)?,
                    &lifecycle,
                    optional_string(row.get("lifecycle_since")?)?.as_deref(),
                ),
            ))
        })
        .collect()
}

/// The constants of `rate_limit_headers`, in order: empty without them.
fn read_rate_limit_headers(file: &syn::File) -> Vec<String> {
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Mod(module) if module.ident == "rate_limit_headers" => module.content.as_ref(),
            _ => None,
        })
        .map(|(_, items)| items.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match item {
            Item::Const(constant) => string(&constant.expr),
            _ => None,
        })
        .collect()
}

/// `RATE_LIMITS`: empty for a module without the rate-limits page.
fn read_rate_limits(file: &syn::File) -> Option<Vec<RateLimitView>> {
    let has_table = file
        .items
        .iter()
        .any(|item| matches!(item, Item::Const(constant) if constant.ident == "RATE_LIMITS"));
    if !has_table {
        return Some(Vec::new());
    }
    const_rows(file, "RATE_LIMITS")?
        .iter()
        .map(|row| {
            Some(RateLimitView {
                scope: last_ident(row.get("scope")?)?.to_ascii_lowercase(),
                name: optional_string(row.get("name")?)?,
                requests: array(row.get("requests")?)?
                    .into_iter()
                    .map(string)
                    .collect::<Option<Vec<_>>>()?,
                count: u32::try_from(integer(row.get("count")?)?).ok()?,
                period_seconds: u32::try_from(integer(row.get("period_seconds")?)?).ok()?,
            })
        })
        .collect()
}

/// The `Endpoint` table: empty for a module of the Error page alone.
/// `by_variant` names each `Scope` variant the table uses.
fn read_endpoints<'f>(
    file: &'f syn::File,
    by_variant: &[(String, ScopeView)],
) -> Option<Vec<EndpointView>> {
    let Some(endpoint) = file.items.iter().find_map(|item| match item {
        Item::Enum(endpoint) if endpoint.ident == "Endpoint" => Some(endpoint),
        _ => None,
    }) else {
        return Some(Vec::new());
    };
    let rows = const_rows(file, "ENDPOINT_TABLE")?;
    if rows.len() != endpoint.variants.len() {
        return None;
    }
    // A value several rows share is a `const` the rows name.
    let consts = consts(file);
    let fields_of = |expr: &'f Expr| struct_fields(named(expr, &consts)?);
    // A module from before `Endpoint::params()` has no `ENDPOINT_PARAMS`.
    let params = match consts.get("ENDPOINT_PARAMS") {
        Some(lists) => {
            let lists = array(lists)?;
            if lists.len() != rows.len() {
                return None;
            }
            lists
                .into_iter()
                .map(|list| read_params(list, &consts).map(Some))
                .collect::<Option<Vec<_>>>()?
        }
        None => vec![None; rows.len()],
    };
    rows.iter()
        .zip(&endpoint.variants)
        .zip(params)
        .map(|((row, variant), params)| {
            let auth = fields_of(row.get("authorization")?)?;
            // `Scope::ReadAccounts`, or a string in a module from before
            // scopes were typed; then the names the docs do not define.
            let mut named = array(auth.get("scopes")?)?
                .iter()
                .map(|expr| {
                    string(expr).or_else(|| {
                        let variant = last_ident(expr)?;
                        let (_, scope) = by_variant.iter().find(|(known, _)| *known == variant)?;
                        Some(scope.name.clone())
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            if let Some(undefined) = auth.get("undefined_scopes") {
                named.extend(
                    array(undefined)?
                        .into_iter()
                        .map(string)
                        .collect::<Option<Vec<_>>>()?,
                );
            }
            // Sorted, as `ApiView::of_api` sorts them: the module keeps the
            // defined and undefined names apart, the docs' line does not.
            named.sort();
            let any_scope = auth
                .get("any_scope")
                .map_or(Some(false), |expr| boolean(expr))?;
            let errors = array(row.get("errors")?)?
                .iter()
                .map(|error| {
                    let error = fields_of(error)?;
                    Some(ErrorView {
                        status: u16::try_from(integer(error.get("status")?)?).ok()?,
                        message: string(error.get("error")?)?,
                        reasons: classification(error.get("classification")?)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(EndpointView {
                variant: variant.ident.to_string(),
                page: string(row.get("page")?)?,
                anchor: optional_string(row.get("anchor")?)?,
                title: string(row.get("title")?)?,
                http_method: string(row.get("method")?)?,
                path: string(row.get("path")?)?,
                tokens: Auth {
                    public: boolean(auth.get("public")?)?,
                    app: boolean(auth.get("app_token")?)?,
                    user: boolean(auth.get("user_token")?)?,
                    scopes: Vec::new(),
                    any_scope: false,
                }
                .token_kinds(),
                scopes: named,
                any_scope,
                added_in: optional_string(row.get("added_in")?)?,
                lifecycle: last_ident(row.get("lifecycle")?)?.to_lowercase(),
                params,
                errors,
            })
        })
        .collect()
}

/// One `ENDPOINT_PARAMS` entry: `&[Param { .. }, ..]` or a `const` several
/// endpoints share, whose elements are literals that leave what they do
/// not write to `..PARAM_DEFAULTS`, or `const`s several lists share.
fn read_params(list: &Expr, consts: &HashMap<String, &Expr>) -> Option<Vec<ParamView>> {
    array(named(list, consts)?)?
        .into_iter()
        .map(|param| {
            let param = struct_fields_with_rest(named(param, consts)?, consts)?;
            let location = last_ident(param.get("location")?)?.to_ascii_lowercase();
            Some(ParamView {
                location: ParamLocation::from_name(&location)?,
                name: string(param.get("name")?)?,
                // `None`: no type the generator reads.
                ty: optional_string(param.get("ty")?)?.unwrap_or_else(|| "unknown".to_owned()),
                values: strings(param.get("values")?)?,
                default: optional_string(param.get("default")?)?,
                requirement: requirement(param.get("requirement")?)?,
                added_in: optional_string(param.get("added_in")?)?,
                deprecated: boolean(param.get("deprecated")?)?,
                internal: boolean(param.get("internal")?)?,
            })
        })
        .collect()
}

/// The module's `const`s, by name.
fn consts(file: &syn::File) -> HashMap<String, &Expr> {
    file.items
        .iter()
        .filter_map(|item| match item {
            Item::Const(constant) => Some((constant.ident.to_string(), &*constant.expr)),
            _ => None,
        })
        .collect()
}

/// The value a bare identifier names among the module's `const`s, or the
/// expression itself when it is not one.
fn named<'f>(expr: &'f Expr, consts: &HashMap<String, &'f Expr>) -> Option<&'f Expr> {
    match expr {
        Expr::Path(path) => consts.get(&path.path.get_ident()?.to_string()).copied(),
        _ => Some(expr),
    }
}

/// A struct literal's fields, by name, with those it leaves to `..REST`
/// taken from that `const`.
fn struct_fields_with_rest<'f>(
    expr: &'f Expr,
    consts: &HashMap<String, &'f Expr>,
) -> Option<HashMap<String, &'f Expr>> {
    let Expr::Struct(literal) = expr else {
        return None;
    };
    let mut fields = match &literal.rest {
        Some(rest) => struct_fields_with_rest(named(rest, consts)?, consts)?,
        None => HashMap::new(),
    };
    fields.extend(struct_fields(expr)?);
    Some(fields)
}

/// `Requirement::Optional`, `Requirement::RequiredUnless(&["media_ids[]"])`,
/// `Requirement::Conditional("…")`.
fn requirement(expr: &Expr) -> Option<Requirement> {
    match expr {
        Expr::Call(call) if call.args.len() == 1 => {
            let argument = call.args.first()?;
            match last_ident(&call.func)?.as_str() {
                "RequiredUnless" => Some(Requirement::RequiredUnless(strings(argument)?)),
                "Conditional" => Some(Requirement::Conditional(string(argument)?)),
                _ => None,
            }
        }
        _ => match last_ident(expr)?.as_str() {
            "Optional" => Some(Requirement::Optional),
            "Required" => Some(Requirement::Required),
            _ => None,
        },
    }
}

/// `&["a", "b"]`.
fn strings(expr: &Expr) -> Option<Vec<String>> {
    array(expr)?.into_iter().map(string).collect()
}

/// `Classification::Documented(Reason::X, Match::Exact)` → `X`;
/// `Ambiguous(&[Reason::A, Reason::B], Match::Exact)` → `A|B`.
fn classification(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let argument = call.args.first()?;
    match last_ident(&call.func)?.as_str() {
        "Documented" => last_ident(argument),
        "Ambiguous" => Some(
            array(argument)?
                .iter()
                .map(|expr| last_ident(expr))
                .collect::<Option<Vec<_>>>()?
                .join("|"),
        ),
        _ => None,
    }
}

/// The last segment of a path expression: `Lifecycle::Current` → `Current`.
fn last_ident(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(path) => Some(path.path.segments.last()?.ident.to_string()),
        _ => None,
    }
}

/// `rename = "json"` inside a field's serde attribute, if any.
fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| {
        let Meta::List(list) = &attr.meta else {
            return None;
        };
        let tokens = list.tokens.to_string();
        let after = &tokens[tokens.find("rename = ")? + "rename = ".len()..];
        let literal: syn::LitStr = syn::parse_str(after.split([',', ')']).next()?.trim()).ok()?;
        Some(literal.value())
    })
}

/// A path type as emission writes it, without spaces: `Option<Vec<String>>`.
fn type_text(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else {
        return None;
    };
    let mut text = String::new();
    for (index, segment) in path.path.segments.iter().enumerate() {
        if index > 0 {
            text.push_str("::");
        }
        text.push_str(&segment.ident.to_string());
        if let PathArguments::AngleBracketed(arguments) = &segment.arguments {
            let arguments = arguments
                .args
                .iter()
                .map(|argument| match argument {
                    GenericArgument::Type(ty) => type_text(ty),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            text.push_str(&format!("<{}>", arguments.join(",")));
        }
    }
    Some(text)
}

/// The struct literals of `const NAME: &[T] = &[T { .. }, ..]`, by field name.
fn const_rows<'f>(file: &'f syn::File, name: &str) -> Option<Vec<HashMap<String, &'f Expr>>> {
    let expr = file.items.iter().find_map(|item| match item {
        Item::Const(constant) if constant.ident == name => Some(&*constant.expr),
        _ => None,
    })?;
    array(expr)?.into_iter().map(struct_fields).collect()
}

/// The elements of `&[a, b, …]`.
fn array(expr: &Expr) -> Option<Vec<&Expr>> {
    let Expr::Reference(reference) = expr else {
        return None;
    };
    let Expr::Array(array) = &*reference.expr else {
        return None;
    };
    Some(array.elems.iter().collect())
}

/// A struct literal's fields, by name.
fn struct_fields(expr: &Expr) -> Option<HashMap<String, &Expr>> {
    let Expr::Struct(row) = expr else {
        return None;
    };
    Some(
        row.fields
            .iter()
            .filter_map(|field| match &field.member {
                Member::Named(ident) => Some((ident.to_string(), &field.expr)),
                Member::Unnamed(_) => None,
            })
            .collect(),
    )
}

fn literal(expr: &Expr) -> Option<&Lit> {
    match expr {
        Expr::Lit(literal) => Some(&literal.lit),
        _ => None,
    }
}

fn string(expr: &Expr) -> Option<String> {
    match literal(expr)? {
        Lit::Str(text) => Some(text.value()),
        _ => None,
    }
}

fn integer(expr: &Expr) -> Option<u64> {
    match literal(expr)? {
        Lit::Int(number) => number.base10_parse().ok(),
        _ => None,
    }
}

fn boolean(expr: &Expr) -> Option<bool> {
    match literal(expr)? {
        Lit::Bool(value) => Some(value.value),
        _ => None,
    }
}

/// `None` → `Some(None)`, `Some("x")` → `Some(Some("x"))`, anything else → `None`.
fn optional_string(expr: &Expr) -> Option<Option<String>> {
    match expr {
        Expr::Path(path) if path.path.is_ident("None") => Some(None),
        Expr::Call(call) if call.args.len() == 1 => Some(Some(string(call.args.first()?)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ENDPOINT_PARAMS` as the emitter writes it: a list inline or through
    /// a `const`, a parameter as a literal that leaves the rest to
    /// `..PARAM_DEFAULTS` or through a `const`, read back to what the model said.
    #[test]
    fn parameters_read_back() {
        let file: syn::File = syn::parse_str(
            r#"
            const ENDPOINT_PARAMS: &[&[Param]] = &[
                PARAMS_STATUSES_CREATE,
                &[Param {
                    name: "max_id",
                    location: ParamLocation::Query,
                    internal: true,
                    ..PARAM_DEFAULTS
                }],
                &[],
                &[Param { name: "id" }],
            ];
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
            const PARAMS_STATUSES_CREATE: &[Param] = &[
                PARAM_FORM_STATUS,
                Param {
                    name: "visibility",
                    location: ParamLocation::Form,
                    ty: Some("string"),
                    values: &["public", "direct"],
                    default: Some("public"),
                    requirement: Requirement::Conditional("if quoting"),
                    added_in: Some("2.7.0"),
                    deprecated: true,
                    ..PARAM_DEFAULTS
                },
            ];
            const PARAM_FORM_STATUS: Param = Param {
                name: "status",
                location: ParamLocation::Form,
                ty: Some("string"),
                requirement: Requirement::RequiredUnless(&["media_ids[]"]),
                ..PARAM_DEFAULTS
            };
            "#,
        )
        .expect("parses");
        let consts = consts(&file);
        let lists = array(consts["ENDPOINT_PARAMS"]).expect("a list");
        let shared = read_params(lists[0], &consts).expect("reads");
        assert_eq!(shared.len(), 2);
        assert_eq!(shared[0].key(), "form status");
        assert_eq!(shared[0].ty, "string");
        assert_eq!(
            shared[0].requirement,
            Requirement::RequiredUnless(vec!["media_ids[]".to_owned()])
        );
        assert!(shared[0].values.is_empty() && shared[0].default.is_none());
        let visibility = &shared[1];
        assert_eq!(visibility.values, ["public", "direct"]);
        assert_eq!(visibility.default.as_deref(), Some("public"));
        assert_eq!(
            visibility.requirement,
            Requirement::Conditional("if quoting".to_owned())
        );
        assert_eq!(visibility.added_in.as_deref(), Some("2.7.0"));
        assert!(visibility.deprecated && !visibility.internal);
        let own = read_params(lists[1], &consts).expect("reads");
        assert_eq!(own[0].key(), "query max_id");
        assert_eq!(own[0].ty, "unknown");
        assert!(own[0].internal);
        assert_eq!(read_params(lists[2], &consts), Some(Vec::new()));
        assert_eq!(read_params(lists[3], &consts), None);
    }
}
