"""The pipeline on small documents: relays (via), dating scope and stance context."""
import pytest

from onrecord.model import Block, Document, Target
from onrecord.pipeline import Options, analyze

pytestmark = pytest.mark.slow


def run(text, blocks=(), published="2025-06-20", targets=()):
    doc = Document(id="d", text=text, published=published, blocks=tuple(blocks))
    return next(analyze([doc], list(targets), Options()))


def analyzed(text):
    """A page as ingest reads a text file (title, paragraphs), analysed."""
    from onrecord.ingest import parse_text
    return next(analyze([parse_text(text, "page.txt")], [], Options()))


def turn_speakers(result):
    """(kind, speaker) of each transcript turn that is no question."""
    return [(s.kind, s.speaker.name) for s in result.statements if s.cue and s.cue.text == ":" and s.kind != "question"]


def page(*parts):
    """Text and blocks of a page from (text, kind) parts, one paragraph each."""
    text, blocks = "", []
    for words, kind in parts:
        start = len(text) + 2 if text else 0
        text = text + "\n\n" + words if text else words
        blocks.append(Block(start, len(text), kind))
    return text, blocks


def test_reported_chain_keeps_the_outlet_as_via():
    r = run("The Daily Courier reported that a senior defence official said the convoy had been recalled.")
    inner = [s for s in r.statements if s.speaker and s.speaker.name and "official" in s.speaker.name]
    assert inner and inner[0].via.text == "The Daily Courier"


def test_a_source_quoted_by_an_outlet_keeps_the_outlet_as_via():
    text = "A senior defence official, quoted by the Daily Courier, said the convoy had been recalled."
    [st] = run(text).statements
    assert st.speaker.mention.text == "A senior defence official"
    assert st.via is not None and st.via.text == "the Daily Courier" and st.via.verify(text)


def test_quoted_block_after_an_outlets_report_keeps_it_as_via():
    lead = "The Daily Courier reported on Monday that talks had stalled:"
    quote = "“We will not retreat from the border,” said a senior army commander."
    text = lead + "\n\n" + quote
    r = run(text, [Block(0, len(lead)), Block(len(lead) + 2, len(text), "quote")])
    st = next(s for s in r.statements if s.kind == "direct")
    assert st.via is not None and st.via.text == "The Daily Courier"
    assert st.via.verify(text)


def test_lead_in_month_dates_the_quoted_block_but_not_other_speakers():
    r = run(*page(("In March, Foreign Minister Lena Holt spoke to reporters:", "paragraph"),
                  ("“We will reopen the embassy,” Holt said.", "quote"),
                  ("Opposition leader Sam Ode said on Thursday that the plan was reckless.", "paragraph")))
    by_name = {s.speaker.name: s for s in r.statements if s.speaker}
    assert by_name["Lena Holt"].said.start == "2025-03-01"
    assert by_name["Sam Ode"].said.start == "2025-06-19"


def test_a_block_quotation_of_someone_else_ends_the_run_a_lead_in_dates():
    r = run(*page(("The Daily Courier reported in March:", "paragraph"),
                  ("A senior official said the talks had stalled.", "quote"),
                  ("Lena Holt declined to comment. “We are not there yet,” she told the committee.", "paragraph")))
    official = next(s for s in r.statements if s.speaker and s.speaker.name == "A senior official")
    assert official.said.start == "2025-03-01"  # the quotation the lead-in introduces
    holt = [s for s in r.statements if s.speaker and s.speaker.name == "Lena Holt"]
    assert holt and all(s.said.basis == "published" for s in holt)  # not the Courier's March


def test_stance_uses_the_paragraph_that_introduces_a_quote():
    lead = "Asked about a naval blockade, Admiral Rui Costa was blunt:"
    quote = "“It is ill-advised and not feasible,” Costa said."
    text = lead + "\n\n" + quote
    t = Target("blockade", "Should there be a naval blockade?", keywords=("naval blockade",))
    r = run(text, [Block(0, len(lead)), Block(len(lead) + 2, len(text), "quote")], targets=[t])
    st = next(s for s in r.statements if s.kind == "direct")
    assert st.stances and st.stances[0].stance == "oppose" and st.stances[0].confidence < 0.75
    # the question put to him is in the ledger, asked by nobody named and taking no stance
    [q] = [s for s in r.statements if s.kind == "question"]
    assert q.content.text == "a naval blockade" and q.speaker is None and not q.stances


def test_registry_gives_canonical_names_and_the_role_held_on_the_day(tmp_path):
    from onrecord.actors import load_gazetteer
    reg = tmp_path / "actors.yaml"
    reg.write_text(
        "people:\n"
        "  - name: Ana Reyes\n"
        "    aliases: [the top diplomat for the region]\n"
        "    roles:\n"
        "      - {title: Deputy Secretary of State, organization: us-state, start: 2025-01-01, end: 2025-06-30}\n"
        "      - {title: Secretary of Defense, organization: us-dod, start: 2025-07-01}\n")
    load_gazetteer.cache_clear()
    text = ("In March, Reyes said the talks would go on.\n\n"
            "In September, Ana Reyes said the troops would stay.\n\n"
            "The top diplomat for the region said the plan was sound.")
    doc = Document(id="r", text=text, published="2025-10-01")
    res = next(analyze([doc], [], Options(actors_registry=str(reg))))
    roles = [(s.speaker.name, s.speaker.organization_id) for s in res.statements]
    assert roles[0] == ("Ana Reyes", "us-state") and roles[1] == ("Ana Reyes", "us-dod")
    assert roles[2][0] == "Ana Reyes"


def test_the_statements_backend_is_a_setting_of_the_analysis():
    from onrecord.store import settings_key
    # a document analysed with the rules only is analysed again when the tagger is asked for
    assert settings_key([], Options()) != settings_key([], Options(statements_backend="tagger"))
    assert Options().tagger() is None
    with pytest.raises(ValueError, match="unknown statements backend"):
        Options(statements_backend="neural").tagger()


def _articles(n):
    names = ["Maren Holt", "Ivo Brandt", "Lena Okafor", "Tomas Reyes"]
    for i in range(n):
        who = names[i % len(names)]
        text = (f"{who}, the transport minister, said on Tuesday that the bridge number {i} would reopen in "
                f"spring.\n\n“We have no money left for road {i},” {who.split()[1]} told reporters.")
        yield Document(id=f"a{i}", text=text, published="2025-06-20")


def _ledger(results):
    return [(r.document.id, [(s.kind, s.content.text, s.speaker.name if s.speaker else None, s.said.start,
                              [(t.target_id, t.stance) for t in s.stances]) for s in r.statements])
            for r in results]


def test_worker_processes_give_the_same_results_in_the_same_order():
    targets = [Target("bridge", "Will the bridge reopen?", keywords=("bridge", "reopen"))]
    one = _ledger(analyze(_articles(12), targets, Options(n_process=1)))
    two = _ledger(analyze(_articles(12), targets, Options(n_process=2)))
    assert [d for d, _ in one] == [f"a{i}" for i in range(12)]
    assert two == one
    assert all(len(statements) == 2 for _, statements in one)


def test_worker_processes_read_the_input_as_a_stream():
    from onrecord import nlp as nlp_mod
    from onrecord.parse import CHUNK_CHARS, map_parsed

    taken = []

    def docs():
        for d in _articles(10_000):
            taken.append(d.id)
            yield d

    results = map_parsed(docs(), nlp_mod.load(), lambda p: p.document.id, n_process=2)
    first = [next(results) for _ in range(3)]
    results.close()
    assert first == ["a0", "a1", "a2"]
    # only a few chunks are ever in flight, not ten thousand documents
    assert len(taken) < 10 * CHUNK_CHARS // 150


def test_an_error_in_a_worker_reaches_the_caller():
    from onrecord import nlp as nlp_mod
    from onrecord.parse import map_parsed

    def fail(parsed):
        raise RuntimeError(f"cannot read {parsed.document.id}")

    with pytest.raises(RuntimeError, match="cannot read a0"):
        list(map_parsed(_articles(3), nlp_mod.load(), fail, n_process=2))


def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it():
    from concurrent.futures.process import BrokenProcessPool

    from onrecord import nlp as nlp_mod
    from onrecord.parse import map_parsed

    def die(parsed):
        import os
        os._exit(1)

    with pytest.raises(BrokenProcessPool):
        list(map_parsed(_articles(3), nlp_mod.load(), die, n_process=2))


def _speakers(text):
    r = analyzed(text)
    return [(s.speaker.mention.text if s.speaker else None, s.speaker.name if s.speaker else None, s.content.text)
            for s in r.statements]


def test_a_transcript_label_in_capitals_is_the_person_the_page_names():
    rows = _speakers("Tomas Reyes, the ministry spokesman, briefed reporters on Tuesday.\n\n"
                     "MR. REYES: We have been clear about the harbour.")
    assert ("MR. REYES", "Tomas Reyes", "We have been clear about the harbour") in rows


def test_inside_a_turn_i_is_its_speaker_and_he_is_someone_else():
    rows = _speakers("Tomas Reyes, the ministry spokesman, briefed reporters on Tuesday.\n\n"
                     "MR. REYES: I said on Monday that the port would stay shut. He said the envoy would travel.")
    assert ("I", "Tomas Reyes", "that the port would stay shut") in rows
    he = next(r for r in rows if r[0] == "He")
    assert he[1] is None  # not the man speaking; nobody else is named, so no one


def test_a_label_in_capitals_with_an_honorific_is_a_name_even_when_the_page_writes_it_nowhere_else():
    rows = _speakers("Press briefing\n\nMR. HALVORSEN: We have nothing to announce on the talks today.")
    assert rows[0][1] == "Halvorsen"
    rows = _speakers("Press briefing\n\nNATO: The alliance has nothing to announce on the talks today.")
    assert rows[0][1] != "Nato"  # an acronym stays as written
    rows = _speakers("CNN, like the wire services, reported that the senator had won the primary.")
    assert rows[0][1] == "CNN"


def test_a_transcripts_turns_are_its_speakers_own_words_and_their_i_is_them():
    from onrecord.ingest import parse_text
    text = ("Press briefing, June 3\n\n"
            "MR. ALVAREZ: Good afternoon. We have not made a decision on funding the mission.\n\n"
            "QUESTION: Is the mission funded?\n\n"
            "MR. ALVAREZ: We are looking at options, as I said earlier this week.\n\n"
            "QUESTION: Thank you.")
    r = analyzed(text)
    assert turn_speakers(r) == [("direct", "Alvarez"), ("direct", "Alvarez")]
    inner = next(s for s in r.statements if s.speaker and s.speaker.mention and s.speaker.mention.text == "I")
    assert inner.speaker.name == "Alvarez"
    # one label is no transcript: a headline's "Trump: ..." may paraphrase
    r = next(analyze([parse_text("Roe: the port will reopen soon\n\nThe port has been shut since May.", "h.txt")],
                     [], Options()))
    assert all(s.kind == "indirect" for s in r.statements if s.cue and s.cue.text == ":")


def test_answer_turns_are_the_one_person_the_interview_names_before_its_first_question():
    intro = "Minister Anna Lind spoke to The Courier on Monday.\n\n"
    turns = "Q: Will the brigade stay?\n\nA: Our commitment is open-ended and will not change soon.\n\n"
    rows = _speakers(intro + turns + "“Deterrence is cheaper than war,” she added.")
    assert [r[1] for r in rows if r[0] == "A"] == ["Anna Lind"]
    assert rows[-1][1] == "Anna Lind"  # and the pronoun after the turns
    rows = _speakers("Anna Lind and Jonas Berg spoke to The Courier.\n\n" + turns)
    assert [r[1] for r in rows if r[0] == "A"] == [None]  # two people named: who answers is not guessed


def test_an_interviews_answers_are_dated_by_its_introduction():
    from dataclasses import replace
    from onrecord.ingest import parse_text
    text = ("Minister Anna Lind spoke to The Courier on Monday.\n\n"
            "Q: Will the brigade stay?\n\nA: Our commitment is open-ended and will not change soon.")
    doc = replace(parse_text(text, "i.txt"), published="2031-04-09")  # a Wednesday
    r = next(analyze([doc], [], Options()))
    answer = next(s for s in r.statements if s.content.text.startswith("Our commitment"))
    assert (answer.said.start, answer.said.basis) == ("2031-04-07", "text")


def test_a_spokesmans_we_is_the_body_and_a_question_turn_is_a_question():
    text = ("State Department spokesman Ned Roe: We have said all along that there is no military solution.\n\n"
            "QUESTION: Will the Secretary travel to Nairobi next week?")
    r = run(text, [Block(0, text.index("\n")), Block(text.index("QUESTION"), len(text))])
    we = next(s for s in r.statements if s.speaker and s.speaker.mention and s.speaker.mention.text == "We")
    assert we.speaker.organization_id == "us-state" and we.speaker.name == "Department of State"
    q = next(s for s in r.statements if s.content.text.startswith("Will the Secretary"))
    assert q.kind == "question" and q.speaker.actor_id is None and not q.stances


def test_a_surname_opening_the_next_sentence_finds_the_full_name_that_ends_the_one_before():
    rows = _speakers("The plan was opposed by the party's last nominee for president, Dioncounda Traoré. "
                     "Traoré told reporters on Wednesday that the vote had been rigged.")
    assert ("Traoré", "Dioncounda Traoré", "that the vote had been rigged") in rows


def test_a_name_after_a_title_of_several_words_is_a_person_not_a_body():
    from onrecord.ingest import parse_text
    text = ("According to a readout of the call released by the ministry, Foreign Minister Ivo Reyes "
            "asked for more support.")
    r = next(analyze([parse_text(text, "readout.txt")], [], Options()))
    speakers = {s.speaker.name: s.speaker for s in r.statements if s.speaker and s.speaker.name}
    assert "Ivo Reyes" in speakers and speakers["Ivo Reyes"].role == "Foreign Minister"
    assert r.actors[speakers["Ivo Reyes"].actor_id].kind == "person"


def test_a_surname_that_owns_the_speaker_is_written_in_full():
    rows = _speakers("Foreign Minister Ivo Reyes met the envoy on Monday.\n\n"
                     "A spokesman for Reyes said the minister would not travel to the capital.\n\n"
                     "Reyes's office said in a statement that the talks had been useful.")
    names = {mention: name for mention, name, _ in rows}
    assert names["A spokesman for Reyes"] == "A spokesman for Ivo Reyes"
    assert names["Reyes's office"] == "Ivo Reyes's office"


def test_the_person_an_apposition_names_speaks_not_the_owner_before_it():
    rows = _speakers("The mayor's deputy, former Senator Marta Holt, told reporters that the port would reopen.\n\n"
                     "Trump's running mate, Indiana Gov. Mike Pence, said the campaign would release the records.")
    assert [name for _, name, _ in rows] == ["Marta Holt", "Mike Pence"]
    # an apposed name the NER misses, known by its first name
    rows = _speakers("Okafor's spokesman, Ivo Brandt, said the vote was fair.")
    assert [name for _, name, _ in rows] == ["Ivo Brandt"]


def test_a_first_name_used_alone_takes_the_gender_its_kinship_word_gives():
    rows = _speakers("Senator Maria Novak spent the morning in Dover.\n\n"
                     "Making her way around the diner, Novak and husband Tomas thanked a man for his support. "
                     "She says, “With your help, we can win.”")
    she = next(r for r in rows if r[0] == "She")
    assert she[1] == "Maria Novak"  # not Tomas: "husband" says he is a man


def test_two_people_named_together_speak_as_a_pair_not_as_the_second():
    rows = _speakers("Maria Novak and Tomas Hale said the port would reopen in May. "
                     "Edward-Ivo Dane and Lina Berg told reporters that the vote was rigged.")
    assert ("Maria Novak and Tomas Hale", "Maria Novak and Tomas Hale", "the port would reopen in May") in rows
    assert any(r[1] == "Edward-Ivo Dane and Lina Berg" for r in rows)


def test_two_titles_joined_by_and_are_one_persons_and_a_clause_names_no_pair():
    rows = _speakers("Lina Berg chairs the panel. Tomas Hale spoke first. "
                     "Minister of Finance and former senator Ivo Reyes said the tax would rise. "
                     "Voters who backed Lina Berg or Tomas Hale said the vote was fair.")
    assert ("Minister of Finance and former senator Ivo Reyes", "Ivo Reyes", "the tax would rise") in rows
    voters = next(r for r in rows if r[0] and r[0].startswith("Voters"))
    assert voters[1] != "Lina Berg or Tomas Hale"


def test_a_floating_quantifier_is_no_part_of_who_spoke():
    rows = _speakers("The senators all said the vote was fair. They all agreed that the count was slow. "
                     "Maria Novak and Tomas Hale both said the port would reopen.")
    names = {r[0]: r[1] for r in rows}
    assert names["The senators all"] == "The senators"
    assert names["They all"] is None  # a pronoun with nothing to stand for: nobody, never "They all"
    assert names["Maria Novak and Tomas Hale both"] == "Maria Novak and Tomas Hale"


def test_many_of_them_is_part_of_the_group_that_just_spoke_or_nobody():
    rows = _speakers("Local farmers told reporters that the subsidy was too small. Many of them said the price "
                     "had fallen. The weather was fine. The roads were dry. The market was busy. "
                     "Each of them said the vote was fair.")
    names = [r[1] for r in rows if r[0] in ("Many of them", "Each of them")]
    assert names == ["Local farmers", None]  # never a group called "Each of them"


def test_the_lead_in_walk_remembered_across_blocks_answers_as_a_fresh_walk():
    import random

    from onrecord.pipeline import _lead_in

    rng = random.Random(7)
    parts, blocks, pos = [], [], 0
    for _ in range(300):
        text = rng.choice(["Roe said:", "He went on,", "The talks resumed.", "“We will stay.”", "Heading"])
        kind = "heading" if text == "Heading" else rng.choice(["paragraph", "quote"])
        blocks.append(Block(pos, pos + len(text), kind))
        parts.append(text)
        pos += len(text) + 2
    doc = Document(id="d", text="\n\n".join(parts))
    speakers = {j: {rng.choice(["a", "b"])} for j in range(len(blocks)) if rng.random() < 0.7}
    memo: dict = {}
    for idx in range(len(blocks)):
        for who in ("a", "b", None):
            assert _lead_in(doc, blocks, idx, speakers, who, memo) == _lead_in(doc, blocks, idx, speakers, who)


def test_a_transcripts_title_dates_its_turns_and_what_is_reported_in_them():
    text, blocks = page(("Department Press Briefing – June 3", "paragraph"),
                        ("MS. ROE: Good afternoon. We welcome any proposal that ends the fighting.", "paragraph"),
                        ("QUESTION: Does the United States support the monitoring force?", "paragraph"),
                        ("MS. ROE: We have been clear that a force needs the consent of both sides.", "paragraph"))
    r = run(text, blocks, published="2025-06-20")
    assert r.statements and all(s.said.start == "2025-06-03" for s in r.statements)
    # a news story with one "Name: ..." headline is no transcript
    text, blocks = page(("Roe: talks on June 3 will fail", "paragraph"), ("Roe said the talks would fail.", "paragraph"))
    assert all(s.said.start != "2025-06-03" for s in run(text, blocks, published="2025-06-20").statements)


def test_no_two_statements_of_a_document_share_an_id():
    """A quotation holding two transcript turns was read once per turn, with one span: the
    ledger kept one of them, a Spark job's tables both."""
    text, blocks = page(("Pundits argued about the exchange on the Sunday show.", "paragraph"),
                        ('"HOST: Will the senator be at the debate tomorrow?', "paragraph"),
                        ('"DORN: She will not be attending the debate. The campaign is focused on the issues."',
                         "paragraph"))
    ids = [st.id for st in run(text, blocks).statements]
    assert len(ids) == len(set(ids))


def test_a_time_in_what_a_later_report_of_the_sentence_says_does_not_date_the_first():
    r = run("Senator Ruth Alvarez said in a post that the curbs were long overdue, and added that she "
            "would hold hearings in March.", published="2031-06-10")
    first = next(s for s in r.statements if s.content.text.endswith("long overdue"))
    assert first.said.basis == "published"
    r = run("Roe said on Tuesday that the curbs were overdue, and added that hearings would follow in March.",
            published="2031-06-12")
    assert {s.said.start for s in r.statements} == {"2031-06-10"}  # both said on Tuesday


def test_a_live_blogs_entries_are_dated_to_the_day_it_went_up():
    text, blocks = page(("Live: border talks", "heading"), ("11:15 a.m.:", "paragraph"),
                        ("The opposition leader, Karel Dvorak, said the talks were a stunt.", "paragraph"),
                        ("10:42 a.m. – Minister arrives", "paragraph"),
                        ("Foreign Minister Petra Lund said she was here to listen.", "paragraph"))
    r = run(text, blocks, published="2031-03-12")
    assert {(s.speaker.name, s.said.start, s.said.expression) for s in r.statements} >= {
        ("Karel Dvorak", "2031-03-12", "11:15 a.m."), ("Petra Lund", "2031-03-12", "10:42 a.m.")}


def test_an_earlier_sentence_about_the_speaker_dates_the_paragraphs_later_remarks():
    text = ("Secretary of State Ana Roe went further last week. Speaking to reporters in Brussels, she said "
            "sanctions remained an option.\n\n"
            "In testimony in March, Roe said the aid would stop. She added that the embassy would stay open.\n\n"
            "The talks collapsed in March. Tom Hale said the collapse was regrettable.")
    r = run(text, published="2026-07-17")
    said = {st.content.text[:20]: st.said for st in r.statements}
    assert said["sanctions remained a"].label() == "2026-W28"  # the week before publication
    assert said["that the embassy wou"].label() == "2026-03"
    assert said["the collapse was reg"].basis == "published"  # another person's paragraph


def test_a_later_sentence_led_by_the_speakers_pronoun_dates_the_next_quote():
    text = ("Last week, Foreign Minister Eva Lund had told parliament that her government was ready to sign. "
            "On Tuesday she struck a different note. \"Without a full withdrawal there will be no agreement,\" "
            "Lund told reporters.")
    r = run(text, published="2026-04-17")
    said = {st.content.text[:20]: st.said for st in r.statements}
    assert said["that her government "].label() == "2026-W15"
    assert said["Without a full withdr"[:20]].start == "2026-04-14"


def test_a_recent_meeting_sets_the_scene_of_what_is_reported_from_it():
    text = ("Minister Ana Roe met her British counterpart in London last month. According to two aides, "
            "she assured him that the bridge would open.\n\n"
            "Tom Hale met his wife in 1986. He said the plan was wrong.")
    r = run(text, published="2025-11-14")
    said = {st.content.text[:20]: st.said for st in r.statements}
    assert said["that the bridge woul"].label() == "2025-10"
    assert said["the plan was wrong"].basis == "published"  # a meeting long ago is no scene for today's words


def test_a_readers_comment_reports_no_statement():
    comment = Document("c1", "The minister said the plan was dead, I heard.", kind="comment", parent_id="a1",
                       published="2025-06-20")
    article = Document("a1", "The minister said the plan was dead.", published="2025-06-20")
    results = list(analyze([article, comment], []))
    assert len(results[0].statements) == 1 and results[1].statements == [] and results[1].error is None


def test_a_question_is_read_only_in_documents_that_name_what_it_names():
    shoal = Target("shoal", "Should China and the Philippines hold talks on the shoal?", keywords=("talks",))
    anywhere = Target("any", "Should talks resume?", keywords=("talks",))
    text = "The German defence minister said talks with partners were under way."
    r = run(text, targets=[shoal, anywhere])
    assert {s.target_id for st in r.statements for s in st.stances} == {"any"}
    # "Manila" names the Philippines and "Beijing" China; a question that names two governments
    # is read where both are named
    r = run("A spokesman in Manila said talks with Beijing were possible.", targets=[shoal])
    assert {s.target_id for st in r.statements for s in st.stances} == {"shoal"}
    r = run("A spokesman in Tokyo said talks with Beijing were possible.", targets=[shoal])
    assert {s.target_id for st in r.statements for s in st.stances} == set()


def test_a_question_is_not_read_in_a_paragraph_about_other_governments():
    peace = Target("peace", "Should Russia and Ukraine hold peace talks?", keywords=("talks",))
    text, blocks = page(("Germany will send tanks to Ukraine, the Russian embassy in Berlin was told.", "paragraph"),
                        ("The German defence minister said talks with Washington were under way.", "paragraph"),
                        ("The Ukrainian foreign minister said talks with Moscow could resume.", "paragraph"))
    r = run(text, blocks, targets=[peace])
    read = [st.content.text for st in r.statements if st.stances]
    assert read == ["talks with Moscow could resume"]


def test_a_transcripts_labels_in_capitals_its_we_and_its_he():
    text = ("Press briefing, June 3\n\n"
            "MR MILLER: Good afternoon. We continue to push for a pause in the fighting.\n\n"
            "QUESTION: The governor said the port would reopen. Is that right?\n\n"
            "MR MILLER: We have seen reports, and he said so yesterday, but I would refer you to him.\n\n"
            "QUESTION: Thank you.")
    r = analyzed(text)
    # "MILLER", which the tagger may read as a common noun, labels two turns
    assert turn_speakers(r) == [("direct", "Miller"), ("direct", "Miller")]
    inner = [s for s in r.statements if s.speaker and s.speaker.mention and s.speaker.mention.text in ("We", "he")]
    for s in inner:
        assert s.speaker.name != "QUESTION"
        if s.speaker.mention.text == "We":  # a spokesman whose body the page never names: the one who says it
            assert s.speaker.name == "Miller"


def test_in_an_answer_he_is_not_the_one_who_asked():
    text = ("Interview, June 3\n\n"
            "BAKER: Good evening. Governor, do you think the senator will run again?\n\n"
            "ADAMS: I think he will. He said last week that he would decide by the summer.\n\n"
            "BAKER: And the budget?\n\n"
            "ADAMS: We will pass it in June.")
    r = analyzed(text)
    he = [s for s in r.statements if s.speaker and s.speaker.mention and s.speaker.mention.text == "He"]
    assert he and all(s.speaker.name != "BAKER" for s in he)


def test_a_news_agencys_said_relays_who_spoke_before_it():
    r = run("The crown prince called for an immediate ceasefire in a call with the French president, "
            "the state news agency said.")
    inner = [s for s in r.statements if s.cue and s.cue.text.startswith("called")]
    assert inner and inner[0].via is not None and inner[0].via.text == "the state news agency"
    # a ministry's "said" is its own word on what someone else said: no relay kept
    r = run("The ministry said Roe warned that the talks would fail.")
    assert [s.cue.text for s in r.statements] == ["said"]


def test_a_label_given_in_full_once_names_the_speaker_of_its_short_form():
    r = analyzed("Interview, June 3\n\n"
                 "JANE BAKER: Good evening. The governor joins us tonight.\n\n"
                 "ADAMS: Thank you for having me.\n\n"
                 "BAKER: Will the budget pass this month?\n\n"
                 "ADAMS: We will pass it in June, whatever the senators say.")
    names = [(s.speaker.mention.text, s.speaker.name) for s in r.statements if s.cue and s.cue.text == ":"]
    assert ("JANE BAKER", "Jane Baker") in names and ("BAKER", "Jane Baker") in names


def test_a_time_the_speaker_set_nearer_than_the_paragraphs_opening_dates_the_remark():
    text = ("By the summer, the mood had shifted. In July, adviser Tom Reyes told reporters the review "
            "was under way. “Our support has to change,” Reyes said.")
    r = run(text, published="2026-10-14")
    assert {st.content.text[:14]: st.said.label() for st in r.statements}["Our support ha"] == "2026-07"


def test_a_position_said_not_to_have_changed_takes_the_bodys_earlier_side():
    targets = [Target("m", "Should the country send missiles?", keywords=("missiles",))]
    text = ("In March, Defense Secretary Ann Blake said sending missiles was a mistake.\n\n"
            "On Monday, Pentagon spokesman Pat Moreno said the department's position on the missiles "
            "had not changed.")
    r = run(text, published="2026-10-14", targets=targets)
    [first, again] = [st for st in r.statements if st.stances]
    assert first.stances[0].stance == again.stances[0].stance == "oppose"
    assert again.stances[0].confidence < first.stances[0].confidence and "#carried" in again.stances[0].source
    assert [e.text for e in again.stances[0].evidence] == ["position on the missiles had not changed", "a mistake"]


def test_a_paragraph_that_goes_on_with_the_speakers_words_keeps_the_scene_set_above():
    text, blocks = page(("Marta Quiroga, the finance minister, told reporters on Tuesday that the levy would be halved.", "paragraph"),
                        ("\"Families cannot wait another winter,\" Quiroga said.", "paragraph"))
    said = {s.content.text: s.said for s in run(text, blocks).statements}
    assert said["Families cannot wait another winter"].start == "2025-06-17"
    assert said["Families cannot wait another winter"].span.text == "on Tuesday"


def test_an_old_time_above_or_a_present_perfect_sets_no_scene():
    text, blocks = page(("Marta Quiroga, who drafted the levy in Lima, Peru, in March 2019, told reporters it would be halved.",
                         "paragraph"),
                        ("\"Families cannot wait another winter,\" Quiroga said.", "paragraph"),
                        ("Quiroga spoke on Tuesday at the port. She has also said the levy must end.", "paragraph"))
    said = {s.content.text: s.said for s in run(text, blocks).statements}
    assert said["Families cannot wait another winter"].basis == "published"
    assert said["the levy must end"].basis == "published"


def test_an_officials_op_ed_speaks_for_their_government_on_the_day_it_appeared():
    text, blocks = page(("Last spring, Estonia opened twelve rural clinics, and critics called them a luxury.", "paragraph"),
                        ("We will keep every rural clinic open through the next budget.", "paragraph"),
                        ("Mira Kallas is Estonia's minister of health.", "paragraph"))
    clinics = Target("clinics", "Should Estonia keep its rural clinics open?", keywords=("rural clinic", "rural clinics"))
    own = [s for s in run(text, blocks, targets=[clinics]).statements if s.kind == "authored"]
    assert {(s.speaker.name, s.speaker.role, s.speaker.organization_id) for s in own} == {
        ("Mira Kallas", "Estonia's minister of health", "gov-ee")}
    assert {(s.said.start, s.said.basis) for s in own} == {("2025-06-20", "published")}  # not "last spring"
    assert [st.stance for s in own for st in s.stances] == ["support"]  # the critics' sentence is theirs



def test_in_an_officials_op_ed_we_is_the_author():
    text, blocks = page(("We will ask parliament to fund twenty more rural clinics next year.", "paragraph"),
                        ("Mira Kallas is Estonia's minister of health.", "paragraph"))
    asked = [s for s in run(text, blocks).statements if s.kind != "authored"]
    assert asked and all((s.speaker.name, s.speaker.organization_id) == ("Mira Kallas", "gov-ee") for s in asked)


def test_a_readouts_later_sentences_keep_the_day_of_the_call_and_its_purpose_is_nobodys_statement():
    text, blocks = page(("Secretary of State Ana Ruiz spoke on Tuesday with Foreign Minister Tomas Berg to discuss the "
                         "ceasefire. The Secretary welcomed the release of the aid workers and said convoys must reach "
                         "the border. She underscored support for the mediation talks.", "paragraph"),)
    statements = run(text, blocks).statements
    assert not any(s.speaker and s.speaker.name == "Tomas Berg" for s in statements)
    ruiz = [s for s in statements if s.speaker and s.speaker.name == "Ana Ruiz"]
    assert len(ruiz) >= 2 and {s.said.start for s in ruiz} == {"2025-06-17"}


def test_according_to_an_outlet_is_its_via_not_a_second_statement():
    text, blocks = page(("Russia is ready to discuss a grain deal, Kremlin spokesman Dmitry Peskov said on Tuesday, "
                         "according to the TASS news agency.", "paragraph"),)
    (st,) = run(text, blocks).statements
    assert st.speaker.name == "Dmitry Peskov" and st.via.text == "the TASS news agency"


def test_a_bare_spokesman_speaks_for_the_body_that_just_spoke_in_the_paragraph():
    text, blocks = page(("Estonia's foreign ministry dismissed the remarks. \"This is a provocation,\" spokesman "
                         "Marko Tamm told reporters in Tallinn.", "paragraph"),)
    tamm = [s for s in run(text, blocks).statements if s.speaker and s.speaker.name == "Marko Tamm"]
    assert tamm and {s.speaker.organization_id for s in tamm} == {"gov-ee"}


def test_the_ledes_occasion_dates_the_speakers_later_undated_words():
    r = run(*page(("The special envoy, Ann Roe, told senators on Thursday that truce talks were not dead.", "paragraph"),
                  ("Senator Tom Lee said the administration had waited too long.", "paragraph"),
                  ("Roe said both armies had sent delegations to the talks.", "paragraph"),
                  ("The war has displaced millions since it began.", "paragraph"),
                  ("“We are not giving up,” Roe said.", "paragraph"),
                  ("In May, Roe said the talks had collapsed.", "paragraph"),
                  ("Roe said the United States would keep pressing.", "paragraph")))
    roe = [s for s in r.statements if s.speaker and s.speaker.name == "Ann Roe"]
    assert [s.said.label() for s in roe] == ["2025-06-19", "2025-06-19", "2025-06-19", "2025-05", "≤2025-06-20"]
    assert roe[1].said.basis == "text" and roe[1].said.expression == "on Thursday"
    lee = next(s for s in r.statements if s.speaker and s.speaker.name == "Tom Lee")
    assert lee.said.start is None  # the lede dates its own speaker, no one else


def test_the_ledes_occasion_does_not_date_a_look_back_or_another_occasion():
    r = run(*page(("The special envoy, Ann Roe, told senators on Thursday that truce talks were not dead.", "paragraph"),
                  ("In 2023, the talks had failed.", "paragraph"),
                  ("Roe said the army had never been serious.", "paragraph"),
                  ("Roe has since said the army might return.", "paragraph"),
                  ("The aid arrived after Roe said the roads were open.", "paragraph")))
    roe = [s for s in r.statements if s.speaker and s.speaker.name == "Ann Roe"]
    assert roe[0].said.start == "2025-06-19"
    assert all(s.said.start is None for s in roe[1:]), [(s.content.text, s.said.label()) for s in roe]


def test_a_clause_split_by_its_attribution_is_judged_and_dated_whole():
    brigade = Target("brigade", "Should NATO station a new brigade?", keywords=("brigade",))
    r = run(*page(("The decision on the brigade, said a senior NATO official who spoke on condition of anonymity, "
                   "would not be taken before the summit in July.", "paragraph")), targets=[brigade])
    halves = [s for s in r.statements if s.speaker and s.speaker.mention.text.startswith("a senior NATO official")]
    assert [s.content.text for s in halves] == ["The decision on the brigade",
                                                "would not be taken before the summit in July"]
    assert all(s.said.start is None for s in halves)  # July is in the words, not when they were said
    first, second = halves
    assert [st.stance for st in first.stances] == ["undecided"]  # "before the summit": read in the second half
    assert second.part_of == first.id and first.part_of is None and second.stances == ()  # counted once


def test_the_parts_of_a_quote_split_by_its_attribution_are_linked_and_judged_apart():
    ports = Target("ports", "Should the ports close?", keywords=("ports",))
    r = run(*page(("“We will not close the ports,” the mayor said. “Never, while I hold this office.”", "paragraph"),
                  ("“The ports must close,” a union leader said.", "paragraph"),
                  ("“Nor will we,” the mayor replied.", "paragraph")), targets=[ports])
    by_text = {s.content.text: s for s in r.statements}
    first, second = by_text["We will not close the ports"], by_text["Never, while I hold this office"]
    assert second.part_of == first.id and first.part_of is None
    assert [st.stance for st in first.stances] == ["oppose"]
    # another paragraph is another remark, even from the same speaker
    assert by_text["Nor will we"].part_of is None and by_text["The ports must close"].part_of is None


def test_she_after_an_unnamed_listener_is_left_unresolved_and_the_aside_relays_her():
    r = run(*page(("“We will not move on the tariffs,” Senator Ana Ruiz said on Monday.", "paragraph"),
                  ("The talks went on all week. Negotiators met again on Thursday.", "paragraph"),
                  ("Minister Karl Berg met his Swedish counterpart in Oslo last month. According to two aides, "
                   "he assured her that the bridge would open.", "paragraph"),
                  ("She told him, one of the aides said, that delays would raise costs.", "paragraph")))
    told = next(s for s in r.statements if s.content.text == "that delays would raise costs")
    assert told.speaker.mention.text == "She" and told.speaker.name is None  # not Ana Ruiz
    assert told.via is not None and told.via.text == "one of the aides"
    assert not any(s.content.text.startswith("She told him") for s in r.statements)  # the aside relays, says nothing more


def test_she_after_a_named_listener_is_that_listener():
    r = run(*page(("Minister Karl Berg met Maria Lopez in Oslo. He assured her that the bridge would open.", "paragraph"),
                  ("She told him that delays would raise costs.", "paragraph")))
    told = next(s for s in r.statements if s.content.text == "that delays would raise costs")
    assert told.speaker.name == "Maria Lopez"


def test_an_officeholders_role_is_the_one_held_when_the_words_were_said():
    r = run("Hillary Clinton said on Monday that she would run.\n\n"
            "In a 2011 email, Hillary Clinton wrote that the talks had failed.", published="2015-06-01")
    roles = {st.said.start[:4]: (st.speaker.role, st.speaker.organization_id) for st in r.statements}
    assert roles["2015"] == (None, None)
    assert roles["2011"] == ("Secretary of State", "us-state")
