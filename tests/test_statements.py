import pytest

from onrecord.statements import extract, has_signal
from onrecord.statements.rows import statement_rows

pytestmark = pytest.mark.slow


def found(parse, text):
    return [(c.kind, c.source.text if c.source else None, c.cue.text if c.cue else None, c.content.text)
            for c in extract(parse(text))]


def test_direct_quote_with_attribution_after(parse):
    [(kind, src, cue, content)] = found(parse, "“The port will reopen next week,” the minister said.")
    assert kind == "direct" and src == "the minister" and cue == "said"
    assert content == "The port will reopen next week"


def test_indirect_speech_with_that_and_listener_cue(parse):
    rows = found(parse, "Maria Lopez told reporters that the embassy would stay open.")
    assert ("indirect", "Maria Lopez", "told reporters", "that the embassy would stay open") in rows


def test_according_to(parse):
    rows = found(parse, "According to the defence ministry, the convoy reached the border on time.")
    assert rows[0][0] == "indirect" and rows[0][1] == "the defence ministry"
    assert rows[0][2] == "According to" and rows[0][3].startswith("the convoy reached the border")


def test_a_trailing_according_to_is_who_relayed_the_report_not_part_of_it(parse):
    rows = found(parse, "Last month, however, he indicated that Norland could accept targeted measures against "
                        "individual officials, according to two people familiar with his remarks.")
    assert ("indirect", "he", "indicated",
            "that Norland could accept targeted measures against individual officials") in rows
    assert any(r[1] == "two people familiar with his remarks" for r in rows)


def test_mixed_quote(parse):
    rows = found(parse, "The senator said the deal was “a serious mistake” for the region.")
    assert rows[0][0] == "mixed"


def test_split_quote_keeps_the_speaker(parse):
    text = "“We are ready,” Okafor explained. “The ships can leave tomorrow if the weather holds.”"
    rows = found(parse, text)
    assert [r[1] for r in rows] == ["Okafor", "Okafor"]
    assert rows[1][3].startswith("The ships can leave")


def test_belief_is_kept_apart_from_speech(parse):
    rows = found(parse, "The governor believes that the bridge can be repaired by winter.")
    assert rows and rows[0][0] == "belief"


def test_first_person_belief_inside_a_quote_is_part_of_the_quote(parse):
    rows = found(parse, "“I think we should wait for the report,” the mayor said.")
    assert len(rows) == 1 and rows[0][0] == "direct"


def test_quote_without_speaker_nearby_is_unattributed_not_invented(parse):
    rows = found(parse, "The hall was quiet.\n\n“Nobody expected this outcome at all,” read a banner.")
    rows += found(parse, "“Nobody expected this outcome at all and nobody knows why.”")
    assert any(r[1] is None and r[2] is None for r in rows)


def test_scare_quotes_are_not_statements(parse):
    assert found(parse, "The so-called “reform” was passed on Friday by the council.") == []


def test_signal_filter():
    assert has_signal("The minister said so.") and has_signal("“Hello there”")
    assert not has_signal("The bridge is blue and the river runs wide in the spring.")


def test_fifty_megabyte_line_does_not_hang(parse):
    # parse-free check of the quote scanner and block cutter on a very long line
    from onrecord.parse import document_blocks
    from onrecord.ingest import parse_text
    doc = parse_text("a " * 2_000_000, "big.txt")
    pieces = document_blocks(doc)
    assert max(b.end - b.start for b in pieces) <= 20_000
    # 2.4 MB of double and single quotations: linear (a pass that compared every single mark
    # with every double quotation took 15 s for 0.5 MB)
    from onrecord.statements.quotes import find_quotes
    assert len(find_quotes("“a,” he said. ‘b,’ she said. " * 80_000)) == 160_000


def test_went_on_to_say(parse):
    rows = found(parse, "Ortega went on to say that the border region had become almost ungoverned.")
    assert rows[0][1] == "Ortega" and rows[0][2] == "went on to say"


def test_a_reporting_infinitive_is_the_cue_not_the_content(parse):
    rows = found(parse, "The envoy went on to say:\n\n“The border will stay closed until spring.”")
    assert rows == [("direct", "The envoy", "went on to say", "The border will stay closed until spring")]
    rows = found(parse, "Mr. Okafor declined to say whether the embassy would reopen.")
    assert rows == [("indirect", "Mr. Okafor", "declined to say", "whether the embassy would reopen")]


def test_a_reporting_participle_is_a_new_report_by_the_same_speaker(parse):
    rows = found(parse, "Officials said the talks would resume in May, while insisting that no deal was near.")
    assert ("indirect", "Officials", "said", "the talks would resume in May") in rows
    assert ("indirect", "Officials", "insisting", "that no deal was near") in rows
    rows = found(parse, "The envoy said it was too early to name a date while adding that he had no doubts.")
    assert ("indirect", "The envoy", "said", "it was too early to name a date") in rows
    assert ("indirect", "The envoy", "adding", "that he had no doubts") in rows


def test_a_second_that_clause_is_more_of_the_same_content(parse):
    rows = found(parse, "He said there are no good options, but that sometimes the lesser of two evils will have to do.")
    assert ("indirect", "He", "said",
            "there are no good options, but that sometimes the lesser of two evils will have to do") in rows


def test_a_content_never_stops_inside_a_quotation_it_opened(parse):
    rows = found(parse, "The mayor said she wanted “more buses on the night routes, which would help shift workers get home.”")
    assert ("mixed", "The mayor", "said",
            "she wanted “more buses on the night routes, which would help shift workers get home.”") in rows


def test_an_as_clause_with_its_own_content_does_not_report_the_main_clause(parse):
    rows = found(parse, "The vote comes as several governors have called for the minister to resign.")
    assert all(c != "The vote comes" for _, _, _, c in rows)
    rows = found(parse, "The harvest was poor, as the minister told reporters in Lagos.")
    assert ("indirect", "the minister", "told reporters", "The harvest was poor") in rows


def test_attribution_inside_a_sentence_gives_two_parts_without_adverbials(parse):
    rows = found(parse, "The new rules, the minister said, would take effect in March.")
    assert [r[3] for r in rows] == ["The new rules", "would take effect in March"]
    rows = found(parse, "As a result, he said, officials have begun to plan for a longer stay.")
    assert [r[3] for r in rows] == ["officials have begun to plan for a longer stay"]


def test_an_authors_inference_is_not_a_statement(parse):
    assert found(parse, "The ministry seems to have changed its mind about the treaty.") == []
    assert found(parse, "The union appears to have convinced the board that the plan is sound.") == []


def test_malformed_text_neither_crashes_nor_hangs(nlp):
    from onrecord.ingest import parse_text
    from onrecord.parse import parse_documents
    texts = ["word " * 60_000,                      # 300 KB, one line, no sentence
             "“" * 500 + " said the minister " + "”" * 3,  # marks everywhere, unbalanced
             "“open quote said Ada and nothing ever closes " * 2000]
    for text in texts:  # linear work: blocks are cut at 20,000 characters before parsing
        parsed = next(parse_documents([parse_text(text, "x.txt")], nlp))
        for c in extract(parsed):
            assert c.content.verify(text)


def test_a_verb_joined_to_an_infinitive_content_is_part_of_it(parse):
    rows = found(parse, "This week, the minister declined to threaten the rebels or even directly declare them responsible.")
    contents = [c for _, _, _, c in rows]
    assert "to threaten the rebels or even directly declare them responsible" in contents


def test_a_new_report_is_cut_from_the_content_but_a_joined_act_is_not(parse):
    rows = found(parse, "Police say the man posed a deadly threat and refused to drop the gun.")
    assert any(c == "the man posed a deadly threat and refused to drop the gun" for _, _, _, c in rows)


def test_a_cue_ending_in_a_colon_takes_the_next_paragraph(parse):
    rows = found(parse, "The host was not impressed. Lund added:\n\n"
                        "From a front-runner, this shows fear. She cannot win without help.\n\nThe show ended.")
    assert ("indirect", "Lund", "added",
            "From a front-runner, this shows fear. She cannot win without help") in rows
    rows = found(parse, "The minister told reporters:\n\n“We will not move.”")
    assert ("direct", "The minister", "told reporters", "We will not move.") in rows or \
        ("direct", "The minister", "told reporters", "We will not move") in rows


def test_a_transcript_label_takes_the_whole_turn(parse):
    rows = found(parse, "MARTIN: Do you really see those two as equal? Do you, Senator?\n\n"
                        "LUND: No. They are different cases.")
    contents = [c for _, _, _, c in rows]
    assert "Do you really see those two as equal? Do you, Senator?" in contents


def test_transcript_labels_the_parser_misreads_still_take_their_turns(parse):
    text = ("The panel was led by Marta Holt, with the economist Ivo Reyes.\n\n"
            "Holt: Well, the levy is bad.\n\n"
            "Reyes: She [the minister] is right on the facts if you look closely, but nobody listens.\n\n"
            "MINISTER ROE: Thank you very much, everybody. We will see this through.")
    rows = found(parse, text)
    # three turns make a transcript: each is its speaker's own words
    assert ("direct", "Holt", ":", "Well, the levy is bad") in rows  # "Holt" read as a noun
    assert any(r[1] == "Reyes" and r[3].endswith("but nobody listens") for r in rows)
    assert ("direct", "MINISTER ROE", ":", "Thank you very much, everybody. We will see this through") in rows
    assert not any(r[2] == "Thank" for r in rows)  # the label is not the subject of "Thank"
    # a one-word label the text never names in full, and a label inside a quotation, are not turns
    assert found(parse, "Lang: Well, the levy is bad for every farmer in the valley.") == []
    rows = found(parse, 'Jane Roe answered the prince.\n\n"Roe:You base your claims on doctored pictures? '
                        'I paid your debts twice," the prince wrote on Twitter.')
    assert all(r[1] != "Roe" for r in rows)
    # a transcript quoted paragraph by paragraph keeps its turns
    rows = found(parse, 'The transcript follows.\n\n"HOLT: Will you attend the debate?\n\n'
                        '"REYES: Well, look, nobody has invited me to that debate yet.')
    assert any(r[1] == "REYES" and r[3].startswith("Well, look, nobody") for r in rows)
    # and when the quotation closes only after the last turn, each turn is still its own
    rows = found(parse, 'Pundits argued about the exchange.\n\n"HOLT: Will you attend the debate?\n\n'
                        '"REYES: I will not be attending. The campaign is focused on the issues."')
    turns = {r[1]: r[3] for r in rows if r[2] == ":"}
    assert turns == {"HOLT": "Will you attend the debate?",
                     "REYES": "I will not be attending. The campaign is focused on the issues"}


def test_a_short_scare_quote_later_in_the_paragraph_does_not_continue_a_quotation(parse):
    rows = found(parse, '"We cannot ignore what the group has learned about our borders," Okafor said on Thursday. '
                        'Okafor is under fire for his seat in the bipartisan "Gang of Eight" that wrote the bill.')
    assert rows == [("direct", "Okafor", "said",
                     "We cannot ignore what the group has learned about our borders")]
    rows = found(parse, '"We won the vote tonight," Okafor said. "Finally."')
    assert [r[3] for r in rows] == ["We won the vote tonight", "Finally"]


def test_a_quotation_after_subject_verb_comma_has_a_new_speaker(parse):
    rows = found(parse, "“The bridge will open in May,” Okafor said. Brandt shot back: “That would be a first.”")
    assert rows[-1] == ("direct", "Brandt", "shot back", "That would be a first")
    rows = found(parse, "After Okafor criticized the harbour plan during a debate, Brandt shot back, "
                        "“I suppose we could have left the port to rot for another decade.”")
    assert rows[-1][:3] == ("direct", "Brandt", "shot back")
    # a relative clause introduces nothing: "the code the family has long embodied:"
    rows = found(parse, "The old rules the family has long embodied: “Good manners were simply assumed.”")
    assert all(r[1] != "the family" for r in rows)


def test_several_reported_clauses_make_one_content(parse):
    rows = found(parse, "Mr. Okafor said the tax would hit farmers first, his plan is dangerously wrong "
                        "and he is a bully.")
    assert rows[0][3] == "the tax would hit farmers first, his plan is dangerously wrong and he is a bully"


def test_a_circumstance_inside_the_reported_clause_stays_in_it(parse):
    rows = found(parse, "Okafor said the company was still operating at a substantial loss under the new rules.")
    assert rows[0][3] == "the company was still operating at a substantial loss under the new rules"


def test_a_joined_report_with_its_own_object_is_cut_from_the_content(parse):
    rows = found(parse, "Okafor said that even she found the figures confusing and called the harbour venture a mistake.")
    assert rows[0][3] == "that even she found the figures confusing"


def test_a_finite_verb_parsed_into_an_infinitive_is_the_outer_speakers_next_report(parse):
    rows = found(parse, "She welcomed the minister's commitment to hold elections by April and urged the "
                        "transitional authorities to release detained journalists.")
    assert ("indirect", "She", "welcomed", "the minister's commitment to hold elections by April") in rows
    assert any(r[1] == "She" and r[2] == "urged" and r[3].endswith("release detained journalists") for r in rows)


def test_a_clause_the_parser_hangs_on_the_medium_is_the_content(parse):
    # "a statement that ...": the parser reads the clause as the statement's, not the verb's
    rows = found(parse, "The ministry said in a statement that the talks had been useful.")
    assert rows == [("indirect", "The ministry", "said in a statement", "that the talks had been useful")]


def test_a_condition_after_a_parenthetical_attribution_stays_in_the_content(parse):
    rows = found(parse, "The United States is prepared to support a regional force, a State Department "
                        "spokesman said Monday, but only once a plan is presented.")
    assert rows[0][3].startswith("The United States is prepared") and rows[0][3].endswith("once a plan is presented")
    rows = found(parse, "The army will withdraw from the north, the minister said, if the rebels lay down their arms.")
    assert [r[3] for r in rows] == [
        "The army will withdraw from the north, the minister said, if the rebels lay down their arms"]


def test_a_condition_before_the_attribution_that_the_parser_hangs_on_the_cue_stays_in_the_content(parse):
    rows = found(parse, "Japan is prepared to loosen export controls on three chipmaking materials bound for South "
                        "Korea if Seoul drops its complaint at the World Trade Organization, Chief Cabinet Secretary "
                        "Haruto Sato said on Tuesday.")
    assert rows[0][3].endswith("South Korea if Seoul drops its complaint at the World Trade Organization")


def test_a_speech_or_intent_noun_reports_its_clause(parse):
    rows = found(parse, "The general's warning that troops would stay drew criticism from the opposition.")
    assert rows == [("indirect", "The general's", "warning", "that troops would stay")]
    rows = found(parse, "Okafor's pledge to hold elections by April was welcomed in the capital.")
    assert rows == [("indirect", "Okafor's", "pledge", "to hold elections by April")]
    # the noun phrase is what another statement is about: that statement holds it
    rows = found(parse, "Okafor attacked the general's warning that troops would stay in the north.")
    assert [r[2] for r in rows] == ["attacked"]


def test_a_passive_report_is_kept_without_a_speaker(parse):
    rows = found(parse, "The minister is expected to announce the new harbour budget on Friday.")
    assert rows == [("indirect", None, "is expected",
                     "The minister is expected to announce the new harbour budget on Friday")]
    rows = found(parse, "The harbour plan is widely seen as a gift to the shipping firms.")
    assert rows[0][1] is None and rows[0][3].endswith("a gift to the shipping firms")
    assert found(parse, "The bridge was built in 1990 by a firm from Leeds.") == []


def test_interview_turns_are_statements_of_their_labels(parse):
    text = ("Q: You wrote your first book at fourteen. What did you find there?\n\n"
            "A: Believe me, a wall is not going to keep families apart for long.")
    rows = found(parse, text)
    assert ("indirect", "A", ":", "Believe me, a wall is not going to keep families apart for long") in rows
    assert any(r[1] == "Q" and r[3].startswith("You wrote your first book") for r in rows)
    rows = found(parse, "QUESTION: Will the envoy travel to the region this week?\n\n"
                        "MS. ROE: I have no travel to announce for the envoy today.")
    assert any(r[1] == "QUESTION" and r[3].startswith("Will the envoy travel") for r in rows)


def test_a_quotation_right_after_a_reporting_verb_is_its_content(parse):
    rows = found(parse, 'Asked whether he would quit the race, he said "Absolutely not," and walked off the stage.')
    assert ("direct", "he", "said", "Absolutely not") in rows
    # a cue inside its sentence still reports both parts ("A, she added, “B.”")
    rows = found(parse, "The streets were empty, she added, “but people need to meet somehow.”")
    assert [r[3] for r in rows] == ["The streets were empty", "but people need to meet somehow"]


def test_polnear_rows_join_split_quotes_and_hold_the_quotation_marks(parse):
    from onrecord.statements import whole_statements

    text = "“We won,” Okafor said. “The harbour stays open.”\n\nShe said the port would stay open."
    rows = whole_statements(text, extract(parse(text)))
    contents = [text[r["content"][0]:r["content"][1]] for r in rows]
    assert contents == ["“We won,” Okafor said. “The harbour stays open.”", "the port would stay open"]
    bare = whole_statements(text, extract(parse(text)), polnear_edges=False)
    assert text[bare[0]["content"][0]:bare[0]["content"][1]] == "We won,” Okafor said. “The harbour stays open"
    rows = whole_statements("Jane Roe, the mayor, said the port would close.",
                            extract(parse("Jane Roe, the mayor, said the port would close.")))
    assert rows[0]["source"] == [0, len("Jane Roe, the mayor,")]


def test_the_preposition_a_cue_governs_is_part_of_the_cue(parse):
    rows = found(parse, "Okafor spoke briefly about the closure of the harbour.")
    assert ("indirect", "Okafor", "spoke briefly about", "the closure of the harbour") in rows
    rows = found(parse, "Okafor would not comment on the order signed by the governor.")
    assert rows[0][2:] == ("would not comment on", "the order signed by the governor")


def test_a_speaker_mention_leaves_out_linking_words_but_keeps_quantifiers(parse):
    rows = found(parse, "Meanwhile Okafor, the port director, said the harbour would close.")
    assert rows[0][1] == "Okafor, the port director"
    rows = found(parse, "Not all of the farmers said they would stay home.")
    assert rows[0][1] == "Not all of the farmers"


def test_a_cue_holds_its_adverb_and_medium(parse):
    assert found(parse, "Okafor also said that the harbour would close.")[0][2] == "also said"
    assert found(parse, "Okafor said in a statement that the harbour would close.")[0][2] == "said in a statement"
    assert found(parse, "Okafor said Thursday that the harbour would close.")[0][2] == "said Thursday"
    # "only" is not how the words came: it stays out
    assert found(parse, "Okafor said only that the harbour would close.")[0][2] == "said"


def test_a_refusal_to_comment_is_on_the_record(parse):
    assert found(parse, "The harbour authority declined to comment.") == [
        ("indirect", "The harbour authority", "declined", "to comment")]
    # with words after it, the infinitive reports them
    rows = found(parse, "Okafor declined to say whether the harbour would close.")
    assert rows == [("indirect", "Okafor", "declined to say", "whether the harbour would close")]


def test_a_one_word_answer_is_the_content(parse):
    rows = found(parse, "Asked whether the harbour would close, Okafor said yes.")
    assert [r[3] for r in rows if r[1] == "Okafor"] == ["yes"]
    assert found(parse, "Okafor said no new taxes would come.")[0][3] == "no new taxes would come"
    assert all(r[3] != "no" for r in found(parse, "Okafor said no to the harbour deal."))


def test_a_speaker_mention_never_runs_into_the_quotation_it_reports(parse):
    rows = found(parse, "“Very good reporter, very good reporter this guy,” Okafor, the party’s front-runner, "
                        "said at a rally.")
    assert rows[0][1:3] == ("Okafor, the party’s front-runner", "said")


def test_an_inverted_speaker_the_parser_hung_elsewhere_is_found(parse):
    text = ("“I am better with my hands than with my head,” said Lena Okafor, half joking. She has worked "
            "at the plant for 24 years. “But I like working with my hands.”")
    rows = found(parse, text)
    assert [r[1] for r in rows] == ["Lena Okafor", "Lena Okafor"]


def test_who_heard_it_is_not_what_was_said(parse):
    rows = found(parse, "Okafor told the council about the closure of the harbour.")
    assert rows and rows[0][3].endswith("the closure of the harbour") and "council" not in rows[0][3]


def test_who_is_urged_or_called_on_to_act_is_part_of_the_content(parse):
    rows = found(parse, "The governor urged coastal residents to leave before the storm.")
    assert ("indirect", "The governor", "urged", "coastal residents to leave before the storm") in rows
    rows = found(parse, "The union called on the minister to resign over the contract.")
    assert any(r[3] == "the minister to resign over the contract" for r in rows)
    # a date the parser takes for an object is not someone told to act
    rows = found(parse, "The mayor promised Monday to reopen the bridge.")
    assert any(r[3] == "to reopen the bridge" for r in rows)


def test_an_abbreviation_keeps_its_stop_at_the_end_of_a_content(parse):
    rows = found(parse, "The senator said the ban would apply to every port in the U.S. The vote is on Friday.")
    assert any(r[3] == "the ban would apply to every port in the U.S." for r in rows)
    rows = found(parse, "The senator said the ban would apply to every port.")
    assert any(r[3] == "the ban would apply to every port" for r in rows)


def test_british_single_quotes_are_direct_quotes_with_their_continuation(parse):
    rows = found(parse, "‘We will not move,’ the minister said. ‘The border stays closed until the talks resume.’")
    assert [r[0] for r in rows] == ["direct", "direct"]
    assert [r[1] for r in rows] == ["the minister", "the minister"]
    assert rows[1][3] == "The border stays closed until the talks resume"
    rows = found(parse, "The minister said the plan was ‘a serious mistake’ for the region.")
    assert rows[0][0] == "mixed"


def test_straight_single_quotes_are_direct_quotes_with_their_continuation(parse):
    rows = found(parse, "'We will not move,' the minister said. 'The border stays closed until the talks resume.'")
    assert [r[0] for r in rows] == ["direct", "direct"]
    assert [r[1] for r in rows] == ["the minister", "the minister"]
    assert rows[1][3] == "The border stays closed until the talks resume"
    rows = found(parse, "The prime minister told MPs: 'Our patience has limits, and the other side knows it.'")
    assert rows[0][0] == "direct" and rows[0][3] == "Our patience has limits, and the other side knows it"


def test_a_british_quote_over_two_paragraphs_is_one_statement_of_its_speaker(parse):
    text = ("The minister spoke on Monday.\n\n‘The talks are over. We tried for a year.\n\n"
            "‘Now the border stays closed,’ the minister said.\n\nShe left.")
    rows = found(parse, text)
    assert len(rows) == 1 and rows[0][:2] == ("direct", "the minister")
    assert rows[0][3].startswith("The talks are over") and rows[0][3].endswith("the border stays closed")


def test_dedupe_keeps_what_comparing_every_pair_keeps():
    import random

    from onrecord.model import Span
    from onrecord.statements import _dedupe, _overlap
    from onrecord.statements.rules import Candidate

    def brute(cands):
        order = {"direct": 3, "mixed": 2, "indirect": 1, "belief": 0}
        kept = []
        for c in sorted(cands, key=lambda c: (-c.confidence, -order[c.kind], c.content.start)):
            if not [k for k in kept if _overlap(k.content, c.content) > 0.8
                    and (k.cue == c.cue or k.source == c.source or k.cue is None or c.cue is None)]:
                kept.append(c)
        return sorted(kept, key=lambda c: (c.content.start, c.content.end))

    rng = random.Random(5)
    text = "w " * 2000
    for _ in range(40):
        cands = []
        for _ in range(rng.randint(1, 60)):
            a = rng.randint(0, 3500)
            b = a + rng.choice((5, 40, 300, 700))  # some contents cross several buckets
            cue = rng.choice((None, (a - 6, a - 1), (b + 1, b + 6)))
            cands.append(Candidate(rng.choice(("direct", "mixed", "indirect")), Span.of(text, a, b),
                                   Span.of(text, *cue) if cue and cue[0] >= 0 else None, None,
                                   rng.choice((0.6, 0.8, 0.95)), rule="ccomp"))
        assert _dedupe(cands) == brute(cands)


def test_a_clause_split_by_its_attribution_is_one_statement_in_two_parts(parse):
    from onrecord.statements import whole_statements

    text = "It is no surprise, Mr. Garin said, that the governor won the state by ten points."
    found = extract(parse(text))
    assert [c.content.text for c in found] == ["It is no surprise", "that the governor won the state by ten points"]
    assert found[1].continues == found[0].content and found[1].source.text == "Mr. Garin"
    [row] = whole_statements(text, found)
    assert text[row["content"][0]:row["content"][1]] == text[:-1]


def test_a_speaker_after_a_quotation_parsed_as_the_verbs_object_is_still_the_speaker(parse):
    rows = found(parse, "“Look, the governor needed to win the first two primaries,” added a South Dakota Republican.")
    assert rows[0][1:3] == ("a South Dakota Republican", "added")


def test_a_circumstance_after_a_parenthetical_cue_is_not_a_second_part(parse):
    rows = found(parse, "“You should resign,” Senator Roe told Hale, after he admitted under questioning "
                        "that he had not been held accountable.")
    assert not any(r[3].startswith("after") for r in rows)
    assert rows[0][1:4] == ("Senator Roe", "told", "You should resign")


def test_according_to_inside_a_quotation_is_the_quotations_speaker_talking(parse):
    text = ("“Turnout fell in every district,” the report stated. “According to the county clerk, "
            "fewer than half of the voters came.”")
    rows = found(parse, text)
    assert [r[1] for r in rows] == ["the report", "the report"]
    assert rows[1][3].startswith("According to the county clerk")


def test_a_quotation_that_goes_on_with_a_reported_clause_is_part_of_that_statement(parse):
    rows = found(parse, "Ms. Hale also argued that it would be better to sell the land than the port, "
                        "“because the buyers of ports will be getting all of the credit.”")
    assert rows == [("mixed", "Ms. Hale", "also argued", "that it would be better to sell the land than the port, "
                     "“because the buyers of ports will be getting all of the credit.”")]


def test_who_heard_a_remark_is_not_what_was_said(parse):
    rows = found(parse, "The senator said to a crowd of about 500 supporters in Dayton. "
                        "She explained to voters that the plan was sound.")
    assert all("crowd" not in r[3] for r in rows)
    assert ("indirect", "She", "explained", "that the plan was sound") in rows


def test_an_infinitive_after_continued_or_went_on_names_the_act_and_its_object_is_the_content(parse):
    rows = found(parse, "She continued to express doubts about the treaty. He went on to call the plan a disgrace.")
    assert ("indirect", "She", "continued to express", "doubts about the treaty") in rows
    assert ("indirect", "He", "went on to call", "the plan a disgrace") in rows


def test_made_clear_and_made_the_case_are_cues(parse):
    rows = found(parse, "The senator made clear that she would vote against the bill. "
                        "Roe made the case that the tax was unfair. The company made a profit in May.")
    assert ("indirect", "The senator", "made clear", "that she would vote against the bill") in rows
    assert ("indirect", "Roe", "made the case", "that the tax was unfair") in rows
    assert not any("profit" in r[3] for r in rows)


def test_a_speaker_mention_ends_before_a_clause_that_is_another_statement(parse):
    rows = found(parse, "“Prices are up a little,” said Tom Ekovich, a grain farmer, who noted that rain had come late.")
    assert ("direct", "Tom Ekovich, a grain farmer", "said", "Prices are up a little") in rows
    assert any(r[2] == "noted" and r[3].endswith("rain had come late") for r in rows)
    # a relative clause that says nothing is part of who the speaker is
    rows = found(parse, "“We are ready for the harvest,” said Ann Roe, who farms near Ames.")
    assert rows[0][1] == "Ann Roe, who farms near Ames"



def test_a_speaker_mention_ends_before_an_aside_on_how_the_source_spoke(parse):
    rows = found(parse, "Sen. Ana Ruiz, D-Ore., speaking at a rally in Salem, said the tax would pass.")
    assert rows[0][1] == "Sen. Ana Ruiz, D-Ore."  # the stop of the abbreviation stays
    rows = found(parse, "A port official, who spoke on condition of anonymity, said the ships were late.")
    assert rows[0][1] == "A port official"
    rows = found(parse, "A senior aide who was not authorized to speak publicly said the vote was close.")
    assert rows[0][1] == "A senior aide"
    # a clause that tells who the source is stays
    rows = found(parse, "A farmer who grows wheat near Ames said the rain had come late.")
    assert rows[0][1] == "A farmer who grows wheat near Ames"


def test_a_quotation_closed_by_a_comma_and_followed_by_speaker_and_verb_is_theirs(parse):
    # a verb no lexicon lists, a three-word quotation, an exclamation and a verb-first frame
    rows = found(parse, "The reporter kept asking questions. “Go back to Denver,” Okafor barked at him.")
    assert ("direct", "Okafor", "barked", "Go back to Denver") in rows
    rows = found(parse, "The rally went on. \"They want me!\" he says to a friend near the stage.")
    assert ("direct", "he", "says", "They want me!") in rows
    rows = found(parse, "The square was full. “No!” the crowd cried out.")
    assert ("direct", "the crowd", "cried out", "No!") in rows
    # a title in quotation marks inside a sentence, or one the sentence goes on from, is not speech
    assert found(parse, "In “Hamlet,” Lena Okafor plays the queen.") == []
    assert found(parse, "“Hamlet,” the play, opened in May.") == []


def test_the_short_first_part_of_a_split_quotation_joins_the_rest(parse):
    text = "The senator was angry. “Every time,” said Tester, “you lose another voter in my state.”"
    rows, _ = statement_rows(text, extract(parse(text)))
    assert [text[r["content"][0]:r["content"][1]] for r in rows] == [
        "“Every time,” said Tester, “you lose another voter in my state.”"]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons(parse):
    text = ("The two candidates traded claims about health care.\n\n"
            "\"The idea that I would dismantle health care is just not accurate.\"\n\n- Lena Okafor.\n\n"
            "“Politics is the art of the possible.” — Otto von Brandt, in an interview")
    rows = found(parse, text)
    assert [(r[0], r[1]) for r in rows] == [("direct", "Lena Okafor"), ("direct", "Otto von Brandt")]
    # a dash that opens a sentence is no signature
    rows = found(parse, "“It is over,” the aide said.\n\n- Voters went to the polls in the rain and the count ran late.")
    assert [r[1] for r in rows] == ["the aide"]


def test_a_verb_the_parser_left_without_a_subject_takes_the_phrase_right_before_it(parse):
    rows = found(parse, "Campaigning for Ann Roe, former governor Ted Roe said his wife was ready to serve.")
    assert ("indirect", "former governor Ted Roe", "said", "his wife was ready to serve") in rows


def test_a_clause_split_by_its_attribution_keeps_its_own_subject(parse):
    text = "Voters, Lena Okafor suggested, don't have to worry that big banks can influence policy."
    rows = found(parse, text)
    assert {r[1] for r in rows} == {"Lena Okafor"}
    assert [r[3] for r in rows][0] == "Voters"
    joined, _ = statement_rows(text, extract(parse(text)))
    assert len(joined) == 1 and text[joined[0]["content"][0]:joined[0]["content"][1]].startswith("Voters, Lena")


def test_a_title_case_headline_is_read_in_sentence_case_with_its_names_kept(parse):
    from onrecord.model import Block
    from onrecord.parse import recased_headline

    text = ("Lena Okafor Defends Herself Against Claims She Misled Voters On Trade\n\n"
            "Lena Okafor on Friday defended herself against claims that she misled voters in Ohio.")
    line = recased_headline(text, Block(0, text.index("\n")))
    assert line == "Lena Okafor defends herself against claims she misled voters on trade"
    assert len(line) == text.index("\n")  # every offset stays where it was
    rows = found(parse, text)
    assert ("indirect", "Lena Okafor", "Defends", "Herself Against Claims She Misled Voters On Trade") in rows
    # a sentence full of names is no headline
    text = "Senator Ann Roe met Governor Ted Hale in Boston on Monday.\n\nThey talked."
    assert recased_headline(text, Block(0, text.index("\n"))) == text[:text.index("\n")]


def test_a_content_starts_after_a_wire_dateline(parse):
    rows = found(parse, "OTTAWA (Wire) — Canada will not impose new sanctions yet, the foreign minister said.")
    assert rows[0][3] == "Canada will not impose new sanctions yet"
    rows = found(parse, "NATO - the alliance of 32 - will meet in June, the spokesman said.")
    assert rows[0][3].startswith("NATO")  # an apposition after a name is no dateline
    rows = found(parse, "BRUSSELS, March 14 (Wire) - Talks on a trade pact have stalled, two diplomats said.")
    assert rows[0][3] == "Talks on a trade pact have stalled"  # a dated dateline too
    rows = found(parse, "BOGOTÁ, May 2 (Wire) - The ceasefire will hold, the interior minister told reporters.")
    assert rows[0][3] == "The ceasefire will hold"  # a city written with an accent


def test_a_sentence_opening_with_asked_holds_the_question_not_the_answer(parse):
    rows = found(parse, "Asked whether Canada would join the naval mission, the defence minister was blunt.")
    assert ("question", None, "Asked", "whether Canada would join the naval mission") in rows
    rows = found(parse, "Asked about the tariffs, Ana Ruiz said the talks would go on.")
    assert ("question", None, "Asked about", "the tariffs") in rows
    assert ("indirect", "Ana Ruiz", "said", "the talks would go on") in rows
    # a quotation in the question keeps it a question
    rows = found(parse, "Asked if the plan was “a betrayal,” Roe shrugged.")
    assert rows[0][0] == "question"


def test_an_editors_bracketed_insertion_stays_whole_in_the_speaker_and_the_content(parse):
    rows = found(parse, '"There is a limit to our patience," said [Foreign Minister Ana] Roe.')
    assert rows[0][1] == "[Foreign Minister Ana] Roe"
    rows = found(parse, '"There is a limit to our patience," [Foreign Minister Ana] Roe said.')
    assert rows[0][1] == "[Foreign Minister Ana] Roe"
    rows = found(parse, "The ministry said [the talks] would resume in June.")
    assert rows[0][3] == "[the talks] would resume in June"


def test_a_report_joined_to_a_reported_clause_after_a_modal_is_the_outer_speakers(parse):
    rows = found(parse, "Her deputy indicated that a new draft could be ready within a week, "
                        "and went on to say that no one wants the talks to fail.")
    assert ("indirect", "Her deputy", "indicated", "that a new draft could be ready within a week") in rows
    assert any(r[1] == "Her deputy" and r[3] == "that no one wants the talks to fail" for r in rows)
    # a verb that reports nothing stays in the clause it was joined to
    rows = found(parse, "The spokesman said Ana Roe will work with whoever wins and is committed to the alliance.")
    assert rows[0][3].endswith("is committed to the alliance")


def test_signatures_and_transcript_labels_read_accented_capitals(parse):
    rows = found(parse, "Quote of the day.\n\n“Man is condemned to be free.”\n\n— Émile Zola")
    assert ("direct", "Émile Zola", "—", "Man is condemned to be free") in rows
    rows = found(parse, "ÉLODIE ROUX: We will not sign this text as it stands today.")
    assert rows[0][1] == "ÉLODIE ROUX"


def test_a_word_of_the_writers_before_a_quotation_makes_it_mixed_not_direct(parse):
    rows = found(parse, 'Vogel rejected the plan, saying Berlin "will not sign a blank cheque."')
    assert ("mixed", "Vogel", "saying", 'Berlin "will not sign a blank cheque."') in rows
    rows = found(parse, 'Vogel said that "the plan is dead."')
    assert rows[0][0] == "direct"


def test_a_date_before_a_pronoun_speaker_is_not_part_of_the_mention(parse):
    rows = found(parse, "At a rally on Saturday she repeated that the harbour would stay open.")
    assert ("indirect", "she", "repeated", "that the harbour would stay open") in rows


def test_as_someone_put_it_reports_the_quotation_not_it(parse):
    rows = found(parse, 'As Okafor put it after the vote, "A budget is not a blank check."')
    assert rows == [("direct", "Okafor", "put", "A budget is not a blank check")]


def test_an_as_clause_whose_object_the_parser_lost_does_not_report_the_headline(parse):
    rows = found(parse, "Farmers protest on fuel tax as ministry urges calm")
    assert all(c != "Farmers protest on fuel tax" for _, _, _, c in rows)


@pytest.mark.parametrize("text, expected", [
    ("In Okafor's view, the levy will hurt small farms.",
     [("belief", "Okafor", "In Okafor's view", "the levy will hurt small farms")]),
    ("The levy, in the view of two judges, breaks the constitution.",
     [("belief", "two judges", "in the view of", "The levy"),
      ("belief", "two judges", "in the view of", "breaks the constitution")]),
    ('She backed the levy because, in her words, "farmers can carry it."',
     [("direct", "her", "in her words", "farmers can carry it")]),
])
def test_a_view_or_words_set_off_from_the_clause_are_the_owners(parse, text, expected):
    rows = found(parse, text)
    for row in expected:
        assert row in rows


@pytest.mark.parametrize("text", [
    "In my view, the levy will hurt small farms.",            # the writer's own
    "Okafor clearly believed in her judgment.",               # not set off: an object
    "He saw the same thing in Okafor's robotic words of welcome.",
])
def test_a_view_phrase_that_is_not_an_attribution_is_left_alone(parse, text):
    assert all(cue is None or "view" not in cue and "words" not in cue and "judgment" not in cue
               for _, _, cue, _ in found(parse, text))


def test_a_request_for_anonymity_is_not_a_statement(parse):
    rows = found(parse, "One adviser, who asked not to be named, conceded that a deal was unlikely.")
    assert [r[3] for r in rows] == ["that a deal was unlikely"]
    rows = found(parse, "The ministry has drafted new rules for the trade, two of the people said, speaking on "
                        "condition of anonymity because the plans have not been made public.")
    assert [r[3] for r in rows] == ["The ministry has drafted new rules for the trade"]
    rows = found(parse, "One of the officials, who spoke on condition of anonymity to discuss internal "
                        "deliberations, said the plans had been requested in October.")
    assert [r[3] for r in rows] == ["the plans had been requested in October"]
    # the request after the attribution: why the source asked is not what the source said
    rows = found(parse, "The convoy never left the port, he said, on condition of anonymity to discuss "
                        "the operation.")
    assert [r[3] for r in rows] == ["The convoy never left the port"]
    rows = found(parse, "The talks have stalled, an aide said, on condition of anonymity because she was "
                        "not authorized to speak.")
    assert [r[3] for r in rows] == ["The talks have stalled"]


def test_an_infinitive_after_a_time_is_the_content_however_the_parser_hangs_it(parse):
    rows = found(parse, 'The president vowed on Monday to "finish the job" against the rebels, '
                        'hours after the army said it had taken the port.')
    assert ("mixed", "The president", "vowed", 'to "finish the job" against the rebels') in rows
    # an infinitive of purpose after a listener is not what was said
    rows = found(parse, "The minister spoke to reporters to explain the plan.")
    assert all(c != "to explain the plan" for _, _, _, c in rows)


def test_a_speaker_the_parser_hangs_on_the_content_as_an_apposition_still_speaks(parse):
    rows = found(parse, "The bank will cut rates in June, its chief economist, Tom Hale, said.")
    assert ("indirect", "its chief economist, Tom Hale", "said", "The bank will cut rates in June") in rows
    # a quotation's own speaker with an aside is not an apposition of the quotation
    rows = found(parse, "“I would have been sitting in jail for years,” Mr. Okafor, now 81 and retired "
                        "in Cambridge, Mass., said by telephone.")
    assert all(src != "Mass" for _, src, _, _ in rows)


def test_a_content_never_ends_on_a_conjunction_and_a_dummy_it_says_nothing(parse):
    rows = found(parse, 'Lunde said it was "far too early" to talk about cuts and warned that '
                        'markets were "getting ahead of themselves."')
    assert ("mixed", "Lunde", "said", 'it was "far too early" to talk about cuts') in rows
    assert all(src != "it" for _, src, _, _ in rows)
    assert found(parse, "It is important to say that the plan has failed.") == []


def test_two_clauses_joined_before_a_trailing_attribution_are_one_content(parse):
    rows = found(parse, "The group polled the race in May, and both surveys showed the senator ahead, officials said.")
    assert ("indirect", "officials", "said",
            "The group polled the race in May, and both surveys showed the senator ahead") in rows
    # a colon or a quotation after the writer's clause is no such join
    rows = found(parse, 'At the time, Roe seemed to suggest he had won: "They signed the deal," he told the paper.')
    assert all(not r[3].startswith("At the time") or '"' not in r[3] for r in rows)


def test_a_quotation_another_statement_holds_is_not_the_next_speakers(parse):
    rows = found(parse, 'Energy Minister Karin Holm told colleagues that the pipeline was "a strategic necessity." '
                        'Environment Minister Lena Berg disagreed.')
    assert [r[1] for r in rows] == ["Energy Minister Karin Holm"]


def test_a_subjectless_clause_hung_past_another_attribution_is_not_the_content(parse):
    rows = found(parse, "The central bank is considering a cut in interest rates as early as next month, four people "
                        "familiar with the matter said, as a slump in factory orders deepens fears of a recession.")
    assert [(r[1], r[2]) for r in rows] == [("four people familiar with the matter", "said")]


def test_a_passive_with_its_agent_reports_its_subject(parse):
    rows = found(parse, "The plan was announced by the ministry on Monday.")
    assert ("indirect", "the ministry", "was announced", "The plan") in rows
    rows = found(parse, "The talks were first reported by the Courier.")
    assert ("indirect", "the Courier", "were first reported", "The talks") in rows


def test_a_time_after_a_parenthetical_attribution_is_the_writers(parse):
    rows = found(parse, "The north fired a missile into the sea on Tuesday, the military said, hours before the "
                        "foreign ministers met in Tokyo.")
    assert [r[3] for r in rows] == ["The north fired a missile into the sea on Tuesday"]


def test_a_clause_that_ends_on_a_comma_a_speaker_and_a_verb_is_reported_whole(parse):
    rows = found(parse, "The new canal has made it cheaper for growers with small, if fertile, plots and orchards "
                        "to ship into cities and reach buyers, she said.")
    assert rows == [("indirect", "she", "said", "The new canal has made it cheaper for growers with small, if "
                     "fertile, plots and orchards to ship into cities and reach buyers")]
    # a subordinate clause, or no clause, before the comma reports nothing
    assert found(parse, "But even after the harvest failed, the exports continued.") == []
    assert found(parse, "Then, last week, Mayor Tomas Roe called.") == []


@pytest.mark.parametrize("text,contents", [
    ("The mill owner said earlier on Friday during a news conference that he may wait until the autumn fair "
     "to decide whom to back.", ["that he may wait until the autumn fair to decide whom to back"]),
    ("Roe told the mayor at a hearing that the levy was unfair to farmers.", ["that the levy was unfair to farmers"]),
    ("The port director, Ivo Brandt, said in one of a series of radio messages that the ferries would stop "
     "running in June.", ["that the ferries would stop running in June"]),
])
def test_a_clause_the_parser_hangs_on_the_occasion_is_the_verbs_content(parse, text, contents):
    assert [r[3] for r in found(parse, text)] == contents


def test_a_row_of_verbs_the_parser_split_shares_its_first_verbs_subject(parse):
    rows = found(parse, "Roe further summed up the mayor as “weak,” denounced her record as treasurer and said "
                        "she should not even be allowed to run for office.")
    assert ("indirect", "Roe", "said", "she should not even be allowed to run for office") in rows
    assert all(r[1] == "Roe" for r in rows)


def test_a_dangling_time_before_another_report_is_no_part_of_the_content(parse):
    rows = found(parse, 'KESSEL, May 2 (Wire) - Norland\'s foreign ministry on Wednesday rejected what it called '
                        '"groundless accusations" by Estovia over the Kessel Reef, a day after Estovian President '
                        'Ana Sabo said patrol boats had rammed a supply ship.')
    assert rows[0][3] == 'what it called "groundless accusations" by Estovia over the Kessel Reef'
    assert rows[1][1:] == ("Estovian President Ana Sabo", "said", "patrol boats had rammed a supply ship")


def test_as_an_official_put_it_to_an_outlet_gives_the_quotation_to_the_official(parse):
    text = ('Gen. Tom Bell struck a similar note. "We cannot leave," he said.\n\n'
            'But as a senior administration official put it to the Washington Post, "State is talking about '
            'legitimacy. Those are two problems."')
    last = extract(parse(text))[-1]
    assert last.content.text.startswith("State is talking") and last.source.text == "a senior administration official"


def test_who_was_told_is_not_part_of_the_quotation(parse):
    [c] = extract(parse('As a senior official told the Post, "This is a mess."'))
    assert c.content.text == "This is a mess"


@pytest.mark.parametrize("text", ["The White House has said little.",
                                  "It is worth pulling together what officials have said about the crisis."])
def test_saying_little_or_what_was_said_about_something_reports_no_words(parse, text):
    assert extract(parse(text)) == []


def test_a_second_that_clause_after_a_quotation_is_the_same_cues_content(parse):
    text = ('Hale told a think tank audience that the government was prepared to "work with the transitional '
            'authorities on a timetable for elections," and that aid could resume "once a credible calendar is '
            'on the table."')
    second = extract(parse(text))[-1]
    assert second.content.text == 'that aid could resume "once a credible calendar is on the table."'
    assert second.kind == "mixed" and second.source.text == "Hale"


def test_a_time_the_parser_hung_on_the_subject_is_no_part_of_the_speaker(parse):
    text = ("Senators from both parties on Tuesday said the aid should flow.\n\n"
            "Officials in Kyiv last week said the talks had failed.\n\n"
            "A news report published Wednesday said it was over.")
    assert [c.source.text for c in extract(parse(text))] == [
        "Senators from both parties", "Officials in Kyiv", "A news report published Wednesday"]


def test_a_clause_before_a_speaker_and_another_after_the_cue_gives_the_one_after(parse):
    [c] = extract(parse("Kremlin rejects ceasefire proposal, Kyiv says talks are pointless\n\nThe talks go on."))
    assert (c.content.text, c.source.text) == ("talks are pointless", "Kyiv")
    text = '"You should resign," Warren told him, after he admitted he had not been held accountable.'
    assert extract(parse(text))[0].content.text == "You should resign"


def test_a_name_the_parser_glued_to_a_weekday_is_the_object(parse):
    found = extract(parse('Jeb Bush endorsed Cruz Wednesday. "It is a coup," the writer explained.'))
    assert [(c.content.text, c.source.text) for c in found][0] == ("Cruz", "Jeb Bush")


@pytest.mark.parametrize("text, content", [
    ("The senator has resisted calls from some party leaders to drop out of the race.",
     "calls from some party leaders to drop out of the race"),
    ("The minister defended his call to raise the minimum wage to $15 an hour.",
     "his call to raise the minimum wage to $15 an hour"),
    ("The president proposed nearly $2 billion in funds to help cities repair their bridges.",
     "nearly $2 billion in funds to help cities repair their bridges"),
])
def test_an_infinitive_the_parser_hung_on_the_verb_stays_with_the_object(parse, text, content):
    assert content in [r[3] for r in found(parse, text)]


@pytest.mark.parametrize("text, source, content", [
    ("The foreign ministry summoned the Norlandian ambassador on Tuesday to protest what it called "
     "a violation of its airspace.", "The foreign ministry", "what it called a violation of its airspace"),
    ("The ministry called in the French envoy to demand an explanation for the remarks.",
     "The ministry", "an explanation for the remarks"),
    ("The foreign ministry summoned the Norlandian charge d'affaires to convey its strong objection to the visit.",
     "The foreign ministry", "its strong objection to the visit"),
    ("She called a press conference to deny the reports.", "She", "the reports"),
])
def test_what_a_government_summons_an_envoy_or_calls_reporters_in_to_say_is_its_statement(parse, text, source, content):
    assert [(r[1], r[3]) for r in found(parse, text)] == [(source, content)]


@pytest.mark.parametrize("text, source, cue, content", [
    ("Ostrava lodged a formal protest with Norland over the detentions.",
     "Ostrava", "lodged a formal protest with Norland over", "the detentions"),
    ("Seoul delivered a protest note to Tokyo against the textbook revisions.",
     "Seoul", "delivered a protest note to Tokyo against", "the textbook revisions"),
    ("Lopez raised objections to the plan.", "Lopez", "raised objections to", "the plan"),
])
def test_a_protest_lodged_is_a_statement_about_what_it_protests(parse, text, source, cue, content):
    assert ("indirect", source, cue, content) in found(parse, text)


@pytest.mark.parametrize("text", [
    "The president called a referendum on the treaty.",
    "Norland recalled its ambassador from Ostrava for consultations.",
    "Police called in the army on Monday.",
])
def test_calling_a_vote_or_recalling_an_envoy_is_an_act_not_a_statement(parse, text):
    assert found(parse, text) == []


def test_call_and_recall_still_report_words(parse):
    assert ("indirect", "Lopez", "called", "the vote a sham") in found(parse, "Lopez called the vote a sham.")
    assert ("indirect", "She", "recalled", "that the talks had nearly collapsed") in found(
        parse, "She recalled that the talks had nearly collapsed.")
    assert ("indirect", "The party", "called for", "snap elections") in found(parse, "The party called for snap elections.")


def test_a_question_put_to_the_speaker_in_an_aside_is_no_statement_of_theirs(parse):
    rows = found(parse, "The minister, asked whether troops would stay, said they would leave by June.")
    assert ("indirect", "The minister", "said", "they would leave by June") in rows
    assert not any(r[1] == "The minister" and "whether" in r[3] for r in rows)
    rows = found(parse, 'A senior official, asked on Thursday whether the president would sign the pact, '
                        'said: "Not this year."')
    assert ("direct", "A senior official", "said", "Not this year.") in rows or \
        ("direct", "A senior official", "said", "Not this year") in rows


@pytest.mark.parametrize("text,speaker,content", [
    ("Roe, asked about the deal, said it was dead.", "Roe", "it was dead"),
    ("A navy spokesman, asked about a possible escort for the convoy, said the navy did not discuss plans.",
     "A navy spokesman", "the navy did not discuss plans"),
    ("The mayor, when asked about the strike, said the buses would run.", "The mayor", "the buses would run"),
])
def test_the_speaker_keeps_what_they_said_after_a_question_put_in_an_aside(parse, text, speaker, content):
    rows = found(parse, text)
    assert ("indirect", speaker, "said", content) in rows
    assert [r for r in rows if r[0] == "question"] and all(r[1] is None for r in rows if r[0] == "question")


def test_a_dateline_with_its_country_is_no_part_of_the_content(parse):
    rows = found(parse, "ABUJA, Nigeria (AP) — West African defense chiefs will meet next week, the regional "
                        "bloc ECOWAS said Thursday.")
    assert rows[0][3] == "West African defense chiefs will meet next week"


def test_a_day_after_the_cue_is_no_part_of_what_was_said(parse):
    rows = found(parse, "The ministry said on Wednesday it saw no basis for talks.")
    assert ("indirect", "The ministry", "said", "it saw no basis for talks") in rows
    rows = found(parse, "The lawsuit focuses on Maricopa County, where the lines were longest.")
    assert not any(r[3].startswith("icopa") for r in rows)


def test_one_quoted_by_an_agency_as_saying_is_the_speaker(parse):
    rows = found(parse, "State news agency Tidings quoted spokesman Ivan Lodz as saying that the talks were over.")
    assert rows == [("indirect", "spokesman Ivan Lodz", "as saying", "that the talks were over")]
    [cand] = extract(parse("The paper quoted one aide as saying the plan was dead."))
    assert cand.via.text == "The paper" and cand.source.text == "one aide"


def test_a_day_between_the_cue_and_its_preposition_is_no_particle(parse):
    rows = found(parse, "The minister called on Friday for new talks. Roe called on the council to act.")
    assert ("indirect", "The minister", "called on Friday for", "new talks") in rows
    assert any(r[1] == "Roe" and r[3] == "the council to act" for r in rows)


def test_an_occasion_set_off_after_the_name_and_a_dateline_day_are_no_part_of_the_speaker(parse):
    rows = found(parse, "Bank Governor Ana Roe, in a speech in Oslo on Friday, said she would support a cut.")
    assert ("indirect", "Bank Governor Ana Roe", "said", "she would support a cut") in rows
    rows = found(parse, "WASHINGTON, June 24 - Bank Chair Tom Hale told lawmakers that the bank could wait.")
    assert rows[0][1] == "Bank Chair Tom Hale"


def test_a_second_report_after_and_is_the_first_ones_conjunct_not_its_content(parse):
    rows = found(parse, "Mwangi said Kenya believed in justice, and spokesman Peter Kamau said Nairobi would "
                        "host the talks.")
    assert ("indirect", "Mwangi", "said", "Kenya believed in justice") in rows
    assert ("indirect", "spokesman Peter Kamau", "said", "Nairobi would host the talks") in rows
    # without the comma and conjunction, one report may hold another
    assert ("indirect", "Roe", "said", "Lee said talks would go on") in found(parse, "Roe said Lee said talks would go on.")


def test_a_past_tense_verb_after_an_apposition_is_the_sentences_verb(parse):
    rows = found(parse, "Senate Majority Leader Chuck Schumer, a Democrat, called on Republicans to pass a clean bill.")
    assert ("indirect", "Senate Majority Leader Chuck Schumer, a Democrat", "called",
            "Republicans to pass a clean bill") in rows


def test_a_participle_with_an_object_after_an_apposition_is_the_sentences_verb(parse):
    rows = found(parse, "Haskins, a Dole ally, called Ohio's standards \"weak.\"")
    assert ("mixed", "Haskins, a Dole ally", "called", "Ohio's standards \"weak.\"") in rows
    # a participle with no object of its own modifies the name
    assert found(parse, "Jane Roe, a farmer, arrested last week in the raid, was released on Monday.") == []


def test_a_clause_after_the_occasion_read_as_its_relative_clause_is_what_was_said(parse):
    # "a briefing that the US continues to support": the parser reads "that" as a relative pronoun
    rows = found(parse, 'Spokesperson Tammy Bruce said at a briefing that the United States "continues to support '
                        'a negotiated settlement" and urged "both sides to show flexibility."')
    assert ("mixed", "Spokesperson Tammy Bruce", "said",
            'that the United States "continues to support a negotiated settlement"') in rows
    assert ("direct", "Spokesperson Tammy Bruce", "urged", "both sides to show flexibility") in rows


def test_citing_after_a_report_is_the_reporters(parse):
    rows = found(parse, "The company said it would cut 500 jobs, citing weak demand.")
    assert ("indirect", "The company", "citing", "weak demand") in rows
    rows = found(parse, "The minister said the talks had failed, citing a lack of trust.")
    assert ("indirect", "The minister", "citing", "a lack of trust") in rows


def test_a_phrase_after_the_attribution_and_a_comma_is_the_writers(parse):
    rows = found(parse, "The commission is preparing countermeasures against the new tariffs, officials said on "
                        "Thursday, in a sharp turn from the conciliatory tone Brussels struck only weeks ago.")
    assert rows == [("indirect", "officials", "said", "The commission is preparing countermeasures against the new tariffs")]


def test_the_rest_of_the_sentence_as_content_starts_after_the_cue(parse):
    [(kind, src, cue, content)] = found(parse, "The Pentagon has not commented publicly on the strike.")
    assert (src, cue, content) == ("The Pentagon", "has not commented publicly on", "the strike")


def test_a_verb_after_a_participle_aside_is_the_sentences_verb(parse):
    rows = found(parse, "The letter, signed by forty lawmakers on Tuesday, called the ban unlawful.")
    assert ("indirect", "The letter, signed by forty lawmakers on Tuesday", "called", "the ban unlawful") in rows
    assert found(parse, "The suspect, arrested last week, remains in custody.") == []


def test_a_one_word_label_in_quotation_marks_after_a_naming_verb(parse):
    # "cowardly" reads as an adverb to the parser
    rows = found(parse, 'The statement, issued by the presidency late on Friday, called the attack "cowardly."')
    assert ("mixed", "The statement, issued by the presidency late on Friday", "called", 'the attack "cowardly."') in rows


def test_what_a_speaker_calls_for_can_be_a_clause(parse):
    # the parser reads "for" as a clause's mark; read as the verb's own, the call is a plain one
    [call] = [c for c in extract(parse("Late on Monday the bishop called for the minister to resign."))]
    assert (call.source.text, call.cue.text, call.content.text) == ("the bishop", "called for", "the minister to resign")
    assert call.confidence > 0.6
    rows = found(parse, "The farmers pressed for the ministry to lift the ban.")
    assert ("indirect", "The farmers", "pressed for", "the ministry to lift the ban") in rows


def test_an_infinitive_said_readily_is_its_subjects_report(parse):
    rows = found(parse, "The envoy was quick to add that the talks had not failed.")
    assert ("indirect", "The envoy", "was quick to add", "that the talks had not failed") in rows
    # not said, or maybe never: negated, conditional, or only wished
    for text in ("The envoy was careful not to mention the talks by name.",
                 "The envoy would be quick to add that the talks had not failed.",
                 "The envoy was eager to add that the talks had not failed."):
        assert found(parse, text) == [], text


def test_a_reporting_participle_speaks_for_the_noun_it_modifies(parse):
    rows = found(parse, "The minister faced a crowd of farmers demanding that the ban be lifted.")
    assert ("indirect", "a crowd of farmers", "demanding", "that the ban be lifted") in rows
    rows = found(parse, "The board received a letter urging the chairman to resign.")
    assert ("indirect", "a letter", "urging", "the chairman to resign") in rows
    # a participle that reports nothing gives no statement
    assert found(parse, "The minister faced a crowd of farmers waiting outside the ministry.") == []


def test_an_s_before_a_report_with_a_clause_is_has(parse):
    rows = found(parse, "While she's said the plant will stay open, the company must decide how to pay for it.")
    assert ("indirect", "she", "'s said", "the plant will stay open") in rows
    # a passive of telling takes a clause too: nobody is named as the speaker
    assert all(src is None for _, src, _, _ in found(parse, "She's told that the vote was delayed."))


def test_a_comment_after_a_dash_is_not_what_was_reported(parse):
    rows = found(parse, "WASHINGTON -- Growth will slow this year, sooner than expected, the central bank "
                        "reported on Monday -- a forecast that alarmed investors.")
    assert [(src, cue, content) for _, src, cue, content in rows] == [
        ("the central bank", "reported", "Growth will slow this year")]


def test_only_a_paragraph_opening_with_a_quotation_goes_on_with_the_last_speaker(parse):
    text = ("The mayor said the city “will not bow to pressure from anyone.”\n\n"
            "“We have done this before and we will do it again.”\n\n"
            "Later the crowd outside the hall took up the old chant “Not one step back!” as the doors closed.")
    rows = found(parse, text)
    assert ("direct", "The mayor", "said", "We have done this before and we will do it again") in rows
    assert not any(c.startswith("Not one step back") and src is not None for _, src, _, c in rows)


def test_a_view_its_holder_is_said_to_have_is_a_belief(parse):
    rows = found(parse, "Officials in Lagos are confident that the new port will open in May.")
    assert ("belief", "Officials in Lagos", "are confident", "that the new port will open in May") in rows
    rows = found(parse, "The senator was adamant that no troops would be sent.")
    assert ("indirect", "The senator", "was adamant", "that no troops would be sent") in rows
    # no holder, no view held, or no clause: nothing
    for text in ("It is certain that the port will open in May.", "The minister is not confident that the port will open.",
                 "The minister is not sure why the port closed.", "The minister is confident of victory."):
        assert not any(cue and ("confident" in cue or "certain" in cue or "sure" in cue)
                       for _, _, cue, _ in found(parse, text)), text


def test_who_was_asked_is_not_what_was_asked(parse):
    assert found(parse, "Then the reporter asked him.") == []
    rows = found(parse, "Reporters asked him a question about the budget.")
    assert ("indirect", "Reporters", "asked", "a question about the budget") in rows


def test_an_inline_aside_with_no_verb_stays_in_the_content(parse):
    rows = found(parse, "She said she always treated the photo line as a crucial, although brief, opportunity to "
                        "question the president.")
    assert ("indirect", "She", "said", "she always treated the photo line as a crucial, although brief, "
                                       "opportunity to question the president") in rows


def test_a_past_report_joined_to_a_present_clause_is_the_outer_speakers(parse):
    rows = found(parse, "Roe said he makes $41,000 a year and questioned how he would be helped by the plan.")
    assert ("indirect", "Roe", "said", "he makes $41,000 a year") in rows
    assert ("indirect", "Roe", "questioned", "how he would be helped by the plan") in rows


def test_it_was_reported_that_is_a_report_by_nobody_named(parse):
    rows = found(parse, "It was widely reported that the minister had resigned.")
    assert ("indirect", None, "It was widely reported", "that the minister had resigned") in rows
    assert ("belief", None, "It is believed", "that the ship sank") in found(parse, "It is believed that the ship sank.")
    assert found(parse, "It was not reported that the minister had resigned.") == []


def test_a_position_given_with_a_copula_is_its_holders(parse):
    rows = found(parse, "The government's position is that the islands belong to Norland.")
    assert ("indirect", "The government's", "position", "that the islands belong to Norland") in rows
    rows = found(parse, "The envoy also made the point that the talks had not failed.")
    assert ("indirect", "The envoy", "also made the point", "that the talks had not failed") in rows
    assert found(parse, "The point is that the talks failed.") == []  # nobody's
    rows = found(parse, "The envoy's message was clear: the sanctions would stay.")
    assert ("indirect", "The envoy's", "message was clear", "the sanctions would stay") in rows
    assert found(parse, "The rules are clear: no one may enter.") == []  # nobody's


def test_a_holders_call_for_something_is_their_statement(parse):
    rows = found(parse, "Other senators joined Okafor's call for a special prosecutor.")
    assert ("indirect", "Okafor's", "call for", "a special prosecutor") in rows
    assert ("indirect", "The bank's", "calls for", "restraint") in found(parse, "The bank's calls for restraint went unheeded.")
    assert found(parse, "The call for papers closed in May.") == []  # nobody's


def test_a_capital_opening_the_sentence_before_an_aside_is_the_speaker(parse):
    rows = found(parse, "Washington, for its part, has signaled that it is open to talks.")
    assert ("indirect", "Washington", "has signaled", "that it is open to talks") in rows


def test_neither_confirming_nor_denying_is_a_refusal_not_a_denial(parse):
    rows = found(parse, "The spokesman would neither confirm nor deny the report.")
    assert rows == [("indirect", "The spokesman", "would neither confirm nor deny", "the report")]
    rows = found(parse, "She testified that she neither sent nor received the files.")
    assert ("indirect", "She", "testified", "that she neither sent nor received the files") in rows


def test_words_a_speaker_reports_are_not_also_nobodys(parse):
    rows = found(parse, "The president is expected to announce the new policy next week, aides said.")
    assert rows == [("indirect", "aides", "said", "The president is expected to announce the new policy next week")]


def test_a_closing_attribution_holds_the_report_before_it(parse):
    rows = found(parse, "A senior official said the convoy had been recalled, the Daily Courier reported.")
    assert ("indirect", "the Daily Courier", "reported", "A senior official said the convoy had been recalled") in rows
    assert ("indirect", "A senior official", "said", "the convoy had been recalled") in rows


def test_a_speaker_the_parser_reads_into_the_quotation_before_it(parse):
    rows = found(parse, "\"We could not reach unanimity today,\" the EU's foreign policy chief, Ana Lind, told a news "
                        "conference after the meeting.")
    assert rows == [("direct", "the EU's foreign policy chief, Ana Lind", "told", "We could not reach unanimity today")]


OP_ED = ("Keeping the clinics open\n\n"
         "Five years ago, Norland opened its first rural clinics. Some economists now say the programme costs too much.\n\n"
         "We will keep every clinic open through the next budget, and we will ask parliament to fund twenty more.\n\n"
         "{tagline}")


def test_an_officials_signed_piece_is_the_authors_own_words_paragraph_by_paragraph(parse):
    from onrecord.statements import extract

    text = OP_ED.format(tagline="Mira Kallas is Norland's minister of health.")
    found = extract(parse(text))
    own = [c for c in found if c.kind == "authored"]
    assert [c.content.text for c in own] == [
        "Five years ago, Norland opened its first rural clinics",
        "We will keep every clinic open through the next budget, and we will ask parliament to fund twenty more"]
    assert {c.source.text for c in own} == {"Mira Kallas"} and all(c.cue is None for c in own)
    assert any(c.kind != "authored" and c.source.text == "Some economists" for c in found)


@pytest.mark.parametrize("tagline", ["Mira Kallas is a Democratic senator from Ohio.",
                                     "Mira Kallas is a member of the European Parliament for Estonia.",
                                     "Mira Kallas represents Ohio's 5th District in Congress."])
def test_a_legislators_signed_piece_is_the_authors_own_words(parse, tagline):
    from onrecord.statements import extract

    own = [c for c in extract(parse(OP_ED.format(tagline=tagline))) if c.kind == "authored"]
    assert len(own) == 2 and {c.source.text for c in own} == {"Mira Kallas"}


@pytest.mark.parametrize("tagline", ["Mira Kallas is a senior fellow at the Norland Institute.",
                                     "Mira Kallas represents the Norland Bankers' Association.",
                                     "Mira Kallas is a candidate for the Senate in Ohio.",
                                     "Mira Kallas is president of Northfield University.",
                                     "Mira Kallas is a former minister of health of Norland."])
def test_a_piece_by_no_official_has_no_authored_statements(parse, tagline):
    from onrecord.statements import extract

    assert not any(c.kind == "authored" for c in extract(parse(OP_ED.format(tagline=tagline))))


@pytest.mark.parametrize("text,speaker,via", [
    ("\"Our doors remain open to talks,\" Peskov was quoted as saying.", "Peskov", None),
    ("\"The corridor can work again,\" Erdogan was cited as saying by the state broadcaster TRT.", "Erdogan",
     "the state broadcaster TRT"),
])
def test_a_speaker_quoted_in_the_passive_is_the_speaker(parse, text, speaker, via):
    from onrecord.statements import extract

    (c,) = [c for c in extract(parse(text)) if c.source is not None]
    assert c.source.text == speaker and (c.via.text if c.via else None) == via
    assert c.content.text.startswith(("Our doors", "The corridor"))


def test_who_was_told_is_no_part_of_what_was_said_however_the_parser_joins_them(parse):
    # a headline's verb-less clause, and a listener the parser took into the clause's subject
    rows = found(parse, "Envoy tells senators truce talks 'not dead'\n\nThe talks resume on Monday.")
    assert [r[3] for r in rows if r[1] == "Envoy"] == ["truce talks 'not dead'"]
    rows = found(parse, "WASHINGTON — Hale tells Reuters sanctions will stay.")
    assert [r[3] for r in rows if r[1] == "Hale"] == ["sanctions will stay"]
    rows = found(parse, "The minister urged voters to stay home.")  # who is urged stays in it
    assert [r[3] for r in rows] == ["voters to stay home"]


def test_a_quoted_fragment_ending_the_words_keeps_its_closing_mark(parse):
    rows = found(parse, 'The ministry called on both sides to exercise "maximum restraint."')
    assert [r[3] for r in rows] == ['both sides to exercise "maximum restraint."']
    rows = found(parse, "Roe said the talks were “not dead” and would resume.")
    assert [r[3] for r in rows] == ["the talks were “not dead” and would resume"]
    rows = found(parse, "“We are ready,” Roe said.")  # a direct quotation's own marks stay outside
    assert [r[3] for r in rows] == ["We are ready"]


def test_a_report_joined_to_what_was_said_is_the_outer_speakers(parse):
    rows = found(parse, "The envoy said the ceasefire was holding and called on both sides to keep talking.")
    assert ("indirect", "The envoy", "said", "the ceasefire was holding") in rows
    assert any(r[1] == "The envoy" and r[2].startswith("called") and r[3].startswith("both sides") for r in rows)
    assert not any(r[1] == "the ceasefire" for r in rows)
    rows = found(parse, "Ms. Ortiz said Mr. Blake was wrong about the budget and criticized him for the delay.")
    assert any(r[1] == "Ms. Ortiz" and r[2] == "criticized" for r in rows)
    rows = found(parse, "He announced that he was stepping down and vowed to focus on his family.")
    assert ("indirect", "He", "announced", "that he was stepping down") in rows
    assert ("indirect", "He", "vowed", "to focus on his family") in rows
    rows = found(parse, "She said the plan was sound and refused to resign.")
    assert ("indirect", "She", "said", "the plan was sound and refused to resign") in rows


def test_a_closing_report_the_parser_joins_to_a_long_clause_still_holds_it(parse):
    rows = found(parse, "This includes a special unit to assist Kurdish fighters, Defense Secretary Helen Sato "
                        "told a Senate panel Wednesday.")
    assert rows == [("indirect", "Defense Secretary Helen Sato", "told a Senate panel",
                     "This includes a special unit to assist Kurdish fighters")]


def test_a_report_set_inside_the_clause_with_its_speaker_after_it(parse):
    # "X, said Y, is Z": Y speaks; X is the clause's subject, not the speaker
    for text, speaker in [("The real danger, said the general, is a wider war.", "the general"),
                          ("Part of the trouble in finding the tunnels, say engineers like Omar Haddad, "
                           "a Jordanian surveyor, is the soil itself.", "engineers like Omar Haddad, a Jordanian surveyor"),
                          ("The decision on the brigade, said a senior official who spoke on condition of anonymity, "
                           "is not expected before July.", "a senior official")]:
        rows = found(parse, text)
        assert rows and {r[1] for r in rows} == {speaker}, rows
        assert any(r[3].startswith("is ") for r in rows)


def test_a_quotation_closing_right_before_its_speaker_is_what_they_said(parse):
    rows = found(parse, '"Look at what happened in Ohio," Roe told supporters in Dayton, Ohio, while 300 delegates '
                        'in Columbus were casting their ballots.')
    assert rows[0] == ("direct", "Roe", rows[0][2], "Look at what happened in Ohio")
    assert rows[0][2].startswith("told")
    assert not any(r[3].startswith("supporters") for r in rows)


def test_a_second_reporting_participle_after_and_keeps_the_first_ones_speaker(parse):
    rows = found(parse, "She stepped up her attacks on Tuesday, telling NPR that Blake is a “fraud” and questioning "
                        "how he has “dodged every audit of his accounts.”")
    assert ("mixed", "She", "telling NPR", "that Blake is a “fraud”") in rows or \
        ("mixed", "She", "telling", "that Blake is a “fraud”") in rows
    assert any(r[1] == "She" and r[2] == "questioning" and r[3].startswith("how he has") for r in rows)


def test_a_statement_put_out_carries_its_words(parse):
    rows = found(parse, "On Saturday, the governor issued a statement saying that the bridge would reopen in May.")
    assert ("indirect", "the governor", "issued a statement saying", "that the bridge would reopen in May") in rows
    rows = found(parse, "The ministry released a statement saying the talks had failed.")
    assert ("indirect", "The ministry", "released a statement saying", "the talks had failed") in rows


def test_would_joined_to_a_report_goes_on_with_what_was_reported(parse):
    rows = found(parse, "On Tuesday, the director announced that the senator was extremely careless with classified "
                        "material and in the normal course of sanctions would face some penalty, but that her conduct "
                        "did not rise to the level of a crime.")
    assert rows[0][2] == "announced" and rows[0][3].endswith("did not rise to the level of a crime"), rows


def test_that_said_is_a_turn_of_phrase(parse):
    assert found(parse, "That said, the plan is risky.") == []
    rows = found(parse, "That said, officials insist the plan is safe.")
    assert [r[1] for r in rows] == ["officials"]


def test_quoted_words_are_never_the_speaker(parse):
    rows = found(parse, '"Meh," wrote a Roe supporter who runs the account @VotersForRoe.')
    assert rows == [("direct", "a Roe supporter", "wrote", "Meh")]
    rows = found(parse, "\"Watch the tape, its sound cut, its frames slowed while someone says, 'We have to keep it "
                        "quiet,'\" said former executive Carla Fiorelli during the debate, suggesting that she had seen it.")
    assert {r[1] for r in rows} == {"former executive Carla Fiorelli"}
    assert any(r[2] == "suggesting" and r[3] == "that she had seen it" for r in rows)


def test_a_clause_split_by_its_attribution_keeps_its_verbless_half(parse):
    rows = found(parse, "It was, he said, one of the worst failures of his term.")
    assert [r[3] for r in rows] == ["It was", "one of the worst failures of his term"]
    rows = found(parse, "That, she added, would be a disaster.")
    assert [r[3] for r in rows] == ["That", "would be a disaster"]
    rows = found(parse, "As a result, he said, the talks failed.")  # an adverbial is no part of it
    assert [r[3] for r in rows] == ["the talks failed"]


def test_what_was_told_to_a_body_is_no_relative_clause_of_it(parse):
    rows = found(parse, "In March, Chen had told a Senate hearing that the Pentagon was reviewing its force posture.")
    assert ("indirect", "Chen", "had told", "that the Pentagon was reviewing its force posture") in rows


def test_a_reason_or_condition_after_a_comma_stays_in_the_content(parse):
    rows = found(parse, "The minister said the border would stay closed, because the talks had failed.")
    assert ("indirect", "The minister", "said", "the border would stay closed, because the talks had failed") in rows
    rows = found(parse, "Officials said the convoy would leave on Friday, unless the rains came early.")
    assert any(r[3].endswith("unless the rains came early") for r in rows)



def test_a_quote_framed_by_a_name_with_an_apposition_and_a_rare_verb(parse):
    rows = found(parse, "“We need a plan for the northern districts,” Ana Ruiz, the analyst who runs the "
                        "survey, tweeted on Monday. “The numbers are moving fast.”")
    speakers = {r[3]: r[1] for r in rows}
    assert speakers["We need a plan for the northern districts"] == "Ana Ruiz, the analyst who runs the survey"
    assert speakers["The numbers are moving fast"] == "Ana Ruiz, the analyst who runs the survey"


def test_a_report_in_brackets_reports_what_is_in_them(parse):
    rows = found(parse, "The union members were angry (“I want my dues back,” wrote Ed Nolan, a welder in "
                        "Ohio, on the union page).")
    assert ("direct", "Ed Nolan, a welder in Ohio", "wrote", "I want my dues back") in rows
    assert not any(r[3].startswith("The union members") for r in rows)




def test_a_clause_subject_the_parser_took_for_an_object_stays_in_the_content(parse):
    rows = found(parse, "Several organisers said their lists of volunteers, almost entirely students until "
                        "a few years ago, were now made up mostly of retirees.")
    assert any(r[2] == "said" and r[3].startswith("their lists of volunteers") for r in rows)



def test_an_aside_right_after_the_cue_is_who_relayed_it_not_what_was_said(parse):
    rows = found(parse, "He told her, she said, that the council wanted a deal “but not at any price.”")
    assert any(r[1] == "He" and r[3].startswith("that the council wanted a deal") for r in rows)
    for text in ("She told him, one of the officials said, that delays would raise costs for all three partners.",
                 "He told her, she said, that the talks were over."):
        told = [r for r in found(parse, text) if r[2] == "told"]
        assert told and told[0][3].startswith("that "), (text, told)


def test_a_subject_the_parser_took_for_a_second_object_of_told(parse):
    rows = found(parse, "The mayor told reporters the talks, he said, were over.")
    assert any(r[2] == "told reporters" and r[3].startswith("the talks") for r in rows)




def test_a_statement_that_said_carries_the_words_of_who_issued_it(parse):
    rows = found(parse, "The agency released a statement which said the border would reopen.")
    assert rows == [("indirect", "The agency", "released a statement which said", "the border would reopen")]


def test_a_report_that_warned_keeps_the_subject_of_what_it_warned(parse):
    rows = found(parse, "The mayor cited a council report that warned the bridge was unsafe.")
    assert any(r[2] == "warned" and r[3] == "the bridge was unsafe" for r in rows)



def test_a_content_opening_on_a_quoted_fragment_keeps_its_opening_mark():
    from onrecord.statements.rules import span
    for text in ('would back "any legal means" to move it', "would back “any legal means” to move it"):
        start = text.index("any")
        assert span(text, start, len(text)).text == text[start - 1:]
    text = '"The port will reopen," he said.'
    assert span(text, 1, text.index(",")).text == "The port will reopen"


def test_a_clause_goes_on_past_its_aside_and_a_report_after_it_is_the_asides_speakers(parse):
    rows = found(parse, "He had no known links to any group, the airline added, and had passed every "
                        "background check.")
    assert {r[1] for r in rows} == {"the airline"} and any(r[3].endswith("every background check") for r in rows)
    rows = found(parse, "The talks will resume, she said, and added that a deal was near.")
    assert ("indirect", "she", "added", "that a deal was near") in rows


def test_another_speakers_report_joined_by_while_is_a_statement_of_its_own(parse):
    rows = found(parse, "The two parties accused each other of playing politics with the flood while engineers "
                        "warned of the risk of a second breach.")
    assert ("indirect", "The two parties", "accused", "each other of playing politics with the flood") in rows
    assert any(r[1] == "engineers" for r in rows)


@pytest.mark.parametrize("text, row", [
    pytest.param("The minister said the border would stay closed, which surprised the traders.",
                 ("indirect", "The minister", "said", "the border would stay closed"),
                 id="a_writers_comment_after_a_comma_is_still_cut"),
    pytest.param("The plan (the minister said it would cost little) was dropped.",
                 ("indirect", "the minister", "said", "it would cost little"),
                 id="a_bracket_closing_outside_the_content_is_not_part_of_it"),
    pytest.param("When the mayor thanked the crowd, a man yelled “Stay there!”",
                 ("direct", "a man", "yelled", "Stay there!"),
                 id="a_verb_of_saying_right_before_a_quote_is_not_read_as_a_modifier"),
    pytest.param("He claimed that paying no tax was smart, although he again refused to pledge to release "
                 "his returns.",
                 ("indirect", "He", "claimed", "that paying no tax was smart"),
                 id="a_contrast_after_a_comma_is_the_writers_and_its_report_stands_alone"),
    pytest.param("LISBON, June 9, 2031 (Wire) - The ministers will meet again next week, officials said.",
                 ("indirect", "officials", "said", "The ministers will meet again next week"),
                 id="a_dateline_with_its_year_is_no_part_of_the_first_content"),
    pytest.param("But Democratic donors clamoring to stop Mark Hale from the party nomination say they're "
                 "suddenly in the midst of a revival.",
                 ("indirect", "Democratic donors clamoring to stop Mark Hale from the party nomination", "say",
                  "they're suddenly in the midst of a revival"),
                 id="a_speaker_described_by_a_participle_is_not_read_as_a_clause"),
    pytest.param("He said the city still hoped for a quick settlement and that its lawyers had asked for a "
                 "meeting before May.",
                 ("indirect", "He", "said",
                  "the city still hoped for a quick settlement and that its lawyers had asked for a meeting before May"),
                 id="and_that_after_a_report_is_a_second_clause_of_what_was_said"),
])
def test_a_sentence_gives_its_statement(parse, text, row):
    """One statement each of these sentences must give, as (kind, speaker, cue, content)."""
    assert row in found(parse, text)


def test_a_line_ending_a_sentence_is_not_the_next_lines_report(parse):
    text = ("“He did not answer your question,” she said of her rival. “That is what voters like.”\n"
            "Moments earlier, in her opening remarks, Dana Roe said she was ready to lead.")
    rows = found(parse, text)
    assert not any("\n" in content for *_, content in rows), rows
    assert ("indirect", "Dana Roe", "said", "she was ready to lead") in rows


def test_a_list_of_infinitives_stays_in_the_reported_words(parse):
    rows = found(parse, "Health experts have said the money is desperately needed to develop a vaccine, "
                        "educate the public and learn more about the virus.")
    assert rows[0][3] == "the money is desperately needed to develop a vaccine, educate the public and learn more about the virus"


@pytest.mark.parametrize("text,content", [
    ("The tax has not driven banks away: Vienna was the region's banking centre in 2024, according to one index.",
     "Vienna was the region's banking centre in 2024"),
    ("He repeated the claim (the real figure is closer to 15 percent, according to the statistics office) twice.",
     "the real figure is closer to 15 percent"),
    ("The mayor said: the bridge will reopen in May, according to a city memo.",
     "The mayor said: the bridge will reopen in May"),
])
def test_a_trailing_according_to_vouches_for_its_own_clause(parse, text, content):
    rows = found(parse, text)
    assert any(r[2] == "according to" and r[3] == content for r in rows), rows


def test_that_said_is_a_turn_of_phrase_not_a_report(parse):
    rows = found(parse, "(That said, she also noted, “When you attack him, he will punch back ten times harder.”)")
    assert ("direct", "she", "also noted", "When you attack him, he will punch back ten times harder") in rows
    assert not any(r[1] == "That" or r[3] == "That said" for r in rows), rows
