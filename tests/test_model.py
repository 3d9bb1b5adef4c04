from onrecord.model import Span, Speaker, Stance, Statement, TimeSpan


def test_span_of_and_verify():
    text = "The minister said no."
    s = Span.of(text, 4, 12)
    assert s.text == "minister" and s.verify(text)
    assert not Span(4, 12, "minister!").verify(text)
    assert not Span(30, 40, "").verify(text)


def test_statement_roundtrip_keeps_every_field():
    text = "“We will wait,” she said."
    st = Statement("s_1", "d1", "direct", Span.of(text, 1, 13), Span.of(text, 20, 24),
                   Speaker(Span.of(text, 16, 19), "p:x", "X", "Minister", "us", ("United States",), "pronoun"),
                   None, TimeSpan("2030-01-01", "2030-01-31", "month", "In January", "text"),
                   (Stance("t1", "undecided", 0.7, (Span.of(text, 4, 8),)),), 0.8, "tagger")
    again = Statement.from_dict(st.to_dict())
    assert again == st
    old = st.to_dict()
    del old["found_by"]  # ledgers written before the tagger existed
    assert Statement.from_dict(old).found_by == "rules"
    assert all(sp.verify(text) for sp in again.spans())
