"""`english` NER back-end: works offline with no trained model.

spaCy's blank English tokenizer and a SpanRuler (EntityRuler's sibling that keeps overlapping
hits) mark lexicon words: gazetteer places in pinyin, level words, party and government bodies,
roles and organization head words (configs/ner/english.toml). Python then composes them into
titles, bodies with a locale, named organizations, parks and places, and finds Chinese names in
pinyin (a surname, then a given name made of pinyin syllables). Companies end in a registered legal form
(Co., Ltd.; Joint-Stock Co., Ltd.; Inc.; GmbH) and take the capitalized words before it.

Pages scraped lower-cased or written in capitals have no case to read names from: such a text is given a
cased view of the same length (`case_view`) in which lexicon phrases take their lexicon spelling, pinyin
names and the words of a registered company name are capitalized; the rules read that view, and the
offsets they return hold for the original text.
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
ABBREVIATION = re.compile(r"[A-Z][a-z]{1,3}")  # Co, Ltd, Inc, Corp, Pte: the dot after them is theirs
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
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
        self.exonyms = {k.lower(): v for k, v in g["exonyms"]}
        places = [n for n in gazetteer.by_english if n not in set(g["ambiguous"])] + [k for k, _ in g["exonyms"]]
        lexicons = {
            "GAZ": places,
            "COUNTRY": g["countries"] + g["regions"],
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
        # both apostrophes (People's / People’s): pages write either
        lexicons = {k: sorted(set(words) | {w.replace("'", "’") for w in words}) for k, words in lexicons.items()}
        ruler.add_patterns([{"label": k, "pattern": w} for k, words in lexicons.items() for w in words])
        self._init_case(lexicons, set(g["lower_ambiguous"]), self.r["en.org.gov_body"]["party_prefixes"])
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
        self.other_cue = re.compile(self.r["en.org.enumeration"]["other_cue"])
        self.platform_cue = re.compile(self.r["en.org.quoted_platform"]["cue"])
        self.levels = sorted(g["levels"], key=len, reverse=True)
        self.place_by_lower = {k.lower(): v for k, v in gazetteer.by_english.items()}
        self.gov_heads = set(self.r["en.org.gov_body"]["heads"])
        self.gov_max = self.r["en.org.gov_body"]["max_words"]
        self.of_heads = set(self.r["en.org.named"]["of_heads"])
        self.and_phrases = {p.lower() for p in self.r["en.org.named"]["and_phrases"]}
        named = self.r["en.org.named"]

        def alt(forms: list[str]) -> str:
            # an abbreviation (Co, Ltd, Inc) takes its dot; after a whole word (Limited) a dot ends the sentence
            return "|".join(re.escape(f).replace(r"\ ", r"\s+") + (r"\.?" if ABBREVIATION.fullmatch(f) else "")
                            for f in sorted(forms, key=len, reverse=True))

        form = rf"(?:(?i:{alt(named['company_forms'])})|{alt(named['company_forms_cased'])})(?![\w-])"
        qual = rf"(?i:{alt(named['company_qualifiers'])})"
        # the legal-form tail of a registered name: qualifiers, then forms joined by commas (Co., Ltd.)
        self.company_tail = re.compile(rf"(?:{qual}[ \t]*)*{form}(?:[ \t]*,?[ \t]*{form})*")

    def _init_case(self, lexicons: dict[str, list[str]], ambiguous: set[str], prefixes: list[str]) -> None:
        """Lexicon phrases matched without case, for the cased view of lower-cased or capitalized text."""
        from spacy.lang.en.stop_words import STOP_WORDS
        from spacy.matcher import PhraseMatcher

        self.stop_words = set(STOP_WORDS)
        self.case_forms: dict[str, str] = {}
        self.case_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.name_words = {w.lower() for w in self.r["en.org.named"]["lower_name_words"]}
        # the last word of a title before a name (vice governor ma lin): a one-syllable given name is a name there
        self.title_words = {w.split()[-1].lower() for w in self.r["en.title"]["roles"] + self.r["en.title"]["standalone"]}
        for label, words in (*lexicons.items(), ("PREFIX", prefixes)):
            if label in ("HEAD",):
                continue
            words = [w for w in words if w not in ambiguous and w.lower() not in self.stop_words]
            for w in words:
                self.case_forms.setdefault(w.lower(), w)
            self.case_matcher.add(label, [self.nlp.make_doc(w.lower()) for w in words])

    def place_key(self, form: str) -> str:
        """The gazetteer's Chinese name for a pinyin place (Changshu City -> 常熟市), else the form.

        Any letter case (a lower-cased page writes tianjin municipality) and any level word of the rules."""
        bare = " ".join(form.split())
        for level in [*self.levels, *EN_LEVEL.values()]:
            if bare.lower().endswith(" " + level.lower()):
                bare = bare[: -len(level) - 1]
                break
        if bare.lower() in self.exonyms:
            return self.exonyms[bare.lower()]
        place = self.place_by_lower.get(bare.lower())
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

    def case_view(self, text: str) -> str | None:
        """A cased copy of a lower-cased or all-capitals text (same length), or None for a cased text.

        Capitals are lowered first. Then lexicon phrases take their lexicon spelling (a level word only
        right after a place: tianjin city), a pinyin surname with a pinyin given name is capitalized (two
        given syllables, or one before a comma: hao peng, ...), and so are the words of a registered company
        name before its legal form (tianjin lishen battery joint-stock co., ltd.)."""
        words = WORD.findall(text)
        if len(words) < 4:
            return None
        if sum(w.isupper() and len(w) > 1 for w in words) >= 0.8 * len(words):
            base = text.lower()
        elif not any(w[0].isupper() and not w.isupper() for w in words):  # acronyms (CPC) may stay
            base = text
        else:
            return None
        if len(base) != len(text):
            return None
        chars = list(base)
        doc = self.nlp.make_doc(base)
        found = sorted(((self.nlp.vocab.strings[k], s, e) for k, s, e in self.case_matcher(doc)),
                       key=lambda m: (m[0] == "LEVEL", m[1] - m[2]))
        place_ends = {e for label, _, e in found if label == "GAZ"}
        for label, s, e in found:
            if label == "LEVEL" and s not in place_ends:
                continue
            span = doc[s:e]
            form = self.case_forms.get(span.text.lower(), "")
            if len(form) == len(span.text):
                chars[span.start_char:span.end_char] = form
        for i in range(len(doc) - 1):
            sur, given = doc[i].lower_, doc[i + 1].lower_
            if sur.capitalize() in self.surnames and sur not in self.stop_words and given.isalpha() \
                    and given not in self.stop_words and self.is_pinyin(given, 2) \
                    and (not self.is_pinyin(given, 1) or (i + 2 < len(doc) and doc[i + 2].text in ",:")
                         or (i > 0 and doc[i - 1].lower_ in self.title_words)):
                for tok in (doc[i], doc[i + 1]):
                    chars[tok.idx] = chars[tok.idx].upper()
        for start, end in self._company_spans(base, lower=True):
            for m in WORD.finditer(base, start, end):
                chars[m.start()] = chars[m.start()].upper()
        return "".join(chars)

    def _company_spans(self, text: str, lower: bool = False) -> list[tuple[int, int]]:
        """(start, end) of registered company names: capitalized words (any words but function words
        and verb forms in a lower-cased text), a locale in brackets among them, then the legal form."""
        limit = self.r["en.org.named"]["max_words"]
        out = []
        for m in self.company_tail.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'’"):
                continue
            if lower and m.group().lower().rstrip(".") in ("company", "corporation", "incorporated", "group"):
                continue  # the company, a big corporation: no registered name in lower case
            start, pos, n, after = None, m.start(), 0, ""
            while n < limit:
                w = re.search(r"(\([A-Za-z][\w ]{0,30}\)|[\w'’&.-]+)[ \t]*$", text[max(0, pos - 60):pos])
                if not w:
                    break
                word = w.group(1)
                bare = word.strip("()")
                if bare.lower() == "and" and after:  # Science and Technology: 'and' inside a name's phrase
                    before = re.search(r"([\w-]+)[ \t]+$", text[max(0, pos - len(w.group()) - 40):pos - len(w.group())])
                    if before and f"{before.group(1)} and {after}".lower() in self.and_phrases:
                        pos -= len(w.group())
                        continue
                    break
                if lower:
                    ok = WORD.fullmatch(bare) and bare.lower() not in self.stop_words \
                        and bare.lower() not in {x.lower() for x in self.stop} \
                        and (not (len(bare) > 4 and bare.lower().endswith(("ed", "ing")))
                             or bare.lower() in self.name_words or self.is_pinyin(bare, 4))
                else:
                    ok = (bare[:1].isupper() or bare[:1].isdigit()) and bare not in self.stop \
                        and bare.lower() not in ("the", "a", "an")
                if not ok:
                    break
                pos -= len(w.group())
                start, n, after = pos, n + 1, bare
            if start is not None:
                out.append((start, m.end()))
        return out

    def find(self, text: str) -> list[RawEntity]:
        """Entities of one English text (PERSON, ORG, PLACE, TITLE), offsets into it; a lower-cased or
        capitalized text is read through its cased view."""
        text = self.case_view(text) or text
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
            # Suzhou City leaders is Suzhou + city leaders; a level of several words (Uygur Autonomous
            # Region) always belongs to the place
            if j in by_start["LEVEL"] and (by_start["LEVEL"][j] - j > 1 or not (
                    by_start["LEVEL"][j] < len(doc) and doc[by_start["LEVEL"][j]].text in self.level_after)):
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
        for s, g in lex.get("GAZ", []):
            start = s - 1 if s > 0 and doc[s - 1].text in self.party_prefixes else s
            # after the level word (Suzhou City Party Committee), or from it (Chongyang County Committee)
            for j in dict.fromkeys((body_start(locale_end(s)), body_start(g))):
                if j in by_start["BODY"]:
                    bodies.append((start, self._chain(by_start["BODY"][j], by_start), "ORG", "en.org.gov_body"))
            j = locale_end(s)
            if j < len(doc) and doc[j].text in self.body_adjectives:  # Lanzhou Municipal Financial Office
                k, last = j + 1, None
                while k < len(doc) and k - j <= self.gov_max and (NAME_TOKEN.match(doc[k].text)
                                                                  or doc[k].lower_ in ("and", "of")):
                    if doc[k].text in self.gov_heads:
                        last = k
                    k += 1
                if last is not None:
                    end = last + 1
                    if end < k and doc[end].lower_ == "of":  # Provincial Department of Commerce
                        end = k
                        while doc[end - 1].lower_ in ("and", "of"):
                            end -= 1
                    bodies.append((start, self._chain(end, by_start), "ORG", "en.org.gov_body"))
        # a body of a locale (Party Committee of Guangxi, People's Government of Changchun City)
        for s, e in lex.get("BODY", []) + lex.get("SUB", []):
            j = e + (e < len(doc) and doc[e].lower_ == "of")
            j += j > e and j < len(doc) and doc[j].lower_ == "the"
            if j > e and doc[s].text[:1].isupper() and j in by_start["GAZ"] and locale_end(j) not in by_start["BODY"] \
                    and body_start(locale_end(j)) == locale_end(j):
                bodies.append((s, locale_end(j), "ORG", "en.org.gov_body"))
        # a sub-unit of a body written before it (Information Office of the Shenzhen Municipal Government)
        body_at = {s: e for s, e, _, _ in bodies}
        national_at = {s: max(e for s2, e in lex.get("NATIONAL", []) if s2 == s) for s, _ in lex.get("NATIONAL", [])}
        for s, e in lex.get("SUB", []):
            j = e + (e < len(doc) and doc[e].lower_ == "of")
            j += j > e and j < len(doc) and doc[j].lower_ == "the"
            member = s >= 3 and [t.lower_ for t in doc[s - 3:s]] in (["member", "of", "the"], ["members", "of", "the"])
            if j > e and j in body_at and not member:  # member of the Standing Committee of ...: a role, the body is the committee
                bodies.append((s, body_at[j], "ORG", "en.org.gov_body"))
            elif j > e and j in national_at and not member:  # Information Office of the State Council
                bodies.append((s, national_at[j], "ORG", "en.org.national"))
        out += bodies + self._bodies_of_locale(doc, lex, by_start, locale_end)
        out += [(s, self._chain(e, by_start), "ORG", "en.org.national") for s, e in lex.get("NATIONAL", [])]
        out += self._titles(doc, lex, by_start, lambda i: body_start(locale_end(i)))
        out += self._named_orgs(doc, lex)
        out += [(doc.char_span(s, e, alignment_mode="expand").start, doc.char_span(s, e, alignment_mode="expand").end,
                 "ORG", "en.org.named") for s, e in self._company_spans(text)]
        parks = self._parks(doc, lex, locale_end)
        out += parks + self._park_bodies(doc, lex, by_start, parks)
        out += self._features(doc, lex)
        out += self._persons(doc)
        ents = [RawEntity(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), lab, rule) for s, e, lab, rule in out]
        ents += self._enumerations(text) + self._other_lists(text) + self._platforms(text)
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
        # words of a body's or ministry's name (Bureau of Industry and Information Technology) name no company
        inside = {k for label in ("BODY", "SUB", "NATIONAL") for s, e in lex.get(label, []) for k in range(s, e)}
        for s, e in lex.get("HEAD", []):
            if s in inside:
                continue
            i = s
            while i > 0 and s - i < limit and NAME_TOKEN.match(doc[i - 1].text) and doc[i - 1].text not in self.stop:
                i -= 1
            # an institution named after its head word (Bank of China, Chinese Academy of Sciences)
            of_end = self._of_name_end(doc, e) if doc[s:e].text in self.of_heads else e
            if of_end > e and not (i < s and all(doc[k].text in self.heads for k in range(i, s))):
                out.append((i, of_end, "ORG", "en.org.named"))
                continue
            if i < s and not all(doc[k].text in self.heads for k in range(i, s)):
                legal = e + 1 < len(doc) and doc[e].text == "," \
                    and doc[e + 1].text.rstrip(".").lower() in {f.lower() for f in self.legal_forms}
                if doc[e - 1].text in self.sector_words and not legal:
                    continue  # Automobile Industry: a sector, not an organization
                # the legal form after a comma belongs to the name (Trina Solar Co., Ltd.)
                if legal:
                    e += 2
                    if e < len(doc) and doc[e].text == "." and doc[e].idx == doc[e - 1].idx + len(doc[e - 1].text) \
                            and not doc[e - 1].text.endswith("."):
                        e += 1
                out.append((i, e, "ORG", "en.org.named"))
        return out

    def _of_name_end(self, doc, e: int) -> int:
        """End of 'of' + capitalized words (and 'and' or 'of' between them) after token e, or e."""
        if not (e + 1 < len(doc) and doc[e].lower_ == "of" and NAME_TOKEN.match(doc[e + 1].text)
                and doc[e + 1].text not in self.stop):
            return e
        k = e + 1
        while k < len(doc) and k - e <= self.gov_max and (
                (NAME_TOKEN.match(doc[k].text) and doc[k].text not in self.stop) or doc[k].lower_ in ("and", "of")):
            if doc[k].lower_ == "and" and any(t.text in self.of_heads for t in doc[k + 1:k + 1 + self.gov_max]):
                break  # School of Economics and Management and Jiaotong University: two institutions
            k += 1
        while doc[k - 1].lower_ in ("and", "of"):
            k -= 1
        return k

    def _bodies_of_locale(self, doc, lex, by_start, locale_end) -> list:
        """A capitalized body name with a government head word, then 'of (the)' + a locale (Department of
        Commerce of Jiangsu Province): one body."""
        out = []
        for j, _ in lex.get("GAZ", []):
            o = j - 1 - (j >= 2 and doc[j - 1].lower_ == "the")
            if o < 1 or doc[o].lower_ != "of":
                continue
            i, has_head = o, False
            while i > 0 and o - i < self.gov_max and (
                    (NAME_TOKEN.match(doc[i - 1].text) and doc[i - 1].text not in self.stop)
                    or doc[i - 1].lower_ in ("and", "of") or doc[i - 1].text in ("'s", "’s")):
                i -= 1
                has_head |= doc[i].text in self.gov_heads
            while i < o and doc[i].lower_ in ("and", "of"):
                i += 1
            if has_head and i < o and NAME_TOKEN.match(doc[i].text):
                out.append((i, locale_end(j), "ORG", "en.org.gov_body"))
        return out

    def _parks(self, doc, lex, locale_end) -> list:
        out = []
        gaz_starts = {s for s, _ in lex.get("GAZ", [])}
        for s, e in lex.get("PARK", []):
            i = s
            while i > 0 and NAME_TOKEN.match(doc[i - 1].text) and doc[i - 1].text not in self.stop:
                i -= 1
            # a locale with its level word (Dongping County Economic Development Zone)
            starts = [g for g in gaz_starts if g < i and locale_end(g) == i]
            starts += [k for k in range(i, s) if k in gaz_starts]
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
            if sur.isupper() and len(sur) > 1:
                sur = sur.capitalize()  # XI Jinping: the surname in capitals, as some sites write it
            if sur not in self.surnames or given in self.stop or given in self.heads or not self.is_pinyin(given, 2):
                continue
            # Lin weichong, ...: a given name not capitalized, two syllables and a comma after it
            lower_given = given.isalpha() and given.islower() and not self.is_pinyin(given, 1) \
                and given not in self.stop_words and i + 2 < len(doc) and doc[i + 2].text in ",:"
            if NAME_TOKEN.match(given) or lower_given:
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

    def _other_lists(self, text: str) -> list[RawEntity]:
        """Items of a list closed by 'and other enterprises' (A, B and C and other enterprises): each a
        capitalized run of at most max_item_words words; the first item is the run that ends its clause."""
        limit = self.r["en.org.enumeration"]["max_item_words"]
        out = []
        for m in self.other_cue.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            items = re.split(r",\s*(?:and\s+)?|\s+and\s+", text[line_start:m.start()])
            pos = m.start()
            found = []
            for n, item in enumerate(reversed(items)):
                run = re.search(r"(?:[A-Z][\w&'’.-]*\s+){0,%d}[A-Z][\w&'’.-]*\s*$" % (limit - 1), item)
                end = text.rfind(item, line_start, pos + 1) + len(item.rstrip())
                pos = end - len(item.rstrip())
                if run and run.start() > 0 and n == 0:
                    continue  # the item before the cue is longer than an item may be: leave it to other rules
                if not run or run.group().split()[0] in self.stop:
                    break
                found.append((end - len(run.group().rstrip()), end))
                if run.start() > 0:
                    break  # words before the run: the list begins here (visited A, B ...)
            if len(found) >= 2:
                out += [RawEntity(s, e, "ORG", "en.org.enumeration") for s, e in found]
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
