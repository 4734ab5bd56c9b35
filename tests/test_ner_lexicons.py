"""Lexicons from stated sources and the name mechanisms that use them, on sentences written for these tests:
registered names with a bracketed locale or form, trade names with 和, joint bodies (县委县政府), the CPPCC's
participating units, democratic parties' local committees, central enterprises (SASAC's list) with their short
names, regions (national strategies, geographic divisions, UN M49) and metropolitan areas."""

from __future__ import annotations

import pytest

from pipeline.config import REPO_ROOT
from pipeline.document import Document
from pipeline.ner.zh_rules import load_central_soe
from pipeline.registry import get_stage
from pipeline.schema import RawDocument


@pytest.fixture(scope="module")
def run():
    stages = [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]

    def go(text: str) -> dict[str, dict[str, list[str]]]:
        doc = Document.from_raw(RawDocument(doc_id="t", source_path="t.txt", source_format="txt", sha256="0",
                                            n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                            text=text))
        for st in stages:
            doc = st(doc)
        out: dict[str, dict[str, list[str]]] = {"PERSON": {}, "ORG": {}, "PLACE": {}}
        for e in doc.entities:
            if e.type in out:
                out[e.type][e.text] = list(e.aliases)
        return out

    return go


@pytest.mark.parametrize("text, org", [
    ("副市长一行来到青岚精密仪器(苏州)有限公司，了解企业情况。", "青岚精密仪器(苏州)有限公司"),
    ("座谈会上，云帆新能源投资(湖北)集团总经理刘海涛发言。", "云帆新能源投资(湖北)集团"),
    ("考察团参观了远泰科技(集团)股份有限公司的生产线。", "远泰科技(集团)股份有限公司"),
    ("市委书记走访了万和光电（深圳）有限公司。", "万和光电（深圳）有限公司"),
])
def test_bracketed_locale_or_form_stays_inside_the_registered_name(run, text, org):
    got = run(text)
    assert org in got["ORG"]
    # the locale in the bracket is part of the company's name, not a place of the article
    assert not any(p in org for p in got["PLACE"])


def test_a_single_character_before_he_is_part_of_the_trade_name(run):
    assert "永和豆制品有限公司" in run("县长先后察看了永和豆制品有限公司的车间。")["ORG"]
    # a list item joined by 和 with a name of its own stays two names
    got = run("他走访了宏达机械有限公司和利群纺织有限公司。")["ORG"]
    assert {"宏达机械有限公司", "利群纺织有限公司"} <= set(got)


@pytest.mark.parametrize("text, body", [
    ("王强代表德清县委县政府致辞，感谢各方支持。", "德清县委"),
    ("李明对宜都市委市政府的关心表示感谢。", "宜都市委"),
])
def test_joint_bodies_are_the_committee_with_its_locale(run, text, body):
    orgs = run(text)["ORG"]
    assert body in orgs and not any(o.endswith("政府") for o in orgs)


@pytest.mark.parametrize("text, orgs", [
    ("在以习近平同志为核心的党中央坚强领导下，全省经济稳步回升。", ["党中央"]),
    ("此前，民建中央和九三学社中央的调研组来到本市。", ["民建中央", "九三学社中央"]),
    ("活动由全国工商联和中国侨联共同主办。", ["全国工商联", "中国侨联"]),
    ("民盟西湖区基层委员会委员、某某公司总经理发言。", ["民盟西湖区基层委员会"]),
])
def test_cppcc_participating_units_are_national_bodies(run, text, orgs):
    assert set(orgs) <= set(run(text)["ORG"])


def test_a_central_enterprise_is_one_entity_with_its_short_name(run):
    got = run("省长会见了中国能源建设集团董事长一行。双方表示，中国能建将加大在本省的投资。")
    assert got["ORG"] == {"中国能源建设集团": ["中国能建"]}
    assert "中国" not in got["PLACE"]  # 中国 opening an enterprise's name is no mention of the country
    got = run("这是落实与中国电科战略合作协议的重要举措。")
    assert "中国电科" in got["ORG"] and not got["PLACE"]


def test_the_central_enterprise_list_reads_every_form():
    soe = load_central_soe(REPO_ROOT / "pipeline" / "data" / "central_soe.tsv")
    assert soe["中国能建"] == soe["中国能源建设集团"] == "中国能源建设集团"
    assert len(set(soe.values())) >= 95  # SASAC supervises about 98 enterprises
    assert all("\t" not in k and k for k in soe)


@pytest.mark.parametrize("text, places", [
    ("该项目将辐射长三角地区和珠三角，服务粤港澳大湾区建设。", ["长三角地区", "珠三角", "粤港澳大湾区"]),
    ("南昌都市圈和长江经济带是区域发展的重点。", ["南昌都市圈", "长江经济带"]),
    ("企业产品远销东南亚，在苏南设有研发中心。", ["东南亚", "苏南"]),
])
def test_regions_and_metropolitan_areas_are_places(run, text, places):
    got = run(text)["PLACE"]
    assert set(places) <= set(got)


def test_a_city_inside_a_metropolitan_area_name_is_part_of_it(run):
    got = run("这里是合肥都市圈的重要功能区。")["PLACE"]
    assert "合肥都市圈" in got and "合肥" not in got


def test_a_word_that_begins_with_a_suffix_is_no_suffix(run):
    got = run("会议以视频形式召开，各县区设分会场。")["ORG"]
    assert not any(o.endswith(("分会", "分会场")) for o in got)
    assert "中国物流学会冷链物流分会" in run("中国物流学会冷链物流分会年会在成都举行。")["ORG"]


@pytest.mark.parametrize("text, places, not_places", [
    ("县委书记率队到龙湾、石门、青溪等乡镇调研。", ["龙湾", "石门", "青溪"], []),
    ("产品销往德国、法国、日本等国。", ["德国", "法国", "日本"], ["产品销往德国"]),
    # 等镇|内企业 and 等村|民 do not close a list of places
    ("他走访了宏达、利群等镇内企业。", [], ["宏达", "利群"]),
])
def test_a_list_closed_by_a_word_for_divisions_lists_places(run, text, places, not_places):
    got = run(text)["PLACE"]
    assert set(places) <= set(got) and not set(not_places) & set(got)


@pytest.mark.parametrize("text, place, wrong", [
    ("国务院出台《关于支持江西探索山区融合发展新路的意见》。", "江西", "江西探索山区"),
    ("湖州拥有3个国家级现代农业产业园。", "湖州", "湖州拥有3个国家级现代农业产业园"),
])
def test_a_place_ends_before_a_verb(run, text, place, wrong):
    got = run(text)["PLACE"]
    assert place in got and wrong not in got


def test_a_department_of_a_national_body_is_part_of_its_name(run):
    assert "全国妇联宣传部" in run("活动由全国妇联宣传部和省妇联主办。")["ORG"]


def test_a_road_named_after_a_place_is_an_address(run):
    got = run("在市黄山大道新能源汽车文化墙前，他驻足观看。")
    assert "黄山" not in got["PLACE"] and "黄山大道" not in got["PLACE"]
    # a road network of a city is the city's (路网 is no road name)
    assert "郑州" in run("郑州路网建设加快推进。")["PLACE"]


def test_a_name_written_after_its_address_starts_after_it(run):
    got = run("他来到市人民大道青禾新能源汽车体验中心参观。")["ORG"]
    assert "青禾新能源汽车体验中心" in got and not any("大道" in o for o in got)


def test_the_country_names_no_natural_feature(run):
    assert not any(p.startswith("中国") and p != "中国" for p in run("安溪县是中国海峡茶都。")["PLACE"])


@pytest.mark.parametrize("text, org", [
    ("市领导对青禾新能源汽车进行调研。", "青禾新能源汽车"),
    ("他先后来到红旗茶业、天峰茶业以及马坪茶厂。", "天峰茶业"),
    ("调研组在张家湾锰矿调研。", "张家湾锰矿"),
])
def test_company_short_names_and_mines(run, text, org):
    assert org in run(text)["ORG"]


def test_a_short_name_that_starts_inside_a_verb_is_not_guessed(run):
    got = run("他详细了解青禾新能源汽车的技术能力。")["ORG"]
    assert not any(o.startswith("解") for o in got)


def test_a_division_inside_a_park_head_word_is_no_place(run):
    got = run("项目落地大甲工业集中区，投产后产值可观。")["PLACE"]
    assert "中区" not in got


@pytest.mark.parametrize("text, place, ok", [
    ("考察团考察了两家企业及新站综合实验区。", "新站综合实验区", True),
    ("他察看了鞋材产业园的建设情况。", "鞋材产业园", False),  # a product before the head word names nothing
])
def test_a_park_listed_after_other_names_needs_no_known_place(run, text, place, ok):
    assert (place in run(text)["PLACE"]) is ok


def test_a_facility_named_after_its_owner_or_zone_starts_after_them(run):
    got = run("随后来到青港集团宝源集装箱码头调研。")
    assert "宝源集装箱码头" in got["PLACE"] and not any(p.startswith("青港") for p in got["PLACE"])
    got = run("项目落户青田经济开发区绿谷产业园。")["PLACE"]
    assert {"青田经济开发区", "绿谷产业园"} <= set(got)
    # a branch of an association named after a wharf is the association's, not a place
    got = run("中国港口协会散货码头分会成立大会召开。")
    assert "中国港口协会散货码头分会" in got["ORG"] and not got["PLACE"]


@pytest.mark.parametrize("text", ["青州论坛讯 （通讯员 李明）今年以来，全镇经济稳步增长。", "新华网云南频道记者到场采访。"])
def test_a_place_in_a_news_outlets_name_is_no_place(run, text):
    assert not run(text)["PLACE"]


def test_a_time_word_opens_no_name(run):
    got = run("他表示，明年青港集团的新码头将投产。")["ORG"]
    assert not any(o.startswith("明年") for o in got)


def test_a_quoted_name_with_an_organization_form_is_an_organization(run):
    got = run("会上成立“城市更新产业联盟”和“数字文旅发展促进会”。")["ORG"]
    assert {"城市更新产业联盟", "数字文旅发展促进会"} <= set(got)
    assert not run("要做好“企业服务”工作。")["ORG"]


@pytest.mark.parametrize("text, org", [
    ("他还来到国家稀有金属资源综合利用工程技术研究中心等地。", "国家稀有金属资源综合利用工程技术研究中心"),
    ("深入城轨事业部、高速列车牵引全国重点实验室、机车事业部等地。", "高速列车牵引全国重点实验室"),
])
def test_national_research_bases_and_listed_names(run, text, org):
    assert org in run(text)["ORG"]


def test_a_mineral_before_resource_words_is_no_mine(run):
    assert not run("全县锰矿资源丰富，铁矿石产量稳定。")["ORG"]


@pytest.mark.parametrize("text, place", [
    ("来源：青州日报", False),
    ("（青州新闻网通讯员 周明）", False),
    # the dateline's own place (青州讯) is where the story was filed; the outlet before it is metadata
    ("青州新闻网4月17日青州讯 4月16日，市长到企业调研。", True),
])
def test_the_outlet_a_story_comes_from_is_metadata(run, text, place):
    got = run(text)
    assert not got["ORG"]
    assert bool(got["PLACE"]) is place


def test_an_outlet_at_the_event_is_an_organization(run):
    assert "青州日报" in run("青州日报、青州电视台等媒体参加发布会。")["ORG"]


def test_a_slogan_joined_by_a_dot_is_no_transliterated_name(run):
    assert not run("活动以“赴山海之约·共促交流互鉴”为主题。")["PERSON"]
    assert "阿布都拉·艾买提" in run("自治区副主席阿布都拉·艾买提出席。")["PERSON"]


def test_a_bracketed_locale_after_the_trade_name_stays_in_the_name(run):
    assert "信祥(浙江)茶业股份有限公司" in run("双方与信祥(浙江)茶业股份有限公司签约。")["ORG"]


def test_a_division_named_after_its_people_is_a_place(run):
    assert "东乡族自治县" in run("临夏州东乡族自治县县长出席。")["PLACE"]


def test_a_transliterated_name_ends_before_daibiao(run):
    assert "热合曼·买买提" in run("总经理热合曼·买买提代表双方签约。")["PERSON"]


def test_the_centre_paired_with_a_body_without_locale_is_the_chain_of_command(run):
    assert "党中央" not in run("要认真落实党中央、省委部署，推动产业升级。")["ORG"]
    assert "党中央" in run("党中央、国务院出台了支持意见。")["ORG"]
