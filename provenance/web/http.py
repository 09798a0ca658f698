"""What every page shares: the database session, HTML or JSON, the CSRF
token, error pages, and the security headers."""
from __future__ import annotations

import hmac
import secrets
import zlib
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, jsonify, render_template, request, session
from werkzeug.exceptions import HTTPException

PALETTE = 10  # speaker colours (.sp0 ... .sp9 in static/style.css)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def db():
    """The request's session (committed at the end of a request that did not fail)."""
    if "db" not in g:
        from sqlalchemy.orm import Session

        g.db = Session(current_app.extensions["provenance_engine"], expire_on_commit=False)
    return g.db


def wants_json() -> bool:
    fmt = request.args.get("format")
    if fmt:
        return fmt == "json"
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def respond(template: str, data, **context):
    """DATA as JSON when asked for, else the template with DATA and CONTEXT."""
    if wants_json():
        return jsonify(data)
    return render_template(template, data=data, **context)


def int_arg(name: str, default: int | None, *, low: int = 0, high: int = 100_000) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        abort(400, f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    if not hmac.compare_digest(sent.encode(), session.get("csrf", "").encode()) or not sent:
        abort(403, "the form has expired or did not come from this site: reload the page and try again")


def speaker_class(name: str | None) -> str:
    """A stable colour class per speaker name."""
    if not name:
        return "sp-none"
    return f"sp{zlib.crc32(name.encode('utf-8')) % PALETTE}"


def safe_url(url: str | None) -> str | None:
    """URL when it is http(s), else None (a javascript: or data: link is never rendered)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def install_handlers(app: Flask) -> None:
    app.jinja_env.globals.update(csrf_token=csrf_token, speaker_class=speaker_class)
    app.jinja_env.filters["safe_url"] = safe_url
    app.jinja_env.filters["chain"] = lambda hops: " › ".join(h for h in hops if h)

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.vary.add("Accept")
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if wants_json():
            return jsonify(error=exc.description, status=exc.code), exc.code
        return render_template("error.html", code=exc.code, name=exc.name, message=exc.description), exc.code

    from ..errors import ProvenanceError

    @app.errorhandler(ProvenanceError)
    def _domain_error(exc: ProvenanceError):
        code = 404 if str(exc).startswith("no ") or " has no " in str(exc) else 400
        message = str(exc)
        if wants_json():
            return jsonify(error=message, status=code), code
        return render_template("error.html", code=code, name="Not Found" if code == 404 else "Bad Request",
                               message=message), code
