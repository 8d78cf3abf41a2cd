#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target (Fuzz/) into DIR/TARGET/, from the shipped files.

Usage: make-fuzz-seeds.py SOURCE_ROOT DIR [TARGET...]   (every target when none is named)

Scripts/fuzz.sh runs it before each run, so the seeds follow Examples/, Policies/, Curricula/ and the
hostile cases (Scripts/make-hostile-yaml.py) as they change; nothing generated is committed. The small
hand-written seeds in Fuzz/seeds/TARGET/ and the inputs that found bugs (Tests/Fixtures/fuzz-regressions/TARGET/)
are copied as they are. A seed longer than the target's
-max_len (fuzz.sh passes them as MAX_LEN env values) is left out: libFuzzer would only cut it.
Standard library only; PyYAML, when installed, adds the JSON form of every document and each policy
rule's condition as seeds.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

TARGETS = ["yaml-parse", "documents", "workspace", "conditions", "json-schema", "plugin-answer", "lsp-frames"]
SEPARATOR = b"\n---\n"  # where Fuzz/workspace and Fuzz/conditions split an input


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def yaml_files(root, *folders):
    found = []
    for folder in folders:
        found += glob.glob(os.path.join(root, folder, "**", "*.yaml"), recursive=True)
    return sorted(found)


def kind_of(text):
    for line in text.splitlines():
        if line.startswith(b"kind:"):
            return line.split(b":", 1)[1].strip().decode(errors="replace")
    return None


def joined(paths):
    return SEPARATOR.join(read(path).rstrip(b"\n") + b"\n" for path in paths)


def hostile_cases(root):
    folder = tempfile.mkdtemp(prefix="tacet-hostile-")
    try:
        subprocess.run([sys.executable, os.path.join(root, "Scripts", "make-hostile-yaml.py"), folder], check=True,
                       stdout=subprocess.DEVNULL)
        return {name: read(os.path.join(folder, name)) for name in sorted(os.listdir(folder))}
    finally:
        shutil.rmtree(folder)


def workspace_seeds(root):
    """A policy (with the team layer), the roster and one workflow each, as `tacet check` would load them."""
    policy = [os.path.join(root, "Policies", "music-therapy-ai-use.yaml"), os.path.join(root, "Policies", "teams", "pediatrics.yaml")]
    team = os.path.join(root, "Examples", "pediatrics")
    roster = sorted(glob.glob(os.path.join(team, "therapists", "*.yaml")))
    test_roster = sorted(glob.glob(os.path.join(root, "Policies", "tests", "inputs", "roster", "*.yaml")))
    seeds = {}
    for workflow in sorted(glob.glob(os.path.join(team, "workflows", "*.yaml"))):
        exceptions = sorted(glob.glob(os.path.join(team, "exceptions", "*.yaml")))
        seeds["team-" + os.path.basename(workflow)] = joined(policy + roster + exceptions + [workflow])
    for workflow in yaml_files(root, "Policies/tests/inputs"):
        if kind_of(read(workflow)) == "Workflow":
            seeds["test-" + os.path.basename(workflow)] = joined(policy + test_roster + [workflow])
    # Learning plans: audited against the catalog and the recertification rules.
    curricula = [os.path.join(root, "Curricula", "catalog", "starter.yaml"), os.path.join(root, "Curricula", "requirements", "cbmt.yaml")]
    for plan in sorted(glob.glob(os.path.join(team, "plans", "*.yaml"))):
        seeds["plan-" + os.path.basename(plan)] = joined(policy + roster + curricula + [plan])
    return seeds


def condition_seeds(root):
    seeds = {}
    facts = (b"step.task: progress-note-drafting\nstep.ai: ai-drafted\nstep.data: [phi]\nstep.tool: scribe\n"
             b"step.description: Call 555-0100 about the client\ntask.clinical: true\ntask.maxAI: ai-assisted\n"
             b"tool.approved: false\nperformer.level: developing\nreviewer.level: proficient\nworkflow.team: pediatrics\n")
    try:
        import yaml
    except ImportError:
        return seeds
    for path in yaml_files(root, "Policies", "Examples", "Templates"):
        try:
            document = yaml.safe_load(read(path))
        except yaml.YAMLError:
            continue
        if not isinstance(document, dict) or document.get("kind") != "Policy":
            continue
        for index, rule in enumerate(document.get("rules") or []):
            if isinstance(rule, dict) and "when" in rule:
                text = yaml.safe_dump(rule["when"], sort_keys=False).encode()
                name = "%s-%d" % (os.path.basename(path)[:-5], index)
                seeds[name + ".yaml"] = text
                seeds[name + "-facts.yaml"] = text + SEPARATOR[1:] + facts
    return seeds


def json_seeds(root):
    """JSON values for the schema validator: the schemas, the protocol page's samples, documents as JSON."""
    seeds = {}
    for path in sorted(glob.glob(os.path.join(root, "docs", "schemas", "*.json"))):
        seeds["schema-" + os.path.basename(path)] = read(path)
    page = read(os.path.join(root, "docs", "plugin-protocol.md")).decode()
    for index, block in enumerate(page.split("```json")[1:]):
        seeds["protocol-%d.json" % index] = block.split("```")[0].strip().encode()
    try:
        import yaml
    except ImportError:
        return seeds
    for path in yaml_files(root, "Examples", "Policies", "Curricula", "Plugins"):
        try:
            document = yaml.safe_load(read(path))
        except yaml.YAMLError:
            continue
        seeds["document-" + os.path.basename(path)[:-5] + ".json"] = json.dumps(document, default=str).encode()
    return seeds


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_seeds(root):
    """Editor sessions as `tacet lsp` reads them: a first byte choosing how the stream is cut into reads,
    then framed JSON-RPC messages opening each shipped workflow, editing it and asking about a position."""
    seeds = {}
    for index, path in enumerate(yaml_files(root, "Examples", "Policies")):
        text = read(path).decode()
        uri = "file:///fuzz/" + os.path.basename(path)
        lines = text.split("\n")
        middle = len(lines) // 2
        session = [
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": "file:///fuzz"}},
            {"jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}},
            {"jsonrpc": "2.0", "method": "textDocument/didChange",
             "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                 {"range": {"start": {"line": middle, "character": 2}, "end": {"line": middle, "character": 6}}, "text": "éé😀"}]}},
            {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
             "params": {"textDocument": {"uri": uri}, "position": {"line": middle, "character": 4}}},
            {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        ]
        seeds["session-" + os.path.basename(path)] = bytes([index % 256]) + b"".join(frame(m) for m in session)
    return seeds


def main():
    if len(sys.argv) < 3 or any(target not in TARGETS for target in sys.argv[3:]):
        sys.exit("usage: make-fuzz-seeds.py SOURCE_ROOT DIR [TARGET...]")
    root, out = sys.argv[1], sys.argv[2]
    # Only the targets asked for (all by default): two fuzz.sh runs of different targets at once must not
    # delete and remake each other's seed folders.
    chosen = sys.argv[3:] or TARGETS
    documents = {os.path.relpath(path, root).replace("/", "_"): read(path)
                 for path in yaml_files(root, "Examples", "Policies", "Curricula", "Templates", "Plugins")}
    documents["tacet.yaml"] = read(os.path.join(root, "tacet.yaml"))
    hostile = {"hostile-" + name: text for name, text in hostile_cases(root).items()}
    generated = {
        "yaml-parse": {**documents, **hostile},
        "documents": {**documents, **hostile},
        "workspace": workspace_seeds(root),
        "conditions": condition_seeds(root),
        "json-schema": json_seeds(root),
        "plugin-answer": {},
        "lsp-frames": lsp_seeds(root),
    }
    for target in chosen:
        folder = os.path.join(out, target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        seeds = dict(generated[target])
        for path in sorted(glob.glob(os.path.join(root, "Fuzz", "seeds", target, "*"))):
            seeds["fixed-" + os.path.basename(path)] = read(path)
        # Inputs that once found a bug stay in the corpus, so a run starts by checking they still pass.
        for path in sorted(glob.glob(os.path.join(root, "Tests", "Fixtures", "fuzz-regressions", target, "*"))):
            seeds["regression-" + os.path.basename(path)] = read(path)
        limit = int(os.environ.get("MAX_LEN_" + target.replace("-", "_").upper(), "0")) or None
        kept = 0
        for name, text in seeds.items():
            if limit is not None and len(text) > limit:
                continue
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(text)
            kept += 1
        if kept == 0:
            sys.exit("no seeds for %s" % target)


if __name__ == "__main__":
    main()
