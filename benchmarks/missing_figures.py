"""Recall and false alarms of `missing-figure` on real sentences whose figure is deleted the way people leave it out
(texts kept outside the repository: they are not ours).

    uv run python benchmarks/missing_figures.py FOLDER_OR_FILE… [--show misses|alarms|all] [--kind KIND]

Every sentence of the texts (.txt/.md, split at 。！？；) that holds an amount written in figures (`12个`,
`35万元`, `100余人`, `98%`) is copied once per way a figure is left out, each copy missing one figure:
- `numeral`: the digits only (`建成个服务点`, `节约资金万余元`, `同比增长%`);
- `numeral+about`: the digits and the 余/多 after them (`培训干部人`);
- `percentage`: the whole percentage (`合格率达，`).
A copy is found when a `missing-figure` finding on it touches the place the figure was. The untouched texts are the
negatives: every `missing-figure` finding on them is a false alarm, listed with `--show alarms`. Dates, times,
document numbers and list numbers are not amounts and are never deleted. Sentences are counted once however often
they occur.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from appraisal.checks import RULES
from appraisal.checks.base import Context
from appraisal.draft import Draft
from appraisal.templates import load_template

_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")
# An amount: a number (not part of a longer one, a code or a Latin word), 余/多, then a unit or measure word.
_UNITS = (
    "个百分点|百分点|%|％|‰|万亿|亿|万|千|百|元|美元|吨|亩|公顷|公里|千米|米|平方|立方|千瓦|斤|公斤|克|升|"
    "人次|户次|家次|批次|场次|人|名|户|家|个|件|项|条|次|批|座|台|辆|场|期|篇|套|处|起|支|类|份|本|册|张|天|小时|"
    "分钟|倍|位|届|轮|组|队|所|间|栋|幢|盏|棵|株|头|只|宗|笔|单|块|片|段|根|部|艘|架|门|节|堂|课时|学时|所|家庭|"
    "余|多"
)
_AMOUNT = re.compile(
    rf"(?<![\dA-Za-z.．:：/\-—〔\[（(])(?P<digits>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<about>[余多])?"
    rf"(?P<unit>{_UNITS})"
)
_NOT_AMOUNTS = re.compile(r"^[年月日号时点后]")  # what a number before never is an amount: dates, 90后


@dataclass(frozen=True)
class Copy:
    text: str
    gap: int  # where the figure was (0-based)
    kind: str
    source: str


def sentences(path: Path) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        for match in _SENTENCE.finditer(line.strip()):
            sentence = match.group().strip()
            if len(sentence) >= 8:
                yield sentence


def copies(sentence: str, source: str) -> Iterator[Copy]:
    """One copy of the sentence per figure and way of leaving it out."""
    for match in _AMOUNT.finditer(sentence):
        unit = match.group("unit")
        if unit in ("余", "多") and match.group("about") is None:
            about_unit = sentence[match.end() : match.end() + 1]
            if _NOT_AMOUNTS.match(about_unit) or not about_unit:
                continue
        start, digits_end = match.start("digits"), match.end("digits")
        yield Copy(sentence[:start] + sentence[digits_end:], start, "numeral", source)
        if match.group("about"):
            yield Copy(sentence[:start] + sentence[match.end("about") :], start, "numeral+about", source)
        if unit in ("%", "％") and match.group("about") is None:
            yield Copy(sentence[:start] + sentence[match.end() :], start, "percentage", source)


def findings(lines: list[str]) -> list[list[tuple[int, int, str]]]:
    """The `missing-figure` findings on each line, checked as lines of one section apart by blank lines."""
    template = load_template("cadre-annual")
    section = next(iter(template.text_sections())).id
    draft = Draft.new(template, name="周明远", unit="某区商务局", position="副局长", year=2025)
    draft.sections[section] = "\n\n".join(lines)
    ctx = Context(draft, template)
    item = ctx.field(section)
    found: list[list[tuple[int, int, str]]] = [[] for _ in lines]
    for finding in (
        f
        for rule in RULES.values()
        if rule.family == "completeness" and rule.marks_gap
        for f in rule.check_field(item, ctx)
    ):
        if finding.line % 2 == 1:
            found[(finding.line - 1) // 2].append((finding.column - 1, finding.end_column - 1, finding.message))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", choices=("misses", "alarms", "all"), default=None)
    parser.add_argument("--kind", default=None, help="show misses of this kind only")
    args = parser.parse_args()
    files = sorted(
        p for path in args.paths for p in ([path] if path.is_file() else path.rglob("*")) if p.suffix in (".txt", ".md")
    )
    seen: set[str] = set()
    clean: list[tuple[str, str]] = []
    for path in files:
        for sentence in sentences(path):
            if sentence not in seen:
                seen.add(sentence)
                clean.append((sentence, path.name))
    made = {c.text: c for sentence, source in clean for c in copies(sentence, source) if c.text not in seen}
    positives = list(made.values())
    alarms = [
        (sentence, source, f)
        for (sentence, source), found in zip(clean, findings([s for s, _ in clean]), strict=True)
        for f in found
    ]
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses = []
    for copy, found in zip(positives, findings([c.text for c in positives]), strict=True):
        totals[copy.kind] += 1
        if any(start <= copy.gap <= end for start, end, _ in found):
            hits[copy.kind] += 1
        else:
            misses.append(copy)
    zi = sum(len(s) for s, _ in clean)
    print(f"{len(files)} files, {len(clean)} sentences ({zi:,} 字), {sum(totals.values())} copies missing a figure")
    for kind in sorted(totals):
        print(f"  {kind:14} {hits[kind]:5}/{totals[kind]:<5} recall {hits[kind] / totals[kind]:.3f}")
    total = sum(totals.values())
    print(f"  {'all':14} {sum(hits.values()):5}/{total:<5} recall {sum(hits.values()) / max(total, 1):.3f}")
    print(f"false alarms on the untouched texts: {len(alarms)}")
    if args.show in ("alarms", "all"):
        for sentence, source, (start, end, _message) in alarms:
            before, after = sentence[max(0, start - 12) : start], sentence[end : end + 8]
            print(f"  ALARM {source}: {before}⟦{sentence[start:end]}⟧{after}")
    if args.show in ("misses", "all"):
        for copy in misses:
            if args.kind is None or copy.kind == args.kind:
                before, after = copy.text[max(0, copy.gap - 14) : copy.gap], copy.text[copy.gap : copy.gap + 10]
                print(f"  MISS {copy.kind} {copy.source}: {before}⟦⟧{after}")


if __name__ == "__main__":
    main()
