"""Word boundaries and head words through the whole `ner` stage: sentences written for these tests.

Each case lists entities that must be found and ones that must not (a dotted name cut short, a name
losing its last character to 国家, a locale dropped before a zone head, a name running over 全岛, the
ethnic part of an autonomous county, a verb before a park head, a metaphor bank, a place only inside
a cooperative's name, English new areas, CPC committees, countries and sector phrases).
"""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

P, O, L = "PERSON", "ORG", "PLACE"
CASES = [
 # a place cut before a level word (X市 + 市政协) is named in its written form
 ("会上，绵阳市政协副主席介绍了电子信息产业情况。", {(L, "绵阳市")}, {(L, "绵阳")}),
 ("衡阳市委书记到企业调研，与企业负责人座谈。", {(L, "衡阳市")}, {(L, "衡阳")}),
 ("吉林省人大代表走进车间，察看生产情况。", {(L, "吉林省")}, {(L, "吉林")}),
 ("湖州市场监管部门到企业检查，湖州市民踊跃参与。", {(L, "湖州")}, {(L, "湖州市")}),
 # an honorary 之乡 title is not a place of its own
 ("当地被誉为中国脐橙之乡，柑橘产业带动农民增收。", set(), {(L, "中国脐橙之乡"), (L, "脐橙之乡")}),
 ("這裡是著名的蜜柚之鄉，果農收入逐年提高。", set(), {(L, "蜜柚之鄉")}),
 # dotted name runs to its end
 ("地委委员努尔比亚·阿不都克热木在会上讲话。", {(P, "努尔比亚·阿不都克热木")}, {(P, "努尔比亚·阿不都克热")}),
 ("副县长买买提江·吐尔洪巴克陪同调研。", {(P, "买买提江·吐尔洪巴克")}, set()),
 # name before 家/家中
 ("县委书记来到脱贫户李振国家中走访慰问。", {(P, "李振国")}, {(P, "李振")}),
 ("镇长先后走进村民赵德民家，了解生产生活情况。", {(P, "赵德民")}, {(P, "赵德")}),
 # common-word first character of a gazetteer / park name
 ("游客来到那柯里村，品尝普洱茶。", {(L, "那柯里村")}, {(L, "柯里村")}),
 # locale before a zone head
 ("市长到三亚中央商务区调研总部经济发展。", {(L, "三亚中央商务区")}, {(L, "中央商务区")}),
 ("会议提出，要推动海南自由贸易港全岛封关运作准备工作。", {(L, "海南自由贸易港")}, {(L, "海南自由贸易港全岛")}),
 ("江西全省上下掀起招商热潮，广东全市各区也在行动。", {(L, "江西")}, {(L, "江西全省")}),
 # sub-parts of an autonomous county
 ("副州长在孟连傣族拉祜族佤族自治县调研。", {(L, "孟连傣族拉祜族佤族自治县")}, {(L, "拉祜族佤族自治县"), (L, "傣族拉祜族佤族自治县"), (L, "佤族自治县")}),
 ("镇沅彝族哈尼族拉祜族自治县县长到恩乐镇调研。", {(L, "镇沅彝族哈尼族拉祜族自治县")}, {(L, "哈尼族拉祜族自治县"), (L, "拉祜族自治县")}),
 # verb before a park head
 ("村里把荒茶山变景区，带动群众增收。", set(), {(L, "茶山变景区"), (L, "荒茶山变景区")}),
 ("这片矿区已建成园区，小山村成景区。", set(), {(L, "小山村成景区")}),
 # metaphor bank
 ("当地把生态优势转化为“绿色银行”，让青山变金山。", set(), {(O, "绿色银行")}),
 ("昔日荒山如今成了村民的“金色银行”。", set(), {(O, "金色银行")}),
 # 地区行政公署
 ("喀什地区行政公署新闻办公室发布消息。", {(O, "喀什地区行政公署新闻办公室")}, set()),
 ("和田地区行署副专员到墨玉县调研。", {(L, "墨玉县")}, set()),
 # 工业城 / 科技城 and their bodies
 ("副市长到安顺纺织工业城调研，察看企业生产情况。", {(L, "安顺纺织工业城")}, set()),
 ("三亚崖州湾科技城管理局负责人介绍了园区招商情况。", {(O, "三亚崖州湾科技城管理局"), (L, "三亚崖州湾科技城")}, set()),
 # night market
 ("晚上，市委书记来到景洪江畔星光夜市，察看夜间经济发展情况。", {(O, "景洪江畔星光夜市")}, set()),
 ("代表们逛了柳州窑埠美食夜市。", {(O, "柳州窑埠美食夜市")}, set()),
 # place only inside an organization's name
 ("他察看了宁夏杞乡红枸杞专业合作社的烘干车间。", {(O, "宁夏杞乡红枸杞专业合作社")}, {(L, "宁夏")}),
 ("书记走进甘肃陇原绿谷种植专业合作社。", set(), {(L, "甘肃")}),
 # English
 ("The delegation visited the Haikou Jiangdong New Area and the Liangjiang New Area.", {(L, "Haikou Jiangdong New Area"), (L, "Liangjiang New Area")}, set()),
 ("He toured the Zhuzhou Hi-tech Industrial Park on Monday.", {(L, "Zhuzhou Hi-tech Industrial Park")}, set()),
 ("The meeting was hosted by the CPC Sanya Municipal Committee.", {(O, "CPC Sanya Municipal Committee")}, set()),
 ("Wang Jun, Secretary of the CPC Haikou Municipal Committee, attended the event.", {(O, "CPC Haikou Municipal Committee")}, set()),
 ("Companies from the United Arab Emirates, Saudi Arabia and New Zealand attended the fair.", {(L, "United Arab Emirates"), (L, "Saudi Arabia"), (L, "New Zealand")}, set()),
 ("They discussed the Intelligent Connected New Energy Vehicle Industry and the Automobile Industry.", set(), {(O, "Intelligent Connected New Energy Vehicle Industry"), (O, "Automobile Industry")}),
 ("Officials praised the Digital Economy and the Marine Sector of Qingdao.", set(), {(O, "Digital Economy"), (O, "Marine Sector")}),
 # keep: real names still found
 ("他察看了湖州宏达针织有限公司和海南银行三亚分行。", {(O, "湖州宏达针织有限公司")}, set()),
 ("市委书记王建国到成都天府软件园调研。", {(P, "王建国"), (L, "成都天府软件园")}, set()),
]
CASES += [
 ("代表团访问了沙特阿拉伯和阿联酋。", {(L, "沙特阿拉伯")}, set()),
 ("双江拉祜族佤族布朗族傣族自治县县委书记到勐库镇调研。", {(L, "双江拉祜族佤族布朗族傣族自治县")}, {(L, "布朗族傣族自治县"), (O, "布朗族傣族自治县县委")}),
 ("东湖村绿源家庭农场负责人介绍了育秧情况。", {(L, "东湖村")}, set()),
 ("到来宾工业园区调研。", {(L, "来宾工业园区")}, set()),
 # a county before a company named after its city: two things (small to big); big to small is one name
 ("县长到凉州区武威金阳新能源有限公司调研光伏项目。", {(L, "凉州区"), (O, "武威金阳新能源有限公司")},
  {(O, "凉州区武威金阳新能源有限公司"), (L, "武威")}),
 ("副区长走访了秀英区海口恒达电子有限公司。", {(L, "秀英区"), (O, "海口恒达电子有限公司")}, set()),
 ("他来到杭州市余杭区恒星纺织有限公司察看生产线。", {(O, "杭州市余杭区恒星纺织有限公司")}, {(L, "余杭区")}),
 # 与 inside a college's name
 ("座谈会在西北农林大学葡萄酒与园艺学院举行。", {(O, "西北农林大学葡萄酒与园艺学院")}, {(O, "园艺学院")}),
 ("清华大学与北京师范学院签署合作协议。", {(O, "清华大学"), (O, "北京师范学院")}, set()),
 # a place at the start of a lake's or river bay's name
 ("州长在乌兰县考察了柯鲁柯吉乃尔湖生态保护情况。", {(L, "乌兰县"), (L, "柯鲁柯吉乃尔湖")}, set()),
 ("代表团参观了贵德黄河清湾。", {(L, "贵德黄河清湾")}, {(L, "贵德")}),
 ("广东省内河航运发展迅速，甘肃沙漠治理成效明显。", {(L, "广东省"), (L, "甘肃")}, {(L, "广东省内河"), (L, "甘肃沙漠")}),
 # English feature names keep their head word
 ("The mayor inspected Changxing Island and Dianchi Lake on Tuesday.", {(L, "Changxing Island"), (L, "Dianchi Lake")},
  {(L, "Changxing")}),
 ("The delegation visited Yantai Port.", {(L, "Yantai Port")}, {(L, "Yantai")}),
 # a wharf after a named port area: the port area is the place
 ("副市长到唐山港曹妃甸港区矿石码头调研。", {(L, "唐山港曹妃甸港区")}, {(L, "唐山港曹妃甸港区矿石码头")}),
]


@pytest.fixture(scope="module")
def stages():
    return [get_stage(n).factory(get_stage(n).config_cls()) for n in ("normalize", "ner")]


@pytest.mark.parametrize(("text", "need", "bad"), CASES)
def test_boundary_sentence(stages, text, need, bad):
    doc = Document.from_raw(RawDocument(doc_id="b", source_path="b.txt", source_format="txt", sha256="0",
                                        n_bytes=len(text.encode()), encoding="utf-8", encoding_confidence=1.0,
                                        text=text))
    for stage in stages:
        doc = stage(doc)
    got = {(e.type, e.text) for e in doc.entities if e.type in ("PERSON", "ORG", "PLACE")}
    assert need <= got and not bad & got
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)
