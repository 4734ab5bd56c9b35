"""`zh-events review`: one self-contained static HTML page showing what the pipeline did to each article.

The page needs nothing remote (styles and the filter script are inline): an overview of the run (counts
by event type and language, errors by stage, the rules that fired most, the config hash) and, per
article, the source lines with their roles, removed lines struck through with their rule id and reason,
inline cuts and repairs marked, entities highlighted by type in displaCy's colours, and the event record
whose fields link to their evidence in the text. Filters by event type, language and warnings run in
the page. A record that cannot be rendered becomes a visible error box; it never stops the report.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

ENTITY_COLORS = {  # displaCy's default palette (PERSON, ORG, GPE, DATE); TITLE in its neutral colour
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "PLACE": "#feca74", "DATE": "#bfe1d9", "TITLE": "#e4e7d2",
}
REMOVED_ROLES = ("boilerplate", "duplicate")


class ReviewError(Exception):
    """The report cannot be made (no run folder, unwritable output)."""


def _esc(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _read_jsonl(path: Path) -> tuple[list[dict], int]:
    rows, bad = [], 0
    if not path.is_file():
        return rows, bad
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(obj, dict):
                rows.append(obj)
            else:
                bad += 1
    return rows, bad


def load_run(run_dir: str | Path) -> dict:
    """Records, errors and manifest of a run folder; unreadable lines are counted, not fatal."""
    d = Path(run_dir)
    if not (d / "records.jsonl").is_file():
        raise ReviewError(f"{d}: no records.jsonl here; pass the --out folder of a `zh-events run`")
    records, bad = _read_jsonl(d / "records.jsonl")
    errors, bad_err = _read_jsonl(d / "errors.jsonl")
    manifest = {}
    try:
        manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        pass
    return {"records": records, "errors": errors, "manifest": manifest if isinstance(manifest, dict) else {},
            "bad_lines": bad + bad_err}


def rules_fired(records: list[dict]) -> Counter:
    """How often each rule id decided something: line roles, inline cuts, repairs, event fields."""
    c: Counter = Counter()
    for r in records:
        for ln in r.get("lines") or []:
            if ln.get("rule") and ln.get("role") != "blank":
                c[ln["rule"]] += 1
        for x in (r.get("removed") or []) + (r.get("repairs") or []):
            if x.get("rule"):
                c[x["rule"]] += 1
        for rule in (r.get("event") or {}).get("rules") or []:
            c[rule] += 1
    return c


def _anchor(i: int, start: int) -> str:
    return f"d{i}-{start}"


def _event_spans(ev: dict) -> list[dict]:
    """Every span of the event with offsets (evidence, date, people, organizations, places)."""
    spans = list(ev.get("evidence") or [])
    date = ev.get("date") or {}
    spans += date.get("evidence") or []
    if date.get("start") is not None:
        spans.append({"start": date["start"], "end": date.get("end"), "text": date.get("text")})
    people = ([ev["main_person"]] if ev.get("main_person") else []) + list(ev.get("participants") or [])
    for p in people:
        if p.get("start") is not None:
            spans.append({"start": p["start"], "end": p.get("end"), "text": p.get("name")})
        spans += p.get("evidence") or []
    for item in (ev.get("visited_organizations") or []) + (ev.get("places") or []):
        spans.append(item)
    return [s for s in spans if isinstance(s.get("start"), int)]


def _render_line(i: int, text: str, ls: int, le: int, mentions, removed, repairs, anchors: set[int]) -> str:
    """One line of `text` cut at every annotation boundary; each piece wrapped in the annotations covering it."""
    bounds = {ls, le}
    for group in (mentions, removed, repairs):
        for s, e, *_ in group:
            if e >= ls and s <= le:
                bounds.update(x for x in (s, e) if ls <= x <= le)
    bounds.update(a for a in anchors if ls <= a <= le)
    pts = sorted(bounds)
    out = []
    emitted_anchor: set[int] = set()
    for a, b in zip(pts, pts[1:] + [None]):
        if a in anchors and a not in emitted_anchor:
            out.append(f'<span class="anchor" id="{_anchor(i, a)}"></span>')
            emitted_anchor.add(a)
        for s, e, orig, rule in repairs:
            if s == e == a:  # a deletion: nothing left in the text to mark
                out.append(f'<span class="repair-del" title="removed {_esc(orig)} ({_esc(rule)})">&#x2326;</span>')
        if b is None:
            break
        if b == a:
            continue
        piece = _esc(text[a:b])
        rep = next((r for r in repairs if r[0] <= a and b <= r[1] and r[1] > r[0]), None)
        if rep:
            piece = f'<ins class="repair" title="was {_esc(rep[2])} ({_esc(rep[3])})">{piece}</ins>'
        ment = next((m for m in mentions if m[0] <= a and b <= m[1]), None)
        if ment:
            label = f'<span class="ent-label">{ment[2]}</span>' if b == ment[1] else ""
            piece = f'<mark class="ent" data-ent="{ment[2]}">{piece}{label}</mark>'
        cut = next((r for r in removed if r[0] <= a and b <= r[1]), None)
        if cut:
            tag = f'<span class="rule-tag">{_esc(cut[2])}</span>' if b == cut[1] else ""
            piece = f'<del class="cut" title="{_esc(cut[2])}: {_esc(cut[3])}">{piece}</del>{tag}'
        out.append(piece)
    return "".join(out)


def _link(i: int, item: dict | None, label: str | None = None) -> str:
    if not item:
        return "&#8212;"
    text = label if label is not None else item.get("text") or item.get("name")
    if isinstance(item.get("start"), int):
        return f'<a class="ev" href="#{_anchor(i, item["start"])}">{_esc(text)}</a>'
    return _esc(text)


def _person(i: int, p: dict | None) -> str:
    if not p:
        return "&#8212;"
    extra = ", ".join(_esc(t) for t in p.get("titles") or [])
    org = f' &middot; {_esc(p["org"])}' if p.get("org") else ""
    return _link(i, p, p.get("name")) + (f" <small>({extra}{org})</small>" if extra or org else "")


def _event_html(i: int, ev: dict | None) -> str:
    if not ev:
        return '<p class="muted">no event</p>'
    date = ev.get("date") or {}
    date_txt = _esc(" / ".join(x for x in (date.get("iso"), date.get("month_day")) if x)) or "&#8212;"
    rows = [
        ("type", f'{_esc(ev.get("type"))} <small>confidence {_esc(ev.get("confidence"))}'
                 + (f'; also {", ".join(_esc(t) for t in ev.get("secondary_types") or [])}'
                    if ev.get("secondary_types") else "") + "</small>"),
        ("date", (_link(i, date, date.get("text")) if date.get("text") else "&#8212;")
                 + f" <small>{date_txt}; published {_esc(date.get('published') or '-')}</small>"),
        ("main person", _person(i, ev.get("main_person"))),
        ("participants", ", ".join(_person(i, p) for p in ev.get("participants") or []) or "&#8212;"),
        ("visited", ", ".join(_link(i, o) for o in ev.get("visited_organizations") or []) or "&#8212;"),
        ("places", ", ".join(_link(i, o) for o in ev.get("places") or []) or "&#8212;"),
        ("evidence", " ".join(_link(i, s) for s in ev.get("evidence") or []) or "&#8212;"),
        ("rules", " ".join(f"<code>{_esc(r)}</code>" for r in ev.get("rules") or []) or "&#8212;"),
    ]
    return '<table class="event">' + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def render_article(i: int, rec: dict) -> str:
    """The section of one record."""
    text = rec.get("text") or ""
    ev = rec.get("event") or None
    mentions = sorted((m["start"], m["end"], e["type"]) for e in rec.get("entities") or []
                      for m in (e.get("mentions") or [e]))
    removed = [(r["start"], r["end"], r.get("rule"), r.get("reason")) for r in rec.get("removed") or []]
    repairs = [(r["start"], r["end"], r.get("original"), r.get("rule")) for r in rec.get("repairs") or []]
    anchors = {s["start"] for s in _event_spans(ev)} if ev else set()
    lines = []
    for ln in rec.get("lines") or []:
        role = ln.get("role", "body")
        if role == "blank":
            continue
        body = _render_line(i, text, ln["start"], ln["end"], mentions, removed, repairs, anchors)
        if role in REMOVED_ROLES:
            body = (f'<del class="removed">{body}</del> <span class="rule-tag" title="{_esc(ln.get("reason"))}">'
                    f'{_esc(ln.get("rule"))}</span> <span class="reason">{_esc(ln.get("reason"))}</span>')
        lines.append(f'<div class="line role-{_esc(role)}"><span class="ln">{ln.get("n")}</span>'
                     f'<span class="role">{_esc(role)}</span><span class="src">{body}</span></div>')
    rep_rows = "".join(f"<li><code>{_esc(r.get('rule'))}</code> {_esc(r.get('kind'))}: "
                       f"<del>{_esc(r.get('original'))}</del> &rarr; <ins>{_esc(r.get('replacement'))}</ins></li>"
                       for r in rec.get("repairs") or [])
    warnings = rec.get("warnings") or []
    etype = (ev or {}).get("type") or "none"
    lang = rec.get("language") or "unknown"
    warn_html = "".join(f'<li>{_esc(w)}</li>' for w in warnings)
    return (
        f'<section class="article filterable" id="a{i}" data-type="{_esc(etype)}" data-lang="{_esc(lang)}" '
        f'data-warn="{1 if warnings else 0}">'
        f'<h2><span class="doc-id">{_esc(rec.get("doc_id"))}</span> {_esc(rec.get("title") or "")}</h2>'
        f'<p class="meta"><span class="badge">{_esc(etype)}</span> <span class="badge">{_esc(lang)}</span> '
        f'{_esc((rec.get("source") or {}).get("path"))} &middot; config {_esc(rec.get("config_hash"))}</p>'
        + (f'<ul class="warnings">{warn_html}</ul>' if warnings else "")
        + f'<div class="cols"><div class="lines">{"".join(lines)}</div>'
        f'<div class="side"><h3>Event</h3>{_event_html(i, ev)}'
        + (f"<h3>Repairs</h3><ul class='repairs'>{rep_rows}</ul>" if rep_rows else "")
        + "</div></div></section>"
    )


def _bad_article(i: int, rec: dict, exc: Exception) -> str:
    return (f'<section class="article filterable broken" id="a{i}" data-type="none" data-lang="unknown" data-warn="1">'
            f'<h2>{_esc(rec.get("doc_id"))}</h2><p class="error">record could not be rendered: '
            f'{_esc(type(exc).__name__)}: {_esc(exc)}</p></section>')


def _count_table(title: str, counts: Counter, cls: str) -> str:
    rows = "".join(f"<tr><td>{_esc(k)}</td><td class='n'>{v}</td></tr>" for k, v in counts.most_common())
    return f'<div class="box {cls}"><h3>{title}</h3><table>{rows or "<tr><td>none</td></tr>"}</table></div>'


CSS = """
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#fafafa}
header,main{padding:0 1.5em} h1{margin:.5em 0} .muted{color:#888}
.overview{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.box{background:#fff;border:1px solid #ddd;padding:.5em 1em;border-radius:4px}
.box table td.n{text-align:right;padding-left:1em}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 1.5em;z-index:2}
.article{background:#fff;border:1px solid #ddd;border-radius:4px;margin:1em 0;padding:.5em 1em;
  content-visibility:auto;contain-intrinsic-size:auto 900px}
.article h2{font-size:1.1em;margin:.2em 0} .doc-id{font-family:monospace;color:#555}
.badge{background:#eee;border-radius:3px;padding:0 .4em;font-size:.85em}
.cols{display:flex;gap:1.5em} .lines{flex:3;min-width:0} .side{flex:2;min-width:0}
.line{display:flex;gap:.5em;border-bottom:1px dotted #eee}
.ln{color:#aaa;width:2.5em;text-align:right;flex:none;font-family:monospace}
.role{flex:none;width:6.5em;font-size:.8em;color:#666}
.role-title .src{font-weight:bold} .role-boilerplate .src,.role-duplicate .src{color:#999}
del.removed,del.cut{text-decoration:line-through;text-decoration-color:#c00}
.rule-tag{font-family:monospace;font-size:.75em;background:#fde2e2;color:#900;border-radius:3px;padding:0 .3em;margin-left:.3em}
.reason{font-size:.75em;color:#a66}
mark.ent{padding:.1em .3em;border-radius:.35em;line-height:1.9}
mark.ent .ent-label{font-size:.6em;font-weight:bold;text-transform:uppercase;margin-left:.4em;vertical-align:middle}
""" + "".join(f'mark.ent[data-ent="{k}"]{{background:{v}}}' for k, v in ENTITY_COLORS.items()) + """
ins.repair{text-decoration:underline wavy #090;background:#e9f9e9} .repair-del{color:#090;font-size:.6em;opacity:.6}
.anchor:target::after{content:"\\25C0";color:#d00;font-weight:bold}
table.event th{text-align:left;vertical-align:top;padding-right:1em;white-space:nowrap;color:#555}
.warnings{color:#a60;margin:.2em 0} .error{color:#c00}
"""

JS = """
function applyFilters(){
  var t=document.getElementById('f-type').value, l=document.getElementById('f-lang').value,
      w=document.getElementById('f-warn').checked, n=0;
  document.querySelectorAll('section.article').forEach(function(a){
    var show=(!t||a.dataset.type===t)&&(!l||a.dataset.lang===l)&&(!w||a.dataset.warn==='1');
    a.hidden=!show; if(show) n++;
  });
  document.getElementById('visible-count').textContent=n;
}
document.querySelectorAll('#filters select,#filters input').forEach(function(e){e.addEventListener('change',applyFilters)});
applyFilters();
"""


def render_report(run: dict, limit: int | None = None) -> str:
    """The whole page as a string."""
    records = run["records"][:limit] if limit else run["records"]
    errors, manifest = run["errors"], run["manifest"]
    types = Counter(((r.get("event") or {}).get("type") or "none") for r in records)
    langs = Counter((r.get("language") or "unknown") for r in records)
    err_stage = Counter(e.get("stage") or "?" for e in errors)
    rules = Counter(dict(rules_fired(records).most_common(12)))
    hashes = sorted({r.get("config_hash") for r in records if r.get("config_hash")} |
                    ({manifest["config_hash"]} if manifest.get("config_hash") else set()))
    articles = []
    for i, rec in enumerate(records):
        try:
            articles.append(render_article(i, rec))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            articles.append(_bad_article(i, rec, exc))
    opt = lambda c: "".join(f'<option value="{_esc(k)}">{_esc(k)} ({v})</option>' for k, v in sorted(c.items()))  # noqa: E731
    err_rows = "".join(f"<tr><td>{_esc(e.get('doc_id') or e.get('source_path'))}</td><td>{_esc(e.get('stage'))}</td>"
                       f"<td>{_esc(e.get('error_type'))}</td><td>{_esc(e.get('message'))}</td></tr>"
                       for e in errors[:200])
    overview = (
        f'<p>{len(records)} articles, {len(errors)} errors'
        + (f", {run['bad_lines']} unreadable lines" if run["bad_lines"] else "")
        + f' &middot; config hash <code id="config-hash">{_esc(", ".join(hashes) or "-")}</code>'
        + (f' &middot; pipeline {_esc(manifest.get("pipeline_version"))}' if manifest.get("pipeline_version") else "")
        + '</p><div class="overview">'
        + _count_table("Event types", types, "types") + _count_table("Languages", langs, "langs")
        + _count_table("Errors by stage", err_stage, "errors") + _count_table("Rules fired most", rules, "rules")
        + "</div>"
        + (f"<details><summary>errors ({len(errors)})</summary><table>{err_rows}</table></details>" if errors else "")
    )
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>zh-events review</title><style>{CSS}</style></head><body>"
        f"<header><h1>zh-events review</h1>{overview}</header>"
        '<div id="filters">event type <select id="f-type"><option value="">all</option>'
        f'{opt(types)}</select> language <select id="f-lang"><option value="">all</option>{opt(langs)}</select> '
        '<label><input type="checkbox" id="f-warn"> only with warnings</label> '
        '&middot; <span id="visible-count"></span> shown</div>'
        f'<main>{"".join(articles)}</main><script>{JS}</script></body></html>'
    )


def write_report(run_dir: str | Path, out: str | Path, limit: int | None = None) -> int:
    """Write the report of a run; returns the number of articles in it."""
    run = load_run(run_dir)
    page = render_report(run, limit)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ReviewError(f"{out}: cannot write the report ({exc.strerror}); choose another --out") from exc
    return len(run["records"][:limit] if limit else run["records"])
