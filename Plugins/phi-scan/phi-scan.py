#!/usr/bin/env -S python3 -S
"""Tacet plugin: flags free text that looks like a client identifier.

Workflows and learning plans live in version control and travel in pull requests; they must describe
how a team works, never whom it treats. This scanner looks at every string in the document for the
identifiers that most often leak: phone numbers, record numbers, dates of birth, e-mail addresses,
US social security numbers, and a capitalised full name next to a date.

Started with `python3 -S` (no site packages to import): the interpreter starts in a quarter of the
time, which an editor running `tacet check` on every save notices. Standard library only.

Protocols 1 and 2 (docs/plugin-protocol.md): argv[1] is `describe` or `check`; one JSON request on
stdin, one JSON response on stdout. A protocol 1 request holds one document; a protocol 2 request holds
a batch, answered with one result per document: a document that cannot be judged gets its own `error`
and the others still get their findings.
"""
import json
import re
import sys

NAME = "phi-scan"
VERSION = "1.0.0"
PROTOCOLS = [1, 2]
KINDS = ["Workflow", "LearningPlan"]
CITATIONS = ["hipaa-164-502e"]

DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"

# (rule, severity, summary, pattern, hint)
PATTERNS = [
    ("phone-number", "error", "A phone number in free text.",
     re.compile(r"(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"),
     "describe the contact step without the number; keep contact details in the record system"),
    ("record-number", "error", "A medical record, chart or client number in free text.",
     re.compile(r"\b(?:MRN|medical record(?: number)?|record (?:no\.?|number|#)|chart (?:no\.?|number|#)|client (?:id|no\.?|number|#))"
                r"\s*[:#]?\s*[A-Z0-9][A-Z0-9-]{3,}\b", re.IGNORECASE),
     "refer to the client by role (\"the client\") and keep record numbers in the record system"),
    ("date-of-birth", "error", "A date of birth in free text.",
     re.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born(?: on)?)\b\s*[:,]?\s*" + DATE, re.IGNORECASE),
     "use an age range if the workflow needs one"),
    ("email", "error", "An e-mail address in free text.",
     re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),
     "name the role to contact instead of a person's address"),
    ("ssn", "error", "A US social security number in free text.",
     re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])"),
     "remove it; a workflow never needs one"),
    ("name-with-date", "warning", "A capitalised full name next to a date: possibly a client and a visit or birth date.",
     re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b[^.\n]{0,30}?" + DATE + r"|" + DATE + r"[^.\n]{0,30}?\b[A-Z][a-z]+ [A-Z][a-z]+\b"),
     "if this names a client, replace the name with their role"),
]

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


def mask(text):
    """The match with its digits and letters hidden, so the report does not repeat the identifier."""
    return text[:2] + re.sub(r"[A-Za-z0-9]", "•", text[2:])


class Unjudgeable(Exception):
    """A document this scanner cannot judge; the message goes into the answer's `error` object."""


def findings_in(content):
    """The findings for one document's content, or raise Unjudgeable."""
    if not isinstance(content, dict):
        raise Unjudgeable("the document content is not an object")
    findings = []
    for pointer, text in strings(content):
        for rule, severity, summary, pattern, hint in PATTERNS:
            match = pattern.search(text)
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


def main(argv):
    verb = argv[1] if len(argv) > 1 else ""
    raw = sys.stdin.read()
    if verb == "describe":
        response = describe()
    elif verb == "check":
        try:
            request = json.loads(raw)
        except ValueError as error:
            response = {"error": {"message": f"could not read the check request: {error}"}}
        else:
            response = check(request)
    else:
        print(f"usage: {argv[0]} describe|check < request.json", file=sys.stderr)
        return 2
    json.dump(response, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
