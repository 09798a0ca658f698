"""Claims per day by outlet: the counts (one GROUP BY) and an SVG drawn
on the server as plain geometry for the template (no script, no library)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Claim, Outlet, Source

OUTLET_COLOURS = 8  # .o0 ... .o7 in static/style.css; more outlets share .o-other
WIDTH, HEIGHT, PAD = 720, 180, 28
MAX_DAYS = 400
BAR_MAX = 24  # px: a day's bar is no wider, however few the days


def claims_per_day(session: Session, speaker_ids: list[int]) -> list[dict]:
    """[{day, outlet, claims}] for these speakers' claims, by day then outlet; undated claims left out."""
    day = func.substr(Source.published, 1, 10)
    q = (select(day, Outlet.name, func.count()).select_from(Claim).join(Source, Claim.source_id == Source.id)
         .outerjoin(Outlet, Source.outlet_id == Outlet.id)
         .where(Claim.speaker_id.in_(speaker_ids), Source.published.is_not(None))
         .group_by(day, Outlet.name).order_by(day, Outlet.name))
    return [{"day": d, "outlet": o, "claims": n} for d, o, n in session.execute(q) if _day(d)]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def day_chart(rows: list[dict]) -> dict | None:
    """Stacked bars, one per day from the first to the last (at most MAX_DAYS, the latest kept)."""
    if not rows:
        return None
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["outlet"] or "(no outlet)"] = totals.get(r["outlet"] or "(no outlet)", 0) + r["claims"]
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    colour = {o: f"o{i}" if i < OUTLET_COLOURS else "o-other" for i, o in enumerate(ranked)}
    last = max(_day(r["day"]) for r in rows)
    first = max(min(_day(r["day"]) for r in rows), last - timedelta(days=MAX_DAYS - 1))
    days = (last - first).days + 1
    per_day: dict[int, list[tuple[str, int]]] = {}
    for r in rows:
        i = (_day(r["day"]) - first).days
        if i >= 0:
            per_day.setdefault(i, []).append((r["outlet"] or "(no outlet)", r["claims"]))
    peak = max(sum(n for _, n in v) for v in per_day.values())
    step = (WIDTH - 2 * PAD) / days
    scale = (HEIGHT - 2 * PAD) / peak
    bars = []
    for i, stack in sorted(per_day.items()):
        y = HEIGHT - PAD
        day = (first + timedelta(days=i)).isoformat()
        for outlet, n in sorted(stack, key=lambda t: ranked.index(t[0])):
            h = n * scale
            y -= h
            w = min(max(step * 0.8, 1), BAR_MAX)
            bars.append({"x": round(PAD + i * step + (step - w) / 2, 2), "y": round(y, 2), "w": round(w, 2),
                         "h": round(h, 2), "cls": colour[outlet], "title": f"{day} {outlet}: {n}"})
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "bars": bars, "peak": peak,
            "first": first.isoformat(), "last": last.isoformat(),
            "legend": [{"outlet": o, "cls": colour[o], "claims": totals[o]} for o in ranked[:OUTLET_COLOURS + 4]]}
