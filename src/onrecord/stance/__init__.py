"""Stance of statements toward the user's questions, through registered backends.

A backend is any callable ``(target, text, content, context) -> Stance | None``;
``rules/1`` (offline, default) and ``noop/1`` (abstains; for tests) are built in.
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


def get_backend(name: str) -> StanceBackend:
    try:
        return BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown stance backend {name!r}; known: {', '.join(sorted(BACKENDS))}") from None


__all__ = ["BACKENDS", "register", "get_backend", "load_targets", "parse_targets"]
