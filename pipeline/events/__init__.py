"""Events stage: one event per article (type, date, main person, participants, organizations, places).

Reads what the earlier stages found (lines, kept text, NER entities incl. TITLE mentions, dates) and
the rule files configs/events/triggers.toml, configs/events/roles.toml (role cues) and the rank table of
configs/titles.toml. Every field cites
evidence offsets into `doc.text`; `Event.rules` lists the rule ids that decided the fields.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import StageConfig, resource_path
from pipeline.document import Document
from pipeline.registry import register_stage
from pipeline.schema import Event


class EventsConfig(StageConfig):
    """Config of the events stage."""

    triggers: str = "configs/events/triggers.toml"
    titles: str = "configs/titles.toml"
    roles: str = "configs/events/roles.toml"
    gazetteer: str = "pipeline/data/gazetteer_cn.tsv"
    date_lead_paragraphs: int = 2

    def data_files(self) -> list[Path]:
        """The rule files are part of the config hash."""
        return [resource_path(self.triggers), resource_path(self.titles), resource_path(self.roles), resource_path(self.gazetteer)]

    def check_rule_files(self) -> None:
        """Validate the rule files (RuleFileError names the file and key)."""
        from pipeline.events.rules import load_rules

        load_rules(resource_path(self.triggers), resource_path(self.titles), resource_path(self.roles))


@register_stage("events", EventsConfig, writes=("event",))
def make_events(cfg: EventsConfig):
    """Build the events stage: load the rule files once."""
    from pipeline.events import people, where
    from pipeline.events.kind import decide_type, qa_form
    from pipeline.events.rules import load_rules
    from pipeline.events.text import lead_regions
    from pipeline.events.when import event_date

    rules = load_rules(resource_path(cfg.triggers), resource_path(cfg.titles), resource_path(cfg.roles), resource_path(cfg.gazetteer))

    def run(doc: Document) -> Document:
        decision = decide_type(rules, doc)
        fired = [f"type:{r}" for r in decision.rules]
        date, date_rule = event_date(doc, cfg.date_lead_paragraphs)
        if date_rule:
            fired.append(f"date:{date_rule}")
        regions = lead_regions(doc)
        cands = people.collect(rules, doc, regions["lead"])
        main = None
        if decision.type == "press_conference":
            # The spokesperson presenting the conference first, else the official answering the questions.
            main = people.spokesperson(rules, doc, cands)
            if main is not None:
                fired.append(f"main_person:{rules.press_main_tier}")
            answers = qa_form(rules, doc)
            if main is None and answers:
                main = people.answerer(rules, doc, cands, answers[0][4])
                if main is not None and main not in cands:
                    cands.append(main)
                fired.append(f"main_person:{answers[0][0]}")
            if main is None:
                main = people.press_answerer(rules, cands)
                if main is not None:
                    fired.append(f"main_person:{main.answers}")
        if main is None:
            main = people.choose_main(cands)
            if main is not None and main.drives:
                fired.append(f"main_person:{main.drives}")
            # cite the guest cue when it kept a higher-ranked received guest from being the main person
            outranking_guest = next((c.guest for c in cands if c.guest and main is not None and c.rank > main.rank), None)
            if outranking_guest:
                fired.append(f"main_person:{outranking_guest}")
        # With no event (a statistics release) a quoted manager is no main person: only an official acts.
        if decision.type == "other" and main is not None and not people.is_official(rules, main):
            main = None
            fired.append(f"main_person:{rules.other_main_id}")
        main_person = None
        if main is not None:
            main_person, person_rules = people.to_person(rules, doc, main, with_org=True)
            fired += [f"main_person:{r}" for r in person_rules]
            if main.honorifics:
                fired.append(f"main_person:{rules.honorific_id}")
        blocked = [t for c in cands for t in c.titles]
        blocked += [(m.start, m.end) for e in doc.entities if e.type == "TITLE" for m in e.mentions]
        visited, visit_rules = where.visited_organizations(rules, doc, blocked)
        fired += [f"visited:{r}" for r in visit_rules]
        doc.event = Event(
            type=decision.type,
            confidence=decision.confidence,
            secondary_types=decision.secondary,
            evidence=decision.evidence,
            date=date,
            main_person=main_person,
            participants=people.participants(rules, doc, cands, main),
            visited_organizations=visited,
            places=where.places(doc),
            rules=fired,
        )
        return doc

    return run
