//! What a generated module exposes, the level at which two versions are
//! compared: from a checked spec, or read back from a generated file.

use crate::model::plain_text;
use crate::validate::{Checked, FieldType};

/// The public surface of one generated module, plus the docs text it carries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiView {
    pub entity: String,
    pub fields: Vec<FieldView>,
    pub groups: Vec<GroupView>,
    pub reasons: Vec<ReasonView>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldView {
    /// The attribute's JSON name, e.g. `error_description`.
    pub name: String,
    /// The Rust type, written without spaces: `Option<String>`.
    pub rust_type: String,
    /// Docs text, which a module read back does not carry.
    pub description: Option<String>,
    pub history: Option<Vec<(String, String)>>,
}

impl FieldView {
    pub fn optional(&self) -> bool {
        self.rust_type.starts_with("Option<")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupView {
    pub code: u16,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReasonView {
    pub variant: String,
    pub heading: String,
    pub anchor: Option<String>,
    pub status: u16,
    pub message: String,
    pub is_template: bool,
    pub explanation: String,
}

/// The field's type as emission writes it, without spaces: `Option<Vec<String>>`.
fn rust_type_text(ty: &FieldType) -> String {
    let tokens = crate::emit::rust_type(ty).to_string();
    tokens.chars().filter(|c| !c.is_whitespace()).collect()
}

impl ApiView {
    pub fn of_checked(checked: &Checked<'_>) -> ApiView {
        ApiView {
            entity: checked.entity_name.clone(),
            fields: checked
                .fields
                .iter()
                .map(|field| FieldView {
                    name: field.attribute.name.clone(),
                    rust_type: rust_type_text(&field.ty),
                    description: Some(field.attribute.description.clone()),
                    history: Some(
                        field
                            .attribute
                            .history
                            .iter()
                            .map(|entry| (entry.version.clone(), entry.change.clone()))
                            .collect(),
                    ),
                })
                .collect(),
            groups: checked
                .spec
                .groups
                .iter()
                .map(|group| GroupView {
                    code: group.code,
                    text: group.text.clone(),
                })
                .collect(),
            reasons: checked
                .reasons
                .iter()
                .map(|reason| ReasonView {
                    variant: reason.variant.clone(),
                    heading: reason.reason.heading.clone(),
                    anchor: reason.reason.anchor.clone(),
                    status: reason.group.code,
                    message: reason.reason.message.text.clone(),
                    is_template: reason.reason.message.is_template(),
                    explanation: plain_text(&reason.reason.explanation),
                })
                .collect(),
        }
    }
}
