"""`verbatim_spans`: the text inside cited titles and quoted names, which no fix rewrites."""

from __future__ import annotations

import pytest

from appraisal.text.verbatim import verbatim_spans


def _texts(line: str) -> list[str]:
    return [line[start:end] for start, end in verbatim_spans(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("编制《区发展规划（2021-2025年）》，全年完成。", ["区发展规划（2021-2025年）"]),
        ("学习《中共中央 国务院关于扎实推进乡村全面振兴的意见》。", ["中共中央 国务院关于扎实推进乡村全面振兴的意见"]),
        ("《关于印发〈办法〉的通知》和《条例》", ["关于印发〈办法〉的通知", "条例"]),
        ("践行“马上就办 真抓实干”，推行‘三沟通’机制。", ["马上就办 真抓实干", "三沟通"]),
        ("他说：“今年完成了任务，明年还要努力。”", []),  # a quoted sentence is the writer's own
        ("“打造生态魏庄,共建美丽家园”", []),
        ("“苍溪县创新建立‘五督八必三廉勤’监督机制，解决问题。”", ["五督八必三廉勤"]),
        ("没有书名号的一行，2021-2025年。", []),
        ("《" + "长" * 120 + "》", []),  # a 《 closed this far on is a slip, not a title
    ],
)
def test_spans(line: str, expected: list[str]) -> None:
    assert _texts(line) == expected


def test_spans_come_in_order_and_leave_the_marks_out() -> None:
    line = "按《A规划》和“两个确保”推进，落实《B办法》。"
    spans = verbatim_spans(line)
    assert spans == sorted(spans)
    assert [line[start - 1] + line[end] for start, end in spans] == ["《》", "“”", "《》"]
