from onrecord.ingest import text_blocks
from onrecord.statements.quotes import find_quotes


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text, text_blocks(text))]


def test_curly_straight_and_angle_quotes():
    assert spans('He said “yes, indeed” and "no, never" and «peut-être».') == [
        "yes, indeed", "no, never", "peut-être"]


def test_quote_over_paragraphs_continues_only_with_an_opening_mark():
    text = "“First part of the quote.\n\n“Second part,” she said."
    assert spans(text) == ["First part of the quote.\n\n“Second part,"]


def test_unbalanced_quote_does_not_swallow_the_article():
    text = "He said “this never closes.\n\nA new paragraph without a mark. “Real quote here,” she said."
    assert spans(text) == ["Real quote here,"]


def test_long_single_line_is_linear():
    text = ("word \u201cquoted\u201d " * 200_000)
    assert len(find_quotes(text)) == 200_000


def test_doubled_apostrophes_are_quote_marks():
    assert spans("''We will win,'' she said, and ``it is done'' he replied.") == ["We will win,", "it is done"]


def test_mixed_curly_and_straight_marks_close():
    assert spans('“We will see," she said. "Maybe not."') == ["We will see,", "Maybe not."]
    assert spans('"We will see,” she said. “Maybe not.”') == ["We will see,", "Maybe not."]


def test_an_opening_mark_typed_to_close_a_quote_closes_it():
    text = "“We lost,” Ramos wrote. “The facts are wrong. Please check them.“\n\nThe mayor did not answer."
    assert spans(text) == ["We lost,", "The facts are wrong. Please check them."]
    # an opening mark after a space still opens
    text = "He called it “fine” and then “good.”"
    assert spans(text) == ["fine", "good."]


def test_a_quotation_inside_a_quotation_with_the_same_marks_keeps_the_outer_one():
    assert spans("“They called it a “disaster,” and we agreed,” the mayor said.") == [
        "They called it a “disaster,” and we agreed,"]
    # without a second closing mark, the earlier quote simply never closed
    assert spans("He said “this never closes. Then “Real quote here,” she said.") == ["Real quote here,"]


def test_single_marks_quote_as_british_papers_do_and_apostrophes_do_not():
    assert spans("‘We will not move,’ the minister said. ‘The border stays closed.’") == [
        "We will not move,", "The border stays closed."]
    # a plural possessive inside does not close it; punctuation before the mark does
    assert spans("‘The leaders’ meeting was long,’ she said.") == ["The leaders’ meeting was long,"]
    assert spans("He called the leaders’ plan ‘a serious mistake’ for the region.") == ["a serious mistake"]
    # apostrophes alone are no quotation, nor is a decade's mark
    assert spans("It’s the ‘90s again, she said, and don’t forget it.") == []
    # single marks inside double ones belong to the outer quotation
    assert spans("“He told me ‘no’ twice,” she said.") == ["He told me ‘no’ twice,"]


def test_straight_single_marks_quote_too_and_apostrophes_elisions_and_doubled_marks_do_not():
    assert spans("'We will not move,' the minister said. 'The border stays closed.'") == [
        "We will not move,", "The border stays closed."]
    assert spans("'The leaders' meeting was long,' she said.") == ["The leaders' meeting was long,"]
    assert spans("Roe: 'We are going to win.'") == ["We are going to win."]
    # contractions, possessives, elisions and decades are no quotation
    assert spans("It's the Smiths' house. They'll play rock 'n' roll till the '90s, 'til dawn.") == []
    # the doubled apostrophes of archive text are one double mark; singles inside belong to it
    assert spans("''He said, 'Look, we won,' and left,'' she recalled.") == ["He said, 'Look, we won,' and left,"]
    assert spans('"He told me \'no\' twice," she said.') == ["He told me 'no' twice,"]
    # over paragraphs, as curly ones
    assert spans("'The talks are over.\n\n'Now the border stays closed,' he said.") == [
        "The talks are over.\n\n'Now the border stays closed,"]


def test_a_single_quoted_quotation_runs_over_paragraphs_as_double_ones_do():
    text = "‘The talks are over. We tried for a year.\n\n‘Now the border stays closed,’ the minister said.\n\nShe left."
    assert spans(text) == ["The talks are over. We tried for a year.\n\n‘Now the border stays closed,"]
    # a paragraph that does not open with the mark ends the quotation that never closed
    assert spans("‘This never closes.\n\nA new paragraph. ‘Real one,’ she said.") == ["Real one,"]


def test_the_quotation_index_finds_what_a_scan_of_every_quotation_finds():
    import random

    from onrecord.statements.quotes import Quote, QuoteList, overlapping

    rng = random.Random(7)
    for _ in range(50):
        quotes, pos = [], 0
        for _ in range(rng.randint(0, 30)):
            pos += rng.randint(1, 50)
            close = pos + rng.randint(2, 400)  # a long one may hold later openings
            quotes.append(Quote(pos, close))
        for _ in range(20):
            start = rng.randint(0, pos + 100)
            end = start + rng.randint(1, 300)
            expected = [q for q in quotes if q.open < end and q.close >= start]
            assert overlapping(QuoteList(quotes), start, end) == expected
            assert overlapping(quotes, start, end) == expected
