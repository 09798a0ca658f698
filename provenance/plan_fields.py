"""Where each field of a plan (or topics) file starts, for one-line errors that
name the file, the line and the field (``plans/x.json:14: points[3].topic: ...``)."""
from __future__ import annotations

import json
import re

from .errors import PlanFileError

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



    def text_list(self, obj: dict, key: str, path: str) -> list[str]:
        """An optional list of non-empty strings (a single string is a list of one)."""
        full = f"{path}.{key}" if path else key
        val = obj.get(key)
        if val is None:
            return []
        if isinstance(val, str):
            val = [val]
        if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
            self.fail(full, "must be a list of non-empty strings")
        return [v.strip() for v in val]

    def patterns(self, obj: dict, key: str, path: str) -> list[str]:
        """An optional list of phrases or regular expressions, each checked to compile."""
        out = self.text_list(obj, key, path)
        for i, p in enumerate(out):
            try:
                re.compile(p, re.I)
            except re.error as exc:
                self.fail(f"{path}.{key}[{i}]" if path else f"{key}[{i}]", f"{p!r} is not a valid pattern ({exc})")
        return out


def read_data(text: str, name: str, fmt: str = "json") -> tuple[object, _Checker]:
    """Parse the text of a plan or topics file (JSON or TOML) into data and a checker
    that can say where each field is."""
    if fmt == "toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except RecursionError:
            raise PlanFileError(f"{name}:1: not valid TOML: nested too deeply") from None
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise PlanFileError(f"{name}:{m.group(1) if m else 1}: not valid TOML: {exc}") from None
        return data, _Checker(name, text, _toml_positions(text))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(f"{name}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise PlanFileError(f"{name}:1: not valid JSON: nested too deeply") from None
    return data, _Checker(name, text, _positions(text))


def read_file(path) -> tuple[str, str]:
    """The text of a plan or topics file and its format ("json" or "toml")."""
    from pathlib import Path

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
    return text, ("toml" if p.suffix.lower() == ".toml" else "json")
