"""The registered proposers of the Chinese pattern layer: each proposes candidate spans under its name.

Every candidate carries the rule id that proposed it (`Cand.source`, the evidence); `ner.disabled_proposers`
switches proposers off by name, and one resolver (`pipeline.ner.link.resolve`) chooses the final spans.
`benchmarks/ablation_ner.py` scores the real pages with each proposer switched off.
"""

from __future__ import annotations

# name -> what it proposes (and the rule ids of configs/ner/zh_rules.toml it runs)
PROPOSERS: dict[str, str] = {
    "backend": "the back-end model's entities after boundary fixes and the annotation filters (lac, spacy-msra ...)",
    "gazetteer": "places of China's administrative divisions and countries (zh.place.gazetteer)",
    "titles": "official titles, body + role (zh.title)",
    "gov_bodies": "government and party bodies with a locale, national bodies (zh.org.gov_body, zh.org.national)",
    "org_suffix": "names completed up to a company, institution, venue or farm suffix (zh.org.suffix/venue/rural)",
    "brand_industry": "company short names, 字号 + GB/T 4754 industry word (zh.org.brand_industry)",
    "parks": "parks, zones and port areas (zh.place.park, zh.place.port_facility)",
    "enumerations": "items of a list closed by 等N家企业 (zh.org.enumeration)",
    "platforms": "quoted platform names (zh.org.quoted_platform)",
    "after_title": "a surname-led name right after a title (zh.person.after_title)",
    "after_title_bounded": "a name without a Han surname between a title and a closer (zh.person.after_title_bounded)",
    "honorifics": "surname + title references (zh.person.honorific)",
    "dotted_names": "transliterated names with · (zh.person.dotted_name)",
    "media": "news media (zh.org.media)",
    "central_soe": "central state-owned enterprises and their short names, SASAC's list (zh.org.central_soe)",
    "clause_sites": "在 + a named site + comma (zh.org.clause_site)",
    "school_units": "colleges named with two joined subjects (zh.org.school_conjunction)",
    "features": "natural features named after a place (zh.place.natural_feature)",
    "speaker_labels": "NAME： speaker labels in interviews (zh.person.speaker_label)",
}


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
