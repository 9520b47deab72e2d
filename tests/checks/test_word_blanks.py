"""The filter of the blanks common words fill (`appraisal.checks.word_blanks`): it never says "none" where a common
word of three or four characters fits, so `Language.common_among` answers as one look-up per character would; a
damaged kept copy of it is made again, not trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal import paths
from appraisal.checks import language, word_blanks
from appraisal.checks.language import COMMON_WORD


def _looked_up(model: language.Language, left: str, characters: list[str], right: str) -> list[str]:
    """One dictionary look-up per character: what `common_among` answers."""
    return [ch for ch in characters if model.common(left + ch + right)]


def test_every_blank_of_a_common_word_may_be_filled() -> None:
    model = language.language()
    words = list(model.words_of(range(3, 5), COMMON_WORD))
    assert len(words) > 15_000
    bits = word_blanks.make(words)
    assert word_blanks.sound(bits)
    for word in words:
        for k in range(len(word)):
            assert word_blanks.may_fill(bits, word[:k], word[k + 1 :]), word


TEXT = "全面惯彻落实会议精神，坚持以人民为中心，于斯为盛，看点影，认真开展调查研究，检查院，自立更生，一如继往。"


def test_common_among_answers_as_a_look_up_per_character_would() -> None:
    """Every blank of three or four characters in a text, each with the characters like the one written there and
    with characters that are no single character (`""`, two characters), which the filter cannot speak for."""
    model = language.language()
    asked = 0
    for size in (3, 4):
        for start in range(len(TEXT) - size + 1):
            for k in range(size):
                left, written, right = TEXT[start : start + k], TEXT[start + k], TEXT[start + k + 1 : start + size]
                for characters in (list(model.similar(written)), ["", "彻落", written, "实会"]):
                    assert model.common_among(left, characters, right) == _looked_up(model, left, characters, right)
                    asked += 1
    assert asked > 300
    assert model.common_among("共", ["产", "铲"], "党") == ["产"]  # blanks common words fill: 共产党, 实事求是
    assert model.common_among("实事求", ["式", "是"], "") == ["是"]


def test_a_damaged_filter_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()
    language._load.cache_clear()
    try:
        model = language.language()
        assert model.common_among("共", ["产"], "党") == ["产"]
        (copy,) = (tmp_path / "cache").glob("common-blanks-*.marshal")
        kept = copy.read_bytes()
        for damage in (kept[:-100], kept.replace(b"\x00" * 8, b"\x00" * 7 + b"\x01", 1), b"", b"\x00damaged"):
            copy.write_bytes(damage)
            language._load.cache_clear()
            again = language.language()
            assert again.common_among("共", ["产"], "党") == ["产"]
            assert copy.read_bytes() == kept  # made again for the next process
    finally:
        language._load.cache_clear()
        paths.resolve()
