"""Stance of statements toward the user's questions, through registered backends.

A backend is any callable ``(target, text, content, context) -> Stance | None``;
``rules/1`` (offline, default), ``noop/1`` (abstains; for tests) and ``llm/1`` (an
OpenAI-compatible endpoint the user configures) are built in. Factories take the run's
options, so a backend can carry settings.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Protocol

from ..model import Span, Stance, Statement, Target
from . import rules
from .targets import load_targets, parse_targets


class StanceBackend(Protocol):
    def __call__(self, target: Target, text: str, content: Span,
                 context: list[tuple[int, int]]) -> Stance | None: ...


BACKENDS: dict[str, StanceBackend] = {}


def register(name: str) -> Callable[[StanceBackend], StanceBackend]:
    def deco(fn: StanceBackend) -> StanceBackend:
        BACKENDS[name] = fn
        return fn
    return deco


@register("rules/1")
def rules_backend(target, text, content, context):
    return rules.judge(target, text, content, context, backend="rules/1")


@register("noop/1")
def noop_backend(target, text, content, context):
    return None


FACTORIES: dict[str, Callable[..., StanceBackend]] = {}


def _llm_factory(llm_url: str | None = None, llm_model: str | None = None, llm_cache: str | None = None,
                 **_ignored) -> StanceBackend:
    from .llm import LLMBackend, LLMConfig

    if not llm_url or not llm_model:
        raise ValueError("the llm/1 stance backend needs --llm-url and --llm-model")
    return LLMBackend(LLMConfig(llm_url, llm_model, cache=llm_cache))


FACTORIES["llm/1"] = _llm_factory


def get_backend(name: str, **config) -> StanceBackend:
    """A backend by registered name; ``config`` goes to backends that need settings."""
    if name in FACTORIES:
        return FACTORIES[name](**config)
    try:
        return BACKENDS[name]
    except KeyError:
        known = sorted(BACKENDS) + sorted(FACTORIES)
        raise ValueError(f"unknown stance backend {name!r}; known: {', '.join(known)}") from None


def carry_forward(statements: list[Statement]) -> list[Statement]:
    """"Our position has not changed": a neutral reading of such words takes the side the speaker,
    or the speaker's body, took last in the same document, at a lower confidence, citing both."""
    def when(st: Statement) -> str:
        return st.said.start or st.said.end or ""

    out = []
    for i, st in enumerate(statements):
        again = rules.REAFFIRMED.search(st.content.text) if any(s.stance == "neutral" for s in st.stances) else None
        if again is None or st.speaker is None:
            out.append(st)
            continue
        stances = []
        for s in st.stances:
            earlier = [(when(p), p.content.start, p, ps) for p in statements[:i] if p.speaker is not None
                       and (p.speaker.actor_id == st.speaker.actor_id
                            or p.speaker.organization_id and p.speaker.organization_id == st.speaker.organization_id)
                       and when(p) <= when(st)
                       for ps in p.stances if ps.target_id == s.target_id and ps.stance != "neutral"]
            if s.stance != "neutral" or not earlier:
                stances.append(s)
                continue
            *_, prior, ps = max(earlier, key=lambda x: (x[0], x[1]))
            at = st.content.start + again.start()
            said_again = Span(at, at + len(again.group(0)), again.group(0))
            # "#carried": the side comes from an earlier statement, not from these words
            source = f"{ps.source.split('#')[0]}#carried" + ("@context" if s.source.endswith("@context") else "")
            stances.append(Stance(s.target_id, ps.stance, round(ps.confidence * 0.8, 3),
                                  (said_again, *(ps.evidence[:1] or (prior.content,))), ps.condition, source))
        out.append(replace(st, stances=tuple(stances)))
    return out


__all__ = ["BACKENDS", "register", "get_backend", "carry_forward", "load_targets", "parse_targets"]
