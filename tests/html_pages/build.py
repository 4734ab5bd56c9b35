"""Write the HTML test pages (`NN_name.html`) and their gold text (`NN_name.gold.txt`) from `articles.py`.

Each page has the shape of a kind of Chinese news portal or government site (header navigation, breadcrumbs,
share bars, the article with its editor line, related/hot/latest lists, comment boxes, footers with ICP
numbers, a repeated or second article; Simplified, Traditional, English; GBK and Big5 pages). All text was
written for these tests. The gold is the article: headline, subheads, captions, paragraphs.
Run: `.venv/bin/python tests/html_pages/build.py` (the pages are committed; this documents how they were made).
"""

from __future__ import annotations

import html as H
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

e = H.escape


def links(items, sep="", li=False, href="/list/{i}.html"):
    if li:
        return "".join(f'<li><a href="{href.format(i=i)}">{e(t)}</a></li>' for i, t in enumerate(items))
    return sep.join(f'<a href="{href.format(i=i)}">{e(t)}</a>' for i, t in enumerate(items))


def blocks(a, p="<p>{}</p>", h="<p><strong>{}</strong></p>", cap='<p class="pic"><img src="/img/1.jpg"></p><p style="text-align:center">{}</p>'):
    out = []
    for b in a["blocks"]:
        if isinstance(b, tuple):
            out.append((h if b[0] == "h" else cap).format(e(b[1])))
        else:
            out.append(p.format(e(b)))
    return "\n".join(out)


def gold(a):
    return "\n".join([a["title"]] + [b[1] if isinstance(b, tuple) else b for b in a["blocks"]]) + "\n"


HEAD = '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{cs}">\n<title>{title}</title>\n<style>body{{font-size:14px}}</style>\n<script>var _hmt = _hmt || [];</script>\n</head>\n'

GOV_NAV = ["首页", "政务公开", "政务服务", "政民互动", "走进临川", "专题专栏"]
NEWS_NAV = ["首页", "要闻", "本地", "国内", "国际", "财经", "科技", "体育", "娱乐", "视频", "图片", "专题"]
RELATED = ["我县召开一季度工业经济运行调度会", "县长带队走访重点项目建设现场", "全县优化营商环境工作推进会召开", "开发区新签约项目5个 总投资超20亿元"]
HOT = ["暴雨蓝色预警发布 这些地方注意防范", "高铁新线下月开通运营", "市区新增三处停车场", "中考报名时间确定", "这所学校今年扩招", "城区部分路段临时交通管制"]


def p01(a):  # county portal on TRS WCM: table layout, #zoom / .TRS_Editor body, bdshare, prev/next, related, ICP footer
    return HEAD.format(cs="gbk", title=e(a["title"]) + "_临川县人民政府") + f"""<body>
<div class="top"><div class="w1200"><span>今天是：2024年3月18日</span> <a href="/wza">无障碍</a> <a href="/old">长者模式</a> <a href="/en">English</a></div></div>
<div class="header"><div class="logo"><img src="/logo.png" alt="临川县人民政府"></div><div class="search"><input type="text" value="请输入关键字"><a>搜索</a></div></div>
<table class="nav" width="100%"><tr>{''.join(f'<td><a href="/{i}">{t}</a></td>' for i, t in enumerate(GOV_NAV))}</tr></table>
<div class="main w1200">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwdt">工作动态</a></div>
<div class="article">
<h1 class="title">{e(a["title"])}</h1>
<div class="info">发布时间：{a["date"]}　信息来源：{a["source"]}　浏览次数：<span id="hits">1024</span>　【字号：<a>大</a> <a>中</a> <a>小</a>】 <a href="javascript:window.print()">打印</a></div>
<div id="zoom"><div class="TRS_Editor">
{blocks(a, p='<p style="text-indent:2em">{}</p>')}
</div></div>
<div class="editor">责任编辑：{a["editor"]}</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">新浪微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="prenext"><p>上一篇：<a href="/1">全县春季植树造林工作全面启动</a></p><p>下一篇：<a href="/2">县人大常委会召开第十八次会议</a></p></div>
</div>
<div class="xgxw"><h3>相关链接</h3><ul>{links(RELATED, li=True)}</ul></div>
</div>
<div class="footer"><p><a>网站地图</a> | <a>联系我们</a> | <a>隐私声明</a></p>
<p>主办单位：临川县人民政府办公室　承办：临川县大数据中心</p><p>网站标识码：3610270001　赣ICP备05001234号-1　赣公网安备 36102702000111号</p></div>
</body></html>
"""


def p02(a):  # commercial news portal: login bar, channel nav, artibody with caption, editor, share, related, hot rank, comments
    return HEAD.format(cs="utf-8", title=e(a["title"]) + "|北湖新闻网") + f"""<body>
<div id="topbar"><a href="/login">登录</a> <a href="/reg">注册</a> <a href="/app">下载客户端</a></div>
<div class="channel-nav"><ul>{links(NEWS_NAV, li=True)}</ul></div>
<div class="ad-banner"><a href="/ad">夏季购车节 全场低至8折</a></div>
<div class="crumbs"><a href="/">北湖新闻网</a> &gt; <a href="/bh">北湖要闻</a> &gt; 正文</div>
<div class="main-content">
<h1 class="main-title">{e(a["title"])}</h1>
<div class="date-source"><span class="date">{a["date"]}</span> <a class="source">{a["source"]}</a> <span class="num">已有<em>38</em>人参与</span></div>
<div class="article" id="artibody">
{blocks(a)}
<p class="show_author">责任编辑：{a["editor"]}</p>
</div>
<div class="share-bar"><span>分享到：</span><a>微信</a><a>微博</a><a>QQ</a><a>复制链接</a></div>
<div class="related-news"><h2>相关新闻</h2><ul>{links(RELATED, li=True)}</ul></div>
<div class="comment-box"><div class="comment-title">网友评论 <span>已有38条评论</span> <a>我要评论</a></div><textarea>文明上网，理性发言</textarea><a>发表</a></div>
</div>
<div class="side-right"><div class="hot-rank"><h3>热门排行</h3><ol>{links(HOT, li=True)}</ol></div>
<div class="qrcode"><img src="/qr.png"><p>扫码关注北湖新闻微信公众号</p></div></div>
<div id="footer"><p><a>关于我们</a> | <a>广告服务</a> | <a>联系方式</a> | <a>网站地图</a></p><p>Copyright © 2024 北湖新闻网 All Rights Reserved</p><p>互联网新闻信息服务许可证：12345678901　湘ICP备12003456号</p></div>
</body></html>
"""


def p03(a):  # HTML5 semantic site
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<header class="site-header"><a class="brand" href="/">东港新闻网</a><nav><ul>{links(NEWS_NAV[:8], li=True)}</ul></nav></header>
<main>
<article>
<header><h1>{e(a["title"])}</h1><p class="meta"><time>{a["date"]}</time> 来源：{a["source"]}</p></header>
<section class="body">
{blocks(a)}
</section>
<footer><p>责任编辑：{a["editor"]}</p><p class="tags">标签：<a>纺织</a> <a>论坛</a> <a>产业</a></p></footer>
</article>
<aside><h2>最新资讯</h2><ul>{links(HOT, li=True)}</ul></aside>
</main>
<footer class="site-footer"><p>东港新闻网版权所有，未经授权禁止复制或建立镜像</p><p>浙ICP备10009876号</p></footer>
</body></html>
"""


def p04(a):  # build-tool class names that say nothing: structure must come from text and link density
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="c1x9a"><div class="k2"><a href="/">南屿市人民政府</a></div><div class="k3">{links(GOV_NAV, sep=" ")}</div></div>
<div class="q7"><a href="/">首页</a> / <a href="/xw">新闻中心</a> / <a href="/fb">新闻发布会</a></div>
<div class="w0r">
<div class="zz1">
<div class="zz2">{e(a["title"])}</div>
<div class="zz3">{a["date"]}  {a["source"]}</div>
<div class="zz4">
{blocks(a, p="<div>{}</div>")}
</div>
<div class="zz5">（编辑：{a["editor"]}）</div>
</div>
<div class="yy1"><div class="yy2">其他发布会</div>{''.join(f'<div class="yy3"><a href="/f/{i}">{t}</a><span>2024-06-0{i + 1}</span></div>' for i, t in enumerate(RELATED))}</div>
</div>
<div class="b9"><div>南屿市人民政府办公室主办　地址：南屿市人民路1号　电话：0591-12345678</div><div>闽ICP备06001122号</div></div>
</body></html>
"""


def p05(a):  # digital newspaper: edition navigation, article list of the page, previous/next edition
    editions = [f"第0{i}版：{t}" for i, t in enumerate(["要闻", "综合", "经济", "社会", "文化"], 1)]
    return HEAD.format(cs="utf-8", title=e(a["title"]) + "--丰河日报") + f"""<body>
<table width="100%"><tr><td class="paper-head"><img src="/masthead.gif"> 丰河日报 数字报 <span>2024年09月02日 星期一</span></td></tr></table>
<table><tr>
<td class="left-col" valign="top">
<div class="bmdh"><b>版面导航</b>{''.join(f'<div><a href="/b{i}">{t}</a></div>' for i, t in enumerate(editions))}</div>
<div class="bmml"><b>本版新闻</b><div><a>丰河市加快建设现代物流枢纽</a></div><div><a>城区新增公交线路4条</a></div><div><a>秋季开学各项准备工作就绪</a></div></div>
<div><a>上一版</a> <a>下一版</a> <a>返回目录</a></div>
</td>
<td class="right-col" valign="top">
<div class="article-title"><h3>{e(a["title"])}</h3></div>
<div class="founder-content" id="ozoom">
{blocks(a, p="<p>　　{}</p>")}
</div>
</td></tr></table>
<div class="copy">丰河日报社版权所有 未经书面授权不得复制或建立镜像</div>
</body></html>
"""


def p06(a):  # left column of teasers (full sentences) before the article in the DOM
    teasers = [
        "市政协召开常委会议，审议通过了有关人事事项，并就下一步履职工作作出安排。",
        "市政协组织委员开展重点提案督办调研，推动一批民生问题得到有效解决。",
        "全市政协系统理论研讨会召开，交流了基层协商民主建设的经验做法。",
    ]
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="banner"><img src="/b.jpg" alt="西川政协网"></div>
<div class="menu">{links(["首页", "政协要闻", "委员风采", "提案工作", "理论研究", "文史资料"], sep=" ")}</div>
<div class="page">
<div class="left">
<div class="box"><div class="box-title">政协要闻</div>{''.join(f'<div class="item"><a href="/y/{i}">{t}</a></div>' for i, t in enumerate(teasers))}</div>
<div class="box"><div class="box-title">通知公告</div><ul>{links(["关于征集2025年度协商议题的公告", "市政协机关2024年公开招聘公告"], li=True)}</ul></div>
</div>
<div class="right">
<div class="dqwz">您现在的位置：<a>首页</a> &gt; <a>政协要闻</a></div>
<div class="news-title">{e(a["title"])}</div>
<div class="news-info">发布时间：{a["date"]} 来源：{a["source"]} 作者：{a["editor"]}</div>
<div class="news-text">
{blocks(a)}
</div>
<div class="close"><a href="javascript:window.close()">【关闭窗口】</a> <a>【打印本页】</a></div>
</div>
</div>
<div class="foot">版权所有：政协西川市委员会办公室 技术支持：西川网络科技有限公司 川ICP备11002233号</div>
</body></html>
"""


def p07(a):  # old table site, GBK, text in one cell split by <br>, <font> tags
    body = "<br>\n".join("　　" + e(b if isinstance(b, str) else b[1]) for b in a["blocks"])
    return HEAD.format(cs="gb2312", title=e(a["title"])) + f"""<body>
<table width="980" align="center"><tr><td><img src="/top.jpg"></td></tr>
<tr><td class="dh">{' | '.join(f'<a href="/{i}">{t}</a>' for i, t in enumerate(["网站首页", "镇情概况", "新闻动态", "通知公告", "便民服务"]))}</td></tr></table>
<table width="980" align="center"><tr><td width="200" valign="top">
<table><tr><td class="lm">新闻动态</td></tr><tr><td><a>镇情概况</a></td></tr><tr><td><a>领导信息</a></td></tr><tr><td><a>机构设置</a></td></tr></table>
</td><td valign="top">
<table width="100%"><tr><td align="center"><font size="4"><b>{e(a["title"])}</b></font></td></tr>
<tr><td align="center"><font color="#999999">作者：{a["editor"]}　　来源：{a["source"]}　　时间：{a["date"]}　　点击：328</font></td></tr>
<tr><td class="content" style="line-height:200%">
{body}
</td></tr>
<tr><td align="right"><a href="javascript:window.close()">[关闭窗口]</a></td></tr></table>
</td></tr></table>
<table width="980" align="center"><tr><td align="center">石桥镇人民政府 版权所有<br>地址：石桥镇人民路8号 邮编：435100<br>鄂ICP备09012345号</td></tr></table>
</body></html>
"""


def p08(a):  # news page with a comment section of user comments written in full sentences
    comments = [
        ("网友甲", "外贸企业确实需要更多支持，希望政策能尽快落地，让中小企业也能享受到实惠。"),
        ("江北人", "跨境电商产业园这两年变化很大，周边配套也越来越完善了，点赞！"),
        ("路过的", "建议多关注一下物流成本的问题，这是很多企业的痛点。"),
    ]
    cm = "".join(f'<div class="comment-item"><span class="user">{u}</span><p>{e(t)}</p><span class="time">10-11 09:1{i}</span> <a>回复</a> <a>赞(3)</a></div>' for i, (u, t) in enumerate(comments))
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="header"><div class="logo">江北融媒</div><ul class="navbar">{links(NEWS_NAV[:7], li=True)}</ul></div>
<div class="container">
<div class="breadcrumb"><a>首页</a> &gt; <a>江北新闻</a></div>
<h1>{e(a["title"])}</h1>
<div class="meta">{a["date"]}　来源：{a["source"]}</div>
<div class="content">
{blocks(a)}
<p class="editor">编辑：{a["editor"]}</p>
</div>
<div class="comments"><h3>网友评论（3）</h3>{cm}<a class="more">查看更多评论</a></div>
</div>
<div class="footer">江北区融媒体中心 版权所有 苏ICP备18001234号</div>
</body></html>
"""


def p09(a):  # endless-scroll page: a second, different article follows the first in an identical container
    b = ARTICLES["zh_township"]
    item = lambda x, i: f"""<div class="news-item" data-id="{i}">
<h1>{e(x["title"])}</h1><div class="news-meta">{x["date"]} {x["source"]}</div>
<div class="news-body">
{blocks(x)}
</div></div>"""
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="top-menu">{links(["首页", "园区概况", "招商引资", "新闻中心", "企业服务"], sep=" ")}</div>
{item(a, 1)}
<div class="read-next">继续阅读下一篇</div>
{item(b, 2)}
<div class="bottom">南岭高新区管委会 版权所有 桂ICP备20001234号</div>
</body></html>
"""


def p10(a):  # government information disclosure page: metadata table, attachments, print/close, GBK
    return HEAD.format(cs="gbk", title=e(a["title"])) + f"""<body>
<div class="head"><div class="logo">清溪市工业和信息化局</div></div>
<div class="nav"><ul>{links(["首页", "机构概况", "政务公开", "政策文件", "办事服务", "互动交流"], li=True)}</ul></div>
<div class="location">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>
<table class="xxgk-table">
<tr><td>索引号：</td><td>11361000MB1234567X/2024-00031</td><td>发布机构：</td><td>{a["source"]}</td></tr>
<tr><td>发文日期：</td><td>{a["date"][:10]}</td><td>主题分类：</td><td>工业、交通</td></tr>
</table>
<div class="article-box">
<h2 class="article-title">{e(a["title"])}</h2>
<div class="article-content">
{blocks(a)}
<p style="text-align:right">清溪市工业和信息化局</p><p style="text-align:right">2024年2月27日</p>
</div>
<div class="fj">附件：<a href="/f.docx">1.中小企业数字化转型试点申报书.docx</a></div>
<div class="tools"><a>【打印本页】</a> <a>【关闭窗口】</a> <a>【收藏】</a></div>
</div>
<div class="footer"><p>主办单位：清溪市工业和信息化局</p><p>网站标识码：3611000012　赣ICP备08001111号</p></div>
</body></html>
"""


def p11(a):  # public-account article page: rich_media layout, inline-styled sections, read-more and QR
    body = "\n".join(
        f'<section style="margin:0 8px"><span style="font-size:15px;color:#333">{e(b if isinstance(b, str) else b[1])}</span></section>'
        for b in a["blocks"]
    )
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="rich_media">
<h1 class="rich_media_title" id="activity-name">{e(a["title"])}</h1>
<div class="rich_media_meta_list"><span class="rich_media_meta">原创</span> <a class="rich_media_meta_nickname">{a["source"]}</a> <em>{a["date"]}</em></div>
<div class="rich_media_content" id="js_content">
{body}
<section><span style="color:#999">来源：云溪市人力资源和社会保障局</span></section>
</div>
<div class="rich_media_tool"><a id="js_view_source">阅读原文</a> <span>阅读 2365</span> <a>赞</a> <a>在看</a> <a>分享</a></div>
<div class="qr_code_pc"><img src="/qr.jpg"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="relate_article_list"><p>喜欢此内容的人还喜欢</p>{links(["春节后首场招聘会来了", "这些补贴政策请收好", "社保卡这项功能上线"], sep="<br>")}</div>
</div>
</body></html>
"""


def p12(a):  # the article twice: once in the page, once again in a print-view block after the footer
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div class="nav-wrap"><div class="nav">{links(["首页", "湖滨要闻", "部门动态", "镇街动态", "专题专栏"], sep=" ")}</div></div>
<div class="wrap">
<div class="crumb">首页 &gt; 湖滨要闻</div>
<div class="art">
<h1>{e(a["title"])}</h1>
<div class="art-info">{a["date"]}　来源：{a["source"]}</div>
<div class="art-con">
{blocks(a)}
</div>
<div class="art-editor">【编辑：{a["editor"]}】</div>
</div>
</div>
<div class="footer">湖滨区人民政府 主办　浙ICP备13004455号</div>
<div class="print-area" style="display:none">
<div class="p-title">{e(a["title"])}</div>
{blocks(a, p="<div>{}</div>")}
</div>
</body></html>
"""


def p13(a):  # Taiwan county government news page (Big5): accesskey markers, share, related links, view count
    return HEAD.format(cs="big5", title=e(a["title"]) + "-嘉和縣政府全球資訊網") + f"""<body>
<a href="#C" class="acc" title="跳到主要內容區塊">跳到主要內容區塊</a>
<div class="header"><a accesskey="U" href="#U" title="上方功能區塊">:::</a> <a>回首頁</a> | <a>網站導覽</a> | <a>English</a></div>
<div class="mainmenu"><ul>{links(["縣府資訊", "最新消息", "施政成果", "便民服務", "觀光旅遊"], li=True)}</ul></div>
<div class="path"><a accesskey="C" href="#C" title="中央內容區塊">:::</a> 首頁 &gt; 最新消息 &gt; 新聞稿</div>
<div class="cp">
<h2 class="h2title">{e(a["title"])}</h2>
<div class="info">發布日期：{a["date"][:10]}　發布單位：{a["source"]}　瀏覽人次：562</div>
<div class="cpcontent">
{blocks(a)}
</div>
<div class="share">分享：<a>Facebook</a> <a>Line</a> <a>X</a> <a>列印</a></div>
<div class="related"><h3>相關連結</h3><ul>{links(["縣長出席產業座談會", "科技園區招商說明會", "本縣推動青年創業補助"], li=True)}</ul></div>
</div>
<div class="footer"><a accesskey="B" href="#B" title="下方功能區塊">:::</a> 地址：嘉和縣中正路1號 電話：(05)123-4567 服務時間：週一至週五 8:00-17:00<br>嘉和縣政府 版權所有</div>
</body></html>
"""


def p14(a):  # Hong Kong news portal (Traditional): instant-news list, hot list, related, reader comments count
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<div id="header"><a>港灣新聞網</a> <a>登入</a> <a>訂閱</a></div>
<ul class="main-nav">{links(["港聞", "財經", "國際", "兩岸", "體育", "娛樂", "生活"], li=True)}</ul>
<div class="layout"><div class="col-main">
<div class="article-header"><h1>{e(a["title"])}</h1><span class="pub-time">{a["date"]}</span></div>
<div class="article-body">
{blocks(a)}
</div>
<div class="social-share"><a>Facebook</a> <a>WhatsApp</a> <a>複製連結</a></div>
<div class="related-articles"><h4>相關新聞</h4><ul>{links(["灣區企業加快數碼轉型", "創科局推出新一輪資助計劃", "兩地科研合作再下一城"], li=True)}</ul></div>
<div class="comment-count">讀者留言（12）</div>
</div>
<div class="col-side"><div class="latest-news"><h4>即時新聞</h4><ul>{links(["天文台發出強烈季候風信號", "港股半日升逾百點", "機管局公布新航線"], li=True)}</ul></div></div>
</div>
<div id="footer">© 2024 港灣新聞網 版權所有 不得轉載</div>
</body></html>
"""


def p15(a):  # English provincial daily: byline line, related stories, most viewed, copyright footer
    return HEAD.format(cs="utf-8", title=e(a["title"]) + " - Lanzhou Valley Daily") + f"""<body>
<div class="topnav">{links(["Home", "China", "World", "Business", "Culture", "Travel", "Sports", "Opinion"], sep=" | ")}</div>
<div class="breadcrumb"><a>Home</a> / <a>China</a> / <a>Regional</a></div>
<div class="story">
<h1>{e(a["title"])}</h1>
<p class="byline">By {a["editor"]} | {a["source"]} | Updated: {a["date"]} 09:12</p>
<div id="story-body">
{blocks(a)}
</div>
<div class="share-icons"><a>Facebook</a> <a>X</a> <a>LinkedIn</a> <a>Email</a></div>
</div>
<div class="related-stories"><h3>Related Stories</h3><ul>{links(["Province sets clean energy targets for 2030", "County opens new industrial park", "Solar exports rise in first half"], li=True)}</ul></div>
<div class="most-viewed"><h3>Most Viewed</h3><ol>{links(["High-speed rail line opens to traffic", "Autumn harvest festival draws crowds", "New museum wing unveiled"], li=True)}</ol></div>
<div class="footer"><p>Copyright 2024 Lanzhou Valley Daily. All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to the newspaper.</p></div>
</body></html>
"""


def p16(a):  # English HTML5 site with comments, newsletter sign-up and tags
    return HEAD.format(cs="utf-8", title=e(a["title"])) + f"""<body>
<header><nav aria-label="Main"><ul>{links(["News", "Business", "Industry", "Events", "About"], li=True)}</ul></nav>
<form role="search"><input placeholder="Search"><button>Search</button></form></header>
<main>
<article class="post">
<h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta">Posted on {a["date"]} by Staff Writer</div>
<div class="entry-content">
{blocks(a)}
</div>
<div class="tags">Tags: <a>textile</a> <a>trade fair</a> <a>Eastport</a></div>
</article>
<section id="comments" class="comments-area"><h2>2 thoughts on this story</h2>
<div class="comment"><b>Mark</b><p>Great to see the forum growing every year. The recycled fiber exhibits were the highlight for me.</p></div>
<div class="comment"><b>Lena</b><p>Will the presentations be published online after the event? I could not attend this time.</p></div>
<div class="comment-respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div></section>
</main>
<aside class="widget-area"><div class="widget"><h3>Subscribe to our newsletter</h3><p>Get the latest industry news delivered to your inbox every week.</p></div></aside>
<footer class="site-footer"><p>© 2024 Eastport News. All rights reserved.</p></footer>
</body></html>
"""


PAGES = [
    ("01_county_trs", p01, "zh_county", "gbk"), ("02_city_portal", p02, "zh_city_meeting", "utf-8"),
    ("03_html5_forum", p03, "zh_forum", "utf-8"), ("04_opaque_classes", p04, "zh_press", "utf-8"),
    ("05_newspaper", p05, "zh_newspaper", "utf-8"), ("06_teasers_first", p06, "zh_symposium", "utf-8"),
    ("07_old_table_gb2312", p07, "zh_township", "gb2312"), ("08_comments", p08, "zh_visit", "utf-8"),
    ("09_second_article", p09, "zh_signing", "utf-8"), ("10_gov_notice_gbk", p10, "zh_notice", "gbk"),
    ("11_public_account", p11, "zh_wechat", "utf-8"), ("12_repeated_article", p12, "zh_repeat", "utf-8"),
    ("13_tw_county_big5", p13, "zh_hant_tw", "big5"), ("14_hk_portal", p14, "zh_hant_hk", "utf-8"),
    ("15_en_daily", p15, "en_visit", "utf-8"), ("16_en_html5", p16, "en_forum", "utf-8"),
]


def main() -> None:
    for name, layout, key, enc in PAGES:
        a = ARTICLES[key]
        (HERE / f"{name}.html").write_bytes(layout(a).encode(enc))
        (HERE / f"{name}.gold.txt").write_text(gold(a), encoding="utf-8")


if __name__ == "__main__":
    main()
