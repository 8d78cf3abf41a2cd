#!/usr/bin/env python3
"""`tacet lsp` as you type (issue 23): time from a didChange of a 50-step workflow in the sample workspace to
its publishDiagnostics (target: median at most 20 ms, release build), and the server's memory after 10,000
edits against after 100 (target: within 10%).

Usage: python3 Benchmarks/lsp-bench.py [TACET_BINARY] [EDITS]   (defaults: .build/release/tacet, 10000)

Copies the source tree's sample workspace (tacet.yaml, Policies, Curricula, Examples) to a temporary folder,
adds a 50-step workflow to the pediatrics team, starts `tacet lsp --no-plugins` on it and opens the workflow.
Each edit replaces the whole text, turning one step's `ai:` above its task's ceiling and back, so that every
edit changes the diagnostics and is answered with a publishDiagnostics. Prints the median and 95th
percentile latency and the resident set size (VmRSS) after 100 edits and after the last.
"""
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = pathlib.Path(__file__).resolve().parent.parent
binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else str(root / ".build" / "release" / "tacet")
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000


def workflow(over_ceiling: bool) -> str:
    steps = []
    for index in range(50):
        ai = "ai-delegated" if over_ceiling and index == 0 else "ai-drafted"
        steps.append(f"  - id: note-{index}\n    task: progress-note-drafting\n    ai: {ai}\n    tool: scribe-pro\n"
                     f"    data: [phi]\n    performer: t-ana\n    reviewer: t-cho\n    consent: true\n    disclosure: true\n")
    return ("apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: bench, team: pediatrics}\npolicy: pediatrics\nsteps:\n"
            + "".join(steps))


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream) -> dict:
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("the server closed its output")
        if line == b"\r\n":
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def rss_kib(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


work = pathlib.Path(tempfile.mkdtemp(prefix="tacet-lsp-bench-"))
try:
    shutil.copy(root / "tacet.yaml", work / "tacet.yaml")
    for folder in ["Policies", "Curricula", "Examples"]:
        shutil.copytree(root / folder, work / folder)
    (work / "Plugins").mkdir()
    path = work / "Examples" / "pediatrics" / "workflows" / "bench.yaml"
    path.write_text(workflow(False))
    uri = path.as_uri()
    server = subprocess.Popen([binary, "lsp", "--no-plugins"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=work)

    def send(message: dict) -> None:
        server.stdin.write(frame(message))
        server.stdin.flush()

    def published() -> list:
        while True:
            message = read_message(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": work.as_uri(), "capabilities": {}}})
    while read_message(server.stdout).get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": workflow(True)}}})
    published()
    latencies = []
    after_100 = None
    for edit in range(1, edits + 1):
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": edit + 1}, "contentChanges": [{"text": workflow(edit % 2 == 0)}]}})
        diagnostics = published()
        latencies.append((time.perf_counter() - start) * 1000)
        expected = 1 if edit % 2 == 0 else 0
        if sum(1 for d in diagnostics if d["code"] == "requirement.ai-level") != expected:
            raise SystemExit(f"edit {edit}: unexpected diagnostics {diagnostics}")
        if edit == 100:
            after_100 = rss_kib(server.pid)
    final = rss_kib(server.pid)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=30)
    latencies.sort()
    print(f"didChange -> publishDiagnostics over {edits} edits: median {statistics.median(latencies):.1f} ms, "
          f"95th percentile {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms")
    if after_100 is not None:
        print(f"VmRSS after 100 edits: {after_100} KiB; after {edits}: {final} KiB ({(final / after_100 - 1) * 100:+.1f}%)")
finally:
    shutil.rmtree(work, ignore_errors=True)
