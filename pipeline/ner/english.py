"""`english` NER back-end: works offline with no trained model.

spaCy's blank English tokenizer and a SpanRuler (EntityRuler's sibling that keeps overlapping
hits) mark lexicon words: gazetteer places in pinyin, level words, party and government bodies,
roles and organization head words (configs/ner/english.toml). Python then composes them into
titles, bodies with a locale, named organizations, parks and places, and finds Chinese names in
pinyin (a surname, then a given name made of pinyin syllables).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.config import resource_path
from pipeline.ner.base import RawEntity
from pipeline.ner.gazetteer import EN_LEVEL, Gazetteer
from pipeline.rulefiles import load_en_rules, load_surnames

NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'’&.-]*$")
ITEM = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*)*")
ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
VENUE_HEADS = {"Exhibition Hall", "Hall", "Center", "Centre", "Garment City", "Clothing City", "Textile City",
               "Trade City", "Mall", "Market", "Museum", "Platform"}


class EnglishRules:
    """Lexicons and rules of the English back-end, loaded once."""

    def __init__(self, rules_path: Path, surnames_path: Path, syllables_path: Path, gazetteer: Gazetteer,
                 titles_path: Path | None = None) -> None:
        import spacy
        from pypinyin import Style, pinyin

        self.r = load_en_rules(rules_path, titles_path)  # validated; titles from configs/titles.toml
        sur = load_surnames(surnames_path)
        self.syllables = frozenset(syllables_path.read_text(encoding="utf-8").split())
        self.surnames = set()
        for ch in "".join(sur["single"].split()):
            self.surnames.update(s.capitalize() for s in pinyin(ch, style=Style.NORMAL, heteronym=True)[0])
        for word in sur["compound"]:
            self.surnames.add("".join(p[0] for p in pinyin(word, style=Style.NORMAL)).capitalize())
        self.gaz = gazetteer
        g = self.r["en.place.gazetteer"]
        places = [n for n in gazetteer.by_english if n not in set(g["ambiguous"])]
        lexicons = {
            "GAZ": places,
            "COUNTRY": g["countries"],
            "LEVEL": g["levels"],
            "BODY": self.r["en.org.gov_body"]["bodies"],
            "SUB": self.r["en.org.gov_body"]["sub_units"],
            "NATIONAL": self.r["en.org.national"]["bodies"],
            "ROLE": self.r["en.title"]["roles"],
            "STANDALONE": self.r["en.title"]["standalone"],
            "HEAD": self.r["en.org.named"]["heads"],
            "PARK": self.r["en.place.park"]["heads"],
        }
        self.nlp = spacy.blank("en")
        ruler = self.nlp.add_pipe("span_ruler", config={"spans_key": "lex", "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns([{"label": k, "pattern": w} for k, words in lexicons.items() for w in sorted(set(words))])
        self.level_after = set(g["level_words_after"])
        self.body_adjectives = set(self.r["en.org.gov_body"]["adjectives"])
        self.legal_forms = set(self.r["en.org.named"]["legal_forms"])
        self.stop = set(self.r["en.org.named"]["stop"])
        self.heads = set(self.r["en.org.named"]["heads"])
        self.named_park_heads = set(self.r["en.place.park"]["named_heads"])
        self.party_prefixes = set(self.r["en.org.gov_body"]["party_prefixes"])
        self.park_bodies = set(self.r["en.org.gov_body"]["park_bodies"])
        self.sector_words = set(self.r["en.org.named"]["sector_words"])
        self.enum_cue = re.compile(self.r["en.org.enumeration"]["cue"])
        self.platform_cue = re.compile(self.r["en.org.quoted_platform"]["cue"])

    def place_key(self, form: str) -> str:
        """The gazetteer's Chinese name for a pinyin place (Changshu City -> 常熟市), else the form."""
        bare = form
        for level in EN_LEVEL.values():
            if bare.endswith(" " + level):
                bare = bare[: -len(level) - 1]
        place = self.gaz.by_english.get(bare)
        return place.name if place else form

    @lru_cache(maxsize=4096)
    def is_pinyin(self, word: str, max_syllables: int = 3) -> bool:
        """True when `word` splits into 1..max_syllables pinyin syllables (lubao = lu + bao)."""
        w = word.lower().replace("-", "").replace("ü", "v")
        if not w.isalpha() or not w.isascii():
            return False
        best = {0: 0}
        for i in range(len(w)):
            if i not in best:
                continue
            for j in range(i + 1, min(len(w), i + 6) + 1):
                if w[i:j] in self.syllables and best.get(j, 99) > best[i] + 1:
                    best[j] = best[i] + 1
        return best.get(len(w), 99) <= max_syllables

    def find(self, text: str) -> list[RawEntity]:
        """Entities of one English text (PERSON, ORG, PLACE, TITLE), offsets into it."""
        doc = self.nlp(text)
        lex: dict[str, list] = {}
        for sp in doc.spans["lex"]:
            lex.setdefault(sp.label_, []).append((sp.start, sp.end))
        by_start: dict[str, dict[int, int]] = {k: {} for k in ("GAZ", "LEVEL", "BODY", "SUB", "ROLE", "HEAD")}
        for k in by_start:
            for s, e in lex.get(k, []):
                by_start[k][s] = max(e, by_start[k].get(s, s))
        out: list[tuple[int, int, str, str]] = []  # token spans (start, end, label, rule)

        def locale_end(i: int) -> int:
            """End token of a place (with its level word) starting at token i, or i if none."""
            if i not in by_start["GAZ"]:
                return i
            j = by_start["GAZ"][i]
            if j in by_start["LEVEL"] and not (by_start["LEVEL"][j] < len(doc)
                                                and doc[by_start["LEVEL"][j]].text in self.level_after):
                j = by_start["LEVEL"][j]
            return j

        def body_start(j: int) -> int:
            """Token where a body starts after a locale: j, or after one adjective (Municipal Bureau of Commerce)."""
            if j not in by_start["BODY"] and j < len(doc) and doc[j].text in self.body_adjectives \
                    and j + 1 in by_start["BODY"]:
                return j + 1
            return j

        out += [(s, locale_end(s), "PLACE", "en.place.gazetteer") for s, _ in lex.get("GAZ", [])]
        out += [(s, e, "PLACE", "en.place.gazetteer") for s, e in lex.get("COUNTRY", [])]
        bodies = []
        for s, _ in lex.get("GAZ", []):
            j = body_start(locale_end(s))
            if j in by_start["BODY"]:
                e = self._chain(by_start["BODY"][j], by_start)
                start = s - 1 if s > 0 and doc[s - 1].text in self.party_prefixes else s
                bodies.append((start, e, "ORG", "en.org.gov_body"))
        # a sub-unit of a body written before it (Information Office of the Shenzhen Municipal Government)
        body_at = {s: e for s, e, _, _ in bodies}
        for s, e in lex.get("SUB", []):
            j = e + (e < len(doc) and doc[e].lower_ == "of")
            j += j > e and j < len(doc) and doc[j].lower_ == "the"
            if j > e and j in body_at:
                bodies.append((s, body_at[j], "ORG", "en.org.gov_body"))
        out += bodies
        out += [(s, self._chain(e, by_start), "ORG", "en.org.national") for s, e in lex.get("NATIONAL", [])]
        out += self._titles(doc, lex, by_start, lambda i: body_start(locale_end(i)))
        out += self._named_orgs(doc, lex)
        parks = self._parks(doc, lex)
        out += parks + self._park_bodies(doc, lex, by_start, parks)
        out += self._features(doc, lex)
        out += self._persons(doc)
        ents = [RawEntity(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), lab, rule) for s, e, lab, rule in out]
        ents += self._enumerations(text) + self._platforms(text)
        return ents

    @staticmethod
    def _chain(end: int, by_start) -> int:
        while end in by_start["SUB"]:
            end = by_start["SUB"][end]
        return end

    def _titles(self, doc, lex, by_start, locale_end) -> list:
        out = []
        for s, e in lex.get("ROLE", []):  # Secretary of the Suzhou Municipal Party Committee
            j = e
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
                j += j < len(doc) and doc[j].text in self.party_prefixes
                k = locale_end(j)
                if k in by_start["BODY"]:
                    out.append((s, by_start["BODY"][k], "TITLE", "en.title"))
        for s, e in lex.get("BODY", []):  # (Suzhou) Municipal Party Committee Secretary
            if e in by_start["ROLE"]:
                start = s
                for g, _ in lex.get("GAZ", []):
                    if locale_end(g) == s:
                        start = g
                out.append((start, by_start["ROLE"][e], "TITLE", "en.title"))
        for s, e in lex.get("STANDALONE", []):
            start = next((g for g, _ in lex.get("GAZ", []) if locale_end(g) == s), s)
            out.append((start, e, "TITLE", "en.title"))
        return out

    def _named_orgs(self, doc, lex) -> list:
        limit = self.r["en.org.named"]["max_words"]
        out = []
        for s, e in lex.get("HEAD", []):
            i = s
            while i > 0 and s - i < limit and NAME_TOKEN.match(doc[i - 1].text) and doc[i - 1].text not in self.stop:
                i -= 1
            if i < s and not all(doc[k].text in self.heads for k in range(i, s)):
                legal = e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].text.rstrip(".") in self.legal_forms
                if doc[e - 1].text in self.sector_words and not legal:
                    continue  # Automobile Industry: a sector, not an organization
                # the legal form after a comma belongs to the name (Trina Solar Co., Ltd.)
                if legal:
                    e += 2
                    if e < len(doc) and doc[e].text == "." and doc[e].idx == doc[e - 1].idx + len(doc[e - 1].text):
                        e += 1
                out.append((i, e, "ORG", "en.org.named"))
        return out

    def _parks(self, doc, lex) -> list:
        out = []
        gaz_starts = {s for s, _ in lex.get("GAZ", [])}
        for s, e in lex.get("PARK", []):
            i = s
            while i > 0 and NAME_TOKEN.match(doc[i - 1].text) and doc[i - 1].text not in self.stop:
                i -= 1
            starts = [k for k in range(i, s) if k in gaz_starts]
            if not starts and i < s and doc[s:e].text in self.named_park_heads:
                starts = [i]
            if starts:
                out.append((min(starts), e, "PLACE", "en.place.park"))
        return out

    def _park_bodies(self, doc, lex, by_start, parks) -> list:
        """A park's own body: the park then the body (... Zone Administrative Committee), or the body of the park."""
        out = []
        park_at = {s: e for s, e, _, _ in parks}
        for s, e in park_at.items():
            if e in by_start["BODY"] and doc[e:by_start["BODY"][e]].text in self.park_bodies:
                out.append((s, self._chain(by_start["BODY"][e], by_start), "ORG", "en.org.gov_body"))
        for s, e in lex.get("BODY", []):
            j = e + (e < len(doc) and doc[e].lower_ == "of")
            j += j > e and j < len(doc) and doc[j].lower_ == "the"
            if doc[s:e].text in self.park_bodies and j > e and j in park_at:
                out.append((s, park_at[j], "ORG", "en.org.gov_body"))
        return out

    def _features(self, doc, lex) -> list:
        """A pinyin or gazetteer name and a natural-feature or port head (Changxing Island, Yantai Port)."""
        f = self.r["en.place.feature"]
        heads = set(f["heads"])
        gaz_starts = {s for s, _ in lex.get("GAZ", [])}
        out = []
        for j, tok in enumerate(doc):
            if tok.text not in heads:
                continue
            i = j
            while i > 0 and j - i < f["max_name_words"] and NAME_TOKEN.match(doc[i - 1].text) \
                    and doc[i - 1].text not in self.stop and (i - 1 in gaz_starts or self.is_pinyin(doc[i - 1].text, 4)):
                i -= 1
            if i < j:
                out.append((i, j + 1, "PLACE", "en.place.feature"))
        return out

    def _persons(self, doc) -> list:
        out = []
        for i in range(len(doc) - 1):
            sur, given = doc[i].text, doc[i + 1].text
            if sur in self.surnames and NAME_TOKEN.match(given) and given not in self.stop \
                    and given not in self.heads and self.is_pinyin(given, 2):
                out.append((i, i + 2, "PERSON", "en.person.pinyin"))
        return out

    def _enumerations(self, text: str) -> list[RawEntity]:
        limit = self.r["en.org.enumeration"]["max_item_words"]
        out = []
        for m in self.enum_cue.finditer(text):
            pos = m.end()
            while True:
                item = ITEM.match(text, pos)
                if not item or len(item.group().split()) > limit:
                    break
                out.append(RawEntity(item.start(), item.end(), "ORG", "en.org.enumeration"))
                sep = ITEM_SEP.match(text, item.end())
                if not sep:
                    break
                pos = sep.end()
        return out

    def _platforms(self, text: str) -> list[RawEntity]:
        out = []
        for m in re.finditer(r"[“\"‘]([A-Z][\w&' -]{1,40}?)(?=[”\"’])", text):
            if self.platform_cue.match(text, m.end()):
                out.append(RawEntity(m.start(1), m.end(1), "ORG", "en.org.quoted_platform"))
        return out


class EnglishBackend:
    """The English back-end; the `ner` stage passes its loaded rules, standalone use loads the defaults."""

    name = "english"

    def __init__(self, rules: EnglishRules | None = None) -> None:
        if rules is None:
            d = resource_path("configs/ner")
            data = resource_path("pipeline/data")
            rules = EnglishRules(d / "english.toml", d / "surnames.toml", data / "pinyin_syllables.txt",
                                 Gazetteer.load(data / "gazetteer_cn.tsv"))
        self.rules = rules

    def predict(self, texts: list[str]) -> list[list[RawEntity]]:
        """One list of entities per text."""
        return [self.rules.find(t) for t in texts]
