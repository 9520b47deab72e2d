"""The user's settings as the application layer holds them: read once from `config.toml` (`Settings.load`) and
passed down; and the rule tiers the editor runs while typing and when idle."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from appraisal.checks import (
    DEFAULT_OPTIONS,
    FAST,
    IDLE,
    RULES,
    CheckOptions,
)

if TYPE_CHECKING:
    from appraisal.config import AssistConfig, Config


@dataclass(frozen=True)
class Settings:
    """The user's settings, resolved once. `unknown_rules`: names switched off in config.toml that are no rule
    (the faces tell the user they are ignored)."""

    checks: CheckOptions = DEFAULT_OPTIONS
    run_in_headings: bool | None = None  # export: run-in level-2 headings; None leaves it to the template
    unknown_rules: tuple[str, ...] = ()
    assist: AssistConfig | None = None  # the model for drafting help; None: nothing is ever sent

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """`config.toml` (default: the user's config dir), or the defaults when there is none (then the settings'
        pydantic models are not loaded: ~10 ms of every command)."""
        from appraisal import config

        path = path or config.config_path()
        if not os.path.lexists(path):
            return cls()  # what `from_config` makes of an empty file
        return cls.from_config(config.load_config(path))

    def notices(self) -> list[str]:
        """What both faces say about the settings, one sentence each: rules switched off there that do not exist."""
        return [f"设置中停用的检查规则“{name}”不存在，已忽略。" for name in self.unknown_rules]

    @classmethod
    def from_config(cls, config: Config) -> Settings:
        disabled = frozenset(config.checks.disabled)
        checks = CheckOptions(
            disabled=disabled,
            extra_words=MappingProxyType(dict(config.checks.extra_words)),
            allowed_words=frozenset(config.checks.allowed_words),
        )
        return cls(
            checks=checks,
            run_in_headings=config.export.run_in_headings,
            unknown_rules=tuple(sorted(disabled - set(RULES))),
            assist=config.assist,
        )


TYPING = frozenset({FAST})
"""The rules the editor runs on every pause in typing (≤ 5 ms for 3,000 字)."""
WHEN_IDLE = frozenset({IDLE})
"""The dictionary rules, run off the UI thread once typing stops."""
