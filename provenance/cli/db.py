"""`provenance db`: schema maintenance."""
from __future__ import annotations

import click

from ..render import say
from . import pass_app

__all__ = ["db"]


@click.group()
def db():
    """Database schema maintenance.

    \b
    Example:
      provenance --db newsroom.db db upgrade
    """


@db.command()
@pass_app
def upgrade(app):
    """Create the schema or upgrade an older database to the current one.

    Back up the database first.

    \b
    Example:
      provenance db upgrade
    """
    from ..db.engine import HEAD_REVISION, current_revision, make_engine, upgrade as run_upgrade

    from . import check_url

    check_url(app.url)
    before = current_revision(make_engine(app.url))
    run_upgrade(app.url)
    if before == HEAD_REVISION:
        say(f"database already at {HEAD_REVISION}")
    else:
        say(f"database upgraded from {before or 'empty'} to {HEAD_REVISION}")


@db.command()
@pass_app
def current(app):
    """Show the schema version of the database.

    \b
    Example:
      provenance db current
    """
    from ..db.engine import HEAD_REVISION, current_revision, make_engine

    from pathlib import Path

    from ..errors import DatabaseError
    from . import check_url

    check_url(app.url)
    if app.url.startswith("sqlite:///") and not Path(app.url.split(":///", 1)[1]).exists():
        raise DatabaseError(f"no database at {app.url.split(':///', 1)[1]}")
    rev = current_revision(make_engine(app.url))
    click.echo(f"{rev or 'none'} (this version of provenance needs {HEAD_REVISION})")
