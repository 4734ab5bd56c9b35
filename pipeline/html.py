"""HTML pages: visible text, one line per block element, and what the DOM says about each line.

`parse_html` walks the DOM once (selectolax/lexbor) and returns the text the reader has always produced
(block boundaries and source newlines become line breaks, scripts and styles dropped, whitespace runs
collapsed, empty lines dropped) together with one feature dict per line, so strip can tell navigation
from article even though it works on lines (`pipeline/strip_dom.py` turns the features into roles).

Per line:
- `tag`: the block element that holds the line's first text (`p`, `li`, `h1`, `td`, `div` ...);
- `landmark`: the nearest HTML5 sectioning element or WAI-ARIA landmark/widget role around it that marks
  page furniture (`nav`, `aside`, `menu`, a page-level `header`/`footer`, `role=navigation` ...), `null`
  inside an `article`/`main` element or none (a `<form>` often wraps a whole ASP.NET page: not furniture);
- `words`: the vocabulary category of the nearest ancestor whose class/id names page furniture, with the
  token that matched (`share:bdshare`), or `null`;
- `link`: the share of the line's characters inside `<a>`; `block_link`: the same for the element around
  the line's block (a `<ul>` of links scores high, an article `<div>` low);
- `main`: whether the line lies in the main-content block, chosen by text and link density (the
  boilerpipe / Readability family: paragraphs of sentence text vote for their parent and grandparent,
  each candidate's score is discounted by its link density and furniture words, the block right under the
  headline `<title>` names wins over a second article, siblings scoring near the best join it unless they
  have a headline of their own);
- `in_title`: the line is the page's headline as `<title>` gives it (the line is a good share of it);
- `extractor`: whether trafilatura (optional `html` extra) kept the line; `null` unless asked for
  (`use_extractor=True`) and installed. Off by default: on the test pages it kept a second article;
- `pos`: the line's position in the page, 0..1 (recorded for review and later rules; no rule reads it yet).

Class/id vocabulary sources (no word is taken from a scraped page): the HTML5 sectioning elements and
WAI-ARIA 1.2 landmark and widget roles; the component names of Bootstrap (navbar, breadcrumb, pagination,
dropdown) and the widget/sidebar/comments/related-posts classes of WordPress themes; the
positive/negative class vocabularies of Mozilla Readability and of hAtom/h-entry microformats
(hentry, entry-content); and the pinyin abbreviations that Chinese CMS templates (TRS WCM, DedeCMS,
PHPCMS, the Baidu/JiaThis/bShare share widgets) use for the same furniture (daohang, dqwz, xgxw, fenxiang,
pinglun, paihang, banquan, TRS_Editor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title", "body",
}
DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "head"]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Sectioning elements and ARIA roles that hold page furniture; `article`/`main` hold content and stop the search.
LANDMARK_TAGS = {"nav", "aside", "footer", "header", "menu"}
CONTENT_TAGS = {"article", "main"}
LANDMARK_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "tablist",
    "dialog", "alertdialog",
}
CONTENT_ROLES = {"main", "article"}

# Class/id tokens by category (regexes over one lower-case token; see the module docstring for sources).
FURNITURE: dict[str, str] = {
    "nav": r"nav|navi|navs|navigation|\w*navbar|subnav|topnav|mainnav|menus?|submenu|menubar|dropdown|\w*daohang\w*",
    "breadcrumb": r"\w*crumbs?\w*|dqwz|weizhi|dangqian",
    "share": r"\w*share\w*|jiathis\w*|\w*fenxiang\w*|social|sns",
    "related": r"\w*related\w*|relate|relevant|xgxw|xgwz|xiangguan|\w*recommend\w*|\w*tuijian\w*|recom|readmore|morenews",
    "hot": r"hot|hot(news|list|words?)|\w*rank(ing|list)?\w*|\w*paihang\w*|remen|popular|trending|latest|zuixin|top10",
    "comment": r"\w*comments?\w*|\w*pinglun\w*|reply|replies|discuss\w*|disqus|feedback",
    "footer": r"\w*footer\w*|foot|\w*copyrights?\w*|banquan|beian|icp",
    "header": r"\w*header|head|topbar|masthead|logo|banner",
    "sidebar": r"\w*sidebar\w*|sider|aside|widgets?",
    "ad": r"ads?|\w*advert\w*|guanggao|sponsor\w*|promo\w*",
    "tools": r"toolbar|tools?|login|denglu|register|userbar|search|sousuo|print|dayin|fontsize|zihao",
    "pager": r"pager|\w*pagination\w*|pagenav|prenext|prev|next|fanye|shangxia",
    "qrcode": r"\w*qrcode\w*|\w*erweima\w*|appdown\w*|download",
    "tags": r"tags?|keywords?|biaoqian",
}
# Categories that a content word on the same element cancels (`article-header` holds the headline,
# `TRS_Editor` is TRS WCM's article body); the others count even then (`hot-news-content` is a hot list).
WEAK = {"header", "footer", "sidebar", "tools", "tags"}
CONTENT_WORDS = re.compile(
    r"^(article\w*|content\w*|cont|con|entry|hentry|h-entry|post|story|text|body|main|detail\w*|zw|zhengwen|trs"
    r"|zoom|news|maintext|artibody|article_content)$"
)
_FURNITURE_RX = {cat: re.compile(rf"^(?:{rx})$") for cat, rx in FURNITURE.items()}
_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WS = re.compile(r"[ \t\r\f\v]+")
# Sentence punctuation that marks prose (Chinese and Western).
_PROSE = re.compile(r"[，。；！？,;.!?、]")
TITLE_BONUS = 3.0
FURNITURE_DISCOUNT = 0.2
TITLE_SHARE = 0.3
# Ancestors looked at per line: enough for any page layout, and it keeps a pathologically deep page linear.
MAX_DEPTH = 48
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv), if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def tokens(value: str) -> list[str]:
    """Lower-case tokens of a class or id value (`newsShareBar` -> news, share, bar; `TRS_Editor` -> trs, editor)."""
    return [t for t in _SPLIT.split(_CAMEL.sub(" ", value).lower()) if t]


def furniture(words: list[str]) -> tuple[str, str] | None:
    """(category, token) when an element's class/id tokens name page furniture, else None."""
    content = any(CONTENT_WORDS.match(w) for w in words)
    for w in words:
        for cat, rx in _FURNITURE_RX.items():
            if rx.match(w) and not (content and cat in WEAK):
                return cat, w
    return None


@dataclass
class _Element:
    """One element of the walk: its place in the tree and the text beneath it."""

    tag: str
    parent: int
    furniture: tuple[str, str] | None
    content_word: bool
    landmark: str | None
    text: int = 0
    link: int = 0
    score: float = 0.0


@dataclass
class _Line:
    chunks: list[str] = field(default_factory=list)
    owner: int | None = None
    link: int = 0


@dataclass
class HtmlPage:
    """Visible text, its <title> and other meta, and one feature dict per line of the text."""

    text: str
    meta: dict[str, str]
    line_features: list[dict]


def _attrs(node) -> tuple[list[str], str | None]:
    attrs = node.attributes or {}
    words = []
    for key in ("class", "id"):
        if attrs.get(key):
            words += tokens(attrs[key])
    role = (attrs.get("role") or "").strip().lower() or None
    return words, role


def parse_html(html: str, use_extractor: bool = False) -> HtmlPage:
    """Text and per-line DOM features of an HTML page (see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    meta: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        meta["html_title"] = title.text(strip=True)
    tree.strip_tags(DROP_TAGS)
    root = tree.body or tree.root
    els: list[_Element] = []
    lines: list[_Line] = []
    cur = _Line()

    def flush() -> None:
        nonlocal cur
        text = _WS.sub(" ", "".join(cur.chunks)).strip()
        if text:
            cur.chunks = [text]
            lines.append(cur)
        cur = _Line()

    if root is not None:
        path: list[int] = []
        in_link = 0
        stack = [(root, True)]
        while stack:
            node, entering = stack.pop()
            tag = node.tag
            if tag == "-text":
                _text(node.text_content or "", path, els, in_link > 0, flush, lambda: cur)
                continue
            if tag == "-comment":
                continue
            if tag in BLOCK_TAGS:
                flush()
            if entering:
                words, role = _attrs(node)
                parent = path[-1] if path else -1
                landmark = tag if tag in LANDMARK_TAGS else (f"role={role}" if role in LANDMARK_ROLES else None)
                if tag in CONTENT_TAGS or role in CONTENT_ROLES:
                    landmark = "content"
                els.append(_Element(tag, parent, furniture(words), any(CONTENT_WORDS.match(w) for w in words), landmark))
                path.append(len(els) - 1)
                in_link += tag == "a"
                stack.append((node, False))
                children = []
                child = node.child
                while child is not None:
                    children.append(child)
                    child = child.next
                stack.extend((c, True) for c in reversed(children))
            else:
                path.pop()
                in_link -= tag == "a"
        flush()
    feats = _features(lines, els, meta.get("html_title", ""))
    if use_extractor:
        kept = _extractor_lines(html)
        for ln, f in zip(lines, feats):
            f["extractor"] = None if kept is None else _in_extract(ln.chunks[0], kept)
    text = "\n".join(ln.chunks[0] for ln in lines)
    return HtmlPage(text, meta, feats)


def _text(s: str, path: list[int], els: list[_Element], in_link: bool, flush, current) -> None:
    """Add one text node to the current line; its own newlines start new lines."""
    pieces = s.split("\n")
    for k, piece in enumerate(pieces):
        if k:
            flush()
        line = current()
        line.chunks.append(piece)
        size = len(piece) - piece.count(" ") - piece.count("\t")
        if size <= 0 or not path:
            continue
        if line.owner is None:
            line.owner = path[-1]
        if in_link:
            line.link += size
        for i in path[-MAX_DEPTH:]:
            els[i].text += size
            if in_link:
                els[i].link += size


def _block(els: list[_Element], i: int) -> int:
    """The nearest block element at or above element i (inline wrappers such as <span>, <a> skipped)."""
    return next((a for a in _ancestors(els, i) if els[a].tag in BLOCK_TAGS - {"br"}), -1)


def _ancestors(els: list[_Element], i: int):
    """Element i and the elements above it, nearest first, at most MAX_DEPTH of them."""
    for _ in range(MAX_DEPTH):
        if i < 0:
            return
        yield i
        i = els[i].parent


def _features(lines: list[_Line], els: list[_Element], page_title: str) -> list[dict]:
    """One feature dict per line (see the module docstring)."""
    in_title = [_in_title(ln.chunks[0], page_title) for ln in lines]
    main = _main_block(lines, els, in_title)
    wrappers = {a for m in main or () for a in _ancestors(els, m)}
    out = []
    n = max(1, len(lines) - 1)
    for k, ln in enumerate(lines):
        text = ln.chunks[0]
        size = max(1, len(text.replace(" ", "")))
        owner = ln.owner if ln.owner is not None else -1
        block = _block(els, owner) if owner >= 0 else -1
        marks = [els[i].landmark for i in _ancestors(els, owner) if els[i].landmark is not None]
        landmark = None
        if marks and marks[0] != "content":
            # An HTML5 header/footer inside an article holds its headline or credits, not site furniture.
            landmark = None if marks[0] in ("header", "footer") and "content" in marks else marks[0]
        # Class words of the page wrappers around the main block (`<div id="bottom-wrap">` holding it all)
        # say nothing about one line.
        words = next(
            (f"{els[i].furniture[0]}:{els[i].furniture[1]}" for i in _ancestors(els, owner)
             if els[i].furniture is not None and i not in wrappers), None,
        )
        outer = els[block].parent if block >= 0 else -1
        around = els[outer] if outer >= 0 else None
        out.append({
            "tag": els[block].tag if block >= 0 else None,
            "landmark": landmark,
            "words": words,
            "link": round(min(1.0, ln.link / size), 3),
            "block_link": round(around.link / around.text, 3) if around is not None and around.text else 0.0,
            "main": main is not None and any(i in main for i in _ancestors(els, owner)),
            "in_title": in_title[k],
            "extractor": None,
            "pos": round(k / n, 3),
        })
    return out


def _in_title(line: str, page_title: str) -> bool:
    """The line is the page's headline: it is (part of) the <title>, or the <title> is part of it."""
    a, b = re.sub(r"\s+", "", line), re.sub(r"\s+", "", page_title)
    if len(a) < 5 or len(b) < 5:
        return False
    # A site name alone (the logo line) is part of "headline_site name" too: the line must be a good share of it.
    return (a in b and len(a) >= TITLE_SHARE * len(b)) or (b in a and len(b) >= 0.6 * len(a))


def _main_block(lines: list[_Line], els: list[_Element], in_title: list[bool]) -> set[int] | None:
    """Element ids of the main-content block: the best-scoring container and its near-scoring siblings."""
    first_line: dict[int, int] = {}
    for k, ln in enumerate(lines):
        for i in _ancestors(els, ln.owner if ln.owner is not None else -1):
            first_line.setdefault(i, k)
    voters: set[int] = set()
    per_block: dict[int, int] = {}
    for ln in lines:
        if ln.owner is not None:
            b = _block(els, ln.owner)
            per_block[b] = per_block.get(b, 0) + 1
    for k, ln in enumerate(lines):
        if ln.owner is None:
            continue
        text = ln.chunks[0]
        plain = len(text.replace(" ", "")) - ln.link
        punct = len(_PROSE.findall(text))
        # Only sentences vote: a headline or a label (no punctuation) says nothing about where the text is.
        if plain < 12 or punct == 0 or ln.link > 0.3 * (plain + ln.link):
            continue
        # A paragraph votes by its sentence punctuation and length (Readability's content score).
        score = 1 + punct + min(plain / 50, 6)
        block = _block(els, ln.owner)
        if block < 0:
            continue
        voters.add(k)
        # A paragraph votes for itself, fully for its container and less for the two above. Lines split by
        # <br> in one <div> or <td> make that element a container of its own: it gets their votes fully too.
        weights = (1, 1, 1 / 2, 1 / 3)
        if per_block[block] > 1 and els[block].tag not in ("p", "li"):
            weights = (1, 1, 1 / 2)
        for i, w in zip(_ancestors(els, block), weights):
            els[i].score += score * w
    best, best_score = None, 0.0
    for i, e in enumerate(els):
        if e.score <= 0 or e.tag in ("body", "html"):
            continue
        s = _final(e)
        # The block right under the headline that <title> names is the article, even when the page (endless
        # scroll, a "next article" block) holds a longer one too.
        if _under_title(first_line.get(i, 0), in_title, voters):
            s *= TITLE_BONUS
        if s > best_score:
            best, best_score = i, s
    if best is None:
        return None
    paragraphs = {b for b, n in per_block.items() if n == 1 or els[b].tag in ("p", "li")}
    best = _deepest(els, best, paragraphs)
    best_score = _final(els[best])
    # Siblings scoring near the best join it (an article split over two containers), unless a sibling has a
    # headline of its own (another article) or a furniture class (a sidebar of prose).
    heads = [ln.owner for ln in lines if ln.owner is not None and els[_block(els, ln.owner)].tag in ("h1", "h2")]
    headed = {a for owner in heads for a in _ancestors(els, owner)}
    chosen = {best}
    parent = els[best].parent
    for i, e in enumerate(els):
        if (
            i != best and e.parent == parent and parent >= 0 and e.score > 0 and i not in headed
            and e.furniture is None
            and _final(e) >= 0.25 * best_score
        ):
            chosen.add(i)
    return chosen


def _deepest(els: list[_Element], best: int, paragraphs: set[int]) -> int:
    """The deepest element under `best` that still holds (nearly) all of its score: a wrapper with a single
    scoring child, or a `<div>` of `<br>` lines and the element around it, are the same block. A single
    paragraph is never the block: its container holds its subheads and captions too."""
    children: dict[int, list[int]] = {}
    for i, e in enumerate(els):
        if e.parent >= 0 and e.score > 0:
            children.setdefault(e.parent, []).append(i)
    while True:
        top = max(children.get(best, []), key=lambda c: els[c].score, default=None)
        if top is None or top in paragraphs or els[top].score < 0.99 * els[best].score:
            return best
        best = top


def _under_title(k: int, in_title: list[bool], voters: set[int]) -> bool:
    """Line k starts with, or follows within 3 lines, the headline <title> names, with no paragraph between."""
    for j in range(k, max(-1, k - 4), -1):
        if in_title[j]:
            return True
        if j != k and j in voters:
            return False
    return False


def _final(e: _Element) -> float:
    """A candidate's score: discounted by its link density and by furniture class words."""
    s = e.score * (1 - (e.link / e.text if e.text else 0))
    if e.furniture is not None:
        s *= FURNITURE_DISCOUNT
    if e.content_word:
        s *= 1.25
    return s


def _extractor_lines(html: str) -> set[str] | None:
    """Whitespace-free lines trafilatura keeps as the main text, or None when it is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        out = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False) or ""
    except Exception:  # trafilatura's lxml parse can fail on pathological markup; the DOM features remain
        return set()
    return {re.sub(r"\s+", "", ln) for ln in out.split("\n") if ln.strip()}


def _in_extract(line: str, kept: set[str]) -> bool:
    key = re.sub(r"\s+", "", line)
    if key in kept:
        return True
    # trafilatura joins or splits lines differently; a longer line counts when it lies inside a kept line.
    return len(key) >= 15 and any(key in k for k in kept)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML page, one line per block element, and its <title>."""
    page = parse_html(html, use_extractor=False)
    return page.text, page.meta
