"""Hostile draft files: loading either gives a draft or one clear AppraisalError, and never writes."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from appraisal.errors import AppraisalError
from appraisal.store import list_history, load_draft, save_draft

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)

draft_like = st.fixed_dictionaries(
    {"template": st.one_of(st.just("cadre-annual"), st.text(max_size=10), st.integers())},
    optional={
        "schema": st.one_of(st.integers(-2, 3), st.text(max_size=3), st.booleans()),
        "profile": st.one_of(json_values, st.fixed_dictionaries({"year": st.one_of(st.integers(), st.text())})),
        "sections": st.one_of(json_values, st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=4)),
        "revision": json_values,
        "title": json_values,
    },
)


def _load_and_check(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    try:
        draft = load_draft(path)
    except AppraisalError as exc:
        assert str(path) in exc.message
        assert "\n" not in exc.message
    else:
        assert isinstance(draft.sections, dict)
        assert all(isinstance(v, str) for v in draft.sections.values())
    assert path.read_bytes() == raw
    assert list_history(path) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_random_bytes(tmp_path: Path, raw: bytes) -> None:
    _load_and_check(tmp_path / "fuzz.json", raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(json_values, draft_like))
@example(data={"template": "cadre-annual", "sections": {"\n": None}})  # a key in the message broke it in two lines
def test_random_json_shapes(tmp_path: Path, data: object) -> None:
    _load_and_check(tmp_path / "fuzz.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=2000))
def test_any_section_text_survives_a_save_and_load(tmp_path: Path, text: str) -> None:
    from appraisal.draft import Draft
    from appraisal.templates import load_template

    path = tmp_path / "round.json"
    path.unlink(missing_ok=True)
    draft = Draft.new(load_template("cadre-annual"), name=text[:10], year=2026)
    draft.sections["conduct"] = text
    save_draft(draft, path)
    loaded = load_draft(path)
    assert loaded.sections["conduct"] == text
    assert loaded.profile.name == text[:10]
