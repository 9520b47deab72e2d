"""`Language.common_among` finds the characters that make a common two-character word by searching the string of
those that make one with the other character (kept in the prebuilt copy): it must answer exactly as one dictionary
look-up per character did, in the order the characters were given, with the copy made now or read back."""

from __future__ import annotations

import random

from appraisal.checks import language as language_module
from appraisal.checks.language import COMMON_WORD, Language, language


def _looked_up(model: Language, left: str, characters: list[str], right: str) -> list[str]:
    """The answer of one dictionary look-up per character (how `common_among` worked before the strings)."""
    return [ch for ch in characters if model._words.get(left + ch + right, -1) >= COMMON_WORD * 64]


def _compare(model: Language) -> int:
    pick = random.Random(7)
    common = sorted(model._readings)
    words = [word for word in model._words if len(word) == 2]
    compared = 0
    for word in pick.sample(words, 3000):
        for left, right, at in (("", word[1], 0), (word[0], "", 1)):
            characters = [*model.similar(word[at]), word[at], *pick.sample(common, 30)]
            assert model.common_among(left, characters, right) == _looked_up(model, left, characters, right), word
            compared += 1
    return compared


def test_two_character_words_are_found_as_by_a_look_up_each() -> None:
    model = language()
    assert _compare(model) == 6000
    # three- and four-character words still go through the dictionary
    assert model.common_among("贯", ["彻", "切"], "落实") == _looked_up(model, "贯", ["彻", "切"], "落实")


def test_the_strings_made_from_the_words_are_those_the_copy_keeps() -> None:
    model = language()
    assert language_module._common_pairs(model._words) == (model._common_before, model._common_after)
    again = language_module._from_parts(language_module._parts(model))
    assert again is not None and (again._common_before, again._common_after) == (
        model._common_before,
        model._common_after,
    )


def test_a_copy_whose_rare_records_are_cut_short_is_not_taken() -> None:
    """A copy with the rare words' records cut mid-record is refused (rebuilt), not searched out of step (review)."""
    parts = list(language_module._parts(language()))
    rare_words = parts[6]
    assert isinstance(rare_words, bytes) and rare_words
    parts[6] = rare_words[:-3]
    assert language_module._from_parts(tuple(parts)) is None
    parts[6] = rare_words
    assert language_module._from_parts(tuple(parts)) is not None
