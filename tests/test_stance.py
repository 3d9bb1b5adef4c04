import pytest

from onrecord.errors import TargetsError
from onrecord.model import Span, Target
from onrecord.stance import get_backend, load_targets
from onrecord.stance.rules import judge

T = Target("force", "Should a regional force deploy?", keywords=("regional force", "deployment"))


def stance(text, context=()):
    return judge(T, text, Span.of(text, 0, len(text)), list(context))


def in_paragraph(text, content):
    """The stance of one content of ``text``, with the whole text as its paragraph."""
    start = text.index(content)
    got = judge(T, text, Span.of(text, start, start + len(content)), [(0, len(text))])
    return got.stance if got else None


@pytest.mark.parametrize("text,label", [
    ("A regional force is ill-advised and not feasible.", "oppose"),
    ("The government should accept a regional force.", "support"),
    ("We do not support a regional force.", "oppose"),
    ("The regional force must be defined before we make any commitment.", "conditional"),
    ("The regional force must be defined before any force deploys.", "conditional"),
    # a deadline is what is wanted soon, not what must come first
    ("The regional force should take effect before the rainy season.", "support"),
    ("The regional force must be in place before the end of the year.", "support"),
    # what it would bring, said of it as the subject
    ("A regional force would cost us our best allies in the region.", "oppose"),
    ("A regional force would bring stability to the border towns.", "support"),
    ("Support for a regional force may hinge on whether elections are held.", "conditional"),
    ("All options for a regional force will be considered; no decisions have been made.", "undecided"),
    ("A regional force was discussed at the meeting.", "neutral"),
    ("The regional force cannot go ahead under current conditions.", "oppose"),
    ("Plans for the regional force are frozen indefinitely.", "oppose"),
    ("The regional force is a done deal.", "support"),
    ("We haven't made a decision on the regional force; we're looking at a range of options.", "undecided"),
    ("Funding a regional force would be a waste of taxpayer money.", "oppose"),
    ("whether a regional force should be deployed", "neutral"),
    ("The cabinet is divided over whether to send a regional force, with some warning it could fail.", "undecided"),
    ("Japan cannot stand on the sidelines while partners build a regional force.", "support"),
    ("A regional force remains \"an option we have not taken off the table.\"", "undecided"),
    ("A regional force is still on the table.", "undecided"),
    ("A regional force is off the table.", "oppose"),
    # what the speaker says is the aim, or works toward, and what they resist
    ("The aim, the envoy said, is to secure a regional force for the border.", "support"),
    ("Our goal is not to build a regional force.", "oppose"),
    ("Officials are working toward a regional force on the border.", "support"),
    ("The ministry has stepped up its resistance to a regional force.", "oppose"),
    ("The regional force should take effect by January.", "support"),
    ("Deploying a regional force is the right thing to do.", "support"),
    ("We will push for a regional force at the summit.", "support"),
    ("I won't pretend a regional force can end the fighting overnight.", "neutral"),
    ("The decision on the regional force would not be taken before the summit in July.", "undecided"),
    ("A decision on the regional force is not expected until July.", "undecided"),
    ("The regional force will stay for as long as it takes.", "support"),
    ("The regional force can stay as long as the talks go on.", "conditional"),
    ("We won't pretend it is easy, but we will push for a regional force at the summit.", "support"),
    ("A regional force would be a grave error.", "oppose"),
    ("We see no role for a regional force.", "oppose"),
    ("Our position has not changed: a regional force must be deployed.", "support"),
    ("The cabinet will decide on the regional force next week.", "undecided"),
    ("The opposition has long campaigned for a regional force.", "support"),
    ("The minister questioned the wisdom of a regional force.", "oppose"),
    ("We urge the U.N. to immediately stop planning a regional force.", "oppose"),
    ("We urge the Council to authorise a regional force.", "support"),
    ("The ministry would not comment on the regional force.", "neutral"),
    ("Beijing warned Washington against a regional force.", "oppose"),
    ("We are prepared to contribute ships to a regional force.", "support"),
    ("A regional force was not the right answer.", "oppose"),
    ("Moscow could consider a smaller regional force tied to a prisoner exchange.", "undecided"),
    ("that it was reviewing the regional force plan and had not reached a decision", "undecided"),
    ("It is time for the region to build its own regional force.", "support"),
    ("We will not abandon the regional force now.", "support"),
    ("We have never closed the door to a regional force.", "support"),
    ("Paris won't walk away from the regional force.", "support"),
    ("Now is not the time for a regional force.", "oppose"),
    ("A regional force serves the interests of every coastal state.", "support"),
    ("A regional force is not in our interest.", "oppose"),
])
def test_stance_labels(text, label):
    assert stance(text).stance == label


def test_cannot_before_the_questions_own_verb_refuses_it():
    t = Target("deploy", "Should the government deploy a regional force?", keywords=("regional force",))
    text = "The government cannot deploy a regional force this year."
    assert judge(t, text, Span.of(text, 0, len(text)), []).stance == "oppose"


def test_condition_span_is_the_condition():
    s = stance("Support for a regional force may hinge on whether elections are held first.")
    assert s.condition.text == "whether elections are held first"


@pytest.mark.parametrize("text,condition", [
    ("We will back a regional force, but only once a plan is presented.", "a plan is presented"),
    ("Washington will fund a regional force, but not until elections are held.", "elections are held"),
    ("Berlin would consider a regional force once its own budget allows it.", "its own budget allows it"),
    ("The cabinet needed parliamentary approval for any regional force.", "parliamentary approval"),
    ("They agreed that any regional force must have a clear mandate from the Union.", "a clear mandate"),
    ("A regional force is a tool. Before we take that step, we need to see whether the talks work.",
     "whether the talks work"),
    ("Before we send a regional force we must have a clear mandate.", "have a clear mandate"),
    ("Rome will send ships to a regional force the day the coastal states invite it.", "the coastal states invite it"),
    ("We would only join a regional force after the ceasefire holds for a month.", "the ceasefire holds for a month"),
    ("Any regional force must be authorised by the Security Council first.", "authorised by the Security Council"),
])
def test_only_once_and_not_until_set_conditions(text, condition):
    s = stance(text)
    assert s.stance == "conditional" and s.condition.text == condition
    assert s.evidence[0].text.strip() == s.evidence[0].text


def test_what_a_condition_waits_for_is_wanted_not_conditional():
    probe = Target("probe", "Should there be an independent inquiry?", keywords=("inquiry",))
    text = "Washington would lift the visa bans once the inquiry is complete."
    assert judge(probe, text, Span.of(text, 0, len(text)), []).stance == "support"
    text = "We will cut aid if they open an inquiry."  # after "if", feared as well: its terms stay
    assert judge(probe, text, Span.of(text, 0, len(text)), []).stance == "conditional"


def test_once_in_a_story_or_a_refusal_sets_no_condition():
    assert stance("Once the regional force arrived, the fighting stopped.").stance != "conditional"
    assert stance("The day a regional force lands is the day we leave the talks.").stance != "conditional"
    assert stance("Our soldiers only join a regional force when they are paid.").stance != "conditional"  # a habit


def test_time_to_stop_is_no_call_for_it():
    assert stance("It's time to stop pretending a regional force can fix this.").stance != "support"
    assert stance("We would not back a regional force once the rains start.").stance == "oppose"


@pytest.mark.parametrize("text,label,condition", [
    ("Berlin would not support a regional force as long as talks go on.", "oppose", "talks go on"),
    ("We will not back a regional force if it lacks a mandate.", "oppose", "it lacks a mandate"),
    ("We will support a regional force as long as it has a mandate.", "conditional", "it has a mandate"),
    ("We will not send a regional force unless the council agrees.", "conditional", "the council agrees"),
    ("If the talks fail, we will not oppose a regional force.", "conditional", "the talks fail"),
])
def test_a_refusal_on_terms_is_opposition_while_they_hold(text, label, condition):
    s = stance(text)
    assert (s.stance, s.condition.text) == (label, condition)
    assert s.stance == "conditional" or s.evidence[0].text in ("would not", "will not")


@pytest.mark.parametrize("answer,label", [("Not on these terms.", "oppose"), ("Yes, in time.", "support"),
                                          ("We will see.", None)])
def test_a_short_answer_takes_its_side_on_what_it_was_asked(answer, label):
    text = f"Asked whether Norland would join the regional force, the minister said: “{answer}”"
    content = Span.of(text, text.index("“") + 1, len(text) - 1)
    got = judge(T, text, content, [(0, len(text))])
    assert (got.stance if got else None) == label
    if label:
        assert got.evidence[0].text in ("Not", "Yes")
    # asked in the negative, a "no" is not clear
    text = text.replace("would join", "would refuse to join")
    assert judge(T, text, Span.of(text, text.index("“") + 1, len(text) - 1), []) is None


def test_no_before_a_keyword_refuses_it():
    t = Target("exempt", "Should Mexico be exempted from the tariffs?", keywords=("exceptions",))
    text = "There will be no exceptions, for anyone."
    got = judge(t, text, Span.of(text, 0, len(text)), [])
    assert got.stance == "oppose" and got.evidence[0].text == "exceptions"


def test_irrelevant_statement_gets_no_stance():
    assert stance("The harvest was good this year and prices fell.") is None


def test_context_makes_relevant_with_lower_confidence():
    text = "The deployment is coming. We support it fully."
    content = Span.of(text, text.index("We"), len(text))
    direct = judge(T, "We support the regional force fully.", Span(0, 36, "We support the regional force fully."), [])
    via_context = judge(T, text, content, [(0, 25)])
    assert via_context.stance == "support" and via_context.confidence < direct.confidence


def test_evidence_spans_verify():
    text = "A regional force is ill-advised."
    s = stance(text)
    assert all(e.verify(text) for e in s.evidence)


@pytest.mark.parametrize("content,message", [
    ("targets: []", "non-empty list"),
    ("targets:\n  - question: no id", "needs an 'id'"),
    ("targets:\n  - {id: a, question: q}\n  - {id: a, question: r}", "used twice"),
    ("targets: [ {id: a, question: q, keywords: 5} ]", "list of strings"),
    ("targets: [unclosed", "not valid YAML"),
])
def test_bad_targets_files(tmp_path, content, message):
    p = tmp_path / "t.yaml"
    p.write_text(content)
    with pytest.raises(TargetsError, match=message):
        load_targets(p)


def test_backend_registry():
    assert get_backend("noop/1")(T, "x", Span(0, 1, "x"), []) is None
    with pytest.raises(ValueError):
        get_backend("nope/9")


def test_targets_file_with_examples_and_scope(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - id: force\n    question: Should a regional force deploy?\n"
                 "    examples:\n      for: [The force must deploy now.]\n      against: [Deployment is a mistake.]\n"
                 "    scope: {organizations: [us-state], from: 2025-01-01, to: 2025-12-31}\n")
    [t] = load_targets(p)
    assert t.examples_for == ("The force must deploy now.",) and t.scope_organizations == ("us-state",)
    assert t.in_scope(["us-state", "us"], "2025-03-01")
    assert not t.in_scope(["us-dod", "us"], "2025-03-01")
    assert not t.in_scope(["us-state", "us"], "2026-01-02")
    p.write_text("targets:\n  - {id: x, question: q, scope: {from: May}}\n")
    with pytest.raises(TargetsError, match="scope.from"):
        load_targets(p)


def test_the_verb_that_governs_a_noun_phrase_content_is_its_verdict():
    text = "In January, the minister ruled out a regional force on Norland soil, and later welcomed a monitoring team."
    ruled = judge(T, text, Span.of(text, text.index("a regional"), text.index(" on Norland")), [])
    assert ruled.stance == "oppose" and ruled.evidence[0].text == "ruled out"


def test_a_question_about_a_country_does_not_drop_statements_that_name_other_bodies():
    t = Target("mission", "Should a monitoring mission deploy to Moldova?", keywords=("monitoring mission",))
    text = "A small monitoring mission could be acceptable if it came under a United Nations mandate."
    assert judge(t, text, Span.of(text, 0, len(text)), []) is not None


def test_fighting_or_blocking_what_the_question_asks_refuses_it():
    t = Target("deploy", "Should a regional force deploy to Moldova?", keywords=("deployment",))
    text = "The opposition vowed to fight any deployment in parliament."
    assert judge(t, text, Span.of(text, text.index("to fight"), len(text) - 1), []).stance == "oppose"


@pytest.mark.parametrize("question,text,label", [
    ("Should the EU lift the arms embargo?", "The embargo is working and should remain.", "oppose"),
    ("Should the EU lift the arms embargo?", "The embargo must not stay in place.", "support"),
    ("Should the ceasefire be extended?", "We want the ceasefire to hold for another month.", "support"),
    ("Should the ceasefire be extended?", "The ceasefire should be allowed to expire.", "oppose"),
])
def test_keeping_a_thing_refuses_its_removal_and_letting_it_lapse_refuses_keeping_it(question, text, label):
    target = Target("q", question, keywords=("embargo", "ceasefire"))
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == label


def test_a_body_named_in_the_question_is_not_someone_else_when_its_organ_is_named():
    target = Target("q", "Should the UN send peacekeepers?", keywords=("peacekeepers",))
    text = "We urge the Security Council to authorise peacekeepers."
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == "support"


def test_an_imperative_of_the_questions_verb_asks_for_it():
    target = Target("q", "Should the United States release the frozen aid?", keywords=("aid",))
    text = "Release the aid now."
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == "support"


def test_a_condition_in_a_statement_relevant_only_by_its_paragraph_is_not_the_questions():
    text = 'The minister said he backed a regional force. "Deterrence only works if it is credible," he said.'
    content = text.index("Deterrence")
    st = judge(T, text, Span.of(text, content, content + len("Deterrence only works if it is credible")),
               [(0, len(text))])
    assert st is None or st.stance != "conditional"


def test_a_conditional_verdict_on_it_takes_the_paragraphs_question():
    text = ('The party could accept a regional force if screening was strict. "We are not against it in principle, '
            'as long as the troops never fire first," the lawmaker said.')
    content = text.index("We are")
    end = text.index(',"')
    st = judge(T, text, Span.of(text, content, end), [(0, len(text))])
    assert st.stance == "conditional" and st.condition.text == "the troops never fire first"


@pytest.mark.parametrize("text,label", [
    ("We will lift the ban on arms exports.", "support"),
    ("The government is moving toward easing its restrictions on arms exports.", "support"),
    ("We will not lift the ban on arms exports.", "oppose"),
    ("The cabinet wants to tighten curbs on arms exports.", "oppose"),
])
def test_what_is_done_to_a_restriction_on_the_thing_is_the_opposite_done_to_it(text, label):
    target = Target("t", "Should Japan allow arms exports?", keywords=("arms exports",))
    st = judge(target, text, Span.of(text, 0, len(text)), [])
    assert st.stance == label and len({e.text for e in st.evidence}) == len(st.evidence)
    # a question about the ban itself reads "lift the ban" as it is
    ban = Target("b", "Should Japan lift its ban on arms exports?", keywords=("ban on arms exports",))
    if text.startswith("We will lift"):
        assert judge(ban, text, Span.of(text, 0, len(text)), []).stance == "support"


def test_a_verb_of_the_same_direction_before_the_topic_is_the_questions_act():
    target = Target("t", "Should Japan lift its export controls?", keywords=("export controls", "controls"))

    def label(text):
        return judge(target, text, Span.of(text, 0, len(text)), []).stance

    assert label("The controls should be scrapped unconditionally.") == "support"  # not "scrapped" = frozen
    assert label("Tokyo must scrap the export controls.") == "support"
    assert label("We will not scrap the export controls.") == "oppose"


def test_a_verb_of_the_opposite_direction_before_the_topic_refuses_the_questions_act():
    target = Target("t", "Should the peacekeeping mission be renewed?", keywords=("mission",))

    def label(text):
        return judge(target, text, Span.of(text, 0, len(text)), []).stance

    assert label("The council must end the mission this year.") == "oppose"
    assert label("We will not cut the mission.") == "support"
    trade = Target("t", "Should the United States keep its trade agreements?", keywords=("trade",))
    text = "We must ease trade barriers."  # acts on barriers, not on trade
    assert judge(trade, text, Span.of(text, 0, len(text)), []).stance == "neutral"


@pytest.mark.parametrize("text,label", [
    ("Deploying a regional force would embolden the militias.", "oppose"),
    ("A regional force could also help stabilise the border districts.", "support"),
    ("A regional force would send a clear message to the junta.", "support"),
    ("The local population deserves a regional force after years of raids.", "support"),
    ("The assembly voted unanimously to deploy the regional force.", "support"),
    ("There is no consensus among member states on a regional force.", "undecided"),
    ("We have not yet taken a position on the regional force.", "undecided"),
    ("Our lawyers are studying the implications of a regional force.", "undecided"),
    ("The regional force must wait for a ceasefire agreement.", "conditional"),
    ("A regional force would deploy only in exchange for guarantees of safe passage.", "conditional"),
    ("For us, a regional force is a matter of principle.", "support"),
    ("Officers of the regional force would protect the convoys.", "neutral"),  # the topic is not the subject
])
def test_what_a_policy_would_bring_and_how_officials_say_they_have_not_decided(text, label):
    assert stance(text).stance == label


def test_a_stance_says_when_only_the_paragraph_names_the_topic():
    text = "The regional force is planned for May. We cannot accept it."
    own = judge(T, text, Span.of(text, 0, 38), [(0, len(text))])
    inferred = judge(T, text, Span.of(text, 39, len(text)), [(0, len(text))])
    assert not own.source.endswith("@context") and inferred.source.endswith("@context")


def test_keywords_drawn_from_a_question_name_what_is_to_be_done_not_who_does_it():
    from onrecord.stance.targets import question_keywords

    words = question_keywords("Should Japan lift its export controls on chip materials?")
    assert "export controls" in words and "controls" in words and "Japan" not in words
    words = question_keywords("Should the government expel Kestria's ambassador?")
    assert "ambassador" in words and "government" not in words
    assert "Trump" in question_keywords("Is Donald Trump fit to be president?")  # the subject is the topic
    assert "ceasefire" in question_keywords("Should the ceasefire be extended?")
    assert question_keywords("Should ECOWAS intervene?") == ("intervene",)
    assert "Iran" in question_keywords("Iran nuclear deal")  # no question: its content words


@pytest.mark.parametrize("text,label", [
    ("Ministers are weighing several alternatives, among them a regional force.", "undecided"),
    ("The summit has yet to agree on a regional force.", "undecided"),
    ("A regional force is one of a number of possibilities we are discussing.", "undecided"),
    ("A regional force remains a real possibility.", "undecided"),
    ("A decision on the regional force will be taken after the elections.", "undecided"),
    ("It is about time a regional force stepped in.", "support"),
    ("A regional force is the least the region can do for the refugees.", "support"),
])
def test_a_choice_still_being_weighed_and_urgency_idioms(text, label):
    assert stance(text).stance == label


def test_expelling_is_a_removal_and_last_as_an_adjective_keeps_nothing():
    target = Target("q", "Should the government expel the envoy?", keywords=("envoy",))

    def label(text):
        return judge(target, text, Span.of(text, 0, len(text)), []).stance

    assert label("The envoy stays, and the embassy remains open.") == "oppose"
    ceasefire = Target("q", "Should the ceasefire be extended?", keywords=("ceasefire",))
    text = "The ceasefire was signed in the last days of March."
    assert judge(ceasefire, text, Span.of(text, 0, len(text)), []).stance == "neutral"
    text = "We want the ceasefire to last."
    assert judge(ceasefire, text, Span.of(text, 0, len(text)), []).stance == "support"


def test_names_topic_words_and_crude_oil_carry_no_tone():
    assert stance("The United Nations Security Council discussed the regional force.").stance == "neutral"
    relief = Target("q", "Should the sanctions be eased?", keywords=("relief", "sanctions"))
    for text in ("Any relief for the sanctioned firms would come in stages.",
                 "The license would let firms buy Venezuelan crude again under the sanctions."):
        assert judge(relief, text, Span.of(text, 0, len(text)), []).stance == "neutral"
    # a headline's capitals are not names: its words keep their tone
    assert stance("Regional Force Is A Terrible, Dangerous Mistake").stance == "oppose"


def test_an_adjective_before_its_noun_is_not_what_the_question_asks():
    from onrecord.stance.rules import question_predicates

    assert question_predicates("Should a regional force deploy?") == ("deploy",)
    assert "fit" in question_predicates("Is the governor fit to serve?")
    assert stance("Regional officials met on Monday to discuss the regional force.").stance == "neutral"


def test_not_even_considering_a_thing_opposes_it():
    assert stance("The government is not even considering a regional force.").stance == "oppose"


def test_refusing_to_give_way_holds_a_course_and_being_open_to_a_thing_welcomes_it():
    keep = Target("q", "Should the navy continue its patrols?", keywords=("patrols",))
    end = Target("q", "Should the navy end its patrols?", keywords=("patrols",))
    text = "The patrols are lawful and we will not be intimidated."
    assert judge(keep, text, Span.of(text, 0, len(text)), []).stance == "support"
    assert judge(end, text, Span.of(text, 0, len(text)), []).stance == "oppose"
    assert stance("A regional force? We will not back down on it.").stance != "oppose"
    assert stance("The president remained open to a regional force.").stance == "support"


@pytest.mark.parametrize("text,label", [
    ("The border villages need a regional force, and they need it now.", "support"),
    ("We do not need a regional force.", "oppose"),
    ("The ministers need more time before any regional force.", "neutral"),  # time is what they need
])
def test_what_someone_needs_is_what_they_ask_for(text, label):
    assert stance(text).stance == label


@pytest.mark.parametrize("text,label", [
    ("We will not hesitate to deploy a regional force.", "support"),
    ("A regional force is limited, necessary and proportionate.", "support"),
    ("A regional force was not justified.", "oppose"),
    ("A regional force remains the only path to a lasting peace.", "support"),
    ("The council urged restraint as the regional force moved north.", "neutral"),
])
def test_resolve_and_approval_said_of_the_topic(text, label):
    assert stance(text).stance == label


def test_a_keyword_written_as_an_act_is_asked_for_by_a_modal_right_before_it():
    rates = Target("q", "Should the central bank cut interest rates now?", keywords=("lower rates", "rates"))

    def label(text):
        return judge(rates, text, Span.of(text, 0, len(text)), []).stance

    assert label("The bank was too late and should lower rates by two points.") == "support"
    assert label("The bank must not lower rates now.") == "oppose"
    assert label("The bank should hold rates steady.") == "neutral"


def test_a_condition_relevant_by_its_paragraph_counts_when_it_names_the_questions_place():
    target = Target("q", "Should the bloc send a force to eastern Congo?", keywords=("force",))
    text = ('The minister said she backed a force. "Only an elected government can bring peace to eastern '
            'Congo," she said.')
    quote = text.index("Only")
    content = Span.of(text, quote, text.index(',"'))
    st = judge(target, text, content, [(0, len(text))])
    assert st is not None and st.stance == "conditional" and st.source.endswith("@context")
    # the same words about somewhere else are no condition of this question
    other = text.replace("eastern Congo", "the capital")
    st = judge(target, other, Span.of(other, quote, other.index(',"')), [(0, len(other))])
    assert st is None or st.stance != "conditional"


@pytest.mark.parametrize("text,label", [
    # declining to comment takes no side, whatever verb declines
    ("The ministry refused to comment on a regional force.", "neutral"),
    ("The spokesman declined to discuss the regional force.", "neutral"),
    ("The ministry refused to fund a regional force.", "oppose"),
    # a door left open welcomes a thing; a door shut on it refuses it
    ("The door to a regional force is still open.", "support"),
    ("The door to a regional force is always open, but our patience has limits.", "support"),
    ("We have kept the door open to a regional force.", "support"),
    ("The president closed the door on a regional force.", "oppose"),
    # what must come first
    ("Any regional force must start with a vote in parliament.", "conditional"),
    ("We will deploy a regional force as soon as the council agrees.", "conditional"),
    ("We will deploy a regional force as soon as we can.", "support"),
    ("A regional force depends largely on the budget talks.", "conditional"),
    # a body divided over a thing has not made up its mind
    ("The coalition is deeply divided over the regional force.", "undecided"),
    # what a thing is the way to
    ("A regional force is the best way to protect the border villages.", "support"),
    ("Moscow saw no reason for a regional force.", "oppose"),
    ("There is no room for a regional force.", "oppose"),
])
def test_no_comment_open_doors_preconditions_and_the_way_to(text, label):
    assert stance(text).stance == label


@pytest.mark.parametrize("answer,label", [("We are not ruling anything out.", "undecided"),
                                          ("That would be a grave error.", "oppose"),
                                          ("We would not support it.", "oppose")])
def test_a_short_answer_in_its_own_words(answer, label):
    text = f"Asked whether Norland would join the regional force, the minister said: “{answer}”"
    content = Span.of(text, text.index("“") + 1, len(text) - 1)
    assert judge(T, text, content, [(0, len(text))]).stance == label


@pytest.mark.parametrize("text,label", [
    ("A regional force is very important for the border villages.", "support"),
    ("We will keep the option of a regional force open.", "support"),
    ("The cabinet is weighing a regional force for the border.", "undecided"),
    ("We are looking at a regional force, among other steps.", "undecided"),
    ("On a regional force, nothing is off the table.", "undecided"),
])
def test_importance_open_options_and_weighing(text, label):
    assert stance(text).stance == label


def test_a_governing_verdict_in_a_statement_relevant_by_its_paragraph_needs_an_object_that_points_back():
    text = ("The council debated a regional force on Monday. Its envoy rejected the plan. "
            "The ministry demanded the convoy leave at once.")

    assert in_paragraph(text, "the plan") == "oppose"
    assert in_paragraph(text, "the convoy leave at once") is None


def test_an_act_wanted_or_intended_right_before_the_keyword_is_asked_for():
    court = Target("q", "Should the country withdraw from the court?", keywords=("leave the court", "pullout"))

    def label(text):
        got = judge(court, text, Span.of(text, 0, len(text)), [])
        return got.stance if got else None

    assert label("We want to leave the court, and we will.") == "support"
    assert label("There should be a pullout this year.") == "support"
    assert label("There must be no pullout.") == "oppose"
    assert label("We will not leave the court.") == "oppose"
    assert label("The country has no plans to leave the court.") == "oppose"
    assert label("We do not want to leave the court.") == "oppose"
    assert label("Analysts expect the country will leave the court.") == "neutral"  # a forecast, not a wish


@pytest.mark.parametrize("content,label", [
    ("the council should instead support mediation by the neighbours", None),  # support aimed at mediation
    ("the incursion was totally unacceptable", None),  # a verdict on the incursion
    ("the incursion was \"totally unacceptable\"", None),
    ("we support it", "support"),
    ("the plan is unwise", "oppose"),  # aimed back at what the paragraph spoke of
    ("the proposal was unacceptable", "oppose"),
    ("the government was ready to adjust its policy", "support"),  # its own will, not a verdict
])
def test_a_verdict_relevant_only_by_its_paragraph_must_be_aimed_back_at_it(content, label):
    text = f"The ministers argued over a regional force on Monday. The envoy said {content}."
    start = text.index(content)
    got = judge(T, text, Span.of(text, start, start + len(content)), [(0, len(text))])
    assert (got.stance if got else None) == label


@pytest.mark.parametrize("text,label", [
    ("A regional force is the only language the militias understand.", "support"),
    ("The ministry is still studying the legal basis for a regional force.", "undecided"),
    ("We will deploy a regional force the moment the militias cross the river.", "conditional"),
    ("The president made clear that a regional force is not under discussion.", "oppose"),
    ("A regional force is under discussion in the cabinet.", "undecided"),
    ("We have begun drafting a regional force mandate with our neighbours.", "support"),
    ("We are not there yet on a regional force.", "undecided"),
    ("I don't believe a regional force is the right tool at this stage.", "oppose"),
    ("A regional force is overdue.", "support"),
])
def test_rules_from_set_9s_misses(text, label):
    assert stance(text).stance == label


def test_a_country_named_as_a_venue_does_not_take_a_paragraph_away_from_the_question():
    from onrecord.actors import load_gazetteer
    from onrecord.stance.rules import about_others

    gaz = load_gazetteer()
    talks = Target("q", "Should India and Pakistan hold talks?", keywords=("talks",))
    venue = "The minister told reporters in Singapore that talks could wait."
    assert not about_others(talks, venue, [(0, len(venue))], gaz)
    elsewhere = "Singapore and Malaysia said talks on the water deal could wait."
    assert about_others(talks, elsewhere, [(0, len(elsewhere))], gaz)


def test_the_words_of_a_government_the_question_names_are_never_about_others():
    from onrecord.actors import load_gazetteer
    from onrecord.stance.rules import about_others

    gaz = load_gazetteer()
    truce = Target("q", "Will the United States press for a truce in Sudan?", keywords=("truce", "talks"))
    paragraph = "Egypt has offered to host talks, and Saudi Arabia backs the offer, the envoy said."
    assert about_others(truce, paragraph, [(0, len(paragraph))], gaz)  # whose words, unknown: gated
    assert not about_others(truce, paragraph, [(0, len(paragraph))], gaz, speaker_bodies=["us-state", "us"])
    assert about_others(truce, paragraph, [(0, len(paragraph))], gaz, speaker_bodies=["uk"])


END_CONTROLS = Target("controls", "Should the government scrap the price controls?", keywords=("price controls",))


@pytest.mark.parametrize("text,label", [
    ("The price controls are a disaster for farmers and a mistake.", "support"),  # against the controls: for scrapping
    ("The price controls are essential for poor families.", "oppose"),
    ("We fully support the price controls.", "oppose"),
    ("We support scrapping the price controls.", "support"),  # the act itself named: no reversal
    ("An end to the price controls would be a mistake.", "oppose"),
    ("Reports of new price controls are false.", "oppose"),  # whether it is so, not whether it is good
])
def test_a_verdict_on_what_a_question_would_end_is_the_reverse_verdict_on_ending_it(text, label):
    assert judge(END_CONTROLS, text, Span.of(text, 0, len(text)), []).stance == label


def test_a_verdict_near_whom_a_question_would_expel_stays_on_the_act():
    target = Target("envoy", "Should we expel the ambassador?", keywords=("ambassador", "expulsion"))
    text = "Expulsion is the least we owe the victims."
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == "support"


CURFEW = Target("curfew", "Should the council extend the curfew?", keywords=("curfew",))


@pytest.mark.parametrize("text,label", [
    ("The curfew has served its purpose and should now come to an end.", "oppose"),
    ("Frankly, the curfew has to go.", "oppose"),
    ("The mayor will request another thirty days of curfew.", "support"),
    ("The police commissioner has yet to make a recommendation on the curfew.", "undecided"),
    ("We are hearing from shop owners before deciding on the curfew.", "undecided"),
    ("A curfew cannot be allowed to become permanent.", "oppose"),
    ("Each night of curfew costs our restaurants thousands of jobs.", "oppose"),
    ("The curfew will remain until the looting stops.", "conditional"),
    ("The curfew will remain until the end of the month.", "support"),  # a date, not a condition
    ("Police kept the curfew until the crowds went home.", "neutral"),  # a story told, no modal
])
def test_rules_from_set_10s_misses(text, label):
    assert judge(CURFEW, text, Span.of(text, 0, len(text)), []).stance == label


@pytest.mark.parametrize("text,label", [
    ("Kyiv should get the tanks without delay.", "support"),
    ("The rebels must not receive any tanks.", "oppose"),
])
def test_what_someone_should_be_given(text, label):
    tanks = Target("tanks", "Should Germany send tanks to Ukraine?", keywords=("tanks",))
    assert judge(tanks, text, Span.of(text, 0, len(text)), []).stance == label


def test_a_member_of_a_bloc_the_question_names_acts_for_it():
    from onrecord.actors import load_gazetteer
    from onrecord.stance.rules import about_others
    gaz = load_gazetteer()
    bans = Target("bans", "Should the European Union impose sanctions on Kestrian officials?", keywords=("sanctions",))
    member = "Germany and Poland said they would impose national entry bans."
    assert not about_others(bans, member, [(0, len(member))], gaz)
    outsider = "Japan and Canada said they would impose national entry bans."
    assert about_others(bans, outsider, [(0, len(outsider))], gaz)
    # every government may speak for a body whose members the gazetteer does not list
    mission = Target("m", "Should the UN extend its mission in Kestria?", keywords=("mission",))
    council = "Speaking after the vote, Japan said the mission remained essential."
    assert not about_others(mission, council, [(0, len(council))], gaz)


@pytest.mark.parametrize("question,text,label", [
    ("Should the UN extend its mission in Kestria?", "The mandate should be scaled back and an exit strategy drawn up.",
     "oppose"),
    ("Should the EU lift its sanctions on Kestria?", "The sanctions should be reduced step by step.", "support"),
])
def test_a_thing_cut_back_is_against_keeping_it_and_for_lifting_it(question, text, label):
    target = Target("t", question, keywords=("mandate", "sanctions"))
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == label


@pytest.mark.parametrize("text,label", [
    ("Kestria would not accept any deal that rewarded Moscow with sanctions relief.", "oppose"),
    ("Sanctions relief now would reward the junta.", "oppose"),
])
def test_the_ending_named_after_the_thing_is_the_act_itself(text, label):
    target = Target("t", "Should the EU ease its sanctions on Kestria?", keywords=("sanctions", "sanctions relief"))
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == label


def test_what_would_push_a_country_away():
    text = "Sanctions would only push Kestria further away."
    target = Target("s", "Should the EU impose sanctions on Kestria?", keywords=("sanctions",))
    assert judge(target, text, Span.of(text, 0, len(text)), []).stance == "oppose"


def test_a_verb_of_weighing_that_governs_the_content():
    text = "Canada is reviewing its engagement with Kestria, including targeted sanctions."
    target = Target("s", "Should Canada impose sanctions on Kestria?", keywords=("sanctions",))
    content = Span.of(text, text.index("its"), len(text) - 1)
    assert judge(target, text, content, []).stance == "undecided"


TARIFF = Target("tariff", "Should the government lift the tariff on steel imports?", keywords=("tariff", "steel tariff"))


@pytest.mark.parametrize("text,label", [
    ("The steel tariff protects our mills, and it is staying.", "oppose"),
    ("The trade ministry is still reviewing its data on the tariff.", "undecided"),
    ("The tariff will be reviewed after the elections.", "undecided"),
    ("We would not rule out a gradual lifting of the tariff.", "undecided"),
    ("Lifting the tariff now would send imports soaring.", "oppose"),
    ("Scrapping the tariff would be a gift to foreign producers.", "oppose"),
    ("Keeping the tariff is a matter of economic survival.", "oppose"),  # for keeping it: against lifting
    ("Car makers are urging us to lift the tariff, but our mills come first.", "oppose"),
    ("Importers say the tariff has cost them dearly.", "neutral"),  # their verdict, not the speaker's
])
def test_rules_from_set_11s_misses(text, label):
    assert judge(TARIFF, text, Span.of(text, 0, len(text)), []).stance == label


def test_a_threat_if_the_thing_happens_an_account_of_messages_and_an_expectation():
    deal = Target("deal", "Should Kestria accept the truce?", keywords=("truce", "the deal"))

    def label(text, start=0):
        r = judge(deal, text, Span.of(text, start, len(text)), [])
        return r.stance if r else None

    text = "The minister threatened to quit the cabinet if the deal went ahead."
    assert label(text, text.index("to quit")) == "oppose"
    assert label("mixed messages on the truce as the envoy presses for a deal") is None
    assert label("Washington expects Kestria to stand by the truce.") == "support"


def test_a_question_put_takes_no_side_but_a_rhetorical_why_not_does():
    retaliate = Target("r", "Should Kestria retaliate against the tariffs?", keywords=("retaliate",))

    def label(text):
        return judge(retaliate, text, Span.of(text, 0, len(text)), []).stance

    assert label("The tariffs are in force. Will Kestria retaliate?") == "neutral"
    assert label("Why won't Kestria retaliate? It should.") == "support"


def test_a_door_to_something_else_is_no_verdict_on_a_question_its_paragraph_names():
    retaliate = Target("r", "Should Kestria retaliate against the tariffs?", keywords=("retaliate",))
    text = "Kestria will retaliate, the minister said. \"Our door to dialogue is always open.\""
    content = Span.of(text, text.index("Our"), len(text) - 1)
    assert judge(retaliate, text, content, [(0, len(text))]) is None


def test_a_contracted_refusal_refuses():
    release = Target("r", "Should the ministry release the report?", keywords=("the report",))
    text = "We don't want to release the report."  # not "want to": a refusal
    assert judge(release, text, Span.of(text, 0, len(text)), []).stance == "oppose"


@pytest.mark.parametrize("text,label", [
    ("We have not given up on the truce, and neither should the parties.", "support"),
    ("The truce talks are not dead.", "support"),
    ("The truce is still alive, the envoy insisted.", "support"),
    ("Any truce would have to let aid convoys through.", "conditional"),
    ("Any ceasefire must include the western provinces.", "conditional"),
    ("The truce must be respected by all sides.", "support"),  # no "any": what is asked, not a term set
])
def test_keeping_a_thing_alive_and_terms_set_for_any_one(text, label):
    truce = Target("t", "A negotiated truce in Valdoria", keywords=("truce", "ceasefire"))
    assert judge(truce, text, Span.of(text, 0, len(text)), []).stance == label


def test_a_verdict_withheld_is_undecided():
    sanctions = Target("s", "Sanctions on the arms suppliers", keywords=("sanctions",))
    text = "Roe declined to endorse such sanctions publicly."
    content = Span.of(text, text.index("to endorse"), len(text) - 1)
    assert judge(sanctions, text, content, []).stance == "undecided"
    text = "Roe refused to lift the sanctions."  # refusing the act itself stays a refusal
    content = Span.of(text, text.index("to lift"), len(text) - 1)
    assert judge(sanctions, text, content, []).stance != "undecided"


@pytest.mark.parametrize("lead", ["The ministry summoned the envoy to protest ", "The embassy complained about ",
                                  "Norland objected to "])
def test_a_protest_governing_the_content_is_a_verdict_against_it(lead):
    text = lead + "the regional force."
    start = len(lead)
    got = judge(T, text, Span.of(text, start, len(text) - 1), [])
    assert got is not None and got.stance == "oppose"


def test_a_protest_lodged_over_the_content_is_a_verdict_against_it():
    lead = "Ostrava lodged a formal protest with Norland over "
    text = lead + "the regional force."
    got = judge(T, text, Span.of(text, len(lead), len(text) - 1), [])
    assert got is not None and got.stance == "oppose"


@pytest.mark.parametrize("text,label", [
    ("A regional force is not on the table for now.", "oppose"),
    ("A regional force is no longer on the table.", "oppose"),
    ("A regional force is not off the table.", "undecided"),
    ("A regional force isn't off the table.", "undecided"),
])
def test_negated_on_and_off_the_table(text, label):
    assert stance(text).stance == label


@pytest.mark.parametrize("text,label", [
    ("The tariffs were needed for national security and would not be lifted.", "support"),
    ("The tariffs won't be lifted.", "support"),
    ("The tariffs must be lifted.", "oppose"),
    ("The tariffs are unjustified.", "oppose"),
])
def test_a_question_that_keeps_something_and_a_refusal_to_end_it(text, label):
    keep = Target("q", "Should the United States keep its steel tariffs?", keywords=("tariffs",))
    assert judge(keep, text, Span.of(text, 0, len(text)), []).stance == label


@pytest.mark.parametrize("text,label", [
    ("The ministry is preparing a regional force for the border.", "support"),
    ("Ostrava is readying a package of regional force deployments.", "support"),
    ("The ministry is not preparing a regional force.", "oppose"),
])
def test_preparing_the_thing_asked_is_moving_toward_it(text, label):
    assert stance(text).stance == label


def test_a_label_on_something_else_in_a_statement_relevant_by_its_paragraph_is_no_verdict():
    text = ('The ministry weighed a regional force. The envoy called the tariffs "unjustified." '
            'The minister called the plan "unjustified."')

    assert in_paragraph(text, 'the tariffs "unjustified."') in (None, "neutral")
    assert in_paragraph(text, 'the plan "unjustified."') == "oppose"  # points back at the paragraph's force


@pytest.mark.parametrize("text", ["Without guarantees there will be no regional force.",
                                  "There will be no regional force without guarantees.",
                                  "No regional force is possible without guarantees."])
def test_no_thing_without_a_prerequisite_is_conditional_on_it(text):
    got = stance(text)
    assert got.stance == "conditional" and got.condition.text == "guarantees"


def test_a_prerequisite_asked_about_is_demanded():
    text = "Without a regional force there will be no agreement."
    assert stance(text).stance == "support"


def test_a_refusal_split_by_a_quotation_mark_is_still_a_refusal():
    assert stance('The ministry would "not accept a regional force."').stance == "oppose"
    withdraw = Target("w", "Should Talmar withdraw its troops from the valley?", keywords=("withdraw", "retreat"))
    text = 'His troops would "not retreat one meter," he said.'
    assert judge(withdraw, text, Span.of(text, 0, len(text)), []).stance == "oppose"


def test_policy_phrases_from_a_story_on_missile_talks():
    talks = Target("t", "Should Russia and NATO hold talks on missiles?", keywords=("talks", "arms control", "discuss"))

    def judged(text):
        return judge(talks, text, Span.of(text, 0, len(text)), [])

    refused = judged("There is nothing to discuss until the alliance stops its provocations.")
    assert refused.stance == "oppose" and refused.condition.text == "the alliance stops its provocations"
    assert judged('Moscow remained "open in principle" to arms control.').stance == "support"
    assert judged('Any talks without Kyiv would be "meaningless."').stance == "oppose"
    lead = "The secretary general proposed "
    text = lead + "the talks."
    assert judge(talks, text, Span.of(text, len(lead), len(text) - 1), []).stance == "support"
