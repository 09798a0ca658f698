"""Article readers: text, markdown and HTML files -> `Article` records.

Public API:
    read_article(path, overrides=None) -> Article
    iter_input_files(paths) -> Iterator[Path]
    MAX_BYTES   size limit (20 MB), checked with stat() before reading

See read.py for metadata precedence, sidecar.py for sidecar files.
"""
from __future__ import annotations

from .read import INPUT_SUFFIXES, MAX_BYTES, iter_input_files, read_article

__all__ = ["read_article", "iter_input_files", "MAX_BYTES", "INPUT_SUFFIXES"]
