"""Normalising article text: Unicode NFC, one newline between paragraphs.

The stored text is what every offset refers to, so this is the one place that
decides it.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_text(raw: str) -> str:
    """NFC; zero-width and control characters dropped; runs of spaces folded;
    each paragraph on one line, paragraphs separated by exactly one newline."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)  # the class has no newline: the same as folding line by line
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
