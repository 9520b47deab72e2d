"""A list of names reads as that many names: with 、 between them, or each in 「」 when one holds a 、 itself."""

from __future__ import annotations

from appraisal.text.lists import name_list


def test_names_without_a_comma_of_their_own_are_joined_with_it() -> None:
    assert name_list(["品行修养", "理论学习"]) == "品行修养、理论学习"
    assert name_list([]) == ""


def test_a_name_that_holds_a_comma_puts_every_name_in_brackets() -> None:
    names = ["党建工作", "有潜在、长远效应基础工作实绩"]
    assert name_list(names) == "「党建工作」「有潜在、长远效应基础工作实绩」"
