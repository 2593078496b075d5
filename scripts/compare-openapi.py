#!/usr/bin/env python3
"""Measures two OpenAPI documents (3.0 or 3.1) the same way and prints a
Markdown table side by side: operations, parameters by location, request
bodies, error responses and their exact messages, nullable against optional,
scope alternatives, rate limits. Operations are matched across the two by
HTTP method and path, path parameters' names left aside, for the rows that
compare them. Standard library only.

usage: compare-openapi.py FIRST.json SECOND.json [LABEL1 LABEL2]
"""

import json
import re
import sys

VERBS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class Document:
    def __init__(self, path):
        self.doc = json.load(open(path))

    def resolve(self, node):
        """`node` with its local `$ref`s followed."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            target = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node, seen = target, seen + 1
        return node

    def operations(self):
        for path, item in self.doc["paths"].items():
            item = self.resolve(item)
            for verb in VERBS:
                if verb in item:
                    yield path, verb, item, item[verb]

    def takes_null(self, schema, depth=0):
        """Whether the schema accepts `null`: 3.0's `nullable` (beside a
        type), 3.1's `null` type, an `enum` with null, or a branch of an
        `anyOf`/`oneOf` that does."""
        if depth > 20 or not isinstance(schema, dict):
            return False
        schema = self.resolve(schema)
        kind = schema.get("type")
        if schema.get("nullable") is True or kind == "null" or (
                isinstance(kind, list) and "null" in kind):
            return True
        if "enum" in schema and None in schema["enum"]:
            return True
        for key in ("anyOf", "oneOf"):
            if any(self.takes_null(branch, depth + 1) for branch in schema.get(key, [])):
                return True
        branches = schema.get("allOf", [])
        return bool(branches) and all(self.takes_null(b, depth + 1) for b in branches)

    def properties(self):
        """(required, nullable) for each property of each component schema,
        nested objects and arrays of objects included."""
        found = []
        seen = set()

        def walk(schema):
            if not isinstance(schema, dict) or "$ref" in schema or id(schema) in seen:
                return
            seen.add(id(schema))
            required = set(schema.get("required", []))
            for name, prop in schema.get("properties", {}).items():
                found.append((name in required, self.takes_null(prop)))
                walk(prop)
            walk(schema.get("items"))
            for key in ("anyOf", "oneOf", "allOf"):
                for branch in schema.get(key, []):
                    walk(branch)

        for schema in self.doc.get("components", {}).get("schemas", {}).values():
            walk(schema)
        return found


def key(path, verb):
    return verb, re.sub(r"\{[^}]*\}", "{}", path)


def error_messages(document, operation):
    """{(status, message)} of the operation's error examples, and the error
    statuses it documents."""
    messages, statuses = set(), set()
    for status, response in operation.get("responses", {}).items():
        if not (status[0] in "45"):
            continue
        statuses.add(status)
        response = document.resolve(response)
        for media in response.get("content", {}).values():
            values = []
            if "example" in media:
                values.append(media["example"])
            for example in media.get("examples", {}).values():
                values.append(document.resolve(example).get("value"))
            for value in values:
                if isinstance(value, dict) and isinstance(value.get("error"), str):
                    messages.add((status, value["error"]))
    return messages, statuses


def scopes(document, operation):
    security = operation.get("security", document.doc.get("security", []))
    return [[s for scheme in req.values() for s in scheme] for req in security]


def measure(document):
    m = {"openapi": document.doc.get("openapi"), "operations": 0, "admin": 0,
         "params": {}, "bodies": 0, "body_fields": 0, "error_responses": 0,
         "error_responses_exact": 0, "messages": 0, "secured": 0, "alternatives": 0,
         "all_needed": 0, "optional_security": 0, "rate_limited": 0, "rate_headers": 0,
         "schemas": len(document.doc.get("components", {}).get("schemas", {})),
         "by_key": {}}
    for path, verb, item, op in document.operations():
        m["operations"] += 1
        if re.match(r"^/api/v\d+/admin/", path):
            m["admin"] += 1
        params = [document.resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
        for param in params:
            m["params"][param["in"]] = m["params"].get(param["in"], 0) + 1
        if "requestBody" in op:
            m["bodies"] += 1
            body = document.resolve(op["requestBody"])
            media = next(iter(body.get("content", {}).values()), {})
            schema = document.resolve(media.get("schema", {}))
            names = set(schema.get("properties", {}))
            for branch in schema.get("oneOf", []) + schema.get("anyOf", []) + schema.get("allOf", []):
                names |= set(document.resolve(branch).get("properties", {}))
            m["body_fields"] += len(names)
        messages, statuses = error_messages(document, op)
        m["error_responses"] += len(statuses)
        m["error_responses_exact"] += len({status for status, _ in messages})
        m["messages"] += len(messages)
        requirements = scopes(document, op)
        named = [r for r in requirements if r]
        if named:
            m["secured"] += 1
            # Alternatives: two requirements of one token kind naming different scopes.
            if len({tuple(sorted(r)) for r in named}) > 1:
                m["alternatives"] += 1
            if any(len(r) > 1 for r in named):
                m["all_needed"] += 1
            if any(not r for r in op.get("security", [])):
                m["optional_security"] += 1
        if any("rate" in k.lower() for k in op if k.startswith("x-")):
            m["rate_limited"] += 1
        headers = [h for r in op.get("responses", {}).values()
                   for h in document.resolve(r).get("headers", {})]
        if any(h.lower().startswith("x-ratelimit") for h in headers):
            m["rate_headers"] += 1
        m["by_key"][key(path, verb)] = (messages, requirements, len(params), "requestBody" in op)
    props = document.properties()
    m["properties"] = len(props)
    m["required_nullable"] = sum(1 for r, n in props if r and n)
    m["optional_not_null"] = sum(1 for r, n in props if not r and not n)
    m["optional_nullable"] = sum(1 for r, n in props if not r and n)
    m["required_not_null"] = sum(1 for r, n in props if r and not n)
    return m


def main(argv):
    if len(argv) not in (2, 4):
        sys.exit(__doc__)
    labels = argv[2:] or argv[:2]
    a, b = (measure(Document(p)) for p in argv[:2])
    both = set(a["by_key"]) & set(b["by_key"])

    def cross(first, second):
        ours = {(k, s, msg) for k in both for s, msg in first["by_key"][k][0]}
        theirs = {(k, s, msg) for k in both for s, msg in second["by_key"][k][0]}
        return len(ours - theirs)

    def alternatives_as_all(first, second):
        """Operations whose scope alternatives in `first` are one requirement
        naming them all in `second`."""
        count = 0
        for k in both:
            alts = {s for r in first["by_key"][k][1] if len(r) == 1 for s in r}
            if len(alts) > 1 and any(alts <= set(r) for r in second["by_key"][k][1]):
                count += 1
        return count

    rows = [
        ("OpenAPI version", a["openapi"], b["openapi"]),
        ("Operations", a["operations"], b["operations"]),
        ("of which admin (`/api/v*/admin/`)", a["admin"], b["admin"]),
        ("Operations in both (method and path)", len(both), len(both)),
    ]
    for loc in ("path", "query", "header", "cookie"):
        rows.append((f"Parameters in {loc}", a["params"].get(loc, 0), b["params"].get(loc, 0)))
    rows += [
        ("Parameters on the operations in both", *(sum(m["by_key"][k][2] for k in both) for m in (a, b))),
        ("Request bodies", a["bodies"], b["bodies"]),
        ("Request bodies on the operations in both", *(sum(m["by_key"][k][3] for k in both) for m in (a, b))),
        ("Request body fields (first media type)", a["body_fields"], b["body_fields"]),
        ("Error responses (4xx/5xx, per operation and status)", a["error_responses"], b["error_responses"]),
        ("of which with an exact message (`error` in an example)", a["error_responses_exact"], b["error_responses_exact"]),
        ("Error messages (operation, status, `error`)", a["messages"], b["messages"]),
        ("Messages on operations in both that the other lacks", cross(a, b), cross(b, a)),
        ("Schemas", a["schemas"], b["schemas"]),
        ("Schema properties", a["properties"], b["properties"]),
        ("required and not nullable", a["required_not_null"], b["required_not_null"]),
        ("required and nullable (always sent, may be null)", a["required_nullable"], b["required_nullable"]),
        ("optional and not nullable (may be absent, never null)", a["optional_not_null"], b["optional_not_null"]),
        ("optional and nullable", a["optional_nullable"], b["optional_nullable"]),
        ("Operations with scopes", a["secured"], b["secured"]),
        ("with scope alternatives (any one scope is enough)", a["alternatives"], b["alternatives"]),
        ("with a requirement naming several scopes (all needed)", a["all_needed"], b["all_needed"]),
        ("Operations whose alternatives in the other this writes as all needed", alternatives_as_all(b, a), alternatives_as_all(a, b)),
        ("with optional security (`{}`: answers without a token too)", a["optional_security"], b["optional_security"]),
        ("Operations with rate limits (`x-` extension)", a["rate_limited"], b["rate_limited"]),
        ("Operations with `X-RateLimit-*` response headers", a["rate_headers"], b["rate_headers"]),
    ]
    print(f"| Measure | {labels[0]} | {labels[1]} |")
    print("|---|---|---|")
    for name, x, y in rows:
        print(f"| {name} | {x} | {y} |")


if __name__ == "__main__":
    main(sys.argv[1:])
