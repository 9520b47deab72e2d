"""`lazy_compile`: the same answers as `re.compile`, and no compiling until the pattern is used."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from appraisal.text.lazy_regex import LazyPattern, lazy_compile

SOURCE = r"(?P<year>(?:19|20)[0-9]{2})\s*年"


def test_answers_as_the_compiled_pattern() -> None:
    lazy, compiled = lazy_compile(SOURCE), re.compile(SOURCE)
    text = "2024年、2025 年和1999年"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert lazy.groups == 1 and lazy.groupindex == {"year": 1}
    assert lazy.search(text).group("year") == "2024"  # type: ignore[union-attr]
    assert lazy.fullmatch("2024年") and not lazy.match("年2024")


def test_flags_are_kept() -> None:
    lazy = lazy_compile(r"^b$", re.MULTILINE)
    assert lazy.findall("a\nb\nc") == ["b"]
    assert lazy.flags == re.compile(r"^b$", re.MULTILINE).flags


def test_nothing_is_compiled_before_the_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda source, flags=0: calls.append(source) or real(source, flags))
    lazy = lazy_compile(r"[\u4e00-\u9fff]+年")
    assert lazy.pattern == r"[\u4e00-\u9fff]+年"  # the source is there without compiling (to build larger patterns)
    copy.copy(lazy), repr(lazy)
    assert calls == []
    assert lazy.search("今年") and lazy.search("去年") and lazy.sub("", "明年") == ""
    assert calls == [r"[\u4e00-\u9fff]+年"]  # once, however many methods are used


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    lazy = lazy_compile(r"(unclosed")
    assert isinstance(lazy, LazyPattern)
    with pytest.raises(re.error):
        lazy.search("x")


def test_pickles_as_its_source() -> None:
    lazy = lazy_compile(SOURCE)
    lazy.search("2024年")
    again = pickle.loads(pickle.dumps(lazy))
    assert again.pattern == SOURCE and again.search("2025年")
