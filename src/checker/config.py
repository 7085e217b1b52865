"""Configuration files: ``checker.toml`` or ``[tool.checker]`` in ``pyproject.toml``.

The file nearest to a checked report applies to it (its folder, else the
closest folder above; in one folder ``checker.toml`` wins), so a repository
can hold reports of several provinces, each folder with its own deadlines
and rule packs. Options on the command line win over the file. An unknown key
or rule ID is an error (exit 2), never silently ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from checker.budget import DEFAULT_SECONDS as PATTERN_TIMEOUT
from checker.engine import Options
from checker.errors import RulePackError
from checker.postprocess import Policy
from checker.readers.limits import ReadLimits
from checker.safeopen import read_text

CONFIG_FILES = ("checker.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 4 * 1024 * 1024  # a pyproject.toml is a few KB


class ConfigError(RulePackError):
    """A configuration file is broken: names the file, the line when known, and the key."""


@dataclass(frozen=True)
class Config:
    """One configuration file's settings, paths already resolved against its folder."""

    source: str | None = None  # None: no file, the defaults
    root: str = "."
    edition: str | None = None
    rules: tuple[str, ...] = ()
    level: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    deadline: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    limits: tuple[tuple[str, int], ...] = ()
    pattern_timeout_ms: int | None = None
    # settings of the whole run, as the flags of the same names
    fail_on: str | None = None
    format: str | None = None
    output_file: str | None = None
    jobs: int | None = None
    lang: str | None = None
    cache: bool | None = None
    extends: tuple[str, ...] = ()  # the files this one inherits from, nearest first

    def read_limits(self) -> ReadLimits:
        return ReadLimits(**dict(self.limits))

    def selectors(self) -> list[tuple[str, str]]:
        """Every rule selector in the file, with the key it stands under."""
        out = [("select", s) for s in self.select or ()]
        out += [("extend-select", s) for s in self.extend_select]
        out += [("ignore", s) for s in self.ignore]
        out += [(f"per-file-ignores.{g}", s) for g, ids in self.per_file_ignores for s in ids]
        out += [("severity", s) for s, _ in self.severity]
        return out


@dataclass(frozen=True)
class Overrides:
    """Settings given on the command line; each wins over the configuration file."""

    edition: str | None = None
    rules: tuple[str, ...] = ()
    level: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    convert_with: str | None = None  # "soffice"


@dataclass(frozen=True)
class Settings:
    """What applies to one file: engine options and the reporting policy."""

    config: Config
    options: Options
    policy: Policy


def _schema() -> dict[str, Any]:
    from checker.resources import schemas_dir

    data: dict[str, Any] = json.loads(
        (schemas_dir() / "config.schema.json").read_text(encoding="utf-8")
    )
    return data


def _line_of(text: str, key: str) -> int | None:
    """The first line that sets ``key`` or opens a table named by it."""
    quoted = re.escape(key)
    pattern = re.compile(
        rf"^\s*(?:\"{quoted}\"|'{quoted}'|{quoted})\s*=|^\s*\[+[^\]]*\b{quoted}\]", re.M
    )
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _validate(data: dict[str, Any], text: str, source: str, table: str) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return
    error = errors[0]
    where = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in allowed)
        key = unknown[0] if unknown else where
        inner = ".".join(x for x in (table, where) if x)
        section = f"[{inner}]" if inner else "the top level"
        known = ", ".join(sorted(allowed)) or "none"
        raise ConfigError(
            source, f"unknown key {key!r} in {section} (known: {known})", _line_of(text, key), key
        )
    key = where or table or "configuration"
    last = str(error.absolute_path[-1]) if error.absolute_path else key
    raise ConfigError(source, error.message, _line_of(text, last), key)


def _tuple_map(value: dict[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((value or {}).items()))


def parse(path: str | os.PathLike[str]) -> Config | None:
    """Read one configuration file; ``None`` for a pyproject.toml without ``[tool.checker]``."""
    loaded = _load(Path(path), ())
    if loaded is None:
        return None
    data, text, chain = loaded
    file = Path(path)
    return _build(data, file.resolve().parent, str(file), text, chain[1:])


# keys whose values are paths, resolved against the folder of the file that sets them
_PATH_KEYS = ("rules", "output-file")
# tables merged entry by entry when a file extends another
_TABLE_KEYS = ("severity", "deadline", "limits", "per-file-ignores", "per-path-ignores")


def _load(file: Path, seen: tuple[str, ...]) -> tuple[dict[str, Any], str, tuple[str, ...]] | None:
    """One file's validated settings merged over those it extends, and the chain of files."""
    source = str(file)
    try:
        text = read_text(file, MAX_CONFIG_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(source, f"cannot read the configuration: {exc}") from None
    is_pyproject = file.name == "pyproject.toml"
    if is_pyproject and "[tool.checker" not in text and "tool.checker" not in text:
        return None
    import tomllib  # only for a file that has settings: most pyproject.toml files have none

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else None
        raise ConfigError(source, f"not valid TOML: {exc}", line) from None
    table = "tool.checker" if is_pyproject else ""
    data = doc.get("tool", {}).get("checker") if is_pyproject else doc
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ConfigError(source, "[tool.checker] must be a table", key="tool.checker")
    _validate(data, text, source, table)
    _check_values(data, text, source)
    root = file.resolve().parent
    data = dict(data)
    if "rules" in data:
        data["rules"] = [str((root / p).resolve()) for p in data["rules"]]
    if "output-file" in data:
        data["output-file"] = str(root / data["output-file"])
    key = str(file.resolve())
    chain = (key,)
    parent_ref = data.pop("extend", None)
    if parent_ref is None:
        return data, text, chain
    parent = (root / parent_ref).resolve()
    line = _line_of(text, "extend")
    if str(parent) in (*seen, key):
        raise ConfigError(source, f"extend {parent_ref!r} comes back to this file", line, "extend")
    if not parent.is_file():
        raise ConfigError(source, f"extend {parent_ref!r}: no such file", line, "extend")
    inherited = _load(parent, (*seen, key))
    if inherited is None:
        raise ConfigError(source, f"extend {parent_ref!r}: no [tool.checker] table", line, "extend")
    base, _text, parents = inherited
    merged = dict(base)
    for name, value in data.items():
        if name in _TABLE_KEYS and isinstance(merged.get(name), dict):
            merged[name] = {**merged[name], **value}
        else:
            merged[name] = value
    return merged, text, chain + parents


def _check_values(data: dict[str, Any], text: str, source: str) -> None:
    """What the schema cannot say: known editions and formats, real dates, known limits."""
    edition = data.get("edition")
    if edition is not None:
        from checker.rulepacks.editions import edition_by_id, editions

        if edition_by_id(edition) is None:
            known = ", ".join(e.id for e in editions())
            raise ConfigError(
                source,
                f"unknown edition {edition!r} (known: {known})",
                _line_of(text, "edition"),
                "edition",
            )
    fmt = data.get("format")
    if fmt is not None:
        from checker.render import FORMATS

        if fmt not in FORMATS:
            raise ConfigError(
                source,
                f"unknown format {fmt!r} (known: {', '.join(FORMATS)})",
                _line_of(text, "format"),
                "format",
            )
    for level, monthday in (data.get("deadline") or {}).items():
        month, day = (int(x) for x in monthday.split("-"))
        import datetime as dt

        try:
            dt.date(2001, month, day)
        except ValueError:
            raise ConfigError(
                source, f"no such date {monthday!r}", _line_of(text, level), f"deadline.{level}"
            ) from None
    known_limits = {f.name for f in fields(ReadLimits)} | {"pattern_timeout_ms"}
    for name in data.get("limits") or {}:
        if name.replace("-", "_") not in known_limits:
            known = ", ".join(sorted(k.replace("_", "-") for k in known_limits))
            raise ConfigError(
                source,
                f"unknown key {name!r} in [limits] (known: {known})",
                _line_of(text, name),
                name,
            )


def _build(
    data: dict[str, Any], root: Path, source: str, text: str, extends: tuple[str, ...] = ()
) -> Config:
    limits = {k.replace("-", "_"): v for k, v in (data.get("limits") or {}).items()}
    pattern_timeout_ms = limits.pop("pattern_timeout_ms", None)
    select = data.get("select")
    ignores = {**(data.get("per-path-ignores") or {}), **(data.get("per-file-ignores") or {})}
    return Config(
        source=source,
        root=str(root),
        edition=data.get("edition"),
        rules=tuple(data.get("rules") or ()),
        level=data.get("level"),
        select=None if select is None else tuple(select),
        extend_select=tuple(data.get("extend-select") or ()),
        ignore=tuple(data.get("ignore") or ()),
        per_file_ignores=tuple((glob, tuple(ids)) for glob, ids in sorted(ignores.items())),
        severity=_tuple_map(data.get("severity")),
        deadline=_tuple_map(data.get("deadline")),
        exclude=tuple(data.get("exclude") or ()),
        limits=_tuple_map(limits),
        pattern_timeout_ms=pattern_timeout_ms,
        fail_on=data.get("fail-on"),
        format=data.get("format"),
        output_file=data.get("output-file"),
        jobs=data.get("jobs"),
        lang=data.get("lang"),
        cache=data.get("cache"),
        extends=extends,
    )


class Resolver:
    """Finds and caches the configuration that applies to each checked file."""

    def __init__(self, explicit: str | None = None, isolated: bool = False) -> None:
        self._by_dir: dict[Path, Config] = {}
        self._parsed: dict[Path, Config | None] = {}
        self._fixed: Config | None = None
        if isolated:
            self._fixed = Config()
        elif explicit is not None:
            if not Path(explicit).exists():
                raise ConfigError(explicit, "configuration file not found")
            parsed = parse(explicit)
            if parsed is None:
                raise ConfigError(explicit, "no [tool.checker] table", key="tool.checker")
            self._fixed = parsed

    def _parse_cached(self, path: Path) -> Config | None:
        if path not in self._parsed:
            self._parsed[path] = parse(path)
        return self._parsed[path]

    def for_dir(self, directory: Path) -> Config:
        if self._fixed is not None:
            return self._fixed
        if directory in self._by_dir:
            return self._by_dir[directory]
        config = Config()
        folder: Path | None = directory
        while folder is not None:
            found = None
            for name in CONFIG_FILES:
                candidate = folder / name
                if candidate.is_file():
                    found = self._parse_cached(candidate)
                    if found is not None:
                        break
            if found is not None:
                config = found
                break
            folder = folder.parent if folder.parent != folder else None
        self._by_dir[directory] = config
        return config

    def for_file(self, path: str) -> Config:
        absolute = Path(os.path.abspath(path if path != "-" else "stdin"))
        return self.for_dir(absolute.parent)

    def loaded(self) -> list[Config]:
        if self._fixed is not None:
            return [self._fixed]
        return sorted({c for c in self._by_dir.values()}, key=lambda c: c.source or "")


def settings_for(path: str, config: Config, cli: Overrides) -> Settings:
    """Merge a file's configuration with the command line."""
    ignore = list(config.ignore)
    relative = _relative(path, config.root)
    for pattern, ids in config.per_file_ignores:
        if relative is not None and _glob_match(relative, pattern):
            ignore.extend(ids)
    ignore.extend(cli.ignore)
    select = cli.select if cli.select is not None else config.select
    policy = Policy(
        select=select,
        extend_select=(*config.extend_select, *cli.extend_select),
        ignore=tuple(ignore),
        severity=config.severity,
    )
    options = Options(
        edition=cli.edition or config.edition,
        extra_packs=(*config.rules, *cli.rules),
        level=cli.level or config.level,
        limits=config.read_limits() if config.limits else None,
        deadlines=config.deadline,
        pattern_timeout=(
            None if config.pattern_timeout_ms is None else config.pattern_timeout_ms / 1000
        ),
        convert_with=cli.convert_with,
    )
    return Settings(config=config, options=options, policy=policy)


def _relative(path: str, root: str) -> str | None:
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(root)).replace(os.sep, "/")
    return None if relative.startswith("../") else relative


def _glob_match(relative: str, pattern: str) -> bool:
    import fnmatch

    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(fnmatch.fnmatchcase(c, pattern) for c in candidates) or fnmatch.fnmatchcase(
        parts[-1], pattern
    )


def is_excluded(path: str, config: Config, cli: Overrides) -> bool:
    """Whether a file found by walking a folder is skipped by ``exclude``."""
    relative = _relative(path, config.root)
    if relative is not None and any(_glob_match(relative, p) for p in config.exclude):
        return True
    from_cwd = _relative(path, os.curdir)
    return from_cwd is not None and any(_glob_match(from_cwd, p) for p in cli.exclude)


def known_rule_ids(extra_packs: Iterable[str]) -> set[str]:
    """Every shipped rule ID, plus those defined by the given packs."""
    from checker.rulepacks.catalogue import all_rules
    from checker.rulepacks.loader import load_chain

    ids = set(all_rules())
    for ref in extra_packs:
        for _path, data, _lines in load_chain(ref, Path.cwd()):
            ids.update(str(spec.get("id")) for spec in data.get("rules") or [])
    return ids


def check_selectors(selectors: Sequence[tuple[str, str]], known: set[str], source: str) -> None:
    """A selector must name a rule or be the prefix of one: a typo is an error."""
    for key, selector in selectors:
        if not any(rule_id.startswith(selector) for rule_id in known):
            line = None
            with contextlib.suppress(OSError, UnicodeDecodeError):
                text = read_text(source, MAX_CONFIG_BYTES)
                m = re.search(rf"[\"']{re.escape(selector)}[\"']", text)
                line = text.count("\n", 0, m.start()) + 1 if m else None
            message = f"no rule {selector!r} (see `checker rules`)"
            raise ConfigError(source, message, line, key)


def describe(config: Config) -> dict[str, Any]:
    """The effective configuration as data, defaults included, for ``checker config show``."""
    limits = config.read_limits()
    return {
        "source": config.source,
        "edition": config.edition,
        "rules": list(config.rules),
        "level": config.level,
        "select": None if config.select is None else list(config.select),
        "extend-select": list(config.extend_select),
        "ignore": list(config.ignore),
        "per-file-ignores": {g: list(ids) for g, ids in config.per_file_ignores},
        "severity": dict(config.severity),
        "deadline": dict(config.deadline),
        "exclude": list(config.exclude),
        "fail-on": config.fail_on or "error",
        "format": config.format or "table",
        "output-file": config.output_file,
        "jobs": config.jobs,
        "lang": config.lang or "zh",
        "cache": bool(config.cache),
        "extend": list(config.extends),
        "limits": {
            **{f.name.replace("_", "-"): getattr(limits, f.name) for f in fields(limits)},
            "pattern-timeout-ms": config.pattern_timeout_ms or int(PATTERN_TIMEOUT * 1000),
        },
    }
