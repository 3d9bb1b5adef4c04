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
