"""Metadata embedded in an HTML page.

Sources, best first for each field:
- title: JSON-LD headline, og:title, <h1>, <title> (a trailing " | Site" that
  names the site or a known outlet is cut off);
- outlet: JSON-LD publisher.name, a byline naming a known outlet, og:site_name,
  meta publisher/application-name, the host of og:url / canonical link /
  JSON-LD url (outlets.json `hosts`), a known outlet after the <title>'s last
  separator ("Headline - Reuters"), the copyright line of the page footer
  ("© 2026 NAME. All rights reserved.");
- published: JSON-LD datePublished, article:published_time and similar meta
  tags, <time pubdate> / <time itemprop=datePublished>;
- author: JSON-LD author (string, object or list; @id references resolved in
  @graph), meta name=author / article:author (URLs ignored), byline elements
  (rel=author, .byline, [itemprop=author]);
- url: og:url, canonical link, JSON-LD url.
Outlet names go through outlets.json aliases ("Associated Press" -> "AP").
Bad JSON-LD is ignored.  Every value found is (value, origin).
"""
from __future__ import annotations

import json
import re
import warnings

from bs4 import BeautifulSoup, Tag

from .byline import is_name, join_names, parse_byline_text
from .dates import parse_date
from .normalize import normalize_text
from .outlets import canonical_outlet, outlet_for_host, outlet_name
from .publisher import copyright_name, without_labels
from .text import is_page_furniture

Found = dict[str, tuple[str, str]]

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                 "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
                 "SatiricalArticle", "ScholarlyArticle", "TechArticle", "AskPublicQuestion"}
_DATE_META = ("article:published_time", "og:article:published_time", "datePublished", "date", "pubdate",
              "publish-date", "publish_date", "publishdate", "dc.date", "dc.date.issued", "dcterms.created",
              "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_SITE_META = ("og:site_name", "publisher", "application-name", "dc.publisher")
_COPY_MARK = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
_FOOTER = re.compile(r"footer|copyright|colophon|contentinfo", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+[|\-–—:·•]\s+|\s+::\s+")


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> list[str]:
    wanted = {n.lower() for n in names}
    out: list[tuple[str, str]] = []
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key in wanted and (tag.get("content") or "").strip():
            out.append((key, tag["content"].strip()))
    order = [n.lower() for n in names]
    return [v for _, v in sorted(out, key=lambda kv: order.index(kv[0]))]


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return {str(x).split("/")[-1] for x in (t if isinstance(t, list) else [t]) if x}


def _walk(node, into: list) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, into)
    elif isinstance(node, dict):
        into.append(node)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                _walk(node[key], into)


def jsonld_objects(soup: BeautifulSoup) -> list[dict]:
    """Every JSON object in the page's JSON-LD blocks (lists and @graph flattened)."""
    objs: list[dict] = []
    for script in soup.find_all("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.string or script.get_text() or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$", "", raw).strip()
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # bad JSON-LD is ignored, not fatal
        _walk(data, objs)
    return objs


def _names(value, by_id: dict[str, dict]) -> list[str]:
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in by_id:
            item = by_id[item["@id"]]
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            out.append(" ".join(name.split()))
    return out


def _jsonld(soup: BeautifulSoup, found: Found, put) -> None:
    objs = jsonld_objects(soup)
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    article = next((o for o in objs if _types(o) & ARTICLE_TYPES), None)
    if article is None:
        return
    headline = article.get("headline") or article.get("name")
    if isinstance(headline, str):
        put("title", normalize_text(headline), "json-ld")
    date = article.get("datePublished") or article.get("dateCreated")
    if isinstance(date, str):
        put("published", parse_date(date), "json-ld")
    authors = [a for a in _names(article.get("author"), by_id) if not a.startswith("http")]
    people = [a for a in authors if canonical_outlet(a) is None]
    if people:
        put("author", join_names(people), "json-ld")
    publisher = _names(article.get("publisher"), by_id)
    if publisher:
        put("outlet", outlet_name(without_labels(publisher[0])), "json-ld")
    for a in authors:
        if canonical_outlet(a):
            put("outlet", canonical_outlet(a), "json-ld")
    url = article.get("url") or article.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if isinstance(url, str) and url.startswith("http"):
        put("url", url.strip(), "json-ld")


def _clean_title(title: str, site: str | None) -> str:
    parts = _TITLE_SEP.split(title)
    while len(parts) > 2 and without_labels(f"{parts[-2]} - {parts[-1]}") == parts[-2]:
        title, parts = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•"), parts[:-1]  # "... - English edition"
    if len(parts) > 1:
        tail = parts[-1]
        if canonical_outlet(tail) or (site and tail.casefold() == site.casefold()) or outlet_for_host(tail):
            return title[: title.rfind(tail)].rstrip(" |-–—:·•")
    return title


def _is_byline(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return ("author" in (tag.get("rel") or []) or tag.get("itemprop") == "author"
            or any(c in ("byline", "author", "author-name") for c in classes))


def _byline_elements(soup: BeautifulSoup, put) -> None:
    for el in soup.find_all(_is_byline):
        text = " ".join(el.get_text(" ").split())
        if not text or len(text) > 120:
            continue
        b = parse_byline_text(re.sub(r"^(?:by|written by|published by)\s*:?\s+", "", text, flags=re.I))
        if b:
            put("author", b.author, "byline")
            put("outlet", b.outlet, "byline")
            put("published", b.published, "byline")
            if b.author:
                return


def _in_footer(tag: Tag) -> bool:
    for el in [tag, *tag.parents]:
        if not isinstance(el, Tag):
            continue
        words = " ".join([el.name, el.get("role") or "", el.get("id") or "", *(el.get("class") or [])])
        if _FOOTER.search(words):
            return True
    return False


def footer_copyright(soup: BeautifulSoup) -> str | None:
    """The holder named by a copyright line in the page footer ("© 2026 NAME")."""
    for s in soup.find_all(string=_COPY_MARK):
        parent = s.parent
        if parent is None or parent.name in ("script", "style") or not _in_footer(parent):
            continue
        text = " ".join(parent.get_text(" ").split())
        m = _COPY_MARK.search(text)
        name = copyright_name(text[m.start():][:160]) if m else None
        if name:
            return name
    return None


def html_metadata(soup: BeautifulSoup) -> Found:
    """Metadata embedded in a parsed page (before any element is removed)."""
    found: Found = {}

    def put(field: str, value: str | None, origin: str) -> None:
        if field == "title" and value and is_page_furniture(value):
            return  # "Sign up now: ..." in an <h1> of a newsletter box
        if value and field not in found:
            found[field] = (value, origin)

    _jsonld(soup, found, put)
    site = next(iter(_meta(soup, _SITE_META)), None)
    site = without_labels(site) if site else None
    for title in _meta(soup, ("og:title", "twitter:title")):
        put("title", normalize_text(title), "meta")
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        put("title", normalize_text(h1.get_text(" ")), "h1")
    if soup.title and soup.title.get_text(strip=True) and not re.search(r"<[A-Za-z!/]", soup.title.get_text()):
        put("title", _clean_title(normalize_text(soup.title.get_text(" ")), site), "title-tag")
    for date in _meta(soup, _DATE_META):
        put("published", parse_date(date), "meta")
    for el in soup.find_all(lambda t: t.get("itemprop") == "datePublished" and (t.name == "time" or t.get("datetime"))
                            or (t.name == "time" and t.has_attr("pubdate"))):
        put("published", parse_date(el.get("datetime") or el.get_text(" ")), "meta")
    for author in _meta(soup, _AUTHOR_META):
        author = re.sub(r"^by\s+", "", author, flags=re.I).strip()
        if author.startswith("http") or canonical_outlet(author):
            continue
        if is_name(author, 1) or "," in author or " and " in author:
            put("author", " ".join(author.split()), "meta")
    _byline_elements(soup, put)
    if site:
        put("outlet", outlet_name(site), "meta")
    links = [t.get("href", "") for t in soup.find_all("link") if "canonical" in (t.get("rel") or [])]
    for url in [*_meta(soup, ("og:url",)), *links]:
        if url.startswith("http"):
            put("url", url.strip(), "meta")
    if "url" in found:
        put("outlet", outlet_for_host(found["url"][0]), "host")
    if soup.title:  # "Headline - Reuters": a known outlet named in the title's tail
        tail = _TITLE_SEP.split(normalize_text(soup.title.get_text(" ")))
        put("outlet", canonical_outlet(tail[-1]) if len(tail) > 1 else None, "title-tag")
    if "outlet" not in found:
        put("outlet", footer_copyright(soup), "copyright")
    return found


def page_metadata(html: str) -> Found:
    """html_metadata for a page given as a string (bs4 + lxml; parser warnings silenced)."""
    import bs4

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bs4.XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", bs4.MarkupResemblesLocatorWarning)
        return html_metadata(BeautifulSoup(html, "lxml"))
