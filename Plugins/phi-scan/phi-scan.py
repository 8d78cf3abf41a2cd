#!/usr/bin/env -S python3 -I -S
"""Tacet plugin: flags free text that looks like a client identifier.

Workflows and learning plans live in version control and travel in pull requests; they must describe
how a team works, never whom it treats. This scanner looks at every string in the document for the
identifiers that most often leak: phone numbers, record numbers, dates of birth, e-mail addresses,
US social security numbers, and a capitalised full name next to a date.

Started with `python3 -I -S`: no site packages to import (the interpreter starts in a quarter of the
time, which an editor running `tacet check` on every save notices), and isolated: no PYTHON* variable,
user site folder or this script's own folder is on the import path, so no file beside the script or in
the environment can stand in for a standard module. Standard library only, and only what a request
needs: JSON is read and written by the interpreter's C codec (`_json`, which the `json` module uses
too) without importing `json`, whose import brings `re`; `re` is imported, and a pattern compiled, only
when a document's text holds what a match of it needs. Most requests hold none, and then importing and
compiling would cost more than the rest of the run.

Protocols 1 and 2 (docs/plugin-protocol.md): argv[1] is `describe` or `check`; one JSON request on
stdin, one JSON response on stdout. A protocol 1 request holds one document; a protocol 2 request holds
a batch, answered with one result per document: a document that cannot be judged gets its own `error`
and the others still get their findings.
"""
import gc
import sys

try:
    from _json import encode_basestring_ascii, make_encoder, make_scanner
except ImportError:  # an interpreter without CPython's C codec: the json module does it all
    make_scanner = None

NAME = "phi-scan"
VERSION = "1.0.0"
PROTOCOLS = [1, 2]
KINDS = ["Workflow", "LearningPlan"]
CITATIONS = ["hipaa-164-502e"]

DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"

# (rule, severity, summary, pattern, hint); each pattern is compiled when first needed (`regex`).
PATTERNS = [
    ("phone-number", "error", "A phone number in free text.",
     r"(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])",
     "describe the contact step without the number; keep contact details in the record system"),
    ("record-number", "error", "A medical record, chart or client number in free text.",
     r"(?i)\b(?:MRN|medical record(?: number)?|record (?:no\.?|number|#)|chart (?:no\.?|number|#)|client (?:id|no\.?|number|#))"
     r"\s*[:#]?\s*[A-Z0-9][A-Z0-9-]{3,}\b",
     "refer to the client by role (\"the client\") and keep record numbers in the record system"),
    ("date-of-birth", "error", "A date of birth in free text.",
     r"(?i)\b(?:DOB|D\.O\.B\.|date of birth|born(?: on)?)\b\s*[:,]?\s*" + DATE,
     "use an age range if the workflow needs one"),
    ("email", "error", "An e-mail address in free text.",
     r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b",
     "name the role to contact instead of a person's address"),
    ("ssn", "error", "A US social security number in free text.",
     r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])",
     "remove it; a workflow never needs one"),
    ("name-with-date", "warning", "A capitalised full name next to a date: possibly a client and a visit or birth date.",
     r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b[^.\n]{0,30}?" + DATE + r"|" + DATE + r"[^.\n]{0,30}?\b[A-Z][a-z]+ [A-Z][a-z]+\b",
     "if this names a client, replace the name with their role"),
]

# What each pattern cannot match without, tested before the pattern itself: every match of a pattern
# contains what its test looks for, so a failed test never hides a finding. Python's re tries a pattern
# that starts with a lookbehind or \b at every position of the text, a few microseconds per string and
# most of a 2,000-workflow run; these tests are substring tests or start with a character class.
# Phone numbers, social security numbers and dates all hold two digits split by one of ` ./-`.
NEEDS = {
    "phone-number": lambda text, split: split and regex(r"\d{3}[ .-]\d{4}").search(text) is not None,
    "record-number": lambda text, split: record_words(text),
    "date-of-birth": lambda text, split: split,
    "email": lambda text, split: "@" in text,
    "ssn": lambda text, split: split and regex(r"\d{3}-\d{2}-\d{4}").search(text) is not None,
    "name-with-date": lambda text, split: split,
}
# Every ASCII digit as 0, so that `digits_split` finds two digits around a separator with four substring tests.
DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
COMPILED = {}


def regex(source):
    """The pattern `source`, compiled on its first use (and `re` imported on the first of all)."""
    pattern = COMPILED.get(source)
    if pattern is None:
        import re
        pattern = COMPILED[source] = re.compile(source)
    return pattern


def digits_split(text):
    """Whether `text` holds two digits split by one of ` ./-`, as `\\d[ ./-]\\d` finds them."""
    if text.isascii():
        # \d is any Unicode decimal digit; the only ASCII ones are 0-9.
        zeroed = text.translate(DIGITS_AS_ZERO)
        return "0 0" in zeroed or "0.0" in zeroed or "0/0" in zeroed or "0-0" in zeroed
    return regex(r"\d[ ./-]\d").search(text) is not None


def record_words(text):
    """Whether `text` holds a word every record-number match starts with, as case-blind as re.IGNORECASE."""
    if text.isascii():
        # For ASCII text re.IGNORECASE is ASCII case-folding; beyond it, it also pairs letters such as a
        # dotless i with i, which only the pattern knows.
        lowered = text.lower()
        return "mrn" in lowered or "record" in lowered or "chart" in lowered or "client" in lowered
    return regex(r"(?i:mrn|record|chart|client)").search(text) is not None


def may_match(text):
    """The patterns, in order, whose needs `text` has: the only ones that can match it."""
    split = digits_split(text)
    return [entry for entry in PATTERNS if NEEDS[entry[0]](text, split)]


# Keys whose values are identifiers or dates by design, not free text.
STRUCTURAL_KEYS = {"id", "task", "tool", "performer", "reviewer", "ai", "data", "policy", "apiVersion", "kind",
                   "course", "start", "end", "quarter", "date", "expires", "therapist"}


def describe():
    return {
        "name": NAME,
        "version": VERSION,
        "protocols": PROTOCOLS,
        "kinds": KINDS,
        "rules": [{"id": f"{NAME}/{rule}", "severity": severity, "summary": summary, "hint": hint,
                   "citations": CITATIONS}
                  for rule, severity, summary, _, hint in PATTERNS],
    }


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def strings(value, pointer="", key=None):
    """Every free-text string in `value` with its JSON Pointer."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from strings(child, f"{pointer}/{escape(child_key)}", child_key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from strings(child, f"{pointer}/{index}", key)
    elif isinstance(value, str) and key not in STRUCTURAL_KEYS:
        yield pointer, value


def texts(value, key, collected):
    """Appends every free-text string in `value` to `collected`: the strings `strings` yields, without pointers."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            texts(child, child_key, collected)
    elif isinstance(value, list):
        for child in value:
            texts(child, key, collected)
    elif isinstance(value, str) and key not in STRUCTURAL_KEYS:
        collected.append(value)


def mask(text):
    """The match with its digits and letters hidden, so the report does not repeat the identifier."""
    return text[:2] + regex(r"[A-Za-z0-9]").sub("•", text[2:])


class Unjudgeable(Exception):
    """A document this scanner cannot judge; the message goes into the answer's `error` object."""


def findings_in(content):
    """The findings for one document's content, or raise Unjudgeable."""
    if not isinstance(content, dict):
        raise Unjudgeable("the document content is not an object")
    collected = []
    texts(content, None, collected)
    # The needs over all of the document's text first: most documents have none, and then neither the
    # pointers nor the patterns are needed. No need is met across the line break between two strings.
    findings = []
    if not may_match("\n".join(collected)):
        return findings
    for pointer, text in strings(content):
        for rule, severity, summary, pattern, hint in may_match(text):
            match = regex(pattern).search(text)
            if match is None:
                continue
            findings.append({
                "rule": f"{NAME}/{rule}",
                "severity": severity,
                "message": f"{summary[:-1]} ('{mask(match.group(0))}'): workflows must not identify clients",
                "pointer": pointer,
                "hint": hint,
                "citations": CITATIONS,
            })
    return findings


def check(request):
    """The answer to a check request of either protocol version."""
    if not isinstance(request, dict) or request.get("protocolVersion") not in PROTOCOLS:
        version = request.get("protocolVersion") if isinstance(request, dict) else None
        return {"error": {"message": f"protocol {version} is not one of {PROTOCOLS}"}}
    if request["protocolVersion"] == 2:
        return check_batch(request)
    document = request.get("document")
    try:
        return {"findings": findings_in(document.get("content") if isinstance(document, dict) else None)}
    except Unjudgeable as error:
        return {"error": {"message": str(error)}}


def check_batch(request):
    """Protocol 2: one result per document, in the request's order; each document judged on its own."""
    documents = request.get("documents")
    if not isinstance(documents, list):
        return {"error": {"message": "the request has no documents list"}}
    results = []
    for index, document in enumerate(documents):
        try:
            if not isinstance(document, dict):
                raise Unjudgeable(f"document {index} of the request is not an object")
            results.append({"document": index, "findings": findings_in(document.get("content"))})
        except Unjudgeable as error:
            results.append({"document": index, "error": {"message": str(error)}})
    return {"results": results}


class LoadsDefaults:
    """The settings the C scanner reads from a decoder: those of `json.loads`, so it returns what that does."""
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


def read_json(text):
    """`text` read as `json.loads` reads it. Text that is not one JSON value goes to `json.loads` itself,
    so its ValueError words the problem exactly as it always has."""
    if make_scanner is not None and not text.startswith("\ufeff"):
        start = len(text) - len(text.lstrip(" \t\n\r"))
        try:
            value, end = make_scanner(LoadsDefaults)(text, start)
        except Exception:  # any failure: read again below
            # The scanner words its errors with json.decoder's exception class, which it finds only once
            # `json` is imported; before that it fails without a message.
            pass
        else:
            if not text[end:].strip(" \t\n\r"):
                return value
    import json
    return json.loads(text)


def unserialisable(value):
    """What `json.JSONEncoder.default` does: an answer holds only JSON values, so this is never reached."""
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def write_json(value):
    """`value` on standard output, as `json.dump(value, sys.stdout)` writes it."""
    if make_scanner is None:
        import json
        json.dump(value, sys.stdout)
        return
    encode = make_encoder({}, unserialisable, encode_basestring_ascii, None, ": ", ", ", False, False, True)
    sys.stdout.write("".join(encode(value, 0)))


def main(argv):
    # A request's values hold no reference cycles and the process answers one call: the cycle collector
    # would only rescan the objects json.loads made, again and again, a fifth of a large batch's time.
    gc.disable()
    verb = argv[1] if len(argv) > 1 else ""
    raw = sys.stdin.read()
    if verb == "describe":
        response = describe()
    elif verb == "check":
        try:
            request = read_json(raw)
        except ValueError as error:
            response = {"error": {"message": f"could not read the check request: {error}"}}
        else:
            response = check(request)
    else:
        print(f"usage: {argv[0]} describe|check < request.json", file=sys.stderr)
        return 2
    write_json(response)
    return 0


if __name__ == "__main__":
    status = main(sys.argv)
    # The answer is written: flush it and leave without the interpreter's teardown (freeing every module and
    # object one by one), which took a small check's process 2 ms longer and kept the host waiting for it.
    # Nothing else is buffered or open; a flush that fails raises here, and the process fails as before.
    sys.stdout.flush()
    sys.stderr.flush()
    import posix
    posix._exit(status)
