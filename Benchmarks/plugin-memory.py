#!/usr/bin/env python3
"""Peak memory of `tacet check` with 1 plugin and with 8 (issue 17, item 5: within 1.5x).

Usage: python3 Benchmarks/plugin-memory.py [TACET_BINARY]   (default: .build/release/tacet)

Writes one large workflow (about 15.5 MB: 20,000 steps with long descriptions) and eight copies of a
protocol 2 test plugin (a shell script that reads its whole request and answers with no findings), then
runs `tacet check` once with one plugin and once with all eight, each as a child whose peak resident set
size is read from wait4(2). Prints both figures and their ratio.
"""
import os
import pathlib
import shutil
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build" / "release" / "tacet")
work = pathlib.Path(tempfile.mkdtemp(prefix="tacet-memory-"))
try:
    steps = []
    filler = "Plan the group session with attention to each client's goals and the room's acoustics. " * 8
    for index in range(20_000):
        steps.append(f"  - id: s{index}\n    task: session-planning\n    ai: human-only\n    performer: t-ana\n"
                     f"    description: \"Step {index}. {filler.strip()}\"\n")
    workflow = work / "large.yaml"
    workflow.write_text("apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: large}\nsteps:\n" + "".join(steps))
    size = workflow.stat().st_size

    def plugins(count):
        folder = work / f"plugins-{count}"
        for index in range(count):
            name = f"p{index}"
            plugin = folder / name
            plugin.mkdir(parents=True)
            (plugin / "plugin.yaml").write_text(
                f"apiVersion: tacet/v1\nkind: Plugin\nmetadata: {{name: {name}, version: 1.0.0}}\n"
                "command: [./plugin.sh]\nprotocols: [1, 2]\nkinds: [Workflow]\ntimeout: 60\n")
            script = plugin / "plugin.sh"
            script.write_text(
                "#!/bin/sh\ncat >/dev/null\ncase \"$1\" in\n"
                f"describe) printf '%s' '{{\"name\":\"{name}\",\"version\":\"1.0.0\",\"protocols\":[1,2],\"kinds\":[\"Workflow\"],\"rules\":[]}}' ;;\n"
                "check) printf '%s' '{\"results\":[{\"document\":0,\"findings\":[]}]}' ;;\nesac\n")
            script.chmod(0o755)
        return folder

    results = {}
    for count in (1, 8):
        folder = plugins(count)
        # A fork of its own, exec'd at once, so wait4 gives this check's peak alone (Linux keeps the larger of
        # the peaks before and after exec; the forked Python is far smaller than tacet's peak).
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            args = [binary, "check", str(root / "Policies" / "music-therapy-ai-use.yaml"),
                    str(root / "Examples" / "pediatrics" / "therapists"), str(workflow),
                    "--plugins", str(folder), "--jobs", "8", "--no-cache", "--today", "2026-11-21"]
            os.execv(binary, args)
        _, status, usage = os.wait4(pid, 0)
        results[count] = (os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024)
    print(f"workflow: {size / 1e6:.1f} MB; tacet: {binary}")
    for count, (code, megabytes) in results.items():
        print(f"  {count} plugin{'s' if count > 1 else ' '}: peak RSS {megabytes:7.1f} MB (exit {code})")
    print(f"  ratio 8/1: {results[8][1] / results[1][1]:.2f}x (target <= 1.5x)")
finally:
    shutil.rmtree(work, ignore_errors=True)
