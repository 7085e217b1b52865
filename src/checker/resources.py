"""Find the shipped rule packs and schemas, from a wheel or from a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """``rules`` or ``schemas``: inside the installed package, else the checkout's top level."""
    here = Path(__file__).resolve().parent
    installed = here / "_data" / name
    if installed.is_dir():
        return installed
    checkout = here.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"shipped {name}/ not found next to {here}")


def rules_dir() -> Path:
    return data_dir("rules")


def schemas_dir() -> Path:
    return data_dir("schemas")
