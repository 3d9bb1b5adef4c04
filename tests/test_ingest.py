import json

import pytest

from onrecord.ingest import date_from_url, ingest, ingest_one, parse_text, text_blocks
from onrecord.model import Document

PAGE = """<!DOCTYPE html><html><head><title>Envoy changes tune | Example Blog</title>
<meta property="article:published_time" content="2025-04-02T10:00:00+00:00"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Envoy changes tune</h1>
<p>The envoy said on Monday that the talks had stalled, and that a new round would be needed soon.</p>
<h3>Background</h3>
<blockquote><p>“We are not giving up,” the envoy told reporters after the meeting ended in the capital.</p></blockquote>
<p>Analysts expect a further statement from the foreign ministry before the end of the month.</p>
</article>
<div id="comments"><ol class="commentlist">
<li class="pingback"><p>Pingback: Another blog about the talks</p></li>
<li class="comment"><div class="comment-content"><p>I think the envoy is bluffing about the talks and nobody believes him.</p></div></li>
</ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>Fill in your details below or click an icon to log in:</p></form></div></div>
</body></html>"""


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(p)


def test_html_article_metadata_and_comments_apart(tmp_path):
    results = ingest_one(write(tmp_path, "page.html", PAGE))
    article, *comments = results
    assert isinstance(article, Document) and article.kind == "article"
    assert article.title == "Envoy changes tune"
    assert article.published == "2025-04-02"
    assert "not giving up" in article.text
    assert "bluffing" not in article.text and "Pingback" not in article.text
    assert "Leave a Reply" not in article.text and "Home" not in article.text
    assert [b.kind for b in article.blocks].count("quote") == 1
    assert any(b.kind == "heading" for b in article.blocks)
    assert len(comments) == 1 and comments[0].kind == "comment"
    assert comments[0].parent_id == article.id and "bluffing" in comments[0].text


def test_a_comments_heading_is_no_comment(tmp_path):
    page = PAGE.replace('<div id="comments"><ol class="commentlist">', '<section class="comments"><h3>Comments</h3>'
                        '<div class="comment"><p>The envoy is bluffing, and everyone in the region knows it.</p></div>'
                        '</section><div><ol>')
    comments = [d for d in ingest_one(write(tmp_path, "page.html", page)) if d.kind == "comment"]
    assert comments and all(d.text != "Comments" for d in comments)


def test_plain_text_is_kept_byte_for_byte(tmp_path):
    text = "Title line\n\nThe minister said the plan was sound.\r\nSecond line.\n"
    doc = ingest_one(write(tmp_path, "a.txt", text))[0]
    assert doc.text == text
    for b in doc.blocks:
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]


def test_same_text_twice_is_one_document(tmp_path):
    a = ingest_one(write(tmp_path, "a.txt", "The minister said yes."))[0]
    b = ingest_one(write(tmp_path, "b.txt", "The minister said yes."))[0]
    assert a.id == b.id


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [json.dumps({"text": "The envoy said no.", "published": "2030-02-03", "title": "T"}),
             "{not json", json.dumps({"title": "no text"})]
    results = ingest_one(write(tmp_path, "c.jsonl", "\n".join(lines)))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if not isinstance(r, Document)]
    assert len(docs) == 1 and docs[0].published == "2030-02-03" and docs[0].title == "T"
    assert len(errors) == 2 and "c.jsonl:2" in str(errors[0]) and "c.jsonl:3" in str(errors[1])


@pytest.mark.parametrize("name,data,message", [
    ("bin.txt", b"\x00\x01\x02binary", "binary"),
    ("empty.txt", b"  \n", "empty"),
    ("latin.txt", "caf\xe9 said".encode("latin-1"), "UTF-8"),
    ("broken.html", b"<html><body><div><p></div></td>", "no article text"),
])
def test_bad_inputs_give_one_line_errors_naming_the_input(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    [result] = ingest_one(path)
    assert not isinstance(result, Document)
    assert message in str(result) and path in str(result) and "\n" not in result.one_line()


def test_encoding_option_reads_other_encodings(tmp_path):
    path = write(tmp_path, "latin.txt", "caf\xe9 said the minister".encode("latin-1"))
    [doc] = ingest_one(path, encoding="latin-1")
    assert doc.text.startswith("café")


def test_size_limit_and_missing_path(tmp_path):
    path = write(tmp_path, "big.txt", "word " * 1000)
    [err] = ingest_one(path, max_bytes=100)
    assert "limit" in str(err)
    [err] = ingest_one(str(tmp_path / "nope.txt"))
    assert "no such file" in str(err)


def test_directories_and_globs(tmp_path):
    write(tmp_path, "one.txt", "The envoy said one thing.")
    write(tmp_path, "two.md", "# Two\n\nThe envoy said another.")
    write(tmp_path, "skip.bin", "ignored")
    assert sorted(len(i.documents) for i in ingest([str(tmp_path)])) == [1, 1]
    assert len(list(ingest([str(tmp_path / "*.md")]))) == 1


def test_markdown_title_and_url_dates():
    blocks = text_blocks("# Head\n\npara one\nstill one\n\npara two")
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph"]
    assert date_from_url("https://x.org/2030/07/09/story/") == "2030-07-09"
    assert date_from_url("https://x.org/story") is None


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Minister speaks</title><link>https://example.org/2025/03/04/minister</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The minister said on Monday that the border would reopen within a week, and that trade would resume soon after that.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""


def test_feed_items_become_documents(tmp_path):
    results = ingest_one(write(tmp_path, "wire.rss", FEED))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if not isinstance(r, Document)]
    assert len(docs) == 1 and docs[0].title == "Minister speaks" and docs[0].published == "2025-03-04"
    assert "border would reopen" in docs[0].text and docs[0].url.endswith("/minister")
    assert len(errors) == 1 and "wire.rss#2" in str(errors[0])


def test_web_archive_pages_become_documents(tmp_path):
    from io import BytesIO
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in (("https://example.org/2025/05/06/story", PAGE.encode()),
                          ("https://example.org/logo.png", b"\x89PNG...")):
            ctype = "text/html; charset=utf-8" if url.endswith("story") else "image/png"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))
    results = ingest_one(str(path))
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.kind for d in docs] == ["article", "comment"]
    assert docs[0].url == "https://example.org/2025/05/06/story" and "not giving up" in docs[0].text
    [err] = ingest_one(write(tmp_path, "broken.warc.gz", b"not an archive"))
    assert "web archive" in str(err)


def test_mojibake_is_repaired_and_clean_text_left_alone(tmp_path):
    import unicodedata

    from onrecord.ingest import ingest_one, repair_mojibake
    broken = "Président François Ruiz said ‘we agree’.".encode("utf-8").decode("cp1252")
    path = tmp_path / "a.txt"
    path.write_text(broken + "\n", "utf-8")
    [doc] = ingest_one(str(path))
    assert doc.text == "Président François Ruiz said ‘we agree’.\n"
    twice = "François".encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    assert repair_mojibake(unicodedata.normalize("NFD", twice)) == "François"
    clean = "Déjà vu: Ã is a letter, 50 € is money."
    assert repair_mojibake(clean) is clean


def test_a_bylines_name_is_the_texts_author():
    from onrecord.ingest import parse_text
    doc = parse_text("Why the talks failed\n\nBy Sara Whitfield\n\nI think both camps are wrong.\n", "op-ed.txt")
    assert doc.author == "Sara Whitfield"
    doc = parse_text("Talks fail\n\nBY SARA WHITFIELD, Wire\n\nThe talks failed.\n", "wire.txt")
    assert doc.author == "Sara Whitfield"
    doc = parse_text("Talks fail\n\nBy Early March, Congress had voted twice.\n\nMore text.\n", "news.txt")
    assert doc.author is None


def test_a_place_and_date_line_under_a_statements_title_dates_it():
    text = ("Statement by the Ministry of Foreign Affairs on the situation in Kestria\n\n"
            "Ottawa, March 4, 2031\n\nCanada condemns the attack.")
    assert parse_text(text, "statement.txt").published == "2031-03-04"
    assert parse_text("Canada condemns the attack, the minister said on March 4, 2031.", "t.txt").published is None


def test_a_wire_dateline_with_its_year_dates_a_text():
    doc = parse_text("Ministers split\n\nLISBON, June 9, 2031 (Wire) - Ministers failed on Monday to agree.", "t.txt")
    assert doc.published == "2031-06-09"
    assert parse_text("Ministers split\n\nLAGOS, 4 March 2031 - Ministers met.", "t.txt").published == "2031-03-04"
    # a day without its year dates nothing; neither does a date inside the story
    assert parse_text("Split\n\nLISBON, June 9 (Wire) - Ministers met.", "t.txt").published is None
    assert parse_text("Split\n\nMinisters met. LISBON, June 9, 2031 - they said.", "t.txt").published is None
