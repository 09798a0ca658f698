"""`provenance serve`: the newsroom view in a browser."""
from __future__ import annotations

import click

from ..errors import Exit
from ..render import say
from . import CliError, pass_app

__all__ = ["serve"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: the view has no login).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@pass_app
def serve(app, host, port):
    """Serve the newsroom view: articles with their claims marked, claims,
    speakers, plan points, the contradictions queue with reviews, search.
    Every page also answers JSON (?format=json).  Stop with Ctrl-C.

    \b
    Example:
      provenance --db demo.db serve
      provenance serve --port 8080
    """
    from werkzeug.serving import make_server

    from ..web import create_app

    _check_address(host, port)  # werkzeug would print its own lines and exit 1
    web = create_app(app.url)
    try:
        server = make_server(host, port, web, threaded=True)
    except (OSError, SystemExit) as exc:
        raise CliError(f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or 'refused'}",
                       Exit.USAGE) from None
    if host not in ("127.0.0.1", "::1", "localhost"):
        say(f"note: listening on {host}; the view has no login, anyone who reaches this address can rule")
    say(f"serving {app.url.split('://')[0]} database on http://{host}:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()


def _check_address(host: str, port: int) -> None:
    """A one-line error when HOST:PORT cannot be listened on (in use, no such address)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, addr = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(addr)
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", Exit.USAGE) from None
