#!/usr/bin/env python3
"""Checks that Package.swift declares what the sources import, and that the README's module diagram matches it.

Usage: check-imports.py [PACKAGE_DIR] [--dump FILE] [--readme FILE]

- Every `import M` in a target's sources (also `@testable`, `@_implementationOnly`, `public`/`package`
  imports and `import struct M.T`) where M is a module of this package, or a product some target of this
  package depends on, must be a direct dependency of that target. SwiftPM builds a target that imports a
  module it only reaches transitively, and `--explicit-target-dependency-import-check` does not catch it
  on every toolchain, so the graph drawn in Package.swift would silently stop being the real one.
  System modules (Foundation, Glibc, XCTest, Testing, Dispatch, ...) are never in those sets, so they are
  never reported.
- With --readme, the first code block under "## For developers" is read as the module diagram: each line
  that starts with a name (at the left margin, or after `└─`/`├─`) draws that module, and a `└─`/`├─`
  line says the module is a direct dependency of the nearest line above it whose name starts left of
  the branch (`│` rules between branches are read as spaces). Every target that is not a test target
  must be drawn at least once, every drawn name must be a target, and every drawn edge must be a
  dependency in Package.swift (not every dependency need be drawn). Other lines (descriptions continued
  on an indented line) are not read.

The targets come from `swift package dump-package` run in PACKAGE_DIR, or from FILE (its JSON output), so
a test can check a fixture package without SwiftPM. Exit status: 0 when all is well, 1 with one line per
offence (`path:line: ...`) on standard output, 2 when the package cannot be read.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# An import declaration, after comments and string literals are blanked: attributes, an access level,
# then `import`, an optional declaration kind, and the module (the first component of a dotted path).
IMPORT = re.compile(
    r"^\s*(?:@[A-Za-z_]\w*(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|package|internal|fileprivate|private|open)\s+)?"
    r"import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?"
    r"([A-Za-z_]\w*)"
)

# A diagram line that draws a module: indentation, an optional branch, the name.
DIAGRAM_LINE = re.compile(r"^(\s*)(?:[└├]─\s*)?([A-Za-z_][\w-]*)")
BRANCH = re.compile(r"[└├]─")


class PackageError(Exception):
    """The package or its dump cannot be read; the message says why."""


def load_dump(package_dir, dump_file):
    """The package description as `swift package dump-package` prints it."""
    if dump_file:
        try:
            with open(dump_file, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError) as error:
            raise PackageError(f"{dump_file}: {error}")
    # A scratch path of its own: dump-package otherwise waits for the lock of a build running in the
    # same package (`swift test` running this script through a test holds it).
    with tempfile.TemporaryDirectory(prefix="check-imports-") as scratch:
        try:
            result = subprocess.run(
                ["swift", "package", "--package-path", package_dir, "--scratch-path", scratch, "dump-package"],
                capture_output=True, text=True, check=False)
        except OSError as error:
            raise PackageError(f"cannot run swift: {error.strerror}")
    if result.returncode != 0:
        raise PackageError(f"swift package dump-package failed:\n{result.stderr}")
    try:
        return json.loads(result.stdout)
    except ValueError as error:
        raise PackageError(f"swift package dump-package printed no JSON: {error}")


def module_name(target_name):
    """The module a target builds (a target named `consent-coverage` is module `consent_coverage`)."""
    return re.sub(r"\W", "_", target_name)


def declared_dependencies(target):
    """(module names this target declares, product modules among them)."""
    modules, products = set(), set()
    for dependency in target.get("dependencies", []):
        for kind, value in dependency.items():
            if kind in ("byName", "target"):
                modules.add(module_name(value[0]))
            elif kind == "product":
                # A product of another package: its module has the product's name (ArgumentParser, Crypto).
                modules.add(module_name(value[0]))
                products.add(module_name(value[0]))
    return modules, products


def source_directory(package_dir, target):
    """Where a target's sources are: its `path`, or SwiftPM's default folder for its type."""
    if target.get("path"):
        return os.path.join(package_dir, target["path"])
    folder = {"test": "Tests", "plugin": "Plugins"}.get(target["type"], "Sources")
    return os.path.join(package_dir, folder, target["name"])


def code_lines(text):
    """The lines of Swift source with comments and string literals replaced by spaces.

    Enough of Swift's lexical grammar to keep `import` in a comment or a multi-line string (a test
    fixture, a generated file) from counting: nested block comments, line comments, single- and
    multi-line strings, raw strings with any number of `#`.
    """
    out = []
    i, n = 0, len(text)
    comment_depth = 0
    string = None  # (closing delimiter, is raw) while inside a string literal
    while i < n:
        c = text[i]
        if c == "\n":
            out.append(c)
            i += 1
            if string and not string[0].startswith('"""'):
                string = None  # a single-line string cannot span lines; recover from an odd quote
            continue
        if comment_depth:
            if text.startswith("/*", i):
                comment_depth += 1
                out.append("  ")
                i += 2
            elif text.startswith("*/", i):
                comment_depth -= 1
                out.append("  ")
                i += 2
            else:
                out.append(" ")
                i += 1
            continue
        if string:
            closing, raw = string
            if not raw and c == "\\":
                out.append("  ")
                i += 2
                continue
            if text.startswith(closing, i):
                out.append(" " * len(closing))
                i += len(closing)
                string = None
                continue
            out.append(" ")
            i += 1
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        if text.startswith("/*", i):
            comment_depth = 1
            out.append("  ")
            i += 2
            continue
        match = re.match(r'(#*)("""|")', text[i:i + 64])
        if match and (match.group(1) or c == '"'):
            hashes, quotes = match.group(1), match.group(2)
            string = (quotes + hashes, bool(hashes))
            out.append(" " * len(match.group(0)))
            i += len(match.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out).split("\n")


def imports_in(path):
    """(line number, module) for each import declaration in a Swift file."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = code_lines(handle.read())
    for number, line in enumerate(lines, start=1):
        match = IMPORT.match(line)
        if match:
            yield number, match.group(1)


def swift_files(directory):
    for root, folders, files in os.walk(directory):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(root, name)


def check_imports(package_dir, dump):
    """One message per import of a project module (or known product) its target does not declare."""
    targets = dump.get("targets", [])
    project = {module_name(t["name"]) for t in targets if t["type"] != "test"}
    known_products = set()
    for target in targets:
        known_products |= declared_dependencies(target)[1]
    offences = []
    for target in targets:
        if target["type"] in ("system", "binary", "plugin"):
            continue
        declared, _ = declared_dependencies(target)
        own = module_name(target["name"])
        directory = source_directory(package_dir, target)
        if not os.path.isdir(directory):
            raise PackageError(f"{directory}: the sources of target {target['name']} are not there")
        for path in swift_files(directory):
            shown = os.path.normpath(path)
            for number, module in imports_in(path):
                if module == own or module in declared:
                    continue
                if module in project or module in known_products:
                    offences.append(f"{shown}:{number}: target {target['name']} imports {module} but does not declare it")
    return offences


def diagram_block(readme):
    """(first line number, lines) of the first fenced block under "## For developers"."""
    with open(readme, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "## For developers")
    except StopIteration:
        raise PackageError(f"{readme}: no \"## For developers\" section")
    opening = None
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("## "):
            break
        if lines[i].startswith("```"):
            if opening is None:
                opening = i
            else:
                return opening + 2, lines[opening + 1:i]
    raise PackageError(f"{readme}: no module diagram (a ``` block) under \"## For developers\"")


def check_diagram(readme, dump):
    """One message per module missing from the diagram, name that is no target, or edge Package.swift lacks."""
    targets = {t["name"]: t for t in dump.get("targets", [])}
    first, lines = diagram_block(readme)
    shown = readme
    offences = []
    drawn = set()
    stack = []  # (column of the name, name) of the lines above that a `└─` line may hang from
    for offset, line in enumerate(lines):
        number = first + offset
        line = line.replace("│", " ")  # a vertical rule only joins branches; it keeps the columns
        match = DIAGRAM_LINE.match(line)
        branch = BRANCH.match(line.lstrip())
        if not match or (match.group(1) and not branch):
            continue  # blank, or a description continued on an indented line
        name = match.group(2)
        column = match.start(2)
        if name not in targets or targets[name]["type"] == "test":
            offences.append(f"{shown}:{number}: the diagram draws {name}, which is not a module in Package.swift")
            continue
        drawn.add(name)
        if branch:
            branch_column = len(match.group(1))
            while stack and stack[-1][0] >= branch_column:
                stack.pop()
            if not stack:
                offences.append(f"{shown}:{number}: {name} hangs from no module above it")
            else:
                parent = stack[-1][1]
                declared, _ = declared_dependencies(targets[parent])
                if module_name(name) not in declared:
                    offences.append(f"{shown}:{number}: the diagram draws {parent} -> {name}, "
                                    f"but {parent} does not depend on {name} in Package.swift")
        else:
            stack = []
        stack.append((column, name))
    for name, target in sorted(targets.items()):
        if target["type"] != "test" and name not in drawn:
            offences.append(f"{shown}:{first}: module {name} is missing from the diagram")
    return offences


def main(arguments):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("package", nargs="?", default=".", help="the package's folder (default: .)")
    parser.add_argument("--dump", help="the JSON of `swift package dump-package`, instead of running it")
    parser.add_argument("--readme", help="also check this README's module diagram")
    options = parser.parse_args(arguments)
    try:
        dump = load_dump(options.package, options.dump)
        offences = check_imports(options.package, dump)
        if options.readme:
            offences += check_diagram(options.readme, dump)
    except PackageError as error:
        print(f"check-imports: {error}", file=sys.stderr)
        return 2
    for offence in offences:
        print(offence)
    return 1 if offences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
