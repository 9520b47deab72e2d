"""The pydantic models of the draft and the template: what decides whether a draft or a template is valid, and
says why not (`appraisal.errors.describe_validation_error` turns the first error into a Chinese sentence).

The program holds drafts and templates as the plain classes of `appraisal.draft` and `appraisal.templates`, which
read a well-formed one themselves (pydantic takes ~100 ms of CPU to load and build); everything else — a value
pydantic coerces (`"2025"` for a year), a missing field, a damaged or hostile file — is validated here, the first
time loading pydantic, and the result is made plain again (`appraisal.records`). Writing a value pydantic writes in
its own way (a lone surrogate, a float that is not finite) also comes here. These are the models as they were
before the plain classes: the same fields, constraints and validators, so the same input gives the same result or
the same error.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from appraisal import draft, templates
from appraisal.draft import SCHEMA_VERSION, new_id, now_iso, readable_facts


class ProfileSchema(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = ""
    unit: str = ""
    position: str = ""
    year: int | None = None


class AdoptedFactSchema(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str
    text: str


class DraftSchema(BaseModel):
    model_config = ConfigDict(extra="allow")

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(default_factory=new_id)
    template: str
    profile: ProfileSchema = Field(default_factory=ProfileSchema)
    title: str = ""
    sections: dict[str, str] = Field(default_factory=dict)
    unmatched: str = ""
    created: str = Field(default_factory=now_iso)
    updated: str = Field(default_factory=now_iso)
    revision: int = 0
    unverified: dict[str, list[AdoptedFactSchema]] = Field(default_factory=dict)

    @field_validator("unverified", mode="before")
    @classmethod
    def _readable_facts(cls, value: object) -> dict[str, list[dict[str, str]]]:
        return readable_facts(value, (AdoptedFactSchema, draft.AdoptedFact))


class SectionSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=templates.SECTION_ID)
    title: str = Field(min_length=1)
    heading: bool = True
    required: bool = False
    min_chars: int = Field(default=0, ge=0)
    max_chars: int | None = Field(default=None, gt=0)
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    children: tuple[SectionSchema, ...] = ()

    @model_validator(mode="after")
    def _limits_ordered(self) -> SectionSchema:
        problem = templates.limits_problem(self.id, self.min_chars, self.max_chars, self.children)
        if problem is not None:
            raise ValueError(problem)
        return self


class TemplateSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=templates.TEMPLATE_ID)
    name: str = Field(min_length=1)
    description: str = ""
    title: str = templates.DEFAULT_TITLE
    max_chars: int | None = Field(default=None, gt=0)
    run_in_headings: bool = False
    title_words: tuple[str, ...] = ()
    main_section: str = ""
    voice: Literal["personal", "collective"] = "personal"
    signature: tuple[Literal["unit", "name"], ...] | None = None
    sections: tuple[SectionSchema, ...] = Field(min_length=1)
    source: str = Field(default="", exclude=True)
    guidance_dir: str = Field(default="", exclude=True)

    @model_validator(mode="after")
    def _unique_ids(self) -> TemplateSchema:
        problem = templates.sections_problem(self.sections, self.main_section)
        if problem is not None:
            raise ValueError(problem)
        return self


TWINS: dict[type[Any], type[BaseModel]] = {
    draft.Profile: ProfileSchema,
    draft.AdoptedFact: AdoptedFactSchema,
    draft.Draft: DraftSchema,
    templates.Section: SectionSchema,
    templates.Template: TemplateSchema,
}
"""Each plain class and the model that validates for it (`appraisal.records`)."""
