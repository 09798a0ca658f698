"""`provenance serve`: the newsroom view in a browser."""
from __future__ import annotations

import click

from ..render import say
from . import pass_app

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

    web = create_app(app.url)
    try:
        server = make_server(host, port, web, threaded=True)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    say(f"serving {app.url.split('://')[0]} database on http://{host}:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()
