"""`provenance export KIND --format F [-o FILE]`: formats registered in provenance.export."""
from __future__ import annotations

import click

from ..errors import UsageError
from ..outfile import open_output
from ..render import say
from . import pass_app
from .sources import claim_filter_options

__all__ = ["export"]


@click.command()
@click.argument("kind", type=click.Choice(["claims", "graph", "prov", "jsonld"]))
@click.option("--format", "fmt", help="claims: jsonl|csv|json; graph: graphml|gexf|json; "
              "prov: json|turtle|provn; jsonld: jsonld.")
@click.option("-o", "--output", metavar="FILE", type=click.Path(allow_dash=True), help="Write here instead of stdout ('-': stdout); the file is "
              "replaced only once the export is complete.")
@claim_filter_options
@pass_app
def export(app, kind, fmt, output, speaker, outlet, topic, point, since, until):
    """Export claims and the claim graph in standard formats.

    \b
    Example:
      provenance export claims --format jsonl -o claims.jsonl
      provenance export graph --format gexf -o claims.gexf
    """
    from ..export import EXPORTERS, default_format
    from ..query import ClaimFilter

    fmt = fmt or default_format(kind)
    writer = EXPORTERS.get((kind, fmt))
    if writer is None:
        choices = ", ".join(sorted(f for k, f in EXPORTERS if k == kind))
        raise UsageError(f"export {kind} has no format {fmt!r} (choose from: {choices})")
    f = ClaimFilter(speaker=speaker, outlet=outlet, topic=topic, point=point, since=since, until=until)
    with app.session() as s, open_output(output) as fh:
        n = writer(s, f, fh)
    if output and output != "-":
        say(f"wrote {n} claim{'' if n == 1 else 's'} ({kind}) to {output}")
