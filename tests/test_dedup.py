"""Near-duplicate clusters and per-cluster splits (`pipeline.dedup`), on hand-written articles and their mirrors."""

from __future__ import annotations

import random
from collections import Counter

import pytest

pytest.importorskip("datasketch", reason="near-duplicate detection needs the export extra: pip install -e '.[export]'")
opencc = pytest.importorskip("opencc")

from pipeline.dedup import DedupConfig, cluster, containment, duplicate_pairs, pair_scores, shingle_hashes, split_of  # noqa: E402

# Made-up articles: same genre (officials visiting firms), different stories.
ARTICLES = {
    "a": "临江市委书记方明远率队调研新能源汽车产业\n"
         "3月12日，临江市委书记方明远率队深入开发区调研新能源汽车产业发展情况。"
         "在临江动力电池有限公司，方明远察看了电芯生产线，详细了解企业研发投入、订单和用工情况。"
         "他强调，要坚持创新驱动，加快补齐产业链短板，推动整车与零部件企业协同发展。"
         "随后，调研组来到市智能网联测试场，听取了测试场建设运营情况汇报。"
         "市领导周启航、林晓雯参加调研。",
    "b": "青禾县召开民营企业座谈会\n"
         "5月8日下午，青禾县召开民营企业座谈会，县长许文涛主持会议并讲话。"
         "座谈会上，十二家企业负责人先后发言，围绕融资、用地、人才引进等方面提出意见建议。"
         "许文涛逐一回应企业诉求，要求各部门建立问题清单，限时办结，切实为企业排忧解难。"
         "县政府办、发改局、工信局、金融办等部门主要负责人参加座谈。",
    "c": "南岭区举行一季度经济运行新闻发布会\n"
         "4月20日，南岭区人民政府新闻办公室举行新闻发布会，通报一季度全区经济运行情况。"
         "区统计局局长韩静介绍，一季度全区地区生产总值同比增长百分之六点二，规上工业增加值增长百分之八。"
         "区发改局、商务局相关负责人回答了记者提问。发布会还介绍了下一步稳增长的十项举措。",
    "d": "Mayor Chen Haoran inspects port logistics park\n"
         "On June 3, Mayor Chen Haoran led a delegation to inspect the Eastbay port logistics park, "
         "visiting the cold-chain warehouse and the customs clearance centre. He urged the operators to "
         "expand rail-sea intermodal routes and to cut clearance times for exporters. Vice mayor Liu Yan "
         "and officials from the commerce bureau took part in the visit.",
}
HEADER = "网站首页 | 新闻中心 | 政务公开 | 互动交流\n当前位置：首页 > 本地要闻\n"
FOOTER = "\n【打印本页】【关闭窗口】\n主办单位：某某信息中心  联系电话：0000-0000000"


def mirrors(text: str) -> dict[str, str]:
    """The ways a mirror site reposts a story."""
    s2t = opencc.OpenCC("s2t")
    return {
        "headers": HEADER + text + FOOTER,
        "traditional": s2t.convert(text),
        "cut": text[: int(len(text) * 0.55)],
        "all": HEADER + s2t.convert(text[: int(len(text) * 0.6)]) + FOOTER,
    }


def corpus():
    ids, texts, gold = [], [], []
    for key, text in ARTICLES.items():
        ids.append(key)
        texts.append(text)
        gold.append(key)
        for kind, m in mirrors(text).items():
            ids.append(f"{key}-{kind}")
            texts.append(m)
            gold.append(key)
    return ids, texts, gold


def test_mirrors_cluster_with_their_story_and_nothing_else():
    ids, texts, gold = corpus()
    infos = cluster(ids, texts)
    scores = pair_scores([i.cluster_id for i in infos], gold)
    assert scores["precision"] == 1.0
    assert scores["recall"] == 1.0
    by_id = dict(zip(ids, infos))
    # the representative is the longest member (the copy with extra header and footer lines)
    assert by_id["a-headers"].duplicate_of is None
    assert by_id["a"].duplicate_of == "a-headers"
    assert by_id["b-cut"].duplicate_of == "b-headers"


def test_one_split_per_cluster_whatever_the_order():
    ids, texts, _ = corpus()
    first = dict(zip(ids, cluster(ids, texts)))
    order = list(range(len(ids)))
    random.Random(7).shuffle(order)
    second = dict(zip([ids[i] for i in order], cluster([ids[i] for i in order], [texts[i] for i in order])))
    assert first == second
    for key in ARTICLES:
        assert len({first[i].split for i in ids if i.startswith(key)}) == 1


def test_different_stories_of_one_genre_are_not_duplicates():
    texts = list(ARTICLES.values())
    assert duplicate_pairs(texts) == []
    hashes = [shingle_hashes(t, 5) for t in texts]
    assert max(containment(hashes[0], h) for h in hashes[1:]) < 0.2


def test_short_texts_are_duplicates_only_when_equal():
    ids = ["x", "y", "z"]
    infos = cluster(ids, ["会议召开", "會議召開", "会议结束"])
    assert infos[0].cluster_id == infos[1].cluster_id  # same text in the other script
    assert infos[2].cluster_id != infos[0].cluster_id


def test_empty_texts_do_not_form_a_cluster():
    infos = cluster(["p", "q"], ["", ""])
    assert infos[0].cluster_id != infos[1].cluster_id


def test_split_ratios_are_respected():
    cfg = DedupConfig(ratios=(0.8, 0.1, 0.1))
    counts = Counter(split_of(f"c{i}", cfg) for i in range(20000))
    assert abs(counts["train"] / 20000 - 0.8) < 0.02
    assert abs(counts["dev"] / 20000 - 0.1) < 0.01
    assert abs(counts["test"] / 20000 - 0.1) < 0.01
    assert Counter(split_of(f"c{i}", DedupConfig(ratios=(1, 0, 0))) for i in range(500)) == {"train": 500}


def test_pair_scores():
    s = pair_scores(["1", "1", "2", "2"], ["a", "a", "a", "b"])
    # predicted pairs (0,1) (2,3); gold pairs (0,1) (0,2) (1,2)
    assert (s["pairs_predicted"], s["pairs_gold"], s["true_positives"]) == (2, 3, 1)
    assert s["precision"] == 0.5
    assert s["recall"] == pytest.approx(1 / 3)
