"""A prompt's version as a Langfuse prompt version: the body of ``POST /api/public/v2/prompts``.

Langfuse numbers versions itself (each POST makes version latest + 1) and a repeated POST makes another version, so
the number it answers goes in the ledger (``prompt_version:<version id>``), and every version carries a marker in its
commit message (``[tracebridge <version id>]``): a send killed between Langfuse's answer and the ledger's line finds
its version again by reading the prompt's versions (``LangfuseDestination``), instead of making a duplicate.

The shape Langfuse takes: chat messages with *string* content (text parts joined; a part that is not text, such as a
tool call, as its JSON), a text template as a ``text`` prompt, the model, provider, parameters, tools and response
format in ``config`` (free JSON, what an application reads at run time), the deployments' environments as labels
(lowercase ``a-z0-9_-.``, at most 36; Langfuse moves a label to the newest version that names it, as a deployment
moves), the definition's tags as tags. Names keep their folders (``support/weather-assistant``).

A Langfuse prompt is its name, and two source prompts (two definition ids) can share a path (Humanloop keeps a deleted
file's path); a prompt of that name may also be somebody else's. So each version's commit message also names the
definition it belongs to (``owner_marker``), and a definition takes the plain name only when the prompt there does
not exist yet or is its own; else the name with its definition id as a suffix (``LangfuseDestination``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from tracebridge.json_codec import dumps_text
from tracebridge.records import DefinitionVersion

COMMIT_MESSAGE_MAX: Final = 500
LABEL_MAX: Final = 36
NAME_MAX: Final = 255
RESERVED_NAMES: Final = frozenset({"new", "metrics", "prompt-detail"})
AUTOMATIC_LABELS: Final = frozenset({"latest"})
"""Langfuse puts ``latest`` on the newest version itself and refuses it in a request."""

_NOT_LABEL: Final = re.compile(r"[^a-z0-9_.-]+")


class UnsendablePromptError(ValueError):
    """A version Langfuse cannot hold as a prompt (no template); rejected with this reason."""


def prompt_key(version: DefinitionVersion) -> str:
    return f"prompt_version:{version.version_id}"


def marker(version: DefinitionVersion) -> str:
    """What a Langfuse version's commit message holds when tracebridge made it from ``version``."""
    return f"[tracebridge {version.version_id}]"


def owner_marker(definition_id: str) -> str:
    """What a Langfuse version's commit message holds of the source prompt (definition) it is a version of: the
    prompt belongs to that definition (``owners``), and another definition of the same path takes another name."""
    return f"[tracebridge-prompt {definition_id}]"


def owners(commit_message: str) -> set[str]:
    """The definition ids ``owner_marker`` put in ``commit_message``."""
    return set(re.findall(r"\[tracebridge-prompt ([^\]]+)\]", commit_message))


def definition_key(version: DefinitionVersion) -> str:
    """The source prompt a version belongs to (its definition id; a version with none stands for itself)."""
    return version.definition_id or version.path or version.version_id


def with_suffix(name: str, suffix: str) -> str:
    """``name`` told apart from a prompt of the same name that is not ours, still at most 255 characters."""
    tail = re.sub(r"[|<>/]", "-", suffix).strip() or "prompt"
    return f"{name[: max(NAME_MAX - len(tail) - 1, 1)]}-{tail}"[:NAME_MAX]


def prompt_name(version: DefinitionVersion, definition_name: str | None = None) -> str:
    """The prompt's name in Langfuse: its path (folders kept), made acceptable (no ``|``, no HTML brackets, no empty
    folder, not a reserved page name, at most 255 characters)."""
    raw = version.path or definition_name or version.definition_id or version.version_id
    return prompt_name_of(raw) or version.version_id


def prompt_name_of(raw: str) -> str:
    """``raw`` (a path) as ``prompt_name`` makes it acceptable; empty when nothing of it is left."""
    name = re.sub(r"[|<>]", "-", raw)
    name = "/".join(part.strip() for part in name.split("/") if part.strip())
    if name in RESERVED_NAMES:
        name = f"{name}-prompt"
    return name[:NAME_MAX]


def label(environment: str) -> str | None:
    name = _NOT_LABEL.sub("-", environment.strip().lower()).strip("-")[:LABEL_MAX].strip("-")
    return name if name and name not in AUTOMATIC_LABELS else None


def labels(version: DefinitionVersion) -> list[str]:
    found: list[str] = []
    for deployment in version.deployments:
        environment = deployment.get("environment_name") or deployment.get("environment_tag")
        name = label(environment) if isinstance(environment, str) else None
        if name and name not in found:
            found.append(name)
    return found


def _content(message: Mapping[str, Any]) -> str:
    parts = message.get("parts")
    if not isinstance(parts, list):
        content = message.get("content")
        return content if isinstance(content, str) else dumps_text(content)
    texts = []
    for part in parts:
        if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("content"), str):
            texts.append(part["content"])
        else:
            texts.append(dumps_text(part))
    return "".join(texts)


def _template(template: Any) -> tuple[str, Any]:
    if isinstance(template, str):
        return "text", template
    if isinstance(template, list) and all(isinstance(message, dict) for message in template):
        return "chat", [
            {"role": str(message.get("role") or "user"), "content": _content(message)} for message in template
        ]
    raise UnsendablePromptError(f"the template is neither text nor chat messages: {dumps_text(template)[:200]}")


def config(version: DefinitionVersion) -> dict[str, Any]:
    found: dict[str, Any] = {"model": version.model, "provider": version.provider}
    found.update({key: value for key, value in (version.parameters or {}).items() if value is not None})
    found["tools"] = version.tools or None
    found["response_format"] = version.response_format
    return {key: value for key, value in found.items() if value is not None}


def commit_message(version: DefinitionVersion) -> str:
    """What the version says of itself, then where it came from and the marker (kept whole within Langfuse's 500)."""
    source = (
        f"{version.provenance.system} {version.version_name or 'version'} "
        f"{owner_marker(definition_key(version))} {marker(version)}"
    )
    text = " ".join((version.version_description or "").split())
    room = COMMIT_MESSAGE_MAX - len(source) - 2
    if text and room > 0:
        return f"{text[:room]}; {source}"
    return source[-COMMIT_MESSAGE_MAX:]


def prompt_body(
    version: DefinitionVersion, *, definition_name: str | None = None, tags: Sequence[str] = (), name: str | None = None
) -> dict[str, Any]:
    """The POST body for ``version`` (see the module); ``name``: the prompt's name when it is not ``prompt_name``'s
    (a suffixed one: that name was another prompt's)."""
    if version.template is None:
        raise UnsendablePromptError("the prompt version has no template: a Langfuse prompt is its template")
    kind, prompt = _template(version.template)
    body: dict[str, Any] = {
        "name": name or prompt_name(version, definition_name),
        "type": kind,
        "prompt": prompt,
        "config": config(version),
        "labels": labels(version),
        "commitMessage": commit_message(version),
    }
    if tags:
        body["tags"] = list(tags)
    return body
