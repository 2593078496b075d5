//! Rustdoc text for the generated items.
//!
//! Page text goes into doc comments, which rustdoc reads as Markdown: it is
//! escaped so it renders as written, one `#[doc]` per line so nothing can
//! end a comment or start an attribute, and rid of the bidirectional
//! control codepoints that rustc refuses in comments.

use proc_macro2::TokenStream;
use quote::quote;

use crate::check::validate::{CheckedField, CheckedReason};
use crate::commonmark::{self, Invisible};
use crate::model::Inline;

/// Accumulates doc lines and renders them as `#[doc = "…"]` attributes.
#[derive(Default)]
pub(super) struct DocBuilder {
    lines: Vec<String>,
}

impl DocBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds already-escaped Markdown; embedded newlines start new lines.
    pub fn line(&mut self, markdown: &str) {
        self.lines.extend(markdown.split('\n').map(str::to_owned));
    }

    pub fn blank(&mut self) {
        self.lines.push(String::new());
    }

    pub fn attrs(&self) -> TokenStream {
        let lines = self.lines.iter().map(|line| {
            let text = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #text])
        });
        quote!(#(#lines)*)
    }
}

/// Where links point: the entity page and the site its relative links resolve against.
pub(super) struct Links {
    site: String,
    pub page: String,
}

impl Links {
    pub fn new(site: &str, title: &str) -> Self {
        let site = site.trim_end_matches('/').to_owned();
        let page = format!("{site}/entities/{}/", url_path_segment(title));
        Links { site, page }
    }

    pub fn anchor_url(&self, anchor: Option<&str>) -> String {
        match anchor {
            Some(anchor) => format!("{}#{}", self.page, url_path_segment(anchor)),
            None => self.page.clone(),
        }
    }

    /// Resolves a link target as Hugo would: absolute URLs stay, `#x` is on
    /// this page, and anything else is a path on the docs site.
    fn resolve(&self, target: &str) -> String {
        if target.starts_with("https://") || target.starts_with("http://") {
            target.to_owned()
        } else if let Some(anchor) = target.strip_prefix('#') {
            self.anchor_url(Some(anchor))
        } else {
            let path = target.trim_matches('/');
            format!("{}/{}/", self.site, url_path_segment(path))
        }
    }
}

/// Percent-encodes what a URL cannot carry as is, so a link cannot break out.
fn url_path_segment(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'*+,;=:@%".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes plain text for rustdoc's Markdown, where it starts a line.
pub(super) fn escape(text: &str) -> String {
    commonmark::escape(text, true, Invisible::MakeVisible)
}

/// Escapes plain text that sits inside a line, after other text.
pub(super) fn escape_inline(text: &str) -> String {
    commonmark::escape(text, false, Invisible::MakeVisible)
}

/// A code span for rustdoc; an empty text, which no code span can show, reads `(empty)`.
pub(super) fn code_span(text: &str) -> String {
    if text.is_empty() {
        return "(empty)".to_owned();
    }
    commonmark::code_span(text, Invisible::MakeVisible)
}

fn render_inlines(inlines: &[Inline], links: &Links) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => escape_inline(text),
            Inline::Code(code) => code_span(code),
            Inline::Link { text, url } => {
                format!("[{}](<{}>)", escape_inline(text), links.resolve(url))
            }
        })
        .collect()
}

pub(super) fn field_doc(field: &CheckedField<'_>) -> DocBuilder {
    let attribute = field.attribute;
    let mut doc = DocBuilder::new();
    if !attribute.description.is_empty() {
        doc.line(&escape(&attribute.description));
        doc.blank();
    }
    let mut facts = vec![format!("Type: {}.", escape_inline(&attribute.type_text))];
    if attribute.optional {
        facts.push("Optional: responses may leave it out.".to_owned());
    }
    if attribute.deprecated {
        facts.push("Deprecated in the docs.".to_owned());
    }
    for entry in &attribute.history {
        facts.push(match (entry.version.as_str(), entry.change.as_str()) {
            ("", change) => format!("{}.", escape_inline(change.trim_end_matches('.'))),
            (version, "added") => format!("Added in {}.", escape_inline(version)),
            (version, change) => format!(
                "{}: {}.",
                escape_inline(version),
                escape_inline(change.trim_end_matches('.'))
            ),
        });
    }
    doc.line(&facts.join(" "));
    doc
}

pub(super) fn variant_doc(reason: &CheckedReason<'_>, links: &Links) -> DocBuilder {
    let mut doc = DocBuilder::new();
    let explanation = render_inlines(&reason.reason.explanation, links);
    let heading = code_span(&reason.reason.heading);
    if explanation.is_empty() {
        doc.line(&heading);
    } else {
        doc.line(&format!("{heading}: {explanation}"));
    }
    doc.blank();
    doc.line(&format!(
        "- Status: {} {}",
        reason.group.code,
        escape_inline(&reason.group.text)
    ));
    let message = &reason.reason.message;
    if message.is_template() {
        doc.line(&format!(
            "- Message: {}, a template the server fills in",
            code_span(&message.text)
        ));
    } else {
        doc.line(&format!(
            "- Message: {} ([`messages::{}`])",
            code_span(&message.text),
            crate::ident::const_name(&reason.variant)
        ));
    }
    doc.line(&format!("- Docs: <{}>", reason_docs_url(reason, links)));
    doc
}

/// What `Reason::docs_url()` returns: the reason's entry on the Error page,
/// or the first method page that documents a reason only method pages do.
pub(super) fn reason_docs_url(reason: &CheckedReason<'_>, links: &Links) -> String {
    match &reason.reason.docs_url {
        Some(url) => url.clone(),
        None => links.anchor_url(reason.reason.anchor.as_deref()),
    }
}

pub(super) fn message_doc(reason: &CheckedReason<'_>, shared_with: &[&str]) -> DocBuilder {
    let mut doc = DocBuilder::new();
    let variant = &reason.variant;
    doc.line(&format!(
        "The message of [`Reason::{variant}`](super::Reason::{variant}) ({} {}).",
        reason.group.code,
        escape_inline(&reason.group.text)
    ));
    if !shared_with.is_empty() {
        let others: Vec<String> = shared_with
            .iter()
            .map(|other| format!("[`Reason::{other}`](super::Reason::{other})"))
            .collect();
        doc.blank();
        doc.line(&format!(
            "Also documented for {}; see [`Reason::classify`](super::Reason::classify) for how a shared message is classified.",
            others.join(", ")
        ));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_like_hugo() {
        let links = Links::new("https://docs.joinmastodon.org", "Error");
        assert_eq!(links.page, "https://docs.joinmastodon.org/entities/Error/");
        assert_eq!(
            links.resolve("api/rate-limits"),
            "https://docs.joinmastodon.org/api/rate-limits/"
        );
        assert_eq!(
            links.resolve("#404"),
            "https://docs.joinmastodon.org/entities/Error/#404"
        );
        assert_eq!(links.resolve("https://x.example/a"), "https://x.example/a");
    }
}
