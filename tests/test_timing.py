import re
from datetime import date

import pytest

from onrecord.model import Block, Span
from onrecord.timing import date_statement, find_expressions, live_entry, live_stamps, resolve

PUB = date(2030, 10, 4)  # a Friday


@pytest.mark.parametrize("text,expected", [
    ("In May", ("2030-05-01", "2030-05-31", "month")),
    ("in November", ("2029-11-01", "2029-11-30", "month")),  # never forward past publication
    ("late June", ("2030-06-21", "2030-06-30", "day")),
    ("early March", ("2030-03-01", "2030-03-10", "day")),
    ("last week", ("2030-09-23", "2030-09-29", "week")),
    ("yesterday", ("2030-10-03", "2030-10-03", "day")),
    ("on Thursday", ("2030-10-03", "2030-10-03", "day")),
    ("late on Thursday", ("2030-10-03", "2030-10-03", "day")),
    ("March 3, 2029", ("2029-03-03", "2029-03-03", "day")),
    ("2 April 2030", ("2030-04-02", "2030-04-02", "day")),
    ("earlier this year", ("2030-01-01", "2030-10-04", "year")),
    ("two weeks ago", ("2030-09-17", "2030-09-23", "week")),
])
def test_expressions_resolve_against_publication(text, expected):
    [m] = find_expressions(text)
    s, e, g = resolve(m, PUB)
    assert (s.isoformat(), e.isoformat(), g) == expected


def test_expression_inside_the_quote_is_not_when_it_was_said():
    text = "The minister said on Monday that “elections will be held in December.”"
    content = Span.of(text, text.index("“") + 1, len(text) - 2)
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("said"), content, "2030-10-04")
    assert ts.expression == "on Monday" and ts.start == "2030-09-30" and ts.basis == "text"


def test_lead_in_paragraph_dates_the_quotes_that_follow():
    text = "In July, the envoy spoke at length:\n\n“We will stay.”"
    blocks = [Block(0, 35), Block(37, len(text), "quote")]
    content = Span.of(text, 38, len(text) - 1)
    ts = date_statement(text, blocks, 1, (37, len(text)), 37, content, "2030-10-04", lead_in=0)
    assert ts.start == "2030-07-01" and ts.granularity == "month"


def test_a_paragraphs_opening_time_dates_its_later_sentences_unless_they_open_with_their_own():
    text = ("In January, the minister told parliament that the plan was premature. She said it again "
            "in a speech. Last month, however, she indicated that the plan could go ahead, aides said.")
    blocks = [Block(0, len(text))]

    def said(cue, content_start):
        sentence = (text.rfind(". ", 0, text.index(cue)) + 2, len(text))
        return date_statement(text, blocks, 0, sentence, text.index(cue), Span.of(text, content_start, len(text) - 1),
                              "2030-10-04")
    assert said("She said", text.index("it again")).expression == "In January"
    aides = said("aides said", text.index("Last month"))  # the aides' report holds "Last month"
    assert aides.basis == "published"


@pytest.mark.parametrize("text,expression", [
    ("Asked about the pipeline in June, she said only that the plan stood.", "in June"),
    ("Asked whether she would act in June, she said only that the plan stood.", None),
])
def test_a_time_closing_a_question_about_a_thing_is_when_it_was_asked(text, expression):
    anchor = text.index("said")
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), anchor,
                        Span.of(text, text.index("only"), len(text) - 1), "2030-10-04")
    assert ts.expression == expression


def test_default_is_on_or_before_publication():
    text = "The envoy said the talks would go on."
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), 10, Span.of(text, 15, len(text) - 1), "2030-10-04")
    assert ts.start is None and ts.end == "2030-10-04" and ts.basis == "published" and ts.granularity == "unknown"


@pytest.mark.parametrize("text,expected", [
    ("the third quarter", "2030-Q3"),
    ("the 2028 second quarter", "2028-Q2"),
    ("third quarter of 2027", "2027-Q3"),
    ("11/02/29", "2029-11-02"),
    ("last summer", "2029-SU"),
    ("the late 1990s", "199"),
    ("three years ago", "2027"),
    ("now", "PRESENT_REF"),
    ("the past year", "2029"),
    ("next year's first quarter", "2031-Q1"),
    ("July last year", "2029-07"),
    ("recently", "PAST_REF"),
    ("the winter of nineteen ninety-four", "1994-WI"),
    ("January two thousand and twelve", "2012-01"),
    ("the first half of 2027", "2027-H1"),
    ("the second half of next year", "2031-H2"),
    ("the last two quarters of 2028", "2028-H2"),
    ("the '80s", "198"),
    ("the mid-'20s", "202"),
])
def test_timex_values(text, expected):
    from onrecord.timing import timex_value
    [m] = find_expressions(text)
    assert timex_value(m, PUB) == expected


def test_tense_decides_the_year_of_a_bare_month():
    from onrecord.timing import timex_value
    text = "The vote will be held in March, officials said."
    [m] = [x for x in find_expressions(text) if x.kind == "month"]
    assert timex_value(m, PUB, text) == "2031-03"
    assert timex_value(m, PUB) == "2030-03"  # without context: the past, as for reported speech


def test_loose_expressions_do_not_date_a_statement():
    text = "The minister said the 2032 elections would be fair."
    content = Span.of(text, text.index("the 2032"), len(text) - 1)
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), 13, content, "2030-10-04")
    assert ts.basis == "published"


@pytest.mark.parametrize("text,expected", [
    ("Shares traded at a high in January.", "2031-01"),  # three months ahead, no tense word: next
    ("The index stood at 500 in April.", "2030-04"),  # six months ahead: the last April instead
    ("The offer had been set to expire Oct. 20.", "2030-10-20"),  # a day just ahead keeps its year
    ("The treaty had been signed on Dec. 20.", "2029-12-20"),  # past and months ahead: a year back
])
def test_untensed_dates_lean_to_the_past_but_not_blindly(text, expected):
    from onrecord.timing import timex_value
    [m] = [x for x in find_expressions(text) if x.kind in ("month", "md")]
    assert timex_value(m, PUB, text) == expected


def test_a_clause_after_the_content_keeps_its_time_to_itself():
    text = "The minister insisted that no licences would be issued, contradicting remarks by an aide last week."
    content = Span.of(text, text.index("that"), text.index(","))
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("insisted"), content, "2030-10-04")
    assert ts.basis == "published"
    # a time after the content that is not in such a clause still dates the remark
    text = "The minister said that no licences would be issued, on Monday."
    content = Span.of(text, text.index("that"), text.index(","))
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("said"), content, "2030-10-04")
    assert ts.expression == "on Monday"


def test_a_year_before_the_medium_dates_the_words():
    text = "In a 2019 interview, the minister said the pipeline was a commercial project."
    content = Span.of(text, text.index("the pipeline"), len(text) - 1)
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("said"), content, "2026-11-20")
    assert (ts.start, ts.end, ts.granularity) == ("2019-01-01", "2019-12-31", "year")
    text = "The envoy wrote in a 2014 email that the ceasefire would not hold."
    content = Span.of(text, text.index("that the"), len(text) - 1)
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("wrote"), content, "2026-11-20")
    assert (ts.start, ts.end) == ("2014-01-01", "2014-12-31")
    # "that 2013 report" points back at a report; it does not say when she spoke
    text = "One of the authors of that 2013 report, Jane Roe, said the party would lose."
    content = Span.of(text, text.index("the party"), len(text) - 1)
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("said"), content, "2026-11-20")
    assert ts.basis == "published"


def dated_in_sentence(text, cue, content, published="2026-11-20"):
    """When ``date_statement`` dates ``content``, reported by ``cue``, within the sentence of the cue."""
    a = text.index(cue)
    at = text.index(content)
    sentence = (text.rfind(". ", 0, a) + 2, text.find(".", a) + 1)
    return date_statement(text, [Block(0, len(text))], 0, sentence, a, Span.of(text, at, at + len(content)), published)


def test_a_later_remark_counts_from_the_last_date_the_narrative_gave():
    text = ("On February 3, 2022, Lind said the pipeline could not go ahead. Two weeks later, "
            "her foreign minister said that the project was frozen. The next day, Roe said it was dead.")
    assert dated_in_sentence(text, "minister said", "that the project was frozen").start == "2022-02-17"
    assert dated_in_sentence(text, "Roe said", "it was dead").start == "2022-02-18"
    # the phrase that describes the date right before it counts from nothing
    text2 = "The president called elections for October 2014, just eight months later, Roe said."
    a = text2.index("Roe said")
    ts = date_statement(text2, [Block(0, len(text2))], 0, (0, len(text2)), a,
                        Span.of(text2, 0, text2.index(", just")), "2026-11-20")
    assert ts.start != "2015-06-01"


def test_a_time_in_a_despite_clause_after_the_content_does_not_date_it():
    text = "Officials insisted there was no split, despite reports of a clash on Tuesday."
    content = Span.of(text, text.index("there"), text.index(","))
    ts = date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index("insisted"), content, "2026-05-14")
    assert ts.basis == "published"


def dated(text, cue, content, published="2026-11-20"):
    """When ``date_statement`` says the words ``content``, reported by ``cue``, were said."""
    at = text.index(content)
    return date_statement(text, [Block(0, len(text))], 0, (0, len(text)), text.index(cue),
                          Span.of(text, at, at + len(content)), published)


def test_a_time_in_the_question_asked_does_not_date_the_answer():
    text = "Asked whether the fleet could stay in the Gulf through the summer, Roe said only that the plan was under review."
    assert dated(text, "said", "that the plan was under review").basis == "published"
    # the day it was asked is the day of the answer
    text = "Asked on Tuesday whether the fleet would stay, Roe said the plan was under review."
    assert dated(text, "said", "the plan was under review").expression == "on Tuesday"
    # the setting of the answer is its time, and a question someone else put is no question here
    text = "Asked why he had not endorsed Hale during an appearance Friday on a morning show, Roe said he was waiting."
    assert dated(text, "said", "he was waiting").expression == "Friday"
    text = "But when Roe asked the publisher to reprint the book this year, it declined."
    assert dated(text, "declined", "declined").expression == "this year"


def test_a_deadline_after_the_cue_does_not_date_the_remark():
    text = "A spokesman said the prime minister expected a compromise before the summer."
    assert dated(text, "said", "the prime minister expected a compromise", "2026-11-28").basis == "published"
    # a time just before an event, with no deadline in view, still dates what was said
    text = "Roe had been told just before Tuesday's vote that he would lose."
    assert dated(text, "told", "that he would lose", "2026-11-28").expression == "Tuesday"


def test_a_remark_a_day_before_the_sentences_day_is_dated_so():
    text = ("The ministry on Wednesday rejected the claims, a day after President Ana Sabo said boats had rammed "
            "a supply ship.")
    said = dated(text, "said", "boats had rammed a supply ship", published="2031-04-10")
    assert (said.start, said.end, said.granularity) == ("2031-04-08", "2031-04-08", "day")
    assert said.expression == "on Wednesday, a day after"
    text = "On April 3 the council voted, two weeks before the mayor said the budget was final."
    assert dated(text, "said", "the budget was final", published="2031-04-30").start == "2031-04-17"
    # never after publication: then the day the sentence gives stands
    assert dated(text, "said", "the budget was final", published="2031-04-10").start == "2031-04-03"


def _blocks(text):
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_an_entry_of_a_live_blog_is_dated_to_the_day_it_went_up():
    text = ("Live: border talks\n\n11:15 a.m.:\n\nThe opposition said the talks were a stunt.\n\n"
            "10:42 a.m. – Minister arrives\n\nThe minister said she was here to listen.")
    stamps = live_stamps(text, _blocks(text))
    for block, expression in ((2, "11:15 a.m."), (4, "10:42 a.m.")):
        said = live_entry(stamps, block, "2031-03-12")
        assert (said.start, said.end, said.granularity, said.expression) == ("2031-03-12", "2031-03-12", "day", expression)
    # a timeline of past events runs forward: its times are not the day the page went up
    assert live_stamps(text.replace("11:15 a.m.:", "09:15 a.m.:"), _blocks(text)) == []
    # one clock time on a page is no live blog
    text = "Updated 10:42 a.m.\n\n10:50 a.m.\n\nThe minister said she was here to listen."
    assert live_stamps(text, _blocks(text)) == []


def test_a_capitalised_today_inside_a_sentence_is_a_name_not_a_day():
    assert [m.text for m in find_expressions("She told the BBC's Today programme and USA Today that it was over.")] == []
    assert [m.text for m in find_expressions("Today, he said the ban would stay.")] == ["Today"]


def test_since_a_time_runs_up_to_publication():
    ts = dated("Lund has said since March that the tariffs must go.", "said", "that the tariffs must go")
    assert (ts.start, ts.end, ts.granularity) == ("2026-03-01", "2026-11-20", "since")
    assert ts.label() == "2026-03-01…"


def test_at_the_time_is_the_time_the_paragraph_last_named():
    text = "Lund last spoke about the tariffs in March. At the time, she said they must go."
    sentence = (text.index("At the time"), len(text))
    at = text.index("they must go")
    ts = date_statement(text, [Block(0, len(text))], 0, sentence, text.index("said"),
                        Span.of(text, at, at + len("they must go")), "2026-11-20")
    assert (ts.start, ts.granularity, ts.expression) == ("2026-03-01", "month", "in March")


def test_weeks_later_than_a_month_and_a_summer_that_opens_a_sentence():
    text = ("In March, Roe said the plan was dead. Two weeks later, Hale said that it could be revived. "
            "In June, Ford said it was not. The next day, Lind said it would wait.")
    two_weeks = dated_in_sentence(text, "Hale said", "that it could be revived", "2027-01-20")
    assert (two_weeks.start, two_weeks.end) == ("2026-03-15", "2026-04-14")
    assert dated_in_sentence(text, "Lind said", "it would wait", "2027-01-20").label() == "2026-06"  # near enough
    # "By the summer," opening a sentence is the last summer before publication
    assert dated("By the summer, Roe was telling reporters that the plan was dead.", "telling",
                 "that the plan was dead", published="2027-01-20").start == "2026-06-01"
    # a month inside a quotation is no date a later remark counts from
    text = 'Roe said: "From October to February, it will not work." The next day, Hale said it would.'
    a, at = text.index("Hale said"), text.index("it would")
    ts = date_statement(text, [Block(0, len(text))], 0, (text.index("The next"), len(text)), a,
                        Span.of(text, at, at + len("it would")), "2027-01-20")
    assert ts.basis == "published"


@pytest.mark.parametrize("text", ["late on Thursday", "Thursday evening", "early on Thursday"])
def test_a_weekday_keeps_the_part_of_the_day_that_orders_remarks(text):
    [m] = find_expressions(f"The ministry said {text} that talks would resume.")
    assert m.text == text
