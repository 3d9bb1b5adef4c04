"""The optional statement tagger: its span bookkeeping always, the model where it is installed."""
import pytest

from onrecord.statements import tagger
from onrecord.statements.tagger import (Tagged, bio_labels, decode, extra_statements, join_fragments,
                                        link, pieces, windows)

TEXT = "The mayor has long admired the old harbour plan. Critics disagree.\nNew paragraph here."


def offsets(text):
    """Word offsets, standing in for a wordpiece tokenizer's."""
    import re
    return [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_labels_mark_each_role_with_begin_and_inside():
    offs = offsets(TEXT)
    start = TEXT.index("the old")
    rows = [{"content": (start, TEXT.index(".")), "cue": (10, 26), "source": (0, 9)}]
    labels = bio_labels(offs, rows)
    words = [TEXT[a:b] for a, b in offs]
    got = {w: y for w, y in zip(words, labels)}
    assert (got["The"], got["mayor"]) == (5, 6)  # B-source, I-source
    assert (got["has"], got["admired"]) == (3, 4)  # B-cue, I-cue
    assert (got["the"], got["harbour"]) == (1, 2)  # B-content, I-content
    assert got["Critics"] == 0


def test_decode_inverts_labels_and_a_new_begin_starts_a_new_span():
    offs = [(0, 3), (4, 9), (10, 13), (14, 18)]
    spans = decode([1, 2, 1, 2], [0.9, 0.7, 0.8, 0.6], offs)
    assert [(a, b) for a, b, _ in spans["content"]] == [(0, 9), (10, 18)]
    assert spans["content"][0][2] == pytest.approx(0.8)
    assert decode([0, 2, 0, 0], [1, 1, 1, 1], offs)["content"] == [(4, 9, 1)]  # a stray inside begins


def test_windows_cut_at_a_paragraph_break_and_cover_everything():
    text = ("word " * 60 + "\n") * 10
    offs = offsets(text)
    cuts = windows(text, offs, size=100)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(offs)
    assert all(b - a <= 100 for a, b in cuts)
    assert all(a == b for (_, a), (b, _) in zip(cuts, cuts[1:]))  # no gap, no overlap
    assert all("\n" in text[offs[a - 1][1]:offs[a][0]] for a, _ in cuts[1:])


def test_a_long_text_is_cut_into_bounded_pieces_at_line_breaks():
    text = ("a line of words\n" * 5000) + "x" * 250
    cuts = pieces(text, size=1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b - a <= 1000 for a, b in cuts) and all(a == b for (_, a), (b, _) in zip(cuts, cuts[1:]))
    assert all(text[b - 1] == "\n" for _, b in cuts[:-1])
    assert pieces("word " * 1000, size=300)[0] == (0, 300)  # no line break: a hard cut


def test_fragments_a_word_apart_join_and_short_leftovers_go():
    text = "He said the plan, sadly, would fail badly. Then he left, in short, the room early."
    plan = (text.index("the plan"), text.index("plan") + 4, 0.9)
    fail = (text.index("would"), text.index("badly") + 5, 0.7)
    left = (text.index("left"), text.index("left") + 4, 0.9)
    room = (text.index("the room"), text.index("early") + 5, 0.6)
    assert join_fragments(text, [fail, plan, left, room]) == [(plan[0], fail[1], 0.9), room]


def test_link_takes_the_nearest_cue_in_the_paragraph_and_the_source_nearest_it():
    text = "Ana Ruiz vowed to cut taxes. Later Bo Li denied it.\nOther paragraph, Cy said."
    content = (text.index("to cut"), text.index("taxes") + 5)
    cues = [(text.index("vowed"), text.index("vowed") + 5, 0.9), (text.index("denied"), text.index("denied") + 6, 0.9),
            (text.index("said"), text.index("said") + 4, 0.9)]
    sources = [(0, 8, 0.9), (text.index("Bo"), text.index("Bo") + 5, 0.9), (text.index("Cy"), text.index("Cy") + 2, 0.9)]
    cue, source = link(text, content, cues, sources)
    assert text[cue[0]:cue[1]] == "vowed" and text[source[0]:source[1]] == "Ana Ruiz"
    lone = (text.index("Other"), text.index("paragraph") + 9)
    assert link(text, lone, cues[:2], sources) == (None, None)  # no cue in its paragraph
    mark = (text.index("Ruiz") + 4, text.index("Ruiz") + 5)  # a tagged space or stop is no source
    assert link(text, content, cues, [mark, (0, 3, 0.9)])[1] == (0, 3, 0.9)


def test_extras_are_only_contents_the_rules_did_not_find():
    text = "Lee said the port would close. Kim has long admired the old harbour plan."
    found = {"content": [text.index("the port"), text.index("close") + 5], "cue": None, "source": None}
    tagged = Tagged({"content": [(text.index("the port"), text.index("close") + 5, 0.9),
                                 (text.index("the old"), text.index("plan") + 4, 0.85)],
                     "cue": [(text.index("has long"), text.index("admired") + 7, 0.8)],
                     "source": [(text.index("Kim"), text.index("Kim") + 3, 0.9)]})
    extra = extra_statements(text, [found], tagged)
    assert len(extra) == 1
    assert text[slice(*extra[0]["content"])] == "the old harbour plan"
    assert text[slice(*extra[0]["cue"])] == "has long admired"
    assert text[slice(*extra[0]["source"])] == "Kim"
    unsure = Tagged({**tagged.spans, "content": [(a, b, 0.7) for a, b, _ in tagged.spans["content"]]})
    [extra] = extra_statements(text, [found], unsure)
    assert extra["cue"] and extra["source"] is None  # a source only when the tagger is sure
    assert extra_statements(text, [found], unsure, min_p=0.75) == []


def test_confidence_is_the_measured_rate_at_that_probability():
    assert tagger.confidence(0.3) == 0.0
    assert tagger.confidence(0.65) < tagger.confidence(0.85) < tagger.confidence(0.99) <= 1.0


needs_model = pytest.mark.skipif(not tagger.available(), reason="pip install '.[tagger]' to test the model")


@needs_model
@pytest.mark.slow
def test_the_shipped_tagger_adds_a_statement_the_rules_miss(parse):
    from onrecord.statements import extract
    text = ("The senator has long admired the governor's handling of the flood, and her aides "
            "say she will campaign for him.")
    parsed = parse(text)
    rules = extract(parsed)
    both = extract(parsed, tagger=tagger.load())
    assert {(c.content.start, c.content.end) for c in rules} <= {(c.content.start, c.content.end) for c in both}
    for c in both:
        assert c.content.verify(text)
        assert c.rule != "tagger" or 0 < c.confidence <= max(c for _, c in tagger.CALIBRATION)


@needs_model
@pytest.mark.slow
def test_the_whole_pipeline_marks_what_the_tagger_found(tmp_path):
    from onrecord import analyze_files
    from onrecord.ledger import verify
    page = tmp_path / "note.txt"
    page.write_text("The governor has long been fond of the harbour authority's handling of the floods. "
                    "Her spokesman said on Monday that the port would reopen in spring.\n", "utf-8")
    ledger = analyze_files([str(page)], statements_backend="tagger")
    assert verify(ledger) == []
    assert {s["found_by"] for s in ledger["statements"]} <= {"rules", "tagger"}
    assert any(s["found_by"] == "rules" and s["text"] == "that the port would reopen in spring" for s in ledger["statements"])


@needs_model
@pytest.mark.slow
def test_worker_processes_run_the_tagger_with_the_same_results_after_this_process_did():
    from onrecord.model import Document
    from onrecord.pipeline import Options, analyze

    def articles():
        for i in range(8):
            text = (f"The governor has long admired the harbour authority's handling of flood number {i}. "
                    f"Her spokesman said on Monday that pier {i} would reopen in spring.")
            yield Document(id=f"a{i}", text=text, published="2025-06-20")

    def ledger(options):
        return [(r.document.id, [(s.content.start, s.content.end, s.found_by) for s in r.statements])
                for r in analyze(articles(), [], options)]
    # this process runs torch first, then forks: the order that hangs when OpenMP is misused
    one = ledger(Options(statements_backend="tagger", n_process=1))
    two = ledger(Options(statements_backend="tagger", n_process=2))
    assert two == one
    assert [d for d, _ in one] == [f"a{i}" for i in range(8)]


@needs_model
@pytest.mark.slow
def test_folding_the_adapters_into_the_encoder_keeps_its_output():
    import torch
    model = tagger.Tagger()
    text = "The minister said the border would stay closed, and her deputy told reporters it might not."
    ids, offsets = model.encode(text)
    ids = torch.tensor([ids])
    feats = torch.tensor([tagger.bio_labels(offsets, [{"content": (18, 46), "cue": (13, 17), "source": (0, 12)}])])
    mask = torch.ones_like(ids)
    with torch.inference_mode():
        before = model.net(ids, feats, mask)
        after = model.for_inference("float32").net(ids, feats, mask)
    assert not any(type(getattr(o, n)).__name__ == "LowRank" for o, n in tagger.adapted_layers(model.net.enc))
    assert torch.allclose(before, after, atol=1e-4)


@pytest.mark.slow
def test_a_writers_inference_is_never_a_tagger_statement(parse):
    from onrecord.model import Span
    from onrecord.statements import _writers_inference
    text = "The union appears to have convinced the board that the plan is sound. The mayor praised the plan."
    parsed = parse(text)
    def at(words, start=0):
        i = text.index(words, start)
        return Span.of(text, i, i + len(words))
    assert _writers_inference(parsed, at("to have convinced the board that the plan is sound"))
    assert _writers_inference(parsed, at("the plan is sound"))
    assert not _writers_inference(parsed, at("the plan", text.index("praised")))  # the mayor's own act


def test_the_inference_precision_can_be_chosen_and_a_wrong_choice_is_named(monkeypatch):
    monkeypatch.setenv("ONRECORD_TAGGER_DTYPE", "Float32")
    assert tagger.inference_dtype() == "float32"
    monkeypatch.setenv("ONRECORD_TAGGER_DTYPE", "bfloat16")
    assert tagger.inference_dtype() == "bfloat16"
    monkeypatch.setenv("ONRECORD_TAGGER_DTYPE", "half")
    with pytest.raises(ValueError, match="ONRECORD_TAGGER_DTYPE='half'"):
        tagger.inference_dtype()
    monkeypatch.delenv("ONRECORD_TAGGER_DTYPE")
    assert tagger.inference_dtype() in ("float32", "bfloat16")


@needs_model
@pytest.mark.slow
def test_bfloat16_inference_tags_as_float32_does():
    text = ("The governor has long admired the harbour authority's handling of the floods. "
            "Her spokesman said on Monday that the pier would reopen in spring, and the union "
            "vowed to fight any closure.")
    rows = [{"content": (text.index("the pier"), text.index(", and")), "cue": (text.index("said"), text.index("said") + 4),
             "source": (text.index("Her"), text.index(" said"))}]
    wide = tagger.Tagger().for_inference("float32").tag(text, rows)
    narrow = tagger.Tagger().for_inference("bfloat16").tag(text, rows)
    assert {r: [s[:2] for s in v] for r, v in narrow.spans.items()} == {r: [s[:2] for s in v] for r, v in wide.spans.items()}
    for role in tagger.ROLES:
        for (*_, p), (*_, q) in zip(narrow.spans[role], wide.spans[role]):
            assert abs(p - q) < 0.05
