"""Speaker resolution: mentions as written -> canonical speakers.

Full names, surnames, title + name, role nouns ("the Ukrainian president"),
pronouns (nearest compatible antecedent; two equally plausible candidates
leave the claim unresolved with a reason), organisations, anonymous sources
(kept as written), documents (named after the plan when the article makes it
clear).  Known spellings and roles are data: rules/speakers.json, plans.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from provenance.attribute.frames import Attribution, tokenize
from provenance.attribute.lexicon import lexicon, norm_key
from provenance.attribute.relay import outlet_name
from provenance.records import Article, ExtractedClaim

_DETS = re.compile(r"^(?:the|a|an|another|his|her|its|their|our)\s+", re.I)
_OFFICE = re.compile(r"^(?P<owner>.+?)['’]s?\s+office$|^(?P<pron>his|her|their)\s+office$", re.I)
_NAMEISH = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+|[A-Z][\w’'-]+")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    type: str | None
    role: str | None = None
    gender: str = "?"
    unresolved: str | None = None


class _Known:
    def __init__(self) -> None:
        lex = lexicon()
        self.alias: dict[str, dict] = {}
        self.roles: dict[str, dict] = {}
        for e in lex.speakers:
            for a in [e["name"]] + e.get("aliases", []):
                self.alias.setdefault(norm_key(a), e)
            for r in e.get("roles", []):
                self.roles.setdefault(norm_key(r), e)


_KNOWN: _Known | None = None


def known() -> _Known:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = _Known()
    return _KNOWN


def _speaker(e: dict, role: str | None = None) -> Speaker:
    return Speaker(e["name"], e["type"], role, e.get("gender", "?"))


def split_name(mention: str) -> tuple[str | None, str | None]:
    """'Kremlin spokesman Dmitry Peskov' -> ('Dmitry Peskov', 'Kremlin spokesman')."""
    lex = lexicon()
    toks = mention.replace("’", "'").split()
    name: list[str] = []
    for t in reversed(toks):
        low = t.lower()
        if t[:1].isupper() and low not in lex.role_words and low.rstrip(".") + "." not in lex.role_words \
                and not t.endswith("'s") and low not in lex.not_name_words:
            name.insert(0, t)
        else:
            break
    if not name:
        return None, None
    role = " ".join(toks[: len(toks) - len(name)]).strip(" ,") or None
    orig = mention.split()
    return " ".join(orig[len(orig) - len(name):]), (" ".join(orig[: len(orig) - len(name)]).strip(" ,") or None) if role else None


class Resolver:
    def __init__(self, text: str, masked: str, seg) -> None:
        self.text = text
        self.seg = seg
        self.k = known()
        self.lex = lexicon()
        self.full_names: dict[str, str] = {}  # surname -> longest full name in the article
        self.person_pos: list[tuple[int, Speaker]] = []
        for m in _NAMEISH.finditer(masked):
            sp = self._name_lookup(re.sub(r"['’]s$", "", m.group(0)), scan=True)
            if sp is not None and sp.type == "person":
                self.person_pos.append((m.start(), sp))
        self.person_pos.sort(key=lambda x: x[0])
        self.pos_keys = [p for p, _ in self.person_pos]
        self.sent_starts = [s.start for s in seg.segments.sentences]
        self.claim_speakers: list[tuple[int, int, Speaker]] = []  # (sentence, pos, speaker)
        self.role_of: dict[str, str] = {}  # role as written (normalised) -> person
        self.plan_counts: dict[str, int] = {}
        self.last_doc: Speaker | None = None
        self.last_doc_head = ""
        self.last_anon: dict[str, Speaker] = {}
        self._plan_pos: dict[str, list[int]] | None = None

    # -- names ---------------------------------------------------------
    def _name_lookup(self, s: str, scan: bool = False) -> Speaker | None:
        s = s.strip(" ,.")
        name, role = split_name(s)
        if not name:
            return None
        e = self.k.alias.get(norm_key(name))
        if e is not None:
            return _speaker(e, role)
        parts = name.split()
        if len(parts) >= 2:
            surname = parts[-1]
            e = self.k.alias.get(norm_key(surname))
            if e is not None and e["type"] == "person" and not scan:
                return _speaker(e, role)
            cur = self.full_names.get(surname.lower())
            if scan and (cur is None or len(name) > len(cur)):
                self.full_names[surname.lower()] = name
            return Speaker(self.full_names.get(surname.lower(), name), "person", role)
        full = self.full_names.get(name.lower())
        if full:
            return Speaker(full, "person", role)
        return None

    def _plan_name(self, mention: str, pos: int) -> str:
        plans = self.lex.plans
        low = mention.lower()
        base = None
        for d in plans["descriptors"]:
            if d["match"] in low:
                base = d["name"]
                break
        if base is None:
            best, score = None, (0, -1)
            for name, positions in self._plan_positions().items():
                k = bisect_right(positions, pos)
                if k:
                    sc = (k, positions[k - 1])
                    if sc > score:
                        best, score = name, sc
            base = best or (self.last_doc.name if self.last_doc and self.last_doc.name and "agreement" not in self.last_doc.name else None) or plans["generic"]
        for d in plans["derived"]:
            if d["match"] in low:
                return base + d["suffix"]
        return base

    def _plan_positions(self) -> dict[str, list[int]]:
        if self._plan_pos is None:
            low = self.text.lower()
            pp: dict[str, list[int]] = {}
            for d in self.lex.plans["descriptors"]:
                pp.setdefault(d["name"], []).extend(m.start() for m in re.finditer(re.escape(d["match"]), low))
            self._plan_pos = {k: sorted(v) for k, v in pp.items() if v}
        return self._plan_pos

    # -- mentions ------------------------------------------------------
    def resolve(self, att: Attribution) -> Speaker:
        if att.speaker is not None or att.unresolved:
            return Speaker(att.speaker, att.speaker_type, att.role, "?", att.unresolved)
        if att.mention is None:
            if att.kind == "document":
                name = self.last_doc.name if (self.last_doc and att.rule == "document.continuation") else self._plan_name("", att.start)
                return Speaker(name, "document")
            return Speaker(None, None, None, "?", "no speaker found")
        m = att.mention.text.strip(" ,")
        low = m.lower()
        pos = att.mention.start
        if low in ("he", "she", "him", "her", "they", "them", "it", "we", "i"):
            return self._pronoun(low, pos, att)
        if outlet_name(m):
            return Speaker(outlet_name(m), "outlet")
        words = low.replace("’", "'").split()
        head = words[-1] if words else ""
        if head in self.lex.document_heads or att.kind == "document":
            name = self._plan_name(m, pos)
            sp = Speaker(name, "document")
            self.last_doc, self.last_doc_head = sp, head
            return sp
        om = _OFFICE.match(m)
        if om:
            owner = self._pronoun(om.group("pron").lower().replace("his", "he").replace("her", "she"), pos, att) if om.group("pron") else self._resolve_text(om.group("owner"), pos)
            e = self.k.alias.get(norm_key(owner.name or "")) if owner.name else None
            if e and e.get("office"):
                return Speaker(e["office"], "organization")
            e = self.k.alias.get(norm_key(m))
            if e:
                return _speaker(e)
            return Speaker(f"{owner.name}'s office" if owner.name else m, "organization", None, "?",
                           None if owner.name else owner.unresolved)
        return self._resolve_text(m, pos)

    def _resolve_text(self, m: str, pos: int) -> Speaker:
        lex = self.lex
        e = self.k.alias.get(norm_key(m))
        if e is not None:
            return _speaker(e)
        sp = self._name_lookup(m)
        if sp is not None:
            if sp.role:
                self.role_of[norm_key(sp.role)] = sp.name
            e = self.k.alias.get(norm_key(sp.name))
            return sp if e is None else _speaker(e, sp.role)
        bare = _DETS.sub("", m)
        words = norm_key(bare).split()
        head = words[-1] if words else ""
        if head in lex.anonymous_heads or head in lex.quantifiers:
            if m.lower().startswith("the ") and head in self.last_anon:
                return self.last_anon[head]
            sp = Speaker(m[0].lower() + m[1:] if m[:1].isupper() and not m.split()[0][1:2].isupper() and m.split()[0].lower() in lex.determiners | lex.quantifiers else m, "anonymous")
            self.last_anon[head] = sp
            return sp
        key = norm_key(bare)
        e = self.k.roles.get(key)
        if e is None:
            for r, ent in self.k.roles.items():
                if head in r.split() and set(words) <= set(r.split()):
                    e = ent
                    break
        if e is not None:
            return _speaker(e, bare)
        for r, person in self.role_of.items():
            if head in r.split() and set(words) <= set(r.split()):
                return Speaker(person, "person", bare)
        e = self.k.alias.get(norm_key(bare))
        if e is not None:
            return _speaker(e)
        if head in lex.organization_heads or head in ("kremlin",):
            return Speaker(re.sub(r"^the\s+", "", m, flags=re.I), "organization")
        if head in lex.role_words:
            return Speaker(None, "person", bare, "?", f"role '{m}' names no person in the article")
        if m[:1].isupper() and len(m.split()) == 1:
            return Speaker(m, "person")
        return Speaker(m, "organization")

    def _compatible(self, sp: Speaker, g: str) -> bool:
        if sp is None or sp.type != "person" or not sp.name:
            return False
        gender = sp.gender
        if gender == "?":
            e = self.k.alias.get(norm_key(sp.name))
            gender = e.get("gender", "?") if e else "?"
        return gender == "?" or g == "?" or gender == g

    def _pronoun(self, p: str, pos: int, att: Attribution) -> Speaker:
        g = self.lex.pronouns.get(p, "?")
        if p in ("it",):
            if self.last_doc is not None:
                return self.last_doc
            return Speaker(None, None, None, "?", "'it' has no document antecedent")
        if p in ("they", "them", "we", "i"):
            for _, _, sp in reversed(self.claim_speakers):
                if sp.type in ("anonymous", "organization"):
                    return sp
            return Speaker(None, None, None, "?", f"'{p}' has no antecedent")
        si = bisect_right(self.sent_starts, pos) - 1
        s_start = self.sent_starts[si] if si >= 0 else 0
        # 1. earlier in the same sentence
        i = bisect_right(self.pos_keys, pos) - 1
        while i >= 0 and self.person_pos[i][0] >= s_start:
            sp = self.person_pos[i][1]
            if self._compatible(sp, g):
                return sp
            i -= 1
        # 2. previous sentences: the speaker of a claim, else a single named person
        for back in range(1, 4):
            k = si - back
            if k < 0:
                break
            cands = [sp for s, _, sp in self.claim_speakers if s == k and self._compatible(sp, g)]
            if cands:
                return cands[0]
            ks, ke = self.sent_starts[k], self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
            lo, hi = bisect_right(self.pos_keys, ks - 1), bisect_right(self.pos_keys, ke - 1)
            names = []
            for _, sp in self.person_pos[lo:hi]:
                if self._compatible(sp, g) and sp.name not in [n.name for n in names]:
                    names.append(sp)
            if len(names) == 1:
                return names[0]
            if len(names) > 1:
                return Speaker(None, "person", None, "?",
                               f"'{p}' is ambiguous: " + " or ".join(n.name for n in names))
        return Speaker(None, "person", None, "?", f"'{p}' has no antecedent in reach")

    def joint(self, att: Attribution) -> list[Speaker] | None:
        """'A, B and C said' -> one speaker per named person."""
        if att.mention is None or not re.search(r"\band\b|,", att.mention.text):
            return None
        parts = re.split(r",\s*|\s+and\s+", att.mention.text)
        out = []
        for p in parts:
            sp = self._name_lookup(p.strip())
            if sp is not None and sp.type == "person" and sp.name not in [o.name for o in out]:
                out.append(sp)
        return out if len(out) >= 2 else None

    def note(self, att: Attribution, sp: Speaker) -> None:
        si = att.sentence
        self.claim_speakers.append((si, att.start, sp))
        if sp.type == "document":
            self.last_doc = sp


def resolve_claims(article: Article, atts: list[Attribution], seg, masked: str) -> list[ExtractedClaim]:
    text = article.text
    r = Resolver(text, masked, seg)
    resolved: list[tuple[Attribution, Speaker]] = []
    atts = sorted(atts, key=lambda a: (a.start, a.cue_start))
    for a in atts:
        if a.rule == "direct.floating" and a.mention is not None and resolved:
            prev = next((sp for pa, sp in reversed(resolved) if pa.kind in ("direct", "mixed")), None)
            if prev is not None:
                resolved.append((a, prev))
                continue
        js = r.joint(a)
        if js:
            for sp in js:
                resolved.append((a, sp))
                r.note(a, sp)
            continue
        sp = r.resolve(a)
        resolved.append((a, sp))
        r.note(a, sp)
    _headline_speakers(text, seg, resolved)
    mentions: dict[str, list[str]] = {}
    for a, sp in resolved:
        if sp.name and a.mention is not None and a.mention.text.lower() not in lexicon().pronouns:
            mentions.setdefault(sp.name, [])
            if a.mention.text not in mentions[sp.name]:
                mentions[sp.name].append(a.mention.text)
    out = []
    for a, sp in resolved:
        kind = "document" if sp.type == "document" else (a.kind if a.kind != "document" else "indirect")
        aliases = tuple(x for x in mentions.get(sp.name or "", []) if x != sp.name)
        out.append(ExtractedClaim(
            start=a.start, end=a.end, kind=kind, cue=a.cue, rule=a.rule, speaker_name=sp.name,
            speaker_mention=a.mention.text if a.mention is not None else (sp.name if sp.name else None),
            speaker_type=sp.type, role=sp.role, quote=a.quote, via=a.via,
            unresolved=sp.unresolved if not sp.name else None, aliases=aliases))
    return out


def _headline_speakers(text: str, seg, resolved) -> None:
    """A headline's quoted words take the speaker the body gives the same words."""
    blocks = {b.index: b for b in seg.blocks}
    sents = seg.segments.sentences
    for i, (a, sp) in enumerate(resolved):
        if blocks[sents[a.sentence].paragraph].kind != "heading" or not a.quote:
            continue
        key = re.sub(r"\W+", " ", a.quote.lower()).strip()
        if not key:
            continue
        for b, bsp in resolved:
            if b is a or blocks[sents[b.sentence].paragraph].kind == "heading" or not b.quote or not bsp.name:
                continue
            if key in re.sub(r"\W+", " ", b.quote.lower()):
                resolved[i] = (a, bsp)
                break
