"""Findings: pure functions from statements (with speakers, dates and stances) to cited
conclusions — shifts, contradictions, separate questions, common ground, outlook."""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable

from ..model import Actor, Finding, Organization, Statement, Target
from ..orgtree import Tree

VALUE = {"support": 1.0, "conditional": 0.5, "undecided": 0.0, "oppose": -1.0}
VERB = {"support": "supports it", "conditional": "supports it on conditions", "oppose": "opposes it",
        "undecided": "is undecided on it", "neutral": "mentions it"}
VERB_PLURAL = {"support": "support it", "conditional": "support it on conditions", "oppose": "oppose it",
               "undecided": "are undecided on it", "neutral": "mention it"}
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those there their they them we our us you your he she his her i my me not no
will would could should can may might must have has had do does did so than then such into over
about after before also just only very more most much many some any all each other what which who
whom whose when where why how said says say told according first need needs now right way things
thing time times able well even still being going make made like get got one two new
because whether while though although however since until unless where here them those
send sent take took give gave come came keep kept want told call called work help start began begin
know think looking look going says saying meet held hold
long longer enough again already always ever never every everything something nothing anything
week weeks month months year years today yesterday tomorrow last next same another less least little
really good great back away sure clear certain part parts lot lots""".split())  # words of any topic
try:  # and English's other function words ("through", "across", "within"), as spaCy lists them
    from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP
    STOP |= set(_SPACY_STOP)
except ImportError:  # pragma: no cover - spaCy is a dependency
    pass


@dataclass(frozen=True)
class Point:
    """One stance of one speaker on one question at one time."""

    statement: Statement
    target_id: str
    actor_id: str
    org_id: str | None
    day: date
    stance: str
    confidence: float


def _fid(kind: str, *parts) -> str:
    return "f_" + hashlib.sha1(":".join([kind, *map(str, parts)]).encode()).hexdigest()[:10]


def _day(st: Statement) -> date | None:
    value = st.said.start or st.said.end
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _same_remark(a: Statement, b: Statement, window_days: int = 14) -> bool:
    """Two reports of one remark: the same speaker, nearly the same words, close in time."""
    if a.document_id == b.document_id and a.content.start == b.content.start:
        return True
    return _similar(_words(a), _words(b), _day(a), _day(b), window_days)


def _words(st: Statement) -> frozenset[str]:
    return frozenset(_norm(st.content.text).split())


def _similar(wa: frozenset, wb: frozenset, da: date | None, db: date | None, window_days: int = 14) -> bool:
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    similar = shared / len(wa | wb) >= 0.7 or (shared / min(len(wa), len(wb)) >= 0.9 and min(len(wa), len(wb)) >= 6)
    close = da is None or db is None or abs((da - db).days) <= window_days
    return similar and close


SHARED_TENTHS = 7  # similar reports share 7/10 of the smaller one's words (both tests imply it)


def merge_reports(statements: list[Statement]) -> dict[str, list[str]]:
    """Reports of one remark in several documents (reprints, wire copies, slightly reworded)
    → the first report's id and the others. A reprinted view must not count twice.

    Each report's words are read once, and it is compared only with the earlier first reports
    that can pass ``_similar`` (a prefix filter): two reports that share 70 % of the smaller
    one's words share one of the rarest 30 % of either. A word like "the" then no longer makes
    every earlier report of a speaker a candidate."""
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        if st.speaker and st.speaker.actor_id:
            by_speaker[st.speaker.actor_id].append(st)
    out: dict[str, list[str]] = {}
    for group in by_speaker.values():
        words = [_words(st) for st in group]
        seen = Counter(w for ws in words for w in ws)
        heads: list[tuple[Statement, frozenset, date | None]] = []
        having: dict[str, list[int]] = defaultdict(list)  # word → heads that hold it
        leading: dict[str, list[int]] = defaultdict(list)  # word → heads whose rarest words hold it
        for st, ws in zip(group, words):
            day = _day(st)
            rarest = sorted(ws, key=lambda w: (seen[w], w))[:_prefix(len(ws))]
            # a head as large or larger shares one of this report's rarest words; a smaller
            # head holds one of this report's words among its own rarest
            cands = {i for w in rarest for i in having[w]}
            cands |= {i for w in ws for i in leading[w]}
            head = next((heads[i][0] for i in sorted(cands) if heads[i][0].document_id != st.document_id
                         and _similar(heads[i][1], ws, heads[i][2], day)), None)
            if head is None:
                for w in ws:
                    having[w].append(len(heads))
                for w in rarest:
                    leading[w].append(len(heads))
                heads.append((st, ws, day))
            else:
                out.setdefault(head.id, []).append(st.id)
    return out


def _prefix(n: int) -> int:
    """How many of a set's rarest words another set sharing 70 % of it must meet."""
    return n - (-(-SHARED_TENTHS * n // 10)) + 1  # integer ceiling: 0.7 * 3 is 2.0999...


def stance_points(statements: list[Statement]) -> list[Point]:
    duplicates = {d for rest in merge_reports(statements).values() for d in rest}
    out = []
    for st in statements:
        if st.id in duplicates or not st.speaker or not st.speaker.actor_id:
            continue
        day = _day(st)
        if day is None:
            continue
        for s in st.stances:
            if s.stance in VALUE:  # a joint statement: a position of each body that signed it
                out.extend(Point(st, s.target_id, st.speaker.actor_id, org, day, s.stance, s.confidence)
                           for org in st.speaker.joint or (st.speaker.organization_id,))
    return sorted(out, key=lambda p: (p.day, p.statement.content.start))


def _collapse(points: list[Point]) -> list[Point]:
    """Several statements on one day: keep the best-supported stance of that day."""
    by_day: dict[date, dict[str, list[Point]]] = defaultdict(lambda: defaultdict(list))
    dated = {p.day for p in points if p.statement.said.basis == "text"}
    for p in points:
        if p.day in dated and p.statement.said.basis != "text":
            continue  # a remark the text dates that day outweighs one only published then
        by_day[p.day][p.stance].append(p)
    out = []
    for day in sorted(by_day):
        label, pts = max(by_day[day].items(), key=lambda kv: sum(p.confidence for p in kv[1]))
        out.append(max(pts, key=lambda p: p.confidence))
    return out


def shifts(points: list[Point], actors: dict[str, Actor], targets: dict[str, Target],
           tree: Tree) -> list[Finding]:
    out = []
    groups: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for p in points:
        groups[(p.actor_id, p.target_id)].append(p)
    org_groups: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for p in points:
        body = tree.body(p.org_id)
        if body:
            org_groups[(body, p.target_id)].append(p)
    for key, pts, who in [(k, v, actors[k[0]].name if k[0] in actors else k[0]) for k, v in groups.items()] + \
            [(k, v, tree.name(k[0])) for k, v in org_groups.items() if len({p.actor_id for p in v}) > 1]:
        seq = _collapse(pts)
        for a, b in zip(seq, seq[1:]):
            if a.stance == b.stance or (key not in groups and a.actor_id == b.actor_id):
                continue
            if b.statement.said.basis != "text" and b.statement.kind != "authored":
                continue  # dated only by publication: it may have been said before the other (an op-ed was not)
            first = _odds_first(a.statement.said, b.statement.said)
            if first < 0.5:
                continue  # "last year" and "in March" of it: which came first is unknown
            nature, reversal = _nature(a.stance, b.stance)
            q = targets[key[1]].question if key[1] in targets else key[1]
            summary = (f"{who} moved from {a.stance} ({_when(a)}) to {b.stance} "
                       f"({_when(b)}) on “{q}” — {nature}" +
                       (f"; the order is likely, not certain ({_when(a)} may have come later)." if first < 1 else "."))
            conf = min(a.confidence, b.confidence) * first
            if "unknown" in (a.statement.said.granularity, b.statement.said.granularity):
                conf *= 0.6
            actor_ids = tuple(dict.fromkeys((a.actor_id, b.actor_id)))
            out.append(Finding(_fid("shift", key, a.statement.id, b.statement.id), "shift", summary,
                               conf, key[1], actor_ids, (a.statement.id, b.statement.id),
                               {"from": a.stance, "to": b.stance, "reversal": reversal,
                                "level": "actor" if key in groups else "organization",
                                "organization_id": key[0] if key not in groups else None}))
    return out


def _odds_first(a, b) -> float:
    """How likely the remark ``a`` came before ``b``, the share of ``a``'s span that lies before
    ``b`` starts: 1 when they do not overlap; "in September" before "the week of September 24"
    about 0.8; "last year" before "in March" of it about 0.16."""
    if not (a.start and a.end and b.start) or b.start >= a.end:
        return 1.0
    a0, a1, b0 = (date.fromisoformat(x) for x in (a.start, a.end, b.start))
    return max(0.0, (b0 - a0).days / max((a1 - a0).days, 1))


def _nature(before: str, after: str) -> tuple[str, bool]:
    """How a position moved, and whether it turned round: only support to opposition (or
    back) is a reversal; opposition to conditional support softens, the reverse hardens."""
    if {before, after} == {"support", "oppose"}:
        return "a reversal", True
    if before == "support" and after == "conditional":
        return "a refinement: conditions added", False
    if VALUE[after] > VALUE[before]:
        return ("a softening" if before == "oppose" else "a move toward support"), False
    return ("a hardening" if after == "oppose" else "a move away from support"), False


SAME_BODY_DAYS = 30  # two voices of one office further apart than this: the office moved (a shift)
SEVERITY = {frozenset(("support", "oppose")): ("high", 0.9),
            frozenset(("conditional", "oppose")): ("medium", 0.6),
            frozenset(("undecided", "oppose")): ("medium", 0.5),
            frozenset(("undecided", "support")): ("low", 0.4)}


def contradictions(points: list[Point], actors: dict[str, Actor], targets: dict[str, Target],
                   tree: Tree, window_days: int = 90) -> list[Finding]:
    best: dict[tuple, tuple] = {}
    own: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for p in points:
        if _dated_now(p):
            own[(p.actor_id, p.target_id)].append(p)

    def superseded(a: Point, by: date) -> bool:
        """Had the speaker said something newer on the question by then ("Two weeks ago, Tamir
        had told a committee a pause could serve Israel"; now: no ceasefire)?"""
        return any(a.day < p.day <= by for p in own[(a.actor_id, a.target_id)])

    for i, a in enumerate(points):
        for b in points[i + 1:]:
            if a.target_id != b.target_id or abs((b.day - a.day).days) > window_days:
                continue
            if a.actor_id != b.actor_id and (superseded(a, b.day) or superseded(b, a.day)):
                continue  # not what either of them held when the other spoke
            gov = tree.government(a.org_id)
            if gov is None or gov != tree.government(b.org_id):
                continue
            sev = SEVERITY.get(frozenset((a.stance, b.stance)))
            if sev is None:
                continue
            apart = abs((b.day - a.day).days)
            if a.actor_id == b.actor_id and (sev[0] != "high" or apart > 14
                                             or a.statement.document_id == b.statement.document_id):
                continue  # the same person over time is a shift, not a contradiction; quoted both
                # ways in one article, more often a nuance ("no new sanctions, more mediation") or a misreading
            if a.org_id == b.org_id and apart > SAME_BODY_DAYS:
                continue  # and so is one office speaking months apart through two people (its shift
                # says so); two offices of a body, a general and an assistant secretary, still
                # send mixed signals
            key = (a.target_id, *sorted((a.actor_id, b.actor_id)))
            score = sev[1] * min(a.confidence, b.confidence)
            if key not in best or score > best[key][0]:
                best[key] = (score, sev[0], a, b)
    out = []
    for key, (score, severity, a, b) in best.items():
        na = actors[a.actor_id].name if a.actor_id in actors else a.actor_id
        nb = actors[b.actor_id].name if b.actor_id in actors else b.actor_id
        q = targets[a.target_id].question if a.target_id in targets else a.target_id
        label = "contradict each other" if severity == "high" else "send mixed signals"
        summary = (f"On “{q}”, {na} ({tree.name(a.org_id)}: {a.stance}, {_when(a)}) and "
                   f"{nb} ({tree.name(b.org_id)}: {b.stance}, {_when(b)}) {label} "
                   f"— severity {severity}.")
        out.append(Finding(_fid("contradiction", *key), "contradiction", summary, round(score, 3),
                           a.target_id, tuple(dict.fromkeys((a.actor_id, b.actor_id))),
                           (a.statement.id, b.statement.id),
                           {"severity": severity, "government": tree.government(a.org_id)}))
    return out


def separate_questions(points: list[Point], targets: dict[str, Target], tree: Tree) -> list[Finding]:
    """Bodies of one government that speak to different questions are not contradicting."""
    profile: dict[str, dict[str, list[Point]]] = defaultdict(lambda: defaultdict(list))
    for p in points:
        body = tree.body(p.org_id)
        if body and body != tree.government(p.org_id):
            profile[body][p.target_id].append(p)
    out = []
    bodies = sorted(profile)
    for i, x in enumerate(bodies):
        for y in bodies[i + 1:]:
            if tree.government(x) != tree.government(y):
                continue
            tx = {t for t, v in profile[x].items() if v}
            ty = {t for t, v in profile[y].items() if v}
            only_x, only_y, shared = tx - ty, ty - tx, tx & ty
            if not only_x or not only_y:
                continue
            share_x = sum(len(profile[x][t]) for t in only_x) / sum(len(v) for v in profile[x].values())
            share_y = sum(len(profile[y][t]) for t in only_y) / sum(len(v) for v in profile[y].values())
            if shared and min(share_x, share_y) < 0.6:
                continue
            qx = "; ".join(f"“{targets[t].question}”" for t in sorted(only_x) if t in targets)
            qy = "; ".join(f"“{targets[t].question}”" for t in sorted(only_y) if t in targets)
            summary = (f"{tree.name(x)} speaks to {qx} while {tree.name(y)} speaks to {qy}: "
                       "what looks like disagreement is two separate conversations.")
            cites = [p for t in only_x for p in profile[x][t]][:4] + [p for t in only_y for p in profile[y][t]][:4]
            out.append(Finding(_fid("separate", x, y), "separate_questions", summary,
                               round(min(share_x, share_y) * 0.8, 3), None,
                               tuple(dict.fromkeys(p.actor_id for p in cites)),
                               tuple(p.statement.id for p in cites),
                               {"bodies": {x: sorted(tx), y: sorted(ty)}}))
    return out


def _terms(text: str) -> set[str]:
    """The content words a theme can be: written in lower case, so not a name ('Germany')."""
    words = [w for w in re.findall(r"(?<![\w\-])[a-z][a-z\-]+", text) if w not in STOP and len(w) > 3]
    return set(words)


def common_ground(statements: list[Statement], actors: dict[str, Actor], targets: dict[str, Target],
                  tree: Tree, top: int = 3) -> list[Finding]:
    """Themes that speakers of different bodies share, whatever their stances."""
    topic = set()
    for t in targets.values():
        topic |= _terms(" ".join((t.question, *t.keywords, *t.means)).lower())  # "the Security Council": "council"
    bodies: dict[str, tuple[str, ...]] = {}  # a joint statement's speakers: each of its bodies
    best: dict[str, tuple] = {}
    for conversation in _conversations(statements):
        holders: dict[str, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
        for st in conversation:
            sp = st.speaker
            if not sp or not sp.actor_id or not sp.bodies() or st.kind == "belief":
                continue
            bodies[sp.actor_id] = tuple(tree.body(o) or o for o in sp.bodies())
            for term in _terms(st.content.text) - topic:
                holders[term][sp.actor_id].append(st)
        scored = []
        for term, by_actor in holders.items():
            body_set = {b for a in by_actor for b in bodies[a]}
            if len(by_actor) < 2 or len(body_set) < 2:
                continue
            scored.append((len(by_actor) + len(body_set), term, by_actor, body_set))
        for row in _phrases(scored):
            if not re.search(r"[\s\-]", row[1]) and (row[1].endswith("ed") or len(
                    {tree.government(b) or b for b in row[3]}) > 1):
                # one word two governments share ("ship", "direct") is mostly chance, and a verb's
                # form ("changed") no theme: a phrase is
                continue
            if row[1] not in best or row[0] > best[row[1]][0]:
                best[row[1]] = row
    n_actors = max(1, len(bodies))
    scored = sorted(best.values(), key=lambda x: (-x[0], -len(x[1].split()), x[1]))  # of equal weight, a phrase says more
    out = []
    for score, term, by_actor, body_set in scored[:top]:
        cites = [sts[0] for sts in by_actor.values()]
        names = ", ".join(actors[a].name if a in actors else a for a in by_actor)
        summary = (f"Speakers from {len(body_set)} bodies ({', '.join(sorted(tree.name(b) for b in body_set))}) "
                   f"share the theme “{term}”: {names}.")
        out.append(Finding(_fid("common", term), "common_ground", summary,
                           round(min(0.9, len(by_actor) / n_actors + 0.2), 3), None,
                           tuple(by_actor), tuple(s.id for s in cites),
                           {"term": term, "bodies": sorted(body_set)}))
    return out


def _conversations(statements: list[Statement]) -> list[list[Statement]]:
    """Statements that can share a theme: those of the documents that take up one question
    (a speaker in an article on Venezuela and one in an article on Ukraine share no theme,
    whatever words they both use); all of them when no statement takes up a question."""
    asked: dict[str, set[str]] = defaultdict(set)
    for st in statements:
        asked[st.document_id].update(s.target_id for s in st.stances)
    questions = sorted({q for qs in asked.values() for q in qs})
    if not questions:
        return [statements]
    return [[st for st in statements if q in asked[st.document_id]] for q in questions]


def _phrases(scored: list) -> list:
    """Words shared by exactly the same statements, side by side in each, are one theme:
    "constitutional order", not "constitutional" and "order"."""
    groups: dict[tuple, list] = defaultdict(list)
    for item in scored:
        groups[tuple(sorted((a, tuple(s.id for s in sts)) for a, sts in item[2].items()))].append(item)
    out = []
    for items in groups.values():
        texts = [sts[0].content.text for sts in items[0][2].values()]
        first = texts[0].lower()
        words = sorted((it[1] for it in items), key=lambda w: (first.find(w), w))
        phrase = re.compile(r"\b%s\b" % r"\s+".join(map(re.escape, words)), re.I)
        if len(items) > 1 and all(phrase.search(t) for t in texts):
            out.append((items[0][0], " ".join(words), items[0][2], items[0][3]))
        else:
            out += items
    return out


def outlook(points: list[Point], actors: dict[str, Actor], targets: dict[str, Target], tree: Tree,
            rank: Callable[[str | None], int] = lambda title: 1, half_life_days: int = 60,
            undated: dict[str, list[str]] | None = None) -> list[Finding]:
    out = []
    for tid, target in targets.items():
        pts = [p for p in points if p.target_id == tid and tree.body(p.org_id)]
        if not pts and (undated or {}).get(tid):
            ids = tuple(undated[tid])
            out.append(Finding(_fid("outlook", tid), "outlook",
                               f"On “{target.question}”: {len(ids)} statement(s) by officials of known bodies "
                               "take a position, but none has a date (the page gives no publication date and "
                               "the text names none); onrecord abstains. Give the date (--published).",
                               0.0, tid, (), ids))
            continue
        if not pts:
            out.append(Finding(_fid("outlook", tid), "outlook",
                               f"On “{target.question}”: no official of a known body took a position "
                               "in the analysed text; onrecord abstains.", 0.0, tid))
            continue
        latest_day = max(p.day for p in pts)
        bodies: dict[str, list[tuple[float, Point]]] = defaultdict(list)
        # the days the text gives each speaker's remarks, per document
        dated: dict[tuple[str, str], list[date]] = defaultdict(list)
        for p in pts:
            if p.statement.said.basis == "text":
                dated[(p.statement.document_id, p.actor_id)].append(p.day)
        for p in pts:
            recency = math.pow(0.5, (latest_day - p.day).days / half_life_days)
            weight = rank(p.statement.speaker.role if p.statement.speaker else None) * recency * p.confidence
            if p.statement.said.basis != "text" and p.statement.kind != "authored" and not (_told_now(p) and any(
                    d < p.day for d in dated.get((p.statement.document_id, p.actor_id), ()))):
                # dated only by publication: may be older than it looks, unless it is told as the
                # story's present ("Tamir said") and the article dates the speaker's other remarks
                # before it ("Two weeks ago, Tamir had told ..."); "has indicated" is any time
                weight *= 0.5
            bodies[tree.body(p.org_id)].append((weight, p))
        positions, dissent = {}, {}
        for body, wps in bodies.items():
            last = max(p.day for _, p in wps)
            recent = [(w, p) for w, p in wps if (last - p.day).days <= 30]
            # a speaker's own latest words are their position: "Two weeks ago, Tamir had told a
            # committee a pause could serve Israel" gives way to what he says now
            own_latest: dict[str, tuple[float, Point]] = {}
            for w, p in recent:
                held = own_latest.get(p.actor_id)
                if held is None or _lateness(p, w) > _lateness(held[1], held[0]):
                    own_latest[p.actor_id] = (w, p)
            recent = list(own_latest.values())
            best = max(recent, key=lambda wp: wp[0])[1]
            # of one day, what the text says came later holds: the presidency's correction "late on
            # Tuesday" over the president's remark that morning, whoever outranks whom
            same_day = [(w, p) for w, p in recent if p.day == best.day and p.statement.said.granularity == "day"]
            if len({_part_of_day(p) for _, p in same_day}) > 1 and best.statement.said.granularity == "day":
                best = max(same_day, key=lambda wp: (_part_of_day(wp[1]), wp[0]))[1]
            positions[body] = best
            against = [(w, p) for w, p in recent if p.actor_id != positions[body].actor_id
                       and VALUE[p.stance] * VALUE[positions[body].stance] < 0]
            if against:  # "Solberg is open to arbitration on terms; Dahl: 'Not on these terms'"
                dissent[body] = max(against, key=lambda wp: wp[0])[1]
        labels = {p.stance for p in positions.values()}
        if dissent:
            uncertainty, conf = "high", 0.35
        elif len(labels) == 1 and "undecided" not in labels:
            uncertainty, conf = ("low" if len(positions) > 1 else "medium"), 0.7
        elif labels <= {"support", "conditional"}:
            uncertainty, conf = "medium", 0.55
        else:
            uncertainty, conf = "high", 0.35
        # bodies whose position is one joint statement are named together, once
        together: dict[tuple, list[str]] = defaultdict(list)
        for b, p in sorted(positions.items()):
            together[(p.statement.id, p.stance) if b not in dissent else (b,)].append(b)
        parts = []
        for members in together.values():
            b, p = members[0], positions[members[0]]
            names = [tree.name(m) for m in members]
            who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            parts.append(f"{who} {(VERB if len(names) == 1 else VERB_PLURAL)[p.stance]} "
                         f"(latest: {_name(actors, p)}, {_when(p)}) [{p.statement.id}]"
                         + (f", though {_name(actors, dissent[b])} {VERB[dissent[b].stance]} ({_when(dissent[b])}) "
                            f"[{dissent[b].statement.id}]" if b in dissent else ""))
        agreement = ("the bodies agree" if len(labels) == 1 else
                     "the bodies agree in favour, some on conditions" if labels == {"support", "conditional"} else
                     "the bodies do not agree")
        if dissent:
            voices = f"{' and '.join(sorted(tree.name(b) for b in dissent))} speaks with more than one voice"
            agreement = voices if len(positions) == 1 else f"{agreement}, and {voices}"
        summary = f"On “{target.question}”: " + "; ".join(parts) + f". Overall {agreement}; uncertainty is {uncertainty}."
        cited = [*positions.values(), *dissent.values()]
        out.append(Finding(_fid("outlook", tid), "outlook", summary, conf, tid,
                           tuple(dict.fromkeys(p.actor_id for p in cited)),
                           tuple(dict.fromkeys(p.statement.id for p in cited)),
                           {"uncertainty": uncertainty,
                            "positions": {b: p.stance for b, p in positions.items()},
                            "divided": {b: p.stance for b, p in dissent.items()}}))
    return out


def _dated_now(p: Point) -> bool:
    """Does the remark's time place it: dated by the text, or told as the story's present?"""
    return p.statement.said.basis == "text" or _told_now(p)


def _lateness(p: Point, weight: float) -> tuple:
    """How late a speaker's remark is among their own: its day (a remark dated only by
    publication counts only when told now), its part of the day, then its weight."""
    return (p.day if _dated_now(p) else date.min, _part_of_day(p), weight)


def _told_now(p: Point) -> bool:
    """Is a remark dated only by publication told as the story's present? "said", "told
    reporters" are; "has indicated", "had said" are any time before."""
    if p.statement.kind == "authored":  # an official's op-ed speaks on the day it appears
        return True
    cue = (p.statement.cue.text if p.statement.cue else "").lower()
    return bool(cue) and not re.match(r"(?:has|have|had)\b", cue)


def _part_of_day(p: Point) -> int:
    """Where in its day a remark falls, as far as its time's words say: morning -1, unsaid 0,
    afternoon 1, late or evening 2."""
    words = (p.statement.said.expression or "").lower() if p.statement.said.basis == "text" else ""
    if re.search(r"\b(?:late|evening|night|tonight)\b", words):
        return 2
    if "afternoon" in words:
        return 1
    if re.search(r"\b(?:early|morning)\b", words):
        return -1
    return 0


def _name(actors: dict[str, Actor], p: Point) -> str:
    return actors[p.actor_id].name if p.actor_id in actors else p.actor_id


def _when(p: Point) -> str:
    """When it was said, in words as precise as the text ("2031-01" for "In January")."""
    said = p.statement.said
    if p.statement.kind == "authored" and said.start:
        return f"{said.start}, in a signed piece"
    if said.basis != "text" or not said.start:
        return f"on or before {p.day.isoformat()}"
    if said.granularity in ("week", "weekend"):
        return f"the week of {said.start}"
    if said.granularity in ("day", "month", "year", "quarter") or not said.end or said.end == said.start:
        return said.label()
    return f"between {said.start} and {said.end}"  # a season, "recently"


def find_all(statements: list[Statement], actors: dict[str, Actor], targets: list[Target],
             organizations: dict[str, Organization], *, window_days: int = 90,
             rank: Callable[[str | None], int] = lambda title: 1) -> list[Finding]:
    tree = Tree(organizations)
    tmap = {t.id: t for t in targets}
    points = stance_points(statements)
    undated = defaultdict(list)  # positions findings cannot place in time
    for st in statements:
        if _day(st) is None and st.speaker and any(tree.body(o) for o in st.speaker.bodies()):
            for s in st.stances:
                if s.stance in VALUE:
                    undated[s.target_id].append(st.id)
    return (outlook(points, actors, tmap, tree, rank, undated=undated) + shifts(points, actors, tmap, tree)
            + contradictions(points, actors, tmap, tree, window_days)
            + separate_questions(points, tmap, tree)
            + common_ground(statements, actors, tmap, tree))


__all__ = ["find_all", "merge_reports", "stance_points", "Tree", "Point"]
