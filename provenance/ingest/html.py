"""HTML articles: the article body only, one paragraph per line.

Junk is removed from the parsed page first (title, script, style, iframe, noscript,
template, svg, forms, nav, aside, header, footer, figcaption, hidden elements,
and elements whose class/id/role marks them as cookie banners, ads,
newsletter boxes, related-story lists, share bars, comments ...).  The cleaned
page goes to trafilatura.extract (an HTML string, never a URL); when it
returns nothing, a bs4 fallback takes [itemprop=articleBody], <article>,
<main> or the element with the most paragraph text.  The headline (<h1>, else
the page title) becomes the first line if the body does not start with it.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .normalize import normalize_text

_JUNK_TAGS = ("title", "script", "style", "iframe", "noscript", "template", "svg", "canvas", "form", "button",
              "input", "select", "textarea", "nav", "aside", "header", "footer", "figcaption", "dialog",
              "object", "embed", "video", "audio", "link", "meta")
_JUNK_WORDS = re.compile(
    r"(?:^|[-_\s])(?:ads?|advert\w*|adslot|ad-?container|sponsor\w*|promo\w*|cookies?|consent|gdpr|"
    r"newsletter\w*|subscri\w*|signup|related|recommend\w*|more-?stories|read-?more|share|sharing|social|"
    r"outbrain|taboola|nav|navbar|navigation|menu|breadcrumbs?|comments?|sidebar|popup|modal|paywall|"
    r"banner|masthead|site-?header|site-?footer|footer|caption|credits?|tags|author-?bio|disclaimer)"
    r"(?:$|[-_\s])", re.IGNORECASE)
_JUNK_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
_KEEP = {"html", "body", "main", "article"}
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt")
_CONTENT_XPATHS = ('//*[@itemprop="articleBody"]', "//article", "//main", '//*[@role="main"]')
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def _drop(el) -> None:
    """Remove EL and its subtree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "display:none" in style


def _junk_attr(el) -> bool:
    words = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return bool(words and _JUNK_WORDS.search(words)) or (el.get("role") or "").lower() in _JUNK_ROLES


def _ptext(el) -> int:
    return sum(len(p.text_content().strip()) for p in el.iter("p"))


def parse_html(html: str):
    """An lxml document, or None when there is nothing to parse."""
    try:
        return lxml_html.document_fromstring(_XML_DECL.sub("", html))
    except (etree.ParserError, ValueError):
        return None


def clean_tree(doc):
    """Remove junk elements in place (never html/body/main/article, nor an
    element that holds the headline, the article body or most of the text)."""
    for el in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    for el in list(doc.iter(*_JUNK_TAGS)):
        if el.getparent() is None:
            continue
        if el.tag == "header" and el.xpath("ancestor::article") and el.find(".//h1") is not None:
            for sub in list(el):  # an article's own header: keep the headline only
                if sub.tag != "h1" and sub.find(".//h1") is None:
                    _drop(sub)
            continue
        _drop(el)
    protected = set()
    for el in doc.xpath('//h1 | //article | //main | //*[@itemprop="articleBody"]'):
        protected.update(el.iterancestors())
        protected.add(el)
    total = _ptext(doc)
    for el in list(doc.iter(etree.Element)):
        if el in protected or el.tag in _KEEP or el.getparent() is None:
            continue
        if _hidden(el):
            _drop(el)
        elif _junk_attr(el) and (not total or _ptext(el) <= 0.4 * total):
            _drop(el)  # (a junk-looking class on most of the text is a false alarm)
    return doc


def _block_text(root) -> str:
    lines = []
    for el in root.iter(*_BLOCKS):
        if next(el.iterdescendants(*_BLOCKS), None) is not None:
            continue  # the innermost blocks carry the text
        text = " ".join(el.text_content().split())
        if text:
            lines.append(text)
    return "\n".join(lines) if lines else root.text_content()


def _fallback(doc) -> str:
    for xp in _CONTENT_XPATHS:
        for root in doc.xpath(xp)[:1]:
            if root.text_content().strip():
                return _block_text(root)
    best, best_len = None, 0
    for el in doc.iter(etree.Element):
        n = sum(len(p.text_content().strip()) for p in el.iterchildren("p"))
        if n > best_len:
            best, best_len = el, n
    return _block_text(best if best is not None else doc)


def _trafilatura(html: str) -> str:
    import trafilatura

    try:
        out = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True,
                                  include_images=False, include_links=False, deduplicate=False,
                                  with_metadata=False)
    except Exception:  # a crash inside the extractor means "nothing found"; the fallback takes over
        return ""
    return out or ""


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


def html_body(html: str, headline: str | None = None) -> str:
    """The article text of an HTML page, normalised; '' when there is none."""
    doc = parse_html(html)
    if doc is None:
        return ""
    doc = clean_tree(doc)
    h1 = doc.find(".//h1")
    h1_text = normalize_text(h1.text_content()) if h1 is not None else ""
    body = normalize_text(_trafilatura(lxml_html.tostring(doc, encoding="unicode")))
    if not body:
        body = normalize_text(_fallback(doc))
    if not body:
        return ""
    head = h1_text or normalize_text(headline or "")
    if re.search(r"<[A-Za-z!/]", head):
        head = ""  # an unclosed <title> swallowed markup: not a headline
    first = body.split("\n", 1)[0]
    if head and _key(first) != _key(head):
        if body.count("\n") == 0 and _key(body) == _key(head):
            return ""  # only a headline: no article text
        body = head + "\n" + body
    elif body.count("\n") == 0 and head and _key(first) == _key(head):
        return ""
    return body
