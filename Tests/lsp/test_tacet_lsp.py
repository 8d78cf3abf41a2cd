"""`tacet lsp` end to end: the exact messages a real client receives."""
import asyncio
import json
import pathlib

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound, JsonRpcInvalidParams
from pytest_lsp import LanguageClient

from conftest import diagnostics, open_document, replace_all, start, therapist, workflow


def write_raw(client: LanguageClient, message: dict) -> None:
    body = json.dumps(message).encode()
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def span(line: int, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end))


def at(path: pathlib.Path, line: int, character: int) -> dict:
    return {"text_document": types.TextDocumentIdentifier(uri=path.as_uri()), "position": types.Position(line=line, character=character)}


async def test_breaking_workflow_then_fixed(client: LanguageClient, team: pathlib.Path):
    result = await start(client, team)
    assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    wf = team / "wf.yaml"
    open_document(client, wf, workflow("ai-delegated"))
    [finding] = await diagnostics(client, wf)
    # After "🎵" (2 UTF-16 units, 1 scalar) and "é": ai-delegated is at UTF-16 characters 43 to 55 of line 5.
    assert finding.range == span(4, 43, 55)
    assert finding.severity == types.DiagnosticSeverity.Error
    assert finding.code == "requirement.ai-level"
    assert finding.code_description.href.endswith("/docs/codes.md#requirementai-level")
    assert finding.message == ("step 's1' uses AI at ai-delegated, but task 'notes' allows at most ai-drafted\n"
                               "hint: lower ai to ai-drafted or below")
    [related] = finding.related_information
    assert related.location.uri == (team / "policy.yaml").as_uri() and related.message == "task 'notes' is classified here"
    replace_all(client, wf, 2, workflow("ai-drafted"))
    assert await diagnostics(client, wf) == []


async def test_therapist_level_elsewhere(client: LanguageClient, team: pathlib.Path):
    await start(client, team)
    ben = team / "team" / "ben.yaml"
    open_document(client, ben, therapist("ben"))
    replace_all(client, ben, 2, therapist("ben", documentation="emerging"))
    [finding] = await diagnostics(client, team / "wf.yaml")
    assert finding.code == "requirement.review-level"
    assert finding.range == span(4, 121, 124)
    assert [r.message for r in finding.related_information] == ["BEN's profile", "task 'notes' is classified here"]


async def test_navigation(client: LanguageClient, team: pathlib.Path):
    await start(client, team)
    wf = team / "wf.yaml"
    open_document(client, wf, workflow("ai-drafted"))
    hover = await client.text_document_hover_async(types.HoverParams(**at(wf, 4, 63)))
    assert hover.contents.value.startswith("**Task `notes`**: Notes\n\nAI ceiling: **ai-drafted**")
    assert hover.range == span(4, 61, 66)
    definition = await client.text_document_definition_async(types.DefinitionParams(**at(wf, 4, 63)))
    assert [(d.uri, d.range) for d in definition] == [((team / "policy.yaml").as_uri(), span(8, 8, 13))]
    references = await client.text_document_references_async(types.ReferenceParams(
        **at(wf, 4, 122), context=types.ReferenceContext(include_declaration=True)))
    assert [(r.uri, r.range) for r in references] == [((team / "team" / "ben.yaml").as_uri(), span(2, 17, 20)), (wf.as_uri(), span(4, 121, 124))]
    draft = team / "draft.yaml"
    open_document(client, draft, "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: draft}\nsteps:\n  - id: a\n    ai: \n    performer: \n")
    completion = await client.text_document_completion_async(types.CompletionParams(**at(draft, 5, 8)))
    assert [item.label for item in completion.items] == ["human-only", "ai-assisted", "ai-drafted", "ai-delegated"]
    completion = await client.text_document_completion_async(types.CompletionParams(**at(draft, 6, 15)))
    assert [item.label for item in completion.items] == ["ana", "ben"]
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=wf.as_uri())))
    assert [(s.name, [c.name for c in s.children]) for s in symbols] == [("steps", ["s1"])]


@pytest.mark.parametrize("text, title, edit", [
    (workflow("ai-delegated"), "Lower ai to ai-drafted, the task's ceiling", (span(4, 43, 55), "ai-drafted")),
    (workflow("ai-drafted", task="notse"), "Change to 'notes'", (span(4, 61, 66), "notes")),
    (workflow("ai-drafted", consent=False), "Record consent: true (only once the client has consented to AI use)", (span(4, 142, 142), ", consent: true")),
])
async def test_quick_fixes(client: LanguageClient, team: pathlib.Path, text: str, title: str, edit):
    await start(client, team)
    wf = team / "wf.yaml"
    open_document(client, wf, text)
    [finding] = await diagnostics(client, wf)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=wf.as_uri()), range=finding.range,
        context=types.CodeActionContext(diagnostics=[finding])))
    [action] = actions
    assert action.title == title
    assert action.kind == types.CodeActionKind.QuickFix
    [change] = action.edit.changes[wf.as_uri()]
    assert (change.range, change.new_text) == edit


async def test_malformed_requests(client: LanguageClient, team: pathlib.Path):
    await start(client, team)
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("tacet/unknown", {})
    # A hover without a position, which the client library would refuse to send: written raw, its response
    # awaited through the library's table of pending requests.
    pending = asyncio.get_running_loop().create_future()
    client.protocol._request_futures["no-position"] = pending
    write_raw(client, {"jsonrpc": "2.0", "id": "no-position", "method": "textDocument/hover",
                       "params": {"textDocument": {"uri": (team / "wf.yaml").as_uri()}}})
    with pytest.raises(JsonRpcInvalidParams, match="expected textDocument.uri and position"):
        await pending
    # A body that is not JSON, written past the client library: answered with an error, and the server goes on.
    client._server.stdin.write(b"Content-Length: 5\r\n\r\n{oops")
    hover = await client.text_document_hover_async(types.HoverParams(**at(team / "wf.yaml", 0, 0)))
    assert hover is None
    assert client._server.returncode is None
