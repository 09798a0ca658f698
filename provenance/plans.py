"""Plan files: load and validate a peace plan definition -> frozen records.

A plan file (JSON, or TOML with the same keys) looks like

    {"slug": "us-28", "title": "...", "date": "2025-11-20",
     "revision_of": "...",            (optional: slug of the plan it revises)
     "published_at": ["where the text was published", ...],
     "points": [{"number": 1, "title": "...", "text": "...", "topic": "sovereignty",
                 "values": {"army_cap": 600000}}, ...]}

Topics are checked against rules/topics.json.  Every error is a PlanFileError
whose one-line message names the file, the line and the bad field, e.g.
``sources/plans/x.json:14: points[3].topic: 'foo' is not a known topic``.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import PlanFileError

RULES = Path(__file__).resolve().parent / "rules"
TOPICS_FILE = RULES / "topics.json"

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLAN_KEYS = {"slug", "title", "date", "revision_of", "published_at", "points"}
POINT_KEYS = {"number", "title", "text", "topic", "values"}


@dataclass(frozen=True, slots=True)
class PointRecord:
    number: int
    title: str
    text: str
    topic: str
    values: dict = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class PlanRecord:
    slug: str
    title: str
    date: str | None
    points: tuple[PointRecord, ...]
    published_at: tuple[str, ...] = ()
    revision_of: str | None = None
    path: str = ""
    sha256: str = ""

    def ref(self, number: int) -> str:
        return f"{self.slug}:{number}"


@lru_cache(maxsize=1)
def known_topics() -> dict[str, str]:
    """slug -> description, from rules/topics.json."""
    return dict(json.loads(TOPICS_FILE.read_text(encoding="utf-8"))["topics"])


# --- locating fields: a small JSON walker that records where each value starts ---

_DEC = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")


def _positions(text: str) -> dict[str, int]:
    """Path ("points[3].topic") -> character offset of the value (and of the key
    for object members: "points[3].topic@key").  Only called on valid JSON."""
    where: dict[str, int] = {}

    def value(i: int, path: str) -> int:
        i = _WS.match(text, i).end()
        where[path] = i
        ch = text[i]
        if ch == "{":
            i = _WS.match(text, i + 1).end()
            if text[i] == "}":
                return i + 1
            while True:
                i = _WS.match(text, i).end()
                key_at = i
                key, i = json.decoder.scanstring(text, i + 1)
                sub = f"{path}.{key}" if path else key
                where[sub + "@key"] = key_at
                i = _WS.match(text, i).end() + 1  # ':'
                i = _WS.match(text, value(i, sub)).end()
                if text[i] == "}":
                    return i + 1
                i += 1  # ','
        if ch == "[":
            i = _WS.match(text, i + 1).end()
            if text[i] == "]":
                return i + 1
            n = 0
            while True:
                i = _WS.match(text, value(i, f"{path}[{n}]")).end()
                n += 1
                if text[i] == "]":
                    return i + 1
                i += 1
        _, end = _DEC.raw_decode(text, i)
        return end

    value(0, "")
    return where


def _toml_positions(text: str) -> dict[str, int]:
    """Best effort for TOML: `key = ` lines at top level and inside each [[points]]."""
    where: dict[str, int] = {}
    n, offset = -1, 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s.startswith("[[points]]"):
            n += 1
            where[f"points[{n}]"] = offset
        elif s.startswith("[points.values]") or s.startswith("[points.") and n >= 0:
            where.setdefault(f"points[{n}].values", offset)
        else:
            m = re.match(r"\s*([A-Za-z_][\w-]*)\s*=", line)
            if m:
                key = m.group(1) if n < 0 else f"points[{n}].{m.group(1)}"
                where.setdefault(key, offset)
                where.setdefault(key + "@key", offset)
        offset += len(line)
    return where


class _Checker:
    def __init__(self, name: str, text: str, where: dict[str, int]):
        self.name, self.text, self.where = name, text, where

    def line(self, path: str) -> int:
        probe = path
        while True:
            if probe in self.where:
                return self.text.count("\n", 0, self.where[probe]) + 1
            if "." not in probe and "[" not in probe:
                return 1
            probe = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", probe)

    def fail(self, path: str, message: str, key: bool = False):
        at = self.line(path + "@key" if key and path + "@key" in self.where else path)
        raise PlanFileError(f"{self.name}:{at}: {path}: {message}")

    def text_field(self, obj: dict, key: str, path: str, *, required: bool = True) -> str | None:
        full = f"{path}.{key}" if path else key
        if key not in obj or obj[key] is None:
            if required:
                self.fail(path or key, f"missing required field '{key}'")
            return None
        val = obj[key]
        if not isinstance(val, str) or not val.strip():
            self.fail(full, f"must be a non-empty string, not {val!r}")
        return val.strip()


def parse_plan(text: str, name: str, fmt: str = "json") -> PlanRecord:
    """Validate the text of a plan file; `name` is used in error messages."""
    if fmt == "toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except RecursionError:
            raise PlanFileError(f"{name}:1: not valid TOML: nested too deeply") from None
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise PlanFileError(f"{name}:{m.group(1) if m else 1}: not valid TOML: {exc}") from None
        where = _toml_positions(text)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanFileError(f"{name}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise PlanFileError(f"{name}:1: not valid JSON: nested too deeply") from None
        where = _positions(text)
    chk = _Checker(name, text, where)
    if not isinstance(data, dict):
        chk.fail("(top level)", "a plan file must hold one object")
    for key in data:
        if key not in PLAN_KEYS:
            chk.fail(key, f"unknown field (expected one of {', '.join(sorted(PLAN_KEYS))})", key=True)
    for key in ("slug", "title", "points"):
        if key not in data:
            raise PlanFileError(f"{name}:1: {key}: missing required field")
    slug = chk.text_field(data, "slug", "")
    if not SLUG.fullmatch(slug):
        chk.fail("slug", f"{slug!r} is not a slug (lower-case letters, digits and '-')")
    title = chk.text_field(data, "title", "")
    date = chk.text_field(data, "date", "", required=False)
    if date and not DATE.match(date):
        chk.fail("date", f"{date!r} is not an ISO date (YYYY-MM-DD)")
    revision_of = chk.text_field(data, "revision_of", "", required=False)
    if revision_of and not SLUG.fullmatch(revision_of):
        chk.fail("revision_of", f"{revision_of!r} is not a plan slug")
    published = data.get("published_at", [])
    if isinstance(published, str):
        published = [published]
    if not isinstance(published, list) or not all(isinstance(p, str) and p.strip() for p in published):
        chk.fail("published_at", "must be a list of non-empty strings")
    points = data["points"]
    if not isinstance(points, list) or not points:
        chk.fail("points", "must be a non-empty list of points")
    topics = known_topics()
    seen: dict[int, int] = {}
    records = []
    for i, p in enumerate(points):
        path = f"points[{i}]"
        if not isinstance(p, dict):
            chk.fail(path, "each point must be an object")
        for key in p:
            if key not in POINT_KEYS:
                chk.fail(f"{path}.{key}", f"unknown field (expected one of {', '.join(sorted(POINT_KEYS))})", key=True)
        for key in ("number", "title", "text", "topic"):
            if key not in p:
                chk.fail(path, f"missing required field '{key}'")
        number = p["number"]
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            chk.fail(f"{path}.number", f"must be a positive whole number, not {number!r}")
        if number in seen:
            chk.fail(f"{path}.number", f"duplicate point number {number} (also points[{seen[number]}])")
        seen[number] = i
        topic = p["topic"]
        if not isinstance(topic, str) or topic not in topics:
            chk.fail(f"{path}.topic", f"{topic!r} is not a known topic (see provenance/rules/topics.json)")
        values = p.get("values", {})
        if values is None:
            values = {}
        if not isinstance(values, dict):
            chk.fail(f"{path}.values", "must be an object of named values")
        records.append(PointRecord(number, chk.text_field(p, "title", path), chk.text_field(p, "text", path),
                                   topic, dict(values)))
    return PlanRecord(
        slug=slug, title=title, date=date, revision_of=revision_of,
        published_at=tuple(p.strip() for p in published),
        points=tuple(sorted(records, key=lambda r: r.number)),
        path=name, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def load_plan_file(path: str | Path) -> PlanRecord:
    """Read and validate one plan file (.json or .toml)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot read plan file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(f"{path}:{line}: not UTF-8 text") from None
    return parse_plan(text, str(path), "toml" if p.suffix.lower() == ".toml" else "json")


def plan_files(folder: str | Path) -> list[Path]:
    """The plan files in a folder (*.json, *.toml), in name order."""
    d = Path(folder)
    return sorted(f for f in d.iterdir() if f.is_file() and f.suffix.lower() in (".json", ".toml"))
