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


def check_names(names: list[str]) -> list[str]:
    """The names, or a ValueError naming the unknown ones and the known ones."""
    unknown = [n for n in names if n not in PROPOSERS]
    if unknown:
        raise ValueError(f"unknown NER proposer(s) {unknown}; known: {sorted(PROPOSERS)}")
    return names
