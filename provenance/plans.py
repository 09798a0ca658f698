"""Plan files: load and validate a plan definition -> frozen records.

A plan file (JSON, or TOML with the same keys) looks like

    {"slug": "us-28", "title": "...", "date": "2025-11-20",
     "revision_of": "...",            (optional: slug of the plan it revises)
     "revises": {"12": "19"},         (optional: this plan's point -> the earlier plan's point;
                                       points not named are matched by content)
     "published_at": ["where the text was published", ...],
     "names": ["phrases that name the plan in an article", ...],       (optional)
     "subject": ["words that show an article is about its negotiation", ...],  (optional)
     "topics": {"army_size": {"description": "...", "cues": ["troop ceiling", ...]}, ...},
     "points": [{"number": 1, "title": "...", "text": "...", "topic": "army_size",
                 "values": {"army_cap": 600000}}, ...]}

`topics` may instead name a topics file, relative to the plan file
("topics/russia-ukraine.json"), holding {"subject": [...], "topics": {...}}, so
several plans share one set of topics.  A plan without `topics` gets one topic per
slug its points use, described by their titles.  Names, subject words and cues are
phrases matched as whole words, case-insensitively (regular expressions allowed).
Every error is a PlanFileError whose one-line message names the file, the line and
the bad field, e.g. ``plans/x.json:14: points[3].topic: 'foo' is not a topic of this plan``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlanFileError
from .plan_fields import _Checker, read_data, read_file

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
TOPIC_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLAN_KEYS = {"slug", "title", "date", "revision_of", "revises", "published_at", "names", "subject", "topics", "points"}
POINT_KEYS = {"number", "title", "text", "topic", "values"}
TOPIC_KEYS = {"description", "cues"}
TOPICS_FILE_KEYS = {"_doc", "subject", "topics"}


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
    # slug -> {"description": str, "cues": [str, ...]}
    topics: dict = field(default_factory=dict, hash=False, compare=False)
    names: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    revises: dict = field(default_factory=dict, hash=False, compare=False)  # "12" -> "19"

    def ref(self, number: int) -> str:
        return f"{self.slug}:{number}"


def _topics(chk: _Checker, spec, path: str) -> dict:
    """Validate a topics object {slug: {"description", "cues"}}."""
    if not isinstance(spec, dict) or not spec:
        chk.fail(path, "must be an object of topics: {slug: {\"description\": ..., \"cues\": [...]}}")
    out = {}
    for slug, t in spec.items():
        where = f"{path}.{slug}"
        if not isinstance(slug, str) or not TOPIC_SLUG.fullmatch(slug):
            chk.fail(where, f"{slug!r} is not a topic slug (lower-case letters, digits, '_' and '-')", key=True)
        if isinstance(t, str):
            t = {"description": t}
        if not isinstance(t, dict):
            chk.fail(where, "must be an object with a description (and optional cues)")
        for key in t:
            if key not in TOPIC_KEYS:
                chk.fail(f"{where}.{key}", f"unknown field (expected one of {', '.join(sorted(TOPIC_KEYS))})", key=True)
        out[slug] = {"description": chk.text_field(t, "description", where), "cues": chk.patterns(t, "cues", where)}
    return out


def _topics_file(ref: str, plan_name: str, chk: _Checker) -> tuple[dict, list[str]]:
    """Read a shared topics file named by a plan (relative to the plan file)."""
    base = Path(plan_name).parent
    path = Path(ref) if Path(ref).is_absolute() else base / ref
    if not path.is_file():
        chk.fail("topics", f"topics file {ref!r} not found (looked for {path})")
    text, fmt = read_file(path)
    data, tchk = read_data(text, str(path), fmt)
    if not isinstance(data, dict):
        tchk.fail("(top level)", "a topics file must hold one object")
    for key in data:
        if key not in TOPICS_FILE_KEYS:
            tchk.fail(key, f"unknown field (expected one of {', '.join(sorted(TOPICS_FILE_KEYS - {'_doc'}))})", key=True)
    if "topics" not in data:
        raise PlanFileError(f"{path}:1: topics: missing required field")
    return _topics(tchk, data["topics"], "topics"), tchk.patterns(data, "subject", "")


def parse_plan(text: str, name: str, fmt: str = "json") -> PlanRecord:
    """Validate the text of a plan file; `name` is used in error messages and to find
    a topics file the plan names."""
    data, chk = read_data(text, name, fmt)
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
    published = chk.text_list(data, "published_at", "")
    names, subject = chk.patterns(data, "names", ""), chk.patterns(data, "subject", "")
    topics: dict = {}
    spec = data.get("topics")
    if isinstance(spec, str):
        topics, shared_subject = _topics_file(spec, name, chk)
        subject = subject or shared_subject
    elif spec is not None:
        topics = _topics(chk, spec, "topics")
    records = _points(chk, data["points"], topics if spec is not None else None)
    if spec is None:  # topics from the points themselves, described by their titles
        for r in records:
            t = topics.setdefault(r.topic, {"description": "", "cues": []})
            t["description"] = "; ".join(filter(None, [t["description"], r.title]))
    revises = _revises(chk, data.get("revises"), revision_of, {r.number for r in records})
    return PlanRecord(
        slug=slug, title=title, date=date, revision_of=revision_of,
        published_at=tuple(published), points=tuple(sorted(records, key=lambda r: r.number)),
        path=name, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        topics=topics, names=tuple(names), subject=tuple(subject), revises=revises,
    )


def _points(chk: _Checker, points, topics: dict | None) -> list[PointRecord]:
    if not isinstance(points, list) or not points:
        chk.fail("points", "must be a non-empty list of points")
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
        if not isinstance(topic, str) or not TOPIC_SLUG.fullmatch(topic):
            chk.fail(f"{path}.topic", f"{topic!r} is not a topic slug (lower-case letters, digits, '_' and '-')")
        if topics is not None and topic not in topics:
            chk.fail(f"{path}.topic", f"{topic!r} is not a topic of this plan (its topics: {', '.join(sorted(topics))})")
        values = p.get("values", {})
        if values is None:
            values = {}
        if not isinstance(values, dict):
            chk.fail(f"{path}.values", "must be an object of named values")
        records.append(PointRecord(number, chk.text_field(p, "title", path), chk.text_field(p, "text", path),
                                   topic, dict(values)))
    return records


def _revises(chk: _Checker, spec, revision_of: str | None, numbers: set[int]) -> dict:
    if spec is None:
        return {}
    if not revision_of:
        chk.fail("revises", "needs 'revision_of' (the slug of the plan whose points are named)")
    if not isinstance(spec, dict):
        chk.fail("revises", "must be an object: {\"this plan's point\": \"the earlier plan's point\"}")
    out = {}
    for key, old in spec.items():
        where = f"revises.{key}"
        if not str(key).isdigit() or int(key) not in numbers:
            chk.fail(where, f"{key!r} is not a point number of this plan", key=True)
        olds = old if isinstance(old, list) else [old]
        if not olds or not all(isinstance(o, int) and not isinstance(o, bool) and o > 0
                               or isinstance(o, str) and o.isdigit() for o in olds):
            chk.fail(where, f"must be a point number of {revision_of} (or a list of them), not {old!r}")
        out[str(int(key))] = [str(int(o)) for o in olds]
    return out


def load_plan_file(path: str | Path) -> PlanRecord:
    """Read and validate one plan file (.json or .toml)."""
    text, fmt = read_file(path)
    return parse_plan(text, str(path), fmt)


def plan_files(folder: str | Path) -> list[Path]:
    """The plan files in a folder (*.json, *.toml), in name order."""
    d = Path(folder)
    return sorted(f for f in d.iterdir() if f.is_file() and f.suffix.lower() in (".json", ".toml"))
