//! What the API method pages document: for each method, its request, its
//! authorization, its version and lifecycle, and its documented errors.
//! Facts only; the prose stays on the docs site, which the docs link reaches.

use std::collections::BTreeMap;
use std::ops::Range;

pub use super::LintRecord;

/// Every method page of the docs (or of their YAML copy).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MethodSpec {
    /// In path order: `accounts`, `admin/accounts`, …
    pub pages: Vec<MethodPage>,
    /// Names for the reasons that come from method pages, overriding the
    /// naming rule: `"401 The access token is invalid"` → `"InvalidToken"`.
    pub reason_names: BTreeMap<String, String>,
}

impl MethodSpec {
    /// Every method, in page order.
    pub fn methods(&self) -> impl Iterator<Item = (&MethodPage, &Method)> {
        self.pages
            .iter()
            .flat_map(|page| page.methods.iter().map(move |method| (page, method)))
    }

    /// The same content with every span emptied.
    pub fn without_spans(&self) -> MethodSpec {
        let mut spec = self.clone();
        for page in &mut spec.pages {
            for method in &mut page.methods {
                method.title_span = 0..0;
                method.request_span = 0..0;
                if let Some(returns) = &mut method.returns {
                    returns.span = 0..0;
                }
                for error in &mut method.errors {
                    error.span = 0..0;
                }
                for param in &mut method.params {
                    param.span = 0..0;
                }
            }
            for lint in &mut page.lints {
                lint.span = 0..0;
            }
        }
        spec
    }

    /// What a YAML copy keeps of this content: [`MethodSpec::without_spans`],
    /// with each returned entity link reduced to the one name the copy
    /// stores (its resolved name, else its text) as both its text and its
    /// resolved name. A copy read back compares equal to its source by it.
    pub fn copied_facts(&self) -> MethodSpec {
        let mut spec = self.without_spans();
        for page in &mut spec.pages {
            for method in &mut page.methods {
                if let Some(returns) = &mut method.returns {
                    for entity in &mut returns.entities {
                        *entity = EntityLink::named(entity.name());
                    }
                }
            }
        }
        spec
    }
}

/// One method page, e.g. `statuses.md` or `admin/accounts.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodPage {
    /// The page's path below `content/en/methods/`, without `.md`:
    /// `statuses`, `admin/accounts`. Its docs URL is `/methods/<path>/`.
    pub path: String,
    /// The front matter's `title`, e.g. `statuses API methods`.
    pub title: String,
    pub methods: Vec<Method>,
    /// The docs defects found on the page, in page order, each with what the
    /// generator did about it. The YAML copy keeps them, so a reviewer sees
    /// one appear or go away.
    pub lints: Vec<LintRecord>,
}

/// One documented API method: a `##` section whose first `http` block is a request line.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    /// The section heading without markers or anchor, e.g. `Post a new status`.
    pub title: String,
    pub title_span: Range<usize>,
    /// The heading's `{#anchor}`; a few sections have none.
    pub anchor: Option<String>,
    /// `GET`, `POST`, …, as documented.
    pub http_method: String,
    /// The path as documented, with `:name` parameters: `/api/v1/statuses/:id`.
    pub path: String,
    pub request_span: Range<usize>,
    pub auth: Auth,
    /// The version that added the method: the first `**Version history:**` entry.
    pub added_in: Option<String>,
    pub lifecycle: Lifecycle,
    /// The version that deprecated or removed it, when the version history says.
    pub lifecycle_since: Option<String>,
    /// The documented request parameters (path, query, form data, headers),
    /// in page order.
    pub params: Vec<Parameter>,
    pub errors: Vec<ErrorResponse>,
    /// What its `**Returns:**` line says it returns; `None` without one.
    pub returns: Option<Returns>,
    /// An explicit variant name (from the YAML copy), overriding the naming rule.
    pub name_override: Option<String>,
}

/// What a method's `**Returns:**` line says it returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returns {
    pub shape: ReturnShape,
    /// The entities the line links, in order. More than one: one of several
    /// (e.g. Status, or ScheduledStatus when `scheduled_at` is present).
    /// Empty for [`ReturnShape::Empty`] and [`ReturnShape::Other`].
    pub entities: Vec<EntityLink>,
    /// The line in the page (or the copy), for lints.
    pub span: Range<usize>,
}

/// How a `**Returns:**` line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReturnShape {
    /// `Empty` (or `empty object`): an empty body.
    Empty,
    /// The line starts with an entity link: `[Status](…)`.
    One,
    /// `Array of ` (or `List of `) then an entity link.
    Array,
    /// Anything else: prose, hashes, strings, streaming event names. Its
    /// links are not claimed as what the method returns.
    Other,
}

impl ReturnShape {
    /// Every shape, in the order the YAML copy's help lists them.
    pub const ALL: [ReturnShape; 4] = [
        ReturnShape::Empty,
        ReturnShape::One,
        ReturnShape::Array,
        ReturnShape::Other,
    ];

    /// The shape's name in the YAML copy: `empty`, `one`, `array`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnShape::Empty => "empty",
            ReturnShape::One => "one",
            ReturnShape::Array => "array",
            ReturnShape::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<ReturnShape> {
        ReturnShape::ALL
            .into_iter()
            .find(|shape| shape.as_str() == name)
    }

    /// Whether a line of this shape names what it returns by entity links.
    pub fn has_entities(self) -> bool {
        matches!(self, ReturnShape::One | ReturnShape::Array)
    }
}

/// A link to an entity in a `**Returns:**` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityLink {
    /// The link text, e.g. `CredentialAccount`, `V1::Filter`.
    pub text: String,
    /// The link's target below `entities/`, as written after removing the
    /// relref shortcode, fragment included: `Account#CredentialAccount`,
    /// `status`. `None` for a same-page `#anchor` link, whose anchor is in
    /// `anchor`.
    pub page: Option<String>,
    /// A same-page link's anchor, without `#`: `GroupedNotificationsResults`.
    pub anchor: Option<String>,
    /// The docs entity name this link resolves to, once resolved (e.g.
    /// `CredentialAccount`, `Admin::Account`); `None` until resolution runs.
    /// The YAML copy stores resolved names.
    pub resolved: Option<String>,
}

impl EntityLink {
    /// A link as the YAML copy holds it: a name, resolved to itself.
    pub fn named(name: &str) -> EntityLink {
        EntityLink {
            text: name.to_owned(),
            page: None,
            anchor: None,
            resolved: Some(name.to_owned()),
        }
    }

    /// The name the YAML copy stores: the resolved name, else the link text.
    pub fn name(&self) -> &str {
        self.resolved.as_deref().unwrap_or(&self.text)
    }
}

/// `{{%deprecated%}}` or `{{%removed%}}` before the heading's anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lifecycle {
    Current,
    Deprecated,
    Removed,
}

impl Lifecycle {
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Current => "current",
            Lifecycle::Deprecated => "deprecated",
            Lifecycle::Removed => "removed",
        }
    }

    pub fn from_name(name: &str) -> Option<Lifecycle> {
        [
            Lifecycle::Current,
            Lifecycle::Deprecated,
            Lifecycle::Removed,
        ]
        .into_iter()
        .find(|lifecycle| lifecycle.as_str() == name)
    }
}

/// What the `**OAuth:**` line accepts: which kinds of token, and the scopes
/// it names. A method with no such line accepts nothing documented.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Auth {
    /// Callable without a token (`Public`).
    pub public: bool,
    /// With an app token (client credentials).
    pub app: bool,
    /// With a user token.
    pub user: bool,
    /// The scopes named, in the order written, without repeats: `write:statuses`.
    pub scopes: Vec<String>,
    /// Whether any one of `scopes` is enough (the line joins them with "or",
    /// as in `` `read:follows` or `follow` ``); otherwise each is needed.
    pub any_scope: bool,
}

/// The kinds of token, as the YAML copy and the semantic diff name them, in that order.
pub const TOKEN_KINDS: [&str; 3] = ["public", "app", "user"];

impl Auth {
    /// The kinds of token it accepts, named as in [`TOKEN_KINDS`].
    pub fn token_kinds(&self) -> Vec<&'static str> {
        [self.public, self.app, self.user]
            .into_iter()
            .zip(TOKEN_KINDS)
            .filter_map(|(accepted, name)| accepted.then_some(name))
            .collect()
    }

    /// Accepts the kind of token `name` names; `false` for a name not in [`TOKEN_KINDS`].
    pub fn accept(&mut self, name: &str) -> bool {
        match name {
            "public" => self.public = true,
            "app" => self.app = true,
            "user" => self.user = true,
            _ => return false,
        }
        true
    }
}

/// A documented error response: a `NNN: Text` response heading with a JSON
/// example whose body has `"error"`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse {
    pub status: u16,
    /// The heading's status text, e.g. `Unauthorized`.
    pub status_text: String,
    /// The example's `error`, e.g. `The access token is invalid`.
    pub error: String,
    /// The example's `error_description`, which OAuth errors carry.
    pub error_description: Option<String>,
    /// The JSON example.
    pub span: Range<usize>,
}

/// One documented request parameter: a definition-list item under a
/// `##### Path parameters`, `##### Query parameters`, `##### Form data
/// parameters` or `##### Headers` heading of the method's `#### Request`.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The name as the docs write it: `:id`'s `id`, `media_ids[]`,
    /// `poll[options][]`, `data[alerts][admin.sign_up]`, `Idempotency-Key`.
    pub name: String,
    pub location: ParamLocation,
    pub ty: ParamType,
    /// An enumerable string's values, as for entity attributes: open, so a
    /// server may accept more.
    pub values: Vec<String>,
    /// The default the description states ("Defaults to false"), as written.
    pub default: Option<String>,
    pub requirement: Requirement,
    /// The version that added it, from a `**Version history:**` entry that
    /// names it as added; `None`: as old as the method, as far as the docs say.
    pub added_in: Option<String>,
    /// The description calls it deprecated.
    pub deprecated: bool,
    /// `**Internal parameter.**`: documented, but a client uses the `Link`
    /// header instead (pagination cursors). The docs give it no type.
    pub internal: bool,
    /// The item in the page (or the copy), for lints.
    pub span: Range<usize>,
}

#[cfg(test)]
impl Parameter {
    /// An optional parameter with only a name, a place and a type, nowhere
    /// in a page: what unit tests start from.
    pub(crate) fn new(name: &str, location: ParamLocation, ty: ParamType) -> Parameter {
        Parameter {
            name: name.to_owned(),
            location,
            ty,
            values: Vec::new(),
            default: None,
            requirement: Requirement::Optional,
            added_in: None,
            deprecated: false,
            internal: false,
            span: 0..0,
        }
    }
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamLocation {
    /// A `:name` segment of the path.
    Path,
    Query,
    /// Form data: the request body (`application/x-www-form-urlencoded`,
    /// `multipart/form-data` or JSON, as the server accepts any).
    Form,
    Header,
}

impl ParamLocation {
    /// Every location, in the order the YAML copy's help lists them.
    pub const ALL: [ParamLocation; 4] = [
        ParamLocation::Path,
        ParamLocation::Query,
        ParamLocation::Form,
        ParamLocation::Header,
    ];

    /// The location's name in the YAML copy: `path`, `query`, `form`, `header`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Form => "form",
            ParamLocation::Header => "header",
        }
    }

    pub fn from_name(name: &str) -> Option<ParamLocation> {
        ParamLocation::ALL
            .into_iter()
            .find(|location| location.as_str() == name)
    }
}

/// What a parameter's description says it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// A value in the entity pages' type grammar: `String`, `Array of String`, …
    Value(super::entities::AttributeType),
    /// A file upload, encoded as `multipart/form-data` (`Object. The file …
    /// encoded using multipart form data`).
    File,
    /// No type the generator reads: an internal parameter, or a lint said why.
    Unknown,
}

impl ParamType {
    /// The spelling the YAML copy writes: an attribute type's spelling
    /// (`string`, `array(integer)`), `file`, or `unknown`.
    pub fn spelling(&self) -> String {
        match self {
            ParamType::Value(ty) => ty.spelling(),
            ParamType::File => "file".to_owned(),
            ParamType::Unknown => "unknown".to_owned(),
        }
    }

    /// Reads [`ParamType::spelling`] back.
    pub fn from_spelling(text: &str) -> Option<ParamType> {
        match text.trim() {
            "file" => Some(ParamType::File),
            "unknown" => Some(ParamType::Unknown),
            other => super::entities::AttributeType::from_spelling(other)
                .filter(|ty| *ty != super::entities::AttributeType::Json)
                .map(ParamType::Value),
        }
    }
}

/// Whether a request must carry a parameter, as the docs say it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Requirement {
    Optional,
    /// `{{<required>}}`, with no condition in the description.
    Required,
    /// `{{<required>}}` and "If `media_ids` is provided, this becomes
    /// optional": needed unless one of these parameters (names as the docs
    /// write them) is sent.
    RequiredUnless(Vec<String>),
    /// Required in some cases the description states in words, kept verbatim
    /// ("Required if PKCE is used …"): reported, never enforced.
    Conditional(String),
}
