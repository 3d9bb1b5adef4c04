"""The web UI, in-process: pages render the ledger, escape document text, and 404 cleanly."""
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from onrecord.cli import cli
from onrecord.web import create_app
from tests.test_cli import ARTICLE, TARGETS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    d = tmp_path_factory.mktemp("web")
    (d / "a.html").write_text(ARTICLE)
    (d / "b.txt").write_text("“<script>alert(1)</script> will not pass,” the minister said on Monday.")
    (d / "t.yaml").write_text(TARGETS)
    r = CliRunner().invoke(cli, ["analyze", str(d / "a.html"), str(d / "b.txt"), "--targets", str(d / "t.yaml"),
                                 "--db", str(d / "w.db")])
    assert r.exit_code == 0, r.output
    return TestClient(create_app(d / "w.db"))


def test_home_lists_questions_findings_and_actors(client):
    page = client.get("/").text
    assert "Will the US send troops?" in page and "Omar Hale" in page and "outlook" in page


def test_statement_page_shows_it_in_its_document(client):
    led = client.get("/api/ledger").json()
    st = next(s for s in led["statements"] if (s["speaker"] or {}).get("name") == "Dana Whitfield")
    page = client.get(f"/statements/{st['id']}").text
    assert "<mark>" in page and "In May" in page and "Dana Whitfield" in page
    assert client.get("/statements/s_nope").status_code == 404
    first, rest = (next(s for s in led["statements"] if s["text"].startswith(w)) for w in ("We first need", "Nothing else"))
    assert rest["part_of"] == first["id"]
    assert f'continued in <a href="/statements/{rest["id"]}">' in client.get(f"/statements/{first['id']}").text
    assert f'continues <a href="/statements/{first["id"]}">' in client.get(f"/statements/{rest['id']}").text


def test_actor_page_and_filtered_api(client):
    assert "Omar Hale" in client.get("/actors/p:omar-hale").text
    assert client.get("/actors/p:nobody").status_code == 404
    rows = client.get("/api/statements", params={"actor": "p:omar-hale"}).json()
    assert rows["count"] >= 2 and all(s["speaker"]["actor_id"] == "p:omar-hale" for s in rows["statements"])
    rows = client.get("/api/statements", params={"target": "force"}).json()
    assert rows["count"] >= 1


def test_document_text_is_escaped_in_every_page(client):
    led = client.get("/api/ledger").json()
    st = next(s for s in led["statements"] if "alert" in s["text"])
    for url in ("/", "/report", f"/statements/{st['id']}", f"/actors/{st['speaker']['actor_id']}"):
        page = client.get(url).text
        assert "<script>alert" not in page


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_pages_follow_the_ledger_as_analyze_adds_to_it(tmp_path, backend, request):
    (tmp_path / "a.txt").write_text("Ivo Reyes, the port director, said the port would reopen.\n")
    (tmp_path / "b.txt").write_text("Ana Ruiz, the mayor, said the bridge would close in June.\n")
    db = tmp_path / "w.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    assert CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    client = TestClient(create_app(db))
    assert "Ivo Reyes" in client.get("/").text and "Ana Ruiz" not in client.get("/").text
    assert CliRunner().invoke(cli, ["analyze", str(tmp_path / "b.txt"), "--db", str(db)]).exit_code == 0
    assert "Ana Ruiz" in client.get("/").text
    assert client.get("/actors/p:ana-ruiz").status_code == 200


def test_a_large_ledger_is_served_a_page_at_a_time(tmp_path, monkeypatch):
    import onrecord.ledger as ledger_mod
    import onrecord.web as web

    (tmp_path / "a.html").write_text(ARTICLE)
    (tmp_path / "t.yaml").write_text(TARGETS)
    db = tmp_path / "w.db"
    assert CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.html"), "--targets", str(tmp_path / "t.yaml"),
                                    "--db", str(db)]).exit_code == 0
    client = TestClient(create_app(db))
    everything = client.get("/api/statements", params={"limit": 1000}).json()
    assert everything["next"] is None and len(everything["statements"]) == everything["count"] >= 4
    first = client.get("/api/statements", params={"limit": 2}).json()
    second = client.get("/api/statements", params={"limit": 2, "offset": first["next"]}).json()
    assert [s["id"] for s in first["statements"] + second["statements"]] == [
        s["id"] for s in everything["statements"][:4]]
    assert client.get("/api/statements", params={"limit": 5000}).status_code == 422

    monkeypatch.setattr(web, "PAGE", 1)
    hale = client.get("/actors/p:omar-hale").text
    assert "page 1 of" in hale and 'href="?page=2"' in hale
    # past the report's bound: the report says what it lists, and the whole ledger is refused
    monkeypatch.setattr(ledger_mod, "REPORT_ALL", 1)
    assert client.get("/api/ledger").status_code == 413
    report = TestClient(create_app(db)).get("/report").text
    assert "this report lists the statements the findings cite" in report
