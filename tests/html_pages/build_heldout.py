"""Held-out HTML test pages (`h1_*.html` ...), written after the DOM rules were fitted on `build.py`'s pages and
measured before any change they prompted (numbers in ARCHITECTURE.md). Same gold convention as build.py.
Run: `.venv/bin/python tests/html_pages/build_heldout.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402
from build import HEAD, blocks, e, gold, links  # noqa: E402


def h1(a):  # a related list inside the article's own container, no class words: only link density tells
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="w"><div class="t1"><a>西川政协网</a></div><div class="t2">{links(["首页", "要闻", "履职", "委员", "文史"], sep=" · ")}</div></div>
<div class="w mt20">
<div class="l-box">
<div class="tt">{e(a["title"])}</div>
<div class="sj">{a["date"]}</div>
<div class="text">
{blocks(a)}
<p><a href="/zt/1">点击进入专题：凝心聚力谋发展</a></p>
<p>推荐阅读：</p>
<p><a href="/a/1">市政协召开主席会议研究年度协商计划</a></p>
<p><a href="/a/2">委员走进企业开展民主监督</a></p>
<p><a href="/a/3">政协委员联络站建设现场会召开</a></p>
</div>
</div>
</div>
<div class="w ft">Copyright 2024 政协西川市委员会 All Rights Reserved. 川ICP备11002233号-2</div>
</body></html>
"""


def h2(a):  # ASP.NET government site: the whole page inside <form id="form1">, body in td#fontzoom, text prev/next lines
    return HEAD.format(cs="gbk", title=e(a["title"]) + "--江北区人民政府") + f"""<body>
<form id="form1" method="post" action="./show.aspx">
<div id="bottom-wrap">
<div class="topbg"><div class="t-link"><a>设为首页</a> <a>加入收藏</a> <a>繁體</a> <a>无障碍浏览</a></div></div>
<div class="menu-bar"><ul>{links(["首页", "信息公开", "网上办事", "公众参与", "魅力江北"], li=True)}</ul></div>
<table width="1000" class="con-table"><tr><td class="ny-title">{e(a["title"])}</td></tr>
<tr><td class="ny-info">时间：{a["date"]}　来源：{a["source"]}　【<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td id="fontzoom">
{blocks(a, p='<p style="text-indent:2em;">{}</p>')}
</td></tr>
<tr><td class="ny-sx"><p>上一条：区委常委会召开会议传达学习有关精神</p><p>下一条：全区秋冬季森林防火工作会议召开</p></td></tr></table>
<div class="foot-link">{links(["中国政府网", "省政府网", "市政府网"], sep=" ")}</div>
<div class="foot-info">江北区人民政府办公室主办 江北区政务数据中心承办 网站标识码3201160001 苏ICP备05012233号</div>
</div>
</form>
</body></html>
"""


def h3(a):  # English government portal: bilingual switch, photo caption, print/mail/share line, "Also read" box
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="lang">中文 | English</div>
<div class="menu"><a>Home</a> <a>Government</a> <a>Invest</a> <a>Travel</a> <a>Living</a> <a>Media</a></div>
<div class="content-wrap"><div class="content-left">
<div class="pos">You are here: <a>Home</a> &gt;&gt; <a>Media</a> &gt;&gt; <a>Latest News</a></div>
<h2 class="art-title">{e(a["title"])}</h2>
<div class="art-date">Updated: {a["date"]}  Source: {a["source"]}</div>
<div class="art-text">
<p class="pic-text"><img src="/p.jpg"></p>
{blocks(a)}
</div>
<div class="art-tools">Print | Mail | Share</div>
</div>
<div class="content-right"><div class="box2"><h4>Also read</h4><ul>{links(["County unveils plan for green factories", "Trade delegation visits Europe", "New bus routes open"], li=True)}</ul></div></div></div>
<div class="copyright">Copyright © The People's Government of the Province. All Rights Reserved. Presented by the Information Office.</div>
</body></html>
"""


def h4(a):  # Traditional portal: paragraphs split by <br><br> in one div, a further-reading list of link paragraphs
    body = "<br><br>\n".join(e(b if isinstance(b, str) else b[1]) for b in a["blocks"])
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div id="top"><a>港灣新聞網</a> | <a>即時</a> | <a>港聞</a> | <a>財經</a> | <a>評論</a></div>
<div id="wrapper">
<div class="article">
<h1>{e(a["title"])}</h1>
<div class="time">{a["date"]}</div>
<div class="article-text">{body}</div>
<p><b>延伸閱讀：</b></p>
<p><a>政府公布創科發展藍圖</a></p>
<p><a>大灣區人才計劃申請踴躍</a></p>
</div>
</div>
<div id="bottom">港灣新聞網 版權所有 © 2024</div>
</body></html>
"""


def h5(a):  # mobile page: app overlay, "expand full text", carousel, cards with title and prose summary
    cards = [
        ("全市就业形势保持总体稳定", "今年以来，全市城镇新增就业人数稳步增长，重点群体就业保持稳定。"),
        ("技能培训补贴政策再扩围", "新政策将更多工种纳入补贴范围，符合条件的劳动者可申请培训补贴。"),
        ("高校毕业生就业服务月启动", "活动期间将举办各类招聘活动30余场，为毕业生提供岗位信息和就业指导。"),
    ]
    card = "".join(f'<div class="card"><a class="card-t">{t}</a><div class="card-d">{d}</div><span>云溪发布 · 1小时前</span></div>' for t, d in cards)
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="open-app">打开APP，阅读体验更佳 <a>立即打开</a></div>
<div class="swiper"><div class="slide"><a>春风行动专题</a></div><div class="slide"><a>就业政策解读</a></div></div>
<div class="m-article">
<div class="m-title">{e(a["title"])}</div>
<div class="m-src">{a["source"]} {a["date"]}</div>
<div class="m-con">
{blocks(a)}
</div>
<div class="unfold">展开全文</div>
</div>
<div class="guess"><div class="g-head">猜你喜欢</div>{card}</div>
<div class="m-foot"><a>打开APP</a> <a>意见反馈</a></div>
</body></html>
"""


PAGES = [
    ("h1_inline_related", h1, "zh_symposium", "utf-8"), ("h2_aspnet_form_gbk", h2, "zh_visit", "gbk"),
    ("h3_en_gov", h3, "en_forum", "utf-8"), ("h4_hk_br", h4, "zh_hant_hk", "utf-8"),
    ("h5_mobile_cards", h5, "zh_wechat", "utf-8"),
]


def main() -> None:
    for name, layout, key, enc in PAGES:
        a = ARTICLES[key]
        (HERE / f"{name}.html").write_bytes(layout(a).encode(enc))
        (HERE / f"{name}.gold.txt").write_text(gold(a), encoding="utf-8")


if __name__ == "__main__":
    main()
