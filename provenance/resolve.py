"""Speaker resolution: mentions as written -> canonical speakers.

Full names, surnames, title + name (with name particles: Pieter van Dam),
organisations, anonymous sources and unnamed roles (kept as written),
documents.  Pronouns, role nouns and plan names that refer back into the
article are provenance.coref.  Known spellings and roles are data:
rules/speakers.json, plans.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from provenance.attribute.frames import Attribution
from provenance.attribute.lexicon import lexicon, norm_key
from provenance.attribute.relay import outlet_phrase
from provenance.mentions import tidy
from provenance.names import ArticleNames
from provenance.orgref import back_reference, descriptor_name, full_phrase, proper_org, statement_owner
from provenance.coref import CorefMixin, head_word, name_regex, name_runs
from provenance.records import Article, ExtractedClaim
from provenance.speaker_names import Speaker, _as_written, _speaker, known, split_name  # noqa: F401 (re-exported)

_STANDALONE_SUBJ = {"another", "many", "some", "several", "others", "most", "few", "both"}
_DETS = re.compile(r"^(?:the|a|an|another|his|her|its|their|our)\s+", re.I)
_OFFICE = re.compile(r"^(?P<owner>.+?)['’]s?\s+office$|^(?P<pron>his|her|their)\s+office$", re.I)
_POSSESSIVE_END = re.compile(r"['’]s$")
_JOINT = re.compile(r"\band\b|,")


class Resolver(CorefMixin):
    def __init__(self, text: str, masked: str, seg) -> None:
        self.text = text
        self.masked = masked
        self.seg = seg
        self.k = known()
        self.lex = lexicon()
        self._people: tuple[list, list] | None = None
        self.sent_starts = [s.start for s in seg.segments.sentences]
        # speakers of the claims resolved so far, indexed for pronouns: by sentence, and the latest of each kind
        self.speakers_in: dict[int, list[Speaker]] = {}
        self.last_thing: Speaker | None = None  # latest named organisation or document ('it')
        self.last_group: Speaker | None = None  # latest organisation or anonymous group ('they')
        self.role_of: dict[str, str] = {}  # role as written (normalised) -> person
        self.last_doc: Speaker | None = None
        self.last_doc_head = ""
        self.last_anon: dict[str, Speaker] = {}
        self._plan_pos: dict[str, list[int]] | None = None
        self._roles = None
        self._titles: dict[str, set[str]] | None = None  # surname -> genders its titles give ('Mrs. Holm')
        self._mentioned: dict[str, bool] = {}
        self.names = ArticleNames()
        for start, run in name_runs(name_regex(), masked):  # full names, so that a later bare surname resolves
            name, _ = split_name(_POSSESSIVE_END.sub("", run))
            if name and " " in name:
                self.names.add(name, start)

    def people(self) -> tuple[list[tuple[int, Speaker]], list[int]]:
        """Named persons with their positions (for pronouns); built on first use."""
        if self._people is None:
            pp: list[tuple[int, Speaker]] = []
            for start, run in name_runs(name_regex(single=True), self.masked):
                sp = self._name_lookup(_POSSESSIVE_END.sub("", run), scan=True)
                if sp is not None and sp.type == "person":
                    pp.append((start, sp))
            self._people = (pp, [p for p, _ in pp])
        return self._people

    def _sentence_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

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
        if parts[-1].lower() in self.lex.organization_heads and not scan:
            return None  # "Rapid Reaction Corps", "Harbour Authority": a body's name, no person's
        if len(parts) >= 2:
            e = self.k.alias.get(norm_key(parts[-1]))
            if e is not None and e["type"] == "person" and not scan and parts[0][:1] == e["name"][:1]:
                return _speaker(e, role)  # a known person's surname with a compatible given name
            return Speaker(self.names.full(name), "person", role)
        people = self.names.people_named(name)
        if len(people) == 1 or (len(people) > 1 and self._sentence_of(people[0][0]) < self._sentence_of(people[1][0])):
            return Speaker(people[0][1], "person", role)  # the one, or the one introduced before the others
        if len(people) > 1:  # introduced together: recorded, not guessed
            return Speaker(None, "person", role, "?", f"'{name}' is ambiguous: " + " or ".join(n for _, n in people))
        if role and role.split()[-1].lower() in self.lex.role_words and name[:1].isupper() and "." not in name:
            g = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}.get(role.split()[-1].lower(), "?")
            return Speaker(name, "person", role, g)  # "Mr. Hale", "Coach Albrecht"
        return None

    # -- mentions ------------------------------------------------------
    def resolve(self, att: Attribution) -> Speaker:
        if att.speaker is not None or att.unresolved:
            return Speaker(att.speaker, att.speaker_type, att.role, "?", att.unresolved)
        if att.mention is None:
            if att.kind == "document":
                name = self.last_doc.name if (self.last_doc and att.rule == "document.continuation") else self._plan_name("", att.start)
                return Speaker(name, "document")
            return Speaker(None, None, None, "?", "no speaker found")
        m = tidy(att.mention.text.strip(" ,"))
        low = m.lower()
        pos = att.mention.start
        e = self.k.alias.get(norm_key(m))
        if e is not None and att.kind == "document" and e["type"] != "document":
            return _speaker(e)  # a known organisation or person is no document, whatever the cue
        if low in ("he", "she", "him", "her", "they", "them", "it", "we", "i"):
            return self._pronoun(low, pos, att)
        outlet = outlet_phrase(m)
        if outlet:
            return Speaker(outlet, "outlet")
        words = low.replace("’", "'").split()
        head = words[-1] if words else ""
        if head not in self.lex.document_heads and len(words) > 2 and head_word(words) in self.lex.document_heads \
                and words[0] in self.lex.determiners:
            head = head_word(words)  # "an internal memo from Delta Quay Terminals"
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
        org = self._organisation(m, pos)
        return org if org is not None else self._resolve_text(m, pos)

    def _organisation(self, m: str, pos: int) -> Speaker | None:
        """An organisation given in part: the whole name around it, a descriptor dropped, or the earlier
        organisation a definite description refers back to (provenance.orgref)."""
        is_statement, owner = statement_owner(m)
        if is_statement:  # a statement speaks for whoever made it
            if owner:
                return self._resolve_text(owner, pos)
            si = bisect_right(self.sent_starts, pos) - 1
            for k in range(si, max(si - 3, -1), -1):
                made = [sp for sp in self.speakers_in.get(k, ()) if sp.name and sp.type in ("organization", "person")]
                if made:
                    return made[-1]
        full = full_phrase(self.masked, pos, m)
        for phrase in (full, back_reference(self.masked, pos, m), proper_org(full or m), descriptor_name(m)):
            if phrase and phrase != m:
                e = self.k.alias.get(norm_key(phrase)) or self.k.alias.get(norm_key(_DETS.sub("", phrase)))
                if e is not None:
                    return _speaker(e)
                return Speaker(_DETS.sub("", phrase), "organization")
        return None

    def _resolve_text(self, m: str, pos: int) -> Speaker:
        lex = self.lex
        low = m.lower()
        e = self.k.alias.get(norm_key(m))
        if e is not None:
            return _speaker(e)
        sp = self._name_lookup(m)
        if sp is not None:
            if sp.name is None:
                return sp  # ambiguous
            if sp.role:
                self.role_of[norm_key(sp.role)] = sp.name
            e = self.k.alias.get(norm_key(sp.name))
            return sp if e is None else _speaker(e, sp.role)
        if low in _STANDALONE_SUBJ:
            return self._standalone(m, low, pos)
        bare = _DETS.sub("", m)
        words = norm_key(bare).split()
        head = head_word(words)
        if head in lex.anonymous_heads or head in lex.quantifiers:
            if m.lower().startswith("the ") and head in self.last_anon:
                return self.last_anon[head]
            sp = Speaker(_as_written(m), "anonymous")
            self.last_anon[head] = sp
            return sp
        e = self.k.roles.get(norm_key(bare))
        if e is not None:
            return _speaker(e, bare)
        personal = head in lex.role_words and head not in lex.organization_heads
        if personal:
            person = self._role_person(words, pos)
            if person is not None:
                sp = self._name_lookup(person)
                return Speaker(person, "person", bare, sp.gender if sp else "?")
            for r, person in self.role_of.items():
                if head in r.split() and set(words) <= set(r.split()):
                    return Speaker(person, "person", bare)
        for r, ent in self.k.roles.items():
            # the description's head must be the role's head: 'the general staff' is no 'chief of the general staff'
            if head == head_word(r.split()) and set(words) <= set(r.split()) and self._known_mentioned(ent):
                return _speaker(ent, bare)
        e = self.k.alias.get(norm_key(bare))
        if e is not None:
            return _speaker(e)
        if head in lex.organization_heads or head in ("kremlin",):
            return Speaker(re.sub(r"^the\s+", "", m, flags=re.I), "organization")
        if personal:
            return Speaker(_as_written(m), "anonymous", bare)
        if m[:1].isupper() and len(m.split()) == 1:
            return Speaker(m, "person")
        return Speaker(re.sub(r"^the\s+", "", m, flags=re.I), "organization")

    def _standalone(self, m: str, low: str, pos: int) -> Speaker:
        """'Another said', 'Many said': the group or source the article has just named
        ('one EU diplomat' -> 'another EU diplomat'; 'European officials ... Many said' -> 'many European officials')."""
        group = None
        if low == "another" and self.last_anon:
            prev = list(self.last_anon.values())[-1].name or ""
            group = _DETS.sub("", re.sub(r"^(?:one|a|an|the)\s+", "", prev, flags=re.I))
        if group is None:
            si = bisect_right(self.sent_starts, pos) - 1
            lo = self.sent_starts[max(0, si - 2)] if si >= 0 else 0
            heads = "|".join(sorted(self.lex.anonymous_heads | {"leaders", "ministers", "members"}, key=len, reverse=True))
            found = list(re.finditer(rf"\b((?:[A-Z][\w’'-]*\s+|[a-z]+\s+)?(?:{heads}))\b", self.masked[lo:pos]))
            found = [f for f in found if f.group(1).split()[-1].endswith("s") != (low == "another")]
            if found:
                g = found[-1].group(1)
                first = g.split()[0]
                if len(g.split()) > 1 and (first.lower() in self.lex.determiners or first.lower() in self.lex.quantifiers
                                           or first.lower() in self.lex.skip_words or self.lex.form_lemma.get(first.lower())):
                    g = " ".join(g.split()[1:])
                group = re.sub(r"^(?:one|a|an)\s+", "", g, flags=re.I)
        name = f"{low} {group}" if group else low
        sp = Speaker(name, "anonymous")
        self.last_anon[head_word(name.split())] = sp
        return sp

    def joint(self, att: Attribution) -> list[Speaker] | None:
        """'A, B and C said' -> one speaker per named person."""
        if att.mention is None or not _JOINT.search(att.mention.text):
            return None
        parts = re.split(r",\s*|\s+and\s+", att.mention.text)
        out = []
        for p in parts:
            p = re.sub(r"\s+(?:of|from|at)\s+.*$", "", p.strip())  # "Jonas Weber of Germany": the affiliation
            sp = self._name_lookup(p.strip())
            if sp is not None and sp.type == "person" and sp.name not in [o.name for o in out]:
                out.append(sp)
        return out if len(out) >= 2 else None

    def note(self, att: Attribution, sp: Speaker) -> None:
        self.speakers_in.setdefault(att.sentence, []).append(sp)
        if sp.type in ("document", "organization") and sp.name:
            self.last_thing = sp
        if sp.type in ("anonymous", "organization"):
            self.last_group = sp
        if sp.type == "document":
            self.last_doc = sp


def resolve_claims(article: Article, atts: list[Attribution], seg, masked: str) -> list[ExtractedClaim]:
    text = article.text
    r = Resolver(text, masked, seg)
    resolved: list[tuple[Attribution, Speaker]] = []
    last_quoted: Speaker | None = None  # speaker of the latest direct or mixed claim
    atts = sorted(atts, key=lambda a: (a.start, a.cue_start))
    for a in atts:
        if a.rule == "direct.floating" and a.mention is not None and last_quoted is not None:
            resolved.append((a, last_quoted))
            continue
        sps = r.joint(a) or [r.resolve(a)]
        for sp in sps:
            resolved.append((a, sp))
            r.note(a, sp)
        if a.kind in ("direct", "mixed"):
            last_quoted = sps[-1]
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
