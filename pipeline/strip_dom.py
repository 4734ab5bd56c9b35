"""DOM evidence for strip: what an HTML page's structure says about each of its lines.

The reader (`pipeline/html.py`) attaches one feature dict per line to an HTML page (`RawDocument.line_features`);
plain text and JSONL rows have none, and for them this module decides nothing. Each rule below is
switchable by id and, when it fires, gives the line its role with the rule id and a reason naming the
evidence; strip's own line rules still win where they fire (their ids are more specific), and strip's
structure (where the body starts and ends, headlines, repeats) works on the lines this module leaves open.

Rules, in order:
- `dom.repeat`: outside the main-content block, a repeat of a line inside it (the article printed again in a
  print view or after the footer): `duplicate`, as the annotation wants;
- `dom.headline`: the line <title> names, at most TITLE_WINDOW lines above the main-content block: `title`
  (a list item with the same text is a link line, not the headline; a logo far above is the site name);
- `dom.landmark`: inside `<nav>`, `<aside>`, a page-level `<header>`/`<footer>`, or an ARIA landmark or
  widget role for navigation, banner, footer, sidebar, search, menu or toolbar;
- `dom.class_words`: inside an element whose class/id names page furniture (share bar, related or hot list,
  comments, breadcrumb, pager ...; the vocabulary and its sources are in `pipeline/html.py`);
- `dom.link_line`: the line is mostly link text and sits in a block of links (a menu, a list of other
  articles); an `<h1>`–`<h3>` above the block, often a link to itself, is exempt;
- `dom.outside_main`: outside the main-content block, not a headline above it, and not kept by the
  extractor (trafilatura) when that was asked for. Between the first and the last line of the block, a
  prose paragraph (long, sentence punctuation, no links) is left to strip: an article split over two
  containers loses no paragraph to a block chosen too narrowly.
"""

from __future__ import annotations

from dataclasses import dataclass

RULES: dict[str, str] = {
    "dom.landmark": "inside page furniture the HTML marks as such ({}): navigation, banner, sidebar or footer",
    "dom.class_words": "inside an element whose class/id names page furniture ({})",
    "dom.link_line": "a link line in a block of links (link share {:.2f}): navigation or a list of other articles",
    "dom.headline": "the page's headline: the line its <title> names, just above the main-content block",
    "dom.repeat": "outside the main-content block, a repeat of a line of the article",
    "dom.outside_main": "outside the page's main-content block (text/link density) and not kept by the extractor",
}
LINK_LINE = 0.6
PROSE_MIN_CHARS = 30
REPEAT_MIN_CHARS = 10
TITLE_WINDOW = 6
LINK_BLOCK = 0.4
SENTENCE_END = set("。！？.!?")
HEADLINE_TAGS = {"h1", "h2", "h3"}


def dom_roles(
    features: list[dict] | None, keys: list[str], disabled: frozenset[str] = frozenset()
) -> list[tuple[str, str, str] | None]:
    """(role, rule id, reason) per line from its DOM features, or None where the DOM decides nothing.

    `keys` are the lines' comparison keys (whitespace-free, canonical); a list that does not match the
    features line for line (the text was not read from HTML) gives no decisions.
    """
    if not features or len(features) != len(keys):
        return [None] * len(keys)
    mains = [k for k, f in enumerate(features) if f and f.get("main")]
    first_main = mains[0] if mains else None
    last_main = mains[-1] if mains else None
    main_keys = {keys[k] for k in mains if keys[k]}
    # The headline: the last line just above the block that <title> names (not a link in a list of links); a
    # logo line far above it may repeat a <title> that is only the site name.
    title_line = None
    for k in range(max(0, (first_main or 0) - TITLE_WINDOW), first_main or 0):
        f = features[k]
        if f and f.get("in_title") and not f.get("main") and not _link_line(f):
            title_line = k
    out: list[tuple[str, str, str] | None] = []
    for k, f in enumerate(features):
        if not f or not keys[k]:
            out.append(None)
            continue
        ctx = _Context(first_main, last_main, title_line, main_keys)
        out.append(_decide(k, f, keys[k], ctx, disabled))
    return out


@dataclass(frozen=True)
class _Context:
    first_main: int | None
    last_main: int | None
    title_line: int | None
    main_keys: set[str]


def _link_line(f: dict) -> bool:
    return f.get("link", 0) >= LINK_LINE and f.get("block_link", 0) >= LINK_BLOCK


def _decide(k: int, f: dict, key: str, ctx: _Context, disabled: frozenset[str]):
    main = bool(f.get("main"))
    # A heading above the block (a subtitle, a kicker) is left to strip's headline logic.
    heading = ctx.first_main is not None and k < ctx.first_main and not main and f.get("tag") in HEADLINE_TAGS

    def fire(rule: str, *args, role: str = "boilerplate"):
        return None if rule in disabled else (role, rule, RULES[rule].format(*args))

    rules = (
        (not main and len(key) >= REPEAT_MIN_CHARS and key in ctx.main_keys, "dom.repeat", (), "duplicate"),
        (k == ctx.title_line, "dom.headline", (), "title"),
        (bool(f.get("landmark")), "dom.landmark", (f.get("landmark"),), "boilerplate"),
        (bool(f.get("words")), "dom.class_words", (f.get("words"),), "boilerplate"),
        (not heading and _link_line(f), "dom.link_line", (f.get("link", 0),), "boilerplate"),
    )
    for cond, rule, args, role in rules:
        if cond and (v := fire(rule, *args, role=role)):
            return v
    if ctx.first_main is None or main or heading:
        return None
    inside = ctx.first_main < k < ctx.last_main
    if f.get("extractor") or (inside and _prose(key, f)):
        return None
    return fire("dom.outside_main")


def _prose(key: str, f: dict) -> bool:
    """A paragraph of sentences: long enough, closed by sentence punctuation, no link text."""
    return len(key) >= PROSE_MIN_CHARS and key[-1] in SENTENCE_END and f.get("link", 0) == 0
