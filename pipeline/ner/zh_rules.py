"""Pattern layer for Chinese text: rules from configs/ner/zh_rules.toml on top of a back-end's entities.

Matching runs on Simplified text (doc.norm_text) with a lexicon lookup over single
characters (lexicon_matcher.py), so every lexicon hit has exact character offsets. The layer adds titles, bodies with
a locale, completed organization names, parks and gazetteer places, fixes the back-end's
boundaries (a title glued to a name, a verb glued to a name, a place glued to the next word) and
drops what the annotation rules exclude. Document-level linking happens in `pipeline.ner.link`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.ner.base import RawEntity
from pipeline.ner.gazetteer import Gazetteer, Place
from pipeline.ner.lexicon_matcher import LexiconMatcher
from pipeline.ner.proposers import REGISTRY, Context, check_names
from pipeline.rulefiles import load_surnames, load_zh_rules

CJK = re.compile(r"[\u3400-\u9fff]")
NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9·]")
# Characters that end a name when scanning left from a suffix: prepositions, conjunctions, verbs of visiting
# (深入 is a break word of the rules instead: 深 begins 深圳 and 深度合作区).
STOP_CHARS = set("在到赴和与及、，,。；;：:是的了等向对从为把被将由以于走进来看察访调研参观考带率陪随")
LEVEL_CHARS = set("省市县区镇乡州旗")
# a road after a name (某某|大道, 某某|路 but not 路网, 路径 ...): an address
ROAD = re.compile(r"(?:大道|大街|路(?![网径线演况子面段费程由过上])|街(?![道区头巷坊]))")
# a source label right before an outlet, and a dateline or a correspondent right after one
SOURCE_BEFORE = re.compile(r"(?:来源|稿源|出处|转自|来自)\s*[:：]\s*$")
DATELINE_AFTER = re.compile(r"[(（]?\s*(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?\s*(?:[\u4e00-\u9fff]{0,4}讯|[\u4e00-\u9fff]{0,8}通讯员)")
# time words that open a clause and that a back-end may read into the name after them
TIME_WORD = re.compile(r"今年|明年|去年|前年|近日|日前|目前|当前|近年来|近年|今后|此前|随后|同时|届时")
# what follows a place in a news outlet's name used as a dateline or source (某某日报讯, 某某网), or a channel
MEDIA_TAIL = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:网|日报|晚报|都市报|论坛|电视台|广播电视台|融媒体中心)"
                        r"(?:讯|[^\u4e00-\u9fff]|$|[\u4e00-\u9fff]{0,8}通讯员)"
                        r"|频道|分社|记者站")
# an address inside an organization's span: a road, or a house number
ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:大道|大街)|[0-9０-９]+号")
# a national body paired with a local body written without its locale (党中央、省委; 国务院和省政府)
CHAIN_OF_COMMAND = re.compile(r"[、和及与]\s*[省市县区州旗][委政](?:府)?")
# a department written right after a national body, closed by a delimiter or a verb of organizing
NATIONAL_UNIT = re.compile(r"([\u4e00-\u9fff]{1,4}?(?:部|司|局|处|办公室))(?=[、，,。；和与及]|主办|举办|承办|联合|的)")
# two bodies of one locale written together (县委县政府, 市委市政府, 镇党委政府)
JOINT_BODIES = re.compile(r"([省市县区镇乡州旗])(?:党)?委\1?(?:人民)?政府")
# level words whose first character is not the level of the name before them (市场 is a market)
NOT_LEVEL_WORDS = ("市场", "市民", "区域", "市区", "县城", "县域", "市域")
# a determiner or a numeral and a measure word (这家, 一座老...): a description, never the start of a brand
QUANTIFIED = re.compile(r"[这那该每各某本此其]|[一二两三四五六七八九十几多数]+[座个家所批些种条项处]")
# Function words that may sit next to a name without being part of it.
BOUNDARY_CHARS = STOP_CHARS | set("也还都就并已把被从对向于要会")


@dataclass
class Cand:
    """A candidate entity in chunk coordinates; `kind` refines the label, `key` links mentions."""

    start: int
    end: int
    label: str
    source: str
    kind: str = ""
    key: str = ""
    role_start: int = -1
    local: bool = False  # a village or town: it stays a place inside a farm's or cooperative's name
    # characters after `end` that belong to the fullest written form (青山 cut from 青山市政协 keeps 市 here):
    # the mention stays short for the body's name, the entity is named in the written form
    written_extra: int = 0


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, longest-leftmost first (the usual maximum-matching segmentation)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= os or s >= oe for os, oe in out):
            out.append((s, e))
    return sorted(out)


class ChineseRules:
    """The Chinese pattern layer, built once from its rule files."""

    def __init__(self, rules_path: Path, surnames_path: Path, gazetteer: Gazetteer,
                 industry_path: Path | None = None, disabled: frozenset[str] | set[str] = frozenset(),
                 soe_path: Path | None = None, titles_path: Path | None = None) -> None:
        rules = load_zh_rules(rules_path, titles_path)  # validated; titles from configs/titles.toml
        sur = load_surnames(surnames_path)
        self.r = rules
        self.gaz = gazetteer
        self.surnames = set("".join(sur["single"].split()))
        self.compound_surnames = set(sur["compound"])
        self.disabled = set(check_names(sorted(disabled)))
        # the registered proposers that run chunk by chunk, in their order (pipeline/ner/proposers.py)
        self.proposers = [cls() for cls in REGISTRY if cls.name not in self.disabled and cls.stage == "propose"]
        industry_path = industry_path or Path(__file__).resolve().parent.parent / "data" / "industry_words.tsv"
        self.industry_words = load_industry_words(industry_path)
        # company short names: the rule file's words and the GB/T 4754 industry words (某某茶业, 某某船舶)
        self.industry_set = set(self.industry_words)
        # central state-owned enterprises (国务院国资委 list): every written form -> the name their entity takes
        self.soe = load_central_soe(soe_path or Path(__file__).resolve().parent.parent / "data" / "central_soe.tsv")
        # forms of a registered company (企业名称登记管理规定: 有限公司, 股份有限公司, 集团, 厂): a town before them is no part
        self.company_forms = ("公司", "集团", "厂")
        self.bracket_forms = ("集团", "控股", "中国", "国际", "股份")
        self.association_forms = ("协会", "学会", "商会", "联合会", "促进会", "研究会", "联谊会")
        self.weak = tuple(sorted(set(rules["zh.org.suffix"]["weak"]) | set(self.industry_words), key=len, reverse=True))
        t = rules["zh.title"]
        titles = {b + r for b in t["bodies"] for r in t["roles"]} | set(t["standalone"])
        self.gov_bodies = set(rules["zh.org.gov_body"]["bodies"])
        self.title_bodies = sorted(set(t["bodies"]) | self.gov_bodies, key=len, reverse=True)
        for name in rules["zh.place.gazetteer"]["extra_countries"]:
            gazetteer.by_name.setdefault(name, Place(name, "", "country", ""))
        for entry in rules["zh.place.gazetteer"].get("regions", []):
            name, _, short = entry.partition("/")
            region = gazetteer.by_name.setdefault(name, Place(name, short, "region", ""))
            if short:
                gazetteer.by_short.setdefault(short, region)
        gaz_forms = list(gazetteer.by_name) + list(gazetteer.by_short)
        lexicons = {
            "PLACE": gaz_forms,
            "TITLE": sorted(titles),
            "BODY": sorted(self.gov_bodies),
            "SUB": rules["zh.org.gov_body"]["sub_units"],
            "NATIONAL": rules["zh.org.national"]["bodies"],
            "STRONG": rules["zh.org.suffix"]["strong"],
            "WEAK": list(self.weak),
            "VENUE": rules["zh.org.venue"]["suffixes"],
            "RURAL": rules["zh.org.rural"]["suffixes"],
            "PARK": rules["zh.place.park"]["suffixes"],
            "LEVEL": rules["zh.place.gazetteer"]["level_words"],
            "HONOR": rules["zh.person.honorific"]["titles"],
            "MEDIA": rules["zh.org.media"]["outlets"],
            "SOE": list(self.soe),
            "BRAND": rules["zh.org.brand"]["names"],
        }
        self.lexicon = LexiconMatcher(lexicons)
        g = rules["zh.place.gazetteer"]
        self.ambiguous_short = set(g["ambiguous_short"])
        self.confirming_level = set(g["confirming_level_words"])
        self.town_chars = tuple(rules["zh.org.gov_body"]["town_levels"])
        self.town_body = re.compile(rules["zh.org.gov_body"]["town_body"])
        d = rules["zh.person.dotted_name"]
        self.dotted = re.compile(d["pattern"])
        self.dotted_part = int(d["max_part_chars"])
        self.not_transliteration = set(d.get("not_transliteration_chars", ""))
        self.country_prefix = tuple(g["country_prefix"])
        p = rules["zh.place.park"]
        self.place_suffixes = tuple(sorted(p["place_suffixes"], key=len, reverse=True))
        # zones that hold parks of their own (某某经济开发区|某某产业园)
        self.park_heads = tuple(h for h in p["suffixes"] if h.endswith(("开发区", "高新区", "经开区", "新区")))
        f = rules["zh.filter.org"]
        self.f_org = f
        self.unit_suffixes = tuple(f["unit_suffixes"])
        self.collocations = rules["zh.filter.place"]["collocations"]
        self.unnamed_places = set(rules["zh.filter.place"]["unnamed"])
        self.enum_cue = re.compile(rules["zh.org.enumeration"]["cue"])
        self.platform_cue = re.compile(rules["zh.org.quoted_platform"]["cue"])
        self.followers = tuple(sorted(rules["zh.person.after_title"]["followers"], key=len, reverse=True))
        self.trim_verbs = tuple(sorted(rules["zh.person.trim_verb"]["verbs"], key=len, reverse=True))
        self.name_breaks = tuple(rules["zh.filter.name_start"]["words"])
        self.not_name_chars = set(rules["zh.person.extend_name"]["not_name_chars"])
        self.dotted_last = int(d["max_last_part_chars"])
        self.roles = tuple(sorted(set(t["roles"]) | set(t["standalone"]), key=len, reverse=True))
        self.home_words = tuple(rules["zh.person.before_home"]["home_words"])
        lead = rules["zh.place.lead_char"]
        self.lead_chars = set(lead["chars"])
        self.lead_level_ends = tuple(lead["level_ends"])
        self.quantifier_tails = tuple(rules["zh.filter.quantifier_tail"]["words"])
        auto = rules["zh.filter.autonomous_part"]
        ethnic = "|".join(sorted(auto["ethnic"], key=len, reverse=True))
        self.autonomous = re.compile(f"(?:{ethnic})+(?:{'|'.join(auto['heads'])})")
        self.head_verbs = tuple(sorted(rules["zh.filter.verb_before_head"]["verbs"], key=len, reverse=True))
        meta = rules["zh.filter.metaphor"]
        self.metaphors = {m + h for m in meta["modifiers"] for h in meta["heads"]}
        self.local_ends = tuple(rules["zh.org.gov_body"]["town_levels"]) + ("社区", "寨", "屯", "组")
        site = rules["zh.org.clause_site"]
        self.site = site
        heads = [(h, "ORG", "company") for h in rules["zh.org.suffix"]["strong"]]
        heads += [(h, "ORG", "venue") for h in rules["zh.org.venue"]["suffixes"] + site["org_heads"]]
        heads += [(h, "ORG", "rural") for h in rules["zh.org.rural"]["suffixes"]]
        heads += [(h, "PLACE", "park") for h in p["suffixes"]]
        heads += [(h, "PLACE", "local") for h in site["local_heads"]]
        first = {h: (h, label, kind) for h, label, kind in reversed(heads)}  # the first list naming a head types it
        self.site_heads = sorted(first.values(), key=lambda x: -len(x[0]))
        self.site_generic = set(site["generic_words"]) | set(first) | self.unnamed_places
        self.site_strong = tuple(rules["zh.org.suffix"]["strong"])
        self.site_breaks = tuple(self.name_breaks) + tuple(v for v in self.head_verbs if len(v) > 1)
        occ = rules["zh.filter.occupation"]
        self.occupations = set(occ["words"])
        self.occupation_ends = set(occ["suffix_chars"])
        self.bounded = rules["zh.person.after_title_bounded"]
        self.bounded_closers = tuple(sorted(self.bounded["closers"], key=len, reverse=True))
        self.speaker = rules["zh.person.speaker_label"]
        self.continuations = tuple(rules["zh.filter.place_continued"]["continuations"])
        self.ranks = rules["zh.org.locale_before_company"]["ranks"]
        self.school = rules["zh.org.school_conjunction"]
        self.school_heads = tuple(sorted(self.school["heads"], key=len, reverse=True))
        self.school_parents = tuple(sorted(self.school["parents"], key=len, reverse=True))
        self.feature = rules["zh.place.natural_feature"]
        self.feature_heads = set(self.feature["heads"])
        self.feature_generic = tuple(self.feature["generic_tails"])
        self.feature_words = tuple(self.feature["head_words"])
        port = rules["zh.place.port_facility"]
        self.port_heads = tuple(port["port_heads"])
        self.facility_heads = tuple(port["facility_heads"])

    # -- helpers -------------------------------------------------------------------------------

    def surname_len(self, name: str) -> int:
        """Length of the surname `name` starts with (2 for 欧阳), 0 if none."""
        if name[:2] in self.compound_surnames:
            return 2
        return 1 if name[:1] in self.surnames else 0

    def is_name(self, name: str) -> bool:
        """A plausible Chinese personal name: surname + one or two characters, all CJK."""
        n = self.surname_len(name)
        return n > 0 and 1 <= len(name) - n <= 2 and all(CJK.match(c) for c in name)

    def _name_start(self, text: str, end: int, limit: int) -> int:
        """Leftmost start of a name ending at `end`: no stop character, at most `limit` characters."""
        i = end
        while True:
            while i > 0 and end - i < limit and text[i - 1] not in STOP_CHARS and NAME_CHAR.match(text[i - 1]):
                i -= 1
            # a bracketed locale or form inside a registered name (信祥|(浙江)|茶业有限公司) is part of it
            j = self._skip_locale_paren(text, i) if i < end else i
            if j == i or j <= 0 or not NAME_CHAR.match(text[j - 1]) or text[j - 1] in STOP_CHARS:
                break
            i = j
        # a conjunction with a single character before it is inside a trade name (万和|光电, 永和|豆浆): a list item
        # joined by 和 has a name of its own on the left
        if i >= 2 and i < end and end - i + 2 <= limit and text[i - 1] in "和与" and CJK.match(text[i - 2]) \
                and text[i - 2] not in STOP_CHARS and (i == 2 or text[i - 3] in STOP_CHARS or not NAME_CHAR.match(text[i - 3])):
            i -= 2
        for w in self.name_breaks:  # 共建|联合实验室: a verb inside the scanned stretch ends the name
            k = text.rfind(w, i, end)
            if k >= 0:
                i = max(i, k + len(w))
        return i

    # -- the layer -------------------------------------------------------------------------------

    def find(self, text: str, backend: list[RawEntity]) -> list[Cand]:
        """Candidates (chunk offsets) from the rules and the checked back-end entities of one chunk."""
        got = self.lexicon.find(text)
        ctx = Context(text, got, backend, anchors=[(b.start, b.end, b.label) for b in backend])
        for p in self.proposers:
            p.prepare(self, ctx)
        for p in self.proposers:
            ctx.out += p.propose(self, ctx)
        out, places, parks = ctx.out, ctx.places, ctx.parks
        town_ends = self._town_ends(text, places, parks, backend)
        for c in out:
            if c.label == "ORG" and c.kind != "gov":
                s = self._locale_split(text, c.start, c.end)
                if s > c.start:
                    c.start, c.source = s, "zh.org.locale_before_company"
                s = self._town_prefix(text, c, town_ends)
                if s > c.start:
                    c.start, c.source = s, "zh.org.town_before_company"
        # the ethnic part of an autonomous division (布朗族傣族自治县) names no place of its own
        # (but a division named after its people, 东乡族自治县, is that division)
        out = [c for c in out if c.label not in ("PLACE", "ORG") or not self.autonomous.match(text, c.start)
               or text[c.start:c.end] in self.gaz.by_name]
        # an honorary title (某某之乡, the home of something) is no township: the place inside it may be
        out = [c for c in out if c.label != "PLACE" or not text[c.start:c.end].endswith(("之乡", "之鄉"))]
        # a place naming a news outlet, its channel or bureau (某某网讯, 某某日报讯, 某某论坛讯, 新华网某某频道) is part
        # of the outlet's name, in a dateline or a source line
        out = [c for c in out if c.label != "PLACE" or not MEDIA_TAIL.match(text, c.end + c.written_extra)]
        # the outlet a story comes from (来源：某某网, 某某网4月1日讯, 某某网某某通讯员) is the page's metadata, not an
        # organization of the article; outlets present at the event stay
        out = [c for c in out if c.label != "ORG" or c.kind == "gov" or not (
            SOURCE_BEFORE.search(text, max(0, c.start - 8), c.start) or DATELINE_AFTER.match(text, c.end))]
        # a road named after a place (某某大道, 某某路) is an address: neither the road nor the place in it is listed
        out = [c for c in out if c.label != "PLACE" or not ROAD.match(text, c.end + c.written_extra)
               and not ROAD.fullmatch(text, c.start + 2, c.end)]
        for c in out:
            if c.label == "ORG" and c.kind != "gov":
                c.start = self._after_address(text, c.start, c.end)
        for c in out:
            c.local = c.label == "PLACE" and text[c.start:c.end].endswith(self.local_ends)
            if c.label == "ORG" and not c.key:
                # a central enterprise written in full (中国某某集团有限公司) is one entity with its short names
                name = text[c.start:c.end]
                c.key = self.soe.get(name) or self.soe.get(_strip_form(name), "")
        return out

    def _gazetteer_places(self, text, got, backend) -> list[Cand]:
        backend_loc = {(b.start, b.end) for b in backend if b.label == "PLACE"}
        level_starts = {s for s, _ in got["LEVEL"]}
        confirming = {s for s, e in got["LEVEL"] if text[s:e] in self.confirming_level}
        out = []
        # a division's name inside a park's head word (工业集|中区) is no mention of it
        heads = [(s, e) for s, e in got["PARK"] if e - s > 2]
        for s, e in _longest_first(got["PLACE"]):
            form = text[s:e]
            place = self.gaz.lookup(form)
            if place is None:
                continue  # a match that is not a gazetteer form never names a place
            if any(hs < s and e <= he or hs <= s and e < he for hs, he in heads):
                continue
            confirmed = False
            # 苏州市领导 is 苏州 + 市领导: a level word starting on the name's last character wins.
            if form[-1] in LEVEL_CHARS and e - 1 in level_starts and place and place.short == form[:-1]:
                confirmed = e - 1 in confirming  # 当雄县委: the county's own body names it
                # the level character stays part of the written form unless it starts a common word
                # (苏州|市场, 苏州|市民, 湖州|区域 are not 苏州市 + 场)
                extra = 0 if text.startswith(NOT_LEVEL_WORDS, e - 1) else 1
                e, form = e - 1, place.short
            else:
                extra = 0
            short = self.gaz.is_short(form)
            if short and form in self.ambiguous_short and (s, e) not in backend_loc:
                continue
            if form in self.country_prefix and self._place_at(got, e):
                continue
            if any(text.startswith(c, s) for c in self.collocations) or self._unnamed(form):
                continue
            # a county or district short form (常熟, 锡山) alone needs the back-end's agreement or, at
            # document level, its full name somewhere (合作, 和政 are words before they are counties)
            weak = short and place.level in ("county", "district") and (s, e) not in backend_loc and not confirmed
            kind = "short-weak" if weak else "gazetteer"
            if place.level == "region" and text.startswith("地区", e) and not form.endswith("地区"):
                e += 2  # 长三角地区: the region is named with its 地区
            out.append(Cand(s, e, "PLACE", "zh.place.gazetteer", kind=kind, key=place.name, written_extra=extra))
        return out

    @staticmethod
    def _after_address(text, s: int, e: int) -> int:
        """Start of a name written after its address (某某大道|某某体验中心, 某某路18号|某某公司)."""
        best = s
        for m in ADDRESS.finditer(text, s, e):
            if e - m.end() >= 4:
                best = m.end()
        return best

    def _filter_places(self, text, got, places: list[Cand]) -> list[Cand]:
        """zh.filter.place_in_title (市长|白玛 is no place 长白; a place before the title, 苏州市长, is untouched)
        and zh.filter.place_continued."""
        words = _longest_first(got["TITLE"])
        places = [c for c in places if not any(s < c.start < e < c.end for s, e in words)]
        return self._not_continued(text, places)

    def _brands(self, text, got) -> list[Cand]:
        return [Cand(s, e, "ORG", "zh.org.brand", kind="company") for s, e in _longest_first(got["BRAND"])]

    def _central_soe(self, text, got) -> list[Cand]:
        return [Cand(s, e, "ORG", "zh.org.central_soe", kind="company", key=self.soe[text[s:e]])
                for s, e in _longest_first(got["SOE"])]

    def _unnamed(self, form: str) -> bool:
        """A generic area word, at most behind a level character (县经开区, 高新区): not a named place."""
        return form in self.unnamed_places or (form[:1] in LEVEL_CHARS | {"全", "本", "该"} and form[1:] in self.unnamed_places)

    @staticmethod
    def _place_at(got, pos: int) -> bool:
        return any(s == pos for s, _ in got["PLACE"])

    def _titles(self, text, got, places) -> list[Cand]:
        place_end = {c.end: c for c in places}
        out = []
        for s, e in _longest_first(got["TITLE"]):
            word = text[s:e]
            body = next((b for b in self.title_bodies if word.startswith(b) and len(b) < len(word)), "")
            role_start = s + len(body)
            start = place_end[s].start if s in place_end else s
            out.append(Cand(start, e, "TITLE", "zh.title", role_start=role_start))
        return out

    def _gov_bodies(self, text, got, places, backend) -> list[Cand]:
        place_end = {}
        for c in sorted(places, key=lambda c: c.start):  # the longest place ending there (崖州湾科技城 + 管理局)
            place_end.setdefault(c.end, c)
        # a town or village the gazetteer lacks, named by the back-end (常河镇 + 党委)
        for b in backend:
            if b.label == "PLACE" and text[b.start:b.end].endswith(self.town_chars) and b.end - b.start >= 3:
                place_end.setdefault(b.end, Cand(b.start, b.end, "PLACE", b.source))
        # 党组 + a role (人大常委会|党组副书记) belongs to the title, not to the body's name
        role_subs = set(self.r["zh.org.gov_body"]["role_subs"])
        # a second level body (市委|市政府) is a joint reference to two bodies, not a sub-unit of the first
        subs = [(s, e) for s, e in got["SUB"] + got["BODY"]
                if not (text[s:e] in role_subs and text.startswith(self.roles, e)) and text[s] not in LEVEL_CHARS]
        party = tuple(self.r["zh.org.gov_body"]["party_prefixes"])
        out = []
        for s, e in sorted(got["BODY"], key=lambda x: (x[0], -x[1])):
            if s not in place_end:
                continue
            if any(c.start == place_end[s].start and c.end >= e for c in out):
                continue
            start = place_end[s].start
            prefix = next((p for p in party if text.endswith(p, 0, start)), "")  # 中共|某某市委
            out.append(Cand(start - len(prefix), self._chain(e, subs), "ORG", "zh.org.gov_body", kind="gov"))
        for s, e in _longest_first(got["NATIONAL"]):
            if CHAIN_OF_COMMAND.match(text, e):
                continue  # 落实党中央、省委部署: the centre paired with a body without a locale is the chain of command
            e = self._chain(e, subs)
            unit = NATIONAL_UNIT.match(text, e)  # a department of a national body (某某联合会|宣传部和...)
            out.append(Cand(s, unit.end(1) if unit else e, "ORG", "zh.org.national", kind="gov"))
        # a democratic party's committee of a locale (民盟 + 某某区 + 基层委员会)
        nat = self.r["zh.org.national"]
        for c in places:
            party = next((p for p in nat["democratic_parties"] if text.endswith(p, 0, c.start)), "")
            end = c.end + c.written_extra
            body = next((b for b in sorted(nat["party_locale_bodies"], key=len, reverse=True) if text.startswith(b, end)), "")
            if party and body:
                out.append(Cand(c.start - len(party), end + len(body), "ORG", "zh.org.national", kind="gov"))
        return out

    @staticmethod
    def _chain(end: int, subs) -> int:
        """Extend a body over the sub-units written right after it (人民政府 + 新闻办公室)."""
        while True:
            nxt = [e for s, e in subs if s == end]
            if not nxt:
                return end
            end = max(nxt)

    def _suffix_orgs(self, text, got, anchors, backend) -> list[Cand]:
        r = self.r
        out = []
        for key, rule, kind in (("STRONG", "zh.org.suffix", "company"), ("VENUE", "zh.org.venue", "venue"),
                                ("RURAL", "zh.org.rural", "rural"), ("WEAK", "zh.org.suffix", "company")):
            limit = r[rule]["max_name_chars"]
            for s, e in _longest_first(got[key]):
                if any(text.startswith(w, s) for w in r["zh.org.suffix"]["not_suffix_words"]):
                    continue
                if text[s:e].endswith("矿") and (text.startswith(("资源", "产品"), e) or text[e:e + 1] in tuple("石产业区山床藏")):
                    continue  # 锰矿|资源, 铁矿|石: the mineral, not a mine
                paren = self._skip_locale_paren(text, s) if key == "STRONG" else s
                left = self._name_start(text, paren, limit)
                if key == "WEAK":
                    # company short names: completed only from a back-end name, and closed by a delimiter.
                    # a brand read as a person runs right into the industry word (德润|船舶); a person
                    # further left is the subject of a verb (某某介绍|一季度工业), not part of a name
                    starts = [a for a, b, lab in anchors if left <= a < s and b <= s
                              and (lab == "ORG" or lab == "PERSON" and b == s)]
                    if e < len(text) and NAME_CHAR.match(text[e]) and text[e] not in "等和及与":
                        continue
                else:
                    # the anchor may run into the suffix (松山湖 + 材料实验室, 晋江国际鞋纺城 read whole as a place)
                    starts = [a for a, b, lab in anchors if left <= a < s and b <= e and lab != "DATE"]
                    if not starts and key in ("STRONG", "VENUE"):
                        starts = self._unanchored_start(text, left, s)
                    if paren < s:
                        # 某某科技(江苏)有限公司: the registered name runs up to the bracket, so the words before it
                        # start the name even when no back-end or gazetteer entity does (the locale inside is no start)
                        starts = [a for a in starts if a < paren] or ([left] if paren - left >= 2 else [])
                if not starts or (key == "VENUE" and self._verb_before(text, s, anchors)):
                    continue
                start = min(starts)
                if key == "VENUE" and self._unnamed(text[start:s]):
                    continue  # 盐湖|产业基地: a common noun, not a name, before the head word
                if text[start:e] in self.f_org["generic"] or self._bare_level(text[start:e]) \
                        or self._industry_only(text[start:e]) \
                        or text[start:e] in self.metaphors:
                    continue
                out.append(Cand(start, e, "ORG", rule, kind=kind))
        return out

    def _brand_industry(self, text, got, places, backend, found) -> list[Cand]:
        """字号 + 行业 (某某茶业, 某某船舶) closed by a delimiter, in a list of such names or after a visit cue or a town."""
        r = self.r["zh.org.brand_industry"]
        # where a place ends, a brand begins (白沙镇|某某茶业); a back-end place only counts with a level word,
        # since the back-end reads many brands as places
        place_ends = {c.end for c in places} | {b.end for b in backend if b.label == "PLACE"
                                                 and text[b.start:b.end].endswith(self.local_ends + tuple(LEVEL_CHARS))}
        closers, cues = tuple(r["closers"]), tuple(r["cues"])
        taken = [(c.start, c.end) for c in found if c.label == "ORG"]
        items = []
        for s, e in _longest_first(got["WEAK"]):
            if e < len(text) and not text.startswith(closers, e) and not text[e].isspace():
                continue
            if any(a <= s and e <= b for a, b in taken):
                continue  # already inside a longer organization name
            i = s
            while i > 0 and s - i < r["max_brand_chars"] and CJK.match(text[i - 1]) and text[i - 1] not in STOP_CHARS \
                    and (i == s or i not in place_ends):
                i -= 1
            if i < s and any(text.startswith(w, i - len(w) + 1) and len(w) > 1 for w in self.name_breaks):
                continue  # the stretch starts inside a verb (了解|某某): where the name starts is unknown
            brand = text[i:s]
            if not r["min_brand_chars"] <= len(brand) <= r["max_brand_chars"]:
                continue
            before = text[:i].rstrip()
            after_place = i in place_ends
            if before and not after_place and before[-1] not in "、，,：:；;（(“\"" and text[i - 1] not in STOP_CHARS \
                    and not before.endswith(cues) and not any(before.endswith(w) for w in self.name_breaks):
                continue  # the brand runs on to the left: the start of the name is unknown
            if QUANTIFIED.match(brand) or self._industry_only(brand) or self._generic_inside(brand) or brand in self.f_org["generic"] \
                    or brand in self.site_generic or any(w in brand for w in self.name_breaks) \
                    or any(brand.endswith(t) for t in self.roles) or self._bare_level(brand):
                continue
            cue = after_place or before.endswith(cues) or any(before.endswith(w) for w in self.name_breaks)
            # a division's name and an industry word (湖南茶业) is an industry, unless listed among companies
            items.append((i, e, cue and not self.gaz.lookup(brand)))
        out = []
        for i, e, cue in items:
            others = [(j, f) for j, f, _ in items if (j, f) != (i, e)] + taken
            listed = any(abs(j - e) <= 2 or abs(i - f) <= 2 for j, f in others)
            if cue or listed:
                out.append(Cand(i, e, "ORG", "zh.org.brand_industry", kind="company"))
        return out

    def _industry_only(self, name: str) -> bool:
        """`name` is made only of industry words (新能源汽车, 电子信息): an industry, not a company."""
        ok = [True] + [False] * len(name)
        for j in range(1, len(name) + 1):
            ok[j] = any(ok[k] and name[k:j] in self.industry_set for k in range(max(0, j - 6), j))
        return ok[-1]

    def _generic_inside(self, name: str) -> bool:
        """A generic site word or industry word inside a short brand (了解|项目投资): a description, not a name."""
        return any(name[k:k + n] in self.site_generic or name[k:k + n] in self.industry_set
                   for n in (2, 3) for k in range(len(name) - n + 1))

    def _town_ends(self, text, places, parks, backend) -> dict[int, int]:
        """start -> end of towns, villages and parks: a company's registered name never starts with one."""
        out = {}
        for c in places:
            place = self.gaz.lookup(text[c.start:c.end])
            if place and place.level == "town" or text[c.start:c.end].endswith(self.local_ends):
                out[c.start] = max(out.get(c.start, 0), c.end)
        for b in backend:
            if b.label == "PLACE" and b.end - b.start >= 3 and text[b.start:b.end].endswith(self.local_ends):
                out[b.start] = max(out.get(b.start, 0), b.end)
        for c in parks:
            out[c.start] = max(out.get(c.start, 0), c.end)
        return out

    def _town_prefix(self, text, c: Cand, town_ends: dict[int, int]) -> int:
        """Start of a company's own name after a town, village or park written before it (某某镇|某某茶叶有限公司).

        A registered company name carries a division of county level or above (企业名称登记管理规定), so a
        town, village or park before it is where the company is, not part of its name. Farms and cooperatives
        (kind `rural`) are named after their village and keep it."""
        if c.kind == "rural" or c.start not in town_ends:
            return c.start
        end = town_ends[c.start]
        name = text[end:c.end]
        if len(name) < 4 or not name.endswith(self.company_forms + self.weak):
            return c.start
        return end

    def _locale_split(self, text, s: int, e: int) -> int:
        """Where a company's own name starts after a small division written before a bigger one (凉州区|武威...)."""
        for k in range(min(8, e - s - 2), 1, -1):
            first = self.gaz.by_name.get(text[s:s + k])
            if not first or first.level not in self.ranks:
                continue
            for m in range(min(8, e - s - k - 1), 1, -1):
                second = self.gaz.lookup(text[s + k:s + k + m])
                if second and self.ranks.get(second.level, 0) > self.ranks[first.level]:
                    return s + k
            return s
        return s

    def _school_units(self, text, got, anchors) -> list[Cand]:
        """A college named with two joined subjects (某大学|经济与管理|学院): from the parent's name to the head."""
        r = self.school
        limit = self.r["zh.org.suffix"]["max_name_chars"]
        out = []
        for s, e in _longest_first(got["STRONG"]):
            if not text.endswith(self.school_heads, 0, e):
                continue
            left = self._name_start(text, s, r["max_subject_chars"])
            conj = left - 1
            if not (left < s and conj > 0 and text[conj] in r["conjunctions"]):
                continue
            # the first subject runs back to a parent's suffix (大学 + 经济); a unit there instead is a list of two
            start = -1
            for k in range(1, r["max_subject_chars"] + 1):
                p = conj - k
                if p <= 0 or not CJK.match(text[p]) or text[p] in STOP_CHARS:
                    break
                if text.endswith(self.school_heads, 0, conj):
                    break
                parent = next((w for w in self.school_parents if text.endswith(w, 0, p)), "")
                if parent:
                    first = self._name_start(text, p - len(parent), limit)
                    starts = [a for a, b, lab in anchors if first <= a < p - len(parent) and lab in ("ORG", "PLACE")]
                    start = min(starts) if starts else -1
                    break
            if start >= 0:
                out.append(Cand(start, e, "ORG", "zh.org.school_conjunction", kind="company"))
        return out

    def _features(self, text, places, backend) -> list[Cand]:
        """A place, more name characters and a natural-feature head (柯鲁柯|吉乃尔|湖): the feature's name is the place."""
        f = self.feature
        anchors = {(c.start, c.end) for c in places}
        anchors |= {(b.start, b.end) for b in backend if b.label == "PLACE" and b.end - b.start >= 2
                    and all(CJK.match(ch) for ch in text[b.start:b.end])}
        place_starts = {c.start for c in places}
        out = []
        for a, b in sorted(anchors):
            if b >= len(text) or text[b] in f["not_middle_first"]:
                continue
            place = self.gaz.lookup(text[a:b])
            if place and place.level in ("country", "region"):
                continue  # features are named after a locality; 中国 + words is a brand or an honorary title
            best = -1
            for h in range(b + 1, min(len(text), b + f["max_middle_chars"] + 1)):
                if not CJK.match(text[h - 1]) or text[h - 1] in BOUNDARY_CHARS or text[h - 1] in LEVEL_CHARS \
                        or h - 1 in place_starts or text.startswith(self.name_breaks, h - 1):
                    break  # a break, a level word or another place ends the stretch (江苏|南京紫金山)
                if text[h] in self.feature_heads and not text.startswith(self.feature_words, h) \
                        and not text.endswith(self.feature_generic, 0, h + 1):
                    best = h + 1
            if best > 0:
                out.append(Cand(a, best, "PLACE", "zh.place.natural_feature", kind="feature"))
        return out

    def _verb_before(self, text, s: int, anchors) -> bool:
        """A verb right before a head word (茶山变|景区, 建成|园区), not inside a name the back-end or gazetteer read."""
        verb = next((v for v in self.head_verbs if text.endswith(v, 0, s)), "")
        return bool(verb) and not any(a < s - len(verb) < b and b >= s for a, b, _ in anchors)

    def _anchor_starts(self, text, left: int, s: int, e: int, anchors, labels) -> list[int]:
        """Starts of anchors inside [left, e]; a gazetteer place may begin with a stop character (来宾|工业园)."""
        return [a for a, b, lab in anchors if lab in labels and b <= e
                and (left <= a < s or (a == left - 1 < s and b > left and self.gaz.lookup(text[a:b])))]

    def _skip_locale_paren(self, text, s: int) -> int:
        """Start of a parenthesised locale right before a suffix (日本电产(浙江)|有限公司), else `s`."""
        if s < 4 or text[s - 1] not in ")）":
            return s
        open_at = max(text.rfind("(", s - 8, s - 1), text.rfind("（", s - 8, s - 1))
        inner = text[open_at + 1:s - 1]
        # 企业名称登记管理规定: a locale or an organization form (集团, 控股) may be written in brackets in a registered name
        if open_at > 0 and 2 <= len(inner) <= 6 and all(CJK.match(c) for c in inner) \
                and (self.gaz.lookup(inner) or inner in self.bracket_forms):
            return open_at
        return s

    def _parks(self, text, got, anchors) -> list[Cand]:
        limit = self.r["zh.place.park"]["max_name_chars"]
        out = []
        port_areas = [(s, e) for s, e in got["PARK"] if text[s:e] in self.port_heads]
        for s, e in _longest_first(got["PARK"]):
            left = self._name_start(text, s, limit)
            # zh.place.port_facility: 某港区|矿石码头 is a wharf in the port area, which is the place
            if text[s:e] in self.facility_heads and any(left <= ps and pe <= s for ps, pe in port_areas):
                continue
            # a place or a name the back-end read as an organization (红牌楼文|创产业园), possibly running into the head word
            starts = self._anchor_starts(text, left, s, e, anchors, ("PLACE", "ORG"))
            if self._verb_before(text, s, anchors):
                continue
            # a facility or park named after its owner or its zone (某某集团|某某码头, 某某开发区|某某产业园): the
            # owner is an organization and the zone a park of its own; the name starts after them
            owner = max((k + len(w) for w in self.site_strong + self.park_heads for k in range(left, s - len(w) - 1)
                         if text.startswith(w, k)), default=-1)
            if owner > left:
                if any(text.startswith(w, k) for w in self.association_forms for k in range(left, owner)):
                    continue  # a branch of an association (某某协会|某某码头分会) is no park
                left = owner
                starts = [a for a in starts if a >= owner] or ([owner] if s - owner >= 2 else [])
            if not starts and self._bare_name(text, left, s):
                starts = [left]  # a short name before the head word, listed after other names
            if starts and not self._unnamed(text[min(starts):e]):
                out.append(Cand(min(starts), e, "PLACE", "zh.place.park", kind="park"))
        return out

    def _unanchored_start(self, text, left: int, s: int) -> list[int]:
        """Where a name before an organization suffix starts when no entity anchors it: at 国家 for a national
        centre or laboratory (国家某某工程技术研究中心, whose names run long), or at a list item's start (、某某
        全国重点实验室、)."""
        k = text.rfind("国家", max(0, s - 24), s)
        if k >= 0 and (k == 0 or not NAME_CHAR.match(text[k - 1]) or text[k - 1] in STOP_CHARS) \
                and all(NAME_CHAR.match(c) for c in text[k:s]) and not any(w in text[k:s] for w in self.name_breaks):
            return [k]
        name = text[left:s]
        if text[:left].endswith(("、", "及", "以及")) and 2 <= len(name) <= 10 and all(CJK.match(c) for c in name) \
                and text[s:].startswith(tuple(self.site_strong)) and not self._generic_words(name) \
                and not self._industry_only(name) and name[:1] not in LEVEL_CHARS:
            return [left]
        return []

    def _bare_name(self, text, left: int, s: int) -> bool:
        """text[left:s] is a short name of its own (新站|综合实验区): 2-4 characters, neither generic nor an industry,
        listed after other names (no anchor said where it starts)."""
        name = text[left:s]
        if not 2 <= len(name) <= 4 or not all(CJK.match(c) for c in name) or QUANTIFIED.match(name):
            return False
        if self._generic_inside(name) or self._industry_only(name) or name in self.site_generic \
                or name[:1] in LEVEL_CHARS or any(w in name for w in self.name_breaks):
            return False
        # only as an item of a list of names (某某、某某及|新站综合实验区): after a visit verb the words before a
        # head word are as often a product or an industry (察看了|鞋材产业园)
        return text[:left].endswith(("、", "及", "和", "与", "以及"))

    def _clause_sites(self, text, found: list[Cand]) -> list[Cand]:
        """在 + name + head word + comma at a clause start (在星河超级品牌中心，): the visited site, when nothing else read it."""
        r = self.site
        out = []
        for m in re.finditer("在", text):
            i = m.start()
            while i > 0 and text[i - 1].isspace():
                i -= 1
            if i > 0 and text[i - 1] not in r["clause_marks"]:
                continue
            s = e = m.end()
            while e < len(text) and e - s <= r["max_name_chars"] + 2 and NAME_CHAR.match(text[e]):
                e += 1
            if e >= len(text) or text[e] not in "，,":
                continue
            s += next((len(w) for w in r["locale_pronouns"] if text.startswith(w, s)), 0)
            site = self._site(text[s:e])
            if site is None:
                continue
            end, label, kind = s + site[0], site[1], site[2]
            # an existing reading of the site, or anything reaching across it, keeps its boundaries
            if any(self._keeps_site(c, s, end) for c in found):
                continue
            out.append(Cand(s, end, label, "zh.org.clause_site", kind="" if kind == "local" else kind))
        return out

    @staticmethod
    def _keeps_site(c: Cand, s: int, e: int) -> bool:
        """`c` read the site already (ends where it ends), reaches across it, or is a title or date inside it."""
        if c.end <= s or c.start >= e:
            return False
        return c.end == e and c.label in ("ORG", "PLACE") or c.label in ("TITLE", "DATE") or c.start < s or c.end > e

    def _site(self, name: str) -> tuple[int, str, str] | None:
        """(length, label, kind) of the site named by `name`, or None for a generic description."""
        r = self.site
        if not 2 <= len(name) <= r["max_name_chars"] or name[0].isdigit() or name.startswith(tuple(r["generic_prefixes"])):
            return None
        if any(ch in r["not_name_chars"] for ch in name) or any(w in name for w in self.site_breaks):
            return None
        head, label, kind = next((h for h in self.site_heads if name.endswith(h[0]) and len(name) > len(h[0])), ("", "", ""))
        if not head:
            return None
        rest = name[:-len(head)]
        if kind == "local" and (len(rest) > r["max_local_name_chars"] or not all(CJK.match(c) for c in rest)):
            return None
        # two sites joined by 和 (在星河公司和月光集团，) are no single name
        if any(ch == "和" and name[:k].endswith(tuple(h for h, _, _ in self.site_heads)) for k, ch in enumerate(name)):
            return None
        # a company's workshop or showroom (红叶服饰有限公司生产车间): the company is the site
        n = len(name)
        cut = next((j for j in range(n - 1, 1, -1) if name[:j].endswith(self.site_strong) and self._generic_words(name[j:])), n)
        if cut < n:
            name, label, kind = name[:cut], "ORG", "company"
        # generic words, at most behind a level character (市中心), or a unit named after a bare level word
        if self._generic_words(name) or name[:1] in LEVEL_CHARS and self._generic_words(name[1:]):
            return None
        if self._bare_level(name) or self._unnamed(name) or name in self.f_org["generic"] or name in self.metaphors:
            return None
        if head in r["place_generic_heads"] and cut == n and self.gaz.lookup(rest):
            return None
        return len(name), label, kind

    def _generic_words(self, name: str) -> bool:
        """`name` is made only of generic modifiers and head words (企业 + 生产 + 车间)."""
        ok = [True] + [False] * len(name)
        for j in range(1, len(name) + 1):
            ok[j] = any(ok[k] and name[k:j] in self.site_generic for k in range(max(0, j - 8), j))
        return ok[-1]

    def _enumerations(self, text) -> list[Cand]:
        r = self.r["zh.org.enumeration"]
        out = []
        for m in re.finditer("等", text):
            if self.enum_cue.match(text, m.start()):
                label, rule = "ORG", "zh.org.enumeration"
            elif re.match(r["place_cue"], text[m.start():]):
                label, rule = "PLACE", "zh.place.enumeration"
            elif re.match(r["place_cue_confirmed"], text[m.start():]):
                label, rule = "PLACE", "zh.place.enumeration_confirmed"
            else:
                continue
            items = self._list_items(text, m.start(), r["max_item_chars"], place=label == "PLACE")
            if label == "PLACE":
                # an item that ends in a known place is that place (销往|德国)
                items = [(next((k for k in range(s, e - 1) if self.gaz.lookup(text[k:e])), s), e) for s, e in items]
                items = [(s, e) for s, e in items if not self._unnamed(text[s:e]) and text[s:e] not in self.site_generic]
                if rule.endswith("confirmed") and not any(self.gaz.lookup(text[s:e]) for s, e in items):
                    continue
            if len(items) >= 2:
                for s, e in items:
                    # a division in such a list is confirmed by it (石门 among 等乡镇 is the place, not a word)
                    place = self.gaz.lookup(text[s:e]) if label == "PLACE" else None
                    kind = "company" if label == "ORG" else "gazetteer" if place else "local"
                    out.append(Cand(s, e, label, rule.removesuffix("_confirmed"), kind=kind, key=place.name if place else ""))
        return out

    def _list_items(self, text, end: int, limit: int, place: bool = False) -> list[tuple[int, int]]:
        """(start, end) of the items of a list joined by 、 that ends at `end`, last item first."""
        items = []
        while end > 0:
            start = end
            while start > 0 and NAME_CHAR.match(text[start - 1]):
                start -= 1
            if place and (start == 0 or text[start - 1] != "、"):
                start = self._name_start(text, end, limit)  # the first place: the list's verb is no part of it
            if not 2 <= end - start <= limit:
                break
            items.append((start, end))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
        return items

    def _media(self, text, got) -> list[Cand]:
        """Central news organizations by name, and newspapers or magazines written in 《》."""
        r = self.r["zh.org.media"]
        out = [Cand(s, e, "ORG", "zh.org.media", kind="company") for s, e in _longest_first(got["MEDIA"])]
        for m in re.finditer("《([^《》\n]{2,%d})》" % r["max_name_chars"], text):
            name = m.group(1)
            if not all(NAME_CHAR.match(c) for c in name):
                continue
            if name.endswith(tuple(r["bracket_suffixes"])) or text.startswith(tuple(r["bracket_followers"]), m.end()):
                out.append(Cand(m.start(1), m.end(1), "ORG", "zh.org.media", kind="company"))
        return out

    def _platforms(self, text) -> list[Cand]:
        limit = self.r["zh.org.quoted_platform"]["max_name_chars"]
        out = []
        for m in re.finditer("[“\"「『]", text):
            close = re.search("[”\"」』]", text[m.end(): m.end() + limit + 1])
            if not close:
                continue
            end = m.end() + close.start()
            name = text[m.end():end]
            if not name or not all(NAME_CHAR.match(c) for c in name):
                continue
            if self.platform_cue.match(text, end):
                out.append(Cand(m.end(), end, "ORG", "zh.org.quoted_platform", kind="platform"))
            elif len(name) >= 4 and name.endswith(self.site_strong) and not self._generic_words(name) \
                    and not self._industry_only(name[:-2]) and name not in self.metaphors \
                    and not text[:m.start()].rstrip().endswith(("的", "是", "成了", "成为", "变成", "当好", "做好")):
                # a quoted name that ends in an organization's form (成立“某某产业联盟”) is that organization, unless
                # a copula or a possessive makes it a figure of speech (成了村民的“绿色银行”)
                out.append(Cand(m.end(), end, "ORG", "zh.org.quoted_platform", kind="company"))
        return out

    def _backend(self, text, backend, titles, level_starts) -> list[Cand]:
        """The back-end's entities after boundary fixes and the annotation filters."""
        out = []
        for b in self._split_joined(text, backend):
            s, e, label = b.start, b.end, b.label
            source = b.source
            if label == "PERSON":
                s, e = self._person_bounds(text, s, e, titles)
                if e - s < 2 or not all(CJK.match(c) for c in text[s:e]):
                    continue
                if self._occupation(text[s:e]):
                    continue
                if self._extends(text, s, e):
                    e, source = e + 1, "zh.person.extend_name"
                elif self._before_home(text, s, e):
                    e, source = e + 1, "zh.person.before_home"
            # a back-end span reaching into a title's role (桂平市委书记 as LOC) is not an entity
            if label in ("PLACE", "ORG") and any(t.role_start < e and s < t.end for t in titles):
                if not any(s >= t.start and e <= t.role_start for t in titles):
                    continue
            if label == "PLACE":
                fixed = self._fix_place(text, s, e, level_starts)
                if fixed is None or text.startswith(self.continuations, fixed[1]):
                    continue  # zh.filter.place_continued: 贺兰山东麓 cut to 贺兰 is the mountain, not the county
                s, e = fixed
                if s > 0 and self._lead_char(text, s - 1, e):
                    s, source = s - 1, "zh.place.lead_char"
            if label in ("ORG", "PLACE"):
                t = TIME_WORD.match(text, s)  # a time word read into a name (明年|某某集团) is no part of it
                if t and e - t.end() >= 2:
                    s = t.end()
            if label == "ORG":
                s = self._after_address(text, s, e)
                # 某某县委县政府 names two bodies: the party committee carries the locale, the government none
                joint = JOINT_BODIES.search(text, s, e)
                if joint and joint.end() == e and joint.start() > s:
                    e, source = joint.start() + 2 + (joint.group(0)[1] == "党"), "zh.org.joint_bodies"
                if not self._keep_org(text, s, e):
                    continue
            if label == "DATE" and not re.search(r"[0-9０-９年月日号]", text[s:e]):
                continue
            key = self._division_key(text[s:e]) if label == "PLACE" else ""
            out.append(Cand(s, e, label, source, kind=self._org_kind(text[s:e]) if label == "ORG" else "", key=key))
        return out

    def _division_key(self, form: str) -> str:
        """The gazetteer name of a division written as `form`, also with a plain level character after its short
        form (江华县 for 江华瑶族自治县, whose short form is 江华), else ''."""
        place = self.gaz.lookup(form)
        if place is None and len(form) >= 3 and form[-1] in LEVEL_CHARS:
            place = self.gaz.by_short.get(form[:-1])
            if place is not None and place.level not in ("county", "city", "district", "province"):
                place = None
        return place.name if place else ""

    def _split_joined(self, text, backend: list[RawEntity]) -> list[RawEntity]:
        """A back-end organization that joins two names (某某有限公司和某某有限公司) is read as the two."""
        out = []
        for b in backend:
            s = b.start
            if b.label == "ORG":
                for k in range(b.start, b.end - 1):
                    if text[k] in "和与及、" and k > s and text.endswith(self.site_strong, s, k):
                        out.append(RawEntity(s, k, b.label, b.source))
                        s = k + 1
            out.append(RawEntity(s, b.end, b.label, b.source) if s > b.start else b)
        return out

    def _org_kind(self, name: str) -> str:
        """`gov` for a back-end organization that is a body with its locale (佛山市顺德区区委): places in it stay places."""
        strong = tuple(self.r["zh.org.suffix"]["strong"])
        return "gov" if name.endswith(self.unit_suffixes) and not name.endswith(strong) and self._starts_with_place(name) else ""

    def _person_bounds(self, text, s, e, titles) -> tuple[int, int]:
        for t in titles:  # a title glued to the name: keep what is outside the title
            if t.start <= s < t.end < e:
                s = t.end
            elif s < t.start < e <= t.end:
                e = t.start
        name = text[s:e]
        for v in self.trim_verbs:
            if len(name) - len(v) >= 2 and name.endswith(v) and self.is_name(name[: -len(v)]):
                return s, e - len(v)
        return s, e

    def _before_home(self, text, s, e) -> bool:
        """A surname + one character, then one more name character and 家中 (李振|国|家中): the name is 李振国."""
        name = text[s:e]
        if not (self.is_name(name) and e - s - self.surname_len(name) == 1 and e + 1 < len(text)):
            return False
        nxt = text[e]
        return CJK.match(nxt) is not None and nxt not in self.not_name_chars and nxt not in BOUNDARY_CHARS \
            and text.startswith(self.home_words, e + 1)

    def _lead_char(self, text, i: int, e: int) -> bool:
        """The common-word character at `i` begins the place ending at `e` (那|柯里村)."""
        if text[i] not in self.lead_chars:
            return False
        if self.gaz.lookup(text[i:e]):
            return True
        before = text[i - 1] if i else ""
        return text[i] == "那" and text[i + 1:e].endswith(self.lead_level_ends) and (not before or not CJK.match(before)
                                                                                    or before in STOP_CHARS)

    def _extends(self, text, s, e) -> bool:
        """A surname + one character followed by one more name character and a follower (张明|远|强调)."""
        if not (self.is_name(text[s:e]) and e - s - self.surname_len(text[s:e]) == 1 and e + 1 <= len(text)):
            return False
        nxt = text[e]
        if not CJK.match(nxt) or nxt in self.not_name_chars or nxt in BOUNDARY_CHARS:
            return False
        if text.startswith(self.followers, e) or text.startswith(self.trim_verbs, e):
            return False
        return e + 1 == len(text) or not CJK.match(text[e + 1]) or text.startswith(self.followers, e + 1)

    def _fix_place(self, text, s, e, level_starts) -> tuple[int, int] | None:
        for q in self.quantifier_tails:  # 海南自由贸易港全岛(封关): the name ends before the quantifier
            k = text.find(q, s + 2, e)
            if k >= 0:
                e = k
        # a place read on into a verb (某省探索|某某新路): the place ends before the verb
        for k in range(s + 2, e - 1):
            if text.startswith(self.name_breaks, k) and self.gaz.lookup(text[s:k]):
                e = k
                break
        form = text[s:e]
        if any(text.startswith(c, s) for c in self.collocations):
            return None
        if self._unnamed(form):
            return None
        place = self.gaz.lookup(form)
        if place and form[-1] in LEVEL_CHARS and e - 1 in level_starts and place.short == form[:-1]:
            return s, e - 1  # 苏州市领导: the place is 苏州
        if self.gaz.lookup(form) and not (self.gaz.is_short(form) and form in self.ambiguous_short):
            return s, e
        if form.endswith(self.place_suffixes) and len(form) >= 2:
            return s, e
        for k in range(len(form) - 1, 1, -1):  # 桂平市汇报 -> 桂平市
            if self.gaz.lookup(form[:k]):
                return s, s + k
        return None

    def _keep_org(self, text, s, e) -> bool:
        f = self.f_org
        name = text[s:e]
        before = text[max(0, s - 3):s]
        if self._bare_level(name) or self._industry_only(name):
            return False
        if name in f["generic"] or any(before.endswith(q) for q in f["quantifier_before"]) or name in self.metaphors:
            return False
        if any(before.endswith(q) for q in f["meeting_before"]):
            return False
        if name.endswith(tuple(f["non_org_suffixes"])):
            return False
        strong = tuple(self.r["zh.org.suffix"]["strong"])
        if name.endswith(tuple(f["abstract_suffixes"])) and not name.endswith(strong):
            return False
        weak = self.weak
        named_heads = tuple(self.r["zh.org.venue"]["suffixes"]) + tuple(self.r["zh.org.rural"]["suffixes"])
        suffixed = name.endswith(strong + weak + named_heads + self.unit_suffixes)
        after = text[e:e + 1]
        before = text[s - 1:s] if s else ""
        glued_after = bool(after) and CJK.match(after) is not None and after not in BOUNDARY_CHARS
        glued_before = bool(before) and CJK.match(before) is not None and before not in BOUNDARY_CHARS
        # a weak suffix (纺织) or no suffix at all: the name must stand alone, not inside a longer
        # phrase (中国贵港纺织|服装时尚新区, 红帮|裁缝, 提升|品牌内涵)
        if name.endswith(weak) and glued_after:
            return False
        if not suffixed and (glued_after or glued_before):
            return False
        if name.endswith(self.unit_suffixes) and not name.endswith(strong):
            # a unit without a locale (商务局, 宣传部) is not listed
            if not (self._starts_with_place(name) or name.startswith(tuple(f["locale_prefixes"]))):
                return False
        return True

    def _bare_level(self, name: str) -> bool:
        """县茶业发展中心, 镇农业服务中心: a unit named after a bare level word has no locale."""
        bare = name[:1] in LEVEL_CHARS or name.startswith(("自治区", "自治州", "自治县", "自治旗"))
        return bare and not self._starts_with_place(name)

    def _starts_with_place(self, name: str) -> bool:
        if any(self.gaz.lookup(name[:k]) for k in range(2, min(len(name), 9))):
            return True
        # a town or village the gazetteer lacks: its name, level word and own body (常河镇党委)
        return self.town_body.match(name) is not None

    def _after_title(self, text, titles, backend) -> list[Cand]:
        persons = [(b.start, b.end) for b in backend if b.label == "PERSON"]
        out = []
        for t in titles:
            p = t.end
            n = self.surname_len(text[p:p + 2])
            if not n or text.startswith(self.followers, p):  # 副市长强调: a verb, not 强 + 调
                continue
            for length in (n + 1, n + 2):
                if text.startswith(self.followers, p + length) or p + length == len(text):
                    name = text[p:p + length]
                    if self.is_name(name) and not any(s < p + length and p < e for s, e in persons):
                        out.append(Cand(p, p + length, "PERSON", "zh.person.after_title"))
                    break
        return out

    def _not_continued(self, text, places: list[Cand]) -> list[Cand]:
        """Drop places continued by a mountain's words, right to left (贺兰山东麓: 山东, then 贺兰)."""
        dropped: set[int] = set()
        for c in sorted(places, key=lambda c: -c.start):
            if text.startswith(self.continuations, c.end) or (c.end in dropped and text.startswith(self.continuations, c.end + 1)):
                dropped.add(c.start)
        return [c for c in places if c.start not in dropped]

    def _occupation(self, name: str) -> bool:
        """蔗农, 渔民, 商户: an occupation noun, not a name (zh.filter.occupation)."""
        return name in self.occupations or (len(name) == 2 and not self.surname_len(name)
                                            and name[-1] in self.occupation_ends)

    def _after_title_bounded(self, text, titles, found: list[Cand]) -> list[Cand]:
        """A name without a Han surname between a title and a closer (盟长|乌日根|主持, 市长|白玛|等)."""
        r = self.bounded
        out = []
        for t in titles:
            p = t.end
            if text.startswith(self.followers, p) or any(c.label == "PERSON" and c.start == p for c in found):
                continue  # a verb (市长强调), or a name the back-end or zh.person.after_title read (胡楠|回答)
            for length in range(r["min_chars"], r["max_chars"] + 1):
                end = p + length
                if not (text.startswith(self.bounded_closers, end) or end == len(text)):
                    continue
                name = text[p:end]
                if self._bounded_name(name) and not any(c.start < end and p < c.end for c in titles):
                    out.append(Cand(p, end, "PERSON", "zh.person.after_title_bounded"))
                break
        return out

    def _bounded_name(self, name: str) -> bool:
        """All CJK, no function word (让 only inside: 才让东周), not a place, title or listed non-name word."""
        if not all(CJK.match(c) for c in name) or name in self.bounded["not_names"] or name in self.occupations:
            return False
        if any(c in BOUNDARY_CHARS for c in name) or name[-1] in self.not_name_chars:
            return False
        return not any(self.gaz.lookup(name[:k]) for k in range(2, len(name) + 1)) and not name.endswith(self.roles)

    def speaker_labels(self, text: str, lines: list[tuple[int, int]]) -> list[Cand]:
        """`NAME：` at a line start in a text whose lines also carry a question label (记者：): the speaker (document offsets)."""
        r = self.speaker
        if "speaker_labels" in self.disabled:
            return []
        label = re.compile(f"([\u3400-\u9fff·]{{2,{r['max_chars']}}})[：:]")
        heads = [(s, label.match(text, s, e)) for s, e in lines]
        if not any(m and m.group(1) in r["question_labels"] for _, m in heads):
            return []
        out = []
        for s, m in heads:
            if not m or m.group(1) in r["not_names"] or m.group(1) in r["question_labels"]:
                continue
            name = m.group(1)
            if self.is_name(name) or "·" in name or self._bounded_name(name):
                out.append(Cand(s, s + len(name), "PERSON", "zh.person.speaker_label"))
        return out

    def _dotted_names(self, text, titles) -> list[Cand]:
        """Transliterated names (阿布都拉·艾买提), cut after a title on the left and before a follower on the right."""
        out = []
        for m in self.dotted.finditer(text):
            s, e = m.start(), m.end()
            dot = text.index("·", s)
            s = max([s] + [t.end for t in titles if s <= t.end < dot])
            s = max(s, dot - self.dotted_part)
            s = max([s] + [k + len(r) for r in self.roles for k in [text.rfind(r, s, dot)] if k >= 0 and k + len(r) < dot])
            # a role that began before the cut and ends inside it (副主|席某某) ends there too
            s = max([s] + [s - j + len(r) for r in self.roles for j in range(1, len(r))
                           if s - j >= 0 and text.startswith(r, s - j) and s - j + len(r) < dot])
            last = text.rindex("·", s, e) + 1
            cut = min([e] + [last + i for i in range(2, e - last) if text.startswith(self.followers, last + i)])
            e = min(cut, last + self.dotted_last)
            first = text[s:dot]
            if len(first) < 2 or self.gaz.lookup(first) or first in self.country_prefix:
                continue
            if any(ch in self.not_transliteration for ch in text[s:e]):
                continue  # a slogan or a title joined by a dot (某某之约·共促某某), not a transliterated name
            out.append(Cand(s, e, "PERSON", "zh.person.dotted_name"))
        return out

    def _honorifics(self, text, got) -> list[Cand]:
        out = []
        for s, e in got["HONOR"]:
            if s >= 1 and text[s - 1] in self.surnames:
                out.append(Cand(s - 1, e, "HONORIFIC", "zh.person.honorific", key=text[s - 1]))
        return out


COMPANY_FORMS = ("股份有限公司", "有限责任公司", "有限公司")


def _strip_form(name: str) -> str:
    """A registered name without its company form (某某集团有限公司 -> 某某集团)."""
    return next((name[:-len(f)] for f in COMPANY_FORMS if name.endswith(f)), name)


def load_central_soe(path: Path) -> dict[str, str]:
    """Every written form of the central enterprises in `path` (name, short names) -> the name."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, shorts = line.partition("\t")
        for form in [name, *shorts.split("|")]:
            if form.strip():
                out[form.strip()] = name.strip()
    return out


def load_industry_words(path: Path) -> list[str]:
    """The industry words of pipeline/data/industry_words.tsv (scripts/build_industry_words.py, GB/T 4754-2017)."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.append(line.split("\t")[0])
    return words
