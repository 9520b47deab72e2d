"""A table a rule works out from the whole language model (`Language.kept`: real_word's words of a span by each
character left out, ~25 ms) is kept in the cache folder beside the model's prebuilt copy: the next process reads
the same table; a damaged copy is made again; a model not loaded from the shipped data makes its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal import paths
from appraisal.checks import language, real_word


def test_the_span_words_are_kept_read_back_the_same_and_made_again_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()
    language._load.cache_clear()
    try:
        model = language.language()
        made = real_word._span_words_of(model)
        assert len(made) > 10_000
        assert model.kept("span-words", "test", lambda: made, lambda value: isinstance(value, dict)) is made
        (copy,) = (tmp_path / "cache").glob("span-words-test-*.marshal")
        read = model.kept(
            "span-words", "test", lambda: pytest.fail("made again"), lambda value: isinstance(value, dict)
        )
        assert read == made and list(read.items()) == list(made.items())  # the same table, in the same order
        copy.write_bytes(b"\x00damaged")
        assert model.kept("span-words", "test", lambda: made, lambda value: isinstance(value, dict)) is made
        assert copy.read_bytes() != b"\x00damaged"  # written anew for the next process
    finally:
        language._load.cache_clear()
        paths.resolve()


def test_a_model_not_loaded_from_the_shipped_data_makes_its_own_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each model gets the table made from its own words, whichever asks first: the toy model's is not read from
    the shipped model's copy (nor kept in the cache folder), and the shipped model's is its whole table, not the
    toy's nor an empty one."""
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()
    language._load.cache_clear()
    try:
        other = language.Language(
            {"检察院": 20 * 64, "检": 12 * 64, "院": 12 * 64},
            ["n"],
            {},
            {},
            10.0,
            b"",
            ({}, {}, {}),
        )
        assert real_word._span_words(other) == {"\0察院": "检", "检\0院": "察", "检察\0": "院"}
        shipped = language.language()
        table = real_word._span_words(shipped)
        assert table == real_word._span_words_of(shipped) and len(table) > 10_000
        assert "察" in table["检\0院"] and "力" in table["自\0更生"]  # 检察院, 自力更生
        assert real_word._span_words(other) == {"\0察院": "检", "检\0院": "察", "检察\0": "院"}
        assert len(list((tmp_path / "cache").glob("span-words-*"))) == 1  # the shipped model's copy, no other
    finally:
        language._load.cache_clear()
        paths.resolve()
