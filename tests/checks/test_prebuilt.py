"""The prebuilt copies' format (`appraisal.checks.prebuilt`): a table of strings, kept as it is or as an item of a
kept tuple, is written as two texts and read back the same, in the same order; anything else is marshalled as it
is; a copy whose packed table is damaged is not trusted, and one written before tables were packed is read."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from appraisal import paths
from appraisal.checks import prebuilt


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()
    yield tmp_path / "cache"
    monkeypatch.delenv("APPRAISAL_HOME")
    paths.resolve()


TABLE = {"检\0院": "察", "\0察院": "检", "章": "彰樟", "zhang1": "章彰", "空": "", "𠀀": "𠀁"}


@pytest.mark.parametrize(
    "value",
    [
        TABLE,
        (b"bytes", TABLE, 3, [1, 2], {"a": 1}, {}, 2.5, {"行": "一\n二"}),  # numbers, an empty and a broken-line table
        {"a": "b\nc", "d": "e"},  # a line break inside: marshalled as it is
        {},
        {"a": ["b"]},
    ],
)
def test_what_is_kept_is_read_back_the_same_in_the_same_order(home: Path, value: Any) -> None:
    path = home / "kind-1-test.marshal"
    prebuilt.keep(path, "kind", value)
    read = prebuilt.read(path, "test", lambda found: found)
    assert read == value and repr(read) == repr(value)  # repr: every dict in the same order
    mapped = home / "mapped-1-test.marshal"
    prebuilt.keep_mapped(mapped, "mapped", value, [b"\x01" * 16])
    head = prebuilt.read_mapped(mapped, "test", lambda found, arrays: (found, [bytes(a) for a in arrays]))
    assert head is not None and repr(head[0]) == repr(value) and head[1] == [b"\x01" * 16]


def test_a_table_of_strings_is_kept_as_two_texts(home: Path) -> None:
    """What makes the reading fast: one decoding and one split of each text, not one UTF-8 string after another."""
    path = home / "kind-1-test.marshal"
    prebuilt.keep(path, "kind", (TABLE, 1))
    packed, number = marshal.loads(path.read_bytes())
    assert number == 1 and packed[0] == prebuilt.STRINGS and all(isinstance(text, bytes) for text in packed[1:])


@pytest.mark.parametrize(
    "damage",
    [
        (prebuilt.STRINGS, "一".encode("utf-16-le"), "二\n三".encode("utf-16-le")),  # two values for one key
        (prebuilt.STRINGS, b"\x00", b"\x00"),  # half a character
        (prebuilt.STRINGS, "a", "b"),  # not bytes
    ],
)
def test_a_damaged_table_is_not_trusted(home: Path, damage: tuple[Any, ...]) -> None:
    path = home / "kind-1-test.marshal"
    home.mkdir(mode=0o700)
    for value in (damage, (damage, 1)):
        path.write_bytes(marshal.dumps(value))
        assert prebuilt.read(path, "test", lambda found: found) is None  # the caller makes it again


def test_a_copy_written_before_tables_were_packed_is_read_as_it_is(home: Path) -> None:
    path = home / "kind-1-test.marshal"
    home.mkdir(mode=0o700)
    path.write_bytes(marshal.dumps((TABLE, 1)))
    assert prebuilt.read(path, "test", lambda found: found) == (TABLE, 1)
