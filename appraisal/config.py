"""User settings: `<config dir>/config.toml`. Every key is optional; a malformed file is named in the error."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from appraisal import paths
from appraisal.errors import AppraisalError, describe_validation_error

CONFIG_FILE = "config.toml"


class ChecksConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    disabled: list[str] = Field(default_factory=list, description="rule names to switch off")
    extra_words: dict[str, str] = Field(default_factory=dict, description="the user's words to flag: word → message")
    allowed_words: list[str] = Field(default_factory=list, description="words no rule may flag")


class ExportConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    run_in_headings: bool | None = Field(default=None, description="override the template's run-in level-2 headings")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    checks: ChecksConfig = Field(default_factory=ChecksConfig)
    export: ExportConfig = Field(default_factory=ExportConfig)


def config_path() -> Path:
    return paths.config_dir() / CONFIG_FILE


def load_config(path: Path | None = None) -> Config:
    """The user's settings, or the defaults when there is no config file."""
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise AppraisalError(f"无法读取设置文件 {path}：{exc}。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise AppraisalError(f"设置文件 {path} 格式有误：{exc}。") from exc
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise AppraisalError(f"设置文件 {path} 有误，{describe_validation_error(exc)}。") from exc
