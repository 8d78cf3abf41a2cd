#!/usr/bin/env python3
"""Writes hostile YAML files into a directory, one per attack, for `tacet validate` to refuse.

Usage: make-hostile-yaml.py DIR

Each file name is CASE.yaml; the CASES table says which diagnostic code Tacet must answer with.
The test suite (Tests/TacetToolTests/HostileYAMLTests.swift) and Scripts/measure-hostile.sh both run
this script, so the cases live in one place. Standard library only.
"""
import os
import sys

# case name -> the diagnostic code `tacet validate` must report
CASES = {
    "billion-laughs": "yaml.limit.alias-expansion",
    "deep-flow": "yaml.limit.depth",
    "deep-block": "yaml.limit.depth",
    "duplicate-keys": "yaml.duplicate-key",
    "tab-indentation": "yaml.syntax",
    "invalid-utf8": "yaml.encoding",
    "nul-byte": "yaml.encoding",
    "unterminated-quote": "yaml.syntax",
    "two-documents": "yaml.multiple-documents",
    "undefined-alias": "yaml.undefined-alias",
    "huge-scalar": "yaml.limit.input-size",
    "huge-sequence": "yaml.limit.nodes",
    "python-tag": "yaml.unsupported-tag",
}


def billion_laughs():
    lines = ["apiVersion: tacet/v1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join(["*a%d" % (level - 1)] * 9)
        lines.append("a%d: &a%d [%s]" % (level, level, refs))
    return ("\n".join(lines) + "\n").encode()


def deep_block():
    return "".join(" " * level + "k:\n" for level in range(3000)).encode()




GENERATORS = {
    "billion-laughs": billion_laughs,
    "deep-flow": lambda: b"[" * 100_000,
    "deep-block": deep_block,
    "duplicate-keys": lambda: b"apiVersion: tacet/v1\nkind: Workflow\nkind: Policy\n",
    "tab-indentation": lambda: b"apiVersion: tacet/v1\nmetadata:\n\tname: tabbed\n",
    "invalid-utf8": lambda: b"apiVersion: tacet/v1\nkind: Work\xc3\x28flow\n",
    "nul-byte": lambda: b"apiVersion: tacet/v1\nkind: Work\x00flow\n",
    "unterminated-quote": lambda: b"apiVersion: tacet/v1\nkind: \"Workflow\nmetadata: {name: x}\n",
    "two-documents": lambda: b"apiVersion: tacet/v1\n---\napiVersion: tacet/v1\n",
    "undefined-alias": lambda: b"apiVersion: tacet/v1\nkind: *nowhere\n",
    "huge-scalar": None,  # written in chunks by main() to keep the generator's memory flat
    "huge-sequence": lambda: b"- 1\n" * 2_000_000,
    "python-tag": lambda: b"apiVersion: tacet/v1\nkind: !!python/object:os.system {}\n",
}


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    for name in CASES:
        path = os.path.join(directory, name + ".yaml")
        with open(path, "wb") as out:
            if name == "huge-scalar":
                out.write(b"apiVersion: tacet/v1\nkind: ")
                chunk = b"x" * (1 << 20)
                for _ in range(64):
                    out.write(chunk)
                out.write(b"\n")
            else:
                out.write(GENERATORS[name]())
    with open(os.path.join(directory, "expected-codes.txt"), "w") as out:
        for name, code in CASES.items():
            out.write("%s %s\n" % (name, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
