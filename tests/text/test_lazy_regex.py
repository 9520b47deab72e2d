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


# ---------------------------------------------------------------- compiled forms


def _program_patterns() -> list[LazyPattern]:
    """Every pattern the program defines with `lazy_compile` (module globals, and inside their lists and dicts)."""
    import importlib
    import pkgutil

    import appraisal

    found: dict[int, LazyPattern] = {}

    def collect(value: object, depth: int = 0) -> None:
        if isinstance(value, LazyPattern):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            for item in value:
                collect(item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in value.values():
                collect(item, depth + 1)

    for info in pkgutil.walk_packages(appraisal.__path__, "appraisal."):
        if ".tui" in info.name:
            continue  # Textual's modules: none of ours there is a lazy pattern
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            collect(value)
    return list(found.values())


def test_every_pattern_of_the_program_is_made_alike_from_its_form() -> None:
    """The kept form of each pattern gives the pattern `re.compile` gives (source, flags, matcher code, groups):
    the Han classes, non-BMP ranges, named groups and look-behinds of every module."""
    from appraisal.text import lazy_regex

    if not lazy_regex.FORMS_TAG:
        pytest.skip("not CPython's regex compiler: patterns are compiled as usual")
    patterns = _program_patterns()
    assert len(patterns) > 100
    for lazy in patterns:
        made = lazy_regex._form_of(lazy.pattern, lazy._flags)
        assert made is not None, lazy
        assert lazy_regex._same(made[1], re.compile(lazy.pattern, lazy._flags)), lazy


def test_a_pattern_with_a_kept_form_is_not_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    from appraisal.text import lazy_regex

    if not lazy_regex.FORMS_TAG:
        pytest.skip("not CPython's regex compiler")
    monkeypatch.setattr(lazy_regex, "_known", {})
    monkeypatch.setattr(lazy_regex, "_made", {})
    monkeypatch.setattr(lazy_regex, "_keeping", False)
    source = r"(?<=[\u4e00-\u9fff\U00020000-\U0003ffff])(?P<n>[0-9]+)(?=个)"
    lazy_regex.use_compiled_forms({})
    first = lazy_compile(source)
    assert first.search("建成12个").group("n") == "12"  # type: ignore[union-attr]
    kept = lazy_regex.new_compiled_forms()
    assert list(kept) == [(source, 0)]

    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda s, flags=0: calls.append(s) or real(s, flags))
    monkeypatch.setattr(lazy_regex, "_made", {})
    lazy_regex.use_compiled_forms(kept)  # as the next process does
    again = lazy_compile(source)
    assert again.search("建成12个").group("n") == "12"  # type: ignore[union-attr]
    assert again.groupindex == {"n": 1} and calls == []
    assert lazy_regex.new_compiled_forms() == {}  # nothing new to keep


def test_a_form_the_matcher_refuses_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from appraisal.text import lazy_regex

    if not lazy_regex.FORMS_TAG:
        pytest.skip("not CPython's regex compiler")
    monkeypatch.setattr(lazy_regex, "_known", {("a+", 0): (32, [1, 2, 3], 0, {}, (None,))})
    monkeypatch.setattr(lazy_regex, "_made", {})
    monkeypatch.setattr(lazy_regex, "_keeping", True)
    assert lazy_compile("a+").findall("caaab") == ["aaa"]
    assert ("a+", 0) in lazy_regex.new_compiled_forms()  # the right form, to be written over the bad one
