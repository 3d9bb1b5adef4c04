"""Stance of statements toward the user's questions, through registered backends.

A backend is any callable ``(target, text, content, context) -> Stance | None``;
``rules/1`` (offline, default), ``noop/1`` (abstains; for tests) and ``llm/1`` (an
OpenAI-compatible endpoint the user configures) are built in. Factories take the run's
options, so a backend can carry settings.
"""
from __future__ import annotations

from typing import Callable, Protocol

from ..model import Span, Stance, Target
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


__all__ = ["BACKENDS", "register", "get_backend", "load_targets", "parse_targets"]
