"""The pipeline: parse → statements → actors → time → stance, one document at a time.

Pure functions of their inputs; the store and the CLI do the I/O.
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Iterable, Iterator

from . import actors as actors_stage
from . import statements as statements_stage
from . import stance as stance_stage
from . import timing
from .errors import OnrecordError
from .model import Actor, Block, Document, Span, Speaker, Statement, Target, TimeSpan
from .parse import Parsed, map_parsed


@dataclass
class Options:
    """Every setting in one place; the CLI builds the same object from its flags."""

    model: str | None = None
    statements_backend: str = "rules"  # or "tagger": the rules plus the optional MiniLM tagger
    stance_backend: str = "rules/1"
    llm_url: str | None = None
    llm_model: str | None = None
    llm_cache: str | None = None
    actors_registry: str | None = None
    window_days: int = 90
    batch_size: int = 32
    n_process: int | str = "auto"
    _backend: object = None
    _tagger: object = None

    def backend(self):
        """The stance backend, made once per run (an LLM backend holds a connection)."""
        if self._backend is None:
            self._backend = stance_stage.get_backend(self.stance_backend, llm_url=self.llm_url,
                                                     llm_model=self.llm_model, llm_cache=self.llm_cache)
        return self._backend

    def fork_safe(self) -> bool:
        """Whether whole documents may be analysed in forked worker processes. An LLM
        backend's open connection and cache stay in this process; the tagger may go (each
        worker runs it on one thread)."""
        return self.stance_backend in stance_stage.BACKENDS

    def tagger(self):
        """The statement tagger when asked for (loaded once), else None."""
        if self.statements_backend == "rules":
            return None
        if self.statements_backend != "tagger":
            raise ValueError(f"unknown statements backend {self.statements_backend!r} (rules or tagger)")
        if self._tagger is None:
            from .statements import tagger
            try:
                self._tagger = tagger.load()
            except RuntimeError as exc:
                raise ValueError(str(exc)) from exc
        return self._tagger


@dataclass
class DocumentResult:
    document: Document
    statements: list[Statement] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    error: str | None = None  # the analysis failed on this document; nothing else is set


def _block_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _lead_in(doc: Document, blocks: list[Block], idx: int, speakers_by_block: dict[int, set],
             speaker: str | None, memo: dict | None = None) -> int | None:
    """The paragraph that introduces a run of quoted paragraphs ('In July, X said:'). The run
    is quoted blocks or paragraphs where the same speaker goes on; anything else ends it,
    a block quotation of other speakers too.
    ``memo`` keeps what each block above answers for a speaker, so that a long run (a
    transcript where one person speaks in every paragraph) is walked once, not once a block."""
    if idx < 0 or blocks[idx].kind == "heading":
        return None
    memo = {} if memo is None else memo
    path, j, found = [], idx - 1, None
    while j >= 0:
        if (j, speaker) in memo:
            found = memo[(j, speaker)]
            break
        b = blocks[j]
        path.append(j)
        if b.kind == "heading":
            break
        if doc.text[b.start:b.end].rstrip().endswith((":", ",")):
            found = j
            break
        others = speakers_by_block.get(j, ())
        if b.kind != "quote" and (speaker is None or speaker not in others):
            break
        if b.kind == "quote" and speaker is not None and others and speaker not in others:
            break  # a block quotation of someone else's ends the run too
        j -= 1
    for k in path:  # every block walked over answers the same
        memo[(k, speaker)] = found
    return found


def _headings_above(blocks: list[Block]) -> list[int | None]:
    """For each block, the nearest heading at or above it (None before the first)."""
    out: list[int | None] = []
    for j, b in enumerate(blocks):
        out.append(j if b.kind == "heading" else (out[-1] if out else None))
    return out


RELAY_BUCKET = 512  # characters
RELAY_CUES = re.compile(r"\b(report|wrote|writes|publish|quot|cit|broadcast|aired|revealed|learned)", re.I)


# the aside a speaker mention leaves behind when another outlet carried the words
QUOTED_BY = re.compile(r"\s*[,—–]\s*(?:as\s+)?(?:quoted|cited)\s+(?:by|in)\s+((?:the\s+|The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5})")


def _relays(text: str, candidates, resolutions, blocks: list[Block], starts: list[int],
            lead_ins: list[int | None]):
    """Who relayed each statement: whoever's reported words contain it ('The Post reported that
    ... an official said ...', 'As X adds, the minister has indicated ...'), or an outlet whose
    report introduces the quoted block it stands in."""
    def relays(i: int) -> bool:
        res, cand = resolutions[i], candidates[i]
        if res.actor is None or cand.source is None:
            return False
        outlet = res.actor.kind == "organization" and res.speaker.organization_id is None
        return outlet or bool(cand.cue and RELAY_CUES.search(cand.cue.text))

    def actor(i: int):
        return resolutions[i].actor.id if resolutions[i].actor else None

    # contents filed by position (a long transcript holds thousands), and their starts in order
    filed: dict[int, list[int]] = {}
    for j, outer in enumerate(candidates):
        if outer.source is not None:
            for b in range(outer.content.start // RELAY_BUCKET, (outer.content.end - 1) // RELAY_BUCKET + 1):
                filed.setdefault(b, []).append(j)
    content_starts = [c.content.start for c in candidates]  # extract gives them in order
    out: list = []
    for i, cand in enumerate(candidates):
        via = cand.via  # "TASS quoted Peskov as saying": the statement names who relays it
        anchor = cand.cue.start if cand.cue else cand.content.start
        for j in filed.get(anchor // RELAY_BUCKET, ()) if via is None else ():
            outer = candidates[j]
            if j != i and outer.content.start <= anchor < outer.content.end \
                    and actor(j) is not None and actor(j) != actor(i):
                via = outer.source
                break
        bi = _block_index(starts, anchor)
        if via is None and blocks[bi].kind == "quote" and lead_ins[i] is not None:
            lead = blocks[lead_ins[i]]
            for j in range(bisect.bisect_left(content_starts, lead.start), bisect.bisect_left(content_starts, lead.end + 1)):
                if relays(j):
                    via = candidates[j].source
        quoted_by = QUOTED_BY.match(text, cand.source.end) if via is None and cand.source is not None else None
        if quoted_by:  # "A senior official, quoted by the Post, said": the Post relayed it
            via = Span.of(text, quoted_by.start(1), quoted_by.end(1))
        if via is not None and cand.source is not None and via.start == cand.source.start:
            via = None
        out.append(via)
    return out


def analyze_parsed(parsed: Parsed, targets: list[Target], options: Options, nlp=None) -> DocumentResult:
    doc = parsed.document
    if doc.kind == "comment":  # a reader's "Macron said ..." is hearsay, not a statement on the record
        return DocumentResult(doc)
    gaz = actors_stage.load_gazetteer(options.actors_registry)
    backend = options.backend()
    targets = stance_stage.rules.concerning(targets, doc.text, gaz)
    candidates = statements_stage.extract(parsed, tagger=options.tagger())
    blocks = list(doc.blocks) or [Block(0, len(doc.text))]
    starts = [b.start for b in blocks]
    sentences = sorted((pb.char(s[0]), pb.char(s[-1]) + len(s[-1].text)) for pb, s in parsed.sentences())
    sent_starts = [s for s, _ in sentences]
    resolver = actors_stage.DocumentResolver(parsed, gaz, nlp, [c.source for c in candidates])
    resolutions = _resolve_all(resolver, candidates)
    speakers_by_block: dict[int, set] = {}
    for cand, res in zip(candidates, resolutions):
        if res.speaker and res.speaker.actor_id:
            speakers_by_block.setdefault(_block_index(starts, cand.content.start), set()).add(res.speaker.actor_id)
    memo: dict = {}
    leads = [_lead_in(doc, blocks, _block_index(starts, c.cue.start if c.cue else c.content.start),
                      speakers_by_block, r.speaker.actor_id if r.speaker else None, memo)
             for c, r in zip(candidates, resolutions)]
    # the lead-in for dating is the introducing paragraph whoever speaks in it; for "via" too
    memo = {}
    vias = _relays(doc.text, candidates, resolutions, blocks, starts,
                   [_lead_in(doc, blocks, _block_index(starts, c.content.start), {}, None, memo) for c in candidates])
    # "Peskov said ..., according to the TASS news agency": one statement, Peskov's via TASS, not
    # a second one of TASS's with the same words
    relays = {(v.start, v.end): c for c, v in zip(candidates, vias) if v is not None}
    clause_parts: dict = {}  # the parts of each clause an attribution splits, by their cue
    for c in candidates:
        if c.rule == "main_clause":
            clause_parts.setdefault(c.cue, []).append(c)
    keep = [i for i, c in enumerate(candidates) if c.source is None or not (
        c.rule == "according_to" and _holds_only(c.content, relays.get((c.source.start, c.source.end)))
        or c.rule == "main_clause" and _frames_only(clause_parts[c.cue], relays.get((c.source.start, c.source.end))))]
    candidates, resolutions, leads, vias = ([xs[i] for i in keep] for xs in (candidates, resolutions, leads, vias))
    quoted = [(q.start, q.end) for q in statements_stage.find_quotes(doc.text, doc.blocks)]
    headings = _headings_above(blocks)
    opening = set(starts)
    turns = [c for c in candidates if c.rule == "colon" and c.source is not None and c.source.start in opening]
    # a transcript ("Press Briefing – November 18", then "MR HOLLIS: ..." turns): its title dates its turns
    briefed = timing.title_date(doc.text, blocks, doc.published) if len(turns) >= 2 else None
    stamps = timing.live_stamps(doc.text, blocks)  # a live blog's entries went up the day the page did
    # an interview ("Minister Lind spoke to The Courier on Monday", then "Q:" and "A:" turns):
    # the introduction's date dates the answers
    first = _block_index(starts, min(t.content.start for t in turns)) if turns else 0
    while first > 0 and TURN_LABEL.match(doc.text, blocks[first - 1].start):
        first -= 1  # a question the extractor left out ("Q: Will the brigade stay?")
    interviewed = timing.block_date(doc.text, blocks[first - 1], doc.published) if first > 0 else None
    result = DocumentResult(doc)
    # words a later report in the sentence gives are somebody's, like a quotation's: "She said the
    # curbs were overdue and added that she would hold hearings in March" was not said in March
    reported: dict[int, list[tuple[int, int, int]]] = {}  # sentence -> (cue, content start, end)
    cue_sentences: dict[int, set] = {}  # sentence -> who speaks there
    for c, r in zip(candidates, resolutions):
        if c.cue is not None:
            at = bisect.bisect_right(sent_starts, c.cue.start) - 1
            reported.setdefault(at, []).append((c.cue.start, c.content.start, c.content.end))
            cue_sentences.setdefault(at, set()).add(r.speaker.actor_id if r.speaker else None)
    contents = [(c.content.start, c.content.end) for c in candidates]
    dated_at: dict[tuple[int, str], TimeSpan] = {}  # (sentence, speaker): when the text says they spoke there
    # "The real danger, he said, is a wider war": the halves of one clause an attribution splits
    split_clauses: dict[int, list] = {}
    for c in candidates:
        if c.rule == "main_clause" and c.cue is not None:
            split_clauses.setdefault(c.cue.start, []).append(c)
    split_clauses = {k: v for k, v in split_clauses.items() if len(v) > 1}
    # the lede's occasion ("The U.S. envoy told senators on Thursday that ..."): a story about one
    # occasion goes on with that speaker's words from it, undated ("He said ...", "Roe added")
    lede = [i for i, b in enumerate(blocks) if b.kind not in ("heading", "title")][:LEDE_PARAGRAPHS]
    scenes: dict[str, TimeSpan | None] = {}  # speaker -> the lede's day, or None once another day is theirs
    parts_of = statements_stage.first_parts(doc.text, candidates, doc.id)
    for cand, res, lead, via, part_of in zip(candidates, resolutions, leads, vias, parts_of):
        anchor = cand.cue.start if cand.cue else cand.content.start
        bi = _block_index(starts, anchor)
        si = bisect.bisect_right(sent_starts, anchor) - 1
        sentence = sentences[si] if si >= 0 else (blocks[bi].start, blocks[bi].end)
        others = [(a, b) for cue, a, b in reported.get(si, ()) if cue > anchor and not a <= anchor < b]  # a later report
        whole = split_clauses.get(cand.cue.start) if cand.rule == "main_clause" else None
        if whole is not None:
            # "The decision, an official said, would not come before the summit in July": the
            # other half's time is in the words, not when they were said
            others += [(c.content.start, c.content.end) for c in whole if c is not cand]
        said = timing.date_statement(doc.text, blocks, bi, sentence, anchor, cand.content,
                                     doc.published, lead, quoted + others)
        if cand.rule == "authored":  # an op-ed's words are of the day it appeared, whatever times it names
            said = TimeSpan(doc.published, doc.published, "day", None, "published") if doc.published else TimeSpan()
        if stamps and said.basis == "published" and said.start is None:
            said = timing.live_entry(stamps, bi, doc.published) or said
        if briefed is not None and said.basis == "published" and (
                cand.rule == "colon" or any(t.content.start <= anchor < t.content.end for t in turns)):
            said = briefed  # a turn, or words reported inside one
        if interviewed is not None and said.basis == "published" and cand.rule == "colon":
            said = interviewed
        opening = said.basis == "text" and said.span is not None and said.span.start < sentence[0]
        if (said.basis == "published" and said.start is None or opening) and res.speaker is not None \
                and res.speaker.actor_id \
                and not ANOTHER_TIME.search(doc.text, sentence[0], cand.cue.end if cand.cue else anchor) \
                and not (cand.cue and timing.perfect_at(doc.text, cand.cue.start)):
            # a scene an earlier sentence sets ("Delgado went further last week. Speaking in
            # Brussels, she said"); not "Sharpton later clarified" nor "She has since said"; a
            # time in what anyone is reported to say is theirs ("Trump said Romney begged him in 2012").
            # It is nearer than the paragraph's opening: "By the summer, the tone had shifted. In
            # July, Reyes told reporters ... 'Our support has to change,' Reyes said" is July's
            earlier = _earlier_in_block(sentences, si, blocks[bi], cue_sentences, res.speaker.actor_id,
                                        blocks[bi - 1] if bi else None)
            frame = timing.frame_date(doc.text, [e[:3] for e in earlier], res.speaker.name, doc.published,
                                      quoted + contents)
            own = next((dated_at[(e[3], res.speaker.actor_id)] for e in reversed(earlier) if e[2]
                        and (e[3], res.speaker.actor_id) in dated_at), None) if frame is None and not opening else None
            if own is not None:  # "The Secretary welcomed ... She underscored ...": the scene her last words had
                frame = own
            if frame is not None and frame.span is not None and frame.span.start < blocks[bi].start \
                    and not _recent(frame, doc.published):
                frame = None  # the paragraph above sets a scene of these days, not an aside's "in 1976"
            if frame is not None and (not opening or frame.span is not None and frame.span.start > said.span.start):
                said = frame
        actor_id = res.speaker.actor_id if res.speaker is not None else None
        if actor_id and said.basis == "text":
            if bi in lede and actor_id not in scenes and _recent(said, doc.published, LEDE_SCENE_DAYS):
                scenes[actor_id] = said
            elif actor_id in scenes and scenes[actor_id] is not None and said.start != scenes[actor_id].start:
                scenes[actor_id] = None  # "In May, Roe said ...": which day a later "Roe said" is, is unknown
        elif actor_id and scenes.get(actor_id) is not None and bi not in lede and said.basis == "published" \
                and said.start is None and cand.rule != "authored" \
                and not ANOTHER_TIME.search(doc.text, sentence[0], cand.cue.end if cand.cue else anchor) \
                and not EVENT_CLAUSE.search(doc.text, sentence[0], cand.source.start if cand.source else anchor) \
                and not timing.find_expressions(doc.text, blocks[bi - 1].start if bi else 0, max(anchor, cand.content.start)) \
                and not (cand.cue and timing.perfect_at(doc.text, cand.cue.start)):
            said = scenes[actor_id]
        context = [(blocks[bi].start, blocks[bi].end)]
        if lead is not None:
            context.append((blocks[lead].start, blocks[lead].end))
        head = headings[bi]
        if head is not None:
            context.append((blocks[head].start, blocks[head].end))
        speaker = role_as_of(res.speaker, said, gaz)
        for prev in result.statements[::-1][:6]:
            if speaker and prev.speaker and prev.speaker.actor_id == speaker.actor_id \
                    and bi - _block_index(starts, prev.content.start) <= 2:
                context.append((prev.content.start, prev.content.end))
        path_ids = [o for body in speaker.bodies() for o in gaz.ancestors(body)] if speaker else []
        day = said.start or said.end
        # a question about other governments than the paragraph's (or its lead-in's) is not read there
        near = [(cand.content.start, cand.content.end), (blocks[bi].start, blocks[bi].end)] + (
            [(blocks[lead].start, blocks[lead].end)] if lead is not None else [])
        judged = cand.content
        if whole is not None:  # one clause in two halves is judged whole
            judged = Span.of(doc.text, min(c.content.start for c in whole), max(c.content.end for c in whole))
        stances = tuple(s for s in (backend(t, doc.text, judged, context) for t in targets
                                    if t.in_scope(path_ids, day)
                                    and not stance_stage.rules.about_others(t, doc.text, near, gaz, path_ids)) if s) \
            if cand.kind != "question" and not (whole is not None and part_of) else ()  # the first part holds the whole's
        st = Statement(cand.make_id(doc.id), doc.id, cand.kind, cand.content, cand.cue, speaker,
                       via, said, stances, cand.confidence,
                       found_by="tagger" if cand.rule == "tagger" else "rules", part_of=part_of)
        result.statements.append(st)
        if said.basis == "text" and speaker is not None and speaker.actor_id:
            dated_at[(si, speaker.actor_id)] = said
        if res.actor is not None:
            result.actors[res.actor.id] = actors_stage.merge_actor(result.actors.get(res.actor.id), res.actor)
    # one statement per span and kind (its id), so a Spark job's tables hold what the ledger holds:
    # of two readings of one span ("She told him, an aide said, that X": hers, and the aide's
    # account of it), the surer one
    unique: dict[str, Statement] = {}
    for st in result.statements:
        if st.id not in unique or st.confidence > unique[st.id].confidence:
            unique[st.id] = st
    result.statements = stance_stage.carry_forward(list(unique.values()))
    by_actor: dict[str, list[Statement]] = {}
    for st in result.statements:
        if st.speaker and st.speaker.actor_id:
            by_actor.setdefault(st.speaker.actor_id, []).append(st)
    result.actors = {aid: date_roles(a, by_actor.get(aid, [])) for aid, a in result.actors.items()}
    return result


LEDE_PARAGRAPHS = 2  # the paragraphs that open a story and set its occasion
LEDE_SCENE_DAYS = 3  # an occasion of the last days is the news; an older one, a look back
# a report told as an event in a clause of time ("received $250,000 after Sanders endorsed him"):
# a moment of the story, not the occasion the story is about
EVENT_CLAUSE = re.compile(r"\b(?:after|before|when|since|until|once|as soon as)\b[^,;:.]*$", re.I)

ANOTHER_TIME = re.compile(r"\b(?:later|afterwards?|since|subsequently|at the time|now|these days|today|"
                          r"recall(?:s|ed)?|remember(?:s|ed)?|look(?:s|ed)? back)\b", re.I)


def _frames_only(parts, inner) -> bool:
    """Whether the clause an aside splits ("She told him, an aide said, that X"), in ``parts``,
    is all one statement ``inner`` that the aside relays: each part is its words, or its speaker,
    cue and listener. The aside is then who relayed it, not a speaker of the same words again."""
    if inner is None or inner.source is None or inner.cue is None:
        return False
    return all(_holds_only(c.content, inner) or inner.source.start <= c.content.start
               and c.content.end <= inner.content.start for c in parts)


def _holds_only(relayed: Span, inner) -> bool:
    """Whether what an outlet relays ("according to TASS") is all one statement ``inner`` it
    relays: its words, speaker and cue make up nearly all of it."""
    if inner is None:
        return False
    covered = set()
    for part in (inner.content, inner.source, inner.cue):
        if part is not None:
            covered.update(range(max(part.start, relayed.start), min(part.end, relayed.end)))
    return len(covered) >= 0.8 * len(relayed.text.rstrip(" ,.;"))


def _recent(said, published: str | None, days: int = 31) -> bool:
    """Whether a time falls within ``days`` before publication (or the page has no date)."""
    if not published or not said.start:
        return published is None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(said.start)).days <= days
    except ValueError:
        return False


def _earlier_in_block(sentences: list, si: int, block, cue_sentences: dict, actor_id: str,
                      above: Block | None = None) -> list:
    """The sentences of the paragraph before sentence ``si``, back to the last one where
    somebody else speaks: (start, end, whether this actor speaks there, its index). A paragraph that
    opens with the speaker's words goes on from the paragraph ``above`` when that one ends with
    the same speaker's ("Spain and Portugal said on Monday they ... [new paragraph] 'Our waters
    are one sea,' the two governments said"): the scene it set holds."""
    out: list = []

    def walk(k: int, start: int) -> int:
        while k >= 0 and sentences[k][0] >= start:
            who = cue_sentences.get(k, set())
            if who - {actor_id}:
                return -1
            out.append((*sentences[k], actor_id in who, k))
            k -= 1
        return k

    k = walk(si - 1, block.start)
    if not out and above is not None and above.kind == "paragraph" and k >= 0 and sentences[k][0] >= above.start \
            and cue_sentences.get(k) == {actor_id}:
        walk(k, above.start)
    return out[::-1]


TURN_LABEL = re.compile(r"[ \t]*[\"“]?(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*:")


def _resolve_all(resolver, candidates: list) -> list:
    """Each candidate's speaker, in text order, a statement before those inside it: the
    transcript turn "MR. ROE: We are looking at options, as I said" is Roe's before its "I" is read."""
    order = sorted(range(len(candidates)), key=lambda i: (candidates[i].content.start, -candidates[i].content.end))
    done: list[tuple] = []  # (candidate, resolution) in the order resolved
    by_index: dict[int, object] = {}
    turns: list[str] = []  # who speaks a transcript's turns, in order
    for i in order:
        c = candidates[i]
        speaking = _verbatim_around(c, done)
        in_turn = speaking is not None and speaking.actor is not None and any(
            prev.rule == "colon" and res is speaking for prev, res in done[-20:])
        # in an answer, the one who put the question is "you", not "he": the turn before's speaker
        asking = _before(turns, speaking) if in_turn else None
        res = resolver.resolve(c.source, c.kind, c.cue.text if c.cue else None, speaking=speaking,
                               interlocutors=frozenset({asking}) if asking else frozenset())
        if c.rule == "colon" and res.actor is not None:
            turns.append(res.actor.id)
        done.append((c, res))
        by_index[i] = res
    return [by_index[i] for i in range(len(candidates))]


def _before(turns: list[str], speaking) -> str | None:
    """The speaker of the turn just before the one ``speaking`` speaks."""
    at = len(turns) - 1 - turns[::-1].index(speaking.actor.id) if speaking.actor.id in turns else None
    return turns[at - 1] if at else None


def _verbatim_around(cand, done: list[tuple], lookback: int = 20):
    """Who speaks the quotation or transcript turn that holds this statement's speaker
    mention: in '"I told him no," Roe said', the "I" and "him" are read from Roe's side."""
    if cand.source is None:
        return None
    for prev, res in done[-lookback:][::-1]:
        if prev.content.start <= cand.source.start < prev.content.end and (
                prev.kind == "direct" or prev.rule == "colon") and res.actor is not None:
            return res
    return None


def role_as_of(speaker: Speaker | None, said, gaz) -> Speaker | None:
    """A registered person's role on the day the words were said, not today's."""
    if speaker is None or not speaker.name:
        return speaker
    person = gaz.people.get(speaker.name.lower())
    day = said.start or said.end
    role = person.role_on(day) if person else None
    if role is None and person is not None and said.end and said.end != day:
        role = person.role_on(said.end)  # "in 2009" began before the inauguration of that January
    if role is None and person is not None and person.builtin and day \
            and (speaker.role, speaker.organization_id) in {(r.title, r.organization_id) for r in person.roles}:
        # an officeholder's words from before or after their terms ("as a senator in 2006, Obama said")
        return replace(speaker, role=None, organization_id=None, organization_path=())
    if role is None:
        return speaker
    return replace(speaker, role=role.title, organization_id=role.organization_id,
                   organization_path=gaz.path(role.organization_id))


def date_roles(actor: Actor, statements: list[Statement]) -> Actor:
    """Without a registry, a role is known from the first to the last time it was seen."""
    dates = sorted(d for s in statements if s.speaker and s.speaker.actor_id == actor.id
                   for d in (s.said.start or s.said.end,) if d)
    if not dates or not actor.roles:
        return actor
    roles = tuple(replace(r, start=r.start or dates[0], end=r.end or dates[-1]) for r in actor.roles)
    return replace(actor, roles=roles)


def _guarded(parsed: Parsed, **kwargs) -> DocumentResult:
    """One document the pipeline fails on (a bug meeting an odd page) is reported, not fatal:
    a run over a million pages goes on. A missing model or a bad setting still stops it."""
    try:
        return analyze_parsed(parsed, **kwargs)
    except (OnrecordError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - reported with the document it failed on
        return DocumentResult(parsed.document, error=f"{type(exc).__name__}: {exc}".splitlines()[0][:200])


def analyze(documents: Iterable[Document], targets: list[Target], options: Options | None = None,
            nlp=None) -> Iterator[DocumentResult]:
    """Analyse documents as a stream; yields one result per document, in order."""
    from . import nlp as nlp_mod

    options = options or Options()
    nlp = nlp or nlp_mod.load(options.model)
    work = partial(_guarded, targets=targets, options=options, nlp=nlp)
    yield from map_parsed(documents, nlp, work, keep=statements_stage.has_signal, batch_size=options.batch_size,
                          n_process=options.n_process, work_in_workers=options.fork_safe())


__all__ = ["Options", "DocumentResult", "analyze", "analyze_parsed"]
