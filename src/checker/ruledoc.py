"""A rule's documentation, built from its pack entry, and where the basis document is.

The same page is printed by ``checker rule ID --format markdown`` and embedded
in SARIF's ``help``, so the documentation a finding points to is the one the
installed rule packs carry; ``docs/basis.md`` ships inside the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__

if TYPE_CHECKING:
    from checker.rulepacks.pack import Rule

DISTRIBUTION = "zfxxgk-checker"
# where the project is published when the installed metadata does not say (pyproject's
# [project.urls] Repository is read first: an organisation publishing it sets its own)
DEFAULT_REPOSITORY = "https://example.invalid/your-group/checker"


def basis_document() -> Path:
    """docs/basis.md: inside the installed package, else in the checkout."""
    from checker.resources import data_dir

    return data_dir("docs") / "basis.md"


def repository() -> str:
    from importlib import metadata

    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("repository", "source") and url.strip():
            return str(url).strip().rstrip("/")
    return DEFAULT_REPOSITORY


def help_uri(rule: Rule) -> str:
    """The published basis document at this version; every rule's basis is explained there."""
    return f"{repository()}/blob/v{__version__}/docs/basis.md"


def markdown(rule: Rule, editions: list[str] | None = None) -> str:
    """The rule's page: what it checks, why, its message and examples, in both languages."""
    ex = rule.explain
    lines = [
        f"# {rule.id}",
        "",
        f"- severity: `{rule.severity.value}`",
        f"- category: `{rule.category}`",
        f"- kind: `{rule.kind}`",
    ]
    if editions:
        lines.append(f"- editions: {', '.join(editions)}")
    lines += [
        "",
        f"**检查** {ex.get('zh', '')}  ",
        f"**依据** {rule.basis.zh}  ",
        f"**消息** {rule.message.zh}  ",
        f"**正确示例** {ex.get('pass', '')}  ",
        f"**错误示例** {ex.get('fail', '')}",
        "",
        f"**Checks** {ex.get('en', '')}  ",
        f"**Basis** {rule.basis.en}  ",
        f"**Message** {rule.message.en}",
        "",
        f"The sources and tags ([V], [I], [M]) behind every basis: [basis.md]({help_uri(rule)}).",
        "",
    ]
    return "\n".join(lines)
