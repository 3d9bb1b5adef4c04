"""The organisation tree: ancestors, governments, and the body a speaker belongs to."""
from __future__ import annotations

from .model import Organization


class Tree:
    """The organisation tree: ancestors, governments and the body a speaker belongs to."""

    def __init__(self, organizations: dict[str, Organization]):
        self.orgs = organizations

    def chain(self, org_id: str | None) -> list[str]:
        out = []
        while org_id and org_id in self.orgs and org_id not in out:
            out.append(org_id)
            org_id = self.orgs[org_id].parent_id
        return out

    def government(self, org_id: str | None) -> str | None:
        c = self.chain(org_id)
        return c[-1] if c else None

    def body(self, org_id: str | None) -> str | None:
        """The level just below the government (a ministry, the executive), or the government."""
        c = self.chain(org_id)
        return c[-2] if len(c) >= 2 else (c[0] if c else None)

    def path(self, org_id: str | None) -> tuple[str, ...]:
        """Names from the government down to this body."""
        return tuple(self.orgs[o].name for o in reversed(self.chain(org_id)))

    def name(self, org_id: str | None) -> str:
        return self.orgs[org_id].name if org_id in self.orgs else (org_id or "unknown body")
