"""The persona card a course lead writes: one YAML file per simulated client.

The schema is strict (unknown fields are errors) so that a typo in a card is caught when it is
loaded, not discovered mid-session when the client behaves oddly.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Level = Literal["low", "medium", "high"]
LayerName = Literal["surface", "middle", "core"]
LAYER_ORDER: tuple[LayerName, ...] = ("surface", "middle", "core")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Dial(Strict):
    level: Level
    how: str = Field(min_length=1, description="one sentence on how this shows in the client's talk")


class Style(Strict):
    resistance: Dial
    emotional_expression: Dial
    verbosity: Dial


class HiddenFormulation(Strict):
    """What lies underneath. Never said outright; reached only through disclosure."""

    core_beliefs: list[str] = Field(min_length=1)
    underneath: str = Field(min_length=1)


class Layer(Strict):
    """What the client will say at one depth, and what earns it."""

    threshold: float = Field(ge=0.0, le=1.0, description="openness at which this layer unlocks")
    earned_by: str = Field(min_length=1)
    material: str = Field(min_length=1, description="what the client discloses at this depth, in brief")
    lines: list[str] = Field(min_length=2, description="authored lines in the client's voice at this depth")


class Disclosure(Strict):
    surface: Layer
    middle: Layer
    core: Layer

    @model_validator(mode="after")
    def thresholds_rise(self) -> "Disclosure":
        if not (self.surface.threshold <= self.middle.threshold <= self.core.threshold):
            raise ValueError("layer thresholds must rise: surface <= middle <= core")
        return self


class Reaction(Strict):
    """How this client responds to one kind of premature move."""

    style: Literal["goes_quiet", "deflects", "pushes_back", "agrees_and_changes_topic"]
    openness_drop: float = Field(ge=0.0, le=1.0, description="how far openness falls after a severe lapse")
    how: str = Field(min_length=1)
    lines: list[str] = Field(min_length=2, description="what the client says in this rupture")


class Reactions(Strict):
    advice: Reaction
    interpretation: Reaction
    reassurance: Reaction


class Repair(Strict):
    restores: float = Field(ge=0.0, le=1.0, description="share of the last rupture's drop a repair gives back")
    lines: list[str] = Field(min_length=1)


class Risk(Strict):
    level: Literal["none", "low", "medium", "high"]
    cues: list[str] = Field(default_factory=list, description="words the client may drop that a trainee should notice")
    if_asked: str = Field(min_length=1, description="what the client says when asked directly about risk")

    @model_validator(mode="after")
    def cues_when_at_risk(self) -> "Risk":
        if self.level != "none" and not self.cues:
            raise ValueError("a risk level above 'none' needs at least one cue")
        return self


class Fact(Strict):
    """Something plain about the client's life that any client would tell a stranger in a first session.

    Facts are never gated (only the *meaning*, in the hidden formulation and deeper layers, is): a client
    who is guarded still knows who is at home and what they do for work."""

    topic: str = Field(min_length=1, description="what it is about, in the words a question would use")
    fact: str = Field(min_length=1, description="the fact in plain words, third person")
    says: list[str] = Field(default_factory=list, description="the client's own answers about it, each complete")

    @field_validator("says")
    @classmethod
    def no_blank_says(cls, value: list[str]) -> list[str]:
        if any(not line.strip() for line in value):
            raise ValueError("lines must not be blank")
        return value


class InterviewQuestion(Strict):
    """A plain question about the client's own life and the content any real answer would contain."""

    ask: str = Field(min_length=1)
    expect: str = Field(min_length=1, description="a case-insensitive regular expression a real answer matches")

    @field_validator("expect")
    @classmethod
    def compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class PersonaCard(Strict):
    id: str = Field(default="", description="the file name without .yaml; set by the loader")
    version: int = Field(ge=1)
    display_name: str = Field(min_length=1)
    age: int = Field(ge=10, le=110)
    pronouns: str = Field(min_length=1)
    setting: str = Field(min_length=1, description="where and how the session takes place")
    summary: str = Field(min_length=1, max_length=300, description="one line for the persona picker")
    presenting_problem: str = Field(min_length=1)
    background: str = Field(min_length=1)
    opening_line: str = Field(min_length=1)
    style: Style
    hidden_formulation: HiddenFormulation
    disclosure: Disclosure
    reactions: Reactions
    repair: Repair
    risk: Risk
    example_lines: list[str] = Field(min_length=3)
    content_notes: list[str] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list, description="plain facts of the client's life, never gated")
    interview: list[InterviewQuestion] = Field(
        default_factory=list, description="questions about the client's life for the studio's interview probe")

    @field_validator("example_lines", "content_notes")
    @classmethod
    def no_blank_lines(cls, value: list[str]) -> list[str]:
        if any(not line.strip() for line in value):
            raise ValueError("lines must not be blank")
        return value

    def layer(self, name: LayerName) -> Layer:
        return getattr(self.disclosure, name)

    def reaction(self, lapse_label: str) -> Reaction:
        return getattr(self.reactions, lapse_label)
