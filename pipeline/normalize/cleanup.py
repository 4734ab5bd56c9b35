"""Rule-driven clean-up of HTML remnants, entities, zero-width and control characters."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TIGHT = re.compile(r"[\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Rule:
    """One clean-up rule of configs/normalize/rules.toml."""

    id: str
    kind: str
    reason: str
    pattern: re.Pattern
    replace: str


def load_rules(entries: list[dict]) -> list[Rule]:
    """Compile the `[[rule]]` entries."""
    out = []
    for r in entries:
        flags = re.IGNORECASE if "i" in r.get("flags", "") else 0
        out.append(Rule(r["id"], r["kind"], r["reason"], re.compile(r["pattern"], flags), r["replace"]))
    return out


def _replacement(rule: Rule, line: str, s: int, e: int) -> str:
    if rule.replace == "empty":
        return ""
    if rule.replace == "space":
        return " "
    if rule.replace in ("unescape", "unescape_twice"):
        out = html.unescape(line[s:e] if line[s:e].endswith(";") else line[s:e] + ";")
        if rule.replace == "unescape_twice":
            out = html.unescape(out)
        out = out.replace("\u00a0", " ")
        return "" if out in ("\n", "\r") else out
    before, after = line[s - 1 : s], line[e : e + 1]
    if not before or not after or _TIGHT.match(before) or _TIGHT.match(after):
        return ""
    return " "


def find(rules: list[Rule], line: str) -> list[tuple[int, int, str, Rule]]:
    """Non-overlapping (start, end, replacement, rule) in one line; earlier rules win."""
    taken: list[tuple[int, int]] = []
    out = []
    for rule in rules:
        for m in rule.pattern.finditer(line):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            rep = _replacement(rule, line, s, e)
            if "\n" in rep or rep == line[s:e]:
                continue
            taken.append((s, e))
            out.append((s, e, rep, rule))
    return sorted(out, key=lambda x: x[0])
