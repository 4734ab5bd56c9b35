"""The pattern layer's lexicon lookup gives exactly what spaCy's PhraseMatcher over one token per
character gave (after dropping matches with whitespace), on the layer's real lexicons."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from pipeline.config import resource_path
from pipeline.ner.gazetteer import Gazetteer
from pipeline.ner.lexicon_matcher import LexiconMatcher
from pipeline.ner.zh_rules import ChineseRules

OWN = [
    "苏州市委书记到吴江区走访企业，市长、副市长陪同。",
    "苏 州市人民政府和苏\n州工业园区管委会联合发布通知。",
    "浙江省杭州市余杭区人民政府办公室 New York 驻华总领事馆",
    "县委常委、常务副县长在乡镇卫生院调研，县人大常委会主任参加。",
    "",
    "市",
    "  \t\n　",
]


class PhraseReference:
    """spaCy's PhraseMatcher over `spacy.blank("zh")` tokens (the layer's lookup before lexicon_matcher)."""

    def __init__(self, lexicons):
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("zh")
        self.matcher = PhraseMatcher(self.nlp.vocab)
        self.ids = {}
        for key, words in lexicons.items():
            self.matcher.add(key, list(self.nlp.tokenizer.pipe(sorted(set(words)))))
            self.ids[key] = self.nlp.vocab.strings[key]

    def find(self, text):
        doc = self.nlp.make_doc(text)
        ms = self.matcher(doc)
        out = {}
        for key, kid in self.ids.items():
            spans = [doc[s:e] for k, s, e in ms if k == kid]
            out[key] = [(sp.start_char, sp.end_char) for sp in spans if not any(c.isspace() for c in sp.text)]
        return out


@pytest.fixture(scope="module")
def both():
    gaz = Gazetteer.load(resource_path("pipeline/data/gazetteer_cn.tsv"))
    rules = ChineseRules(resource_path("configs/ner/zh_rules.toml"), resource_path("configs/ner/surnames.toml"), gaz)
    return rules.lexicon, PhraseReference(rules.lexicon.source)


def test_same_spans_on_own_sentences_and_seeds(both):
    fast, ref = both
    texts = OWN + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    hits = 0
    for text in texts:
        got = fast.find(text)
        assert got == ref.find(text), text[:40]
        hits += sum(map(len, got.values()))
    assert hits > 200  # the lexicons really match: the comparison is not between two empty results


def test_whitespace_never_matches():
    m = LexiconMatcher({"A": ["苏州", "苏州市", "New York", "州"], "B": ["苏州", ""]})
    assert m.find("苏州市 苏 州\nNew York") == {"A": [(0, 2), (0, 3), (1, 2), (6, 7)], "B": [(0, 2)]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["苏州", "市", "县委", "书记", "人民政府", "工业园区", "有限公司", "省", " ", "\n", "　",
                                 "a", "·", "镇", "长", "副", "江", "区", "集团", "中心"]), max_size=30))
def test_same_spans_on_random_text(both, parts):
    fast, ref = both
    text = "".join(parts)
    assert fast.find(text) == ref.find(text)
