"""The small dialogs (`appraisal.tui.screens.dialogs`), loaded when the first one is opened: building their classes
(Textual's buttons and input line, the file picker) takes 10–40 ms that opening a draft does without before its
first frame. Use `dialogs.MessageScreen(...)` after `from appraisal.tui.screens.lazy_dialogs import dialogs`: the
module is imported on the first attribute asked of `dialogs`, and type checkers see the module itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from appraisal.tui.screens import dialogs as dialogs
else:

    class _OnFirstUse:
        def __getattr__(self, name: str) -> Any:
            from appraisal.tui.screens import dialogs

            return getattr(dialogs, name)

    dialogs = _OnFirstUse()
