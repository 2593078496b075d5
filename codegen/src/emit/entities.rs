//! The entities as Rust: one `#[non_exhaustive]` struct per entity and per
//! nested hash, one open enum per enumerated attribute, `Json` for what the
//! docs leave untyped, and `EntityKind`/`AnyEntity` to read an entity named
//! at run time (as `Endpoint::returns()` names them).
//!
//! Written as text: the module is large and regular, and prettyplease over
//! its token tree would cost more than the rest of generation.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::ops::Range;

use heck::ToSnakeCase;

use crate::gate::Gate;
use crate::ident;
use crate::model::entities::flattened;
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Baseline, Entity, EntityAttribute, EntityPage, EntitySpec,
    StringFormat,
};

/// Where a generated name comes from, for a collision's error.
#[derive(Debug, Clone)]
pub(crate) struct NameClash {
    pub name: String,
    /// (page index, span) of each item that wants the name.
    pub first: (usize, Range<usize>),
    pub second: (usize, Range<usize>),
    pub what: String,
}

/// The module's text after the header, or the first clash of two generated
/// names; its serde code gated as `serde` says.
pub(crate) fn emit(
    spec: &EntitySpec,
    baseline: &Baseline,
    docs_site: &str,
    serde: &Gate,
) -> Result<String, Box<NameClash>> {
    let mut emitter = Emitter {
        spec,
        docs_site: docs_site.trim_end_matches('/'),
        out: String::new(),
        names: BTreeMap::new(),
        kinds: Vec::new(),
        double_option: false,
        nullable: false,
        distinguishing: distinguishing_keys(spec),
    };
    for (page_index, page) in spec.pages.iter().enumerate() {
        for entity in &page.entities {
            if let Err(problem) = checked_type_name(&entity.name) {
                return Err(Box::new(NameClash {
                    name: entity.name.clone(),
                    first: (page_index, entity.span.clone()),
                    second: (page_index, entity.span.clone()),
                    what: format!("entity `{}`, which {},", entity.name, problem.describe()),
                }));
            }
        }
    }
    emitter.prelude(baseline);
    for (page_index, page) in spec.pages.iter().enumerate() {
        for entity in &page.entities {
            emitter.entity(page_index, page, entity)?;
        }
    }
    emitter.kinds();
    if emitter.double_option {
        emitter.out.push('\n');
        emitter.out.push_str(DOUBLE_OPTION);
    }
    if emitter.nullable {
        emitter.out.push('\n');
        emitter.out.push_str(NULLABLE);
    }
    Ok(gate_serde(&emitter.out, serde))
}

struct Emitter<'s> {
    spec: &'s EntitySpec,
    docs_site: &'s str,
    out: String,
    /// Every type name given so far, with where it came from.
    names: BTreeMap<String, (usize, Range<usize>, String)>,
    /// (Rust name, docs name, docs URL) of each entity, for `EntityKind`.
    kinds: Vec<(String, String, String)>,
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
    ) -> Result<(), Box<NameClash>> {
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
        self.kinds
            .push((name.clone(), entity.name.clone(), url.clone()));
        let mut doc = format!("The [{}]({url}) entity.", doc_safe(&entity.name));
        if let Some(base) = &entity.extends {
            let _ = write!(
                doc,
                "\n\nIt has every attribute of [`{}`] too.",
                type_name(base)
            );
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
        doc: &str,
        nodes: &[Node<'s>],
        strict: &BTreeSet<String>,
    ) -> Result<(), Box<NameClash>> {
        let mut body = String::new();
        let mut after: Vec<Pending<'_, 's>> = Vec::new();
        let mut fields: BTreeMap<String, (String, Range<usize>)> = BTreeMap::new();
        for node in nodes {
            let (ident, rename) = field(&node.key);
            let span = node.attribute.map(|a| a.span.clone()).unwrap_or(0..0);
            if let Some((first, first_span)) =
                fields.insert(ident.clone(), (node.key.clone(), span.clone()))
            {
                return Err(Box::new(NameClash {
                    name: ident,
                    first: (context.page_index, first_span),
                    second: (context.page_index, span),
                    what: format!("the fields for `{first}` and `{}` of `{name}`", node.key),
                }));
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
            body.push_str(&self.field_doc(context, node));
            let mut serde = Vec::new();
            if let Some(rename) = rename {
                serde.push(format!("rename = {rename:?}"));
            }
            if nullable && !optional && strict.contains(&node.key) {
                // A key that tells this alternative of a `one_of` from the
                // others (`Quote`'s `quoted_status`) must be there, or the
                // untagged enum would take a `ShallowQuote` for a `Quote`.
                serde.push("deserialize_with = \"nullable\"".to_owned());
                self.nullable = true;
            }
            if optional {
                serde.push("default".to_owned());
                serde.push("skip_serializing_if = \"Option::is_none\"".to_owned());
                if nullable {
                    serde.push("deserialize_with = \"double_option\"".to_owned());
                    self.double_option = true;
                }
            }
            if !serde.is_empty() {
                let _ = writeln!(
                    body,
                    "    #[cfg_attr(feature = \"serde\", serde({}))]",
                    serde.join(", ")
                );
            }
            if let Some(attribute) = node.attribute
                && attribute.lifecycle != AttributeLifecycle::Current
            {
                let word = if attribute.lifecycle == AttributeLifecycle::Removed {
                    "removed"
                } else {
                    "deprecated"
                };
                let _ = writeln!(
                    body,
                    "    #[deprecated(note = \"{word} in Mastodon's entity docs\")]"
                );
            }
            let _ = writeln!(body, "    pub {ident}: {ty},");
        }
        let _ = writeln!(self.out, "{}", doc_comment(doc, ""));
        self.out.push_str("#[derive(Debug, Clone, PartialEq)]\n#[cfg_attr(feature = \"serde\", derive(serde::Serialize, serde::Deserialize))]\n#[non_exhaustive]\n#[allow(deprecated)]\n");
        let _ = writeln!(self.out, "pub struct {name} {{\n{body}}}\n");
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

    fn field_doc(&self, context: &Context<'_>, node: &Node<'_>) -> String {
        let Some(attribute) = node.attribute else {
            return format!(
                "    /// `{}`: a hash (the docs document only its keys).\n",
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
            let _ = write!(facts, " One of {}.", doc_code_list(&attribute.values));
        }
        if attribute.nullable {
            facts.push_str(" May be null.");
        }
        if attribute.optional {
            facts.push_str(" May be absent.");
        }
        if let Some(version) = attribute.added_for(context.admin) {
            let _ = write!(facts, " Added in {}.", doc_safe(version));
        }
        if let Some(version) = &attribute.sent_from {
            let _ = write!(
                facts,
                " Servers before {} leave it out{}.",
                doc_safe(version),
                if attribute.nullable { "" } else { ": `None`" }
            );
        }
        for correction in &attribute.corrections {
            let records: Vec<String> = correction
                .evidence_records()
                .iter()
                .map(|(file, line)| format!("`{}:{line}`", doc_safe(file)))
                .collect();
            let _ = write!(
                facts,
                "\n\nCorrected: {}, as servers send it (a reviewed correction; evidence {}).",
                doc_safe(&correction.summary()),
                records.join(", ")
            );
        }
        doc_comment(&format!("{link}.\n\n{facts}"), "    ") + "\n"
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
        let doc = format!(
            "The values of `{}`: an open enum. A value the docs do not list yet is kept in `Undocumented` and serializes back unchanged.",
            doc_safe(&attribute.display_name())
        );
        let _ = writeln!(self.out, "{}", doc_comment(&doc, ""));
        self.out
            .push_str("#[derive(Debug, Clone, PartialEq, Eq, Hash)]\n#[non_exhaustive]\n");
        let _ = writeln!(self.out, "pub enum {name} {{");
        for (variant, value) in &variants {
            let _ = writeln!(self.out, "    /// `{}`\n    {variant},", doc_safe(value));
        }
        self.out.push_str("    /// A value the docs do not list, as the server sent it.\n    Undocumented(String),\n}\n\n");
        let _ = writeln!(self.out, "impl {name} {{");
        let listed: Vec<String> = variants
            .iter()
            .map(|(variant, _)| format!("Self::{variant}"))
            .collect();
        let _ = writeln!(
            self.out,
            "    /// Every value the docs list, in their order.\n    pub const DOCUMENTED: &'static [Self] = &[{}];\n",
            listed.join(", ")
        );
        self.out.push_str("    /// The value as the JSON has it.\n    pub fn as_str(&self) -> &str {\n        match self {\n");
        for (variant, value) in &variants {
            let _ = writeln!(self.out, "            Self::{variant} => {value:?},");
        }
        self.out
            .push_str("            Self::Undocumented(value) => value,\n        }\n    }\n}\n\n");
        let _ = writeln!(
            self.out,
            "impl From<&str> for {name} {{\n    fn from(value: &str) -> Self {{\n        match value {{"
        );
        for (variant, value) in &variants {
            let _ = writeln!(self.out, "            {value:?} => Self::{variant},");
        }
        self.out.push_str(
            "            other => Self::Undocumented(other.to_owned()),\n        }\n    }\n}\n\n",
        );
        let _ = writeln!(
            self.out,
            "impl core::fmt::Display for {name} {{\n    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{\n        f.write_str(self.as_str())\n    }}\n}}\n"
        );
        let _ = writeln!(
            self.out,
            "#[cfg(feature = \"serde\")]\nimpl serde::Serialize for {name} {{\n    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n        serializer.serialize_str(self.as_str())\n    }}\n}}\n"
        );
        let _ = writeln!(
            self.out,
            "#[cfg(feature = \"serde\")]\nimpl<'de> serde::Deserialize<'de> for {name} {{\n    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {{\n        let value = <String as serde::Deserialize>::deserialize(deserializer)?;\n        Ok(Self::from(value.as_str()))\n    }}\n}}\n"
        );
        Ok(())
    }

    fn one_of(&mut self, name: &str, names: &[String], attribute: &EntityAttribute) {
        let doc = format!(
            "One of the entities `{}` may be: the first whose shape the JSON fits, in the docs' order.",
            doc_safe(&attribute.display_name())
        );
        let _ = writeln!(self.out, "{}", doc_comment(&doc, ""));
        self.out.push_str("#[derive(Debug, Clone, PartialEq)]\n#[cfg_attr(feature = \"serde\", derive(serde::Serialize, serde::Deserialize))]\n#[cfg_attr(feature = \"serde\", serde(untagged))]\n#[non_exhaustive]\n");
        let _ = writeln!(self.out, "pub enum {name} {{");
        for entity in names {
            let rust = type_name(entity);
            let _ = writeln!(self.out, "    /// A [`{rust}`].\n    {rust}(Box<{rust}>),");
        }
        self.out.push_str("}\n\n");
    }

    fn prelude(&mut self, baseline: &Baseline) {
        let what = match baseline {
            Baseline::Version(version) => format!(
                "Every server from {version} on: an attribute a later version added is an `Option`, `None` from older servers.",
                version = doc_safe(version.as_str())
            ),
            Baseline::Latest => {
                "Only the newest server, the one the docs describe: every attribute is as its table says.".to_owned()
            }
        };
        let _ = writeln!(
            self.out,
            "/// The oldest Mastodon server these types read: `{}`.\n///\n/// {what}\npub const BASELINE: &str = {:?};\n",
            doc_safe(baseline.as_str()),
            baseline.as_str()
        );
        self.out.push_str(PRELUDE);
    }

    fn kinds(&mut self) {
        let kinds = std::mem::take(&mut self.kinds);
        self.out.push_str("/// Every entity the docs define, by name: what `Endpoint::returns()` names.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[non_exhaustive]\npub enum EntityKind {\n");
        for (rust, docs, _) in &kinds {
            let _ = writeln!(
                self.out,
                "    /// `{}`: [`{rust}`].\n    {rust},",
                doc_safe(docs)
            );
        }
        self.out.push_str("}\n\nimpl EntityKind {\n    /// Every entity, in the docs' page order.\n    pub const ALL: &'static [EntityKind] = &[\n");
        for (rust, _, _) in &kinds {
            let _ = writeln!(self.out, "        EntityKind::{rust},");
        }
        self.out.push_str("    ];\n\n    /// The docs' name: `Status`, `Admin::Account`, `Status::Mention`.\n    pub const fn name(self) -> &'static str {\n        match self {\n");
        for (rust, docs, _) in &kinds {
            let _ = writeln!(self.out, "            EntityKind::{rust} => {docs:?},");
        }
        self.out.push_str("        }\n    }\n\n    /// The entity's section of the docs.\n    pub const fn docs_url(self) -> &'static str {\n        match self {\n");
        for (rust, _, url) in &kinds {
            let _ = writeln!(self.out, "            EntityKind::{rust} => {url:?},");
        }
        self.out.push_str("        }\n    }\n\n    /// The entity the docs call `name`.\n    pub fn from_name(name: &str) -> Option<EntityKind> {\n        EntityKind::ALL.iter().copied().find(|kind| kind.name() == name)\n    }\n\n    #[cfg(feature = \"serde\")]\n    /// Reads one entity of this kind.\n    pub fn deserialize<'de, D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<AnyEntity, D::Error> {\n        Ok(match self {\n");
        for (rust, _, _) in &kinds {
            let _ = writeln!(
                self.out,
                "            EntityKind::{rust} => AnyEntity::{rust}(Box::new(serde::Deserialize::deserialize(deserializer)?)),"
            );
        }
        self.out.push_str("        })\n    }\n}\n\n/// An entity of any kind, as `EntityKind::deserialize` (with serde) reads it.\n#[derive(Debug, Clone, PartialEq)]\n#[non_exhaustive]\npub enum AnyEntity {\n");
        for (rust, _, _) in &kinds {
            let _ = writeln!(self.out, "    /// A [`{rust}`].\n    {rust}(Box<{rust}>),");
        }
        self.out.push_str("}\n\nimpl AnyEntity {\n    /// Which entity this is.\n    pub fn kind(&self) -> EntityKind {\n        match self {\n");
        for (rust, _, _) in &kinds {
            let _ = writeln!(
                self.out,
                "            AnyEntity::{rust}(_) => EntityKind::{rust},"
            );
        }
        self.out.push_str("        }\n    }\n}\n\n#[cfg(feature = \"serde\")]\nimpl serde::Serialize for AnyEntity {\n    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {\n        match self {\n");
        for (rust, _, _) in &kinds {
            let _ = writeln!(
                self.out,
                "            AnyEntity::{rust}(entity) => entity.serialize(serializer),"
            );
        }
        self.out.push_str("        }\n    }\n}\n");
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

/// The Rust type of `ty`; `own` names the enum or struct made for it.
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
            let _ = write!(out, "%{byte:02X}");
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

fn doc_comment(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                format!("{indent}///")
            } else {
                format!("{indent}/// {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The items every entities module has: `Json` and the serde helper for
/// fields that may be both absent and null.
const PRELUDE: &str = r#"/// A JSON value the docs do not type: a `Hash` without documented keys,
/// or a type line the generator does not read. Object keys keep their order.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number without a fraction or exponent that fits an `i64`.
    Integer(i64),
    /// A number without a fraction or exponent above `i64::MAX`.
    Unsigned(u64),
    /// Any other number.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its keys in the order read.
    Object(Vec<(String, Json)>),
}

#[cfg(feature = "serde")]
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Integer(value) => serializer.serialize_i64(*value),
            Json::Unsigned(value) => serializer.serialize_u64(*value),
            Json::Float(value) => serializer.serialize_f64(*value),
            Json::String(value) => serializer.serialize_str(value),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(entries) => {
                serializer.collect_map(entries.iter().map(|(key, value)| (key, value)))
            }
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct JsonVisitor;

        impl<'de> serde::de::Visitor<'de> for JsonVisitor {
            type Value = Json;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }

            fn visit_none<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }

            fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
                serde::Deserialize::deserialize(deserializer)
            }

            fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
                Ok(Json::Bool(value))
            }

            fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
                Ok(Json::Integer(value))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
                Ok(i64::try_from(value).map_or(Json::Unsigned(value), Json::Integer))
            }

            fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
                Ok(Json::Float(value))
            }

            fn visit_str<E>(self, value: &str) -> Result<Json, E> {
                Ok(Json::String(value.to_owned()))
            }

            fn visit_string<E>(self, value: String) -> Result<Json, E> {
                Ok(Json::String(value))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Json::Object(entries))
            }
        }

        deserializer.deserialize_any(JsonVisitor)
    }
}

"#;

/// The serde helper for fields that may be both absent and null.
const DOUBLE_OPTION: &str = r#"#[cfg(feature = "serde")]
/// Reads a field that may be absent (`None`) or null (`Some(None)`).
fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}
"#;

/// The serde helper for fields that must be present and may be null.
const NULLABLE: &str = r#"#[cfg(feature = "serde")]
/// Reads a field that must be present and may be null: a missing key fails.
fn nullable<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer)
}
"#;

/// `text` with its serde code gated as `serde` says. The emitter writes it
/// behind `feature = "serde"`, each gated item's attribute first.
fn gate_serde(text: &str, serde: &Gate) -> String {
    const CFG: &str = "#[cfg(feature = \"serde\")]";
    const CFG_ATTR: &str = "#[cfg_attr(feature = \"serde\", ";
    match serde {
        Gate::Feature(name) if name == "serde" => text.to_owned(),
        Gate::Feature(name) => {
            text.replace("feature = \"serde\"", &format!("feature = \"{name}\""))
        }
        Gate::Always => {
            let mut out = String::with_capacity(text.len());
            for line in text.lines() {
                let trimmed = line.trim_start();
                let indent = &line[..line.len() - trimmed.len()];
                if trimmed == CFG {
                    continue;
                }
                match trimmed
                    .strip_prefix(CFG_ATTR)
                    .and_then(|rest| rest.strip_suffix(")]"))
                {
                    Some(inner) => out.push_str(&format!("{indent}#[{inner}]\n")),
                    None => {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            out
        }
        Gate::Never => {
            let mut out = String::with_capacity(text.len());
            // The indentation of a gated item being skipped, up to its `}`.
            let mut skipping: Option<String> = None;
            for line in text.lines() {
                let trimmed = line.trim_start();
                let indent = &line[..line.len() - trimmed.len()];
                if let Some(open) = &skipping {
                    if indent == open && trimmed == "}" {
                        skipping = None;
                    }
                    continue;
                }
                if trimmed == CFG {
                    skipping = Some(indent.to_owned());
                } else if !trimmed.starts_with(CFG_ATTR) {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GATED: &str = "#[cfg_attr(feature = \"serde\", derive(serde::Serialize))]\npub struct A {\n    #[cfg_attr(feature = \"serde\", serde(default))]\n    pub a: Option<u8>,\n}\n\n#[cfg(feature = \"serde\")]\nimpl A {\n    fn b() {\n        let _ = 1;\n    }\n}\n\npub struct C;\n";

    #[test]
    fn serde_is_gated_as_configured() {
        assert_eq!(gate_serde(GATED, &Gate::Feature("serde".into())), GATED);
        let renamed = gate_serde(GATED, &Gate::Feature("json".into()));
        assert!(renamed.contains("feature = \"json\"") && !renamed.contains("\"serde\""));
        let always = gate_serde(GATED, &Gate::Always);
        assert!(
            always.starts_with(
                "#[derive(serde::Serialize)]\npub struct A {\n    #[serde(default)]\n"
            )
        );
        assert!(always.contains("\nimpl A {") && !always.contains("cfg"));
        let never = gate_serde(GATED, &Gate::Never);
        assert_eq!(
            never,
            "pub struct A {\n    pub a: Option<u8>,\n}\n\n\npub struct C;\n"
        );
    }

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
