"""Build pipeline/data/industry_words.tsv: the industry words a Chinese company name carries.

Source: GB/T 4754-2017 《国民经济行业分类》 (National Industries Classification), its 20 sections
(门类 A–T) and 97 divisions (大类 01–97). A registered company name is 行政区划 + 字号 + 行业 + 组织形式
(企业名称登记管理规定, State Council decree 734, 2020); the 行业 part is written as a short form of the
division it registers under (化学原料和化学制品制造业 → 化工, 酒、饮料和精制茶制造业 → 酒业 / 茶业 / 饮料).
The table below lists, per division, its code, its name and the short forms used in company names; the
short forms are this project's reading of the division name, not a quotation of any company. A short
name such as 某某茶业 or 某某船舶 (字号 + 行业, the 组织形式 left out) is read as a company when the
pattern layer finds such a word after a name.

    .venv/bin/python scripts/build_industry_words.py            # rewrite the data file
    .venv/bin/python scripts/build_industry_words.py --check    # exit 1 if it is out of date

Columns: industry word, GB/T 4754-2017 division code, division name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pipeline" / "data" / "industry_words.tsv"

# (division code, division name, short forms in company names)
DIVISIONS: list[tuple[str, str, str]] = [
    ("01", "农业", "农业 农业科技 种业 果业 菜业 花卉 园艺 中药材"),
    ("02", "林业", "林业 苗木 林产"),
    ("03", "畜牧业", "牧业 畜牧 养殖 禽业 蛋业"),
    ("04", "渔业", "渔业 水产"),
    ("05", "农、林、牧、渔专业及辅助性活动", "农机 农资 农垦"),
    ("06", "煤炭开采和洗选业", "煤业 煤炭 煤矿 能源"),
    ("07", "石油和天然气开采业", "石油 油田 天然气 油气"),
    ("08", "黑色金属矿采选业", "矿业 铁矿"),
    ("09", "有色金属矿采选业", "矿业 锰业 钨业 稀土 锂业 钴业 金矿"),
    ("10", "非金属矿采选业", "矿业 石材 盐业"),
    ("13", "农副食品加工业", "食品 粮油 米业 面业 油脂 饲料 肉业 肉类 糖业"),
    ("14", "食品制造业", "食品 乳业 乳品 调味品 保健品"),
    ("15", "酒、饮料和精制茶制造业", "酒业 酒厂 啤酒 饮料 饮品 茶业 茶叶 茶厂"),
    ("16", "烟草制品业", "烟草 卷烟厂"),
    ("17", "纺织业", "纺织 织造 印染 家纺 丝绸 针织 棉业 麻业"),
    ("18", "纺织服装、服饰业", "服饰 服装 制衣 时装"),
    ("19", "皮革、毛皮、羽毛及其制品和制鞋业", "皮革 鞋业 制鞋 羽绒"),
    ("20", "木材加工和木、竹、藤、棕、草制品业", "木业 竹业"),
    ("21", "家具制造业", "家具 家居"),
    ("22", "造纸和纸制品业", "纸业 造纸"),
    ("23", "印刷和记录媒介复制业", "印刷 印务 包装"),
    ("24", "文教、工美、体育和娱乐用品制造业", "文具 工艺品 体育用品 玩具 乐器 户外用品"),
    ("25", "石油、煤炭及其他燃料加工业", "石化 炼化 焦化"),
    ("26", "化学原料和化学制品制造业", "化工 化学 化肥 农药 涂料 日化 新材料 材料"),
    ("27", "医药制造业", "医药 药业 制药 生物 生物科技 生物医药 中药"),
    ("28", "化学纤维制造业", "化纤"),
    ("29", "橡胶和塑料制品业", "橡胶 塑料 塑胶 塑业 轮胎"),
    ("30", "非金属矿物制品业", "建材 水泥 玻璃 陶瓷 石墨 碳素"),
    ("31", "黑色金属冶炼和压延加工业", "钢铁 特钢 钢业 冶金"),
    ("32", "有色金属冶炼和压延加工业", "有色 铝业 铜业 锌业 冶炼 金属"),
    ("33", "金属制品业", "五金 金属制品 不锈钢"),
    ("34", "通用设备制造业", "机械 机电 动力 装备 阀门 泵业 轴承 压缩机"),
    ("35", "专用设备制造业", "重工 装备 机械 设备 医疗器械"),
    ("36", "汽车制造业", "汽车 汽配 新能源汽车 车业"),
    ("37", "铁路、船舶、航空航天和其他运输设备制造业", "船舶 造船 船业 航空 航天 轨道交通 机车"),
    ("38", "电气机械和器材制造业", "电气 电器 电机 电缆 电池 光伏 照明 家电 储能 新能源"),
    ("39", "计算机、通信和其他电子设备制造业", "电子 光电 半导体 微电子 集成电路 芯片 通信 通讯 显示"),
    ("40", "仪器仪表制造业", "仪器 仪表 光学"),
    ("41", "其他制造业", "制造 实业 工业"),
    ("44", "电力、热力生产和供应业", "电力 热力 风电 水电 核电 发电 供电 能源"),
    ("45", "燃气生产和供应业", "燃气"),
    ("46", "水的生产和供应业", "水务 供水"),
    ("47", "房屋建筑业", "建筑 建设 建工"),
    ("48", "土木工程建筑业", "路桥 工程 市政"),
    ("50", "建筑装饰、装修和其他建筑业", "装饰 装修"),
    ("51", "批发业", "贸易 商贸 进出口 供应链"),
    ("52", "零售业", "商业 百货 超市 药房"),
    ("53", "铁路运输业", "铁路"),
    ("54", "道路运输业", "运输"),
    ("55", "水上运输业", "航运 海运 港务"),
    ("56", "航空运输业", "航空"),
    ("58", "多式联运和运输代理业", "物流 货运 国际货代"),
    ("59", "装卸搬运和仓储业", "仓储"),
    ("60", "邮政业", "快递 速递"),
    ("61", "住宿业", "酒店"),
    ("62", "餐饮业", "餐饮"),
    ("63", "电信、广播电视和卫星传输服务", "电信 卫星"),
    ("64", "互联网和相关服务", "网络 互联网 数据 云计算"),
    ("65", "软件和信息技术服务业", "软件 信息 信息技术 智能 数字 科技"),
    ("66", "货币金融服务", "银行"),
    ("67", "资本市场服务", "证券 基金 资本 投资"),
    ("68", "保险业", "保险"),
    ("69", "其他金融业", "金融 控股"),
    ("70", "房地产业", "地产 置业 房地产 物业"),
    ("71", "租赁业", "租赁"),
    ("72", "商务服务业", "咨询 管理 投资 传媒 广告 会展 人力资源"),
    ("73", "研究和试验发展", "科技 研究"),
    ("74", "专业技术服务业", "检测 设计 勘察 环境"),
    ("75", "科技推广和应用服务业", "科技 技术"),
    ("77", "生态保护和环境治理业", "环保 生态 环境"),
    ("78", "公共设施管理业", "城投 公用"),
    ("83", "教育", "教育 培训"),
    ("84", "卫生", "医疗 健康"),
    ("86", "新闻和出版业", "出版 传媒"),
    ("87", "广播、电视、电影和录音制作业", "影视 文化传媒"),
    ("88", "文化艺术业", "文化 艺术"),
    ("89", "体育", "体育"),
    ("90", "娱乐业", "娱乐 文旅 旅游"),
]


# Division short forms that are also verbs or abstract nouns of running prose (研究, 管理, 建设, 数字, 旅游):
# after a name they describe an activity (某某研究) as often as they name a company, so they are not written out.
PROSE_WORDS = set("""
管理 研究 技术 设计 环境 数字 信息 工程 数据 商业 文化 艺术 体育 教育 健康 医疗 生态 制造 动力 设备 显示
市政 公用 包装 培训 咨询 广告 会展 人力资源 检测 勘察 娱乐 旅游 文旅 金属 有色 互联网 建设 资本 基金 保险
铁路 航空 卫星 装修 运输 材料 研究 发电 供电 供水 养殖 园艺 花卉 中药材 中药 盐业 显示 光学 市政 环境 设计
""".split())


def rows() -> list[tuple[str, str, str]]:
    """One row per industry word, the first division naming it."""
    seen: dict[str, tuple[str, str, str]] = {}
    for code, name, words in DIVISIONS:
        for w in words.split():
            if w not in PROSE_WORDS:
                seen.setdefault(w, (w, code, name))
    return sorted(seen.values(), key=lambda r: (r[1], r[0]))


def render() -> str:
    head = ("# generated by scripts/build_industry_words.py from GB/T 4754-2017 (divisions 01-97); "
            "columns: word, division code, division name\n")
    return head + "".join("\t".join(r) + "\n" for r in rows())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the data file is out of date")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if ok else f"{OUT} is out of date")
        return 0 if ok else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows())} industry words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
