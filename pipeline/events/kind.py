"""Event type: triggers scored in the lead, widened to the first paragraph and the body when needed."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.document import Document
from pipeline.events.rules import EventRules
from pipeline.events.text import lead_regions, title_segments
from pipeline.schema import Span


@dataclass
class TypeDecision:
    """The chosen type, its confidence, secondary types, evidence and the rule ids that fired."""

    type: str
    confidence: float
    secondary: list[str]
    evidence: list[Span]
    rules: list[str]


def _hits(rules: EventRules, doc: Document, segments: list[tuple[int, int]], weight: float):
    """Trigger hits of the segments, less those that cite another event or only name a meeting's kind."""
    for s, e in segments:
        found = [(trig, m.start(), m.end()) for trig in rules.triggers for m in trig.regex.finditer(doc.norm_text, s, e)
                 if not rules.reference_after.match(doc.norm_text, m.end(), e)]
        mod = rules.modifier
        heads = [(hs, he) for t, hs, he in found if t.type in mod.heads]
        for trig, hs, he in found:
            if trig.type in mod.types and any(h0 >= he and mod.gap.fullmatch(doc.norm_text, he, h0) for h0, _ in heads):
                continue
            yield trig, hs, he, weight * trig.weight


def _names_person(doc: Document, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for e in doc.entities if e.type == "PERSON" for m in e.mentions)


def qa_form(rules: EventRules, doc: Document) -> list[tuple[str, float, Span, Span, tuple[int, int]]]:
    """Press-conference Q&A: (rule id, weight, question span, answer span, answerer span) per rule that fires."""
    body = doc.body_segments()
    out = []
    for qa in rules.qa:
        q = a = None
        for s, e in body:
            q = q or qa.question.search(doc.norm_text, s, e)
            if q and a is None:
                a = next((m for m in qa.answer.finditer(doc.norm_text, s, e) if m.start() > q.start()
                          and (not qa.needs_person or _names_person(doc, m.start("who"), m.end("who")))), None)
            if q and a:
                break
        if q and a:
            out.append((
                qa.id, qa.weight,
                Span(start=q.start(), end=q.end(), text=doc.text[q.start():q.end()]),
                Span(start=a.start("who"), end=a.end(), text=doc.text[a.start("who"):a.end()]),
                (a.start("who"), a.end("who")),
            ))
    return out


def _headline_yields(rules: EventRules, doc: Document, title_hits: list) -> set[str]:
    """Types the body's hits give way to: the headline names a meeting (观摩会) and no visit of its own."""
    named = {t.type for t, s, e, _ in title_hits
             if not rules.headline.skip_after.match(doc.norm_text, e)}
    if named & set(rules.headline.types) and not named & set(rules.headline.yields):
        return set(rules.headline.yields)
    return set()


def decide_type(rules: EventRules, doc: Document) -> TypeDecision:
    """Pick the event type from the triggers of the narrowest region that has any."""
    regions = lead_regions(doc)
    titles = title_segments(doc)
    qa = qa_form(rules, doc)
    title_hits = list(_hits(rules, doc, titles, rules.title_weight))
    yielded = _headline_yields(rules, doc, title_hits)
    for name in ("lead", "paragraph", "body"):
        scores: dict[str, float] = {}
        spans: dict[str, list[Span]] = {}
        fired: dict[str, set[str]] = {}
        region_hits = list(_hits(rules, doc, regions[name], 1.0))
        hits = title_hits + [h for h in region_hits if h[0].type not in yielded]
        for trig, s, e, w in hits:
            scores[trig.type] = scores.get(trig.type, 0.0) + w
            spans.setdefault(trig.type, []).append(Span(start=s, end=e, text=doc.text[s:e]))
            fired.setdefault(trig.type, set()).add(trig.id)
        for rule_id, weight, q, a, _ in qa:
            scores["press_conference"] = scores.get("press_conference", 0.0) + weight
            spans.setdefault("press_conference", []).extend([q, a])
            fired.setdefault("press_conference", set()).add(rule_id)
        if not scores:
            continue
        best = max(scores.values())
        kept = [t for t in rules.precedence if scores.get(t, 0.0) >= rules.keep_ratio * best]
        chosen = kept[0]
        # Only a visit holds other events (a symposium during an inspection tour): those are not rivals.
        secondary = [t for t in ("symposium", "meeting") if t in scores] if chosen == "inspection" else []
        rivals = [t for t in kept if t != chosen and t not in secondary]
        confidence = rules.confidence[name] - (rules.ambiguity_penalty if rivals else 0.0)
        evidence = sorted(spans[chosen] + [sp for t in secondary for sp in spans[t]], key=lambda sp: sp.start)
        rule_ids = sorted(fired[chosen])
        if len(hits) < len(title_hits) + len(region_hits):
            rule_ids.append(rules.headline.id)
        return TypeDecision(chosen, round(max(confidence, 0.05), 2), secondary, evidence[:8], rule_ids)
    return TypeDecision("other", rules.confidence["other"], [], [], [])
