"""User settings: `<config dir>/config.toml`. Every key is optional; a malformed file is named in the error."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from appraisal import paths, toml_data
from appraisal.errors import AppraisalError, describe_validation_error
from appraisal.fileio import read_regular_file
from appraisal.text.lazy_regex import lazy_compile

CONFIG_FILE = "config.toml"


class ChecksConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    disabled: list[str] = Field(default_factory=list, description="rule names to switch off")
    extra_words: dict[str, str] = Field(default_factory=dict, description="the user's words to flag: word → message")
    allowed_words: list[str] = Field(default_factory=list, description="words no rule may flag")


class ExportConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    run_in_headings: bool | None = Field(default=None, description="override the template's run-in level-2 headings")


class AssistConfig(BaseModel):
    """Drafting help from a model the user runs or may use (an OpenAI-compatible chat endpoint). Absent: nothing
    is ever sent anywhere."""

    model_config = ConfigDict(extra="forbid")

    base_url: str = Field(min_length=1, description="the endpoint, e.g. http://10.0.0.5:8000/v1 (before /chat)")
    model: str = Field(min_length=1, description="the model name the endpoint expects")
    api_key_env: str | None = Field(default=None, description="the environment variable that holds the key")
    timeout: float = Field(
        default=120.0, gt=0, le=600, description="seconds the whole answer may take (one deadline, not per read)"
    )

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("应以 http:// 或 https:// 开头，如 http://127.0.0.1:11434/v1")
        return value.rstrip("/")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    checks: ChecksConfig = Field(default_factory=ChecksConfig)
    export: ExportConfig = Field(default_factory=ExportConfig)
    assist: AssistConfig | None = None


def config_path() -> Path:
    return paths.config_dir() / CONFIG_FILE


_TOML_WHERE = lazy_compile(r"at line (\d+), column (\d+)")  # tomllib says where only in its English message


def load_config(path: Path | None = None) -> Config:
    """The user's settings, or the defaults when there is no config file."""
    path = path or config_path()
    try:
        raw = toml_data.loads(read_regular_file(path, "读取设置文件").decode("utf-8"))
    except FileNotFoundError:
        return Config()
    except toml_data.TooDeep as exc:
        raise AppraisalError(toml_data.too_deep_message("设置文件", path)) from exc
    except UnicodeDecodeError as exc:
        raise AppraisalError(f"设置文件 {path} 不是 UTF-8 文本，请用记事本等另存为 UTF-8 编码。") from exc
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        at = f"（第 {where.group(1)} 行第 {where.group(2)} 列）" if where else ""
        raise AppraisalError(f"设置文件 {path} 格式有误{at}，请对照说明检查这一处的写法。") from exc
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise AppraisalError(f"设置文件 {path} 有误，{describe_validation_error(exc)}。") from exc
