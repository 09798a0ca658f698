"""Normalising article text: Unicode NFC, one newline between paragraphs.

The stored text is what every offset refers to, so this is the one place that
decides it.  Text that no encoder or XML writer accepts never gets in: lone
surrogates (from JSON escapes such as "\\ud800") and Unicode noncharacters
(U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of every plane)
are dropped, here for article text and by `clean_meta` for metadata values.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NONCHARS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
_UNSAFE = re.compile(f"[\ud800-\udfff{_NONCHARS}]")  # lone surrogates and noncharacters
_XML_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def drop_unsafe(text: str) -> str:
    """TEXT without lone surrogates and Unicode noncharacters."""
    return _UNSAFE.sub("", text)


def xml_safe(markup: str) -> str:
    """MARKUP that an XML/HTML tree accepts everywhere: control characters
    become spaces (a vertical tab after removed markup is a space), lone
    surrogates and noncharacters are dropped."""
    return _XML_CONTROL.sub(" ", drop_unsafe(markup))


def clean_meta(value: str) -> str:
    """A metadata value from an untrusted source, as one tidy line: unsafe
    characters dropped, control characters and runs of white space folded."""
    return " ".join(_CONTROL.sub(" ", drop_unsafe(value)).split())


def normalize_text(raw: str) -> str:
    """NFC; zero-width and control characters, lone surrogates and noncharacters dropped; runs of spaces folded;
    each paragraph on one line, paragraphs separated by exactly one newline."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = drop_unsafe(text)
    text = _SPACES.sub(" ", text)  # the class has no newline: the same as folding line by line
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
