"""Memos of the functions that reason with a model of the language (`Language`, `CharNgrams`): a bounded memo per
model object, dropped with the model. `functools.lru_cache` on such a function kept every model it was called
with alive until its entries were evicted (a test that loads the model again, a dictionary rebuilt)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

R = TypeVar("R")


class _Nothing:
    pass


_GONE = weakref.ref(_Nothing())  # a reference whose object is gone: it gives None


def per_model(maxsize: int, models: int = 1) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorate a function whose first `models` arguments are models: its results are kept (the latest `maxsize`
    each) in a memo that belongs to those model objects, held weakly, and is freed when one of them is."""

    def decorate(function: Callable[..., R]) -> Callable[..., R]:
        memos: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        # The models of the last call and their memo, all weakly held: a check asks with the same models thousands
        # of times, and two look-ups in weak dictionaries (Python code) cost more than most answers.
        last: list[Any] = [_GONE, _GONE, _GONE]

        @wraps(function)
        def memoised(*args: Any) -> R:
            first, second, kept = last
            if first() is args[0] and (models == 1 or second() is args[1]):
                memo = kept()
                if memo is not None:
                    return memo(*args[models:])
            level = memos
            for model in args[: models - 1]:
                inner = level.get(model)  # not `or`: an empty weak dictionary is false, and its len() costs
                if inner is None:
                    inner = level[model] = weakref.WeakKeyDictionary()
                level = inner
            memo = level.get(args[models - 1])
            if memo is None:
                held = [weakref.ref(model) for model in args[:models]]  # the memo must not hold its models

                def compute(*rest: Any) -> R:
                    return function(*(ref() for ref in held), *rest)

                memo = level[args[models - 1]] = lru_cache(maxsize=maxsize)(compute)
            last[:] = [weakref.ref(args[0]), weakref.ref(args[1]) if models > 1 else _GONE, weakref.ref(memo)]
            return memo(*args[models:])

        return memoised

    return decorate
