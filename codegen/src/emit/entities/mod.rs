//! The entities as Rust: one `#[non_exhaustive]` struct per entity and per
//! nested hash, one open enum per enumerated attribute, `Json` for what the
//! docs leave untyped, and `EntityKind`/`AnyEntity` to read an entity named
//! at run time (as `Endpoint::returns()` names them).
//!
//! Built as tokens and formatted with prettyplease, as every emitter is.
//! Serde is not gated: the types are read from JSON and have no
//! constructors, so without serde they could be neither built nor read.
//!
//! Three files, so none nears the 6,000 lines a generated file may have:
//! [`MAIN`], the structs and the items they share, includes [`KINDS`]
//! (`EntityKind`, `AnyEntity`) and [`VALUES`] (the open enums of enumerated
//! attributes) from beside it.

mod prelude;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;

use super::docs::DocBuilder;
use super::lit;
use crate::ident;
use crate::model::entities::flattened;
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Baseline, Entity, EntityAttribute, EntityPage, EntitySpec,
    StringFormat,
};

/// Why the entities did not emit.
#[derive(Debug, Clone)]
pub(crate) enum EmitError {
    /// Two items want one name: the input's to fix.
    Clash(Box<NameClash>),
    /// Tokens that do not parse: a generator bug.
    Bug(String),
}

impl From<Box<NameClash>> for EmitError {
    fn from(clash: Box<NameClash>) -> Self {
        EmitError::Clash(clash)
    }
}

/// Where a generated name comes from, for a collision's error.
#[derive(Debug, Clone)]
pub(crate) struct NameClash {
    pub name: String,
    /// (page index, span) of each item that wants the name.
    pub first: (usize, Range<usize>),
    pub second: (usize, Range<usize>),
    pub what: String,
}

/// The main file's name: what `include!` names.
pub(crate) const MAIN: &str = "entities.rs";
/// The file of `EntityKind` and `AnyEntity`, which [`MAIN`] includes.
pub(crate) const KINDS: &str = "entity_kinds.rs";
/// The file of the open enums, which [`MAIN`] includes.
pub(crate) const VALUES: &str = "entity_values.rs";

/// The module's files after their header, as (file name, text), [`MAIN`]
/// first; or the first clash of two generated names.
pub(crate) fn emit(
    spec: &EntitySpec,
    baseline: &Baseline,
    docs_site: &str,
) -> Result<Vec<(&'static str, String)>, EmitError> {
    let mut emitter = Emitter {
        spec,
        docs_site: docs_site.trim_end_matches('/'),
        items: Vec::new(),
        values: Vec::new(),
        names: BTreeMap::new(),
        kinds: Vec::new(),
        double_option: false,
        nullable: false,
        distinguishing: distinguishing_keys(spec),
    };
    for (page_index, page) in spec.pages.iter().enumerate() {
        for entity in &page.entities {
            if let Err(problem) = checked_type_name(&entity.name) {
                return Err(EmitError::Clash(Box::new(NameClash {
                    name: entity.name.clone(),
                    first: (page_index, entity.span.clone()),
                    second: (page_index, entity.span.clone()),
                    what: format!("entity `{}`, which {},", entity.name, problem.describe()),
                })));
            }
        }
    }
    emitter.items.push(prelude::baseline(baseline));
    emitter.items.push(prelude::json());
    emitter.items.push(prelude::undocumented_value());
    for (page_index, page) in spec.pages.iter().enumerate() {
        for entity in &page.entities {
            emitter.entity(page_index, page, entity)?;
        }
    }
    let kinds = std::mem::take(&mut emitter.kinds);
    if emitter.double_option {
        emitter.items.push(prelude::double_option());
    }
    if emitter.nullable {
        emitter.items.push(prelude::nullable());
    }
    let (items, values) = (emitter.items, emitter.values);
    let main = quote! {
        #(#items)*
        include!(#KINDS);
        include!(#VALUES);
    };
    let format = |tokens| super::format(tokens).map_err(EmitError::Bug);
    Ok(vec![
        (MAIN, format(main)?),
        (KINDS, format(prelude::kinds(&kinds))?),
        (VALUES, format(quote!(#(#values)*))?),
    ])
}

struct Emitter<'s> {
    spec: &'s EntitySpec,
    docs_site: &'s str,
    /// The items of [`MAIN`].
    items: Vec<TokenStream>,
    /// The open enums, for [`VALUES`].
    values: Vec<TokenStream>,
    /// Every type name given so far, with where it came from.
    names: BTreeMap<String, (usize, Range<usize>, String)>,
    /// Each entity, for `EntityKind`.
    kinds: Vec<prelude::Kind>,
    /// Whether a field may be both absent and null, which needs `double_option`.
    double_option: bool,
    /// Whether a field must be present and may be null, which needs `nullable`.
    nullable: bool,
    /// For each entity that is an alternative of a `one_of`, the required
    /// keys no other alternative has.
    distinguishing: BTreeMap<&'s str, BTreeSet<String>>,
}

/// For each entity that is an alternative of a `one_of` attribute, its
/// required keys (present, if maybe null, on every server the types read)
/// that no other alternative has at all.
fn distinguishing_keys(spec: &EntitySpec) -> BTreeMap<&str, BTreeSet<String>> {
    let keys_of = |name: &str, required_only: bool| -> BTreeSet<String> {
        spec.entity(name)
            .map(|entity| {
                flattened(spec, entity)
                    .into_iter()
                    .filter(|attribute| {
                        attribute.path.len() == 1
                            && (!required_only
                                || (!attribute.optional && attribute.sent_from.is_none()))
                    })
                    .map(|attribute| attribute.path[0].clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut keys: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (_, entity) in spec.entities() {
        for attribute in &entity.attributes {
            let AttributeType::OneOf(names) = attribute.ty.element() else {
                continue;
            };
            for name in names {
                let others: BTreeSet<String> = names
                    .iter()
                    .filter(|other| *other != name)
                    .flat_map(|other| keys_of(other, false))
                    .collect();
                keys.entry(name.as_str())
                    .or_default()
                    .extend(keys_of(name, true).difference(&others).cloned());
            }
        }
    }
    keys
}

/// An attribute and those nested in it, as the JSON nests them.
struct Node<'s> {
    key: String,
    attribute: Option<&'s EntityAttribute>,
    children: Vec<Node<'s>>,
}

fn tree<'s>(attributes: &[&'s EntityAttribute]) -> Vec<Node<'s>> {
    let mut roots: Vec<Node<'s>> = Vec::new();
    for attribute in attributes {
        let mut level = &mut roots;
        // The readers give every attribute a key; an empty path has no place.
        let Some((last, parents)) = attribute.path.split_last() else {
            continue;
        };
        for key in parents {
            let at = match level.iter().position(|node| node.key == *key) {
                Some(at) => at,
                None => {
                    level.push(Node {
                        key: key.clone(),
                        attribute: None,
                        children: Vec::new(),
                    });
                    level.len() - 1
                }
            };
            level = &mut level[at].children;
        }
        match level.iter_mut().find(|node| node.key == *last) {
            Some(node) => node.attribute = Some(attribute),
            None => level.push(Node {
                key: last.clone(),
                attribute: Some(attribute),
                children: Vec::new(),
            }),
        }
    }
    roots
}

/// The Rust type name of an entity: `Admin::Account` → `AdminAccount`.
/// [`emit`] checks every entity's name first, so this one never fails there.
pub(crate) fn type_name(docs_name: &str) -> String {
    checked_type_name(docs_name).unwrap_or_else(|_| docs_name.replace("::", ""))
}

/// The type name, or why the docs name gives none (`2FA`, `Self`).
fn checked_type_name(docs_name: &str) -> Result<String, ident::NameProblem> {
    let name: String = docs_name
        .split("::")
        .map(ident::variant_name)
        .collect::<Result<_, _>>()?;
    match name.as_str() {
        "Self" => Err(ident::NameProblem::Keyword(name)),
        _ => Ok(name),
    }
}

fn pascal(key: &str) -> String {
    ident::variant_name(&key.replace('@', "at ")).unwrap_or_else(|_| format!("Key{}", key.len()))
}

/// The field for a JSON key, and the key when serde must be told it. Every
/// key gets one: `@1x` is `at_1x`, `2fa` is `_2fa`, and any character that no
/// identifier takes becomes `_` (two keys that meet are a name clash).
fn field(key: &str) -> (String, Option<String>) {
    if let Ok(name) = ident::field_name(key) {
        return (name.ident, name.json_rename);
    }
    let snake: String = key
        .replace('@', "at_")
        .to_snake_case()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) || snake.is_empty() {
        format!("_{snake}")
    } else {
        snake
    };
    match ident::field_name(&snake) {
        Ok(name) => (name.ident, Some(key.to_owned())),
        // `_` alone, or `self`-like words: suffixed as the rule does for keywords.
        Err(_) => (format!("{snake}_"), Some(key.to_owned())),
    }
}

/// An identifier the emitter made from a checked name.
fn id(name: &str) -> proc_macro2::Ident {
    super::ident(name)
}

/// `text`'s lines as `#[doc]` attributes, as `///` lines would give them.
fn doc(text: &str) -> TokenStream {
    let mut builder = DocBuilder::new();
    builder.line(text);
    builder.attrs()
}

impl<'s> Emitter<'s> {
    fn claim(
        &mut self,
        name: &str,
        page: usize,
        span: Range<usize>,
        what: String,
    ) -> Result<(), Box<NameClash>> {
        if let Some((first_page, first_span, first_what)) = self.names.get(name) {
            return Err(Box::new(NameClash {
                name: name.to_owned(),
                first: (*first_page, first_span.clone()),
                second: (page, span),
                what: format!("{first_what} and {what}"),
            }));
        }
        self.names.insert(name.to_owned(), (page, span, what));
        Ok(())
    }

    fn entity(
        &mut self,
        page_index: usize,
        page: &EntityPage,
        entity: &'s Entity,
    ) -> Result<(), EmitError> {
        let name = type_name(&entity.name);
        self.claim(
            &name,
            page_index,
            entity.span.clone(),
            format!("entity `{}`", entity.name),
        )?;
        let (file, site) = (url_part(&page.file), self.docs_site);
        let url = match &entity.anchor {
            Some(anchor) => format!("{site}/entities/{file}/#{}", url_part(anchor)),
            None => format!("{site}/entities/{file}/"),
        };
        self.kinds.push(prelude::Kind {
            rust: name.clone(),
            docs: entity.name.clone(),
            url: url.clone(),
        });
        let mut doc = format!("The [{}]({url}) entity.", doc_safe(&entity.name));
        if let Some(base) = &entity.extends {
            doc.push_str(&format!(
                "\n\nIt has every attribute of [`{}`] too.",
                type_name(base)
            ));
        }
        let attributes = flattened(self.spec, entity);
        let nodes = tree(&attributes);
        let context = Context {
            page_index,
            file: &page.file,
            admin: entity.name.starts_with("Admin::"),
        };
        let strict = self
            .distinguishing
            .get(entity.name.as_str())
            .cloned()
            .unwrap_or_default();
        self.structure(&context, &name, &doc, &nodes, &strict)
    }

    /// A struct for `nodes`, then the types its fields need.
    fn structure(
        &mut self,
        context: &Context<'_>,
        name: &str,
        doc_text: &str,
        nodes: &[Node<'s>],
        strict: &BTreeSet<String>,
    ) -> Result<(), EmitError> {
        let mut fields = Vec::new();
        let mut after: Vec<Pending<'_, 's>> = Vec::new();
        let mut taken: BTreeMap<String, (String, Range<usize>)> = BTreeMap::new();
        for node in nodes {
            let (field_name, rename) = field(&node.key);
            let span = node.attribute.map(|a| a.span.clone()).unwrap_or(0..0);
            if let Some((first, first_span)) =
                taken.insert(field_name.clone(), (node.key.clone(), span.clone()))
            {
                return Err(EmitError::Clash(Box::new(NameClash {
                    name: field_name,
                    first: (context.page_index, first_span),
                    second: (context.page_index, span),
                    what: format!("the fields for `{first}` and `{}` of `{name}`", node.key),
                })));
            }
            let child_name = format!("{name}{}", pascal(&node.key));
            let (rust, pending) = self.field_type(node, &child_name);
            if let Some(pending) = pending {
                after.push(pending);
            }
            let (nullable, optional) = node
                .attribute
                .map_or((false, false), |a| (a.nullable, a.may_be_absent()));
            let ty = match (nullable, optional) {
                (false, false) => rust,
                (true, false) | (false, true) => format!("Option<{rust}>"),
                (true, true) => format!("Option<Option<{rust}>>"),
            };
            let ty: TokenStream = ty
                .parse()
                .map_err(|err| EmitError::Bug(format!("the type `{ty}` does not lex: {err}")))?;
            let field_doc = doc(&self.field_doc(context, node));
            let mut serde = Vec::new();
            if let Some(rename) = rename {
                let rename = lit(&rename);
                serde.push(quote!(rename = #rename));
            }
            if nullable && !optional && strict.contains(&node.key) {
                // A key that tells this alternative of a `one_of` from the
                // others (`Quote`'s `quoted_status`) must be there, or the
                // untagged enum would take a `ShallowQuote` for a `Quote`.
                serde.push(quote!(deserialize_with = "nullable"));
                self.nullable = true;
            }
            if optional {
                serde.push(quote!(default));
                serde.push(quote!(skip_serializing_if = "Option::is_none"));
                if nullable {
                    serde.push(quote!(deserialize_with = "double_option"));
                    self.double_option = true;
                }
            }
            let serde = if serde.is_empty() {
                quote!()
            } else {
                quote!(#[serde(#(#serde),*)])
            };
            let deprecated = match node.attribute.map(|a| a.lifecycle) {
                Some(AttributeLifecycle::Removed) => {
                    quote!(#[deprecated(note = "removed in Mastodon's entity docs")])
                }
                Some(AttributeLifecycle::Deprecated) => {
                    quote!(#[deprecated(note = "deprecated in Mastodon's entity docs")])
                }
                _ => quote!(),
            };
            let field_ident = id(&field_name);
            fields.push(quote! {
                #field_doc
                #serde
                #deprecated
                pub #field_ident: #ty,
            });
        }
        let doc = doc(doc_text);
        let name_ident = id(name);
        self.items.push(quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[non_exhaustive]
            #[allow(deprecated)]
            pub struct #name_ident {
                #(#fields)*
            }
        });
        for pending in after {
            match pending {
                Pending::Struct { name, doc, node } => {
                    let span = node.attribute.map(|a| a.span.clone()).unwrap_or(0..0);
                    self.claim(
                        &name,
                        context.page_index,
                        span,
                        format!("the hash `{}`", node.key),
                    )?;
                    self.structure(context, &name, &doc, &node.children, &BTreeSet::new())?;
                }
                Pending::Enum { name, attribute } => {
                    self.claim(
                        &name,
                        context.page_index,
                        attribute.span.clone(),
                        format!("the values of `{}`", attribute.display_name()),
                    )?;
                    self.open_enum(context, &name, attribute)?;
                }
                Pending::OneOf {
                    name,
                    names,
                    attribute,
                } => {
                    self.claim(
                        &name,
                        context.page_index,
                        attribute.span.clone(),
                        format!("the alternatives of `{}`", attribute.display_name()),
                    )?;
                    self.one_of(&name, names, attribute);
                }
            }
        }
        Ok(())
    }

    /// The Rust type of a field (without `Option`), and a type to emit for it.
    fn field_type<'n>(
        &self,
        node: &'n Node<'s>,
        child_name: &str,
    ) -> (String, Option<Pending<'n, 's>>) {
        let Some(attribute) = node.attribute else {
            // `configuration[vapid][public_key]` with no `configuration[vapid]`:
            // the path says it is a hash.
            let doc = format!("The `{}` hash.", doc_safe(&node.key));
            return (
                child_name.to_owned(),
                Some(Pending::Struct {
                    name: child_name.to_owned(),
                    doc,
                    node,
                }),
            );
        };
        let has_children = !node.children.is_empty();
        match (&attribute.ty, has_children) {
            (AttributeType::Hash, true) => {
                let doc = format!("The `{}` hash.", doc_safe(&attribute.display_name()));
                (
                    child_name.to_owned(),
                    Some(Pending::Struct {
                        name: child_name.to_owned(),
                        doc,
                        node,
                    }),
                )
            }
            (AttributeType::Array(inner), true) if **inner == AttributeType::Hash => {
                let doc = format!(
                    "An item of the `{}` array.",
                    doc_safe(&attribute.display_name())
                );
                (
                    format!("Vec<{child_name}>"),
                    Some(Pending::Struct {
                        name: child_name.to_owned(),
                        doc,
                        node,
                    }),
                )
            }
            (ty, _) => {
                let element = ty.element();
                let pending = match element {
                    AttributeType::String(StringFormat::Enumerable)
                        if !attribute.values.is_empty() =>
                    {
                        Some(Pending::Enum {
                            name: child_name.to_owned(),
                            attribute,
                        })
                    }
                    AttributeType::OneOf(names) => Some(Pending::OneOf {
                        name: child_name.to_owned(),
                        names,
                        attribute,
                    }),
                    _ => None,
                };
                (
                    rust_type(ty, child_name, !attribute.values.is_empty()),
                    pending,
                )
            }
        }
    }

    /// The field's rustdoc, as Markdown lines.
    fn field_doc(&self, context: &Context<'_>, node: &Node<'_>) -> String {
        let Some(attribute) = node.attribute else {
            return format!(
                "`{}`: a hash (the docs document only its keys).",
                doc_safe(&node.key)
            );
        };
        let name = doc_safe(&attribute.display_name());
        let link = match &attribute.anchor {
            Some(anchor) => format!(
                "[`{name}`]({}/entities/{}/#{})",
                self.docs_site,
                url_part(context.file),
                url_part(anchor)
            ),
            None => format!("`{name}`"),
        };
        // The spelling, not the docs' line: the same from the pages and from the copy.
        let mut facts = format!("Type: `{}`.", attribute.ty.spelling());
        if !attribute.values.is_empty() {
            facts.push_str(&format!(" One of {}.", doc_code_list(&attribute.values)));
        }
        if attribute.nullable {
            facts.push_str(" May be null.");
        }
        if attribute.optional {
            facts.push_str(" May be absent.");
        }
        if attribute.nullable && attribute.may_be_absent() {
            // The field is `Option<Option<T>>`: say which `None` is which.
            facts.push_str(" Absent: `None`; null: `Some(None)`.");
        }
        if let Some(version) = attribute.added_for(context.admin) {
            facts.push_str(&format!(" Added in {}.", doc_safe(version)));
        }
        if let Some(version) = &attribute.sent_from {
            facts.push_str(&format!(
                " Servers before {} leave it out{}.",
                doc_safe(version),
                if attribute.nullable { "" } else { ": `None`" }
            ));
        }
        for correction in &attribute.corrections {
            let records: Vec<String> = correction
                .evidence_records()
                .iter()
                .map(|(file, line)| format!("`{}:{line}`", doc_safe(file)))
                .collect();
            facts.push_str(&format!(
                "\n\nCorrected: {}, as servers send it (a reviewed correction; evidence {}).",
                doc_safe(&correction.summary()),
                records.join(", ")
            ));
        }
        format!("{link}.\n\n{facts}")
    }

    fn open_enum(
        &mut self,
        context: &Context<'_>,
        name: &str,
        attribute: &EntityAttribute,
    ) -> Result<(), Box<NameClash>> {
        let mut variants: Vec<(String, &str)> = Vec::new();
        for value in &attribute.values {
            // `0` and `1` (EncryptedMessage's `type`) become `V0` and `V1`.
            let variant = match ident::variant_name(value) {
                Ok(variant) => variant,
                Err(ident::NameProblem::StartsWithDigit(name)) => format!("V{name}"),
                Err(problem) => {
                    return Err(Box::new(NameClash {
                        name: value.clone(),
                        first: (context.page_index, attribute.type_span.clone()),
                        second: (context.page_index, attribute.type_span.clone()),
                        what: format!(
                            "a value of `{}` that {}",
                            attribute.display_name(),
                            problem.describe()
                        ),
                    }));
                }
            };
            if variant == "Undocumented" || variants.iter().any(|(known, _)| *known == variant) {
                return Err(Box::new(NameClash {
                    name: format!("{name}::{variant}"),
                    first: (context.page_index, attribute.span.clone()),
                    second: (context.page_index, attribute.type_span.clone()),
                    what: format!("two values of `{}`", attribute.display_name()),
                }));
            }
            variants.push((variant, value));
        }
        let enum_doc = doc(&format!(
            "The values of `{}`: an open enum. A value the docs do not list yet is kept in `Undocumented` and serializes back unchanged. A value the docs list is never `Undocumented`: only reading a value builds an [`UndocumentedValue`].",
            doc_safe(&attribute.display_name())
        ));
        let name = id(name);
        let idents: Vec<_> = variants.iter().map(|(variant, _)| id(variant)).collect();
        let values: Vec<_> = variants.iter().map(|(_, value)| lit(value)).collect();
        let value_docs = variants
            .iter()
            .map(|(_, value)| doc(&format!("`{}`", doc_safe(value))));
        let serialize = quote! {
                impl serde::Serialize for #name {
                    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }

                impl<'de> serde::Deserialize<'de> for #name {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        let value = <String as serde::Deserialize>::deserialize(deserializer)?;
                        Ok(Self::from(value.as_str()))
                    }
                }
        };
        self.values.push(quote! {
            #enum_doc
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #value_docs
                    #idents,
                )*
                /// A value the docs do not list, as the server sent it.
                Undocumented(UndocumentedValue),
            }

            impl #name {
                /// Every value the docs list, in their order.
                pub const DOCUMENTED: &'static [Self] = &[#(Self::#idents),*];

                /// The value as the JSON has it.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#idents => #values,)*
                        Self::Undocumented(value) => value.as_str(),
                    }
                }
            }

            impl From<&str> for #name {
                fn from(value: &str) -> Self {
                    match value {
                        #(#values => Self::#idents,)*
                        other => Self::Undocumented(UndocumentedValue(other.to_owned())),
                    }
                }
            }

            impl core::fmt::Display for #name {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            #serialize
        });
        Ok(())
    }

    fn one_of(&mut self, name: &str, names: &[String], attribute: &EntityAttribute) {
        let enum_doc = doc(&format!(
            "One of the entities `{}` may be: the first whose shape the JSON fits, in the docs' order.",
            doc_safe(&attribute.display_name())
        ));
        let name = id(name);
        let alternatives = names.iter().map(|entity| {
            let rust = type_name(entity);
            let alternative_doc = doc(&format!("A [`{rust}`]."));
            let rust = id(&rust);
            quote! {
                #alternative_doc
                #rust(Box<#rust>),
            }
        });
        self.items.push(quote! {
            #enum_doc
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(untagged)]
            #[non_exhaustive]
            pub enum #name {
                #(#alternatives)*
            }
        });
    }
}

struct Context<'c> {
    page_index: usize,
    file: &'c str,
    /// An admin entity's (`Admin::Tag`): its attributes' `added to admin APIs` entries count.
    admin: bool,
}

enum Pending<'n, 's> {
    Struct {
        name: String,
        doc: String,
        node: &'n Node<'s>,
    },
    Enum {
        name: String,
        attribute: &'s EntityAttribute,
    },
    OneOf {
        name: String,
        names: &'s [String],
        attribute: &'s EntityAttribute,
    },
}

/// The Rust type of `ty`; `own` names the enum or struct made for it. Text,
/// as the diff shows it; the emitter lexes it into tokens.
pub(crate) fn rust_type(ty: &AttributeType, own: &str, enumerated: bool) -> String {
    match ty {
        AttributeType::String(StringFormat::Enumerable) if enumerated => own.to_owned(),
        AttributeType::String(_) => "String".to_owned(),
        AttributeType::Integer => "i64".to_owned(),
        AttributeType::Float => "f64".to_owned(),
        AttributeType::Boolean => "bool".to_owned(),
        AttributeType::Hash | AttributeType::Json => "Json".to_owned(),
        AttributeType::Entity(name) => format!("Box<{}>", type_name(name)),
        AttributeType::OneOf(_) => own.to_owned(),
        AttributeType::Array(inner) => {
            let element = match &**inner {
                // Elements need no box: the `Vec` is already on the heap.
                AttributeType::Entity(name) => type_name(name),
                other => rust_type(other, own, enumerated),
            };
            format!("Vec<{element}>")
        }
    }
}

/// Values as code spans for rustdoc: `` `public`, `unlisted` ``, each without
/// the backticks or line breaks that would end its span.
fn doc_code_list(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("`{}`", doc_safe(value)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A path segment or anchor from the docs or a copy, safe in a URL (and so
/// in a rustdoc link and a string literal): anything but letters, digits and
/// `-_.~:@` is percent-encoded.
fn url_part(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~:@".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Text from the docs or a copy, safe in a doc comment's code span.
fn doc_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c == '`' || c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_gets_a_field() {
        assert_eq!(field("id"), ("id".to_owned(), None));
        assert_eq!(field("type"), ("r#type".to_owned(), None));
        assert_eq!(field("@1x"), ("at_1x".to_owned(), Some("@1x".to_owned())));
        assert_eq!(field("2fa"), ("_2fa".to_owned(), Some("2fa".to_owned())));
        assert_eq!(
            checked_type_name("Admin::Account").as_deref(),
            Ok("AdminAccount")
        );
        assert!(checked_type_name("2FA").is_err());
        assert!(checked_type_name("Self").is_err());
    }
}
