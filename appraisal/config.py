"""User settings: `<config dir>/config.toml`. Every key is optional; a malformed file is named in the error.

The models (`Config`, `AssistConfig`…) live in `appraisal.config_models` and are loaded with pydantic only when they
are asked for: most users have no settings file, and a command without one need not load pydantic for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from appraisal import paths, toml_data
from appraisal.errors import AppraisalError, describe_validation_error
from appraisal.fileio import read_regular_file
from appraisal.text.lazy_regex import lazy_compile

if TYPE_CHECKING:
    from appraisal.config_models import AssistConfig, ChecksConfig, Config, ExportConfig

__all__ = ["CONFIG_FILE", "AssistConfig", "ChecksConfig", "Config", "ExportConfig", "config_path", "load_config"]

CONFIG_FILE = "config.toml"
_MODELS = frozenset({"AssistConfig", "ChecksConfig", "Config", "ExportConfig"})


def __getattr__(name: str) -> Any:
    """The settings' models, loaded (with pydantic) the first time one is asked for."""
    if name in _MODELS:
        from appraisal import config_models

        return getattr(config_models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def config_path() -> Path:
    return paths.config_dir() / CONFIG_FILE


_TOML_WHERE = lazy_compile(r"at line (\d+), column (\d+)")  # tomllib says where only in its English message


def load_config(path: Path | None = None) -> Config:
    """The user's settings, or the defaults when there is no config file."""
    from pydantic import ValidationError

    from appraisal.config_models import Config

    path = path or config_path()
    try:
        raw = toml_data.loads(read_regular_file(path, "读取设置文件").decode("utf-8"))
    except FileNotFoundError:
        return Config()
    except toml_data.TooDeep as exc:
        raise AppraisalError(toml_data.too_deep_message("设置文件", path)) from exc
    except UnicodeDecodeError as exc:
        raise AppraisalError(f"设置文件 {path} 不是 UTF-8 文本，请用记事本等另存为 UTF-8 编码。") from exc
    except toml_data.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        at = f"（第 {where.group(1)} 行第 {where.group(2)} 列）" if where else ""
        raise AppraisalError(f"设置文件 {path} 格式有误{at}，请对照说明检查这一处的写法。") from exc
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise AppraisalError(f"设置文件 {path} 有误，{describe_validation_error(exc)}。") from exc
