"""The settings file's pydantic models (`appraisal.config` reads the file): loaded only when there is one."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


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
