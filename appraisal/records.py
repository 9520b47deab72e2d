"""Plain classes for the draft and the template: read without pydantic when what is read is well formed.

Importing pydantic and building the models took about 100 ms of CPU in every `appraisal check` and before the
editor's first frame (more than the checker's own start or the rest of the first frame). A `Record` states its
fields and reads a mapping itself (`_read`) only when the mapping is certainly valid, with exact types: a string
where a string belongs, an int that is no bool, a pattern that matches. Anything else — a number written as a
string, a missing field, a half-written or hostile file — goes to the class's pydantic twin in `appraisal.schemas`
(the models as they were), which gives the very values (coerced as pydantic coerces) or the very error it always
gave. The same holds for writing: `model_dump(mode="json")` is done here unless a value is one pydantic writes in
its own way (a lone surrogate, a float that is not finite, a type JSON lacks), and then by the twin.

Each class keeps the part of pydantic's interface the program and its tests use: keyword construction,
`model_validate`, `model_dump`, `model_copy`, `model_extra`, equality (and a hash for a frozen class); a frozen
one refuses assignment. (JSON text is written by `json.dumps` of `model_dump(mode="json")`, as the store does.)
"""

from __future__ import annotations

import copy
import importlib
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Self

__all__ = ["Record", "is_int", "is_str", "is_word", "plain_keys", "str_tuple"]

_SCHEMAS = "appraisal.schemas"
_SURROGATE = re.compile("[\ud800-\udfff]")
_twin_of: dict[type[Record], type[Any]] = {}  # plain class → its pydantic model (once `appraisal.schemas` is loaded)
_plain_of: dict[type[Any], type[Record]] = {}


def is_str(value: object) -> bool:
    return type(value) is str


def is_word(value: object) -> bool:
    """A non-empty string pydantic's core can hold: a constrained string (a length, a pattern) with a lone surrogate
    is refused there, where a plain one is kept as it is."""
    return type(value) is str and value != "" and _SURROGATE.search(value) is None


def plain_keys(data: Mapping[Any, Any]) -> bool:
    """Whether every key of a mapping read by hand is a string pydantic's core takes as a key: a lone surrogate in
    an unknown key is refused there (`{"\\ud800": 1}` in a profile), though kept in a plain string value."""
    return all(type(key) is str and _SURROGATE.search(key) is None for key in data)


def is_int(value: object) -> bool:
    """An int as pydantic takes it without coercing (a bool is not one)."""
    return type(value) is int


def str_tuple(value: object) -> tuple[str, ...] | None:
    """A list or tuple of strings as a tuple; None when it is anything else."""
    if type(value) not in (list, tuple) or not all(type(item) is str for item in value):  # type: ignore[attr-defined]
        return None
    return tuple(value)  # type: ignore[arg-type]


class Record:
    """A model class with pydantic's interface, read by hand when well formed and by its pydantic twin otherwise."""

    _FIELDS: ClassVar[tuple[str, ...]] = ()
    _ALIASES: ClassVar[dict[str, str]] = {}  # field → the key it is read under (and written under, by_alias)
    _EXCLUDED: ClassVar[frozenset[str]] = frozenset()  # fields never written (`Field(exclude=True)`)
    _EXTRA: ClassVar[bool] = False  # unknown keys kept (pydantic's extra="allow"); else refused by the twin
    _FROZEN: ClassVar[bool] = False
    _DEFAULTS: ClassVar[dict[str, Any]] = {}  # the value of each field a mapping may leave out, where fixed
    _KEYS: ClassVar[frozenset[str]] = frozenset()  # the keys the fields are read under (made for each class)
    _extra: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._KEYS = frozenset(cls._ALIASES.get(name, name) for name in cls._FIELDS)

    def __init__(self, **data: Any) -> None:
        fields, extra = self._validated(data)
        self._fill(fields, extra)

    # ---------------------------------------------------------------- reading

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The fields and the unknown keys of `data` when it is certainly valid (exact types, constraints met);
        None sends it to the pydantic twin. Each class writes its own."""
        raise NotImplementedError

    @classmethod
    def _validated(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        read = cls._read(data) if plain_keys(data) else None
        if read is not None:
            return read
        twin = _twin(cls).model_validate({key: _to_twin(value) for key, value in data.items()})
        return _parts_of_twin(twin)

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """As pydantic's: an instance of the class is taken as it is; a mapping is read; anything else is refused
        (by the twin, with pydantic's error)."""
        if isinstance(obj, cls):
            return obj
        if not isinstance(obj, dict):
            fields, extra = _parts_of_twin(_twin(cls).model_validate(obj))
        else:
            fields, extra = cls._validated(obj)
        return cls._made(fields, extra)

    @classmethod
    def _made(cls, fields: dict[str, Any], extra: dict[str, Any] | None = None) -> Self:
        """An instance of values already read (no validation)."""
        made = cls.__new__(cls)
        made._fill(fields, {} if extra is None else extra)
        return made

    def _fill(self, fields: dict[str, Any], extra: dict[str, Any]) -> None:
        state = self.__dict__
        state.update(fields)
        state["_extra"] = extra

    def __setattr__(self, name: str, value: Any) -> None:
        if self._FROZEN:
            raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")
        object.__setattr__(self, name, value)

    # ---------------------------------------------------------------- writing

    @property
    def model_extra(self) -> dict[str, Any] | None:
        """The unknown keys kept (the dict itself, as pydantic gives it); None for a class that refuses them."""
        return self._extra if self._EXTRA else None

    def model_dump(
        self, *, mode: str = "python", by_alias: bool = False, exclude: set[str] | None = None
    ) -> dict[str, Any]:
        if mode == "json" and not _json_plain(self):
            return dict(_to_twin(self).model_dump(mode=mode, by_alias=by_alias, exclude=exclude))
        return self._dump(mode == "json", by_alias, exclude or set())

    def _dump(self, json: bool, by_alias: bool, exclude: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        state = self.__dict__
        for name in self._FIELDS:
            if name in self._EXCLUDED or name in exclude:
                continue
            out[self._ALIASES.get(name, name) if by_alias else name] = _dumped(state[name], json, by_alias)
        for key, value in self._extra.items():
            if key not in exclude:
                out[key] = _dumped(value, json, by_alias)
        return out

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """As pydantic's: no validation; `update` sets fields (or unknown keys, where kept) by name."""
        state = {name: self.__dict__[name] for name in self._FIELDS}
        extra = dict(self._extra)
        if deep:
            state, extra = copy.deepcopy(state), copy.deepcopy(extra)
        for key, value in (update or {}).items():
            if key in state or not self._EXTRA:
                state[key] = value
            else:
                extra[key] = value
        return type(self)._made(state, extra)

    # ---------------------------------------------------------------- comparing

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[name] for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values() and self._extra == other._extra

    def __hash__(self) -> int:
        if not self._FROZEN:
            raise TypeError(f"unhashable type: '{type(self).__name__}'")
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = [f"{name}={self.__dict__[name]!r}" for name in self._FIELDS if name not in self._EXCLUDED]
        shown += [f"{key}={value!r}" for key, value in self._extra.items()]
        return f"{type(self).__name__}({', '.join(shown)})"


def _dumped(value: Any, json: bool, by_alias: bool) -> Any:
    """A value as pydantic dumps it: records as dicts, containers copied, tuples as lists in JSON."""
    kind = type(value)
    if kind is dict:
        return {key: _dumped(item, json, by_alias) for key, item in value.items()}
    if kind is list or (kind is tuple and json):
        return [_dumped(item, json, by_alias) for item in value]
    if kind is tuple:
        return tuple(_dumped(item, json, by_alias) for item in value)
    if isinstance(value, Record):
        return value._dump(json, by_alias, set())
    return value


def _json_plain(value: Any) -> bool:
    """Whether pydantic writes `value` as JSON unchanged (so `_dumped` writes it alike): no lone surrogate (pydantic
    mangles one in a key), no float that is not finite (written as null), only the types JSON has."""
    kind = type(value)
    if kind is str:
        return _SURROGATE.search(value) is None
    if kind is int or kind is bool or value is None:
        return True
    if kind is float:
        return math.isfinite(value)
    if kind is dict:
        return all(type(key) is str and _json_plain(key) and _json_plain(item) for key, item in value.items())
    if kind is list or kind is tuple:
        return all(_json_plain(item) for item in value)
    if isinstance(value, Record):
        state = value.__dict__
        return all(_json_plain(state[name]) for name in value._FIELDS) and _json_plain(value._extra)
    return False


# ---------------------------------------------------------------- the pydantic twins


def _twin(cls: type[Record]) -> type[Any]:
    """The pydantic model of a plain class (importing `appraisal.schemas`, and pydantic, the first time)."""
    if cls not in _twin_of:
        schemas = importlib.import_module(_SCHEMAS)
        for plain, model in schemas.TWINS.items():
            _twin_of[plain] = model
            _plain_of[model] = plain
    return _twin_of[cls]


def _to_twin(value: Any) -> Any:
    """A value with every record in it made an instance of its twin (without validating: it was read before)."""
    if isinstance(value, Record):
        model = _twin(type(value))
        state = value.__dict__
        made = model.model_construct(**{name: _to_twin(state[name]) for name in value._FIELDS})
        if value._EXTRA:  # set apart: an unknown key may be named like model_construct's own `_fields_set`
            object.__setattr__(made, "__pydantic_extra__", {key: _to_twin(item) for key, item in value._extra.items()})
        return made
    return _inside(value, _to_twin)


def _from_twin(value: Any) -> Any:
    """A value the twin validated, with every model instance in it made a plain record."""
    plain = _plain_of.get(type(value))
    if plain is not None:
        return plain._made(*_parts_of_twin(value))
    return _inside(value, _from_twin)


def _inside(value: Any, convert: Callable[[Any], Any]) -> Any:
    """A dict, list or tuple with `convert` applied to each item (a dict's values); anything else as it is."""
    kind = type(value)
    if kind is dict:
        return {key: convert(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(convert(item) for item in value)
    return value


def _parts_of_twin(model: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    plain = _plain_of[type(model)]
    fields = {name: _from_twin(getattr(model, name)) for name in plain._FIELDS}
    extra = {key: _from_twin(value) for key, value in (model.__pydantic_extra__ or {}).items()}
    return fields, extra
