"""Deterministic benchmark corpus: articles recombined from sources/ with names,
places, outlets, dates and numbers swapped, so no two are identical and every
construction the extractor handles appears (quotes, reported speech,
according-to, relays, plan lists, datelines, bylines).  Some are written as
HTML pages with boilerplate, so HTML extraction is measured too."""
from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SWAPS = json.loads((HERE / "swaps.json").read_text(encoding="utf-8"))
_DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
_NUMBER = re.compile(r"(?<![\w.:/-])\d{1,3}(?:,\d{3})*(?![\w:/-])")


def _paragraphs(folder: Path) -> list[list[str]]:
    return [
        [p for p in _DATE_LINE.sub("", f.read_text(encoding="utf-8")).split("\n") if p.strip()]
        for f in sorted(folder.glob("*.txt"))
    ]


def _swap(text: str, rng: random.Random) -> str:
    for name, group in SWAPS.items():
        if name.startswith("_"):
            continue
        for original in group:
            if original in text:
                text = text.replace(original, rng.choice(group))
    return _NUMBER.sub(lambda m: f"{rng.randint(2, 999):,}" if rng.random() < 0.5 else m.group(0), text)


def article(i: int, bases: list[list[str]], rng: random.Random) -> tuple[str, str]:
    """The i-th article: (file name, content)."""
    base = bases[i % len(bases)]
    other = bases[(i * 7 + 3) % len(bases)]
    paras = list(base)
    # recombine: splice a run of paragraphs from another article into this one
    k = rng.randint(1, max(1, len(other) // 3))
    at = rng.randint(1, max(1, len(paras) - 1))
    start = rng.randint(1, max(1, len(other) - k))
    paras[at:at] = other[start:start + k]
    paras = [_swap(p, rng) for p in paras]
    month = rng.choice(["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"])
    city = rng.choice(SWAPS["places"]).upper()
    agency = rng.choice(["Reuters", "AFP", "AP"])
    paras[1:1] = [f"{city}, {month} {rng.randint(1, 28)} ({agency}) - Update {i}."]
    if i % 5 == 4:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
        page = (f"<!doctype html><html><head><title>{html.escape(paras[0])}</title>"
                f'<meta property="og:site_name" content="{rng.choice(SWAPS["outlets"])}">'
                f'<meta property="article:published_time" content="2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}">'
                "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                "<div class='cookie-banner'>We use cookies.</div>"
                f"<article><h1>{html.escape(paras[0])}</h1>{body}</article>"
                "<aside class='related'><h2>Related stories</h2><a href='/x'>Another story</a></aside>"
                "<footer>© News Corp</footer></body></html>")
        return f"a{i:06d}.html", page
    return f"a{i:06d}.txt", "\n".join(paras) + "\n"


def build(target: Path, n: int, sources: Path, seed: int = 20251120) -> list[Path]:
    """Write n articles under target (reused when already complete)."""
    target.mkdir(parents=True, exist_ok=True)
    marker = target / ".complete"
    if marker.exists() and marker.read_text() == f"{n}:{seed}":
        return sorted(p for p in target.iterdir() if p.suffix in (".txt", ".html"))
    for old in target.iterdir():
        old.unlink()
    rng = random.Random(seed)
    bases = _paragraphs(sources)
    paths = []
    for i in range(n):
        name, content = article(i, bases, rng)
        path = target / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    marker.write_text(f"{n}:{seed}")
    return paths
