"""Resolve overlapping candidates and link mentions into document-level entities."""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.ner.zh_rules import Cand
from pipeline.schema import Byline, Entity, Mention

NAMED = ("PERSON", "ORG", "PLACE")
CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")


def _inside(a: Cand, b: Cand) -> bool:
    return b.start <= a.start and a.end <= b.end


def _crosses(a: Cand, b: Cand) -> bool:
    return a.start < b.end and b.start < a.end and not _inside(a, b) and not _inside(b, a)


def resolve(cands: list[Cand]) -> list[Cand]:
    """One consistent set of mentions: no crossing spans, no nested persons/organizations.

    Longer spans win, and at equal length a rule beats a back-end (rules are the more specific
    evidence). A place nested in a body stays a place mention (贵港 in 贵港市委); inside a company
    or venue name it does not (桂平 in 桂平市对克服饰有限公司 is not a separate place).
    """
    def rank(c: Cand):
        return (-(c.end - c.start), 0 if "." in c.source else 1, c.start)

    # 赵书记 read as a name by the back-end is an honorific reference (its surname + a title)
    honor = [c for c in cands if c.label == "HONORIFIC"]
    cands = [c for c in cands if not (c.label == "PERSON" and any(_inside(c, h) for h in honor))]
    uniq: dict[tuple[int, int, str], Cand] = {}
    # of two readings of one span, a confirmed place beats a short form that needs confirming
    for c in sorted(cands, key=lambda c: (*rank(c), c.kind == "short-weak")):
        uniq.setdefault((c.start, c.end, c.label), c)
    named: list[Cand] = []
    for c in sorted(uniq.values(), key=rank):
        if c.label not in NAMED:
            continue
        ok = True
        for a in named:
            if a.start == c.start and a.end == c.end:
                ok = False  # same span, another label: the earlier (rule) reading stands
            elif _crosses(c, a):
                ok = False
            elif _inside(c, a):
                # a place inside a body's name is its locale (贵港 in 贵港市委) and a park inside a
                # centre's name is a place of its own; inside a company or venue name it is part of the name
                # (a farm or cooperative keeps its village or town as a place, not its province: 宁夏 in
                # 宁夏...专业合作社); inside a park's, zone's or lake's name it is part of it (岚山 in 岚山港区)
                rural_locale = a.kind == "rural" and c.local
                name_part = a.label == "ORG" and a.kind != "gov" and not rural_locale and c.kind != "park"
                in_park = a.label == "PLACE" and a.kind in ("park", "feature") and c.kind != "park"
                if c.label != "PLACE" or a.label == "PERSON" or name_part or in_park:
                    ok = False
            if not ok:
                break
        if ok:
            named.append(c)
    titles: list[Cand] = []  # Municipal Party Committee Secretary, not also Party Committee Secretary
    for c in sorted((c for c in uniq.values() if c.label == "TITLE"), key=rank):
        if all(c.end <= t.start or c.start >= t.end for t in titles):
            titles.append(c)
    others = [c for c in uniq.values() if c.label in ("DATE", "HONORIFIC")]
    others = [o for o in others if not any(o.start < n.end and n.start < o.end for n in named if n.label == "PERSON")]
    return sorted(named + titles + others, key=lambda c: (c.start, -c.end))


def complete_persons(cands: list[Cand], norm_text: str) -> None:
    """Extend a Chinese name cut short (张明 of 张明远强调) to a longer name of the document written right there."""
    names = {norm_text[c.start:c.end] for c in cands if c.label == "PERSON"}
    for c in cands:
        short = norm_text[c.start:c.end]
        if c.label != "PERSON" or not CJK_NAME.fullmatch(short):
            continue
        longer = [n for n in names if len(short) < len(n) <= 4 and n.startswith(short) and CJK_NAME.fullmatch(n)
                  and norm_text.startswith(n, c.start)]
        if longer:
            c.end = c.start + len(max(longer, key=len))


def _place_key(c: Cand, norm: str) -> str:
    return c.key or norm


def link(cands: list[Cand], text: str, norm_text: str, bylines: list[Byline], place_suffixes: tuple[str, ...],
         surname_len) -> list[Entity]:
    """Group mentions into entities (repeats, short forms, honorific references) and build `Entity`s."""
    byline_names = {b.name for b in bylines}
    # a district's short form alone (锡山) is not trusted; with its full name (锡山区) it is an alias
    full_keys = {c.key for c in cands if c.label == "PLACE" and c.kind != "short-weak"}
    groups: dict[tuple[str, str], list[Cand]] = defaultdict(list)
    honorifics = []
    for c in cands:
        norm = norm_text[c.start:c.end]
        if c.label == "HONORIFIC":
            honorifics.append(c)
            continue
        if c.label == "PERSON" and (norm in byline_names or text[c.start:c.end] in byline_names):
            continue
        if c.label == "PLACE":
            if c.kind == "short-weak" and c.key not in full_keys:
                continue
            groups[("PLACE", _place_key(c, norm))].append(c)
        elif c.label == "ORG" and c.key:
            groups[("ORG", c.key)].append(c)  # a central enterprise's full and short names are one entity
        else:
            groups[(c.label, norm)].append(c)
    _merge_short_forms(groups, "PLACE", lambda short, full: full.startswith(short) and full[len(short):] in place_suffixes)
    _merge_short_forms(groups, "ORG", lambda short, full: full.endswith(short) and len(short) >= 2
                       and full != short and len(full) - len(short) <= 4 and not short.endswith(("委", "政府")))
    persons = {k[1]: v for k, v in groups.items() if k[0] == "PERSON"}
    for h in honorifics:  # 曹书记 -> the named person surnamed 曹 mentioned last before it (or first after)
        cands_p = [name for name in persons if surname_len(name) and name.startswith(h.key)]
        if not cands_p:
            continue
        before = [(max((m.start for m in persons[n] if m.start < h.start), default=-1), n) for n in cands_p]
        best = max(before)[1] if max(before)[0] >= 0 else cands_p[0]
        persons[best].append(h)
    out = [_entity(label, ms, text, norm_text) for (label, _), ms in groups.items() if ms]
    return sorted(out, key=lambda e: (e.mentions[0].start, e.type))


def _merge_short_forms(groups, label: str, is_short_of) -> None:
    keys = [k for k in groups if k[0] == label]
    for k in keys:
        for other in keys:
            if other != k and other in groups and k in groups and is_short_of(k[1], other[1]):
                groups[other].extend(groups.pop(k))
                break


def _entity(label: str, ms: list[Cand], text: str, norm_text: str) -> Entity:
    ms = sorted(ms, key=lambda c: c.start)
    named = [m for m in ms if m.label == label] or ms
    # a place written only before level words (安顺市政协, 安顺市有关部门) is named with its level character
    # (安顺市); one also written on its own (安顺 ... 安顺市委) keeps the form it is written in alone
    cut_only = all(getattr(m, "written_extra", 0) for m in named)

    def _written_end(m: Cand) -> int:
        return m.end + (getattr(m, "written_extra", 0) if cut_only else 0)

    # the fullest written form; the first mention of it gives the offsets. An English place is named
    # with its level word too (Changshu City, alias Changshu), as ANNOTATION.md asks of every place.
    # At equal length an English form as written in a sentence beats one from a headline in capitals.
    main = max(named, key=lambda m: (_written_end(m) - m.start, not (m.source.startswith("en.")
                                                                     and text[m.start:m.end].isupper()), -m.start))
    first = min((m for m in named if text[m.start:_written_end(m)] == text[main.start:_written_end(main)]),
                key=lambda m: m.start)
    first_end = _written_end(first)
    written = text[first.start:first_end]
    aliases = []
    for m in named:
        form = text[m.start:_written_end(m)]
        if form != written and form not in aliases:
            aliases.append(form)
    return Entity(
        type=label,
        text=written,
        simplified=norm_text[first.start:first_end],
        start=first.start,
        end=first_end,
        source=first.source,
        aliases=aliases,
        mentions=[Mention(start=m.start, end=m.end, text=text[m.start:m.end]) for m in ms],
    )
