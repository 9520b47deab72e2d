"""What is sent to the model: our own prompt, in Chinese, for 公文 style and the section's guidance, telling the
model to use only the facts given (the section's text and its notes). Nothing else of the draft is sent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from appraisal.draft import count_zi
from appraisal.errors import AppraisalError
from appraisal.templates import Template

TASKS = {"polish": "润色", "expand": "扩写", "condense": "压缩", "from-notes": "据素材起草"}
MAX_GUIDANCE_CHARS = 800

SYSTEM_PROMPT = (
    "你是机关单位的文字材料助手，帮助干部撰写年度考核个人总结中的一个栏目。要求：\n"
    "1. 使用规范的公文语体，平实、准确、简洁，不用夸张修辞、排比堆砌和网络用语；\n"
    "2. 只能使用用户给出的原文和素材中已有的事实，不得编造、推测或补充任何数字、日期、人名、单位名称、"
    "具体事例和提法；事实不够时宁可写得简短，或用“【待补充：……】”标出需要本人补充的地方；\n"
    "3. 以第一人称“本人”或“我”的口吻写；\n"
    "4. 只输出这个栏目的正文，不要标题、不要解释说明、不要 Markdown 标记。"
)


@dataclass(frozen=True)
class AssistRequest:
    """One request: the task, the section, the text and notes it is built from, and the messages sent."""

    task: str
    section_id: str
    section_title: str
    current: str
    notes: tuple[str, ...]
    guidance: str  # the part of the section's guidance sent with it
    messages: tuple[tuple[str, str], ...]  # (role, content)

    def shown(self) -> str:
        """The messages as the user reads them before anything is sent."""
        labels = {"system": "【给模型的要求】", "user": "【发送的内容】"}
        return "\n\n".join(f"{labels.get(role, role)}\n{content}" for role, content in self.messages)

    def sent_text(self) -> str:
        """Everything the user's message carries (title, guidance, text, notes), as one text to screen."""
        return "\n".join(content for role, content in self.messages if role != "system")

    def payload_messages(self) -> list[dict[str, str]]:
        return [{"role": role, "content": content} for role, content in self.messages]


def _what_to_write(guidance: str) -> str:
    """The `## 写什么` part of a section's guidance (not its example, whose figures a model would copy)."""
    match = re.search(r"^##\s*写什么\s*\n(.*?)(?=^##\s|\Z)", guidance, flags=re.MULTILINE | re.DOTALL)
    text = (match.group(1) if match else "").strip()
    return text[:MAX_GUIDANCE_CHARS]


def _instruction(task: str, current_zi: int, min_chars: int, max_chars: int | None) -> str:
    limit = f"，不超过 {max_chars} 字" if max_chars else ""
    if task == "polish":
        return (
            "请在不改变原意和事实的前提下润色下面的栏目原文：理顺语句，统一用语，改正错别字和标点，字数与原文大致相当。"
        )
    if task == "expand":
        target = max(min_chars, current_zi * 3 // 2)
        if max_chars:
            target = min(target, max_chars)
        return (
            f"请把下面的栏目原文扩写到约 {target} 字{limit}：在原文已有事实的基础上，把做法和成效写具体，"
            "可以使用所附素材中的事实，不得添加原文和素材中都没有的事实。"
        )
    if task == "condense":
        target = max(min_chars, current_zi * 3 // 5)
        return f"请把下面的栏目原文压缩到约 {target} 字：保留最重要的事实和数字，删去套话和重复的话。"
    span = f"{min_chars}～{max_chars} 字" if max_chars else f"不少于 {min_chars} 字"
    return f"请根据所附工作素材为这个栏目起草正文，{span}。素材以外的事实一律不写。"


def build_request(task: str, template: Template, section_id: str, current: str, notes: list[str]) -> AssistRequest:
    """The request for `task` on one section. Refuses a task that has nothing to work on."""
    if task not in TASKS:
        raise AppraisalError(f"没有“{task}”这种写作帮助，可选：{'、'.join(f'{k}（{v}）' for k, v in TASKS.items())}。")
    section = template.section(section_id)
    if task == "from-notes" and not notes:
        raise AppraisalError(
            f"“{section.title}”还没有素材，无法据素材起草；请先用“appraisal note add 内容 --section {section_id}”记录。"
        )
    if task != "from-notes" and not current.strip():
        raise AppraisalError(f"“{section.title}”还是空的，无法{TASKS[task]}；可改用“据素材起草”（from-notes）。")
    parts = [f"栏目：{section.title}"]
    guidance = _what_to_write(template.guidance(section_id))
    if guidance:
        parts.append(f"本栏目的撰写要求：\n{guidance}")
    parts.append(f"任务：{_instruction(task, count_zi(current), section.min_chars, section.max_chars)}")
    if current.strip():
        parts.append(f"原文：\n{current.strip()}")
    if notes:
        parts.append("工作素材（每条一行）：\n" + "\n".join(f"- {note}" for note in notes))
    messages = (("system", SYSTEM_PROMPT), ("user", "\n\n".join(parts)))
    return AssistRequest(task, section_id, section.title, current, tuple(notes), guidance, messages)
