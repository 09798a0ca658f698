"""Exception hierarchy and exit statuses (one small documented enum).

Exit statuses:
  0  OK            everything done (an empty result is still 0)
  1  PARTIAL       some input files were bad; the rest was stored
  2  USAGE         bad command-line usage or bad user-supplied value
  3  DATABASE      the database cannot be opened, is out of date or read-only
  4  INPUT         the whole input is unusable (no file could be read, bad plan file)
  130 INTERRUPTED  stopped by Ctrl-C
"""
from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    PARTIAL = 1
    USAGE = 2
    DATABASE = 3
    INPUT = 4
    INTERRUPTED = 130


class ProvenanceError(Exception):
    """Base of every error the CLI turns into a one-line message."""

    exit_code: int = Exit.USAGE


class UsageError(ProvenanceError):
    exit_code = Exit.USAGE


class DatabaseError(ProvenanceError):
    exit_code = Exit.DATABASE


class SchemaOutOfDate(DatabaseError):
    pass


class InputError(ProvenanceError):
    """A file or value that cannot be used; the message names it and why."""

    exit_code = Exit.INPUT


class PlanFileError(InputError):
    pass
