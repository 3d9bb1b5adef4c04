"""Statements: attributed speech and belief, with content, cue and speaker-mention spans.

``extract(parsed)`` is a pure function of a parsed document. Speaker *mentions* are found
here; resolving them to actors is the ``actors`` stage's job.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ..model import Span
from ..parse import NAME_PARTICLES, Parsed, caps
from .authored import authored
from .confidence import calibrate
from .cuemodel import load_model
from .quotes import STRAIGHT_SINGLE, Quote, find_quotes
from .rows import first_parts, whole_statements
from .rules import (DATELINE, NOT_CUES, Candidate, SpanIndex, _inside, _overlapping_quotes, about_anonymity, classify,
                    colon_candidates, cue_candidates, cue_takes_its_particle, lexicon, noun_clause_candidates, noun_cue_candidates,
                    quotative_frame, span, trailing_frame, with_trailing_clauses)

MIN_QUOTE_WORDS = 4  # shorter quotations are usually scare quotes or titles

COLON_LABEL = re.compile(caps(r"(?m)^\W{0,2}[A-Z][\w.’'\- ]{0,40}:\s"))


@lru_cache(maxsize=1)
def _signal() -> re.Pattern:
    """Word starts of every cue the lexicon or the cue model knows ('said', 'blast...')."""
    lex = lexicon()
    lemmas = set(lex.speech | lex.belief | lex.nouns)
    model = load_model()
    if model is not None:
        lemmas |= set(model.cue_lemmas)
    lemmas -= NOT_CUES | {"was", "were", "been", "is", "are", "do", "did", "does", "will", "would"}
    stems = {w[:-1] if w.endswith("e") and len(w) > 3 else w for w in lemmas if w.isalpha() and len(w) > 2}
    stems |= {"said", "told", "thought", "according", "wrote", "felt", "knew", "sought", "spoke",
              "saw", "found", "taught", "understood", "meant", "gave", "made", "took", "held"}
    return re.compile(r"\b(?:%s)" % "|".join(sorted(map(re.escape, stems))), re.I)


def has_signal(text: str, kind: str = "paragraph") -> bool:
    """Cheap test: can this block hold an attribution? Blocks without one are not parsed."""
    return (any(q in text for q in "\"“”«»„‘") or "''" in text or bool(COLON_LABEL.search(text))
            or bool(_signal().search(text)) or ("'" in text and STRAIGHT_SINGLE.open.search(text) is not None))


def _overlap(a: Span, b: Span) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _same_words(a: Span, b: Span) -> bool:
    """Nearly the same span, each covering 80 % of the other."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0.8 * max(a.end - a.start, b.end - b.start)


DEDUPE_BUCKET = 512  # characters; contents that overlap share a bucket


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """The likeliest reading of each content. Kept contents are filed by position, so that
    a candidate is compared only with those it can overlap (a long page holds thousands)."""
    order = {"direct": 3, "mixed": 2, "indirect": 1, "belief": 0, "question": 0}
    cands = sorted(cands, key=lambda c: (-c.confidence, -order[c.kind], c.content.start))
    kept: list[Candidate] = []
    filed: dict[int, list[Candidate]] = {}
    for c in cands:
        buckets = range(c.content.start // DEDUPE_BUCKET, c.content.end // DEDUPE_BUCKET + 1)
        near = {id(k): k for b in buckets for k in filed.get(b, ())}.values()
        same = [k for k in near if _overlap(k.content, c.content) > 0.8
                and (k.cue == c.cue or k.source == c.source or k.cue is None or c.cue is None)]
        if not same:
            kept.append(c)
            for b in buckets:
                filed.setdefault(b, []).append(c)
    # "The president is expected to act, aides said": the words are the aides', not also nobody's
    kept = [c for c in kept if c.source is not None or c.kind == "question" or not any(
        k.source is not None and _same_words(k.content, c.content)
        for b in range(c.content.start // DEDUPE_BUCKET, c.content.end // DEDUPE_BUCKET + 1) for k in filed.get(b, ()))]
    return sorted(kept, key=lambda c: (c.content.start, c.content.end))


def _source_outside_quotes(text: str, cand: Candidate, quotes: list[Quote]) -> Candidate:
    """A speaker mention the parser ran back into the quotation it reports ('“..., this guy,”
    Okafor, the front-runner, said') starts after the closing mark; a scare-quoted name in
    it ('“Gang of Eight” members') stays."""
    src = cand.source
    if src is None:
        return cand
    for q in _overlapping_quotes(quotes, src.start, src.end):
        if src.start <= q.close < src.end and _overlap(cand.content, Span.of(text, q.start, q.end)) > 0:
            trimmed = span(text, q.close + q.width, src.end)
            return replace(cand, source=trimmed) if trimmed is not None else cand
    return cand


CLAUSES = {"relcl", "acl", "advcl"}


def _sources_hold_no_statement(parsed: Parsed, cands: list[Candidate]) -> list[Candidate]:
    """A speaker mention ends before a clause that is itself a statement ('“...,” said Tom Roe,
    a farmer, who noted that prices fell' is Tom Roe, a farmer): the clause is what he said
    next, not who he is. Relative clauses that say nothing stay ('Roe, who farms near Ames')."""
    cues = sorted(c.cue.start for c in cands if c.cue is not None)
    out = []
    for c in cands:
        src = c.source
        k = bisect.bisect_right(cues, src.start) if src is not None else len(cues)
        if k == len(cues) or cues[k] >= src.end:
            out.append(c)
            continue
        pb = parsed.block_at(src.start)
        words = parsed.words_at(src.start, src.end)
        inner = parsed.words_at(cues[k], cues[k] + 1)
        if pb is None or words is None or inner is None or inner.doc is not words.doc:
            out.append(c)
            continue
        clause = next((t for t in [inner[0], *inner[0].ancestors] if t.dep_ in CLAUSES
                       and words.start < t.left_edge.i and t.i < words.end), None)
        cut = span(parsed.document.text, src.start, pb.char(clause.left_edge)) if clause is not None else None
        out.append(replace(c, source=cut) if cut is not None else c)
    return out


# how a source was granted anonymity: "who spoke on condition of anonymity", "who asked not
# to be named", "who was not authorized to speak publicly"
ANONYMITY = re.compile(r"\b(?:anonymity|anonymously|not (?:to )?be (?:named|identified)|not authori[sz]ed)\b", re.I)
# participles that tell where or to whom a source spoke ("Roe, speaking at a rally, said")
SPEAKING = {"speak", "write", "talk", "testify", "appear", "address", "campaign", "respond", "react"}
ASIDE_EDGES = " \t\n\u00a0,;—–-"  # what goes with an aside; the stop of "R-Fla." stays


def _aside(words):
    """The first clause in a speaker mention that tells how the source spoke, or None."""
    doc = words.doc
    for t in words:
        if not (t.dep_ in CLAUSES or t.dep_ == "appos" and t.tag_ == "VBG") \
                or not words.start <= t.head.i < t.left_edge.i or t.left_edge.i <= words.start:
            continue  # (", meeting in Addis Ababa,": an apposed participle too)
        after_comma = doc[t.left_edge.i - 1].text in (",", "—", "–", "--")
        participle = t.tag_ == "VBG" and t.left_edge.i == t.i and (
            after_comma or t.lemma_.lower() in SPEAKING) or (  # ", quoted by the Post,": who carried it
            t.tag_ in ("VBN", "VBD") and after_comma and t.lemma_.lower() in ("quote", "cite", "ask"))
        # (", asked whether ...,": the question put to them, a candidate of its own)
        if participle or ANONYMITY.search(doc[t.left_edge.i:t.right_edge.i + 1].text):
            return t
    return None


# where the source spoke, set off by commas after who spoke: ", in a speech in Norway on Friday"
OCCASION_ASIDE = re.compile(r",\s+(?:in|at|during|on)\s+(?:an?|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?"
                            r"(?:speech|interview|statement|address|letter|post|op-ed|briefing|appearance|hearing|"
                            r"conference|call|meeting|visit|trip|rally|session|podcast|broadcast)\b[^,;:]*,?\s*$")


def _sources_without_asides(parsed: Parsed, cands: list[Candidate]) -> list[Candidate]:
    """A speaker mention ends before an aside on how the source spoke: a participle clause
    ('Roe, speaking at a rally,', 'Roe, writing in the Times,') or a clause granting
    anonymity ('an aide who spoke on condition of anonymity'). Who spoke is the rest; PolNeAR's
    annotators leave such asides out of the source about five times in six."""
    out = []
    text = parsed.document.text
    for c in cands:
        src = c.source
        occasion = OCCASION_ASIDE.search(text, src.start, src.end) if src is not None else None
        if occasion is not None and occasion.end() == src.end:  # "Roe, in a speech in Oslo on Friday,"
            cut = span(text, src.start, occasion.start(), edges=ASIDE_EDGES)
            out.append(replace(c, source=cut) if cut is not None else c)
            continue
        words = parsed.words_at(src.start, src.end) if src is not None else None
        aside = _aside(words) if words is not None else None
        if aside is None:
            out.append(c)
            continue
        pb = parsed.block_at(src.start)
        # the stop of "R-Fla." stays: only the comma or dash before the aside goes
        cut = span(parsed.document.text, src.start, pb.char(aside.left_edge), edges=ASIDE_EDGES)
        out.append(replace(c, source=cut) if cut is not None else c)
    return out


BRACKET_REACH = 120  # characters an editor's bracketed insertion runs to


def _whole_bracket(text: str, src: Span) -> Span:
    """A speaker mention with an editor's insertion ('said [Foreign Minister Ana] Roe') holds
    the whole of it and the name it completes, however the parser cut it ('[', 'Ana] Roe')."""
    start, end = src.start, src.end
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("[", max(line_start, start - BRACKET_REACH), start)
    if opening >= 0 and "]" not in text[opening:start] and "]" in text[start:end + BRACKET_REACH]:
        start = opening  # 'Ana] Roe' or '] Roe': back to the opening bracket
    elif text[line_start:start].rstrip().endswith("]"):
        at = text.rfind("[", max(line_start, start - BRACKET_REACH), start)
        start = at if at >= 0 else start  # '[Secretary Ana] Roe said', parsed as 'Roe'
    if text.count("[", start, end) > text.count("]", start, end):
        close = text.find("]", end, end + BRACKET_REACH)
        name = re.match(caps(r"\]\s*[\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*"), text[close:]) if close >= 0 else None
        end = close + name.end() if name else end  # '[': on to the bracket's close and the name
    return Span.of(text, start, end) if (start, end) != (src.start, src.end) else src


def _whole_brackets(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Editors' brackets stay whole in speaker mentions and at the start of contents ('said
    [the talks] would resume' says '[the talks] would resume')."""
    out, moved = [], {}
    for c in cands:
        if c.source is not None and "[" in text[max(0, c.source.start - BRACKET_REACH):c.source.end]:
            c = replace(c, source=_whole_bracket(text, c.source))
        start = c.content.start
        if start > 0 and text[start - 1] == "[" and "]" in c.content.text.split("[")[0]:
            moved[c.content] = Span.of(text, start - 1, c.content.end)
        out.append(c)
    return _move_contents(out, moved)


def _move_contents(cands: list[Candidate], moved: dict[Span, Span]) -> list[Candidate]:
    """Contents given new edges, and the parts that continue them pointed at the new ones."""
    if not moved:
        return cands
    return [replace(c, content=moved.get(c.content, c.content),
                    continues=moved.get(c.continues, c.continues) if c.continues is not None else None)
            for c in cands]


# ", a day after", ", two weeks": a time the parser left at a content's end, whose event (the next
# report, "... said ...") it gave to another verb
DANGLING_TIME = re.compile(r",\s+(?:just\s+|only\s+)?(?:an?|one|two|three|four|five|six|seven|several|few|\d+)\s+"
                           r"(?:hours?|days?|weeks?|months?)(?:\s+(?:after|before|later|earlier))?$", re.I)


def _without_dangling_time(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = []
    for c in cands:
        m = DANGLING_TIME.search(c.content.text)
        content = span(text, c.content.start, c.content.start + m.start()) if m else None
        out.append(replace(c, content=content) if content is not None else c)
    return out


def _contents_after_dateline(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A content that runs back to the start of a wire story's first line starts after its
    dateline: 'BRUSSELS (Reuters) — The bloc will act, officials said' says 'The bloc will act'."""
    moved = {}
    for c in cands:
        start = c.content.start
        dateline = DATELINE.match(text, start, c.content.end) if start == 0 or text[start - 1] == "\n" else None
        trimmed = span(text, dateline.end(), c.content.end) if dateline is not None else None
        if trimmed is not None and not trimmed.text[:1].isupper():
            continue  # "NATO - the alliance - will meet": an apposition, not a dateline
        if trimmed is not None:
            moved[c.content] = trimmed
    return _move_contents(cands, moved)


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip()
    return not before or before[-1] in ".!?:\n”\"'"


def _turns_win(parsed: Parsed, cands: list[Candidate]) -> list[Candidate]:
    """In a transcript turn ('SECRETARY ROE: Thank you all'), the parser may take the label
    for the subject of the first verb; that reading goes, and the turn is the statement."""
    text = parsed.document.text
    turns = [c for c in cands if c.rule == "colon" and c.source is not None
             and not text[text.rfind("\n", 0, c.source.start) + 1:c.source.start].strip(" \t\"“'‘")]
    return [c for c in cands if not any(c is not t and c.source == t.source and c.cue is not None
                                        and t.content.start <= c.cue.start < t.content.end for t in turns)]


def _block_index(blocks, starts: list[int], pos: int) -> int:
    """The first of the document's blocks holding ``pos`` or ending just before it; -1 if none."""
    j = bisect.bisect_right(starts, pos) - 1
    for i in (j - 1, j):
        if 0 <= i and blocks[i].start <= pos < blocks[i].end + 2:
            return i
    return -1


def _opens_block(text: str, blocks, starts: list[int], pos: int) -> bool:
    i = _block_index(blocks, starts, pos)
    return i >= 0 and not text[blocks[i].start:pos].strip()


def _absorb_trailing_quotes(text: str, found: list[Candidate], quotes: list[Quote]) -> list[Candidate]:
    """A quotation that goes on with a reported clause in the same sentence, after a comma
    ('She argued that A, “because B.”'), is more of that statement, not an unattributed
    quotation: the content runs to its closing mark."""
    out = list(found)
    ends = sorted(((c.content.end, i) for i, c in enumerate(out) if c.kind in ("indirect", "mixed")))
    keys = [e for e, _ in ends]
    held = SpanIndex((c.content.start, c.content.end) for c in found)
    for q in quotes:
        if held.overlaps(q.open, q.close):
            continue  # a statement already holds it ('“...,” Hale added')
        k = bisect.bisect_right(keys, q.open) - 1
        if k < 0:
            continue
        end, i = ends[k]
        c = out[i]
        if re.fullmatch(r"\s*,\s*", text[end:q.open]) and c.content.start < end and "\n" not in text[end:q.close]:
            extended = span(text, c.content.start, q.end)
            if extended is not None:
                out[i] = replace(c, content=extended, kind="mixed")
    return out


def quote_candidates(parsed: Parsed, quotes: list[Quote], found: list[Candidate]) -> list[Candidate]:
    """Quotations no cue claimed: a continuation of the previous speaker, or unattributed."""
    text = parsed.document.text
    out: list[Candidate] = []
    claimed: dict[int, list[Span]] = {}  # filed by position, as in _dedupe: a page may hold thousands
    for c in found:
        for b in range(c.content.start // DEDUPE_BUCKET, c.content.end // DEDUPE_BUCKET + 1):
            claimed.setdefault(b, []).append(c.content)
    speakers = sorted((c for c in found if c.kind in ("direct", "mixed") and c.source is not None),
                      key=lambda c: c.content.end)
    speaker_ends = [c.content.end for c in speakers]
    blocks = parsed.document.blocks or ()
    starts = [b.start for b in blocks]
    for q in quotes:
        qspan = span(text, q.start, q.end)
        if qspan is None or any(_overlap(qspan, c) > 0.5 for b in range(qspan.start // DEDUPE_BUCKET,
                                                                          qspan.end // DEDUPE_BUCKET + 1)
                                for c in claimed.get(b, ())):
            continue
        # the attributed quotation that ends last before this one, of the rules' or of this pass's
        k = bisect.bisect_right(speaker_ends, q.open) - 1
        k = bisect.bisect_left(speaker_ends, speaker_ends[k]) if k >= 0 else k  # of equal ends, the first
        prior = [c for c in (speakers[k] if k >= 0 else None, next(
            (c for c in reversed(out) if c.source is not None), None)) if c is not None and c.content.end <= q.open]
        prev = max(prior, key=lambda c: c.content.end, default=None)
        gap = _block_index(blocks, starts, q.open) - _block_index(blocks, starts, prev.content.end) if prev else 99
        # right after an attributed quote in the same paragraph, even a short quote goes on
        # with it ('"We won," she said. "Finally."'); elsewhere short quotes are scare quotes
        same_run = prev is not None and gap == 0 and q.open - prev.content.end < 200
        # '“Go back,” Roe barked': a new speaker, whatever the verb, however short the words
        trailing = trailing_frame(parsed, q) if _starts_sentence(text, q.open) else None
        if len(qspan.text.split()) < MIN_QUOTE_WORDS and not (same_run and _starts_sentence(text, q.open)) \
                and trailing is None:
            continue  # a scare quote inside a sentence ('the bipartisan "Gang of Eight"')
        frame = quotative_frame(parsed, q.open)
        if frame is not None:  # 'Jones shot back, "..."': a new speaker, whatever the verb
            cue, source = frame
            out.append(Candidate("direct", qspan, cue, source, 0.7, rule="quotative_frame"))
        elif trailing is not None:
            cue, source = trailing
            out.append(Candidate("direct", qspan, cue, source, 0.7, rule="trailing_frame"))
        elif (signed := _signature(text, q)) is not None:
            cue, source = signed
            out.append(Candidate("direct", qspan, cue, source, 0.7, rule="signature"))
        elif prev is not None and gap == 0 and (clause := SECOND_CLAUSE.fullmatch(text, prev.content.end, q.open)):
            # 'told them that A "...," and that aid could resume "once ..."': the cue's second clause
            out.append(Candidate("mixed", Span.of(text, clause.start(1), qspan.end), prev.cue, prev.source, 0.6,
                                 rule="second_clause", continues=prev.content))
        elif prev is not None and (gap == 0 or gap == 1 and _opens_block(text, blocks, starts, q.open)):
            # the next paragraph goes on with the speaker only when it opens with the quotation
            # ('... the crowd reprised the chant “Lock her up!”' is nobody's continuation)
            out.append(Candidate("direct", qspan, prev.cue, prev.source, 0.6, rule="continuation",
                                 continues=prev.content))
        else:
            out.append(Candidate("direct", qspan, None, None, 0.3, rule="unattributed"))
    return out


# what joins a reported clause ending on a quotation to a second one of the same cue
SECOND_CLAUSE = re.compile(r"""[\s,"”’']*(?:and|but)\s+(that\s+[^.!?"“”;:]{0,200}?)\s*""")


def tagger_candidates(parsed: Parsed, found: list[Candidate], quotes: list[Quote], tagger) -> list[Candidate]:
    """The optional tagger's statements where the rules found none (see ``tagger``)."""
    from .tagger import confidence, extra_statements

    text = parsed.document.text
    rows = whole_statements(text, found, polnear_edges=False)
    belief = lexicon().belief
    out = []
    for row in extra_statements(text, rows, tagger.tag(text, rows)):
        content = span(text, *row["content"])
        if content is None or _writers_inference(parsed, content):
            continue
        cue = Span.of(text, *row["cue"]) if row["cue"] else None
        source = Span.of(text, *row["source"]) if row["source"] else None
        quote = _inside(quotes, content.start)
        cue_words = parsed.words_at(cue.start, cue.end) if cue is not None else None
        if quote is not None and content.end <= quote.close + 1:
            kind = "direct"
        elif cue_words is not None and cue_words.root.lemma_.lower() in belief:
            kind = "belief"
        else:
            kind = "indirect"
        out.append(Candidate(kind, content, cue, source, confidence(row["p"]), rule="tagger"))
    return out


INFERENCE_VERBS = {"seem", "appear"}  # "X appears to have convinced Y that ...": the writer's


def _writers_inference(parsed: Parsed, content: Span) -> bool:
    """Does the content hang from 'seems to' / 'appears to', as the rules' writer's inferences
    do? The tagger learnt PolNeAR's broader reading; onrecord keeps to its own."""
    words = parsed.words_at(content.start, content.end)
    return words is not None and any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in INFERENCE_VERBS
                                     for t in [*words.root.ancestors, *words[:3]])


def extract(parsed: Parsed, tagger=None) -> list[Candidate]:
    """Every statement the rules find, with measured confidences (``confidence``); with a
    ``tagger.Tagger``, also the ones it adds."""
    found = rule_candidates(parsed)
    kept = calibrate(parsed, found)
    kept = authored(parsed, kept)  # an official's signed piece: their own words
    if tagger is not None:  # it reads every rule statement, as it was trained, abstained or not
        kept += tagger_candidates(parsed, found, find_quotes(parsed.document.text, parsed.document.blocks), tagger)
    return sorted(kept, key=lambda c: (c.content.start, c.content.end))


def rule_candidates(parsed: Parsed) -> list[Candidate]:
    """Every statement the rules find, with the rules' own confidences and no abstention:
    what the statement model and the tagger were trained on."""
    doc = parsed.document
    lex = lexicon()
    quotes = find_quotes(doc.text, doc.blocks)
    found = (cue_candidates(parsed, quotes, lex) + noun_cue_candidates(parsed, quotes, lex)
             + colon_candidates(parsed, quotes))
    # "the general's warning that ...", unless that noun phrase is what another statement is
    # about ("Roe attacked the general's warning that ...") or inside a quotation: those hold it
    found += [c for c in noun_clause_candidates(parsed, lex) if _inside(quotes, c.cue.start) is None
              and not any(f.content.start <= c.cue.start < f.content.end for f in found)]
    found = [_source_outside_quotes(doc.text, cue_takes_its_particle(doc.text, classify(doc.text, c, quotes)), quotes)
             for c in found]
    found = with_trailing_clauses(parsed, quotes, lex, found)
    found = _dedupe(_turns_win(parsed, found))
    found = _sources_hold_no_statement(parsed, found)
    found = _absorb_trailing_quotes(doc.text, found, quotes)
    found += quote_candidates(parsed, quotes, found)
    found = _sources_without_asides(parsed, _split_quote_heads(doc.text, found))
    found = _without_dangling_time(doc.text, _contents_after_dateline(doc.text, _whole_brackets(doc.text, found)))
    carriers = [c for c in found if c.rule == "carried" and c.cue is not None]  # few: not each against all
    found = [c for c in found if not about_anonymity(doc.text, c) and not _quoted_by_another(c, found)
             and not _carried_by_another(c, carriers)]
    return sorted(found, key=lambda c: (c.content.start, c.content.end))


def _carried_by_another(c: Candidate, carriers: list[Candidate]) -> bool:
    """'The ministry issued a statement that said talks would resume': the statement's "said"
    is the ministry's, given with its medium by the statement that carries the words
    (``carriers``: the statements of rule "carried")."""
    return c.cue is not None and any(
        o is not c and o.cue.start < c.cue.start and c.cue.end <= o.cue.end and o.content == c.content
        for o in carriers)


def _quoted_by_another(c: Candidate, found: list[Candidate]) -> bool:
    """'Holm said the pipeline was "a necessity." Berg disagreed.': a quotation beside a cue
    that another statement already quotes is that statement's words, not the next speaker's."""
    return c.rule == "adjacent_quote" and any(
        o is not c and o.rule != "adjacent_quote" and o.content.start <= c.content.start and c.content.end <= o.content.end
        and (o.cue is None or c.cue is None or o.cue.start != c.cue.start) for o in found)




# '"..."\n\n- Ann Roe.' or '“...” — President Roe, in a tweet': a quotation signed by a
# dash and a name, as fact-checks, pull quotes and epigraphs give their sources
SIGNATURE = re.compile(caps(r"[ \t]*\n?[ \t]*\n?[ \t]*([-—–]{1,2})[ \t]*"
                            r"((?:(?:[A-Z][\w.’'\-]*|%s)[ \t]+){0,5}"
                            r"[A-Z][\w’'\-]+)(?=[ \t]*(?:[.,;]|$))") % "|".join(sorted(NAME_PARTICLES)), re.M)


def _signature(text: str, q: Quote) -> tuple[Span, Span] | None:
    """(cue, source) of a dash-and-name signature right after a quotation, or None."""
    after = q.close + q.width
    m = SIGNATURE.match(text, after + (text[after:after + 1] in ".,"))
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    if len(text[m.start(1):line_end if line_end >= 0 else len(text)]) > 120:
        return None  # a sentence after a dash, not a signature
    return Span.of(text, m.start(1), m.end(1)), Span.of(text, m.start(2), m.end(2))


def _split_quote_heads(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'“Every time,” said Tester, “you say that.”': the short first part the trailing frame
    found and the part its cue already claimed are one quotation split by its attribution."""
    heads = {c.cue.start: c for c in cands if c.rule == "trailing_frame" and c.cue is not None}
    out = []
    for c in cands:
        head = heads.get(c.cue.start) if c.cue is not None else None
        if head is not None and c is not head and c.continues is None and c.kind == "direct" \
                and head.content.end <= c.content.start and "\n" not in text[head.content.end:c.content.start]:
            c = replace(c, continues=head.content)
        out.append(c)
    return out


__all__ = ["extract", "rule_candidates", "has_signal", "whole_statements", "first_parts", "Candidate", "find_quotes"]
