"""The `provenance` command: a thin click layer.

Commands live in one module per group under provenance/cli/ and are listed
in COMMANDS.  Each module exposes click commands whose names match its
`__all__`.  Commands only parse options, open a session, call the query or
pipeline functions, and render.
"""
from __future__ import annotations

import importlib
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import click

from ..errors import DatabaseError, Exit, ProvenanceError
from ..settings import resolve_db_url

# module name under provenance.cli -> registered in this order
COMMANDS = ["ingest", "sources", "db", "export", "plans", "contradictions", "query", "serve"]
# Commands that may create a new SQLite database file; every other command
# needs the file to exist (a mistyped --db path is an error, exit 3).
CREATING = {("ingest",), ("plans", "load"), ("db", "upgrade")}
SUPPORTED_URLS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """Only SQLite and PostgreSQL URLs; anything else is one line, exit 3."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if not scheme.split("+", 1)[0] in SUPPORTED_URLS:
        raise DatabaseError(f"unsupported database URL {scheme + '://…'!r}: provenance works with SQLite "
                            "(a file path or sqlite:///PATH) and PostgreSQL (postgresql://...)")


def _creating() -> bool:
    """Whether the running command may create the database (True outside a command: library use)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return True
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return tuple(reversed(names)) in CREATING


@dataclass
class App:
    """Per-invocation context: the database URL, opened lazily."""

    db: str | None
    _engine: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return resolve_db_url(self.db)

    @property
    def engine(self):
        if self._engine is None:
            from ..db.engine import open_database

            url = self.url
            check_url(url)
            path = url.split(":///", 1)[1] if url.startswith("sqlite:///") else ""
            if path and path != ":memory:" and not path.startswith("file:") and not Path(path).exists() \
                    and not _creating():
                raise DatabaseError(f"no database at {path} (`provenance ingest` or `provenance db upgrade` "
                                    "creates one; --db or $PROVENANCE_DB names another)")
            self._engine = open_database(url)
        return self._engine

    @contextmanager
    def session(self) -> Iterator["Session"]:  # noqa: F821
        """One session per command; committed on success, rolled back on error."""
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                try:
                    session.rollback()
                except Exception:  # noqa: BLE001 - e.g. Ctrl-C landed inside commit(): the session can no
                    pass  # longer roll back, and the interruption, not that, is what the user must see
                raise


pass_app = click.make_pass_decorator(App)


class CliError(click.ClickException):
    """A domain error shown as one line with its documented exit status."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


class ProvenanceGroup(click.Group):
    """Turns domain and database errors into one line on stderr, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            raise CliError(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise CliError("interrupted", Exit.INTERRUPTED) from None
        except OverflowError as exc:  # e.g. --source 99999999999999999999: no database integer holds it
            raise CliError(f"a number is too large: {_one_line(exc)}", Exit.USAGE) from None
        except UnicodeEncodeError as exc:  # a value or file name with bytes that are not UTF-8
            bad = exc.object[max(0, exc.start - 30):exc.end + 30] if isinstance(exc.object, str) else ""
            raise CliError(f"not valid UTF-8 text: {bad!r}", Exit.USAGE) from None
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, SQLAlchemyError):
                raise CliError(f"database error: {_one_line(exc)}", Exit.DATABASE) from None
            raise


@click.group(cls=ProvenanceGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="PATH|URL", envvar=None,
              help="Database file or SQLAlchemy URL (else $PROVENANCE_DB, else ./provenance.db).")
@click.option("--csv-raw", is_flag=True, help="CSV output keeps cells that start with = + - @ as they are "
              "(default: prefixed with ' so a spreadsheet does not run them as formulas; see SECURITY.md).")
@click.version_option(package_name="provenance")
@click.pass_context
def cli(ctx: click.Context, db: str | None, csv_raw: bool) -> None:
    """Track who said what, where it was published, who relayed it, and which
    sources disagree.

    \b
    Example:
      provenance ingest sources/
      provenance claims --speaker Zelensky
      provenance contradictions
    """
    ctx.obj = App(db=db)


def _register() -> None:
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # a command group not built yet
            raise
        for attr in getattr(module, "__all__", []):
            cli.add_command(getattr(module, attr))


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point used by the `provenance` script."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `provenance claims | head` ends quietly
    try:
        rc = cli.main(args=argv, prog_name="provenance", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(Exit.INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(rc if isinstance(rc, int) else 0)
