"""Writing a command's output file: `-` is stdout, anything else is written to a
temporary file beside it and renamed over it only when complete, so a failed
or interrupted export never truncates a previous file.  A path that cannot be
written (no such folder, a full disk, no permission) is one line, exit 2."""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .errors import UsageError


def _fail(path: str, exc: OSError) -> UsageError:
    return UsageError(f"cannot write {path}: {exc.strerror or exc}")


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """A text stream for `path` (None, "" or "-": stdout); see the module doc."""
    if not path or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    shown = path if len(path) <= 200 else path[:200] + "…"
    try:
        is_dir, parent_ok = target.is_dir(), target.parent.is_dir()
        special = target.exists() and not target.is_file()
    except OSError as exc:  # a name too long, a loop of links
        raise _fail(shown, exc) from None
    if is_dir:
        raise UsageError(f"cannot write {shown}: it is a folder")
    if not parent_ok:
        raise UsageError(f"cannot write {shown}: folder {target.parent} does not exist")
    if special:  # a device or a pipe (/dev/full, /dev/stdout): write in place
        try:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                yield fh
        except OSError as exc:
            raise _fail(path, exc) from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise _fail(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise _fail(path, exc) from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
