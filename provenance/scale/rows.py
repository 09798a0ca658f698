"""The rows of one analysed article, keyed by natural keys (content hash,
claim uid, speaker key, outlet name, plan point key) instead of database ids.

Built where the article was analysed (a worker process, a Dask worker) and
merged by the loader, which alone knows the ids.  Plain tuples: cheap to
pickle and to hand to executemany or COPY.  The values are exactly those the
one-article writer (db/store.py) stores.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..db.store import claim_uid, speaker_key
from ..records import Article, LinkedClaim

# Column orders (the loader's staging tables use the same).
SOURCE_COLUMNS = ("sha256", "path", "url", "title", "author", "outlet", "published", "fmt", "encoding",
                  "meta_origin", "text", "extracted_with")
CLAIM_COLUMNS = ("uid", "speaker_key", "start", "end", "text", "quote", "kind", "cue", "rule", "mention",
                 "speaker_type", "role", "unresolved", "topics")


@dataclass(frozen=True)
class ArticleRows:
    sha256: str
    path: str
    source: tuple                       # SOURCE_COLUMNS
    outlets: tuple[tuple[str, str], ...]           # (name, kind), sorted
    speakers: tuple[tuple[str, str, str], ...]     # (key, name, type), sorted by key
    aliases: tuple[tuple[str, str], ...]           # (speaker key, alias), sorted
    claims: tuple[tuple, ...]                      # CLAIM_COLUMNS, in claim order
    relays: tuple[tuple[str, int, str], ...]       # (claim uid, position, outlet name)
    links: tuple[tuple[str, str, str, float], ...]  # (claim uid, point key, relation, score)


def article_rows(article: Article, claims: list[LinkedClaim] | tuple[LinkedClaim, ...], kinds: dict[str, str],
                 extractor_version: str | None) -> ArticleRows:
    outlets = sorted(({article.outlet} if article.outlet else set()) | {v for lc in claims for v in lc.claim.via})
    speakers: dict[str, tuple[str, str]] = {}
    aliases: set[tuple[str, str]] = set()
    rows, relays, links, seen = [], [], [], set()
    for lc in claims:
        c = lc.claim
        key = speaker_key(article, c.speaker_name, c.speaker_type) if c.speaker_name else None
        if key:
            speakers[key] = (c.speaker_name, c.speaker_type or "person")  # the last claim's spelling, as store.py
            aliases.update((key, a) for a in {c.speaker_name, *c.aliases} if a and len(a) <= 300)
        uid = claim_uid(article.sha256, c.start, c.end, c.speaker_name or c.speaker_mention)
        if uid in seen:
            continue
        seen.add(uid)
        rows.append((uid, key, c.start, c.end, article.text[c.start:c.end], c.quote, c.kind, c.cue[:80],
                     c.rule[:80], (c.speaker_mention or None) and c.speaker_mention[:300], c.speaker_type,
                     c.role and c.role[:300], c.unresolved and c.unresolved[:300],
                     json.dumps(list(lc.topics or c.topics))))
        relays.extend((uid, pos, name) for pos, name in enumerate(c.via))
        points = set()
        for link in lc.links:
            if link.point not in points:
                points.add(link.point)
                links.append((uid, link.point, link.relation, link.score))
    source = (article.sha256, article.path, article.url, article.title, article.author, article.outlet,
              article.published, article.fmt, article.encoding, json.dumps(dict(article.meta_origin)),
              article.text, extractor_version)
    return ArticleRows(
        sha256=article.sha256, path=article.path, source=source,
        outlets=tuple((n, kinds.get(n, "outlet")) for n in outlets),
        speakers=tuple((k, *speakers[k]) for k in sorted(speakers)), aliases=tuple(sorted(aliases)),
        claims=tuple(rows), relays=tuple(relays), links=tuple(links),
    )
