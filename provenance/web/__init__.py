"""The newsroom view: a server-rendered web app over the same query
functions as the CLI (`provenance serve`).

Every page answers HTML, or JSON with `?format=json` or an Accept header
that prefers application/json; the JSON is the record the matching CLI
command prints.  Writes (contradiction reviews) go through
db/contradictions_store.review behind a CSRF token.  Nothing is loaded from
elsewhere: templates and static files ship in this package, and the
Content-Security-Policy allows only this origin.
"""
from __future__ import annotations

import os
import secrets

from flask import Flask, g

from .http import install_handlers


def create_app(db_url: str, *, secret_key: str | None = None) -> Flask:
    """The app over DB_URL (opened once, a session per request)."""
    from ..db.engine import open_database

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or os.environ.get("PROVENANCE_WEB_SECRET") or secrets.token_hex(32),
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    engine = open_database(db_url)
    app.extensions["provenance_engine"] = engine

    @app.teardown_request
    def _close(exc):
        s = g.pop("db", None)
        if s is not None:
            if exc is None:
                s.commit()
            else:
                s.rollback()
            s.close()

    install_handlers(app)
    from . import article, pages, review  # noqa: F401  (routes register on the blueprint)

    app.register_blueprint(pages.bp)
    app.register_blueprint(article.bp)
    app.register_blueprint(review.bp)
    return app
