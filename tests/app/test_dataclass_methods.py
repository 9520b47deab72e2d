"""The methods of a dataclass made from kept code are the methods `dataclasses` makes by itself: the same code,
the same annotations, the same behaviour."""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Iterator

import pytest

from appraisal.app import dataclass_methods

METHODS = ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__", "__delattr__")


def make() -> type:
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: list[str] = dataclasses.field(default_factory=list)
        z: str = "零"

    return Point


@pytest.fixture
def kept_code(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`dataclass_methods` installed for this test only."""
    monkeypatch.setattr(dataclass_methods, "_known", {})
    monkeypatch.setattr(dataclass_methods, "_made", {})
    if not dataclass_methods._writes_with_exec():
        pytest.skip("this Python's dataclasses do not write methods with exec")
    try:
        yield
    finally:
        if vars(dataclasses).get("exec") is dataclass_methods._exec:
            del dataclasses.exec  # type: ignore[attr-defined]


def test_methods_from_kept_code_are_those_dataclasses_makes(kept_code: None) -> None:
    plain = make()
    dataclass_methods.use_kept_code({})
    compiled = make()  # compiled here and noted
    made = dataclass_methods.new_code()
    assert len(made) >= len(METHODS)
    dataclass_methods._made.clear()
    dataclass_methods.use_kept_code(marshal.loads(marshal.dumps(made)))  # as the next process reads them
    kept = make()
    assert dataclass_methods.new_code() == {}  # nothing compiled: all from the kept code
    for name in METHODS:
        codes = [vars(cls)[name].__code__ for cls in (plain, compiled, kept)]
        assert codes[0] == codes[1] == codes[2], name
        assert vars(plain)[name].__annotations__ == vars(kept)[name].__annotations__, name
    a, b = kept(1, ["一"]), kept(2)
    assert repr(a) == "make.<locals>.Point(x=1, y=['一'], z='零')"
    assert (a == kept(1, ["一"]), a < b, b.z) == (True, True, "零")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 3  # type: ignore[misc]


def test_other_sources_and_code_objects_are_run_as_exec_runs_them(kept_code: None) -> None:
    dataclass_methods.use_kept_code({"x = 1": "not code", 2: compile("x = 2", "<string>", "exec")})
    assert dataclass_methods._known == {}  # what is not source → code is never used
    space: dict[str, object] = {}
    dataclass_methods._exec(compile("x = 3", "<string>", "exec"), space)
    dataclass_methods._exec("y = x + 1", space)
    assert (space["x"], space["y"]) == (3, 4)
