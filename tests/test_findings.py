"""Findings from small ledgers the team builds by hand: each kind and its negative case."""
from onrecord.actors import load_gazetteer
from onrecord.findings import find_all, merge_reports
from onrecord.model import Actor, Span, Speaker, Stance, Statement, Target, TimeSpan

G = load_gazetteer()
TARGETS = [Target("a", "Question A?"), Target("b", "Question B?")]
ACTORS = {"p:x": Actor("p:x", "X"), "p:y": Actor("p:y", "Y"), "p:z": Actor("p:z", "Z")}


def st(i, actor, org, day, target, label, text="we say something", doc="d1"):
    text = f"{text} {i}"
    return Statement(f"s{i}", doc, "direct", Span(0, len(text), text), None,
                     Speaker(None, actor, ACTORS[actor].name, "Secretary", org, G.path(org)),
                     None, TimeSpan(day, day, "day", None, "text"),
                     (Stance(target, label, 0.8),) if target else ())


def kinds(statements, kind):
    return [f for f in find_all(statements, ACTORS, TARGETS, G.organizations, rank=G.rank) if f.kind == kind]


def test_shift_reversal_and_refinement():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"),
                st(2, "p:x", "us-state", "2030-03-05", "a", "support"),
                st(3, "p:x", "us-state", "2030-04-05", "a", "conditional")], "shift")
    actor_level = [f for f in fs if f.details["level"] == "actor"]
    assert [f.details["reversal"] for f in actor_level] == [True, False]
    assert actor_level[0].statement_ids == ("s1", "s2")


def test_a_shift_says_how_the_position_moved():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"),
                st(2, "p:x", "us-state", "2030-03-05", "a", "conditional"),
                st(3, "p:x", "us-state", "2030-04-05", "a", "oppose")], "shift")
    actor_level = [f for f in fs if f.details["level"] == "actor"]
    assert [f.details["reversal"] for f in actor_level] == [False, False]
    assert "a softening" in actor_level[0].summary and "a hardening" in actor_level[1].summary


def test_a_shift_gives_each_date_as_precisely_as_the_text_does():
    from dataclasses import replace
    january = replace(st(1, "p:x", "us-state", "2030-01-01", "a", "oppose"),
                      said=TimeSpan("2030-01-01", "2030-01-31", "month", "In January", "text"))
    fs = kinds([january, st(2, "p:x", "us-state", "2030-03-05", "a", "support")], "shift")
    assert "from oppose (2030-01) to support (2030-03-05)" in fs[0].summary


def test_no_shift_between_remarks_whose_times_overlap():
    from dataclasses import replace
    last_year = replace(st(1, "p:x", "us-state", "2030-01-01", "a", "oppose"),
                        said=TimeSpan("2030-01-01", "2030-12-31", "year", "last year", "text"))
    march = replace(st(2, "p:x", "us-state", "2030-03-01", "a", "support"),
                    said=TimeSpan("2030-03-01", "2030-03-31", "month", "In March", "text"))
    assert kinds([last_year, march], "shift") == []  # the March remark may have come first
    next_year = st(3, "p:x", "us-state", "2031-02-01", "a", "support")
    assert [f.statement_ids for f in kinds([last_year, next_year], "shift")][0] == ("s1", "s3")
    # "in September" and "the week of September 24": likely in that order, and said to be so
    september = replace(last_year, said=TimeSpan("2030-09-01", "2030-09-30", "month", "In September", "text"))
    week = replace(march, said=TimeSpan("2030-09-24", "2030-09-30", "week", "last week", "text"))
    [shift] = [f for f in kinds([september, week], "shift") if f.details["level"] == "actor"]
    assert "likely, not certain" in shift.summary and shift.confidence < 0.8 * 0.85


def test_an_outlook_says_when_a_body_speaks_with_more_than_one_voice():
    fs = kinds([st(1, "p:x", "us-state", "2030-03-05", "a", "conditional"),
                st(2, "p:y", "us-state", "2030-03-05", "a", "oppose")], "outlook")
    a = next(f for f in fs if f.target_id == "a")
    assert "speaks with more than one voice" in a.summary and a.details["uncertainty"] == "high"
    assert set(a.statement_ids) == {"s1", "s2"}
    # two speakers of one body on one side: no second voice
    fs = kinds([st(1, "p:x", "us-state", "2030-03-05", "a", "conditional"),
                st(2, "p:y", "us-state", "2030-03-05", "a", "support")], "outlook")
    assert "more than one voice" not in next(f for f in fs if f.target_id == "a").summary


def test_no_shift_when_stance_holds():
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"),
                  st(2, "p:x", "us-state", "2030-03-05", "a", "oppose")], "shift") == []


def test_contradiction_within_one_government_and_window():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                st(2, "p:y", "us-dod", "2030-02-05", "a", "oppose")], "contradiction")
    assert len(fs) == 1 and fs[0].details["severity"] == "high"


def test_no_contradiction_across_governments_or_outside_window():
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                  st(2, "p:y", "fr-mfa", "2030-01-06", "a", "oppose")], "contradiction") == []
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                  st(2, "p:y", "us-dod", "2030-09-05", "a", "oppose")], "contradiction") == []


def test_separate_questions_and_its_negative():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                st(2, "p:y", "us-africom", "2030-01-06", "b", "oppose")], "separate_questions")
    assert len(fs) == 1 and "separate" in fs[0].summary
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                  st(2, "p:y", "us-dod", "2030-01-06", "a", "oppose")], "separate_questions") == []


def test_common_ground_across_bodies_and_its_negative():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "elections must come first"),
                st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", "without elections nothing works")],
               "common_ground")
    assert [f.details["term"] for f in fs] == ["elections"]
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "ports and harbours"),
                  st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", "tanks and planes")], "common_ground") == []
    # a name is no theme, whatever its case in the statement
    assert kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "Germany sent ports"),
                  st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", "tanks went to Germany")], "common_ground") == []


def test_outlook_uncertainty_and_abstention():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"),
                st(2, "p:y", "us-dod", "2030-01-06", "a", "oppose")], "outlook")
    by_target = {f.target_id: f for f in fs}
    assert by_target["a"].details["uncertainty"] == "high"
    assert by_target["b"].confidence == 0.0 and "abstains" in by_target["b"].summary


def test_an_outlook_of_undated_positions_says_why_it_abstains_and_cites_them():
    undated = st(1, "p:x", "us-state", None, "a", "support")
    fs = kinds([undated, st(2, "p:y", None, None, "b", "oppose")], "outlook")
    by_target = {f.target_id: f for f in fs}
    assert by_target["a"].confidence == 0.0 and "none has a date" in by_target["a"].summary
    assert by_target["a"].statement_ids == ("s1",)
    assert "no official of a known body" in by_target["b"].summary  # a speaker of no known body


def test_reprints_count_once():
    a = st(1, "p:x", "us-state", "2030-01-05", "a", "support", "same words")
    b = Statement("s9", "d2", a.kind, a.content, None, a.speaker, None, a.said, a.stances)
    assert merge_reports([a, b]) == {"s1": ["s9"]}


def test_reworded_reprint_is_one_remark_but_another_remark_is_not():
    a = st(1, "p:x", "us-state", "2030-01-05", "a", "support", "the force must deploy before the rains come")
    b = Statement("s9", "d2", a.kind, Span(0, 44, "the force must deploy before the rains come ."),
                  None, a.speaker, None, a.said, a.stances)
    c = Statement("s10", "d3", a.kind, Span(0, 30, "we will never send any troops"), None, a.speaker,
                  None, a.said, a.stances)
    assert merge_reports([a, b, c]) == {"s1": ["s9"]}


def test_no_shift_when_the_later_remark_is_dated_only_by_publication():
    later = st(2, "p:x", "us-state", "2030-03-05", "a", "oppose")
    later = Statement(later.id, later.document_id, later.kind, later.content, None, later.speaker, None,
                      TimeSpan(None, "2030-03-05", "unknown", None, "published"), later.stances)
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support"), later], "shift")
    assert fs == []


def test_merging_reports_by_index_finds_what_comparing_every_pair_finds():
    import random

    from onrecord.findings import _same_remark
    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(120)] + ["the", "said", "and", "of"] * 15  # common words too
    a = st(1, "p:x", "us-state", "2030-01-05", "a", "support", "first words")
    reports = []
    for i in range(400):
        if reports and rng.random() < 0.35:  # a reworded or cut reprint of an earlier report
            words = [w if rng.random() > 0.15 else rng.choice(vocab) for w in rng.choice(reports).content.text.split()]
            if rng.random() < 0.5:  # without the earlier report's own words: its rarest
                words = [w for w in words if not w.startswith("own")]
            words = words[:max(3, int(len(words) * rng.uniform(0.6, 1.0)))]
            if rng.random() < 0.4:  # or a longer one, with words of its own: its rarest
                words += [f"own{i}x{k}" for k in range(len(words) // 2 + 1)]
        else:
            words = [rng.choice(vocab) for _ in range(rng.randint(2, 25))]
        text = " ".join(words)
        reports.append(Statement(f"s{i}", f"d{i}", a.kind, Span(0, len(text), text), None, a.speaker, None,
                                 a.said, a.stances))
    heads, expected = [], {}
    for r in reports:
        head = next((h for h in heads if h.document_id != r.document_id and _same_remark(h, r)), None)
        if head is None:
            heads.append(r)
        else:
            expected.setdefault(head.id, []).append(r.id)
    assert expected and merge_reports(reports) == expected


def test_one_office_speaking_months_apart_through_two_people_shifted_and_two_offices_of_a_body_disagree():
    state = [st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"), st(2, "p:y", "us-state", "2030-04-05", "a", "support")]
    assert kinds(state, "contradiction") == []
    assert [f.details["level"] for f in kinds(state, "shift")] == ["organization"]
    defense = [st(1, "p:x", "us-dod", "2030-01-05", "a", "oppose"), st(2, "p:y", "us-africom", "2030-03-05", "a", "support")]
    assert len(kinds(defense, "contradiction")) == 1
    same_week = [st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"), st(2, "p:y", "us-state", "2030-01-08", "a", "support")]
    assert len(kinds(same_week, "contradiction")) == 1


def test_a_remark_the_text_dates_outweighs_one_only_published_that_day():
    from dataclasses import replace
    published = replace(st(2, "p:y", "us-state", "2030-04-05", "a", "support"),
                        said=TimeSpan(None, "2030-04-05", "unknown", None, "published"))
    dated = st(3, "p:z", "us-state", "2030-04-05", "a", "conditional")
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "oppose"), published, dated], "shift")
    body = [f for f in fs if f.details["level"] == "organization"]
    assert [f.statement_ids for f in body] == [("s1", "s3")]


def test_bodies_all_in_favour_some_on_conditions_agree():
    fs = kinds([st(1, "p:x", "us-state", "2030-03-05", "a", "conditional"),
                st(2, "p:y", "us-dod", "2030-03-05", "a", "support")], "outlook")
    assert "agree in favour, some on conditions" in next(f for f in fs if f.target_id == "a").summary


def test_function_words_are_no_common_ground():
    from onrecord.findings import _terms
    assert _terms("ships must pass through the strait without delay") == {"ships", "pass", "strait", "delay"}


def test_words_shared_side_by_side_are_one_theme():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "we want constitutional order restored"),
                st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", "a return to constitutional order first")],
               "common_ground")
    assert [f.details["term"] for f in fs] == ["constitutional order"]
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "order the convoy to stop at the border"),
                st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", "the border needs order")], "common_ground")
    assert sorted(f.details["term"] for f in fs) == ["border", "order"]  # not side by side: two themes


def test_common_ground_only_among_documents_that_take_up_one_question():
    from dataclasses import replace
    a = replace(st(1, "p:x", "us-state", "2030-01-05", "a", "support", text="the humanitarian corridor", doc="d1"))
    b = replace(st(2, "p:y", "us-dod", "2030-01-06", "b", "oppose", text="the humanitarian corridor", doc="d2"))
    assert kinds([a, b], "common_ground") == []  # one article on question A, another on B
    c = replace(st(3, "p:y", "us-dod", "2030-01-06", "a", "oppose", text="the humanitarian corridor", doc="d2"))
    assert [f.details["term"] for f in kinds([a, c], "common_ground")] == ["humanitarian corridor"]


def test_one_article_quoting_a_person_both_ways_is_no_contradiction_but_two_articles_are():
    one = [st(1, "p:x", "us-state", "2030-01-05", "a", "support"), st(2, "p:x", "us-state", "2030-01-06", "a", "oppose")]
    assert kinds(one, "contradiction") == []
    two = [one[0], st(2, "p:x", "us-state", "2030-01-06", "a", "oppose", doc="d2")]
    assert len(kinds(two, "contradiction")) == 1


def test_the_questions_own_words_are_no_theme_whatever_their_case():
    targets = [Target("a", "Should the Security Council act?")]
    statements = [st(1, "p:x", "us-state", "2030-01-05", "a", "support", "the council must act on the corridor"),
                  st(2, "p:y", "us-dod", "2030-01-06", "a", "oppose", "this council failed the corridor")]
    found = [f for f in find_all(statements, ACTORS, targets, G.organizations, rank=G.rank) if f.kind == "common_ground"]
    assert [f.details["term"] for f in found] == ["corridor"]


def test_one_word_two_governments_share_is_no_theme_but_a_phrase_is():
    one_word = kinds([st(1, "p:x", "us-dod", "2030-01-05", "a", "oppose", "it would risk a direct confrontation"),
                      st(2, "p:y", "ru-kremlin", "2030-01-06", "a", "oppose", "a direct party to the conflict")],
                     "common_ground")
    assert one_word == []
    phrase = kinds([st(1, "p:x", "us-dod", "2030-01-05", "a", "oppose", "we want a direct hotline"),
                    st(2, "p:y", "ru-kremlin", "2030-01-06", "a", "oppose", "a direct hotline is ready")],
                   "common_ground")
    assert [f.details["term"] for f in phrase] == ["direct hotline"]


def test_a_verbs_past_form_is_no_theme():
    fs = kinds([st(1, "p:x", "us-state", "2030-01-05", "a", "support", "the battlefield has changed"),
                st(2, "p:y", "us-dod", "2030-01-06", "a", "oppose", "our position has not changed")], "common_ground")
    assert fs == []


def test_of_one_day_what_came_later_is_the_bodys_position_whoever_outranks_whom():
    from dataclasses import replace
    morning = replace(st(1, "p:x", "us-state", "2030-03-05", "a", "support"),
                      speaker=Speaker(None, "p:x", "X", "President", "us-state", G.path("us-state")))
    late = st(2, "p:y", "us-state", "2030-03-05", "a", "oppose")
    late = replace(late, said=replace(late.said, expression="late on Tuesday"))
    [outlook] = [f for f in kinds([morning, late], "outlook") if f.target_id == "a"]
    assert outlook.details["positions"]["us-state"] == "oppose"  # the correction late that day
    assert outlook.details["divided"]["us-state"] == "support"
    [outlook] = [f for f in kinds([morning, st(2, "p:y", "us-state", "2030-03-05", "a", "oppose")], "outlook")
                 if f.target_id == "a"]
    assert outlook.details["positions"]["us-state"] == "support"  # no part of the day said: rank decides


def test_a_speakers_latest_words_are_their_position_and_an_undated_remark_told_now_is_latest():
    from dataclasses import replace
    earlier = st(1, "p:x", "us-dod", "2030-03-01", "a", "conditional")  # "Two weeks ago, X had told ..."
    now = st(2, "p:x", "us-dod", "2030-03-15", "a", "oppose")
    now = replace(now, said=TimeSpan(None, "2030-03-15", "unknown", None, "published"),
                  cue=Span(0, 4, "said"))
    [outlook] = [f for f in kinds([earlier, now], "outlook") if f.target_id == "a"]
    assert outlook.details["positions"]["us-dod"] == "oppose"
    # "has indicated", dated only by publication, is any time before: the dated remark stays
    vague = replace(now, cue=Span(0, 13, "has indicated"))
    [outlook] = [f for f in kinds([earlier, vague], "outlook") if f.target_id == "a"]
    assert outlook.details["positions"]["us-dod"] == "conditional"


def test_no_contradiction_with_words_the_speaker_had_since_replaced():
    old = st(1, "p:x", "us-dod", "2030-03-01", "a", "conditional")
    new = st(2, "p:x", "us-dod", "2030-03-14", "a", "oppose")
    other = st(3, "p:y", "us-state", "2030-03-15", "a", "oppose")
    assert kinds([old, new, other], "contradiction") == []
    assert kinds([old, other], "contradiction") != []  # without the newer words, the pair stands


def test_a_joint_statement_is_the_position_of_each_body_named_together_once():
    joint = Speaker(None, "g:es-pt", "Spain and Portugal", None, None, (), "group", ("gov-es", "gov-pt"))
    one = st(2, "p:x", "gov-ma", "2030-05-03", "a", "oppose")
    text = "we say something 1"
    together = Statement("s1", "d1", "direct", Span(0, len(text), text), None, joint, None,
                         TimeSpan("2030-05-02", "2030-05-02", "day", None, "text"), (Stance("a", "support", 0.8),))
    (out,) = [f for f in find_all([together, one], ACTORS, TARGETS, G.organizations) if f.kind == "outlook"
              and f.target_id == "a"]
    assert out.details["positions"] == {"gov-es": "support", "gov-pt": "support", "gov-ma": "oppose"}
    assert "Spain and Portugal support it" in out.summary and out.summary.count("[s1]") == 1
    assert out.statement_ids.count("s1") == 1


def test_an_op_ed_is_its_authors_latest_word_on_the_day_it_appeared():
    text = "we say something 9"
    old = st(1, "p:x", "us-state", "2030-05-02", "a", "oppose")
    op_ed = Statement("s9", "d2", "authored", Span(0, len(text), text), None,
                      Speaker(None, "p:x", "X", "Secretary", "us-state", G.path("us-state")), None,
                      TimeSpan("2030-05-20", "2030-05-20", "day", None, "published"), (Stance("a", "support", 0.8),))
    (out,) = [f for f in kinds([old, op_ed], "outlook") if f.target_id == "a"]
    assert "support" in out.summary and "2030-05-20, in a signed piece" in out.summary
    (shift,) = [f for f in kinds([old, op_ed], "shift") if f.details["level"] == "actor"]
    assert shift.statement_ids == ("s1", "s9")
