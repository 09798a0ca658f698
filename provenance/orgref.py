"""Organisation mentions inside one article: the whole name and back-references.

- A mention that is the tail of a longer noun phrase in the text takes the whole
  phrase: 'Ukraine's air force said' given as 'force', 'the Coordination
  Headquarters for the Treatment of ...' given from 'the Treatment'.
- A descriptor before a proper name is not part of the name: 'group Nordwatch'
  -> 'Nordwatch'.
- A definite description ('the ministry', 'the channel', 'the General Staff')
  refers to the latest earlier organisation with that head: a name in
  apposition ('the channel Baltwatch'), a capitalised name ending in the head
  ('Nordland's Defence Ministry'), or the latest organisation speaker with that
  head.  The owner comes with it: 'the ministry' after 'Nordland's Defence
  Ministry' is Nordland's, never another country's.
Used by provenance.resolve.Resolver.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from provenance.attribute.lexicon import lexicon
from provenance.coref import head_word

_WORD = r"[\w’'-]+"
# the modifiers before a mention, back to a determiner or a possessive owner, within 5 words
_LEFT = re.compile(rf"(?:(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+|(?<![\w’'-])([A-Z][\w-]*['’]s)\s+)((?:{_WORD}\s+){{1,5}})$")
# a capitalised name cut at a connector: 'Coordination Headquarters for ' + 'the Treatment of ...'
_CUT = re.compile(r"(?:(?<![\w’'-])[A-Z][\w-]*['’]s\s+)?((?:[A-Z][\w’'-]*\s+){1,5}(?:for|of|on|in)\s+)$")
_FUNCTION = {"and", "or", "but", "that", "which", "who", "said", "says", "to", "of", "in", "on", "for", "with", "by",
             "from", "at", "as", "than", "while", "after", "before", "when", "also", "not", "had", "has", "have",
             "was", "were", "is", "are", "be", "been", "it", "its", "their", "his", "her"}
_DET = re.compile(r"^(?:the|a|an)\s+", re.I)


def _modifier(w: str, lex) -> bool:
    low = w.lower()
    return w[:1].isupper() or (low not in _FUNCTION and low not in lex.determiners and not lex.form_lemma.get(low)
                               and not low.endswith("ly"))


def full_phrase(text: str, pos: int, mention: str) -> str | None:
    """The longer organisation name that ends with the mention at pos, or None."""
    lex = lexicon()
    before = text[max(0, pos - 120):pos]
    cut = before.rfind("\n")
    if cut >= 0:
        before = before[cut + 1:]
    m = _CUT.search(before)
    if m and (mention[:1].isupper() or mention.lower().startswith("the ")) \
            and any(w.lower() in lex.organization_heads for w in m.group(1).split()):
        return _DET.sub("", m.group(1)) + mention
    words = mention.split()
    if not words or not _org_head(head_word([w.lower() for w in words])) or mention[:1].isupper() and len(words) > 1:
        return None
    m = _LEFT.search(before)
    if not m or not all(_modifier(w, lex) for w in m.group(2).split()):
        return None
    owner = f"{m.group(1)} " if m.group(1) else ""
    return owner + m.group(2) + _DET.sub("", mention)


def _org_head(word: str) -> bool:
    heads = lexicon().organization_heads
    return word in heads or word + "s" in heads or (word.endswith("s") and word[:-1] in heads)


_CONNECTORS = {"of", "for", "on", "the", "a", "and", "in", "&"}


def proper_org(mention: str) -> str | None:
    """'the Association of Flight Attendants' -> 'Association of Flight Attendants': capitalised words (joined by
    of/for/on/the/and) with an organisation head among them are an organisation, not a person's name."""
    whole = _DET.sub("", mention.strip())
    owner = re.match(r"[A-Z][\w-]*['’]s\s+", whole)
    words = whole[owner.end() if owner else 0:].split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words):
        return None
    caps = [w for w in words if w[:1].isupper()]
    if not any(_org_head(w.lower()) for w in (caps[0], caps[-1])) and not any(
            _org_head(words[k - 1].lower()) for k in range(1, len(words)) if words[k] in ("of", "for", "on")):
        return None
    return whole


def descriptor_name(mention: str) -> str | None:
    """'group Nordwatch' -> 'Nordwatch': lower-case descriptor words before one proper name."""
    words = _DET.sub("", mention).split()
    k = 0
    while k < len(words) and words[k][:1].islower():
        k += 1
    if 0 < k < len(words) and words[k - 1].lower() in lexicon().organization_heads | _DESCRIPTORS \
            and all(w[:1].isupper() for w in words[k:]):
        return " ".join(words[k:])
    return None


_DESCRIPTORS = {"channel", "outlet", "blog", "site", "website", "project", "platform", "monitor", "account"}


def back_reference(text: str, pos: int, mention: str) -> str | None:
    """The phrase of the text that a definite description refers back to ('the channel' -> 'Baltwatch',
    'the ministry' -> "Nordland's Defence Ministry"), or None."""
    m = re.fullmatch(r"(?:[Tt]he|[Ii]ts)\s+((?:[A-Za-z][\w-]*\s+){0,2})([A-Za-z][\w-]*)", mention.strip())
    if not m:
        return None
    head = m.group(2)
    if head.lower() not in lexicon().organization_heads | _DESCRIPTORS:
        return None
    mods = {w.lower() for w in m.group(1).split()}  # 'the General Staff': the name found must say 'general'

    before = text[:pos]
    best: tuple[int, str] | None = None
    # a proper name in apposition after the head: 'the Telegram channel Baltwatch'
    for a in re.finditer(rf"\b{re.escape(head.lower())}\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})", before):
        if mods <= {w.lower() for w in a.group(1).split()} | {head.lower()}:
            best = (a.start(), a.group(1))
    # a capitalised name that ends in the head: "Nordland's Defence Ministry", 'the General Staff'
    cap = head[:1].upper() + head[1:].lower()
    for a in re.finditer(rf"((?:[A-Z][\w’'-]*\s+){{0,4}}){cap}\b", before):
        name = a.group(1) + cap
        if len(name.split()) > 1 and mods <= {w.lower() for w in name.split()} and (best is None or a.start() > best[0]):
            best = (a.start(), name)
    return best[1] if best else None


_SUBJECT = re.compile(r"[\s“\"‘'(]*(?:The\s+|the\s+)?((?:[A-Z0-9][\w.-]*(?:['’]s)?\s+){0,5}?[A-Z][\w.-]*)"
                      r"(?=['’]s\s+[a-z]|\s+[a-z]|,)")


def sentence_subject(text: str, start: int, end: int) -> str | None:
    """The capitalised noun phrase a sentence opens with ('The Westrian Navy said ...', "The Kremlin's version
    went further"), as the antecedent of a later 'it'; None when the sentence opens otherwise."""
    m = _SUBJECT.match(text, start, end)
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def _statement_re() -> re.Pattern:
    heads = json.loads((Path(__file__).parent / "rules" / "speakers.json").read_text(encoding="utf-8")).get(
        "statement_heads", [])
    alt = "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:(?:the|a|an|its|their|his|her|this|that)\s+)?(?P<owner>.*?)\s*\b(?:{alt})\b.*", re.I)


def statement_owner(mention: str) -> tuple[bool, str | None]:
    """Is the mention a statement ('the statement on trade', "Nordland's readout"), and who made it as the
    mention says (None when it does not say: 'the statement', 'a joint statement')."""
    m = _statement_re().fullmatch(mention.strip())
    if not m:
        return False, None
    owner = re.sub(r"['’]s?$", "", m.group("owner").strip())
    words = [w for w in owner.split() if w[:1].isupper()]
    return True, (owner if words else None)
