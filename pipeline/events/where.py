"""Organizations visited or attending, and places of the event."""

from __future__ import annotations

import re

from pipeline.document import Document
from pipeline.events.rules import EventRules
from pipeline.events.text import clause_around, segment_of
from pipeline.schema import NamedItem

# What may stand between two members of one enumeration (A、B和C / A, B and C).
_LIST_GAP = re.compile(r"^\s*(?:、|,|，|和|与|及|以及|and|, and)\s*$")


def _item(doc: Document, s: int, e: int) -> NamedItem:
    return NamedItem(text=doc.text[s:e], simplified=doc.norm_text[s:e] if doc.norm_text[s:e] != doc.text[s:e] else None,
                     start=s, end=e)


def visited_organizations(rules: EventRules, doc: Document, blocked: list[tuple[int, int]]) -> tuple[list[NamedItem], list[str]]:
    """ORG mentions that are visited sites or attendees: after a visit cue or before an attendance cue.

    Members of one enumeration share the cue of the list (到A、B、C等调研; A、B等10家企业代表发言).
    `blocked` spans (titles) hold bodies that are not visited (苏州市委 in 苏州市委书记).
    """
    body = doc.body_segments()
    mentions = sorted(
        (m.start, m.end, ent)
        for ent in doc.entities if ent.type == "ORG"
        for m in ent.mentions
        if segment_of(body, m.start) and not any(bs <= m.start < be for bs, be in blocked)
    )
    groups: list[list[tuple[int, int, object]]] = []
    for men in mentions:
        if groups and _LIST_GAP.match(doc.norm_text[groups[-1][-1][1]:men[0]]):
            groups[-1].append(men)
        else:
            groups.append([men])
    out: dict[str, NamedItem] = {}
    fired: set[str] = set()
    for group in groups:
        first, last = group[0], group[-1]
        seg_first = segment_of(body, first[0])
        seg_last = segment_of(body, last[0])
        c_start, _ = clause_around(doc.norm_text, first[0], first[1], seg_first)
        _, c_end = clause_around(doc.norm_text, last[0], last[1], seg_last)
        before = doc.norm_text[c_start:first[0]]
        after = doc.norm_text[last[1]:c_end]
        hit = [c.id for c in rules.cues_for("visit") if c.regex.search(before)]
        hit += [c.id for c in rules.cues_for("attend_before") if c.regex.search(before)]
        hit += [c.id for c in rules.cues_for("attend") if c.regex.search(after)]
        if not hit:
            continue
        fired.update(hit)
        for s, e, ent in group:
            key = ent.simplified or ent.text
            if key not in out:
                out[key] = _item(doc, s, e)
    return list(out.values()), sorted(fired)


def places(doc: Document) -> list[NamedItem]:
    """PLACE entities mentioned in the body, at their first body mention, in order."""
    body = doc.body_segments()
    out = []
    for ent in doc.entities:
        if ent.type != "PLACE":
            continue
        first = min(((m.start, m.end) for m in ent.mentions if segment_of(body, m.start)), default=None)
        if first:
            out.append(_item(doc, *first))
    return sorted(out, key=lambda it: it.start)
