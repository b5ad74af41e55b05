#!/usr/bin/env python3
"""Checks jobs/samples against jobs/schema/explanation-request.v1.json.

Every sample and every line of batch.jsonl must be valid; every file in
samples/invalid must be refused, except those breaking a rule JSON Schema
cannot express. RequestDecoder stays the reference: VoyageurCoreTests checks
the same files against it, with the exact messages.

Needs `jsonschema` and `rfc3339-validator` (without the latter, `format:
date-time` is not checked):

    python3 -m venv /tmp/venv-schema
    /tmp/venv-schema/bin/pip install jsonschema rfc3339-validator
    /tmp/venv-schema/bin/python jobs/schema/check-samples.py
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker

JOBS = pathlib.Path(__file__).resolve().parent.parent
# Rules beyond JSON Schema: the body's size in bytes, and being JSON at all.
NOT_EXPRESSIBLE = {"too-large.json", "not-json.json"}


def main() -> int:
    schema = json.loads((JOBS / "schema/explanation-request.v1.json").read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    if "date-time" not in validator.format_checker.checkers:
        print("rfc3339-validator is not installed: date-time is unchecked", file=sys.stderr)
        return 2
    problems = []

    samples = sorted((JOBS / "samples").glob("*.json"))
    for path in samples:
        problems += [f"{path.name}: {e.message}" for e in validator.iter_errors(load(path))]
    batch = (JOBS / "samples/batch.jsonl").read_text().splitlines()
    for number, line in enumerate(batch, start=1):
        errors = validator.iter_errors(json.loads(line))
        problems += [f"batch.jsonl:{number}: {e.message}" for e in errors]

    invalid = sorted((JOBS / "samples/invalid").glob("*.json"))
    for path in invalid:
        if path.name in NOT_EXPRESSIBLE:
            continue
        if validator.is_valid(load(path)):
            problems.append(f"invalid/{path.name}: accepted by the schema")

    for problem in problems:
        print(problem, file=sys.stderr)
    if not samples or not batch or not invalid:
        print("a samples directory is empty", file=sys.stderr)
        return 1
    print(f"{len(samples)} samples and {len(batch)} batch lines valid; "
          f"{len(invalid) - len(NOT_EXPRESSIBLE)} invalid samples refused, "
          f"{len(NOT_EXPRESSIBLE)} beyond JSON Schema")
    return 1 if problems else 0


def load(path: pathlib.Path):
    return json.loads(path.read_text())


if __name__ == "__main__":
    sys.exit(main())
