"""A third party for the shared case table: Python's jsonschema, as docs/generated.md tells Python users
to set it up (Python's re lacks \\p{L}, and its $ matches before a final newline). Reads JSON lines
{"schema": path, "draft": "2020-12"|"draft-07", "data": ...} on stdin, prints one verdict per line."""
import json
import sys

import regex
from jsonschema import Draft7Validator, Draft202012Validator, ValidationError, validators


def pattern(validator, patrn, instance, schema):
    ecma = regex.sub(r"(?<!\\)\$(?![^\[]*\])", r"\\Z", patrn)  # $ outside [...] means the very end
    if validator.is_type(instance, "string") and not regex.search(ecma, instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


VALIDATORS = {
    "2020-12": validators.extend(Draft202012Validator, {"pattern": pattern}),
    "draft-07": validators.extend(Draft7Validator, {"pattern": pattern}),
}
compiled = {}
for line in sys.stdin:
    case = json.loads(line)
    key = (case["schema"], case["draft"])
    if key not in compiled:
        with open(case["schema"], encoding="utf-8") as f:
            compiled[key] = VALIDATORS[case["draft"]](json.load(f))
    print("valid" if compiled[key].is_valid(case["data"]) else "invalid")
