"""Reports: every piece of document text escaped; the HTML renders in a real browser."""
import shutil
import subprocess

import pytest

from onrecord.report import render_html, render_markdown, write_report

EVIL = '<script>document.title="pwned"</script><img src=x onerror="document.title=1">'


def ledger(text=EVIL):
    doc_text = f"The minister said {text} today."
    start = doc_text.index(text)
    return {
        "schema": "onrecord.ledger/1",
        "documents": [{"id": "d1", "kind": "article", "parent_id": None, "source": "a.html",
                       "url": "javascript:alert(1)", "title": "T <b>bold</b>", "published": "2025-05-02",
                       "text": doc_text}],
        "organizations": [{"id": "us", "name": "United States", "parent_id": None, "aliases": [], "kind": "government"}],
        "actors": [{"id": "p:x", "name": "X <i>", "kind": "person", "roles": []}],
        "targets": [{"id": "t", "question": "Should <u>it</u> happen?"}],
        "statements": [{"id": "s1", "document_id": "d1", "kind": "indirect", "text": text, "start": start,
                        "end": start + len(text), "cue": None,
                        "speaker": {"text": "The minister", "start": 0, "end": 12, "actor_id": "p:x", "name": "X <i>",
                                    "role": None, "organization_id": "us", "organization_path": ["United States"],
                                    "resolved_from": "name"},
                        "via": None, "said": {"start": "2025-05-01", "end": "2025-05-01", "granularity": "day",
                                              "expression": None, "basis": "text", "span": None},
                        "confidence": 0.8,
                        "stances": [{"target_id": "t", "stance": "oppose", "confidence": 0.4, "condition": None,
                                     "evidence": [], "source": "rules/1#lexical"}]}],
        "findings": [{"id": "f1", "kind": "outlook", "target_id": "t", "actor_ids": ["p:x"], "statement_ids": ["s1"],
                      "summary": "On “Should <u>it</u> happen?”: X <i> opposes it.", "confidence": 0.4, "details": {}}],
    }


def test_html_escapes_document_text_everywhere():
    html = render_html(ledger())
    assert "<script>document.title" not in html and "onerror=\"document" not in html
    assert "&lt;script&gt;" in html
    assert "javascript:alert" not in html  # unsafe links are not linked
    assert "<u>it</u>" not in html and "<b>bold</b>" not in html


def test_markdown_escapes_markup():
    md = render_markdown(ledger())
    assert "<script>" not in md and "\\<script\\>" in md


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_report_renders_in_headless_chromium(tmp_path):
    path = write_report(ledger(), tmp_path / "r.html")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", path.as_uri()], capture_output=True,
                         text=True, timeout=120).stdout
    assert "<title>onrecord report</title>" in dom  # the page's scripts never ran
    assert "pwned" not in dom.split("<body")[0]
    assert "Statements" in dom and "opposes it" in dom
    shot = tmp_path / "shot.png"
    subprocess.run(["chromium", *flags, "--window-size=1200,1600", f"--screenshot={shot}", path.as_uri()],
                   capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_only_quotations_wear_quote_marks_and_tagger_finds_say_so():
    data = ledger("the port will close")
    md = render_markdown(data)
    assert "“the port will close”" not in md and "the port will close" in md  # a paraphrase
    data["statements"][0].update(kind="direct", found_by="tagger", confidence=0.55)
    md, html = render_markdown(data), render_html(data)
    assert "“the port will close”" in md
    assert "(0.55, tagger only)" in md and "confidence 0.55, found by the tagger only" in html


def test_every_statement_shows_its_measured_confidence():
    data = ledger("the port will close")
    data["statements"][0].update(confidence=0.42)
    md, html = render_markdown(data), render_html(data)
    assert " (0.42) |" in md
    assert "confidence 0.42" in html and "tagger only" not in html


def test_a_stance_whose_topic_only_its_paragraph_names_says_so():
    plain = ledger("a plain remark")
    assert "only in its paragraph" not in render_markdown(plain)
    inferred = ledger("a plain remark")
    inferred["statements"][0]["stances"][0]["source"] = "rules/1#lexical@context"
    assert "topic named only in its paragraph" in render_markdown(inferred)
    assert "the topic is named only in its paragraph" in render_html(inferred)


def test_a_stance_carried_from_an_earlier_statement_says_so():
    assert "said to hold" not in render_markdown(ledger("a plain remark"))
    carried = ledger("our position has not changed")
    carried["statements"][0]["stances"][0]["source"] = "rules/1#carried"
    assert "(the side taken before, said to hold)" in render_markdown(carried)
    assert "the side taken before, said to hold" in render_html(carried)


def test_a_relayed_statement_says_who_relayed_it_escaped():
    relayed = ledger("a plain remark")
    relayed["statements"][0]["via"] = {"text": "The <b>Courier</b>", "start": 0, "end": 3}
    assert "via The &lt;b&gt;Courier&lt;/b&gt;" in render_html(relayed)
    assert "via The" in render_markdown(relayed) and "<b>Courier" not in render_markdown(relayed)
    assert "via " not in render_html(ledger("a plain remark")).split("<h2>Statements</h2>")[1]


def test_the_parts_of_words_an_attribution_splits_read_as_one():
    data = ledger("The cap")
    second = dict(data["statements"][0], id="s2", text="would <b>help</b>", part_of="s1", stances=[])
    data["statements"].append(second)
    md, html = render_markdown(data), render_html(data)
    assert "| The cap … —" in md and "| … would \\<b\\>help\\</b\\> (continues [1]) —" in md
    assert "The cap …</blockquote>" in html and "… would &lt;b&gt;help&lt;/b&gt;</blockquote>" in html
    assert 'continues <a class="ref" href="#s1">[1]</a>' in html
    assert " …" not in render_markdown(ledger("The cap"))
