"""An optional stance backend that asks an OpenAI-compatible chat endpoint the user configures.

The answer must be JSON of a fixed shape; evidence and condition must be words of the
statement itself (anything else is dropped, so the tool never shows an invented quotation).
An answer that cannot be read is "no answer", not an error. Answers are cached on disk, so a
re-run asks nothing twice. Nothing here runs unless the user picks ``--stance-backend llm/1``.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..model import STANCES, Span, Stance, Target

PROMPT_VERSION = "stance-prompt/1"
SYSTEM = (
    "You read statements made by officials and say what position they take on a question. "
    "Answer with JSON only: {\"relevant\": true|false, \"stance\": \"support|oppose|conditional|"
    "undecided|neutral\", \"confidence\": 0.0-1.0, \"condition\": \"exact words from the statement "
    "or null\", \"evidence\": [\"exact words from the statement\"]}. 'conditional' means support on "
    "terms: give the condition. 'undecided' means options are open or no decision is made. "
    "'neutral' means relevant but no position. Copy evidence and condition verbatim from the statement.")


@dataclass
class LLMConfig:
    url: str
    model: str
    api_key_env: str = "ONRECORD_LLM_API_KEY"
    timeout: float = 30.0
    retries: int = 2
    cache: str | None = None  # path of the answer cache (SQLite); None: ~/.cache/onrecord/llm.sqlite
    temperature: float = 0.0
    log: list = field(default_factory=list)  # (prompt, raw answer) pairs kept for audit in tests


class LLMBackend:
    def __init__(self, config: LLMConfig):
        self.config = config
        path = config.cache or os.path.join(os.path.expanduser("~"), ".cache", "onrecord", "llm.sqlite")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, request TEXT, answer TEXT)")
        self.calls = 0  # requests actually sent

    def __call__(self, target: Target, text: str, content: Span, context: list[tuple[int, int]]):
        messages = self.messages(target, text, content, context)
        raw = self.ask(messages)
        if raw is None:
            return None
        return self.parse(raw, target, text, content)

    def messages(self, target: Target, text: str, content: Span, context) -> list[dict]:
        around = " … ".join(text[a:b] for a, b in context[:2] if (a, b) != (content.start, content.end))
        shots = "".join(f"Read as support: {e}\n" for e in target.examples_for[:3]) + \
            "".join(f"Read as opposition: {e}\n" for e in target.examples_against[:3])
        user = (f"Question: {target.question}\n"
                + (f"About it: {target.description}\n" if target.description else "") + shots
                + f"Context: {around[:1500]}\nStatement: {content.text}")
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]

    def ask(self, messages: list[dict]) -> str | None:
        body = {"model": self.config.model, "messages": messages, "temperature": self.config.temperature,
                "response_format": {"type": "json_object"}}
        key = hashlib.sha256(json.dumps([PROMPT_VERSION, body], sort_keys=True).encode()).hexdigest()
        row = self.db.execute("SELECT answer FROM answers WHERE key=?", (key,)).fetchone()
        if row:
            return row[0]
        answer = self._post(body)
        if answer is not None:
            self.db.execute("INSERT OR REPLACE INTO answers VALUES (?,?,?)", (key, json.dumps(body), answer))
            self.db.commit()
        self.config.log.append((messages, answer))
        return answer

    def _post(self, body: dict) -> str | None:
        url = self.config.url.rstrip("/") + "/chat/completions"
        headers = {"Content-Type": "application/json"}
        api_key = os.environ.get(self.config.api_key_env)
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        data = json.dumps(body).encode()
        for attempt in range(self.config.retries + 1):
            self.calls += 1
            try:
                req = urllib.request.Request(url, data=data, headers=headers, method="POST")
                with urllib.request.urlopen(req, timeout=self.config.timeout) as resp:
                    payload = json.loads(resp.read().decode("utf-8"))
                return payload["choices"][0]["message"]["content"]
            except urllib.error.HTTPError as exc:
                if exc.code not in (408, 429, 500, 502, 503, 504) or attempt == self.config.retries:
                    return None
            except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError):
                if attempt == self.config.retries:
                    return None
            time.sleep(min(8.0, 0.5 * 2 ** attempt))
        return None

    @staticmethod
    def parse(raw: str, target: Target, text: str, content: Span) -> Stance | None:
        """Validate the answer's shape; keep only evidence that is really in the statement."""
        try:
            answer = json.loads(raw)
        except (json.JSONDecodeError, TypeError):
            return None
        if not isinstance(answer, dict) or not answer.get("relevant", True):
            return None
        stance = answer.get("stance")
        if stance not in STANCES:
            return None
        try:
            confidence = min(1.0, max(0.0, float(answer.get("confidence", 0.5))))
        except (TypeError, ValueError):
            confidence = 0.5
        evidence = tuple(sp for sp in (_locate(text, content, e) for e in answer.get("evidence") or []
                                       if isinstance(e, str)) if sp)
        condition = _locate(text, content, answer.get("condition")) if isinstance(answer.get("condition"), str) else None
        if stance == "conditional" and condition is None:
            stance = "support"  # a condition we cannot point to is not claimed
            confidence *= 0.8
        return Stance(target.id, stance, confidence, evidence[:3], condition, "llm/1")


def _locate(text: str, content: Span, words: str | None) -> Span | None:
    if not words or not words.strip():
        return None
    i = text.find(words.strip(), content.start, content.end)
    return Span.of(text, i, i + len(words.strip())) if i != -1 else None
