"""Fuzzing draft loading beyond `test_fuzz.py`: JSON that is valid but hostile (numbers of thousands of
digits, arrays nested thousands deep, escaped lone surrogates and NULs, hostile text in every field). Loading gives
a draft or one clear sentence naming the file, never writes, and a draft it gives survives a save and a load."""

from __future__ import annotations

import json
from pathlib import Path

from fuzzing import fuzz, nasty_text, one_clear_sentence
from hypothesis import example, given
from hypothesis import strategies as st

from appraisal.errors import AppraisalError
from appraisal.store import list_history, load_draft, save_draft

hostile_text = nasty_text(surrogates=True, max_pieces=10)
hostile_json = st.recursive(
    # Finite floats only: Infinity and NaN are not JSON, and pydantic writes them back as null (an unknown field
    # holding one, which only a hand-edited file can have, loses that value on the next save).
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)


def draft_json(draw_text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {"schema": st.sampled_from([0, 1]), "template": st.sampled_from(["cadre-annual", "duty-report"])},
        optional={
            "title": draw_text,
            "profile": st.fixed_dictionaries(
                {},
                optional={
                    "name": draw_text,
                    "unit": draw_text,
                    "year": st.one_of(st.integers(), st.none()),
                    "extra": hostile_json,
                },
            ),
            "sections": st.dictionaries(st.sampled_from(["conduct", "study", "intro", "x/../y"]), draw_text),
            "unmatched": draw_text,
            "revision": st.integers(min_value=0, max_value=10**6),
            "id": draw_text,
            "extra": hostile_json,
        },
    )


def _load_and_check(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    try:
        draft = load_draft(path)
    except AppraisalError as exc:
        one_clear_sentence(exc.message)
        assert str(path) in exc.message
    else:
        copy = path.with_name("副本.json")
        copy.unlink(missing_ok=True)
        save_draft(draft, copy)
        again = load_draft(copy)
        assert again.sections == draft.sections
        assert again.title == draft.title and again.profile == draft.profile
    assert path.read_bytes() == raw, "loading never writes"
    assert list_history(path) == []


@fuzz(150)
@given(draft_json(hostile_text), st.booleans())
@example({"schema": 1, "template": "cadre-annual", "title": "a\x00b", "sections": {"conduct": "\ud800"}}, True)
@example({"schema": 0, "template": "cadre-annual", "extra": {"\ud800": None}}, True)  # could not be saved
def test_hostile_drafts_load_or_are_refused(tmp_path: Path, data: dict[str, object], ascii_only: bool) -> None:
    _load_and_check(tmp_path / "草稿.json", json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass"))


def test_numbers_too_long_and_nesting_too_deep_are_refused(tmp_path: Path) -> None:
    """Both ended `load_draft` with a traceback: int() refuses more than 4300 digits (ValueError, not a
    JSONDecodeError) and the decoder recurses once per level (RecursionError)."""
    head = b'{"schema": 1, "template": "cadre-annual", '
    for name, raw in {
        "digits": head + b'"revision": ' + b"9" * 5000 + b"}",
        "nesting": head + b'"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "nesting-objects": head + b'"x": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}",
    }.items():
        path = tmp_path / f"{name}.json"
        _load_and_check(path, raw)
        try:
            load_draft(path)
        except AppraisalError as exc:
            assert "JSON" in exc.message
        else:
            raise AssertionError(f"{name} loaded")
