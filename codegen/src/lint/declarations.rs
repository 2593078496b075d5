//! Every lint and lint group, declared once. A lint's name is its
//! identifier in kebab-case; the order here is the docs table's.

declare_lints! {
    groups {
        METHOD_PAGES: "defects of the method pages (`content/en/methods/`, read by `Config::methods`)";
        SCOPES_PAGE: "defects of the OAuth scopes page (`content/en/api/oauth-scopes.md`, read by `Config::scopes`)";
        RATE_LIMITS_PAGE: "defects of the rate-limits page (`content/en/api/rate-limits.md`, read by `Config::rate_limits`)";
        ENTITY_PAGES: "defects of the entity pages (`content/en/entities/`, read by `Config::entities`)";
    }
    lints {
        INVALID_FRONT_MATTER {
            level: Warn,
            groups: [METHOD_PAGES, SCOPES_PAGE, RATE_LIMITS_PAGE, ENTITY_PAGES],
            defect: "a page's front matter is not valid YAML, or has no `title` (on the Error page, this is an error)",
            action: "reads the page anyway, with no title (which only a YAML copy shows); an entity page's entity is named from its file name",
        }

        INVALID_EXAMPLE_JSON {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a JSON example of an error response is not valid JSON",
            action: "reads the example's top-level `\"error\"` (and `\"error_description\"`) string if it is intact, and says so; otherwise leaves out that one example",
        }

        MALFORMED_ERROR_EXAMPLE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "an error example's `error` or `error_description` is not a string",
            action: "leaves out that one example",
        }

        METHOD_WITHOUT_REQUEST {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a section has an `**OAuth:**` line, as only a method has, but no ```` ```http ```` request block",
            action: "leaves out that method: there is no request to route",
        }

        INVALID_REQUEST_LINE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a section's first ```` ```http ```` block does not start with `METHOD /path`",
            action: "leaves out that method",
        }

        MISSING_OAUTH {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a method has no `**OAuth:**` line",
            action: "keeps the method with no documented kind of token and no scopes",
        }

        OAUTH_WITHOUT_TOKEN_KIND {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "an `**OAuth:**` line names no kind of token (public, app token, user token)",
            action: "keeps the method and the scopes the line names, with no kind of token",
        }

        UNREADABLE_PARAMETER {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "an item under a method's parameters heading is not a `name` line followed by a `: description` line, its name is not one a request carries, or a name is described twice",
            action: "leaves out that parameter (a name with no description, a description with no name, a name with spaces or quotes), or reads a name's first description only",
        }

        COLON_OUTSIDE_PATH {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a query, form data or header parameter is written with a leading `:`, as only a path parameter is (`:id[]` under form data)",
            action: "reads the parameter without the colon, the name a request carries",
        }

        UNREAD_PARAMETER_TYPE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a parameter's description does not start with a type the generator reads (`Object` with no shape, `String or Array of Strings`, no type at all)",
            action: "keeps the parameter with an unknown type (`unknown` in the YAML copy, any value in the OpenAPI document); a description that says the value is sent as `multipart/form-data` is read as a file",
        }

        UNKNOWN_PARAMETER_SECTION {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a heading under a method's `#### Request` names parameters, but not as `Path parameters`, `Query parameters`, `Form data parameters` or `Headers`",
            action: "leaves out the parameters under it: where they go is not known",
        }

        UNKNOWN_HEADING_MARKER {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a method heading has a shortcode other than `{{%deprecated%}}` or `{{%removed%}}`",
            action: "ignores that marker; the method keeps the lifecycle its known markers give",
        }

        RETURNS_CONTRADICTS_EXAMPLE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a method's `**Returns:**` line names an entity, but every 200 response example it documents is exactly `{}`",
            action: "reads what the method returns as an empty body, as the example shows (`Endpoint::returns()` says empty), and leaves out the entity the line names",
        }

        DUPLICATE_ANCHOR {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "two methods on one page have the same `{#anchor}`, which names them",
            action: "names the later one by its heading, as a section without an anchor is named; a name collision after that is still an error",
        }

        DUPLICATE_ROUTE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "two methods have the same HTTP method and the same path up to parameter names",
            action: "keeps the first in page order and leaves out the later one: no request could reach it",
        }

        EMPTY_PATH_SEGMENT {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a method's path has an empty segment (`//`, a trailing `/`, or a bare `:`)",
            action: "leaves out that method: the router cannot match it",
        }

        UNREADABLE_RATE_LIMIT {
            level: Warn,
            groups: [RATE_LIMITS_PAGE],
            defect: "the rate-limits page has a limit the generator cannot read: a paragraph under `## Limits` that is not one of the page's sentences (`` `POST /api/v1/media` can be called 30 times within 30 minutes. ``), one under a heading other than `### Per account` or `### Per IP`, or one naming a call no method page documents; or the page lacks one of its three headers",
            action: "leaves out a limit it cannot read; keeps a call no method page documents only as text in `RateLimit::requests`; without the three headers, generates no `RateLimitStatus`. The warning says which",
        }

        UNREADABLE_SCOPE_TABLE {
            level: Warn,
            groups: [SCOPES_PAGE],
            defect: "the OAuth scopes page has a table or list of scopes the generator cannot read: a table whose header row neither names a scope in each column nor is headed `Scope` and `Granular Scopes`, a granular scope with no scope above it, a scope listed under itself, or a list item that names scopes among other words",
            action: "leaves out what that table, row or item says about the hierarchy; the scopes named elsewhere are still defined",
        }

        CONFLICTING_SCOPE_GRANTS {
            level: Warn,
            groups: [SCOPES_PAGE],
            defect: "the OAuth scopes page lists different granular scopes under the same scope in two places (a table and a list)",
            action: "takes the union: the scope grants every granular scope either place lists",
        }

        UNREADABLE_SCOPE_HISTORY {
            level: Warn,
            groups: [SCOPES_PAGE],
            defect: "an entry of the OAuth scopes page's version history names no scope and no group of scopes the generator reads, says neither Added, Deprecated nor Removed while being more than scope names, is nested, or names a scope the page does not define",
            action: "leaves the entry out; a name one plural `s` away from exactly one defined scope is read as that scope, and the warning says so",
        }

        UNDEFINED_SCOPE {
            level: Warn,
            groups: [METHOD_PAGES],
            defect: "a method's `**OAuth:**` line names a scope that the OAuth scopes page does not define",
            action: "keeps the name in `Authorization::undefined_scopes`, out of `Endpoint::scopes()`; a token cannot meet it, so `ScopeSet::permits` says no unless the line offers a defined alternative",
        }

        UNREADABLE_ENTITY_ATTRIBUTE {
            level: Warn,
            groups: [ENTITY_PAGES],
            defect: "an entity page has an attribute heading that is not a name in backticks, an unknown marker on one, or a field other than Description, Type and Version history",
            action: "leaves out that heading or field; the entity keeps its other attributes",
        }

        MALFORMED_ATTRIBUTE_HEADING {
            level: Warn,
            groups: [ENTITY_PAGES],
            defect: "an entity page's attribute heading is malformed but its name is intact: the name's backtick is not closed, or its anchor is written `(#anchor)` instead of `{#anchor}`",
            action: "reads the attribute (its name, the anchor when the heading gives one, and its fields), and says what it read",
        }

        UNKNOWN_ATTRIBUTE_TYPE {
            level: Warn,
            groups: [ENTITY_PAGES],
            defect: "an entity attribute's `**Type:**` line is missing, or is a spelling the generator does not read (see docs/entities.md)",
            action: "types the field as the raw JSON value (`Json`), never a guess; a YAML copy can give it a type",
        }

        UNRESOLVED_ENTITY {
            level: Warn,
            groups: [METHOD_PAGES, ENTITY_PAGES],
            defect: "an attribute's type, or a method's `**Returns:**` line, links an entity that no entity page defines",
            action: "types the attribute as the raw JSON value; leaves the entity out of `Endpoint::returns()`",
        }

        INVALID_ENTITY_EXAMPLE {
            level: Warn,
            groups: [ENTITY_PAGES],
            defect: "a JSON example on an entity page is not valid JSON, even with its `// ...` elision lines removed",
            action: "leaves that example out of the checks; the types come from the attribute tables",
        }

        EXAMPLE_CONTRADICTS_TABLE {
            level: Warn,
            groups: [ENTITY_PAGES],
            defect: "an entity page's JSON example disagrees with the page's attribute table: a required attribute missing, `null` where the table does not say nullable, a value of another type, or a key the table does not document",
            action: "types the field as the table says, never as the example; the lint says which key, and the example test lists it as a known contradiction",
        }
    }
}
