//! The items of the entities module that are not an entity: `BASELINE`,
//! `Json`, `UndocumentedValue`, `EntityKind`/`AnyEntity`, and the serde
//! helpers the fields name.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc, doc_safe, id};
use crate::emit::lit;
use crate::model::entities::Baseline;

/// An entity, for `EntityKind`.
pub(super) struct Kind {
    /// `StatusMention`.
    pub rust: String,
    /// `Status::Mention`.
    pub docs: String,
    /// Its section of the docs.
    pub url: String,
}

pub(super) fn baseline(baseline: &Baseline) -> TokenStream {
    let what = match baseline {
        Baseline::Version(version) => format!(
            "Every server from {version} on: an attribute a later version added is an `Option`, `None` from older servers.",
            version = doc_safe(version.as_str())
        ),
        Baseline::Latest => {
            "Only the newest server, the one the docs describe: every attribute is as its table says.".to_owned()
        }
    };
    let doc = doc(&format!(
        "The oldest Mastodon server these types read: `{}`.\n\n{what}",
        doc_safe(baseline.as_str())
    ));
    let value = lit(baseline.as_str());
    quote! {
        #doc
        pub const BASELINE: &str = #value;
    }
}

/// `Json`, for what the docs leave untyped, with its serde impls.
pub(super) fn json() -> TokenStream {
    let impls = quote! {
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
    };
    quote! {
        /// A JSON value the docs do not type: a `Hash` without documented keys,
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

        #impls
    }
}

/// The payload of every open enum's `Undocumented`: its field is private to
/// the module, so only `From<&str>` (and so deserializing), which gives a
/// listed value its variant, builds one.
pub(super) fn undocumented_value() -> TokenStream {
    quote! {
        /// A value an open enum's docs do not list, as the server sent it.
        ///
        /// Only reading a value builds one, and a value the docs list reads
        /// as its own variant: so `Undocumented` never holds a listed value,
        /// and `==`, hashing and `match` see a listed value one way only.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub struct UndocumentedValue(String);

        impl UndocumentedValue {
            /// The value as the JSON has it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl core::fmt::Display for UndocumentedValue {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }
    }
}

/// `EntityKind`, every entity by name, and `AnyEntity`, one of any kind.
pub(super) fn kinds(kinds: &[Kind]) -> TokenStream {
    let rust: Vec<_> = kinds.iter().map(|kind| id(&kind.rust)).collect();
    let docs: Vec<_> = kinds.iter().map(|kind| lit(&kind.docs)).collect();
    let urls: Vec<_> = kinds.iter().map(|kind| lit(&kind.url)).collect();
    let kind_docs = kinds
        .iter()
        .map(|kind| doc(&format!("`{}`: [`{}`].", doc_safe(&kind.docs), kind.rust)));
    let any_docs = kinds
        .iter()
        .map(|kind| doc(&format!("A [`{}`].", kind.rust)));
    let deserialize = quote! {
            /// Reads one entity of this kind.
            pub fn deserialize<'de, D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<AnyEntity, D::Error> {
                Ok(match self {
                    #(EntityKind::#rust => AnyEntity::#rust(Box::new(serde::Deserialize::deserialize(deserializer)?)),)*
                })
            }
    };
    let serialize = quote! {
            impl serde::Serialize for AnyEntity {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #(AnyEntity::#rust(entity) => entity.serialize(serializer),)*
                    }
                }
            }
    };
    quote! {
        /// Every entity the docs define, by name: what `Endpoint::returns()` names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum EntityKind {
            #(
                #kind_docs
                #rust,
            )*
        }

        impl EntityKind {
            /// Every entity, in the docs' page order.
            pub const ALL: &'static [EntityKind] = &[#(EntityKind::#rust,)*];

            /// The docs' name: `Status`, `Admin::Account`, `Status::Mention`.
            pub const fn name(self) -> &'static str {
                match self {
                    #(EntityKind::#rust => #docs,)*
                }
            }

            /// The entity's section of the docs.
            pub const fn docs_url(self) -> &'static str {
                match self {
                    #(EntityKind::#rust => #urls,)*
                }
            }

            /// The entity the docs call `name`.
            pub fn from_name(name: &str) -> Option<EntityKind> {
                EntityKind::ALL.iter().copied().find(|kind| kind.name() == name)
            }

            #deserialize
        }

        /// An entity of any kind, as `EntityKind::deserialize` reads it.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum AnyEntity {
            #(
                #any_docs
                #rust(Box<#rust>),
            )*
        }

        impl AnyEntity {
            /// Which entity this is.
            pub fn kind(&self) -> EntityKind {
                match self {
                    #(AnyEntity::#rust(_) => EntityKind::#rust,)*
                }
            }
        }

        #serialize
    }
}

/// The serde helper for fields that may be both absent and null.
pub(super) fn double_option() -> TokenStream {
    quote! {
        /// Reads a field that may be absent (`None`) or null (`Some(None)`).
        fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
        where
            T: serde::Deserialize<'de>,
            D: serde::Deserializer<'de>,
        {
            <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
        }
    }
}

/// The serde helper for fields that must be present and may be null.
pub(super) fn nullable() -> TokenStream {
    quote! {
        /// Reads a field that must be present and may be null: a missing key fails.
        fn nullable<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
        where
            T: serde::Deserialize<'de>,
            D: serde::Deserializer<'de>,
        {
            <Option<T> as serde::Deserialize>::deserialize(deserializer)
        }
    }
}
