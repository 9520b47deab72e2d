"""The editor's keys and its commands in the palette, as tables: `EditorScreen` states them as its `BINDINGS` and
`PALETTE`, which the key bar, F1 and the command palette read (`tui.palette`)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Most important first: the key bar shows them in this order and, at 80 columns, only the first few.
BINDINGS: list[BindingType] = [
    Binding("f3", "edit_profile", "个人信息", priority=True),
    Binding("f5", "review", "审阅", priority=True),
    Binding("f6", "export", "导出", priority=True),
    Binding("f7", "history", "历史", priority=True),
    Binding("f9", "toggle_guidance", "指导"),
    Binding("f4", "show_findings", "问题"),
    Binding("f8", "external_editor", "外部编辑"),
    Binding("f2", "focus_sections", "栏目"),
    Binding("ctrl+s", "save", "保存"),
    # Section changes are priority bindings: the app acts on them before it passes on the keys typed after
    # them. Otherwise, while the app is busy, those keys reach the text area first and go into the old section.
    Binding("alt+down", "next_section", "下一栏", priority=True),
    Binding("alt+up", "previous_section", "上一栏", priority=True),
    Binding("ctrl+pagedown", "next_section", "下一栏", show=False, priority=True),
    Binding("ctrl+pageup", "previous_section", "上一栏", show=False, priority=True),
    # In a browser tab (`appraisal serve`) xterm.js sends Alt+↓/↑ as Ctrl+↓/↑ except on macOS, and the browser
    # keeps Ctrl+PgDn/PgUp for its own tabs: without these the key bar's Alt+↓ did nothing there.
    Binding("ctrl+down", "next_section", "下一栏", show=False, priority=True),
    Binding("ctrl+up", "previous_section", "上一栏", show=False, priority=True),
    Binding("ctrl+o", "close_draft", "其他草稿", priority=True),
    Binding("ctrl+g", "move_block", "移到其他栏目", priority=True),
    Binding("ctrl+f", "find", "查找", show=False, priority=True),
    Binding("escape", "back_to_text", "回到正文", show=False),
    Binding("ctrl+n", "add_note", "记素材", show=False, priority=True),
    Binding("ctrl+t", "assist", "写作助手", show=False, priority=True),
]
PALETTE: dict[str, tuple[str, str]] = {
    "save": ("保存", "立即保存草稿"),
    "save_as": ("另存为…", "把草稿保存为另一个文件"),
    "next_section": ("下一栏", "转到下一个栏目"),
    "previous_section": ("上一栏", "转到上一个栏目"),
    "focus_sections": ("栏目列表", "把焦点移到左侧栏目列表"),
    "edit_profile": ("个人信息与标题", "修改姓名、单位、职务、考核年度和标题"),
    "review": ("审阅全文", "查看全文的检查结果并逐条定位"),
    "export": ("导出", "导出为 Word、纯文本、Markdown 或 HTML"),
    "history": ("历史版本", "查看、预览并恢复以前的版本"),
    "external_editor": ("用外部编辑器编辑本栏", "用 $EDITOR 编辑本栏，适合输入法出问题时"),
    "toggle_guidance": ("显示或隐藏写作指导", "切换右侧的指导面板"),
    "show_findings": ("本栏问题", "显示本栏的检查结果，回车跳到原文"),
    "close_draft": ("打开其他草稿", "保存并回到开始页"),
    "move_block": ("移到其他栏目…", "把光标所在段落（或选中的几段）移到另一个栏目的末尾"),
    "find": ("查找…", "在全文中查找字词，列出各处位置，回车跳到原文"),
    "assist": ("写作助手", "请自行配置的模型润色、扩写、压缩本栏或据素材起草（先显示要发送的内容）"),
    "take_unmatched": ("未归类内容…", "查看导入时未能归入栏目的文字，移入本栏"),
    "add_note": ("记一条素材", "把一件事记入本栏的全年素材（素材页中回车插入到光标处）"),
}
"""Action → title and help text in the command palette (the keys that run each are read from BINDINGS)."""
