"""The registered proposers of the Chinese pattern layer: each proposes candidate spans under its name.

A proposer is a small class registered here, in the order the layer runs them: `name` (what
`ner.disabled_proposers` switches off), `describes` (what it proposes and the rule ids of
configs/ner/zh_rules.toml it runs), an optional `prepare` that puts what other proposers read into the shared
`Context` (the gazetteer's places, the titles, the parks), and `propose`, which returns its candidates. Every
candidate carries the rule id that proposed it (`Cand.source`, the evidence); one resolver
(`pipeline.ner.link.resolve`) chooses the final spans. The grammar the proposers share (name starts, boundary
fixes, the annotation filters) lives on `ChineseRules`, the layer they are given. To add one: write a class
with a name, register it with `@register` at its place in the order, give it a sentence in
`tests/test_ner_proposers.py`. `benchmarks/ablation_ner.py` scores a corpus with each proposer switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.ner.base import RawEntity
    from pipeline.ner.zh_rules import Cand, ChineseRules


@dataclass
class Context:
    """What one chunk's proposers share: the text, the lexicon hits, the back-end's entities, what earlier
    proposers prepared (places, titles, parks, anchors) and the candidates proposed so far (`out`)."""

    text: str
    got: dict[str, list[tuple[int, int]]]
    backend: list["RawEntity"]
    raw_places: list["Cand"] = field(default_factory=list)  # before the filters (titles start at them)
    places: list["Cand"] = field(default_factory=list)
    titles: list["Cand"] = field(default_factory=list)
    parks: list["Cand"] = field(default_factory=list)
    anchors: list[tuple[int, int, str]] = field(default_factory=list)
    out: list["Cand"] = field(default_factory=list)


class Proposer:
    """One proposer: `prepare` (optional) fills the context, `propose` returns candidates."""

    name: ClassVar[str] = ""
    describes: ClassVar[str] = ""
    stage: ClassVar[str] = "propose"  # "speaker_labels" runs on the whole document instead of chunk by chunk

    def prepare(self, layer: "ChineseRules", ctx: Context) -> None:
        return None

    def propose(self, layer: "ChineseRules", ctx: Context) -> list["Cand"]:
        raise NotImplementedError


REGISTRY: list[type[Proposer]] = []


def register(cls: type[Proposer]) -> type[Proposer]:
    """Add a proposer class at the end of the running order (names are unique)."""
    if any(p.name == cls.name for p in REGISTRY):
        raise ValueError(f"NER proposer {cls.name!r} registered twice")
    REGISTRY.append(cls)
    return cls


@register
class Gazetteer(Proposer):
    name = "gazetteer"
    describes = "places of China's administrative divisions, regions and countries (zh.place.gazetteer)"

    def prepare(self, layer, ctx):
        ctx.raw_places = layer._gazetteer_places(ctx.text, ctx.got, ctx.backend)
        ctx.places = layer._filter_places(ctx.text, ctx.got, ctx.raw_places)
        ctx.anchors = [(c.start, c.end, c.label) for c in ctx.places] + ctx.anchors

    def propose(self, layer, ctx):
        return ctx.places


@register
class Titles(Proposer):
    name = "titles"
    describes = "official titles, body + role (zh.title)"

    def prepare(self, layer, ctx):
        ctx.titles = layer._titles(ctx.text, ctx.got, ctx.raw_places)

    def propose(self, layer, ctx):
        return ctx.titles


@register
class GovBodies(Proposer):
    name = "gov_bodies"
    describes = "government and party bodies with a locale, national bodies (zh.org.gov_body, zh.org.national)"

    def propose(self, layer, ctx):
        return layer._gov_bodies(ctx.text, ctx.got, ctx.places + ctx.parks, ctx.backend)


@register
class OrgSuffix(Proposer):
    name = "org_suffix"
    describes = "names completed up to a company, institution, venue or farm suffix (zh.org.suffix/venue/rural)"

    def propose(self, layer, ctx):
        return layer._suffix_orgs(ctx.text, ctx.got, ctx.anchors, ctx.backend)


@register
class BrandIndustry(Proposer):
    name = "brand_industry"
    describes = "company short names, 字号 + GB/T 4754 industry word (zh.org.brand_industry)"

    def propose(self, layer, ctx):
        return layer._brand_industry(ctx.text, ctx.got, ctx.places, ctx.backend, ctx.out)


@register
class Parks(Proposer):
    name = "parks"
    describes = "parks, zones and port areas (zh.place.park, zh.place.port_facility)"

    def prepare(self, layer, ctx):
        ctx.parks = layer._parks(ctx.text, ctx.got, ctx.anchors)

    def propose(self, layer, ctx):
        return ctx.parks


@register
class Enumerations(Proposer):
    name = "enumerations"
    describes = "items of a list closed by 等N家企业 or by a word for divisions (zh.org.enumeration, zh.place.enumeration)"

    def propose(self, layer, ctx):
        return layer._enumerations(ctx.text)


@register
class Platforms(Proposer):
    name = "platforms"
    describes = "quoted platform names and quoted names ending in an organization form (zh.org.quoted_platform)"

    def propose(self, layer, ctx):
        return layer._platforms(ctx.text)


@register
class Backend(Proposer):
    name = "backend"
    describes = "the back-end model's entities after boundary fixes and the annotation filters (lac, spacy-msra ...)"

    def propose(self, layer, ctx):
        return layer._backend(ctx.text, ctx.backend, ctx.titles, {s for s, _ in ctx.got["LEVEL"]})


@register
class AfterTitle(Proposer):
    name = "after_title"
    describes = "a surname-led name right after a title (zh.person.after_title)"

    def propose(self, layer, ctx):
        return layer._after_title(ctx.text, ctx.titles, ctx.backend)


@register
class AfterTitleBounded(Proposer):
    name = "after_title_bounded"
    describes = "a name without a Han surname between a title and a closer (zh.person.after_title_bounded)"

    def propose(self, layer, ctx):
        return layer._after_title_bounded(ctx.text, ctx.titles, ctx.out)


@register
class Honorifics(Proposer):
    name = "honorifics"
    describes = "surname + title references (zh.person.honorific)"

    def propose(self, layer, ctx):
        return layer._honorifics(ctx.text, ctx.got)


@register
class DottedNames(Proposer):
    name = "dotted_names"
    describes = "transliterated names with · (zh.person.dotted_name)"

    def propose(self, layer, ctx):
        return layer._dotted_names(ctx.text, ctx.titles)


@register
class Brands(Proposer):
    name = "brands"
    describes = "well-known companies by brand name (zh.org.brand)"

    def propose(self, layer, ctx):
        return layer._brands(ctx.text, ctx.got)


@register
class CentralSoe(Proposer):
    name = "central_soe"
    describes = "central state-owned enterprises and their short names, SASAC's list (zh.org.central_soe)"

    def propose(self, layer, ctx):
        return layer._central_soe(ctx.text, ctx.got)


@register
class Media(Proposer):
    name = "media"
    describes = "news media (zh.org.media)"

    def propose(self, layer, ctx):
        return layer._media(ctx.text, ctx.got)


@register
class ClauseSites(Proposer):
    name = "clause_sites"
    describes = "在 + a named site + comma (zh.org.clause_site)"

    def propose(self, layer, ctx):
        return layer._clause_sites(ctx.text, ctx.out)


@register
class SchoolUnits(Proposer):
    name = "school_units"
    describes = "colleges named with two joined subjects (zh.org.school_conjunction)"

    def propose(self, layer, ctx):
        orgs = [(c.start, c.end, c.label) for c in ctx.out if c.label == "ORG"]
        return layer._school_units(ctx.text, ctx.got, ctx.anchors + orgs)


@register
class Features(Proposer):
    name = "features"
    describes = "natural features named after a place (zh.place.natural_feature)"

    def propose(self, layer, ctx):
        return layer._features(ctx.text, ctx.places, ctx.backend)


@register
class SpeakerLabels(Proposer):
    name = "speaker_labels"
    describes = "NAME： speaker labels in interviews (zh.person.speaker_label); runs on the whole document"
    stage = "document"

    def propose(self, layer, ctx):  # the document-level call is `ChineseRules.speaker_labels`
        return []


# name -> what it proposes, in running order
PROPOSERS: dict[str, str] = {p.name: p.describes for p in REGISTRY}


# Off by default: more back-ends run as proposers (`ner.extra_proposers = ["hanlp"]`); their entities join the
# main back-end's where it found none, and pass the same boundary fixes and annotation filters.
EXTRA_PROPOSERS: dict[str, str] = {
    "hanlp": "the hanlp back-end's entities (models/hanlp-msra, HanLP BiLSTM-CRF trained on MSRA)",
    "spacy-msra": "the spacy-msra back-end's entities (models/spacy-msra)",
    "spacy-pkuseg": "the spacy-pkuseg back-end's entities (models/spacy-pkuseg-msra, pkuseg words)",
    "lac": "Baidu LAC's entities (when another back-end is the main one)",
}


def check_extra_names(names: list[str]) -> list[str]:
    """The names, or a ValueError naming the unknown ones and the known extra proposers."""
    unknown = [n for n in names if n not in EXTRA_PROPOSERS]
    if unknown:
        raise ValueError(f"unknown extra NER proposer(s) {unknown}; known: {sorted(EXTRA_PROPOSERS)}")
    return names


def check_names(names: list[str]) -> list[str]:
    """The names, or a ValueError naming the unknown ones and the known ones."""
    unknown = [n for n in names if n not in PROPOSERS]
    if unknown:
        raise ValueError(f"unknown NER proposer(s) {unknown}; known: {sorted(PROPOSERS)}")
    return names
