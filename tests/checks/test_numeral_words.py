"""`data/numeral_words.toml` (GB/T 15835 4.2, fixed words keep Chinese numerals): every entry's example is reported,
once per word written with a digit and fixed to the word, and its negative is not."""

from __future__ import annotations

from typing import Any

import pytest

from appraisal.checks.lexicon import load_data
from appraisal.checks.numeral_forms import forms

ENTRIES = load_data("numeral_words")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["words"][0] for e in ENTRIES])
def test_entry(entry: dict[str, Any]) -> None:
    found = [(start, end, fix) for start, end, _message, fix in forms(entry["example"])]
    assert found, entry["example"]
    assert all(fix in entry["words"] for _start, _end, fix in found)
    for negative in [entry["negative"], *entry.get("negatives", ())]:
        assert [fix for _start, _end, fix in forms(negative)] == [], negative


def test_every_word_keeps_a_numeral_with_a_digit_form() -> None:
    assert all(any(ch in "一二两三四五六七八九" for ch in word) for entry in ENTRIES for word in entry["words"])
