"""`typo-in-context` (`real_word`): a real word written for another one character away, where the writer's own text
writes the other word beside the same neighbours elsewhere (`规模以上工业企业` in one place, `规模以上功业企业` in
another). The counts of running text must still take the correction, if less strongly. The sentences are ours."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from .marks import fixes_of, unmark


def findings(text: str) -> list[tuple[int, int, int, str | None]]:
    return fixes_of("typo-in-context", text)


def test_a_real_word_the_document_writes_otherwise_elsewhere_is_found() -> None:
    text, spans = unmark("全县规模以上工业企业达到50家。\n规模以上⟦功⟧业企业利润增长10%。")
    (_rule, line, column, end) = spans[0]
    assert findings(text) == [(line, column, end, "工")]


@pytest.mark.parametrize(
    "text",
    [
        "规模以上功业企业利润增长10%。",  # nothing elsewhere: the counts alone are not sure enough
        "全县工业企业达到50家。\n规模以上功业企业利润增长10%。",  # the other word, but beside other neighbours
        "规模以上功业企业利润增长10%，规模以上功业企业数量稳定。\n全县规模以上工业企业达到50家。",  # written so twice
    ],
)
def test_a_real_word_the_document_does_not_contradict_stays_silent(text: str) -> None:
    assert findings(text) == []


ALPHABET = "工功业企\n"


def _random_phrases(seed: int) -> Iterator[tuple[str, str, str]]:
    """3,000 (document, head, tail) of a few characters, so that the phrases overlap and repeat."""
    rng = random.Random(seed)
    for _ in range(3000):
        document = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        head = "".join(rng.choice(ALPHABET[:4]) for _ in range(rng.randint(0, 3)))
        tail = "".join(rng.choice(ALPHABET[:4]) for _ in range(rng.randint(0, 3)))
        yield document, head, tail


def test_the_search_for_another_character_agrees_with_counting_every_candidate() -> None:
    """`_another_between` stands in front of working out the weak corrections: it must say yes wherever one of
    them could be written in the document (`document.count(head + ch + tail)` for a character `ch` other than the
    written one), and on short texts (fewer occurrences than it looks at) no otherwise, whichever of head and tail
    is longer."""
    from appraisal.checks.real_word import _another_between

    for document, head, tail in _random_phrases(20261207):
        for written in ALPHABET[:4]:
            expected = any(document.count(head + ch + tail) for ch in [*ALPHABET, "x"] if ch != written)
            assert _another_between(document, head, written, tail) == expected, (document, head, written, tail)
    assert _another_between("工业" * 60, "工", "业", "") is True  # past OCCURRENCES: yes, the weak ones worked out


def test_the_characters_written_between_agree_with_counting_each_one() -> None:
    """`_between` replaced a `document.count(head + ch + tail)` per candidate: it must find every character the
    document writes between head and tail (overlapping places too), and no other, whichever of the two is longer."""
    from appraisal.checks.real_word import _between

    for document, head, tail in _random_phrases(20261208):
        if not head and not tail:
            continue  # the phrase always has neighbours on one side at least (SIDE)
        expected = {ch for ch in ALPHABET if document.count(head + ch + tail)}
        assert _between(document, head, tail) == expected, (document, head, tail)
