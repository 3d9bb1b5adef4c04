"""The llm/1 backend against a small local server that speaks the chat-completions protocol."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from onrecord.model import Span, Target
from onrecord.stance import get_backend

TEXT = "The minister said the deployment must wait until the elections are held."
CONTENT = Span.of(TEXT, TEXT.index("the deployment"), len(TEXT) - 1)
TARGET = Target("deploy", "Should troops deploy?", keywords=("deployment",))


class Server:
    def __init__(self, answers):
        self.answers = list(answers)  # each: (status, content-string)
        self.requests = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append((self.path, body, self.headers.get("Authorization")))
                status, content = outer.answers.pop(0) if outer.answers else (200, "{}")
                payload = json.dumps({"choices": [{"message": {"content": content}}]}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture
def server():
    made = []

    def make(*answers):
        s = Server(answers)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()


def backend(srv, tmp_path):
    return get_backend("llm/1", llm_url=srv.url, llm_model="test-model", llm_cache=str(tmp_path / "c.sqlite"))


def test_answer_becomes_a_stance_with_verified_spans(server, tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_LLM_API_KEY", "secret")
    srv = server((200, json.dumps({"relevant": True, "stance": "conditional", "confidence": 0.8,
                                   "condition": "until the elections are held",
                                   "evidence": ["must wait", "words that are not there"]})))
    st = backend(srv, tmp_path)(TARGET, TEXT, CONTENT, [])
    assert st.stance == "conditional" and st.condition.text == "until the elections are held"
    assert [e.text for e in st.evidence] == ["must wait"]  # invented evidence is dropped
    path, body, auth = srv.requests[0]
    assert path == "/v1/chat/completions" and body["model"] == "test-model" and auth == "Bearer secret"
    assert body["response_format"] == {"type": "json_object"}


def test_cache_means_a_rerun_asks_nothing(server, tmp_path):
    srv = server((200, json.dumps({"relevant": True, "stance": "oppose", "confidence": 0.7, "evidence": []})))
    b = backend(srv, tmp_path)
    assert b(TARGET, TEXT, CONTENT, []).stance == "oppose"
    again = backend(srv, tmp_path)(TARGET, TEXT, CONTENT, [])
    assert again.stance == "oppose" and len(srv.requests) == 1


def test_unreadable_or_off_schema_answers_are_no_answer(server, tmp_path):
    srv = server((200, "not json"), (200, json.dumps({"stance": "maybe"})))
    b = backend(srv, tmp_path)
    assert b(TARGET, TEXT, CONTENT, []) is None
    assert b(TARGET, TEXT + " ", CONTENT, []) is None


def test_retries_on_server_errors(server, tmp_path):
    srv = server((503, "{}"), (200, json.dumps({"relevant": True, "stance": "support", "confidence": 0.6})))
    st = backend(srv, tmp_path)(TARGET, TEXT, CONTENT, [])
    assert st.stance == "support" and len(srv.requests) == 2


def test_conditional_without_a_locatable_condition_is_not_claimed(server, tmp_path):
    srv = server((200, json.dumps({"relevant": True, "stance": "conditional", "confidence": 0.9,
                                   "condition": "if pigs fly"})))
    st = backend(srv, tmp_path)(TARGET, TEXT, CONTENT, [])
    assert st.stance == "support" and st.condition is None


def test_llm_backend_needs_its_settings():
    with pytest.raises(ValueError, match="--llm-url"):
        get_backend("llm/1")
