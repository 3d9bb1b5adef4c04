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
    old = st.to_dict()  # a ledger written before joint speakers
    del old["found_by"]  # ledgers written before the tagger existed
    assert Statement.from_dict(old).found_by == "rules"
    assert all(sp.verify(text) for sp in again.spans())


def test_a_date_is_shown_as_precise_as_it_is_known():
    from onrecord.model import TimeSpan

    def _when(said):
        return said.label()

    assert _when(TimeSpan("2026-04-07", "2026-04-07", "day", basis="text")) == "2026-04-07"
    assert _when(TimeSpan("2026-04-01", "2026-04-30", "month", basis="text")) == "2026-04"
    assert _when(TimeSpan("2019-01-01", "2019-12-31", "year", basis="text")) == "2019"
    assert _when(TimeSpan("2026-07-01", "2026-09-30", "quarter", basis="text")) == "2026-Q3"
    assert _when(TimeSpan("2026-11-16", "2026-11-22", "week", basis="text")) == "2026-W47"
    assert _when(TimeSpan(None, "2026-11-20", "unknown", basis="published")) == "≤2026-11-20"
    assert _when(TimeSpan("2026-10-20", "2026-11-20", "unknown", basis="text")) == "2026-10-20…"  # "recently"


def test_a_joint_speaker_keeps_its_bodies_through_the_ledger():
    from onrecord.ledger import flat_rows

    text = "Spain and Portugal said they agree."
    sp = Speaker(Span.of(text, 0, 18), "g:es-pt", "Spain and Portugal", None, None, (), "group", ("gov-es", "gov-pt"))
    st = Statement("s_1", "d1", "indirect", Span.of(text, 24, 34), Span.of(text, 19, 23), sp)
    again = Statement.from_dict(st.to_dict())
    assert again.speaker.joint == ("gov-es", "gov-pt") and again.speaker.bodies() == ("gov-es", "gov-pt")
    ledger = {"statements": [st.to_dict()], "organizations": [{"id": "gov-es", "name": "Spain"}]}
    assert flat_rows(ledger)[0]["organization"] == "jointly: Spain, gov-pt"
    old = st.to_dict()  # a ledger written before joint speakers
    del old["speaker"]["joint"]
    assert Statement.from_dict(old).speaker.joint == ()
