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

## 写作
- 在中间的正文框中直接输入，每段一行；焦点在左侧栏目列表或右侧面板上时打字，文字也进入正文
- **Alt+↓ 下一栏**（或 **Ctrl+PgDn**、**Ctrl+↓**）；**Alt+↑ 上一栏**（或 **Ctrl+PgUp**、**Ctrl+↑**）
- **F2 栏目**：到左侧栏目列表，用方向键选择、回车进入
- **Ctrl+Home** / **Ctrl+End**：到本栏开头 / 末尾；**Home** / **End**：到行首 / 行尾；进入一栏时光标回到
  上次离开的位置，第一次进入时在末尾
- **Ctrl+A 全选**：选中本栏全部文字（只是本栏）；接着输入即替换，按一次 Ctrl+Z 恢复原文
- **Ctrl+Z**：撤销；**Ctrl+Y**：重做（替换选中的文字算一步，撤销后回到替换前的原文）
- **Ctrl+S 保存**：立即保存
- **Ctrl+F 查找**：在全文中查找字词，列出各处位置，回车跳到原文（先选中字词再按，即查找它）
- **Esc**：从栏目列表或右侧面板回到正文；在对话框中关闭对话框，已输入尚未确认的内容会先问是否放弃

## 右侧面板
- **F9 指导**：显示或隐藏右侧面板；用 Tab 键移到面板上方的标签后，按 ← 或 → 在四页之间切换：
  - “指导”：本栏怎么写
  - “问题”：本栏的检查结果及条数
  - “去年”：上一年度同一栏的文字
  - “素材”：本栏平时记下的素材和去年计划
- **F4 问题**：打开“问题”页，选中一条按回车跳到原文；缺少的内容（如缺数字）跳到应补写的位置
- “素材”页：选中一条按回车插入到光标处；去年计划按空格勾选
- **Ctrl+N 记素材**：把一件事记入本栏的全年素材（可在开头写日期，如 3月5日；不写则记为今天）

## 其他操作
- **F3 个人信息**：姓名、单位、职务、考核年度和标题；回车到下一项，在最后一项回车或按 Ctrl+S 保存
- **F5 审阅**：全文的检查结果，回车跳到原文，按 F 自动修正
- **F6 导出**：导出为 Word、纯文本、Markdown、HTML；空格勾选格式，回车导出
- **F7 历史**：历史版本，预览并恢复
- **F8 外部编辑**：在外部编辑器（环境变量 EDITOR）中编辑本栏，输入法有问题时使用
- **Ctrl+T 写作助手**：请自行配置的模型润色、扩写、压缩本栏或据素材起草（先显示要发送的内容）
- **Ctrl+G 移到其他栏目**：把光标所在段落（或选中的几段）移到另一个栏目的末尾，用于纠正导入时放错栏目的内容
- 导入时未能归入栏目的文字：按 Ctrl+P，选“未归类内容…”，移入本栏
- 另存为：按 Ctrl+P，选“另存为…”；只写文件名时保存在草稿所在的文件夹
- **Ctrl+O 其他草稿**：回到开始页，打开其他草稿
- **Ctrl+P 命令**：命令面板，列出全部操作
- **Ctrl+Q 退出**：保存并退出

## 文字安全
- 停止输入约 1 秒后自动保存，连续输入时至少每 2 秒保存一次；切换栏目和退出时也会保存。
- 状态栏显示“已保存 时:分:秒”或“未保存”。保存失败时文字仍留在编辑器中，并会再次尝试；也可以“另存为”。
- 每次保存都会留下历史版本，可按 F7 恢复。
- 任何时候都可以在栏目之间自由切换，检查结果只作提醒，不会阻止操作。

## 开始页
运行 `appraisal` 时直接继续最近保存的草稿；在开始页按 R 继续最近的草稿，回车打开所选草稿，按 N 新建，
按 I 导入已有文档。“已写”一列是写了几栏、其中几栏字数偏短。

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
