"""Bytes -> text, with the encoding that was used.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; an encoding
declared by the document (HTML <meta charset>); then the legacy encodings
Windows-1252 ("cp1252", when bytes 0x80-0x9F occur, e.g. curly quotes) or
Latin-1 ("latin-1"), and Windows-1251 ("cp1251") for Cyrillic text.  A
legacy guess must look like text in that script, else the bytes are refused.
UTF-16 without a byte-order mark (every other byte NUL in ASCII-heavy text)
is refused as such; other NUL bytes or many control characters mean binary data.  Zero-width and
bidirectional characters are kept here (normalize_text drops the zero-width ones).
"""
from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why."""


def _plausible_latin(text: str) -> bool:
    if _C1.search(text):
        return False
    visible = [c for c in text if not c.isspace()]
    high = sum(1 for c in visible if ord(c) > 0x7F)
    return bool(visible) and high / len(visible) <= 0.3


def _plausible_cyrillic(text: str) -> bool:
    """Mostly Cyrillic letters, and mostly the basic А-я ones (not the rarer
    letters that random high bytes turn into)."""
    high = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    cyr = [c for c in high if _CYRILLIC.match(c)]
    basic = sum(1 for c in cyr if "\u0410" <= c <= "\u044f")
    return bool(high) and len(cyr) / len(high) >= 0.8 and basic / len(cyr) >= 0.7


def _utf16_order(data: bytes) -> str | None:
    """"little-endian"/"big-endian" when DATA reads as UTF-16 without a BOM: in
    its first 4 KB nearly every odd (LE) or even (BE) byte is NUL, the others
    are not, and the whole decodes in that order."""
    sample = data[:4096] if len(data) % 2 == 0 else data[:4096 - 1]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    for zeros, other, name, codec in ((sample[1::2], sample[0::2], "little-endian", "utf-16-le"),
                                      (sample[0::2], sample[1::2], "big-endian", "utf-16-be")):
        if zeros.count(0) >= 0.9 * pairs and other.count(0) <= 0.05 * pairs:
            try:
                data[: len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            return name
    return None


def _legacy(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_latin(text):
        return text, ("cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1")
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_cyrillic(text):
        return text, "cp1251"
    raise DecodeError("not UTF-8 and not a recognisable legacy encoding")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name).  Raises DecodeError for binary or undecodable data."""
    if not data:
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name.replace('-sig', '').upper()} text after its byte-order mark") from exc
    if b"\x00" in data:
        order = _utf16_order(data)
        if order:
            raise DecodeError(f"UTF-16 ({order}) text without a byte-order mark: save it as UTF-8")
        raise DecodeError("binary file (NUL bytes)")
    sample = data[:65536]
    if len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) // 100):
        raise DecodeError("binary file (control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name and name not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    return _legacy(data)
