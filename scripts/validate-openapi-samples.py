#!/usr/bin/env python3
"""Validates the entity pages' JSON examples and the recorded responses
against generated/openapi.json, with openapi-schema-validator's OAS 3.0
validator (formats checked). The samples come from
`mastodon-error-codegen openapi-samples` (codegen/src/samples.rs).

An example is validated against its entity's schema (found by `x-docs-name`),
or each of its items when it shows a list; an example that elides keys
(`// ...`) may lack required ones. A response is validated against the `200`
schema of the operation at its method and path template.

Each refusal is a finding about the schema, without the sample
(`Status.text: missing`). docs/openapi.md lists every finding with how many
samples have it, the first of them, and its reason: the run fails on a
finding not listed there or with other figures, on a listed one no sample has,
and (without --write) when the figures table there is stale. --write
rewrites the figures table.

usage: validate-openapi-samples.py DOCUMENT SAMPLES DOCS_PAGE [--write]
"""

import json
import re
import sys

from openapi_schema_validator import OAS30Validator, oas30_format_checker

FIGURES = ("<!-- samples figures: written by scripts/validate-openapi-samples.py -->",
           "<!-- end of samples figures -->")
EXCEPTIONS = ("<!-- samples exceptions: checked by scripts/validate-openapi-samples.py -->",
              "<!-- end of samples exceptions -->")


def template(route):
    """`/api/v1/statuses/:id?x=:x` as the document's path: `/api/v1/statuses/{id}`."""
    path = route.split("?", 1)[0]
    return "/".join("{%s}" % s[1:] if s.startswith(":") else s for s in path.split("/"))


def between(text, markers):
    start, end = text.index(markers[0]), text.index(markers[1])
    return start + len(markers[0]), end


def schema_names(document):
    """Each schema object of the document by identity: `Status`, `Status.card`,
    `Account.fields[]`, an operation's response by its operationId. A finding
    names the schema object that refused a value."""
    names = {}

    def walk(node, name):
        if isinstance(node, dict):
            names.setdefault(id(node), name)
            for key, value in node.items():
                if key == "properties":
                    for prop, schema in value.items():
                        walk(schema, f"{name}.{prop}")
                elif key == "items":
                    walk(value, f"{name}[]")
                elif key in ("anyOf", "oneOf", "allOf"):
                    for branch in value:
                        walk(branch, name)
    for name, schema in document["components"]["schemas"].items():
        walk(schema, name)
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "responses" in operation:
                schema = (operation["responses"].get("200", {}).get("content", {})
                          .get("application/json", {}).get("schema"))
                if schema is not None:
                    walk(schema, operation["operationId"])
    return names


def leaves(error):
    """The errors that say why: inside a `oneOf`/`anyOf`, those of the branch
    that came closest (fewest errors), since the value was meant for it. The
    branch of `null` alone (a nullable `$ref`) says nothing about a value
    that is not null."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        branches = {}
        for sub in error.context:
            if sub.schema.get("enum") == [None] and error.instance is not None:
                continue
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        if not branches:
            return [error]
        closest = min(branches.values(), key=len)
        return [leaf for sub in closest for leaf in leaves(sub)]
    return [error]


def finding(names, error):
    """What a refused value says about the schema, without the sample:
    `Status.text: missing`, `MediaAttachment.text_url: null`."""
    name = names.get(id(error.schema), "(unnamed schema)")
    if error.validator == "required":
        missing = re.match(r"'(.*)' is a required property", error.message)
        return f"{name}.{missing.group(1) if missing else error.message}: missing"
    if error.validator == "type":
        if error.instance is None:
            return f"{name}: null"
        return f"{name}: {type(error.instance).__name__}, not {error.validator_value}"
    return f"{name}: {error.validator} {json.dumps(error.validator_value)[:80]}"


def main(argv):
    write = "--write" in argv
    args = [a for a in argv if a != "--write"]
    if len(args) != 3:
        sys.exit(__doc__)
    document_path, samples_path, docs_path = args
    document = json.load(open(document_path))
    samples = json.load(open(samples_path))
    components = document["components"]
    names = schema_names(document)
    by_docs_name = {s.get("x-docs-name", name): name for name, s in components["schemas"].items()}

    def findings(schema, instance, elided=False):
        validator = OAS30Validator({**schema, "components": components},
                                   format_checker=oas30_format_checker)
        found = {finding(names, leaf) for error in validator.iter_errors(instance)
                 for leaf in leaves(error)}
        # An example that elides keys (`// ...`) may lack required ones.
        return sorted(f for f in found if not (elided and f.endswith(": missing")))

    seen = {}  # finding -> [samples, first sample]

    def failed(at, found):
        for f in found:
            seen.setdefault(f, [0, at])[0] += 1

    rows = []
    row = {"name": "entity pages' examples", "server": "docs", "samples": 0,
           "validated": 0, "failed": 0, "untyped": 0, "unrouted": 0}
    for sample in samples["examples"]:
        row["samples"] += 1
        name = by_docs_name.get(sample["entity"])
        if "error" in sample:
            found = [f"{sample['at']}: not JSON"]
        elif name is None:
            row["untyped"] += 1
            continue
        else:
            schema = {"$ref": f"#/components/schemas/{name}"}
            # An example may show a response: a list of the entity.
            if isinstance(sample["json"], list):
                schema = {"type": "array", "items": schema}
            found = findings(schema, sample["json"], sample["elided"])
        if found:
            row["failed"] += 1
            failed(sample["at"], found)
        else:
            row["validated"] += 1
    rows.append(row)

    # The recorded responses, one row per recording and server version.
    by_recording = {}
    for sample in samples["responses"]:
        recording = sample["at"].rsplit(":", 1)[0]
        key = (recording, sample["version"])
        row = by_recording.setdefault(key, {"name": f"`{recording}`", "server": sample["version"],
                                            "samples": 0, "validated": 0, "failed": 0,
                                            "untyped": 0, "unrouted": 0})
        row["samples"] += 1
        operation = None
        if sample["route"] is not None:
            operation = document["paths"].get(template(sample["route"]), {}).get(sample["method"].lower())
        if operation is None:
            row["unrouted"] += 1
            continue
        schema = (operation["responses"].get("200", {}).get("content", {})
                  .get("application/json", {}).get("schema"))
        if schema is None:
            row["untyped"] += 1
            continue
        found = findings(schema, sample["body"])
        if found:
            row["failed"] += 1
            failed(sample["at"], found)
        else:
            row["validated"] += 1
    rows.extend(by_recording[key] for key in sorted(by_recording))

    table = ["| Samples | Server | Samples | Validate | Do not | No schema | Unrouted |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        table.append(f"| {r['name']} | {r['server']} | {r['samples']} | {r['validated']} | "
                     f"{r['failed']} | {r['untyped']} | {r['unrouted']} |")
    figures = "\n" + "\n".join(table) + "\n"

    text = open(docs_path).read()
    start, end = between(text, FIGURES)
    stale = text[start:end] != figures
    if write and stale:
        text = text[:start] + figures + text[end:]
        open(docs_path, "w").write(text)
        stale = False
    start, end = between(text, EXCEPTIONS)
    listed = {}
    for line in text[start:end].splitlines():
        cells = re.match(r"^\| `([^`]+)` \| (\d+) \| `([^`]+)` \| (.+) \|$", line)
        if cells:
            listed[cells.group(1)] = [int(cells.group(2)), cells.group(3)]

    status = 0
    for f, (count, first) in sorted(seen.items()):
        if f not in listed:
            print(f"error: {f} ({count} samples, first {first}) is not listed in {docs_path}")
            status = 1
        elif listed[f] != [count, first]:
            print(f"error: {f} is listed in {docs_path} for {listed[f][0]} samples (first {listed[f][1]}), "
                  f"and {count} have it (first {first})")
            status = 1
    for f in sorted(set(listed) - set(seen)):
        print(f"error: {f} is listed in {docs_path}, and no sample has it now: remove it")
        status = 1
    if stale:
        print(f"error: the figures in {docs_path} are stale; run with --write. They are:{figures}")
        status = 1
    print("\n".join(table))
    failures = sum(r["failed"] for r in rows)
    print(f"{failures} samples do not validate, for {len(seen)} reasons"
          + (f", each listed in {docs_path}" if status == 0 else ""))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
