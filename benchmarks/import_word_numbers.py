"""Whether a report numbered by Word's list buttons imports as the same report with its numbers typed (texts kept
outside the repository: they are not ours).

    uv run python benchmarks/import_word_numbers.py TEXTS DOCX [--template-from LABELS.toml] [--show]

TEXTS holds .txt/.md reports with typed numbers (一、 （一） 1. （1）); DOCX holds, under the same names, .docx
versions whose numbers Word draws (made by taking the typed numbers out and numbering the paragraphs, e.g.
/work/realtexts/importer/make_numbered.py). For each pair both are imported, and each line of body text is looked
up in the draft: printed are the lines the .docx puts in the section the typed text puts them in, the lines whose
list number (1. （1） …) the draft keeps as the typed text's draft does, and the documents whose template is the
same. With --template-from, the template a reader chose (the labels' first) is also given, as `--template` does.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter
from pathlib import Path

from appraisal.importing import ImportResult, import_document

_NUMBER = re.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[、.．])\s*")
_CN = "[一二三四五六七八九十]{1,3}"
_HEADING_NUMBER = re.compile(rf"^\s*(?:{_CN}\s*[、.．]|[（(]\s*{_CN}\s*[）)])\s*")


def placed_lines(result: ImportResult) -> Counter[tuple[str, str]]:
    """(a line's words without any number, the field holding it) for every non-blank line of the draft."""
    draft = result.draft
    fields = {"title": draft.title, "unmatched": draft.unmatched, **draft.sections}
    out: Counter[tuple[str, str]] = Counter()
    for key, text in fields.items():
        for line in text.split("\n"):
            words = _HEADING_NUMBER.sub("", _NUMBER.sub("", line.strip())).strip()
            if words:
                out[(words, key)] += 1
    return out


def numbered_lines(result: ImportResult) -> Counter[str]:
    """The lines of the draft's fields that keep a list number (1. （1）), by their words."""
    draft = result.draft
    out: Counter[str] = Counter()
    for text in [draft.title, draft.unmatched, *draft.sections.values()]:
        for line in text.split("\n"):
            match = _NUMBER.match(line.strip())
            if match:
                out[line.strip()[match.end() :].strip()] += 1
    return out


def compare(text: ImportResult, word: ImportResult, tally: Counter[str], shown: list[str], name: str) -> None:
    typed, drawn = placed_lines(text), placed_lines(word)
    tally["lines"] += sum(typed.values())
    tally["same section"] += sum((typed & drawn).values())
    for (words, key), count in (typed - drawn).items():
        elsewhere = sorted({k for (w, k) in drawn if w == words})
        shown.append(f"  {name}: “{words[:30]}” {key} → {'/'.join(elsewhere) or '丢失'} (×{count})")
    typed_numbers, drawn_numbers = numbered_lines(text), numbered_lines(word)
    tally["numbered"] += sum(typed_numbers.values())
    tally["number kept"] += sum((typed_numbers & drawn_numbers).values())
    tally["documents"] += 1
    tally["same template"] += text.template.id == word.template.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("texts", type=Path)
    parser.add_argument("docx", type=Path)
    parser.add_argument("--template-from", type=Path, help="labels: also import with the reader's template given")
    parser.add_argument("--show", action="store_true", help="list every line placed differently")
    args = parser.parse_args()
    chosen: dict[str, str] = {}
    if args.template_from is not None:
        labels = tomllib.loads(args.template_from.read_text(encoding="utf-8"))["text"]
        chosen = {t["file"]: t["template"].split("|")[0] for t in labels if t["template"] != "none"}
    runs: dict[str, tuple[Counter[str], list[str]]] = {"recognised": (Counter(), []), "given": (Counter(), [])}
    for source in sorted(p for p in args.texts.iterdir() if p.suffix in (".txt", ".md")):
        word = args.docx / (source.stem + ".docx")
        if not word.exists():
            continue
        compare(import_document(source), import_document(word), *runs["recognised"], source.stem)
        if source.stem in chosen:
            template = chosen[source.stem]
            given = (import_document(source, template), import_document(word, template))
            compare(*given, *runs["given"], source.stem)
    for how, (tally, shown) in runs.items():
        if not tally["documents"]:
            continue
        print(f"template {how}: {tally['documents']} pairs")
        print(f"  lines in the typed text's section     {tally['same section']:>4}/{tally['lines']}")
        print(f"  list numbers kept as typed            {tally['number kept']:>4}/{tally['numbered']}")
        print(f"  same template                         {tally['same template']:>4}/{tally['documents']}")
        if args.show:
            print("\n".join(shown))


if __name__ == "__main__":
    main()
