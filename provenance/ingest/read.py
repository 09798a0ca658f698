"""read_article: one file -> Article; iter_input_files: the files to read.

Metadata precedence, per field: overrides (CLI flags) > sidecar file >
metadata embedded in the document (HTML meta / JSON-LD, markdown front
matter) > what the text itself says (dateline, byline, sign-off ...).
`Article.meta_origin` records the origin of each field that was found:
"override", "sidecar", "json-ld", "meta", "h1", "title-tag", "host",
"htmldate", "front-matter", "heading", "byline", "dateline", "date-line",
"signoff", "masthead", "copyright", "headline", "url".  A date in the
article's URL ("/2025/07/31/") dates it only when nothing else does, but its
year resolves a dateline printed without one.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, UsageError
from ..records import Article
from .dates import date_in_url
from .decode import DecodeError, decode_bytes
from .normalize import clean_meta, normalize_text, sha256_text, xml_safe
from .sidecar import FIELDS, MAX_VALUE, clean_value, is_sidecar, read_sidecar
from .text import Found, drop_date_prefix, strip_markdown, text_metadata

MAX_BYTES = 20 * 1024 * 1024  # files larger than this are refused before reading
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html", ".xhtml": "html"}
INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")  # what iter_input_files picks up in folders
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def _fail(path: Path, reason: str) -> InputError:
    return InputError(f"{path}: {reason}")


def _load(path: Path) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _fail(path, "does not exist") from None
    except PermissionError:
        raise _fail(path, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise _fail(path, getattr(exc, "strerror", None) or "cannot be read") from None
    if stat.S_ISDIR(st.st_mode):
        raise _fail(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise _fail(path, "not a regular file")
    if st.st_size > MAX_BYTES:
        raise _fail(path, f"too large ({st.st_size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise _fail(path, "permission denied") from None
    except OSError as exc:
        raise _fail(path, exc.strerror or "cannot be read") from None
    if len(data) > MAX_BYTES:
        raise _fail(path, f"too large (over the {MAX_BYTES // 2**20} MB limit)")
    return data


def _format(path: Path, text: str | None = None) -> str:
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix and not re.fullmatch(r"\.\d+", suffix):
        raise _fail(path, f"unsupported file type {suffix!r} (use .txt, .md, .html or .htm)")
    return "html" if text is not None and _LOOKS_HTML.match(text) else "text"


def _overrides(overrides: dict | None) -> Found:
    found: Found = {}
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in FIELDS or not isinstance(value, str):
            raise UsageError(f"unknown or bad override {key}={value!r}")
        try:
            cleaned = clean_value(key, value, f"--{key}")
        except InputError as exc:
            raise UsageError(str(exc)) from None
        if cleaned:
            found[key] = (cleaned, "override")
    return found


def read_article(path: str | Path, overrides: dict | None = None) -> Article:
    """Read one article file (.txt, .md, .html, .htm) into an Article.

    Raises InputError "PATH: reason" for a file that cannot be used (missing,
    unreadable, empty, binary, undecodable, over MAX_BYTES, HTML without
    article text, bad sidecar) and UsageError for a bad override value.
    """
    path = Path(path)
    top = _overrides(overrides)
    fmt = _format(path)  # an unsupported suffix fails before the file is read
    data = _load(path)
    declared = None
    if fmt != "text" or not path.suffix:
        m = _CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    try:
        raw, encoding = decode_bytes(data, declared)
    except DecodeError as exc:
        raise _fail(path, str(exc)) from None
    normal = normalize_text(raw)
    if not normal:
        raise _fail(path, "empty or whitespace-only")
    if not path.suffix or re.fullmatch(r"\.\d+", path.suffix):
        fmt = _format(path, raw)
    sidecar = {k: (v, "sidecar") for k, v in read_sidecar(path).items()}

    embedded: Found = {}
    inferred: Found = {}
    if fmt == "html":
        from .html import html_body
        from .meta import page_metadata

        raw = xml_safe(raw)  # a control character or lone surrogate must not fail the page's tree
        embedded = page_metadata(raw)
        text = html_body(raw, (embedded.get("title") or (None,))[0])
        if not text:
            raise _fail(path, "HTML page with no extractable article text")
    else:
        if fmt == "markdown":
            raw, embedded = strip_markdown(raw)
            normal = normalize_text(raw)
        text, day = drop_date_prefix(normal)
        if day:  # normalising is idempotent: only the cut text needs it again
            text = normalize_text(text)
        if not text:
            raise _fail(path, "no article text after its metadata line")
        if day:
            inferred["published"] = (day, "date-line")

    if fmt == "html" and "published" not in embedded:
        from .pagedate import markup_date

        url = next((t["url"][0] for t in (top, sidecar, embedded) if "url" in t), None)
        embedded_day = markup_date(raw, url)
        if embedded_day:
            embedded["published"] = (embedded_day, "htmldate")
    url = next((t["url"][0] for t in (top, sidecar, embedded) if "url" in t), None)
    url_day = date_in_url(url)
    known = next((t["published"][0] for t in (top, sidecar, embedded, inferred) if "published" in t), url_day)
    for field, value in text_metadata(text, int(known[:4]) if known else None).items():
        inferred.setdefault(field, value)
    if url_day:
        inferred.setdefault("published", (url_day, "url"))

    chosen: dict[str, str] = {}
    origin: list[tuple[str, str]] = []
    for field in FIELDS:
        for tier in (top, sidecar, embedded, inferred):
            value = clean_meta(tier[field][0]) if tier.get(field) and tier[field][0] else ""
            if value and len(value) <= MAX_VALUE:  # page metadata is untrusted: an oversized value is ignored
                chosen[field] = value
                origin.append((field, tier[field][1]))
                break
    return Article(path=str(path), text=text, sha256=sha256_text(text), title=chosen.get("title"),
                   outlet=chosen.get("outlet"), published=chosen.get("published"), author=chosen.get("author"),
                   url=chosen.get("url"), encoding=encoding, fmt=fmt, meta_origin=tuple(origin))


def iter_input_files(paths: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """The article files under PATHS: files as given, folders recursively
    (.txt .md .html .htm; hidden files and folders skipped); *.meta.json
    sidecars are never yielded.  A path that does not exist is yielded so that
    read_article reports it.  Each file once, sorted by path."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: dict[str, Path] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    f = Path(root) / name
                    if (not name.startswith(".") and f.suffix.lower() in INPUT_SUFFIXES
                            and not is_sidecar(f)):
                        seen.setdefault(os.path.normpath(f), f)
        elif not is_sidecar(p):
            seen.setdefault(os.path.normpath(p), p)
    for key in sorted(seen):
        yield seen[key]
