"""Help (F1): what each key does, and how the editor keeps text safe."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from appraisal.tui.widgets.chinese_markdown import ChineseMarkdown

HELP_TEXT = """\
# 使用帮助

## 编辑
- **Alt+↓** 或 **Ctrl+PgDn**：下一栏；**Alt+↑** 或 **Ctrl+PgUp**：上一栏
- **F2**：到左侧栏目列表，用方向键选择、回车进入
- **Ctrl+Home** / **Ctrl+End**：到本栏开头 / 末尾；进入一栏时光标回到上次离开的位置，第一次进入时在末尾
- **F3**：个人信息与标题（姓名、单位、职务、考核年度）
- **Ctrl+S**：立即保存
- **F4**：显示本栏问题（检查结果），选中一条按回车跳到原文
- **F5**：审阅全文的检查结果，回车跳到原文，按 F 自动修正
- **F6**：导出为 Word、纯文本、Markdown、HTML
- **F7**：历史版本，预览并恢复
- **F8**：在外部编辑器（环境变量 EDITOR）中编辑本栏，输入法有问题时使用
- **F9**：显示或隐藏写作指导；用 Tab 键移到指导面板上方的标签后，按 ←/→ 在“写作指导”“本栏问题”“去年内容”之间切换
- **Ctrl+G**：把光标所在段落（或选中的几段）移到另一个栏目的末尾，用于纠正导入时放错栏目的内容
- 导入时未能归入栏目的文字：按 Ctrl+P，选“未归类内容…”，移入本栏
- **Ctrl+O**：回到开始页，打开其他草稿
- **Ctrl+P**：命令面板，列出全部操作
- **Ctrl+Q**：保存并退出

## 文字安全
- 停止输入约 1 秒后自动保存，连续输入时至少每 2 秒保存一次；切换栏目和退出时也会保存。
- 状态栏显示“已保存 时:分:秒”或“未保存”。保存失败时文字仍留在编辑器中，并会再次尝试；也可以“另存为”。
- 每次保存都会留下历史版本，可按 F7 恢复。
- 任何时候都可以在栏目之间自由切换，检查结果只作提醒，不会阻止操作。

## 开始页
按 R 继续最近的草稿；回车打开所选草稿；按 N 新建；按 I 导入已有文档。

## 无法使用本界面时
用 `appraisal fill 草稿 --plain` 逐栏以文字问答方式填写，适合读屏软件和脚本。

按 Esc 或 F1 关闭帮助。
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "关闭帮助")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(ChineseMarkdown(HELP_TEXT))  # lines broken by the Chinese rules

    def action_close(self) -> None:
        self.dismiss(None)
