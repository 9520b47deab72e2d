"""The memos of typo-in-context and real_word belong to the model they were made with: a model loaded again frees
the old one (with `functools.lru_cache` the old model stayed alive until its entries were evicted)."""

from __future__ import annotations

import gc
import weakref

from appraisal.checks import language
from appraisal.checks.real_word import misused
from appraisal.checks.typo_in_context import suspects


def test_a_model_loaded_again_frees_the_old_one_and_its_memos() -> None:
    old = language.language()
    assert [s.wrong for s in suspects("全面惯彻落实会议精神，在加上努力", old)] == ["惯"]  # both memos used
    assert list(misused("在县委的正确领到下", old)) != []
    gone = weakref.ref(old)
    try:
        language._load.cache_clear()
        del old
        gc.collect()
        assert gone() is None
        again = language.language()
        assert [s.wrong for s in suspects("全面惯彻落实会议精神", again)] == ["惯"]  # the new model memoises anew
    finally:
        language._load.cache_clear()  # the next tests load the model from the prebuilt copy, as before
