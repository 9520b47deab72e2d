"""The plain draft and template classes (`appraisal.records`) read and write exactly as their pydantic twins
(`appraisal.schemas`, the models as they were): for any input, the same values or the same error sentence, and the
same JSON; a well-formed draft or template is read without loading pydantic."""

from __future__ import annotations

import copy
import json
import math
import tomllib
from typing import Any, get_args

import pytest
from fresh_interpreter import loaded_after
from fuzzing import FIXTURES, fuzz, nasty_text
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from appraisal import templates
from appraisal.draft import AdoptedFact, Draft, Profile
from appraisal.errors import describe_validation_error
from appraisal.records import Record
from appraisal.schemas import TWINS, DraftSchema, TemplateSchema
from appraisal.templates import Section, Template

text = nasty_text(surrogates=True, max_pieces=4)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
# What code (never a JSON or TOML file) can put among the unknown keys: keys that are not strings, tuples, bytes, sets
# (of small ints: two sets equal but built in another order may print in another order, as -60 and 156 did).
code_value = st.recursive(
    json_value | st.binary(max_size=3) | st.frozensets(st.integers(0, 7), max_size=2) | st.just(1 + 2j),
    lambda inner: (
        st.tuples(inner, inner)
        | st.dictionaries(st.none() | st.booleans() | st.integers() | st.floats() | text, inner, max_size=3)
    ),
    max_leaves=4,
)
# A value where a field stands: mostly of the right type, sometimes one pydantic coerces or refuses.
number = st.integers(-3, 3000) | st.sampled_from([True, False, 2.0, 2.5, "12", "x", None, [], math.nan])
string = text | st.sampled_from([1, None, True, [], {}, b"x"])
flag = st.booleans() | st.sampled_from([0, 1, "true", "yes", None, 2])
strings = st.lists(text, max_size=3) | st.lists(string, max_size=2).map(tuple) | string


def _ids(names: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(names) | st.sampled_from(["A", "a..b", "a\n", "", "x/y", "é"]) | text


fact = st.fixed_dictionaries({}, optional={"kind": string, "text": string, "extra": json_value})
good_fact = st.fixed_dictionaries({"kind": text, "text": text}, optional={"extra": json_value})
profile = st.fixed_dictionaries(
    {}, optional={"name": string, "unit": string, "position": string, "year": number, "date": json_value}
)
good_profile = st.fixed_dictionaries(
    {}, optional={"name": text, "unit": text, "year": st.none() | st.integers(), "date": json_value}
)
any_draft = st.fixed_dictionaries(
    {},
    optional={
        "schema": number,
        "schema_": number,
        "id": string,
        "template": string,
        "profile": profile | json_value,
        "title": string,
        "sections": st.dictionaries(text, string, max_size=3) | json_value,
        "unmatched": string,
        "created": string,
        "updated": string,
        "revision": number,
        "unverified": st.dictionaries(text, st.lists(fact | json_value, max_size=3), max_size=2) | json_value,
        "extra": json_value,
        "_fields_set": json_value,
    },
)
well_formed_draft = st.fixed_dictionaries(  # what the program writes, and hand edits that keep the types
    {"template": text},
    optional={
        "schema": st.integers(0, 2),
        "id": text,
        "profile": good_profile,
        "title": text,
        "sections": st.dictionaries(text, text, max_size=3),
        "unmatched": text,
        "created": text,
        "updated": text,
        "revision": st.integers(),
        "unverified": st.dictionaries(text, st.lists(good_fact | fact, max_size=3), max_size=2),
        "extra": json_value,
        "made_in_code": code_value,
    },
)
section_data = st.recursive(
    st.fixed_dictionaries(
        {"id": _ids(["a", "b", "a.b", "a.c"]), "title": string},
        optional={
            "heading": flag,
            "required": flag,
            "min_chars": number,
            "max_chars": number,
            "aliases": strings,
            "keywords": strings,
            "extra": json_value,
        },
    ),
    lambda inner: st.fixed_dictionaries(
        {"id": _ids(["a", "b"]), "title": string, "children": st.lists(inner, max_size=3)}
    ),
    max_leaves=5,
)
any_template = st.fixed_dictionaries(
    {"id": _ids(["t", "cadre-annual"]), "name": string, "sections": st.lists(section_data, max_size=3)},
    optional={
        "description": string,
        "title": string,
        "max_chars": number,
        "run_in_headings": flag,
        "title_words": strings,
        "main_section": _ids(["a", "b", "a.b"]),
        "voice": st.sampled_from(["personal", "collective", "other", 1]),
        "signature": st.none() | st.lists(st.sampled_from(["unit", "name", "x", 1]), max_size=3) | string,
        "source": string,
        "extra": json_value,
    },
)


@st.composite
def good_sections(draw: st.DrawFn, parent: str = "", depth: int = 0) -> list[dict[str, Any]]:
    """Sections as a template file writes them: ids under their parent's (now and then one twice or off)."""
    made = []
    for name in draw(st.lists(st.sampled_from(["a", "b", "c-1", "d_2"]), min_size=1, max_size=3)):
        section: dict[str, Any] = {"id": f"{parent}.{name}" if parent else name, "title": draw(text.filter(bool))}
        for key, value in draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "heading": st.booleans(),
                    "required": st.booleans(),
                    "min_chars": st.integers(0, 900),
                    "max_chars": st.none() | st.integers(1, 900),
                    "aliases": st.lists(text, max_size=2),
                    "keywords": st.lists(text, max_size=2),
                },
            )
        ).items():
            section[key] = value
        if depth < 2 and draw(st.booleans()):
            section["children"] = draw(good_sections(section["id"], depth + 1))
        made.append(section)
    return made


well_formed_template = st.builds(
    lambda fields, sections: {**fields, "sections": sections},
    st.fixed_dictionaries(
        {"id": st.sampled_from(["t", "cadre-annual", "a-1_b"]), "name": text.filter(bool)},
        optional={
            "description": text,
            "title": text,
            "max_chars": st.none() | st.integers(1, 9000),
            "run_in_headings": st.booleans(),
            "title_words": st.lists(text, max_size=2),
            "main_section": st.sampled_from(["", "a", "b", "a.b"]),
            "voice": st.sampled_from(["personal", "collective"]),
            "signature": st.none() | st.lists(st.sampled_from(["unit", "name"]), max_size=3),
        },
    ),
    good_sections(),
)


# The dumps the program makes: the file's (by alias, JSON), the store's, the service's cache key; and of a deep copy.
DUMPS: tuple[dict[str, Any], ...] = (
    {"mode": "python", "by_alias": True},
    {"mode": "json", "by_alias": True},
    {"mode": "json"},
    {"mode": "python", "exclude": {"updated", "revision", "name"}},
)


def _outcome(model: Any, data: Any, made: frozenset[str]) -> tuple[Any, ...]:
    """What reading `data` gives: the error's sentence, or the values and the dumps (an exception a dump raises
    counted as what it gives); `made`: generated fields left out (an id, the time)."""
    try:
        read = model.model_validate(copy.deepcopy(data))
    except ValidationError as exc:
        return ("refused", describe_validation_error(exc))
    dumps = []
    for record in (read, read.model_copy(deep=True)):
        for kind in DUMPS:
            try:
                dumped = record.model_dump(**kind)
            except Exception as exc:
                dumps.append((type(exc), str(exc)))
                continue
            dumps.append({key: value for key, value in dumped.items() if key not in made})
    return ("read", repr(dumps))


def _same(plain: type[Record], twin: type[BaseModel], data: Any, made: frozenset[str] = frozenset()) -> None:
    assert _outcome(plain, data, made) == _outcome(twin, data, made)


@fuzz(300)
@given(well_formed_draft | any_draft)
@example({"template": "t", "profile": {"year": "2025"}, "revision": 2.0})
@example({"template": "t", "extra": {"k\udc80": 1}, "nan": math.nan})
@example({"template": "t", "profile": {"\ud800": 0}})  # an unknown key pydantic refuses (found by the fuzz run)
@example({"template": "t", "\udfff": ""})
@example({"template": "t", "schema_": 3})
@example({"template": "t", "unverified": {"s": [{"text": "35亿元", "kind": 10**5000}]}})
def test_a_draft_reads_and_writes_as_pydantic_did(data: dict[str, Any]) -> None:
    _same(Draft, DraftSchema, data, frozenset(key for key in ("id", "created", "updated") if key not in data))


@fuzz(100)
@given(well_formed_template | any_template)
@example({"id": "t", "name": "模板", "sections": [{"id": "a", "title": "甲", "max_chars": 5, "min_chars": 9}]})
@example({"id": "t", "name": "模板", "sections": [{"id": "a", "title": "甲"}, {"id": "a", "title": "乙"}]})
@example({"id": "t", "name": "模板", "sections": [{"id": "a", "title": "甲"}], "signature": "unit"})
@example({"id": "t", "name": "模板", "sections": [{"id": "a", "title": "\ud800"}]})
def test_a_template_reads_and_writes_as_pydantic_did(data: dict[str, Any]) -> None:
    _same(Template, TemplateSchema, data)


def test_records_made_in_code_are_taken_as_pydantic_took_them() -> None:
    """An instance given for a field is kept (pydantic revalidates none); given to a field it does not fit, or
    beside a bad value, pydantic says what it said before."""
    who = Profile(name="张三", date="2026年1月")
    draft = Draft(template="cadre-annual", profile=who)
    assert draft.profile is who and who.model_extra == {"date": "2026年1月"} and who.signed == "2026年1月"
    section = Section(id="a", title="甲")
    assert Template(id="t", name="模板", sections=(section,)).sections[0] is section
    for bad in ({"id": "../x"}, {"sections": ()}, {"name": ""}):
        with pytest.raises(ValidationError) as plain:
            Template(**{"id": "t", "name": "模板", "sections": (section,), **bad})
        with pytest.raises(ValidationError) as twin:
            TemplateSchema(**{"id": "t", "name": "模板", "sections": (TWINS[Section](id="a", title="甲"),), **bad})
        assert describe_validation_error(plain.value) == describe_validation_error(twin.value)
    fact = AdoptedFact(kind="数字", text="35亿元")
    assert Draft(template="t", unverified={"s": [fact, {"text": ""}]}).unverified == {"s": [fact]}


def test_copies_compare_hash_and_refuse_as_pydantic_models() -> None:
    draft = Draft(template="cadre-annual", sections={"a": "甲"}, future={"x": [1]})
    copied = draft.model_copy(deep=True)
    assert copied == draft and copied.sections is not draft.sections and copied.model_extra == {"future": {"x": [1]}}
    copied.sections["a"] = "乙"
    assert draft.sections["a"] == "甲" and copied != draft
    assert draft.model_copy(update={"title": "新"}).title == "新" and draft.title == ""
    template = templates.load_template("cadre-annual")
    assert hash(template) == hash(template.model_copy()) and template == template.model_copy()
    with pytest.raises(TypeError):
        template.name = "改"  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(draft)
    twin = DraftSchema.model_validate(draft.model_dump(by_alias=True))
    assert draft.model_dump(mode="json", by_alias=True) == json.loads(twin.model_dump_json(by_alias=True))


@pytest.mark.parametrize("data", [[], None, "年度总结", 2025, [("template", "t")], b"{}"])
def test_what_is_not_a_mapping_is_refused_as_pydantic_refused_it(data: Any) -> None:
    for plain, twin in TWINS.items():
        _same(plain, twin, data)


def test_each_plain_class_states_the_fields_of_its_twin() -> None:
    """A field added to a plain class and not to its pydantic twin (or the other way round) is read by one and
    dropped or refused by the other: the field lists, aliases, unwritten fields, unknown keys kept and frozenness
    are the same on both sides, and every plain class has a twin."""
    plain_classes = {cls for cls in Record.__subclasses__() if cls.__module__.startswith("appraisal.")}
    assert plain_classes == set(TWINS)
    for plain, twin in TWINS.items():
        fields = twin.model_fields
        assert tuple(fields) == plain._FIELDS, plain
        assert [name for name in plain.__annotations__ if not name.startswith("_")] == list(fields), plain
        assert {name: field.alias for name, field in fields.items() if field.alias} == plain._ALIASES, plain
        assert {name for name, field in fields.items() if field.exclude} == plain._EXCLUDED, plain
        assert (twin.model_config.get("extra") == "allow") == plain._EXTRA, plain
        assert bool(twin.model_config.get("frozen")) == plain._FROZEN, plain
        if plain._DEFAULTS:  # where a class states them (a draft's id and times are made for each)
            fixed = {name: field.default for name, field in fields.items() if not field.is_required()}
            assert fixed == plain._DEFAULTS, plain


def test_the_plain_template_allows_the_values_its_twin_allows() -> None:
    """A voice or signer added to one side only would be read by one path and refused by the other, and the fuzz
    run draws only the values it knows: the plain reader's lists are the twin's Literal types."""
    voice = TemplateSchema.model_fields["voice"].annotation
    signature = TemplateSchema.model_fields["signature"].annotation  # tuple[Literal[...], ...] | None
    assert get_args(voice) == templates.VOICES
    assert get_args(get_args(get_args(signature)[0])[0]) == templates.SIGNERS


def test_a_bug_in_reading_the_adopted_facts_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the adopted facts by hand hands the draft to pydantic only on what pydantic's validator turns into
    its own error (a ValueError); any other exception there is a bug and is raised, not retried quietly."""
    from appraisal import draft as draft_module

    def broken(value: object, facts: tuple[type, ...] = ()) -> dict[str, list[dict[str, str]]]:
        raise TypeError("a bug")

    monkeypatch.setattr(draft_module, "readable_facts", broken)
    with pytest.raises(TypeError, match="a bug"):
        Draft.model_validate({"template": "t", "unverified": {}})


@pytest.mark.parametrize("template_id", templates.template_ids())
def test_the_shipped_templates_are_read_without_pydantic(template_id: str) -> None:
    path = templates._builtin_paths()[template_id]
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert Template._read(raw) is not None, "a shipped template should never need pydantic"
    _same(Template, TemplateSchema, raw)


def test_a_check_and_a_well_formed_draft_load_no_pydantic(tmp_path: Any) -> None:
    """The point of the plain classes: `appraisal check` of a document or a draft, and opening a draft, run
    without importing pydantic (~100 ms of CPU) when nothing needs it."""
    draft = tmp_path / "草稿.json"
    code = (
        "import io, contextlib, os\n"
        f"os.environ['APPRAISAL_HOME'] = {str(tmp_path / 'home')!r}\n"
        "from pathlib import Path\n"
        "from appraisal import cli, draft, templates\n"
        "from appraisal.store import save_draft, load_draft\n"
        f"save_draft(draft.Draft.new(templates.load_template('cadre-annual'), name='张三'), Path({str(draft)!r}))\n"
        f"load_draft(Path({str(draft)!r}))\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    cli.main(['check', {str(draft)!r}, {str(FIXTURES / 'report.txt')!r}])\n"
    )
    assert loaded_after(code, ("pydantic", "appraisal.schemas", "appraisal.config_models")) == []
