"""Events stage on hand-written articles: type triggers, rank table, org derivation, roles, event date."""

from __future__ import annotations

import re
import unicodedata

import opencc
import pytest

from pipeline.config import REPO_ROOT
from pipeline.dates import DatesConfig, make_dates
from pipeline.document import Document
from pipeline.events import EventsConfig, make_events
from pipeline.events.people import rank_of
from pipeline.events.rules import load_rules
from pipeline.events.when import closest_year
from pipeline.schema import Entity, Mention, RawDocument

_T2S = opencc.OpenCC("t2s")
DATES = make_dates(DatesConfig())
EVENTS = make_events(EventsConfig())
CFG = EventsConfig()
RULES = load_rules(REPO_ROOT / CFG.triggers, REPO_ROOT / CFG.titles, REPO_ROOT / CFG.roles)


def norm(text: str) -> str:
    """Simplified, half-width text of the same length (what the normalize stage gives the models)."""
    out = []
    for ch in text:
        s = _T2S.convert(ch)
        ch = s if len(s) == 1 else ch
        if "\uff01" <= ch <= "\uff5e":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def make_doc(text: str, roles: dict[int, str] | None = None, **entities: list[str]) -> Document:
    """A document of `text` with hand-made NER entities: persons=[...], orgs=[...], places=[...], titles=[...]."""
    doc = Document.from_raw(RawDocument(
        doc_id="t", source_path="t.txt", source_format="txt", sha256="0", n_bytes=0, encoding="utf-8",
        encoding_confidence=1.0, text=text,
    ))
    doc.norm_text = norm(text)
    doc.lines = [ln.model_copy(update={"role": (roles or {}).get(ln.n, ln.role)}) for ln in doc.lines]
    types = {"persons": "PERSON", "orgs": "ORG", "places": "PLACE", "titles": "TITLE"}
    for key, names in entities.items():
        for name in names:
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(norm(name)), doc.norm_text)]
            doc.entities.append(Entity(
                type=types[key], text=text[spans[0][0]:spans[0][1]], simplified=norm(name), start=spans[0][0],
                end=spans[0][1], source="test", mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans],
            ))
    return doc


def event_of(text: str, **kw):
    doc = EVENTS(DATES(make_doc(text, **kw)))
    ev = doc.event
    spans = list(ev.evidence) + list(ev.date.evidence)
    for p in ([ev.main_person] if ev.main_person else []) + ev.participants:
        spans += p.evidence
    for sp in spans:
        assert doc.text[sp.start:sp.end] == sp.text
    for item in ev.visited_organizations + ev.places:
        assert doc.text[item.start:item.end] == item.text
    return ev


# --- event type -------------------------------------------------------------------------------

TYPES = [
    ("3月5日,县长王小明到城东工业园调研。", "inspection", "evt.inspection.zh"),
    ("近日,縣委書記李大山赴鄉村考察產業發展。", "inspection", "evt.inspection.zh"),
    ("市长陈一平视察防汛工作。", "inspection", "evt.inspection.zh"),
    ("副市长刘明走访困难企业。", "inspection", "evt.inspection.zh"),
    ("区长赵五实地察看项目进展。", "inspection", "evt.inspection.zh"),
    ("The mayor inspected three factories in the district.", "inspection", "evt.inspection.en"),
    ("市委召开民营企业座谈会,听取企业家意见。", "symposium", "evt.symposium.zh"),
    ("The county held a symposium with business owners.", "symposium", "evt.symposium.en"),
    ("全市纺织产业推进会召开。", "meeting", "evt.meeting.zh"),
    ("县政府召开常务会议,研究产业政策。", "meeting", "evt.meeting.zh"),
    ("The city held a planning report meeting on the industry.", "meeting", "evt.meeting.en"),
    ("市政府新闻办举行新闻发布会,介绍产业情况。", "press_conference", "evt.press.zh"),
    ("The city government held a press conference on textiles.", "press_conference", "evt.press.en"),
    ("5月8日,县里与一家新材料企业举行项目签约仪式。", "other", "evt.other.ceremony.zh"),
    ("園區第二批重點項目集中開工,副縣長出席。", "other", "evt.other.ceremony.zh"),
    ("县城污水处理厂奠基,市长宣布开工。", "other", "evt.other.ceremony.zh"),
    ("全市消费品工业推广周启动。", "other", "evt.other.ceremony.zh"),
    ("The county held a groundbreaking ceremony for a paper mill.", "other", "evt.other.ceremony.en"),
    ("On March 2, the district signed 8 projects worth 3 billion yuan.", "other", "evt.other.ceremony.en"),
    ("The city's tea promotion week opened in the square.", "other", "evt.other.ceremony.en"),
    ("区长主持会议,倾听企业家的意见和建议。", "symposium", "evt.symposium.listen.zh"),
    ("The mayor invited business owners to voice their opinions on taxes.", "symposium", "evt.symposium.listen.en"),
]


@pytest.mark.parametrize("text,etype,rule", TYPES)
def test_type_triggers(text, etype, rule):
    ev = event_of(text)
    assert ev.type == etype
    assert f"type:{rule}" in ev.rules
    assert ev.evidence and ev.confidence >= 0.5


@pytest.mark.parametrize("text", [
    "全市纺织产业研究报告显示产值增长。",         # 研究 is not 调查研究
    "The research institute published textile figures.",
    "The press release listed new products.",
    "新产品将在展厅发布。",
])
def test_type_near_misses(text):
    assert event_of(text).type == "other"


def test_ceremony_gives_way_to_a_visit_of_equal_weight():
    # a visit to a plant that also holds a groundbreaking: the visit is the event (other is last in precedence)
    assert event_of("副市长到园区调研,出席项目开工仪式。").type == "inspection"


def test_visiting_group_is_not_a_visit():
    # 考察团 names the received delegation: the reception (会见) is the event
    ev = event_of("4月2日,市长会见了新材料产业考察团。")
    assert (ev.type, ev.secondary_types) == ("meeting", [])
    assert "type:evt.meeting.reception.zh" in ev.rules


def test_cited_meeting_and_visit_are_not_the_event():
    # the plenary and the leader's visit are cited through their spirit; the symposium is the event
    text = "昨天,区委书记主持召开企业家座谈会,学习贯彻省委全会精神和总书记考察本省重要讲话精神。"
    ev = event_of(text)
    assert (ev.type, ev.secondary_types) == ("symposium", [])


def test_cited_meeting_near_miss():
    # a meeting that deploys work is this article's meeting
    assert event_of("县政府召开常务会议部署防汛工作。").type == "meeting"


def test_visit_word_naming_the_symposium():
    text = "市人大常委会召开议案调研企业家座谈会\n3月2日,市人大常委会召开企业家座谈会,副主任参加调研。"
    ev = event_of(text, roles={0: "title"})
    assert ev.type == "symposium"


def test_symposium_subject_over_a_supervision_visit():
    # the visit (督导) frames the symposium the article is about: listening to firms' opinions
    text = "听取企业心声\n前天,区长带队到开发区督导,随后主持召开民营企业座谈会,当面听取企业家的意见和建议。"
    assert event_of(text, roles={0: "title"}).type == "symposium"


def test_symposium_during_inspection_is_secondary():
    ev = event_of("8月9日,市委书记何明到木乐镇调研,并主持召开座谈会。")
    assert (ev.type, ev.secondary_types, ev.confidence) == ("inspection", ["symposium"], 0.9)


def test_meeting_mentioned_in_a_speech_is_not_the_event():
    text = "近日,市长王红到企业调研。\n王红强调,要贯彻全国人大一次会议精神,召开更多会议。"
    assert event_of(text).type == "inspection"


def test_press_conference_qa_form():
    text = "宁波的产业如何发展?\n记者提问:产业如何更好地发展?\n屠炯答:我们将加快发展。"
    ev = event_of(text, roles={0: "title"})
    assert ev.type == "press_conference" and "type:evt.press.qa.zh" in ev.rules
    assert ev.main_person.name == "屠炯" and ev.main_person.titles == []


def test_press_conference_qa_answerer_with_title():
    text = "记者问:今年怎么干?\n市经信局局长王刚答:继续推进。"
    ev = event_of(text, persons=["王刚"])
    assert ev.main_person.name == "王刚"
    assert ev.main_person.titles == ["市经信局局长"]
    assert ev.main_person.org == "市经信局"


def test_press_conference_qa_english():
    text = "Reporter: How will the industry grow?\nLi Ming: We will speed up upgrading."
    ev = event_of(text)
    assert ev.type == "press_conference" and ev.main_person.name == "Li Ming"


def test_qa_near_miss_needs_both_question_and_answer():
    assert event_of("记者提问:产业如何发展?\n会后大家合影。").type == "other"


# --- rank table ---------------------------------------------------------------------------------

def test_rank_order():
    # 领导职务层次: a secretary-general heads a department of the locale (县处级 in a city), below a county secretary
    order = ["省委书记", "省长", "副省长", "市委书记", "市长", "市委副书记", "市委常委", "副市长",
             "县委书记", "县长", "市委秘书长", "镇党委书记"]
    values = [rank_of(RULES, t)[0] for t in order]
    assert values == sorted(values, reverse=True), list(zip(order, values))


@pytest.mark.parametrize("higher,lower", [
    ("河南省人民政府副省长", "河南省国资委党委书记"),      # 省部级副职 over a department's head (厅局级正职)
    ("省政协副主席", "省政协副秘书长"),                 # CPPCC vice-chair over its deputy secretary-general
    ("市政协副主席", "市政协文史委员会主任"),           # a vice-chair over the head of one of its committees
    ("市人大常委会副主任", "市人大常委会办公室主任"),
    ("省文旅厅厅长", "县委书记"),                       # 厅局级正职 over 县处级正职
    ("市委常委", "市委宣传部副部长"),
    ("镇长", "县商务局副局长"),                         # 乡科级正职 over 乡科级副职
    ("县委副书记", "中华总商会会长"),                   # associations and chambers below every official
    ("副镇长", "市工商联合会会长"),
    ("Vice Governor of Hunan Province", "Director of the Hunan Provincial Department of Commerce"),
])
def test_rank_levels_of_departments_and_associations(higher, lower):
    assert rank_of(RULES, higher)[0] > rank_of(RULES, lower)[0], (rank_of(RULES, higher), rank_of(RULES, lower))


def test_department_words_inside_locale_bodies_are_not_departments():
    # 市委, 人大常委会, 镇党委 are the locale's own bodies; 农村 is not a village marker
    assert rank_of(RULES, "中共临江市委常委")[0] == rank_of(RULES, "市委常委")[0] == 360
    assert rank_of(RULES, "区人大常委会主任")[0] == 280
    assert rank_of(RULES, "镇党委书记")[0] == 190
    assert rank_of(RULES, "湖南省农业农村厅党组成员")[0] == 325


def test_gazetteer_level_of_a_county_level_city():
    from pipeline.events.rules import load_place_levels
    rules = load_rules(REPO_ROOT / CFG.triggers, REPO_ROOT / CFG.titles, REPO_ROOT / CFG.roles, REPO_ROOT / CFG.gazetteer)
    levels = load_place_levels(REPO_ROOT / CFG.gazetteer)
    assert (levels["武夷山市"], levels["南平市"]) == (2, 3)
    # the mayor of a county-level city ranks with a county head, below a prefecture's vice mayor
    assert rank_of(rules, "南平市副市长")[0] > rank_of(rules, "武夷山市市长")[0]
    assert rank_of(rules, "Deputy Secretary of Zixing Municipal Party Committee")[0] < rank_of(rules, "Vice Mayor of Chenzhou City")[0]
    # a bare 市 takes the level of the article's own city
    assert rank_of(rules, "市人民政府市长", {"市": 2})[0] < rank_of(rules, "南平市委书记")[0]
    assert rank_of(rules, "市人民政府市长")[0] == rank_of(RULES, "市长")[0]


@pytest.mark.parametrize("title,rule", [
    ("苏州市委书记", "rank.secretary"), ("市委副书记", "rank.deputy_secretary"), ("市委秘书长", "rank.secretary_general"),
    ("市商务局党组书记", "rank.party_group_secretary"), ("县长", "rank.head"), ("副县长", "rank.deputy_head"),
    ("常务副市长", "rank.executive_deputy_head"), ("市委常委", "rank.standing_committee"),
    ("市人大常委会主任", "rank.congress_head"), ("市发改委副主任", "rank.deputy_director"),
    ("市发改委主任", "rank.director"), ("新闻发言人", "rank.spokesperson"), ("董事长", "rank.business"), ("东方电机有限公司党委书记", "rank.business_company"),
    ("市领导", "rank.leader"), ("总书记", "rank.general_secretary"), ("市政协副主席", "rank.congress_deputy"),
    ("省人大常委会副主任", "rank.congress_deputy"), ("中华总商会会长", "rank.association"), ("副理事长", "rank.association"),
    ("省农业农村厅总经济师", "rank.chief_officer"), ("产业链链长", "rank.chain_chief"),
    ("President of the Macao Chamber of Commerce", "rank.association"),
    ("Party secretary and chairman of Huaxin Energy Group", "rank.business_company"),
    ("国务院总理", "rank.premier"), ("国务院副总理", "rank.vice_premier"), ("国务委员", "rank.vice_premier"),
    ("Secretary of the Suzhou Municipal Party Committee", "rank.secretary"), ("Mayor", "rank.head"),
    ("Vice Mayor", "rank.deputy_head"), ("Deputy Secretary", "rank.deputy_secretary"),
])
def test_rank_rules(title, rule):
    assert rank_of(RULES, title)[1] == rule


@pytest.mark.parametrize("title", ["书记员", "秘书", "企业代表性", "the secretariat", "总经理助理"])
def test_rank_near_misses(title):
    assert rank_of(RULES, title)[1] in (None, "rank.leader") and rank_of(RULES, title)[1] != "rank.secretary"


# --- main person, org, roles -------------------------------------------------------------------

def test_main_person_highest_rank_and_honorific():
    text = ("8月9日,贵港市委书记何明春到桂平市调研,市委常委、桂平市委书记韦强一同参加调研。\n"
            "韦强表示,要落实何书记的要求。何明春强调,要加快发展。")
    ev = event_of(text, persons=["何明春", "韦强"], places=["贵港市", "桂平市"])
    mp = ev.main_person
    assert (mp.name, mp.titles, mp.org) == ("何明春", ["贵港市委书记"], "贵港市委")
    assert "main_person:role.honorific" in ev.rules
    assert any(sp.text == "何书记" for sp in mp.evidence)
    assert [(p.name, p.titles) for p in ev.participants] == [("韦强", ["市委常委", "桂平市委书记"])]


def test_main_person_traditional_and_ner_titles():
    text = "近日,蘇州市委書記曹路寶赴常熟市調研。曹路寶強調,要加快發展。"
    ev = event_of(text, persons=["曹路寶"], titles=["蘇州市委書記"], places=["常熟市"])
    mp = ev.main_person
    assert (mp.name, mp.simplified, mp.titles, mp.titles_simplified) == ("曹路寶", "曹路宝", ["蘇州市委書記"], ["苏州市委书记"])
    assert (mp.org, mp.org_simplified) == ("蘇州市委", "苏州市委")


def test_province_outranks_city():
    text = "省长张大伟到宁波市调研,市委书记李文陪同。张大伟强调,要抓好产业。"
    ev = event_of(text, persons=["张大伟", "李文"], places=["宁波市"])
    assert ev.main_person.name == "张大伟" and ev.main_person.org == "省政府"


def test_accompanying_official_is_not_main():
    text = "县长王小明到城东工业园调研,副县长刘一陪同。"
    ev = event_of(text, persons=["王小明", "刘一"])
    assert ev.main_person.name == "王小明"
    assert ev.main_person.org == "县政府"   # no locale named: the generic body


def test_accompanied_visitor_is_the_main_person_zh():
    # X在Y陪同下: X is accompanied; Y accompanies; an association's secretary-general ranks below officials
    text = ("10月3日,市委常委、宣传部部长陈东一行在商会秘书长林海陪同下到访商会,受到会长黄山的欢迎。")
    ev = event_of(text, persons=["陈东", "林海", "黄山"], titles=["部长"])
    assert ev.main_person.name == "陈东"
    assert ev.main_person.titles == ["市委常委", "宣传部部长"]
    assert {p.name for p in ev.participants} == {"林海", "黄山"}


def test_accompanied_visitor_is_the_main_person_en():
    text = ("On May 3, Wang Li, vice governor of Hubei Province, led officials of the provincial departments "
            "to inspect a food company, accompanied by Zhao Gang, deputy mayor of Jingmen City.")
    ev = event_of(text, persons=["Wang Li", "Zhao Gang"])
    assert ev.main_person.name == "Wang Li"
    assert [p.name for p in ev.participants] == ["Zhao Gang"]


def test_english_appositive_title_before_the_name():
    text = "The mayor of Lanxi, Qian Mei, invited local business owners on May 2 to voice their opinions."
    ev = event_of(text, persons=["Qian Mei"])
    assert (ev.main_person.name, ev.main_person.titles) == ("Qian Mei", ["mayor of Lanxi"])


def test_english_lowercase_phrase_after_a_name_is_no_title():
    # 'invited representatives of ...' follows the name but names no office
    text = "On May 2, Qian Mei, invited representatives of the local firms to a meeting."
    ev = event_of(text, persons=["Qian Mei"])
    assert ev.main_person is None or ev.main_person.titles == []


def test_leader_whose_earlier_requirements_are_followed_is_not_main():
    # a superior's earlier visit and requirements frame the work; the department head leads this visit
    text = ("3月2日,省文旅厅厅长周平到县里调研,围绕省委书记孙明在此考察时提出的具体要求,与县里交流。"
            "周平指出,要加快旅游项目建设。")
    ev = event_of(text, persons=["周平", "孙明"])
    assert ev.main_person.name == "周平"
    assert [p.name for p in ev.participants] == []


def test_cppcc_chair_with_a_chain_of_titles():
    # 产业链链长 is a duty title; the chain of titles reaches the CPPCC chair's office
    text = "5月6日,市政协主席、市委常委、产业链链长吴山主持召开推进会,副市长丁一出席。"
    ev = event_of(text, persons=["吴山", "丁一"])
    assert (ev.main_person.name, ev.main_person.titles) == ("吴山", ["市政协主席", "市委常委", "产业链链长"])


def test_cppcc_vice_chair_over_its_committee_head():
    text = "4月9日,市政协副主席钱江带队到园区调研,市政协经济委员会主任孔河参加。"
    ev = event_of(text, persons=["钱江", "孔河"])
    assert ev.main_person.name == "钱江"


def test_vice_governor_over_a_department_party_secretary():
    text = "6月1日,港口集团成立大会召开。省国资委党委书记、主任马林主持会议,副省长牛刚出席并讲话。"
    ev = event_of(text, persons=["马林", "牛刚"])
    assert ev.main_person.name == "牛刚"


def test_county_level_city_secretary_over_its_bare_mayor():
    # 平果市 is a county-level city (gazetteer): its bare 市长 ranks at the county level too
    text = ("11月2日,平果市与一家集团签约。平果市委书记罗一,市人民政府市长郭二出席签约仪式。平果市将加快发展。")
    ev = event_of(text, persons=["罗一", "郭二"], places=["平果市"])
    assert ev.main_person.name == "罗一"


def test_cited_leader_is_not_main_nor_participant():
    text = "近日,县委书记王东到企业调研。王东强调,要深入学习贯彻习近平总书记重要讲话精神。"
    ev = event_of(text, persons=["王东", "习近平"])
    assert ev.main_person.name == "王东"
    assert ev.participants == []
    assert ev.main_person.org == "县委"


def test_org_locale_from_text_zh():
    text = "近日,市委书记陈亮到华容县调研。苏州市召开会议。陈亮指出,苏州市要抓好产业。"
    ev = event_of(text, persons=["陈亮"], places=["华容县", "苏州市"])
    assert ev.main_person.org == "苏州市委"
    assert "main_person:locale.zh" in ev.rules


def test_org_locale_from_text_en():
    text = ("On September 29, Qianjiang City held a report meeting.\n"
            "Municipal Party Committee Secretary Xiang Bin attended the meeting and spoke.\n"
            "Xiang Bin said Qianjiang City must grow.")
    ev = event_of(text, persons=["Xiang Bin"], places=["Qianjiang City"])
    mp = ev.main_person
    assert (mp.name, mp.titles, mp.org) == ("Xiang Bin", ["Municipal Party Committee Secretary"],
                                            "Qianjiang Municipal Party Committee")
    assert "main_person:org.en.prefix" in ev.rules and "main_person:locale.en" in ev.rules


def test_org_english_of_the():
    text = "Recently, Cao Lubao, Secretary of the Suzhou Municipal Party Committee, went to Changshu to investigate."
    ev = event_of(text, persons=["Cao Lubao"], places=["Changshu"])
    mp = ev.main_person
    assert (mp.titles, mp.org) == (["Secretary of the Suzhou Municipal Party Committee"], "Suzhou Municipal Party Committee")


@pytest.mark.parametrize("text,org,rule", [
    ("苏州市长吴青到企业调研。", "苏州市政府", "org.government"),
    ("市商务局局长林立到企业调研。", "市商务局", "org.named_body"),
    ("木乐镇党委书记黄河到企业调研。", "木乐镇党委", "org.party_committee"),
    ("嘉兴市市长吴青到企业调研。", "嘉兴市政府", "org.government"),
    ("中国石化集团有限公司党组书记林立到企业调研。", "中国石化集团有限公司", "org.party_group"),
    ("国务院副总理黄河到企业调研。", "国务院", "org.state_council"),
])
def test_org_rules_zh(text, org, rule):
    name = re.search(r"(吴青|林立|黄河)", text).group()
    ev = event_of(text, persons=[name])
    assert ev.main_person.org == org and f"main_person:{rule}" in ev.rules


@pytest.mark.parametrize("text,org,rule", [
    ("Mayor of Suzhou Wu Qing visited a plant.", "Suzhou Municipal Government", "org.en.mayor"),
    ("Governor Li Hua inspected the port.", "Provincial Government", "org.en.governor"),
])
def test_org_rules_en(text, org, rule):
    name = re.search(r"(Wu Qing|Li Hua)", text).group()
    ev = event_of(text, persons=[name])
    assert ev.main_person.org == org and f"main_person:{rule}" in ev.rules


def test_no_title_no_org():
    ev = event_of("近日,王刚到企业调研。", persons=["王刚"])
    assert ev.main_person.name == "王刚" and ev.main_person.org is None and ev.main_person.titles == []


def test_bylines_are_not_people():
    from pipeline.schema import Byline
    doc = make_doc("近日,县长王小明到企业调研。记者张三", persons=["王小明", "张三"])
    doc.bylines = [Byline(name="张三", role="记者", start=16, end=18)]
    ev = EVENTS(DATES(doc)).event
    assert ev.main_person.name == "王小明" and ev.participants == []


def test_visited_and_attending_organizations():
    text = ("县长王小明先后到东方纺织有限公司、南山服饰集团调研。\n"
            "在北城电商园,王小明察看直播基地。\n"
            "红星服饰、蓝天科技等5家企业代表发言。\n"
            "大华集团是本地龙头企业。")
    orgs = ["东方纺织有限公司", "南山服饰集团", "北城电商园", "红星服饰", "蓝天科技", "大华集团"]
    ev = event_of(text, persons=["王小明"], orgs=orgs)
    assert [o.text for o in ev.visited_organizations] == orgs[:5]   # 大华集团: no cue, near miss
    assert {"visited:role.visit.zh", "visited:role.attend.zh"} <= set(ev.rules)


def test_visited_english():
    text = ("At the Changshu Digital Hall, Cao Lubao learned about trading.\n"
            "Representatives from Feiliu Technology and Laboni Clothing spoke.\nCathay Group is a local firm.")
    ev = event_of(text, persons=["Cao Lubao"], orgs=["Changshu Digital Hall", "Feiliu Technology", "Laboni Clothing",
                                                     "Cathay Group"])
    assert [o.text for o in ev.visited_organizations] == ["Changshu Digital Hall", "Feiliu Technology", "Laboni Clothing"]


def test_org_inside_title_is_not_visited():
    ev = event_of("近日,苏州市委书记曹明到企业调研。", persons=["曹明"], orgs=["苏州市委"])
    assert ev.visited_organizations == []


def test_places_in_order():
    ev = event_of("近日,县长王小明到华容县东山镇调研。\n页脚 湖南", roles={1: "boilerplate"},
                  persons=["王小明"], places=["华容县", "东山镇", "湖南"])
    assert [p.text for p in ev.places] == ["华容县", "东山镇"]


# --- event date --------------------------------------------------------------------------------

def test_date_month_day_without_year():
    ev = event_of("8月9日,市委书记何明到企业调研。", persons=["何明"])
    d = ev.date
    assert (d.text, d.month_day, d.iso, d.relative) == ("8月9日", "08-09", None, False)


def test_date_year_in_body():
    d = event_of("2022年11月10日上午,县长到企业调研。").date
    assert (d.text, d.iso, d.month_day, d.year_source) == ("2022年11月10日", "2022-11-10", "11-10", "body")


def test_date_year_from_own_date_line():
    text = "发布时间:2023-01-05\n12月30日,县长到企业调研。"
    d = event_of(text, roles={0: "boilerplate"}).date
    assert (d.text, d.month_day, d.iso, d.year_source) == ("12月30日", "12-30", "2022-12-30", "source_line")


def test_relative_date_keeps_published():
    text = "稿源: 2022-11-10 18:11:29\n近日,市委书记到企业调研。"
    d = event_of(text, roles={0: "boilerplate"}).date
    assert (d.text, d.relative, d.iso, d.month_day, d.published) == ("近日", True, None, None, "2022-11-10")


def test_relative_english():
    d = event_of("Recently, the mayor inspected a plant.").date
    assert (d.text, d.relative, d.month_day) == ("Recently", True, None)


def test_statistic_and_plan_dates_are_skipped():
    text = "截至11月10日,全市累计出口增长。会议听取2021年工作思路。\n县长到企业调研。"
    d = event_of(text).date
    assert (d.text, d.month_day, d.iso) == (None, None, None)


def test_range_keeps_text_first_day():
    d = event_of("4月21日至22日,推进会在县里召开。").date
    assert (d.text, d.month_day) == ("4月21日至22日", "04-21")


def test_day_takes_month_from_dateline():
    text = "本报讯 株洲日报12月2日讯 1日上午,市长到企业调研。"
    doc = make_doc(text)
    piece = "株洲日报12月2日讯"
    from pipeline.schema import RemovedSpan
    doc.removed = [RemovedSpan(start=text.index(piece), end=text.index(piece) + len(piece), text=piece, rule="t", reason="t")]
    d = EVENTS(DATES(doc)).event.date
    assert (d.text, d.month_day, d.iso) == ("1日", "12-01", None)


def test_no_body_date_falls_back_to_own_date_line():
    text = "中国宁波网  22年11月10日\n记者提问:如何发展?\n屠炯答:加快发展。"
    d = event_of(text, roles={0: "boilerplate"}).date
    assert (d.text, d.iso, d.month_day, d.year_source) == ("22年11月10日", "2022-11-10", "11-10", "source_line")


def test_navigation_year_never_used():
    text = "8月9日,县长到企业调研。\n上一篇: 2021-05-06 2021年工作思路"
    d = event_of(text, roles={1: "boilerplate"}).date
    assert (d.month_day, d.iso) == ("08-09", None)


def test_closest_year():
    import datetime as dt
    assert closest_year(12, 30, dt.date(2023, 1, 5)) == 2022
    assert closest_year(1, 3, dt.date(2022, 12, 28)) == 2023
    assert closest_year(8, 9, dt.date(2022, 11, 10)) == 2022
    # reported months later: the event lies before the article, not as far after it
    assert closest_year(2, 11, dt.date(2022, 8, 19)) == 2022


def test_relative_gives_way_to_the_date_in_its_sentence():
    d = event_of("今天上午(3月4日),市委书记到园区调研。").date
    assert (d.text, d.month_day, d.relative) == ("3月4日", "03-04", False)


def test_relative_stays_when_the_date_is_another_sentence():
    d = event_of("近日,县长到企业调研。5月1日起新规施行。").date
    assert (d.text, d.month_day, d.relative) == ("近日", None, True)


def test_bare_page_date_line_is_not_the_event_date():
    text = "2021-06-08\n记者提问:如何发展?\n副市长答:加快发展。"
    d = event_of(text, roles={0: "boilerplate"}).date
    assert (d.text, d.month_day, d.iso, d.published) == (None, None, None, "2021-06-08")


def test_year_from_the_publication_date_keeps_its_evidence():
    text = "发布时间:2022-08-19\n2月11日,县里举行项目集中签约仪式。"
    d = event_of(text, roles={0: "boilerplate"}).date
    assert (d.iso, d.year_source) == ("2022-02-11", "source_line")
    assert [sp.text for sp in d.evidence] == ["2月11日", "2022-08-19"]


def test_year_from_the_headline():
    text = "县城举行2023年第一批重大项目集中开工仪式\n3月6日上午,县城举行重大项目集中开工仪式。"
    d = event_of(text, roles={0: "title"}).date
    assert (d.iso, d.year_source) == ("2023-03-06", "lead_year")
    assert d.evidence[-1].text == "2023年"


def test_two_years_in_the_lead_give_none():
    text = "3月6日上午,县里举行2023年开工仪式,回顾2022年成绩。"
    d = event_of(text).date
    assert (d.month_day, d.iso) == ("03-06", None)


def test_year_from_a_page_year_line():
    text = "2020\n05/14客户端\n5月12日,全市企业家座谈会召开。"
    d = event_of(text, roles={0: "boilerplate", 1: "boilerplate"}).date
    assert (d.iso, d.year_source, d.evidence[-1].text) == ("2020-05-12", "page_year", "2020")


def test_year_from_a_full_date_near_it_in_the_body():
    text = "10月8日,省政府新闻办召开发布会。博览会将于2024年10月20日开幕。"
    d = event_of(text).date
    assert (d.iso, d.year_source, d.evidence[-1].text) == ("2024-10-08", "body", "2024年10月20日")


def test_far_body_date_lends_no_year():
    text = "10月8日,省政府新闻办召开发布会。该项目2019年3月1日开工。"
    d = event_of(text).date
    assert (d.month_day, d.iso) == ("10-08", None)


def test_english_lowercase_page_date():
    text = "chief inspected a battery plant\ngeneral office     2021-04-12\non april 9, the chairman inspected the plant."
    d = event_of(text, roles={0: "title", 1: "boilerplate"}).date
    assert (d.text, d.iso) == ("april 9", "2021-04-09")


# --- meetings named by the headline, Q&A speakers, company titles, chairing, no-event articles ----------

def test_guanmo_meeting_traditional():
    text = ("全縣鄉村振興重點項目觀摩會召開\n"
            "5月8日，全縣鄉村振興重點項目觀摩會召開。縣委書記王建國帶領與會人員實地觀摩了東山村等6個項目現場。")
    ev = event_of(text, roles={0: "title"}, persons=["王建國"])
    assert ev.type == "meeting" and "type:evt.meeting.zh" in ev.rules
    assert ev.main_person.name == "王建國"


def test_guanmo_without_meeting_is_no_trigger():
    assert event_of("组织各乡镇干部观摩学习先进经验。").type == "other"


DIAODU_BODY = "6月3日，市长刘新华带队实地调研全市重大项目建设情况，并主持召开调度会。"


def test_headline_meeting_is_the_subject():
    ev = event_of("全市重大项目建设调度会召开\n" + DIAODU_BODY, roles={0: "title"}, persons=["刘新华"])
    assert ev.type == "meeting" and "type:evt.headline.meeting" in ev.rules


def test_headline_naming_a_visit_keeps_the_inspection():
    ev = event_of("刘新华调研重大项目建设并主持召开调度会\n" + DIAODU_BODY, roles={0: "title"}, persons=["刘新华"])
    assert ev.type == "inspection" and "type:evt.headline.meeting" not in ev.rules


def test_headline_citing_a_meeting_is_not_the_subject():
    ev = event_of("学习贯彻全会精神 推动项目建设\n" + DIAODU_BODY, roles={0: "title"}, persons=["刘新华"])
    assert ev.type == "inspection"


QA_TEXT = ("7月12日，市政府新闻办举行新闻发布会，高新区管委会主任马志宏介绍新能源产业发展情况，副市长周立军出席发布会。\n"
           "本报记者：高新区有哪些举措？\n马志宏：我们将优化营商环境。")


def test_press_conference_speaker_label_answers():
    ev = event_of(QA_TEXT, persons=["马志宏", "周立军"])
    assert ev.type == "press_conference" and "type:evt.press.qa.speaker.zh" in ev.rules
    assert (ev.main_person.name, ev.main_person.titles) == ("马志宏", ["高新区管委会主任"])
    assert "main_person:evt.press.qa.speaker.zh" in ev.rules


def test_speaker_label_without_a_person_is_no_answer():
    text = "记者：活动何时举行？\n时间：7月12日上午。"
    ev = event_of(text)
    assert ev.type == "other" and not any("qa" in r for r in ev.rules)


def test_press_conference_official_answering_outranks_attending_deputy_mayor():
    text = ("7月12日，市政府新闻办举行新闻发布会，高新区管委会主任马志宏介绍有关情况并回答记者提问，"
            "副市长周立军出席发布会。")
    ev = event_of(text, persons=["马志宏", "周立军"])
    assert ev.main_person.name == "马志宏" and "main_person:role.answer.zh" in ev.rules
    near = event_of(text.replace("并回答记者提问", ""), persons=["马志宏", "周立军"])
    assert near.main_person.name == "周立军"


def test_press_conference_answer_english():
    text = ("The city held a press conference on May 5. Li Hua, director of the municipal commerce bureau, "
            "answered questions from reporters. Vice Mayor Wang Jun attended.")
    ev = event_of(text, persons=["Li Hua", "Wang Jun"])
    assert ev.main_person.name == "Li Hua" and "main_person:role.answer.en" in ev.rules


def test_company_party_secretary_below_chairing_vice_governor():
    text = ("On March 15, the provincial clean energy work conference was held in Hefei. Zhao Guoqiang, Party "
            "secretary and chairman of Huaxin Energy Group, introduced solar projects. Vice Governor Chen Ming, "
            "who chaired the conference, stressed the energy transition.")
    ev = event_of(text, persons=["Zhao Guoqiang", "Chen Ming"])
    assert ev.main_person.name == "Chen Ming" and "main_person:role.drive.en" in ev.rules


def test_company_secretary_zh_below_town_official():
    text = "东方电机有限公司党委书记张海涛、镇长李明参加会议。"
    ev = event_of(text, persons=["张海涛", "李明"])
    assert ev.main_person.name == "李明"


def test_chairing_breaks_a_rank_tie():
    text = "全县安全生产工作会议召开。副县长王海出席会议，副县长刘洋主持会议。"
    ev = event_of(text, persons=["王海", "刘洋"])
    assert ev.main_person.name == "刘洋" and "main_person:role.drive.zh" in ev.rules
    near = event_of("全县安全生产工作会议召开。副县长刘洋主持会议，副县长王海出席会议。", persons=["王海", "刘洋"])
    assert near.main_person.name == "刘洋"


def test_no_event_quoted_manager_is_no_main_person():
    text = ("据市统计局发布的数据，前5个月全市工业用电量同比增长12%。\n"
            "“今年订单明显增多。”东方电机有限公司总经理张海涛说。")
    ev = event_of(text, persons=["张海涛"])
    assert ev.type == "other" and ev.main_person is None and "main_person:evt.other.no_official" in ev.rules
    assert [p.name for p in ev.participants] == ["张海涛"]


def test_no_event_official_acting_stays_main():
    text = "前5个月全市工业用电量同比增长12%。县长王明表示，要保障企业用电。"
    ev = event_of(text, persons=["王明"])
    assert ev.type == "other" and ev.main_person.name == "王明"


# --- receptions (会见, 会晤, 接见): a meeting hosted by the receiving official --------------------

@pytest.mark.parametrize("text,rule", [
    ("4月3日,市长王明会见了来访的华信集团董事长李强一行。", "evt.meeting.reception.zh"),
    ("4月3日,市長王明會見了來訪的華信集團董事長李強一行。", "evt.meeting.reception.zh"),
    ("县委书记张华会晤德国客商代表团。", "evt.meeting.reception.zh"),
    ("省长刘一接见了台湾企业家访问团一行。", "evt.meeting.reception.zh"),
    ("On May 3, Mayor Wang Ming met with a delegation led by Li Qiang, chairman of Huaxin Group.",
     "evt.meeting.reception.en"),
    ("Mayor Wang Ming held talks with Li Qiang, chairman of Huaxin Group.", "evt.meeting.reception.en"),
])
def test_reception_is_a_meeting(text, rule):
    ev = event_of(text)
    assert ev.type == "meeting" and f"type:{rule}" in ev.rules


@pytest.mark.parametrize("text,etype", [
    ("市政府新闻办举行新闻发布会,会上副市长王明会见记者并回答提问。", "press_conference"),
    ("Vice Mayor Wang Ming met with reporters after the press conference.", "press_conference"),
    ("副市长王明会见中外记者。", "other"),                 # meeting the press is no meeting
    ("Vice Mayor Wang Ming met with reporters.", "other"),
    ("公司举办新品见面会,介绍新产品。", "other"),            # 见面会 holds no 会见
    ("新政策将会见到成效,企业直接见效益。", "other"),          # modal 会 + 见到; 直接见 is not 接见
    ("The proposal met with strong support from residents.", "other"),
])
def test_reception_near_misses(text, etype):
    assert event_of(text).type == etype


def test_reception_host_is_main_and_guest_participant():
    text = "4月3日,市长王明会见了来访的华信集团董事长李强一行。会见时,王明介绍了本市情况。"
    ev = event_of(text, persons=["王明", "李强"], orgs=["华信集团"])
    assert ev.main_person.name == "王明" and [p.name for p in ev.participants] == ["李强"]


def test_reception_guest_outranking_the_host_is_not_main():
    text = "5月6日,市委书记李文会见了来访的湖北省副省长张大伟一行。"
    ev = event_of(text, persons=["李文", "张大伟"])
    assert ev.main_person.name == "李文" and "main_person:role.guest.zh" in ev.rules
    assert [p.name for p in ev.participants] == ["张大伟"]
    text = "Li Wen, Secretary of the Suzhou Municipal Party Committee, met with Vice Governor Zhang Dawei."
    ev = event_of(text, persons=["Li Wen", "Zhang Dawei"])
    assert ev.main_person.name == "Li Wen" and [p.name for p in ev.participants] == ["Zhang Dawei"]
    # 会见时/会见中 + name: the host speaking during the meeting, not a guest; nor a person after 'received'
    guest = [c.regex for c in RULES.cues_for("guest")]
    assert any(r.search("市长王明会见了来访的湖北省副省长") for r in guest)
    for before in ("会见时市长", "会见中副省长", "Zhang received an award from Mayor "):
        assert not any(r.search(before) for r in guest), before
