"""Every shipped rule, with the editions it belongs to, for `checker rule`."""

from __future__ import annotations

from checker.rulepacks.editions import editions
from checker.rulepacks.loader import Rule, load_packset


def all_rules() -> dict[str, tuple[Rule, list[str]]]:
    out: dict[str, tuple[Rule, list[str]]] = {}
    for edition in editions():
        for rule in load_packset(edition.pack).rules.values():
            if rule.id in out:
                out[rule.id][1].append(edition.id)
            else:
                out[rule.id] = (rule, [edition.id])
    return out
