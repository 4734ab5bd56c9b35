"""People of the event: titled officials, their rank, the main person, the body they lead, participants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.document import Document
from pipeline.events.rules import EventRules
from pipeline.events.text import clause_around, segment_of, sentence_around
from pipeline.schema import Person, Span

# Separators between a title and a name (English: `Cao Lubao, Secretary of ...`).
_ZH_TITLE_START = re.compile(r"[,，。、;；:：\s(（“\"「『]")
# Words that end a non-title prefix glued to a title (8月9日贵港市委书记, 陪同市委书记).
_ZH_NON_TITLE = re.compile(r".*(?:日|陪同|和|与|及|由|请|对|向|为|是|将|在|到|等|了|后|时|带领|率领|主持|召开|听取|会见|看望|邀请)")
_EN_TITLE_WORD = re.compile(r"^(?:[A-Z][\w'’-]*|of|the|and|for|in)$")
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@dataclass
class Candidate:
    """A person of the article with what the events stage knows about them."""

    name: str
    simplified: str | None
    mentions: list[tuple[int, int]]
    titles: list[tuple[int, int]] = field(default_factory=list)
    honorifics: list[tuple[int, int]] = field(default_factory=list)
    rank: int = 0
    rank_title: tuple[int, int] | None = None
    rank_rule: str | None = None
    org_title: tuple[int, int] | None = None
    accompany: bool = False
    guest: str | None = None
    reference: bool = False
    drives: str | None = None
    answers: str | None = None
    lead_subject: bool = False

    @property
    def first(self) -> int:
        """Offset of the first mention."""
        return min(s for s, _ in self.mentions)

    @property
    def prominence(self) -> int:
        """Mentions plus honorific back-references."""
        return len(self.mentions) + len(self.honorifics)


def rank_of(rules: EventRules, title_norm: str, bare_levels: dict[str, int] | None = None) -> tuple[int, str | None]:
    """Rank value (level * 100 + tier) of one title, and the tier rule id; (0, None) if no office matches.

    `bare_levels` gives the level of a title whose marker names no place (市长 in an article about a
    county-level city): the level of the article's own place with that marker. A pure function of its
    arguments, kept per rule set (a document asks for the same few titles many times)."""
    memo = rules.memo
    key = ("rank", title_norm, tuple(sorted(bare_levels.items())) if bare_levels else ())
    if key not in memo:
        if len(memo) > 100_000:  # titles are few, but a batch of odd pages must not grow it without end
            memo.clear()
        memo[key] = _rank_of(rules, title_norm, bare_levels)
    return memo[key]


def _rank_of(rules: EventRules, title_norm: str, bare_levels: dict[str, int] | None) -> tuple[int, str | None]:
    for tier in rules.tiers:
        if any(p.search(title_norm) for p in tier.patterns):
            level = tier.level
            if level is None:
                best_end, level = -1, rules.default_level
                for lv in rules.levels:
                    for p in lv.patterns:
                        for m in p.finditer(title_norm):
                            if m.end() > best_end:
                                best_end, level = m.end(), lv.level
                level = _place_level(rules, title_norm, level, bare_levels or {})
                english = title_norm.isascii()
                # searched from the last level marker on, the marker itself still visible to look-behinds
                if (rules.department_en if english else rules.department_zh).search(title_norm, 0 if english else max(best_end, 0)):
                    level = max(level - rules.department_down, 0)
            return level * 100 + tier.tier, tier.id
    return 0, None


_EN_PLACE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) (?:Municipal|City|County|District|Province|Provincial)\b")


def _place_level(rules: EventRules, title_norm: str, level: int, bare_levels: dict[str, int]) -> int:
    """The gazetteer's level of the place a city or county marker belongs to (武夷山市 is a county-level city)."""
    if not rules.place_levels or level not in (2, 3):
        return level
    if title_norm.isascii():
        m = _EN_PLACE.search(title_norm)
        return rules.place_levels.get(m.group(1), level) if m else level
    # the last place name in the title ending with a marker (武夷山市 in 武夷山市市长, not the 市 of 市长)
    for end in range(len(title_norm), 1, -1):
        if title_norm[end - 1] not in "市县区州":
            continue
        for start in range(max(0, end - 6), end - 1):
            found = rules.place_levels.get(title_norm[start:end])
            if found in (2, 3):
                return found
    first = next((i for i, ch in enumerate(title_norm) if ch in "市县区州"), None)
    if first is not None and (first == 0 or not "\u4e00" <= title_norm[first - 1] <= "\u9fff"):
        # a bare marker (市人民政府市长, 县委书记): the level of the article's own place of that marker
        return bare_levels.get(title_norm[first], level)
    return level


def bare_marker_levels(rules: EventRules, doc: Document) -> dict[str, int]:
    """Level of the article's most-mentioned place for each marker (市: 平果市, a county-level city -> 2)."""
    best: dict[str, tuple[int, int]] = {}
    for ent in doc.entities:
        if ent.type != "PLACE":
            continue
        simp = ent.simplified or ent.text
        lv = rules.place_levels.get(simp)
        if lv is None or not simp or simp[-1] not in "市县区州":
            continue
        n = len(ent.mentions)
        if n > best.get(simp[-1], (0, 0))[0]:
            best[simp[-1]] = (n, lv)
    return {k: v[1] for k, v in best.items()}


def _is_title(rules: EventRules, title_norm: str) -> bool:
    return rank_of(rules, title_norm)[1] is not None


class TitleFinder:
    """Finds the title(s) adjacent to a person mention: NER TITLE mentions first, then the rank table."""

    def __init__(self, rules: EventRules, doc: Document, segments: list[tuple[int, int]]):
        self.rules, self.doc, self.segments = rules, doc, segments
        self.ner_titles = sorted(
            (m.start, m.end) for e in doc.entities if e.type == "TITLE" for m in e.mentions
        )
        self.named = sorted(
            (m.start, m.end) for e in doc.entities if e.type in ("ORG", "PLACE") for m in e.mentions
        )
        self._ner_by_end: dict[int, tuple[int, int]] = {}
        for t in self.ner_titles:  # sorted: the first one kept for an end is the smallest
            self._ner_by_end.setdefault(t[1], t)

    def _ner_ending_at(self, end: int) -> tuple[int, int] | None:
        return self._ner_by_end.get(end)

    def _zh_before(self, end: int, seg: tuple[int, int]) -> tuple[int, int] | None:
        ner = self._ner_ending_at(end)
        norm = self.doc.norm_text
        start = seg[0]
        for m in _ZH_TITLE_START.finditer(norm, seg[0], end):
            start = m.end()
        cut = _ZH_NON_TITLE.match(norm, start, end)
        if cut:
            start = cut.end()
        # never cut inside a named body or place (the 和 of 工业和信息化部 is not a conjunction)
        start = min([start] + [s for s, e in self.named if s < start < e])
        if ner:
            # the title found by NER may lack the body written before it (运行监测协调局 + 局长, 桃源 + 镇党委书记)
            named_prefix = any(s == start and e >= ner[0] for s, e in self.named)
            if start < ner[0] and self.rules.title_prefix.fullmatch(norm, start, ner[0]) and (
                    named_prefix or norm[ner[0]] in self.rules.level_chars or norm[ner[0]] in self.rules.unit_chars
                    or self.rules.body_prefix.search(norm, start, ner[0])):
                return start, end
            return ner
        if 2 <= end - start <= 30 and _is_title(self.rules, norm[start:end]):
            return start, end
        return None

    def _en_before(self, start: int, seg: tuple[int, int]) -> tuple[int, int] | None:
        norm = self.doc.norm_text
        end = start
        while end > seg[0] and norm[end - 1] == " ":
            end -= 1
        ner = self._ner_ending_at(end)
        if ner:
            return ner
        left = max((m.end() for m in re.finditer(r"[,;:.!?]", norm[seg[0]:end])), default=0) + seg[0]
        if not norm[left:end].strip() and left > seg[0] and norm[left - 1] == ",":
            return self._en_appositive(left - 1, seg)
        words = list(re.finditer(r"\S+", norm[left:end]))
        keep = len(words)
        while keep > 0 and _EN_TITLE_WORD.match(words[keep - 1].group()):
            keep -= 1
        words = words[keep:]
        while words and not words[0].group()[0].isupper():
            words = words[1:]
        if not words:
            return None
        s = left + words[0].start()
        if _is_title(self.rules, norm[s:end]):
            return s, end
        return None

    def _en_appositive(self, comma: int, seg: tuple[int, int]) -> tuple[int, int] | None:
        """'The mayor of Karamay, Zhang Hongyan, ...': the title phrase before the comma, without its article."""
        norm = self.doc.norm_text
        left = max((m.end() for m in re.finditer(r"[,;:.!?]", norm[seg[0]:comma])), default=0) + seg[0]
        m = re.compile(r"\s*(?:(?:The|the)\s+)?").match(norm, left, comma)
        s = m.end()
        if comma - s <= 80 and self.rules.en_title_head.match(norm, s) and _is_title(self.rules, norm[s:comma]):
            return s, comma
        return None

    def _en_after(self, end: int, seg: tuple[int, int]) -> tuple[int, int] | None:
        norm = self.doc.norm_text
        m = re.match(r",\s+", norm[end:seg[1]])
        if not m:
            return None
        s = end + m.end()
        ner = [t for t in self.ner_titles if t[0] == s]
        if ner:
            return max(ner)
        stop = re.search(r"[,;.]|\s(?:went|held|visited|attended|said|presided|pointed|emphasized|inspected)\b", norm[s:seg[1]])
        e = s + (stop.start() if stop else seg[1] - s)
        # a lowercase title is accepted only with its body (spokesperson of the Shenzhen Municipal Bureau)
        if e > s and (norm[s].isupper() or " of " in norm[s:e]) and self.rules.en_title_head.match(norm, s) \
                and _is_title(self.rules, norm[s:e]):
            return s, e
        return None

    def titles_for(self, start: int, end: int) -> list[tuple[int, int]]:
        """Title spans of the person mention text[start:end]: the adjacent one and a chain joined by 、."""
        seg = segment_of(self.segments, start)
        if seg is None:
            return []
        if re.match(r"[A-Za-z]", self.doc.norm_text[start]):
            found = [t for t in (self._en_before(start, seg), self._en_after(end, seg)) if t]
            return found
        out = []
        t = self._zh_before(start, seg)
        while t:
            out.insert(0, t)
            if t[0] - 1 < seg[0] or self.doc.norm_text[t[0] - 1] != "、":
                break
            t = self._zh_before(t[0] - 1, seg)
        return out


def _span(doc: Document, s: int, e: int) -> Span:
    return Span(start=s, end=e, text=doc.text[s:e])


def _byline_names(doc: Document) -> set[str]:
    return {b.name for b in doc.bylines}


def collect(rules: EventRules, doc: Document, lead: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates from the NER PERSON entities with mentions in kept text (bylines left out)."""
    segments = doc.kept_segments()
    body = doc.body_segments()
    finder = TitleFinder(rules, doc, segments)
    bylines = _byline_names(doc)
    person_starts = sorted(m.start for e in doc.entities if e.type == "PERSON" for m in e.mentions)
    out: list[Candidate] = []
    bare = bare_marker_levels(rules, doc)
    for ent in doc.entities:
        if ent.type != "PERSON" or ent.text in bylines or (ent.simplified and ent.simplified in bylines):
            continue
        mentions = sorted({(m.start, m.end) for m in ent.mentions if segment_of(segments, m.start)})
        if not mentions:
            continue
        cand = Candidate(ent.text, ent.simplified, mentions)
        for s, e in mentions:
            for t in finder.titles_for(s, e):
                if t not in cand.titles:
                    cand.titles.append(t)
        lead_rank = 0
        for t in cand.titles:
            value, rule = rank_of(rules, doc.norm_text[t[0]:t[1]], bare)
            if value > cand.rank:
                cand.rank, cand.rank_title, cand.rank_rule = value, t, rule
            if value > lead_rank and not rules.leading_titles.search(doc.norm_text[t[0]:t[1]]):
                lead_rank, cand.org_title = value, t
        cand.org_title = cand.org_title or cand.rank_title
        body_mentions = [(s, e) for s, e in mentions if segment_of(body, s)]
        cand.reference = bool(body_mentions) and all(
            _cue_in(rules, doc, "reference", *clause_around(doc.norm_text, s, e, segment_of(body, s)))
            for s, e in body_mentions
        )
        if body_mentions:
            s, e = body_mentions[0]
            sent = sentence_around(doc.norm_text, s, segment_of(body, s))
            cand.accompany = (_cue_in(rules, doc, "accompany", e, sent[1])
                              and not any(c.regex.match(doc.norm_text, e, sent[1]) for c in rules.cues_for("accompanied"))
                              or _cue_in(rules, doc, "accompany_before", sent[0], s))
            clause = clause_around(doc.norm_text, s, e, segment_of(body, s))
            cand.guest = _cue_id(rules, doc, "guest", clause[0], s)
        for s, e in body_mentions:
            sent = sentence_around(doc.norm_text, s, segment_of(body, s))
            cand.drives = cand.drives or _cue_id(rules, doc, "drive", e, _until_next_person(person_starts, e, sent[1]))
            cand.answers = cand.answers or _cue_id(rules, doc, "answer", e, sent[1])
        out.append(cand)
    _attach_honorifics(rules, doc, out, body)
    _mark_lead_subject(doc, out, lead)
    return out


def _until_next_person(person_starts: list[int], start: int, end: int) -> int:
    """The stretch after a name that still speaks of it ends where the next person is named."""
    return min([end] + [s for s in person_starts if start <= s < end])


def _cue_id(rules: EventRules, doc: Document, role: str, start: int, end: int) -> str | None:
    return next((c.id for c in rules.cues_for(role) if c.regex.search(doc.norm_text, start, end)), None)


def _cue_in(rules: EventRules, doc: Document, role: str, start: int, end: int) -> bool:
    return any(c.regex.search(doc.norm_text, start, end) for c in rules.cues_for(role))


def _attach_honorifics(rules: EventRules, doc: Document, cands: list[Candidate], body: list[tuple[int, int]]) -> None:
    """何书记 / Secretary Cao: a surname + short title refers to the one candidate with that surname."""
    taken = [span for c in cands for span in c.mentions + c.titles]
    for s, e in body:
        for pat in rules.honorifics:
            for m in pat.finditer(doc.norm_text, s, e):
                if any(ts < m.end() and m.start() < te for ts, te in taken):
                    continue
                sur = m.group("sur")
                owners = [c for c in cands if (c.simplified or c.name).startswith(sur)
                          or doc.norm_text[c.mentions[0][0]:c.mentions[0][1]].startswith(sur)]
                if len(owners) == 1:
                    owners[0].honorifics.append((m.start(), m.end()))


def _mark_lead_subject(doc: Document, cands: list[Candidate], lead: list[tuple[int, int]]) -> None:
    in_lead = [(s, c) for c in cands for s, _ in c.mentions if segment_of(lead, s)]
    if in_lead:
        min(in_lead, key=lambda x: x[0])[1].lead_subject = True


def answerer(rules: EventRules, doc: Document, cands: list[Candidate], who: tuple[int, int]) -> Candidate | None:
    """The person answering at a press conference: a candidate inside `X答:`, else the written name."""
    inside = [c for c in cands if any(who[0] <= s and e <= who[1] for s, e in c.mentions)]
    if inside:
        return inside[0]
    s, e = who
    norm = doc.norm_text
    for cut in range(s, e - 1):
        if _is_title(rules, norm[s:cut]) and _CJK.match(norm[cut:e]):
            cand = Candidate(doc.text[cut:e], norm[cut:e], [(cut, e)], titles=[(s, cut)])
            cand.rank, cand.rank_rule = rank_of(rules, norm[s:cut])
            cand.rank_title = (s, cut)
            return cand
    if _CJK.match(norm[s:e]) or re.match(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$", norm[s:e]):
        return Candidate(doc.text[s:e], norm[s:e] if norm[s:e] != doc.text[s:e] else None, [(s, e)])
    return None


def spokesperson(rules: EventRules, doc: Document, cands: list[Candidate]) -> Candidate | None:
    """The first-mentioned spokesperson among the candidates (the main person of a press conference)."""
    for c in sorted(cands, key=lambda c: c.first):
        if not c.reference and any(rank_of(rules, doc.norm_text[s:e])[1] == rules.press_main_tier for s, e in c.titles):
            return c
    return None


def is_official(rules: EventRules, cand: Candidate) -> bool:
    """Whether the candidate holds a government or party office (not a company title, not a bare name)."""
    return cand.rank_rule is not None and any(t.official for t in rules.tiers if t.id == cand.rank_rule)


def press_answerer(rules: EventRules, cands: list[Candidate]) -> Candidate | None:
    """At a press conference: the highest-ranked official said to answer reporters' questions (回答记者提问)."""
    pool = [c for c in cands if c.answers and not c.reference]
    return max(pool, key=lambda c: (c.rank, -c.first)) if pool else None


def choose_main(cands: list[Candidate]) -> Candidate | None:
    """Highest rank among hosts (not accompanying, not a received guest); ties: chairing, lead, prominence, first."""
    pool = [c for c in cands if not c.reference]
    if not pool:
        return None
    return max(pool, key=lambda c: (not c.accompany, not c.guest, c.rank, bool(c.drives), c.lead_subject, c.prominence, -c.first))


def _org_from_title(rules: EventRules, doc: Document, title: tuple[int, int]) -> tuple[str, str, str] | None:
    """(written, simplified, rule id) of the body a title-holder leads, derived from the title alone."""
    s, e = title
    norm = doc.norm_text[s:e]
    for rule in rules.orgs:
        m = rule.regex.match(norm)
        if not m:
            continue
        groups_w, groups_s = {}, {}
        for name in rule.regex.groupindex:
            gs, ge = m.span(name)
            groups_w[name] = doc.text[s + gs:s + ge] if gs >= 0 else ""
            groups_s[name] = norm[gs:ge] if gs >= 0 else ""
        written = rule.body.format(**groups_w).strip()
        simplified = rule.body.format(**groups_s).strip()
        if written:
            return written, simplified, rule.id
    return None


def _locale_for(rules: EventRules, doc: Document, body_simplified: str) -> tuple[str, str] | None:
    """Written and simplified locale for a body that names none (市委 -> 苏州市, Municipal ... -> Qianjiang)."""
    for unit, suffix in rules.locale_units.items():
        if not body_simplified.startswith(unit):
            continue
        body = doc.body_segments()
        places = []
        for ent in doc.entities:
            if ent.type != "PLACE":
                continue
            simp = ent.simplified or ent.text
            n = sum(1 for m in ent.mentions if segment_of(body, m.start)
                    and not rules.destination.search(doc.norm_text, max(0, m.start - 12), m.start))
            if not n:
                continue
            if unit.isascii():
                # "Qianjiang City": the level word is part of the entity or written right after a mention.
                if simp.endswith(" " + suffix):
                    cut = len(suffix) + 1
                    places.append((n, -ent.start, ent.text[:-cut], simp[:-cut]))
                elif any(m.text.endswith(" " + suffix) or doc.norm_text.startswith(" " + suffix, m.end)
                         for m in ent.mentions):
                    places.append((n, -ent.start, ent.text, simp))
            elif simp.endswith(suffix) and len(simp) > len(suffix):
                places.append((n, -ent.start, ent.text, simp))
        if places:
            _, _, written, simp = max(places)
            return written, simp
    return None


def org_of(rules: EventRules, doc: Document, cand: Candidate) -> tuple[str | None, str | None, list[str]]:
    """The body the person leads (written, simplified) with its locale where the text names one, and rule ids."""
    title = cand.org_title or cand.rank_title
    if title is None:
        return None, None, []
    derived = _org_from_title(rules, doc, title)
    if derived is None:
        return None, None, []
    written, simplified, rule_id = derived
    rule_ids = [rule_id]
    # A named ORG entity that ends with the bare body is the same body with its locale (苏州市委).
    for ent in doc.entities:
        simp = ent.simplified or ent.text
        if (ent.type == "ORG" and simp != simplified and simp.endswith(simplified) and len(simp) <= len(simplified) + 8
                and any(simplified.startswith(u) for u in rules.locale_units)):
            return ent.text, simp, rule_ids + ["locale.org_entity"]
    if any(simplified.startswith(u) for u in rules.locale_units):
        loc = _locale_for(rules, doc, simplified)
        if loc:
            if simplified[0].isascii():
                return f"{loc[0]} {written}", f"{loc[1]} {simplified}", rule_ids + ["locale.en"]
            unit = next(u for u in rules.locale_units if simplified.startswith(u))
            return loc[0] + written[len(unit):], loc[1] + simplified[len(unit):], rule_ids + ["locale.zh"]
    return written, simplified, rule_ids


def to_person(rules: EventRules, doc: Document, cand: Candidate, with_org: bool) -> tuple[Person, list[str]]:
    """The output Person of a candidate (titles as written), and the rule ids that built it."""
    org_w = org_s = None
    rule_ids = [cand.rank_rule] if cand.rank_rule else []
    if with_org:
        org_w, org_s, org_rules = org_of(rules, doc, cand)
        rule_ids += org_rules
    # One entry per distinct title (a title repeated in the article is one title); spans stay in evidence.
    seen_titles = {doc.text[s:e]: (s, e) for s, e in reversed(cand.titles)}
    firsts = sorted(seen_titles.values())
    titles_w = [doc.text[s:e] for s, e in firsts]
    titles_s = [doc.norm_text[s:e] for s, e in firsts]
    s, e = cand.mentions[0]
    evidence = [_span(doc, a, b) for a, b in sorted(set(cand.mentions[:3] + cand.titles + cand.honorifics[:3]))]
    simplified = cand.simplified if cand.simplified and cand.simplified != cand.name else None
    person = Person(
        name=cand.name,
        simplified=simplified,
        titles=titles_w,
        titles_simplified=titles_s if titles_s != titles_w else [],
        org=org_w,
        org_simplified=org_s if org_s != org_w else None,
        start=s,
        end=e,
        evidence=evidence,
    )
    return person, rule_ids


def participants(rules: EventRules, doc: Document, cands: list[Candidate], main: Candidate | None) -> list[Person]:
    """Other named people taking part (not the main person, not cited leaders, not bylines)."""
    body = doc.body_segments()
    out = []
    for c in sorted(cands, key=lambda c: c.first):
        if c is main or c.reference or not any(segment_of(body, s) for s, _ in c.mentions):
            continue
        out.append(to_person(rules, doc, c, with_org=False)[0])
    return out

