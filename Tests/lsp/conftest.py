"""End-to-end tests of `tacet lsp`: the built binary driven by pytest-lsp, a real LSP client.

Run by .ci/run after `swift test` has built the binary: `.build/ci-venv/bin/pytest Tests/lsp`. TACET names
another binary to test.
"""
import os
import pathlib
import textwrap

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
TACET = os.environ.get("TACET", str(ROOT / ".build" / "debug" / "tacet"))

POLICY = textwrap.dedent("""\
    apiVersion: tacet/v1
    kind: Policy
    metadata: {name: base}
    citations:
      - {id: src, title: Source, source: test}
    tools:
      - {id: scribe, baa: true, data: [none, deidentified, phi]}
    tasks:
      - id: notes
        title: Notes
        area: documentation
        maxAI: ai-drafted
        requires:
          review: {role: therapist, area: documentation, minLevel: developing}
          consent: true
          disclosure: true
          data: [none, deidentified, phi]
        cite: [src]
    """)


def therapist(name: str, documentation: str = "developing") -> str:
    return textwrap.dedent(f"""\
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {{name: {name}}}
        name: {name.upper()}
        role: music-therapist
        credential: {{name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}}
        levels: {{documentation: {documentation}}}
        """)


def workflow(ai: str, task: str = "notes", consent: bool = True) -> str:
    """One step on one line, after an emoji (two UTF-16 units) and an accented letter."""
    flags = "consent: true, disclosure: true" if consent else "disclosure: true"
    return textwrap.dedent(f"""\
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {{name: wf}}
        steps:
          - {{id: s1, description: "🎵 Séance", ai: {ai}, task: {task}, tool: scribe, data: [phi], performer: ana, reviewer: ben, {flags}}}
        """)


@pytest.fixture
def team(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "team").mkdir()
    (tmp_path / "policy.yaml").write_text(POLICY)
    (tmp_path / "team" / "ana.yaml").write_text(therapist("ana"))
    (tmp_path / "team" / "ben.yaml").write_text(therapist("ben"))
    (tmp_path / "wf.yaml").write_text(workflow("ai-drafted"))
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TACET, "lsp", "--stdio", "--no-plugins", "--today", "2026-11-21"]))
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def start(client: LanguageClient, root: pathlib.Path) -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()))


def open_document(client: LanguageClient, path: pathlib.Path, text: str) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=1, text=text)))


def replace_all(client: LanguageClient, path: pathlib.Path, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics(client: LanguageClient, path: pathlib.Path) -> list[types.Diagnostic]:
    """The next diagnostics published for `path`."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == path.as_uri():
            return list(params.diagnostics)
