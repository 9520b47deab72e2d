"""Precision and recall of the language rules (family "language": `typo`, `typo-in-context`, `de-di-de`,
`repeated-word`), per rule and for the family, through the checker's public API (`check_section`).

    uv run python benchmarks/language_rules.py sighan SPLIT=FILE.tsv [SPLIT=FILE.tsv …]
    uv run python benchmarks/language_rules.py reports SPLIT=DIR [SPLIT=DIR …] --confusions FILE.tsv … [--labels L.toml]
        [--ime] [--real-word]

`sighan`: sentence pairs, one a line, `sentence-as-written<TAB>corrected` (as in pycorrector's
`data/sighan2015_test.tsv`, which its wheel ships). Both sides are put through zhconv (`zh-cn`) first,
because the public simplified files keep traditional characters such as 著 that the converter that made them missed;
pairs whose length changes are left as they were. Reported per split: sentence-level detection recall (an erroneous
sentence with a finding), exact recall (the findings' characters are exactly the wrong ones), and false alarms (a
corrected sentence with any finding).

`reports`: real public reports (.txt), clean as published. Each finding on them is a false alarm unless a hand label
(`--labels`: `[[typo]] file, text, right`) says the text has a real slip there. Then typos are planted, as people
make them: for each report, one sentence in two gets one character of a dictionary word replaced by the character
that learners wrote for it in the SIGHAN training pairs (`--confusions`, never the test set), or with `--ime` by a
character of the same syllable among the 3,500 commonest (the slip of a pinyin input method), chosen with a fixed
seed, so that the word becomes a non-word; with `--real-word` instead a common two-character word becomes another
common word (发展 written 开展: `real_word`'s slips). Recall is the share of planted typos a typo rule flags at their
place, precision the share of typo findings that are planted or labelled slips.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from appraisal.checks import RULES, CheckOptions, Finding, check_section
from appraisal.checks.language import han_runs, language
from appraisal.draft import Draft
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")
SECTION = "results.service"
LANGUAGE = [name for name, rule in RULES.items() if rule.family == "language"]
TYPO_RULES = {"typo", "typo-in-context"}
OPTIONS = CheckOptions(disabled=frozenset(name for name in RULES if name not in LANGUAGE))
SEED = 20


def findings(text: str) -> list[Finding]:
    draft = Draft.new(TEMPLATE, name="某某", unit="某单位", year=2025)
    draft.sections[SECTION] = text
    return check_section(draft, TEMPLATE, SECTION, OPTIONS)


def offsets(text: str, found: list[Finding]) -> dict[str, set[int]]:
    """Rule → offsets into `text` of the characters its findings cover."""
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out: dict[str, set[int]] = defaultdict(set)
    for f in found:
        base = starts[f.line - 1]
        out[f.rule].update(range(base + f.column - 1, base + max(f.end_column - 1, f.column)))
    return out


def fix_quality(text: str, found: list[Finding], truth: dict[int, str], counts: Counter[str]) -> None:
    """Count, for `typo-in-context` findings on a wrong character (`truth`: offset → the right character), the fixes
    offered, those that are right, and the doubts (no fix: the finding names the candidates)."""
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for f in found:
        at = starts[f.line - 1] + f.column - 1
        if f.rule != "typo-in-context" or at not in truth:
            continue
        if f.fix is None:
            counts["doubts"] += 1
        else:
            counts["offered"] += 1
            counts["right"] += f.fix == truth[at]


def read_pairs(path: Path) -> list[tuple[str, str]]:
    import zhconv

    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        wrong, right = fields[0], fields[1]
        converted = zhconv.convert(wrong, "zh-cn"), zhconv.convert(right, "zh-cn")
        pairs.append(
            converted if len(converted[0]) == len(wrong) and len(converted[1]) == len(right) else (wrong, right)
        )
    return pairs


def sighan(splits: list[tuple[str, Path]]) -> None:
    groups = [*LANGUAGE, "language"]
    print(f"{'split':<10}{'rule':<17}{'detected':>14}{'exact':>14}{'false alarms':>18}")
    for split, path in splits:
        pairs = read_pairs(path)
        errors = [(w, r) for w, r in pairs if len(w) == len(r) and w != r]
        detected: Counter[str] = Counter()
        exact: Counter[str] = Counter()
        alarms: Counter[str] = Counter()
        started = time.process_time()
        fixes: Counter[str] = Counter()
        for wrong, right in errors:
            bad = {i for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b}
            found = findings(wrong)
            fix_quality(wrong, found, {i: right[i] for i in bad}, fixes)
            hits = offsets(wrong, found)
            hits["language"] = set().union(*hits.values()) if hits else set()
            for group in groups:
                if hits.get(group):
                    detected[group] += 1
                    exact[group] += hits[group] == bad
        for _wrong, right in pairs:
            hits = offsets(right, findings(right))
            for group in groups:
                alarms[group] += bool(hits.get(group)) if group != "language" else bool(hits)
        seconds = time.process_time() - started
        for group in groups:
            n, m = len(errors), len(pairs)
            print(
                f"{split:<10}{group:<17}{detected[group]:>5}/{n} {detected[group] / n:.2f}"
                f"{exact[group]:>6}/{n} {exact[group] / n:.2f}{alarms[group]:>9}/{m} {alarms[group] / m:.3f}"
            )
        print(
            f"{split:<10}typo-in-context on a wrong character: fix offered {fixes['offered']}, right "
            f"{fixes['right']}; doubt named, no fix {fixes['doubts']}"
        )
        chars = sum(len(w) + len(r) for w, r in pairs)
        print(f"{split:<10}{len(pairs)} pairs, {chars} 字, {seconds * 1000 / chars * 3000:.0f} ms CPU per 3,000 字")


def confusions(paths: list[Path]) -> dict[str, list[str]]:
    """Right character → the characters learners wrote instead (SIGHAN training pairs)."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        for wrong, right in read_pairs(path):
            if len(wrong) == len(right):
                for a, b in zip(wrong, right, strict=True):
                    if a != b and "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff" and a not in found[b]:
                        found[b].append(a)
    return found


def homophones() -> dict[str, list[str]]:
    """Character → the common characters a pinyin input method offers for the same syllable (any tone): the slips
    of a writer who picks the wrong one from the list, as in 章显 for 彰显. From pypinyin and jieba's dictionary
    directly, not from the checker's data."""
    from importlib import resources

    from pypinyin import lazy_pinyin

    counts: Counter[str] = Counter()
    for line in resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8").splitlines():
        word, count = line.split(" ")[:2]
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff":
            counts[word] += int(count)
    common = [ch for ch, n in counts.most_common(3500)]
    by_sound: dict[str, list[str]] = defaultdict(list)
    for ch in common:
        by_sound[lazy_pinyin(ch)[0]].append(ch)
    return {ch: [o for o in by_sound[lazy_pinyin(ch)[0]] if o != ch] for ch in common}


def plant(
    text: str, confused: dict[str, list[str]], rng: random.Random, real_word: bool = False
) -> tuple[str, set[int]]:
    """`text` with typos planted, and their offsets: slips that leave a non-word, or with `real_word` slips of a
    common two-character word into another common word (发展 written 开展)."""
    model = language()
    chars = list(text)
    planted: set[int] = set()
    sentence = 0
    for offset, run in han_runs(text):
        if "。" in text[max(0, offset - 1) : offset] or offset == 0:
            sentence += 1
        if rng.random() < 0.5:
            continue
        choices = [
            (offset + token.start + i, wrong)
            for token in model.segment(run)
            if len(token.text) >= 2
            for i, ch in enumerate(token.text)
            for wrong in confused.get(ch, ())
            if (
                model.common(token.text)
                and len(token.text) == 2
                and model.common(token.text[:i] + wrong + token.text[i + 1 :])
                if real_word
                else token.text[:i] + wrong + token.text[i + 1 :] not in model
            )
        ]
        if choices:
            at, wrong = rng.choice(choices)
            chars[at] = wrong
            planted.add(at)
    return "".join(chars), planted


def reports(
    splits: list[tuple[str, Path]],
    confusion_files: list[Path],
    labels: Path | None,
    ime: bool = False,
    real_word: bool = False,
) -> None:
    labelled: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if labels is not None:
        for entry in tomllib.loads(labels.read_text(encoding="utf-8")).get("typo", []):
            labelled[entry["file"]].append((entry["text"], entry["right"]))
    confused = homophones() if ime else confusions(confusion_files)
    source = "same-syllable characters (input-method slips)" if ime else "learners' confusions (SIGHAN training)"
    print(f"planted: {source}" + (", each into a common word (real-word slips)" if real_word else ""))
    print(f"{'split':<8}{'rule':<17}{'clean: false alarms (what)':<40}{'planted: recall':>18}{'precision':>12}")
    for split, folder in splits:
        rng = random.Random(SEED)
        alarms: dict[str, list[str]] = defaultdict(list)
        real_hits: Counter[str] = Counter()
        real_total = 0
        planted_total = 0
        hit: Counter[str] = Counter()
        flagged: Counter[str] = Counter()
        correct: Counter[str] = Counter()
        zi = 0
        fixes: Counter[str] = Counter()
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8-sig")
            zi += len(text)
            real: set[int] = set()
            for slip, _right in labelled.get(path.name, []):
                if (at := text.find(slip)) >= 0:
                    real.update(range(at, at + len(slip)))
                    real_total += 1
            for rule, where in offsets(text, findings(text)).items():
                real_hits[rule] += len(where & real)
                for at in sorted(where - real):
                    alarms[rule].append(text[max(0, at - 3) : at + 3].replace("\n", " "))
            planted_text, planted = plant(text, confused, rng, real_word)
            planted_total += len(planted)
            found = findings(planted_text)
            fix_quality(planted_text, found, {at: text[at] for at in planted}, fixes)
            marks = offsets(planted_text, found)
            typo_marks = marks.get("typo", set()) | marks.get("typo-in-context", set())
            for rule in TYPO_RULES:
                where = marks.get(rule, set())
                hit[rule] += len(where & planted)
                flagged[rule] += len(where)
                correct[rule] += len(where & (planted | real))
            hit["typos"] += len(typo_marks & planted)
            flagged["typos"] += len(typo_marks)
            correct["typos"] += len(typo_marks & (planted | real))
        for rule in [*LANGUAGE, "typos"]:
            what = "; ".join(dict.fromkeys(alarms.get(rule, [])))[:60] if rule != "typos" else ""
            count = len(set(alarms.get(rule, [])))
            if rule == "typos":
                count = sum(len(set(v)) for k, v in alarms.items() if k in TYPO_RULES)
            recall = (
                f"{hit[rule]}/{planted_total} {hit[rule] / max(planted_total, 1):.2f}"
                if rule in hit or rule == "typos"
                else ""
            )
            precision = f"{correct[rule] / flagged[rule]:.2f}" if flagged[rule] else ("—" if recall else "")
            print(f"{split:<8}{rule:<17}{count:>3} {what:<36}{recall:>18}{precision:>12}")
        print(
            f"{split:<8}typo-in-context on a planted typo: fix offered {fixes['offered']}, right {fixes['right']}; "
            f"doubt named, no fix {fixes['doubts']}"
        )
        print(
            f"{split:<8}{zi} 字 of clean text; {real_total} real slips labelled; characters of them found: "
            f"{dict(real_hits)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["sighan", "reports"])
    parser.add_argument("splits", nargs="+", help="SPLIT=PATH: a file of pairs (sighan) or a folder of .txt (reports)")
    parser.add_argument("--confusions", nargs="*", type=Path, default=[], help="SIGHAN training pairs (reports)")
    parser.add_argument("--labels", type=Path, help="hand labels of the real slips in the reports")
    parser.add_argument("--ime", action="store_true", help="plant same-syllable slips instead of learners' ones")
    parser.add_argument("--real-word", action="store_true", help="plant slips that leave a common word (开展 for 发展)")
    args = parser.parse_args()
    splits = [(s.split("=", 1)[0], Path(s.split("=", 1)[1])) for s in args.splits]
    language()  # loaded once before the clock starts: its load is measured by benchmarks/check_speed.py
    if args.kind == "sighan":
        sighan(splits)
    else:
        if not args.confusions and not args.ime:
            sys.exit("reports: --confusions FILE.tsv (SIGHAN training pairs) or --ime is needed to plant typos")
        reports(splits, args.confusions, args.labels, args.ime, args.real_word)


if __name__ == "__main__":
    main()
