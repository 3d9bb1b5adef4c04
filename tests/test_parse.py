import re

from onrecord.parse import find_word, search_before_word


def test_find_word_finds_whole_words_only():
    text = "Roe said Roeder and Monroe met Roe_x, then roe and Roe."
    assert [m.start() for m in find_word("Roe", text)] == [0, text.rindex("Roe")]
    assert [m.start() for m in find_word("roe", text, re.I)] == [0, text.index("roe and"), text.rindex("Roe")]


def test_search_before_word_reads_just_before_each_place_the_word_stands():
    text = "Ms. Ann Lee spoke. Later, Mr. Roe and Lee left." + " filler" * 50 + " Mrs. Roe"
    m = search_before_word(r"\b(Mr|Mrs|Ms)\.?\s+(?:[A-Z]\w*\s+){0,2}", "Roe", text)
    assert m.group(1) == "Mr" and text[m.start():m.end()] == "Mr. Roe"
    assert search_before_word(r"\b(Mr|Mrs|Ms)\.?\s+(?:[A-Z]\w*\s+){0,2}", "Lee", text).group(1) == "Ms"
    assert search_before_word(r"\bformer\s+", "Roe", text) is None


def test_verb_lemmas_without_the_attribute_ruler(parse):
    parsed = parse("Ministers hoped for a deal. They need more time, and they bring no plan. "
                   "The envoy stared at the map and hopped on a plane. She retweeted the statement.")
    lemmas = {t.lower_: t.lemma_ for pb in parsed.blocks for t in pb.doc if t.pos_ == "VERB"}
    assert lemmas["hoped"] == "hope" and lemmas["hopped"] == "hop" and lemmas["stared"] == "stare"
    assert lemmas["need"] == "need" and lemmas["bring"] == "bring" and lemmas["retweeted"] == "retweet"


def _misparsed(nlp, words, heads, deps, pos):
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_clause_after_and_is_no_more_of_what_the_first_verb_says(nlp):
    from onrecord.parse import repair_coordinated_report
    # "Roe called the vote rigged, and senators have called for a recount", read with the
    # second clause as what Roe called
    words = ["Roe", "called", "the", "vote", "rigged", ",", "and", "senators", "have", "called", "for", "a", "recount", "."]
    heads = [1, 1, 3, 1, 1, 3, 3, 9, 9, 1, 9, 12, 10, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "oprd", "punct", "cc", "nsubj", "aux", "ccomp", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADJ", "PUNCT", "CCONJ", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    repair_coordinated_report(doc)
    assert (doc[9].dep_, doc[9].head.i, doc[6].head.i) == ("conj", 1, 1)
    # with no complement before it, a clause after ", and" may still be what was said
    words = ["Roe", "warned", ",", "and", "senators", "have", "agreed", "."]
    heads = [1, 1, 1, 6, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "punct", "cc", "nsubj", "aux", "ccomp", "punct"]
    doc = _misparsed(nlp, words, heads, deps, ["PROPN", "VERB", "PUNCT", "CCONJ", "NOUN", "AUX", "VERB", "PUNCT"])
    repair_coordinated_report(doc)
    assert doc[6].dep_ == "ccomp"


def test_a_name_given_with_called_is_no_report(nlp):
    from onrecord.parse import repair_name_read_as_report
    # "A group called Clean Water is stepping up its protests", read as the group calling out
    words = ["A", "group", "called", "Clean", "Water", "is", "stepping", "up", "its", "protests", "."]
    heads = [1, 2, 2, 4, 2, 6, 2, 6, 9, 6, 2]
    deps = ["det", "nsubj", "ROOT", "compound", "oprd", "aux", "ccomp", "prt", "poss", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PROPN", "AUX", "VERB", "ADP", "PRON", "NOUN", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    repair_name_read_as_report(doc)
    assert (doc[6].dep_, doc[1].head.i, doc[2].dep_, doc[2].head.i, doc[10].head.i) == ("ROOT", 6, "acl", 1, 6)
