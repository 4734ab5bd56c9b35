"""Strip on pages shaped like other sites' scraped text (headers, widgets, footers unlike the seeds').

Every page was written for these tests (no text copied from the web). Each line of a page starts with its
gold role code and a space: `t` title, `b` body, `x` boilerplate, `d` duplicate, `_` blank. Roles follow
../shared/ANNOTATION.md. The first 14 pages drove the fixes; the later ones were written afterwards as
held-out checks (each round measured before the fixes it prompted). Line-level P/R/F1 over all pages:
`.venv/bin/python tests/test_strip_sites.py`.
"""

from __future__ import annotations

import sys

import pytest

from pipeline.document import Document
from pipeline.registry import get_stage
from pipeline.schema import RawDocument

CODES = {"t": "title", "b": "body", "x": "boilerplate", "d": "duplicate", "_": "blank"}

PAGES: dict[str, str] = {}

# A county government portal: menu, breadcrumb, metadata, font and share widgets, numbered subheads, a short
# closing sentence, related news with dates and the sponsor / ICP footer.
PAGES["county_portal"] = """\
x 首页 | 政务公开 | 政务服务 | 政民互动 | 走进青川
x 当前位置：首页 > 政务公开 > 工作动态
t 县委书记王建国主持召开全县工业经济运行分析会
x 发布日期：2023-04-12 16:30  信息来源：县委办  作者：刘洋  点击数：2316
x 【字体：大 中 小】 打印本页 关闭窗口
b 4月11日，县委书记王建国主持召开全县工业经济运行分析会，听取一季度工业经济运行情况汇报，研究部署下一阶段重点工作。
t 一、聚焦产业升级
b 会议指出，一季度全县规上工业增加值同比增长8.5%，增速位居全市前列，但部分企业仍面临订单不足、用工紧张等困难。
t 二、强化要素保障
b 王建国强调，各级各部门要紧盯目标任务，强化要素保障，帮助企业解决融资、用地、用工等实际问题，确保全年目标顺利完成。
b 会议还通报了有关情况。
x 【责任编辑：陈静】
x 分享到：微信 微博 QQ空间
x 扫一扫在手机打开当前页
x 相关新闻
x · 我县召开一季度经济形势分析会 2023-04-10
x · 县长李华调研重点项目建设 2023-04-08
x · 全县安全生产工作会议召开 2023-04-03
x 网站地图 | 联系我们 | 关于我们 | 隐私声明
x 主办：青川县人民政府办公室  承办：青川县大数据中心
x 网站标识码：5108220001  蜀ICP备05012345号  川公网安备 51082202000123号
"""

# A city paper's news site: app prompt above the headline, original-title and source lines, an agency-style
# dateline, an end mark glued to the last paragraph, credits, "more" and back-to-top links, a WeChat prompt.
PAGES["city_paper"] = """\
x 青山新闻网 > 本地要闻
x 打开青山新闻客户端 阅读体验更佳
t 市长赵立新带队赴长三角开展招商引资活动
x 原标题：赵立新带队赴长三角招商 推动一批重大项目落地
x 2023-06-18 08:12:45 来源：青山日报
b 本报讯（记者 孙悦 通讯员 周平）6月15日至17日，市长赵立新带队赴上海、苏州等地开展招商引资活动，先后走访5家企业，并出席青山市（上海）投资推介会。
b 在上海，赵立新一行走访了某新能源科技有限公司，详细了解企业发展规划和投资意向。
b 赵立新表示，青山区位优势明显、产业基础扎实，真诚欢迎各位企业家到青山投资兴业。
b 市领导钱坤参加活动。（完）
x 本文来源：青山日报
x 编辑：李敏 审核：王涛
x 点击查看更多
x 关注“青山发布”微信公众号，获取更多权威信息
x 返回顶部
"""

# Government information disclosure: the index table scraped as label and value lines, the headline repeated
# by the table's title cell, and print / close widgets.
PAGES["disclosure_table"] = """\
x 索引号：
x 11330100MB1234567X/2023-04567
x 发文机关：
x 青山市人民政府办公厅
x 主题分类：
x 综合政务\\其他
x 成文日期：
x 2023-05-20
x 发布日期：
x 2023-05-22
t 市政府召开第21次常务会议
b 5月20日，市长赵立新主持召开市政府第21次常务会议，研究部署防汛抗旱、安全生产等工作。
b 会议强调，要压紧压实防汛责任，加强隐患排查整治，全力保障人民群众生命财产安全。
b 会议还研究了其他事项。
x 【打印】【关闭】
"""

# A Taiwan-style county page in Traditional script: accessibility anchor, font and print widgets with local
# wording, metadata with 點閱次數, and the site guide / privacy / update footer.
PAGES["tw_county"] = """\
x :::
x 首頁 > 新聞與公告 > 新聞稿
x 字型：小 中 大
x 列印 轉寄 分享
t 縣長林志明視察農產品物流中心建設進度
x 發布日期：2023-03-08  點閱次數：856  資料來源：農業處
b 縣長林志明8日上午前往農產品物流中心工地視察建設進度，聽取工程單位簡報，並慰勉第一線施工人員。
b 林志明表示，物流中心完工後將大幅提升農產品冷鏈運輸能力，協助農民拓展通路，增加收入。
b 他也要求工程團隊在確保施工安全的前提下，加快進度，力拚年底前完工啟用。
b 縣府農業處長陳美玲、議員張文華等人陪同視察。
x 回上頁　回頁首
x 網站導覽｜隱私權保護政策｜資訊安全政策｜政府網站資料開放宣告
x 地址：600某縣某市中山路1號　電話：(05)1234567
x 最後更新日期：2023-03-08
x 瀏覽人次：12345678
"""

# An English national daily: section menu, byline and update line, share widget between headline and body,
# related stories with dates, a long copyright paragraph and licence lines.
PAGES["en_daily"] = """\
x Home | China | World | Business | Lifestyle | Culture | Travel | Sports | Opinion
x Home > China > Society
t Provincial Party chief inspects flood control work
x By Zhang Wei in Changsha | chinadaily.com.cn | Updated: 2023-07-04 09:18
x Share
b Zhou Ming, Party secretary of Hunan province, inspected flood control work along the Xiangjiang River on Monday, urging local officials to stay alert as heavy rain continues.
b Zhou visited a pumping station and a dike reinforcement project in Xiangtan, where he listened to reports on water levels and emergency preparations.
b "We must put people's lives first and make every preparation for the worst," Zhou said.
b Provincial officials Li Hua and Chen Bo accompanied him.
x Editor: Wang Qian
x Related Stories
x Heavy rain hits central China 2023-07-03
x Hunan issues flood alert 2023-07-02
x Copyright 1995 - 2023 . All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to the publisher. Without written authorization, such content shall not be republished or used in any form.
x Note: Browsers with 1024*768 or higher resolution are suggested for this site.
x License for publishing multimedia online 0108263
"""

# An industry portal: headline fused with the breadcrumb, a summary teaser cut with an ellipsis, a metadata line,
# tags, a reprint statement and previous / next links.
PAGES["industry_portal"] = """\
x 纺织服装网 > 资讯 > 行业动态 > 某县召开纺织产业高质量发展推进会
t 某县召开纺织产业高质量发展推进会
x 摘要：9月5日，某县召开纺织产业高质量发展推进会，总结前期工作成效，部署下一阶段重点…
x 来源：中国纺织报  作者：小纺  2023-09-06 10:21:33  阅读量：1.2万
b 9月5日，某县召开纺织产业高质量发展推进会，总结前期工作成效，部署下一阶段重点任务。县委副书记、县长吴志刚出席会议并讲话。
b 吴志刚指出，纺织产业是我县的传统优势产业，要加快智能化改造和数字化转型，推动产业向价值链中高端迈进。
b 会上，县经信局通报了全县纺织产业运行情况，5家企业作交流发言。
x 标签：纺织产业 高质量发展 推进会
x 声明：本网转载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。
x 上一篇：印染企业节能改造经验交流会举行
x 下一篇：秋冬面料流行趋势发布
"""

# A district media centre: publisher line, headline, a teaser of the body's start, a bare date, then the body,
# credits and a copyright line, and the whole body reprinted after the footer.
PAGES["district_reprint"] = """\
x 某区融媒体中心
t 某区区长刘伟调研重点企业复工复产
x 2月13日，区长刘伟先后来到某精密制造有限公司、某食品有限公司等企业…
x 2023/02/14
b 2月13日，区长刘伟先后来到某精密制造有限公司、某食品有限公司等企业，实地调研复工复产情况。
b 刘伟要求，各部门要主动对接企业需求，用心用情做好服务保障，帮助企业稳产满产。
b 区领导周敏陪同调研。
x 责编：王欣
x 某区融媒体中心版权所有 未经授权禁止转载
d 2月13日，区长刘伟先后来到某精密制造有限公司、某食品有限公司等企业，实地调研复工复产情况。
d 刘伟要求，各部门要主动对接企业需求，用心用情做好服务保障，帮助企业稳产满产。
d 区领导周敏陪同调研。
"""

# Body sentences that mention 来源, 电话, 版权 and 下载 in normal prose, a one-line closing paragraph, and
# previous / next links.
PAGES["false_friends"] = """\
t 县政府召开知识产权保护工作座谈会
b 3月22日，县政府召开知识产权保护工作座谈会，副县长孙红主持会议。
b 座谈会上，企业代表反映，部分产品存在被仿冒、版权所有者维权成本高等问题。
b 孙红指出，要拓宽资金来源：设立专项基金，对企业维权给予补助。
b 县市场监管局公布了举报电话，欢迎社会各界监督，市民也可下载“青山办事”客户端在线反映问题。
b 会议还通报了有关情况。
x 上一篇：县委召开常委会议
x 下一篇：全县春耕生产现场会召开
"""

# A Hong Kong style press release in Traditional script: section label, a salutation ending in a colon, the
# end mark, date and time lines and a section menu.
PAGES["hk_press_release"] = """\
x 新聞公報
t 財政司司長出席創新科技論壇致辭
b 以下是財政司司長陳國明今日（五月十二日）在創新科技論壇的致辭全文：
b 各位嘉賓：
b 大家好！很高興今天出席創新科技論壇，與各位探討如何推動本地創新科技產業發展。
b 過去一年，政府投放大量資源支持研發，並積極引進海內外人才，成效逐步顯現。
b 多謝各位。
x 完
x 2023年5月12日（星期五）
x 香港時間11時45分
x 今日新聞 | 新聞公報 | 主題新聞
"""

# A WeChat official account article: account and time line, follow prompt, a two-part headline, credits with
# 监制, a "past articles" list and the like / share bar.
PAGES["wechat_account"] = """\
x 青山发布 2023-08-02 18:30 发表于浙江
x 点击蓝字 关注我们
t 市委常委会召开会议 研究部署近期重点工作
b 8月1日，市委书记何平主持召开市委常委会会议，传达学习上级有关会议精神，研究部署近期重点工作。
b 会议指出，今年以来全市经济社会发展总体平稳、稳中有进，要坚定信心、保持定力，全力以赴抓好下半年工作。
b 会议强调，要统筹发展和安全，扎实做好防汛救灾、安全生产等工作。
x 来源：青山日报
x 编辑：张三
x 审核：李四
x 监制：王五
x 往期推荐
x ▶ 我市举办2023年招才引智大会
x ▶ 这个夏天，来青山避暑！
x 分享 收藏 点赞 在看
x 长按二维码关注我们
"""

# An English page of a city government site: skip link, font size, print / share bar, a short last paragraph,
# footer menu, sponsor and ICP lines.
PAGES["en_city_site"] = """\
x Skip to main content
x Home > News > Local News
t Vice mayor meets delegation from German chamber of commerce
x Updated: 2023-09-15 | Source: Foreign Affairs Office
x Font size: A A A
x Print | Share
b Vice Mayor Liu Jun met a delegation led by Klaus Weber, chairman of a German chamber of commerce, on Sept 14 to discuss cooperation in advanced manufacturing.
b Liu briefed the guests on the city's business environment and invited more German companies to invest in its high-tech zone.
b Both sides agreed to strengthen exchanges.
x About Us | Contact Us | Sitemap | Privacy Policy
x Copyright © 2023 The People's Government of Qingshan Municipality. All Rights Reserved.
x Sponsored by the General Office of Qingshan Municipal People's Government
x ICP No. 12345678
"""

# A mainland page in Traditional script: font / print / close widgets, headline and subtitle, a section subhead,
# photo credits, editor line and related reading.
PAGES["hant_mainland"] = """\
x 【字體：大 中 小】【列印】【關閉】
t 市委書記鄭偉調研鄉村振興工作
t ——強調要加快發展特色產業 促進農民增收致富
b 本報訊（記者 黃敏）7月20日，市委書記鄭偉深入某鎮調研鄉村振興工作，察看特色種植基地和農產品加工企業。
t 二、強化人才支撐
b 鄭偉強調，要堅持把發展特色產業作為鄉村振興的重要抓手，培育壯大新型農業經營主體。
b 圖為鄭偉在種植基地調研。（記者 黃敏 攝）
b 市領導周傑陪同調研。
x 【責任編輯：吳小梅】
x 相關閱讀
x 我市召開鄉村振興工作推進會 2023-07-18
x 版權所有：某市日報社　未經授權不得轉載
"""

# A news page with photos: a picture placeholder, a stand-alone photographer credit, an image source line, the
# headline repeated as a caption, a video placeholder, and a share bar in the tail.
PAGES["photo_story"] = """\
t 全市重点项目集中开工 总投资逾百亿元
x 来源：青山市人民政府网  时间：2023-03-01
b 2月28日，全市2023年第一季度重点项目集中开工仪式在青山经济开发区举行，32个项目集中开工，总投资逾百亿元。
x [图片]
x 张明 摄
b 市委书记何平宣布项目开工，市长赵立新致辞。
t 全市重点项目集中开工 总投资逾百亿元
b 此次集中开工的项目涵盖先进制造、现代服务业和基础设施等领域，将为全市经济发展增添新动能。
x 图片来源：青山市融媒体中心
x 【纠错】 【打印】 【关闭】
"""

# An English agency story: source / date / editor bar, dateline, an end mark and follow / app prompts.
PAGES["en_agency"] = """\
t Chinese province holds symposium on private economy
x Source: Xinhua | 2023-03-12 20:15:30 | Editor: huaxia
b HANGZHOU, March 12 (Xinhua) -- East China's Zhejiang Province held a symposium on Sunday with private entrepreneurs to hear their suggestions on improving the business environment.
b Provincial governor Wang Hao said the province will cut red tape, protect property rights and treat all types of companies equally.
b More than 20 business leaders attended.
x Enditem
x Follow us on Twitter and Facebook
x Download our app for the latest news
"""


# Written after the first round of fixes (held out): a provincial news channel with a login bar, a `>>`
# breadcrumb, an agency dateline, a bracketed editor credit, a share prompt and an undated recommendation list.
PAGES["prov_news"] = """\
x 登录 | 注册 | 手机版 | 无障碍浏览 | 长者模式
x 浙江频道 >> 地方动态
t 省长率队调研海洋经济发展 强调做大做强临港产业
x 2023年10月12日09:35 来源：人民网-浙江频道
b 人民网杭州10月12日电 （记者 王某）10月11日，省长陈某率队赴舟山、宁波调研海洋经济发展情况，察看港口码头和临港产业项目建设。
b 陈某指出，海洋经济是全省高质量发展的重要增长极，要加快建设世界一流强港，推动临港产业集群化发展。
b 调研期间，陈某还主持召开座谈会，听取有关市和部门的工作汇报。
b 副省长刘某参加调研。
x （责编：李某、王某）
x 分享让更多人看到
x 推荐阅读
x 全省秋冬季森林防火工作会议召开
x 杭州亚运会志愿者表彰大会举行
x 人民网版权所有，未经书面授权禁止使用
x Copyright © 1997-2023 by www.people.com.cn. all rights reserved
"""
# Held out: a bureau page whose one-line metadata ends in an empty field, attachments and widget brackets.
PAGES["bureau_notice"] = """\
x 信息来源：市商务局 | 发布时间：2023-11-02 | 浏览次数：
t 市商务局召开外贸企业座谈会
b 11月1日，市商务局召开外贸企业座谈会，局长黄某主持会议，20余家外贸企业负责人参加。
b 座谈会上，企业负责人围绕拓展海外市场、应对汇率波动等问题发言，提出意见建议。
b 黄某表示，市商务局将持续做好稳外贸各项工作，帮助企业抢订单、拓市场。
x 附件：
x 1. 2023年重点外贸企业名单.xlsx
x 2. 外贸政策汇编.pdf
x 【我要纠错】 【打印本页】 【关闭窗口】
x 扫一扫在手机打开当前页
"""
# Held out: an English daily with a publish line, an outlet byline, a photo credit and a newsletter box.
PAGES["en_gt"] = """\
x Published: Oct 12, 2023 09:15 PM
x By Global Times
t Ningbo mayor visits port logistics enterprises
x Photo: VCG
b Ningbo Mayor Tang Fei visited several port logistics enterprises on Wednesday, calling for efforts to stabilize foreign trade and improve the efficiency of cargo handling.
b Tang said the city will continue to optimize its business environment and support companies in expanding overseas markets.
b Officials from the city's commerce bureau joined the visit.
x Newsletter
x Sign up for our newsletter
x Posted in: CHINA
"""
# Held out: a Hong Kong paper in Traditional script with its own dateline and an app prompt.
PAGES["hk_media"] = """\
x 大公文匯 > 大公報 > 中國新聞
t 廣東省長調研大灣區科創平台
x 2023-09-20 06:00:12
b 【大公報訊】記者李某報道：廣東省長王某19日到廣州南沙調研科創平台建設，要求加快推進重大創新平台落地見效。
b 王某先後考察了多個實驗室和企業研發中心，詳細了解技術攻關和成果轉化情況。
b 他強調，要進一步深化粵港澳科技合作，吸引更多港澳青年來粵創新創業。
x 責任編輯：陳某
x 下載大公報App 掌握最新資訊
x 大公報 版權所有 不得轉載
"""
# Held out: a company site with previous / next on one line and a combined copyright / contact footer.
PAGES["company_news"] = """\
x 首页 > 新闻中心 > 公司新闻
x 作者：办公室  发布时间：2023-08-15  浏览次数：365
t 集团召开2023年半年度经营工作会议
b 8月14日，集团召开2023年半年度经营工作会议，总结上半年经营情况，部署下半年重点工作。集团董事长张某出席会议并讲话。
b 张某强调，要坚定信心、迎难而上，全力以赴完成全年目标任务。
b 集团领导班子成员、各子公司主要负责人参加会议。
x 上一条：集团开展安全生产月活动  下一条：集团举办青年员工座谈会
x 版权所有 © 某某集团有限公司 | 地址：某市某区某路100号 | 电话：0571-88888888
x 技术支持：某网络科技有限公司
"""
# Held out: page title fused with the portal name, an end mark on its own line and a related list.
PAGES["gov_portal_fused"] = """\
x 县长主持召开县政府常务会议_某县人民政府门户网站
t 县长主持召开县政府常务会议
x 时间：2023-06-30 来源：县政府办
b 6月29日，县长周某主持召开县政府第15次常务会议，传达学习上级会议精神，研究部署有关工作。
b 会议审议通过了《某县促进民营经济发展若干措施》。
b 会议要求，各部门要加强协作配合，确保各项政策措施落地见效。
x （完）
x 相关稿件
x 县政府召开第14次常务会议
x 县长周某调研防汛工作
x 主办：某县人民政府 承办：某县政务服务中心
"""
# Second held-out round: blank lines between all lines, bullet paragraphs and a short closing sentence.
PAGES["blank_spaced"] = """\
x 某某网 > 新闻 > 地方
_ 
t 区委书记带队督查安全生产工作
_ 
x 某某网讯 2023-12-05 14:22
_ 
b 12月4日，区委书记何某带队督查全区安全生产工作，深入企业车间、施工工地，详细检查安全管理制度落实情况。
_ 
b ● 何某强调，要时刻绷紧安全生产这根弦，坚决防范遏制重特大事故发生。
_ 
b ● 他要求，各街道和有关部门要压实属地责任，开展拉网式排查，确保隐患整改到位。
_ 
b 谢谢大家！
_ 
x 本期编辑：刘某
x 校对：赵某
x 视频
"""
# Second held-out round: an English page with a photo credit and a body sentence about a sponsor.
PAGES["en_photo"] = """\
x Updated: 2023-11-20 16:42
t Shanghai hosts forum on green finance
x [Photo/Xinhua]
b The forum, sponsored by the municipal government and several banks, attracted more than 300 participants from home and abroad on Monday.
b Vice-mayor Zhang Lin said Shanghai will build itself into an international green finance hub by 2025.
b Participants also discussed carbon market development.
x Contact us: webmaster@example.com
x Follow us on WeChat
x Copyright © 2023 Example Media. All rights reserved.
"""
# Second held-out round: a Macau government release in Traditional script with a share line.
PAGES["macau"] = """\
x 澳門特別行政區政府新聞局
t 行政長官會見廣東省代表團
x 發佈日期：2023-10-08 18:30
x 分享：Facebook WhatsApp 微信
b 行政長官何某今日（8日）在政府總部會見廣東省代表團，雙方就深化粵澳合作交換意見。
b 何某表示，特區政府將全力配合國家發展戰略，積極融入粵港澳大灣區建設。
b 代表團成員及特區政府有關官員出席會見。
x 新聞來源：行政長官辦公室
x 相關新聞
x 行政長官出席國慶酒會
"""
# Second held-out round: a dated hot-news sidebar above the headline.
PAGES["sidebar_first"] = """\
x 热点新闻
x 全市经济运行平稳向好 2023-10-20
x 我市获评全国文明城市 2023-10-18
t 市委理论学习中心组举行集体学习
x 发布时间：2023-10-21 作者：市委宣传部
b 10月20日，市委理论学习中心组举行集体学习，市委书记何某主持并讲话。
b 何某强调，要深入学习贯彻党的创新理论，把学习成果转化为推动高质量发展的实际成效。
b 市委理论学习中心组成员参加学习。
x 【关闭】
"""
# Second held-out round: bracketed section subheads and a date + source + editor line.
PAGES["subhead_brackets"] = """\
t 县长调研重点项目 推动项目建设提速增效
x 2023-05-10 来源：某县融媒体中心 编辑：陈某
b 5月9日，县长周某先后深入多个重点项目现场，调研项目建设进展情况。
t 【产业项目】
b 在某新材料项目现场，周某详细了解项目进度，要求施工单位科学组织，加快推进。
t 【民生项目】
b 在县人民医院新院区建设现场，周某指出，要严把工程质量关，确保早日投入使用。
b 县直有关部门负责人陪同调研。
x 责任编辑：某某
x 版权所有：某县融媒体中心
"""

# Third held-out round (measured before its fix): bare section numbers 01 / 02 and three-level review credits.
PAGES["town_wechat"] = """\
x 来源：某镇人民政府
t 镇党委书记带队走访慰问困难群众
t 01
b 1月15日，镇党委书记方某带队走访慰问困难群众，为他们送去米面油等慰问品和新春祝福。
t 02
b 方某详细询问困难群众的身体状况和生活情况，叮嘱村干部要常走访、多关心，及时帮助解决实际困难。
x 文字：张某 图片：李某
x 初审：王某 复审：赵某 终审：钱某
"""
# Third held-out round: a slash breadcrumb, bracketed print / close, a translator credit.
PAGES["en_province"] = """\
x Home / News / Updates
t Governor meets visiting Singapore business delegation
x Date: 2023-04-03 | Source: Provincial Foreign Affairs Office
x [Print] [Close]
b Governor Li Ming met a Singapore business delegation in the provincial capital on April 2, and the two sides exchanged views on trade and investment cooperation.
b Li said the province welcomes more Singaporean companies to invest in digital economy, logistics and modern agriculture.
b Members of the delegation expressed their willingness to expand cooperation.
x Translated by Zhang Xiao
x Related Links
x Tel: 0086-10-12345678
"""
# Third held-out round: a teaser closed by 阅读全文, a bracketed source line, the body reprinted after a list.
PAGES["reprint_readmore"] = """\
t 市政协召开十三届十次常委会议
x 3月28日，市政协召开十三届十次常委会议，市政协主席冯某出席并讲话…… 阅读全文
x （来源：某市日报）
b 3月28日，市政协召开十三届十次常委会议，市政协主席冯某出席并讲话。
b 会议协商讨论了关于推动数字经济高质量发展的建议案，审议通过了有关人事事项。
b 冯某强调，要围绕中心、服务大局，积极建言资政，凝聚共识。
x 相关链接
x 市政协主席冯某调研社区治理工作
d 3月28日，市政协召开十三届十次常委会议，市政协主席冯某出席并讲话。
d 会议协商讨论了关于推动数字经济高质量发展的建议案，审议通过了有关人事事项。
d 冯某强调，要围绕中心、服务大局，积极建言资政，凝聚共识。
"""
# Third held-out round: a Taiwan news page with an update time, social links and a reuse notice.
PAGES["tw_news"] = """\
t 市長視察捷運工程 要求確保施工安全
x 2023/06/12 16:05（6/12 17:30 更新）
b （中央社記者李某台中12日電）市長盧某今天視察捷運藍線工程，要求施工單位落實安全管理。
b 盧某表示，捷運藍線是市府重大建設，市府將全力推動，早日完工通車。
b 市府交通局長葉某陪同視察。
x Facebook
x LINE
x 延伸閱讀
x 台中捷運藍線綜合規劃獲核定
x 本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。
"""
# Third held-out round: a dash breadcrumb, bracketed metadata fields, (一) subheads, attachments.
PAGES["association"] = """\
x 当前位置：首页 - 协会动态
x 【发布单位：某市纺织行业协会】【发布时间：2023-07-18】【作者：秘书处】【阅读次数：126】
t 市纺织行业协会召开会员大会
b 7月17日，市纺织行业协会召开第三届会员大会第二次会议，协会会长孙某作工作报告。
t （一）加强行业自律
b 会议提出，要引导会员企业诚信经营，维护公平竞争的市场秩序。
t （二）推动转型升级
b 会议要求，要加快数字化改造和绿色化转型，提升行业整体竞争力。
x 协会秘书处 供稿
x 附件下载：
x 会员大会工作报告.docx
"""

# Fourth round (drove its fixes): an English city portal with its site name and a bare place line above the headline.
PAGES["en_municipal_network"] = """\
x Qingshan Municipal Government Network
x Qingshan, Jiangxi Province
t Qingshan Mayor Inspects Flood Prevention Work Along the Ganjiang River
x Updated: 2023-06-21 09:15
b On June 20, Mayor Chen Lin inspected flood prevention work along the Ganjiang River and visited two reservoirs in the northern part of the city.
b Chen stressed that all departments must keep watch around the clock, check hidden dangers one by one and make sure people are safe during the flood season.
b Officials from the water resources bureau accompanied the inspection.
"""
# Fourth round: a translated headline naming every office of the official, far longer than a short title.
PAGES["en_portal_long_headline"] = """\
x Lanxi Municipal People's Government Portal
x Lanxi County, Zhejiang Province
t Zhang Weiguo, Member of the Standing Committee of the CPC Lanxi Municipal Committee and Executive Vice Mayor, Investigated the Construction of Key Water Conservancy Projects and Rural Roads in Hexi Town and Dongpo Township
b On July 12, Zhang Weiguo went to Hexi Town and Dongpo Township to investigate the construction of key water conservancy projects and rural roads.
b He asked the builders to speed up the work while ensuring quality and safety, so that the projects can benefit local farmers before the autumn harvest.
"""
# Fourth round: a paper's online edition name and a 'paper | Updated:' line above the headline.
PAGES["en_daily_online"] = """\
x Qingshan Daily Online
x China Daily | Updated: 2023-09-02 14:20
t Provincial Party Secretary Holds Symposium with Private Entrepreneurs
b The provincial Party secretary held a symposium with private entrepreneurs in the provincial capital on September 1, listening to their opinions and suggestions on improving the business environment.
b Ten entrepreneurs from manufacturing, logistics and software companies spoke at the meeting.
b He said the province will continue to cut red tape and protect the lawful rights of private companies.
x Editor: Wang Fang
"""
# Fourth round: a portal name and a bare province-city line above the headline.
PAGES["zh_portal_place"] = """\
x 宜山市人民政府门户网站
x 江西省宜山市
t 市长刘明调研重点项目建设
x 发布时间：2023-03-08
b 3月7日，市长刘明深入经开区、高新区调研重点项目建设情况，现场协调解决项目推进中的困难和问题。
b 刘明强调，要牢固树立“项目为王”理念，倒排工期、挂图作战，全力推动项目早开工、早投产、早见效。
b 市政府秘书长王强陪同调研。
"""
# Fourth round: a news site name, a bare place line and a 网站声明 footer.
PAGES["zh_news_site"] = """\
x 青川新闻网
x 四川省广元市青川县
t 县委书记主持召开乡村振兴工作推进会
b 5月9日，县委书记主持召开全县乡村振兴工作推进会，听取各乡镇工作进展汇报，安排部署下一阶段工作。
b 会议要求，要聚焦产业发展和农民增收，扎实推进和美乡村建设。
x 网站声明：凡本网注明“来源：青川新闻网”的作品，版权均属青川新闻网所有，转载请与本网联系。
"""
# Fourth round: the classic 网站声明 / 凡本网注明 notices in Traditional script.
PAGES["hant_site_notice"] = """\
t 市長主持召開招商引資工作會議
b 8月3日，市長主持召開全市招商引資工作會議，總結上半年工作，部署下半年任務。
b 會議要求，要創新招商方式，強化項目跟蹤服務，確保簽約項目儘快落地。
x 網站聲明：凡本網註明“來源：青山日報”的作品，版權均屬青山日報社所有，未經授權不得轉載、摘編或利用其他方式使用。
x 凡本網註明“來源：XXX（非本網）”的作品，均轉載自其它媒體，轉載目的在於傳遞更多信息，並不代表本網贊同其觀點和對其真實性負責。
"""
# Fourth round: a 网站声明 line scraped between two paragraphs.
PAGES["hant_notice_mid"] = """\
t 縣長調研春耕生產
b 3月12日，縣長深入田間地頭調研春耕生產工作，詳細了解農資供應和種植計劃。
x 網站聲明：凡本網註明“來源：某某日報”的作品，版權均屬某某日報社所有。
b 縣長強調，要抓好農資保障和技術服務，確保春耕生產順利推進。
"""

# Fifth round: a date / source line carrying font-size and print buttons right above an event headline that
# ends like a publisher name (新闻发布会), in Simplified and Traditional.
PAGES["press_widgets"] = """\
x 2024-07-03 18:20　来源：青川日报　【大】【中】【小】　【打印】
t 青川市举行光伏产业发展新闻发布会
b 7月3日上午，青川市政府新闻办举行新闻发布会，市发展改革委主任李明介绍全市光伏产业发展情况，并回答记者提问。
b 李明表示，近年来全市光伏产业保持较快增长，产业链条不断完善，龙头企业带动作用明显。
x 责任编辑：周敏
"""
PAGES["hant_press_widgets"] = """\
x 來源：南投日報　2023年11月15日　【字體：大 中 小】　【列印本頁】
t 南投縣舉行茶產業發展新聞發布會
b 11月14日，南投縣舉行茶產業發展新聞發布會，縣農業處處長王志明介紹全縣茶產業發展情況。
b 王志明表示，將做好品牌建設，帶動農民增收。
"""
# A digital newspaper edition (数字报): the page header with date, weekday and page, the page links, the page
# field with the author, a kicker-style subtitle, issue links and the PDF link under the article.
PAGES["paper_edition"] = """\
x 青山日报　2024年9月13日　星期五　第03版：要闻
x 上一版　　下一版　　本版目录
t 市委书记李明调研乡村振兴工作
t 强调要因地制宜发展特色产业 持续推动农民增收
x 版次：03　作者：记者 王芳 通讯员 赵强
b 9月12日，市委书记李明到河西镇、东坡乡调研乡村振兴工作，实地察看了特色种植基地和农产品加工企业。
b 李明强调，要立足资源禀赋，因地制宜发展特色产业，完善联农带农机制，持续推动农民增收致富。
b 市领导张华参加调研。
x 上一期　下一期　往期回顾
x 返回目录
x PDF版
x 青山日报社版权所有
"""
PAGES["hant_paper_edition"] = """\
x 南投日報　2023年11月15日　星期三
x 第A02版：綜合新聞　　上一版　下一版
t 縣長陳志強召開觀光產業座談會
x 版面：綜合新聞　作者：林小雨
b 11月14日下午，縣長陳志強主持召開觀光產業座談會，聽取業者對發展觀光的意見建議。
b 陳志強表示，縣府將推出新版旅遊補助方案，並於下一版本的觀光規劃中納入業者建議。
x 【本版目錄】　【返回目錄】
x PDF版下載
"""


# ---- issue 11 round (plain text): each page shows one cause found on real portals; written for these tests ----
# A news-app portal: app download, login and account menu, history / collect / subscribe / like / share
# widgets each on its own line, a channel name, then the headline, the date line and the article.
PAGES["app_portal_widgets"] = """\
x 青山新闻APP
_ 
x 扫描二维码下载APP
_ 
x 下载APP
x 登录
_ 
x 历史
x 收藏
x 订阅
_ 
x 个人中心
x 退出登录
x 快讯
x 点赞
x 收藏
x 分享
x 用手机看
_ 
t 市委书记周海调研新能源电池产业链
_ 
x 2023-03-15 20:41:07 青山新闻
b 3月15日,市委书记周海来到高新区,专题调研新能源电池产业链发展情况。
b 在某电池材料有限公司,周海详细了解企业产能扩张和技术研发情况,希望企业加快新产品量产。
b 周海强调,要围绕产业链部署创新链,推动新能源电池产业集群发展。
"""

# A city government portal in English: breadcrumb led by an arrow, byline and update line, a print / mail /
# font-size bar, captions written as sentences, a headline repeated as a caption, credits at the end.
PAGES["en_portal_captions"] = """\
x > Government > News
_ 
t Mayor inspects flood control work along the river
_ 
x By Wang Li Updated: 2021-07-02
_ 
x print mail large  medium  small
x 【Fonts: A+ A A- Print
_ 
b Mayor Chen Gang inspected flood control work along the Qing River on July 1, and asked departments to stay on duty around the clock.
_ 
b Chen Gang checks the water level at a pumping station on the Qing River
_ 
b At the pumping station, Chen listened to a report on the drainage capacity and the emergency supplies.
_ 
t Mayor inspects flood control work along the river
_ 
b He stressed that the safety of the people comes first and that every dike must be patrolled.
_ 
x Photos taken by Zhao Min
x This article is from the Qingshan Municipal Government website.
"""

# A digital-newspaper or mirror page cut at a size limit: the last paragraph ends mid-sentence, and a
# headline in other words than the body (a slogan) opens the page above the date and the reporter line.
PAGES["truncated_slogan"] = """\
t 稳中求进 奋力谱写高质量发展新篇章
x 日期:03-18
x ■记者 刘洋
b 本报讯 昨天下午,区委书记孙明主持召开民营企业座谈会,听取企业家对优化营商环境的意见建议。
b 座谈会上,8位企业家代表先后发言,围绕融资、用工、用地等问题提出意见。
b 孙明表示,区委区政府将认真研究企业家提出的意见建议,建立问题清单,逐项推动解
"""

# A paginated article: the page breaks inside a paragraph (a sentence ended inside it, the next one cut),
# then the pager and the footer; a subhead ending in a quotation mark; a bare field label and a summary box.
PAGES["paged_summary"] = """\
x 日期:
x 来源:青山发布 编辑:青山发布
x 核心提示:青山区召开文旅产业发展大会,发布十条扶持措施,现场签约项目12个,总投资56亿元。
t 青山区召开文旅产业发展大会
b 4月2日,青山区召开文旅产业发展大会,区委书记黄磊出席并讲话。
t 擦亮“两张名片”
b 会议发布了支持文旅产业发展的十条措施,现场签约文旅项目12个,总投资56亿元。
b 黄磊指出,要擦亮山水和古镇两张名片,做强文旅产业。他强调,各部门要强化要素保障,推动签约项目早
x 下一页>>
x 青山区人民政府版权所有。
x 联系电话:0571-12345678
"""

# A mobile-paper portal: subscription instructions by SMS, a block of the portal's channels and official
# accounts, all above the article; the news has no headline line of its own.
PAGES["paper_portal_links"] = """\
x 青山手机报订阅方式:
x 移动用户发送短信QS到10658000
x 联通用户发送短信QS到10655888
x 青山网
x |
x 青山新闻
x 青山网官方微信
x 青山网官方微博
x 青山论坛
x 手机查看
b 3月12日下午,全市企业家座谈会召开。市委书记吴刚出席并讲话,市长陈平主持。
b 座谈会上,10位企业家代表围绕科技创新、人才引进、市场开拓等作了发言。
b 吴刚指出,企业家是推动高质量发展的重要力量,全市上下要为企业发展创造更好环境。
"""

# A Taiwan-office news page: the headline echoed as a photo caption with a picture credit, in Traditional
# script; a subtitle set on the same line as the headline below it, in an English release.
PAGES["caption_echo_hant"] = """\
t 青山市臺辦調研走訪轄區臺資企業
x 2023年05月12日 09:15:00 來源:青山網
t 青山市臺辦調研走訪轄區臺資企業。(圖片來源:青山市臺辦)
b 青山網5月12日消息 5月8日至10日,青山市臺辦主任林志一行調研走訪轄區臺資企業,了解企業生產經營情況。
b 林志一行先後走訪了5家臺資企業,聽取企業負責人對發展環境的意見建議。
x [責任編輯:陳雅]
"""
PAGES["en_subtitle_fused"] = """\
t Mayor Meets Delegation of Overseas Chambers of Commerce
_ 
x Updated : 2022-09-14Source : Qingshan Foreign Affairs Office
x 【Fonts: A+ A A- Print
_ 
t Deepen Trade Cooperation, Strengthen Friendship—Mayor Meets Delegation of Overseas Chambers of Commerce
_ 
b Li Hua, Mayor of Qingshan, met with a delegation of overseas chambers of commerce on September 13, 2022, and briefed the guests on the city's development.
_ 
b Li Hua said that Qingshan will deepen trade cooperation with the chambers and strengthen the friendship between the cities they come from.
"""

# An English city portal whose sidebar comes first in the text: promo blocks of a short heading and a teaser
# trailing off in an ellipsis, a video link and "View More", then the transcript of a press conference.
PAGES["en_portal_promo_sidebar"] = """\
x Investment Guide
_ 
x Policies for foreign investors in the development zones such as...
_ 
x Visit Qingshan
_ 
x Museums, parks and the old town along the canal...
_ 
x Qingshan Welcome Center (60 seconds version)
_ 
x View More
_ 
t Press Conference of the Qingshan Municipal Government
_ 
x Mar 3, 2021
_ 
b Wang Min: Good afternoon. Today the Qingshan Municipal Government holds a press conference on the plan for the new port area.
_ 
b Li Jun: The plan covers 30 square kilometers and will be built in three stages over the next ten years.
"""

# Body lines that are short but belong to the article: a quotation after a colon line, a list of participating
# companies under "参加的企业有:", an English paragraph in a Chinese article, and a list of signed companies
# after the last paragraph, before the editor credit.
PAGES["colon_lists_quotes"] = """\
t 青山区召开民营企业座谈会
b 3月5日,青山区召开民营企业座谈会,区委书记孙明出席并讲话。
b 孙明在讲话中指出:
b “营商环境只有更好,没有最好”
b 参加座谈会的企业有:
b 青山化工有限公司
b 青山电子科技股份有限公司
b 青山港务集团
b The meeting was also attended by representatives of foreign chambers of commerce, who raised questions on market access
b 孙明要求,各部门要持续优化营商环境,为企业发展创造良好条件。会上签约的项目有:
b 青山新能源材料产业园项目
b 青山智慧物流中心项目
x 责任编辑:王芳
x 联系电话:
x 0571-1234567
"""

# A city portal whose hot-news list (same topic, same place names as the article) comes above the headline
# in the scraped text; the headline block (kicker, headline, subtitle) is three lines, the list is longer.
PAGES["hot_list_above"] = """\
x 青山区召开一季度经济运行分析会
x 青山区新能源汽车产业链招商推介会举行
x 青山区重点项目集中开工
x 青山区优化营商环境大会召开
_ 
t 奋力实现一季度开门红
t 青山区召开工业经济高质量发展推进会
t 区委书记孙明出席并讲话
x 2024-04-02 09:30 来源:青山发布
b 4月1日,青山区召开工业经济高质量发展推进会,区委书记孙明出席并讲话,总结一季度工业经济运行情况,部署下一阶段工作。
b 孙明强调,要抓项目、强链条、优服务,推动工业经济高质量发展,奋力实现全年目标。
"""

def parse(page: str) -> tuple[str, list[str]]:
    """The page's text and the gold role of each of its lines."""
    lines, roles = [], []
    for row in page.rstrip("\n").split("\n"):
        code, text = row[:1], row[2:]
        roles.append(CODES[code])
        lines.append(text)
    return "\n".join(lines), roles


def make_doc(text: str, doc_id: str = "page") -> Document:
    """A document of `text` as the reader would hand it over."""
    raw = RawDocument(
        doc_id=doc_id, source_path=f"{doc_id}.txt", source_format="txt", sha256="0", n_bytes=len(text.encode()),
        encoding="utf-8", encoding_confidence=1.0, text=text,
    )
    return Document.from_raw(raw)


def line_scores(strip, pages: dict[str, str]) -> dict[str, tuple[float, float, float]]:
    """Micro P/R/F1 of boilerplate (incl. duplicate) lines and title lines, blank lines left out (as score.py)."""
    counts = {"boilerplate_lines": [0, 0, 0], "title_lines": [0, 0, 0]}
    for name, page in pages.items():
        text, gold = parse(page)
        pred = [ln.role for ln in strip(make_doc(text, name)).lines]
        for g, p in zip(gold, pred):
            if g == "blank":
                continue
            for key, gg, pp in (
                ("boilerplate_lines", g in ("boilerplate", "duplicate"), p in ("boilerplate", "duplicate")),
                ("title_lines", g == "title", p == "title"),
            ):
                c = counts[key]
                c[0] += gg and pp
                c[1] += pp and not gg
                c[2] += gg and not pp
    out = {}
    for key, (tp, fp, fn) in counts.items():
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        out[key] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


@pytest.fixture(scope="module")
def strip():
    spec = get_stage("strip")
    return spec.factory(spec.config_cls())


@pytest.fixture(scope="module")
def normalize():
    spec = get_stage("normalize")
    return spec.factory(spec.config_cls())


@pytest.mark.parametrize("name", list(PAGES))
def test_page_roles_match_gold(strip, name):
    text, gold = parse(PAGES[name])
    doc = strip(make_doc(text, name))
    got = [ln.role for ln in doc.lines]
    wrong = [(n, g, p, ln.rule, text.split("\n")[n][:40]) for n, (g, p, ln) in enumerate(zip(gold, got, doc.lines)) if g != p]
    assert not wrong
    for ln in doc.lines:
        if ln.role != "body":
            assert ln.rule and ln.reason, ln
    for r in doc.removed:
        assert doc.text[r.start : r.end] == r.text


def test_roles_are_the_same_after_normalize(strip, normalize):
    for name, page in PAGES.items():
        text, gold = parse(page)
        assert [ln.role for ln in strip(normalize(make_doc(text, name))).lines] == gold, name


def test_line_scores_on_all_pages(strip):
    scores = line_scores(strip, PAGES)
    assert scores["boilerplate_lines"][2] == 1.0 and scores["title_lines"][2] == 1.0


def test_inline_cuts_and_bylines_on_site_pages(strip):
    doc = strip(make_doc(parse(PAGES["hant_mainland"])[0]))
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("inline.zh.dateline", "本報訊（記者 黃敏）"), ("inline.zh.byline_end", "（記者 黃敏 攝）"),
    ]
    assert ("吳小梅", "editor") in [(b.name, b.role) for b in doc.bylines]
    doc = strip(make_doc(parse(PAGES["city_paper"])[0]))
    assert [r.rule for r in doc.removed] == ["inline.zh.dateline", "inline.zh.endmark"]
    assert [(b.name, b.role) for b in doc.bylines][:2] == [("孙悦", "reporter"), ("周平", "correspondent")]


# ---- structural mechanisms added for these sites: a case that fires and a near miss ------------------------
HEAD = "某市召开产业发展推进会"
P1 = "5月6日,某市召开产业发展推进会,研究部署下一步重点工作。"
P2 = "会议要求,各地各部门要压实责任,确保各项任务落到实处。"


def test_dates_read_the_publication_date_from_a_paper_page_header(strip):
    spec = get_stage("dates")
    dates = spec.factory(spec.config_cls())
    for name, iso in [("paper_edition", "2024-09-13"), ("hant_paper_edition", "2023-11-15")]:
        doc = dates(strip(make_doc(parse(PAGES[name])[0], name)))
        assert doc.lines[0].rule == "meta.zh.paper_page" and doc.published == iso
    doc = strip(make_doc(parse(PAGES["paper_edition"])[0]))
    assert [(b.name, b.role) for b in doc.bylines] == [("王芳", "reporter"), ("赵强", "correspondent")]


def _roles(strip, lines: list[str]) -> list[tuple[str, str | None]]:
    return [(ln.role, ln.rule) for ln in strip(make_doc("\n".join(lines))).lines]


def test_field_value_under_a_bare_label(strip):
    got = _roles(strip, ["发文机关:", "某市人民政府办公厅", HEAD, P1, P2])
    assert got[1] == ("boilerplate", "meta.field_value") and got[2] == ("title", "title.headline")
    # A label line holding several fields is no bare label: the headline under it stays a title.
    got = _roles(strip, ["来源:某局 | 发布时间:2023-11-02 | 浏览次数:", HEAD, P1, P2])
    assert got[1] == ("title", "title.headline")
    # A sentence under a bare label is no table value.
    assert _roles(strip, [HEAD, "主要内容:", P1, P2])[2] == ("body", None)


def test_items_under_a_related_list_heading(strip):
    got = _roles(strip, [HEAD, P1, P2, "往期推荐", "我市举办招才引智大会", "▶ 这个夏天,来青山避暑!"])
    assert got[4:] == [("boilerplate", "nav.list_item")] * 2
    # A list heading ends at the first long line: a body reprinted under it is still a repeat, not an item.
    got = _roles(strip, [HEAD, P1, "相关新闻", "我市举办招才引智大会", P1 + P2])
    assert got[3] == ("boilerplate", "nav.list_item") and got[4][0] == "body"
    # Short lines between paragraphs with no list heading above them stay subheads.
    assert _roles(strip, [HEAD, P1, "二、强化要素保障", P2])[2] == ("title", "title.subhead")


def test_short_closing_sentence_after_the_last_paragraph(strip):
    assert [r for r, _ in _roles(strip, [HEAD, P1, P2, "谢谢大家!", "编辑:张三"])] == ["title", "body", "body", "body", "boilerplate"]
    # After a footer line the same words are no longer part of the body.
    assert _roles(strip, [HEAD, P1, P2, "编辑:张三", "谢谢大家!"])[4] == ("boilerplate", "tail.after_body")


def test_only_breadcrumbs_mark_the_site_header(strip):
    # A share widget between headline and body must not turn the headline into site header.
    assert _roles(strip, [HEAD, "分享到:", P1, P2])[0] == ("title", "title.headline")
    assert _roles(strip, ["某市人民政府", "当前位置:首页 > 要闻", HEAD, P1, P2])[0] == ("boilerplate", "head.before_nav")


def test_bare_section_number_heads_a_section(strip):
    got = _roles(strip, [HEAD, "01", P1, "02", P2])
    assert got[1] == ("title", "title.subhead") and got[3] == ("title", "title.subhead")
    # Other digit lines between paragraphs are still metadata.
    assert _roles(strip, [HEAD, P1, "2023", P2])[2] == ("boilerplate", "feature.symbols")


def test_colon_line_is_not_a_heading(strip):
    got = _roles(strip, [HEAD, "以下是讲话全文:", "各位嘉宾:", P1, P2])
    assert [r for r, _ in got] == ["title", "body", "body", "body", "body"]


EN_P1 = "On May 6, the city held a meeting on industrial development and set out the key tasks for the next stage."
EN_P2 = "The meeting asked all departments to take responsibility and make sure that every task is carried out."
LONG_EN = (
    "Li Ming, Member of the Standing Committee of the CPC Qingshan Municipal Committee, Secretary of the Political "
    "and Legal Affairs Commission and Director of the Municipal Public Security Bureau, Inspected the Work of Safety "
    "Production, Flood Prevention and Social Security in Hexi Town, Dongpo Township and the Qingshan Economic and "
    "Technological Development Zone"
)


def test_long_headline_before_the_lead(strip):
    # Over the paragraph length, in Title Case and not closed: a headline, and the lead after it is body.
    got = _roles(strip, [LONG_EN, EN_P1, EN_P2])
    assert got[0] == ("title", "title.long_headline") and got[1] == ("body", None)
    long_zh = "市委常委市委政法委书记李明带队深入河西镇东坡乡和青山经济技术开发区检查安全生产防汛备汛和社会治安工作并看望慰问一线干部职工"
    assert _roles(strip, [long_zh, P1, P2])[0] == ("title", "title.long_headline")
    # A lead paragraph that lost its final stop is prose (lower-case words, clause commas), not a headline.
    lead_en = EN_P1[:-1] + " with officials from all the districts and counties of the city attending the meeting"
    assert _roles(strip, [lead_en, EN_P2])[0] == ("body", None)
    lead_zh = "5月6日,市委常委、市委政法委书记李明带队深入河西镇、东坡乡检查安全生产和防汛备汛工作,看望慰问一线干部职工"
    assert _roles(strip, [HEAD, lead_zh, P2])[1] == ("body", None)


def test_site_name_rules_leave_headlines_alone(strip):
    # Headlines ending in a site word are no site names: a verb stands before it, not a place and level.
    for head in ["City Promotes Digital Government", "Qingshan Shares Good News", "County Builds New Data Network"]:
        assert _roles(strip, [head, EN_P1, EN_P2])[0] == ("title", "title.headline"), head
    assert _roles(strip, ["建设现代化新城区", P1, P2])[0] == ("title", "title.headline")


if __name__ == "__main__":
    stage = get_stage("strip")
    result = line_scores(stage.factory(stage.config_cls()), PAGES)
    for key, (prec, rec, f1) in result.items():
        print(f"{key:18s} P={prec:.3f} R={rec:.3f} F1={f1:.3f}  ({len(PAGES)} pages)", file=sys.stdout)
