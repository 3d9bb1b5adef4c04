"""Actors: speaker mentions resolved to people, anonymous sources, groups and bodies.

Resolution is within a document (pronouns, surnames, titles, appositions) and across
documents by canonical name. Organisations come from a gazetteer kept as data.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import RegistryError
from ..model import Actor, Organization, Role, Speaker, Span
from ..orgtree import Tree

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "plural", "them": "plural", "it": "thing", "i": "self", "we": "self"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "diplomat",
                   "diplomats", "officer", "officers", "spokesman", "spokeswoman", "spokesperson",
                   "person", "people", "insider", "insiders", "adviser", "advisers", "advisor",
                   "member", "members", "staffer", "staffers", "analyst", "analysts", "expert",
                   "experts", "lawmaker", "lawmakers", "negotiator", "negotiators", "envoy"}
GROUP_HEADS = {"administration", "government", "officials", "sources", "authorities", "leaders",
               "ministers", "diplomats", "lawmakers", "experts", "analysts", "critics",
               "supporters", "aides", "officers", "members", "people"}
APPOSITION_HEADS = ("head", "chief", "commander", "director", "secretary", "minister", "leader",
                    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "president",
                    "chairman", "chair", "deputy", "adviser", "advisor", "top", "the")
TITLE_NOUNS = {"General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Major", "Captain", "Secretary",
               "Minister", "President", "Ambassador", "Senator", "Sen", "Rep", "Representative",
               "Governor", "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Chairman", "Director", "Chief",
               "Commander", "Envoy", "Judge", "Justice", "King", "Queen", "Prince", "Pope", "Lieutenant",
               "Sergeant", "Marshal", "Premier", "Chancellor", "Speaker", "Leader", "Deputy", "Spokesman"}
TITLE_WORD = r"(?:[A-Z][\w.\-’']*|of|for|the|and|on|to)"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def clean_mention(text: str) -> str:
    text = text.replace("[", "").replace("]", "")
    text = re.sub(r"[’']s$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,.:;")


@dataclass
class Gazetteer:
    organizations: dict[str, Organization]
    titles: list[tuple[str, str]]
    nationalities: dict[str, list[str]]
    seniority: dict[str, int]
    people: dict[str, "RegisteredPerson"] = field(default_factory=dict)  # by lower-cased name or alias
    _alias_re: re.Pattern | None = field(default=None, repr=False)
    _alias_map: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for org in self.organizations.values():
            for alias in (org.name, *org.aliases):
                self._alias_map.setdefault(alias, org.id)
        for oid, words in self.nationalities.items():
            for w in words:
                self._alias_map.setdefault(w, oid)
        names = sorted(self._alias_map, key=len, reverse=True)
        self._alias_re = re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(map(re.escape, names)))

    @property
    def tree(self) -> Tree:
        return Tree(self.organizations)

    def path(self, org_id: str | None) -> tuple[str, ...]:
        return self.tree.path(org_id)

    def ancestors(self, org_id: str | None) -> list[str]:
        return self.tree.chain(org_id)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Organisation aliases in ``text`` (longest first, non-overlapping)."""
        return [(m.start(), m.end(), self._alias_map[m.group(0)]) for m in self._alias_re.finditer(text)]

    def organization_in(self, text: str) -> str | None:
        """The most specific organisation named in a title or description."""
        best: str | None = None
        for title, oid in self.titles:
            if re.search(r"(?<!\w)%s(?!\w)" % re.escape(title), text, re.I):
                if best is None or len(self.ancestors(oid)) > len(self.ancestors(best)):
                    best = oid
        for _, _, oid in self.find(text):
            if best is None or len(self.ancestors(oid)) > len(self.ancestors(best)):
                best = oid
        return best

    def rank(self, title: str | None) -> int:
        if not title:
            return 1
        score = 1
        for word, value in self.seniority.items():
            if re.search(r"(?<!\w)%s(?!\w)" % re.escape(word), title, re.I):
                score = max(score, value)
        if re.search(r"\b(assistant|deputy|under|vice)\b", title, re.I):
            score = min(score, 7)
        return score


def _read_yaml(path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8")) if not hasattr(path, "read_text") \
            else yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"cannot read registry ({type(exc).__name__}: {exc})".splitlines()[0],
                            source=str(path)) from None
    if not isinstance(data, dict):
        raise RegistryError("must be a mapping with 'organizations' and/or 'people'", source=str(path))
    return data


@dataclass(frozen=True)
class RegisteredPerson:
    """A person the user declared: canonical name, other names, and dated roles."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: str | None) -> Role | None:
        """The role held on ``day`` (ISO date); without a date, the latest role."""
        if not self.roles:
            return None
        if day:
            for r in self.roles:
                if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
                    return r
        return max(self.roles, key=lambda r: r.start or "")


def _people(layer: dict, where: str, orgs: dict) -> list[RegisteredPerson]:
    out = []
    for i, p in enumerate(layer.get("people") or []):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            raise RegistryError(f"person #{i + 1} needs a 'name'", source=where)
        roles = []
        for r in p.get("roles") or []:
            if not isinstance(r, dict) or "title" not in r:
                raise RegistryError(f"a role of {p['name']!r} needs a 'title'", source=where)
            if r.get("organization") and r["organization"] not in orgs:
                raise RegistryError(f"{p['name']!r}: unknown organization {r['organization']!r}", source=where)
            start, end = (str(r[k]) if r.get(k) else None for k in ("start", "end"))
            roles.append(Role(r["title"], r.get("organization"), start, end))
        out.append(RegisteredPerson(p["name"], tuple(p.get("aliases") or ()), tuple(roles)))
    return out


def _add_countries(orgs: dict[str, Organization], nationalities: dict[str, list[str]]) -> None:
    """Every country's government (from pycountry) that the gazetteer does not already define,
    with its demonyms (demonyms.yaml) so that "a Malian officer" names its government."""
    from .places import countries

    demonyms = yaml.safe_load(resources.files(__package__).joinpath("demonyms.yaml").read_text("utf-8"))
    by_alias = {a: o.id for o in orgs.values() for a in (o.name, *o.aliases)}
    for code, names in countries().items():
        oid = next((by_alias[n] for n in names if n in by_alias), None)
        if oid is None:
            oid = f"gov-{code.lower()}"
            orgs.setdefault(oid, Organization(oid, names[0], None, tuple(names), "government"))
        words = demonyms.get(code) or []
        if words:
            nationalities.setdefault(oid, [])
            nationalities[oid].extend(w for w in words if w not in nationalities[oid])


@lru_cache(maxsize=8)
def load_gazetteer(extra: str | None = None) -> Gazetteer:
    data = _read_yaml(resources.files(__package__).joinpath("gazetteer.yaml"))
    orgs: dict[str, Organization] = {}
    titles: list[tuple[str, str]] = []
    nat: dict[str, list[str]] = dict(data.get("nationalities") or {})
    layers = [("built-in gazetteer", data)]
    if extra:
        layers.append((extra, _read_yaml(extra)))
    for where, layer in layers:
        for i, o in enumerate(layer.get("organizations") or []):
            if not isinstance(o, dict) or "id" not in o or "name" not in o:
                raise RegistryError(f"organization #{i + 1} needs 'id' and 'name'", source=where)
            orgs[o["id"]] = Organization(o["id"], o["name"], o.get("parent"),
                                         tuple(o.get("aliases") or ()), o.get("kind", "body"))
        for t in layer.get("titles") or []:
            titles.append((t["title"], t["organization"]))
        for oid, words in (layer.get("nationalities") or {}).items():
            nat.setdefault(oid, []).extend(words)
    for o in orgs.values():
        if o.parent_id and o.parent_id not in orgs:
            raise RegistryError(f"organization {o.id!r} has unknown parent {o.parent_id!r}")
    _add_countries(orgs, nat)
    people: dict[str, RegisteredPerson] = {}
    for where, layer in layers:
        for person in _people(layer, where, orgs):
            for key in (person.name, *person.aliases):
                people[key.lower()] = person
    return Gazetteer(orgs, titles, nat, dict(data.get("seniority") or {}), people)


@dataclass
class PersonMention:
    start: int
    end: int
    name: str


class People:
    """Who in the document is a person, found lazily: the statement parse skips NER for speed,
    so the NER component runs here only on speaker mentions and on the few sentences that
    a surname or a pronoun needs."""

    NAME_BEFORE = r"((?:[A-Z][\w.'’\-]*\]?[ \u00a0]+){1,3})%s(?!\w)"

    def __init__(self, parsed, nlp=None, gaz: Gazetteer | None = None):
        self.text = parsed.document.text
        self.gaz = gaz or load_gazetteer()
        if nlp is None:
            from .. import nlp as nlp_mod
            nlp = nlp_mod.load()
        self.nlp = nlp
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.sentences = sorted((pb.char(s[0]), pb.char(s[-1]) + len(s[-1].text))
                                for pb, s in parsed.sentences())
        self._starts = [s for s, _ in self.sentences]
        self._cache: dict[tuple[int, int], list[PersonMention]] = {}
        self._memo: dict = {}
        self._tokens: dict | None = None
        self.parsed = parsed
        from ..statements.quotes import find_quotes
        self.quotes = find_quotes(self.text, parsed.document.blocks)

    def prefetch(self, spans: list[tuple[int, int]]) -> None:
        """Tag many stretches in one batch (the speaker mentions of a document)."""
        todo = [sp for sp in dict.fromkeys(spans) if sp not in self._cache]
        if self.ner is None or not todo:
            return
        docs = (self.nlp.make_doc(self.text[s:e]) for s, e in todo)
        for (s, e), doc in zip(todo, self.ner.pipe(docs, batch_size=64)):
            self._cache[(s, e)] = self._persons(doc, s)

    def _persons(self, doc, offset: int) -> list[PersonMention]:
        from .places import is_place

        out = []
        for ent in doc.ents:
            name = clean_mention(ent.text)
            if ent.label_ == "PERSON" and name and name[0].isupper() and not self.gaz._alias_map.get(name) \
                    and not is_place(name):  # the small model tags some countries as people
                out.append(PersonMention(offset + ent.start_char, offset + ent.end_char, name))
        return out

    def persons_in(self, start: int, end: int) -> list[PersonMention]:
        if (start, end) not in self._cache:
            self.prefetch([(start, end)])
        return self._cache.get((start, end), [])

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return max(0, pos - 150), min(len(self.text), pos + 80)

    def _variants(self, surname: str) -> list[tuple[int, str]]:
        """(position, full name) for every multi-word person name ending in ``surname``."""
        key = ("variants", surname)
        if key not in self._memo:
            found: dict[int, str] = {}
            for m in re.finditer(self.NAME_BEFORE % re.escape(surname), self.text):
                for p in self.persons_in(*self.sentence_at(m.end() - 1)):
                    words = [w for w in p.name.split() if w.rstrip(".") not in TITLE_NOUNS]
                    if len(words) > 1 and words[-1] == surname:
                        found[p.start] = " ".join(words)
            self._memo[key] = sorted(found.items())
        return self._memo[key]

    def full_name(self, surname: str, before: int | None = None) -> str | None:
        """The person a bare surname stands for: the full name last introduced before it, else
        the most frequent one. Middle initials do not make a different person; two different
        first names with no earlier mention leave it unresolved."""
        variants = self._variants(surname)
        if not variants:
            return None
        canon = {name: _drop_initials(name) for _, name in variants}
        if before is not None:  # a namesake introduced just before ("his wife, Jane Cruz, said")
            here = bisect_right(self._starts, before) - 1
            near = [name for pos, name in variants
                    if pos < before and here - (bisect_right(self._starts, pos) - 1) <= 1]
            if near:
                return _fullest(near[-1], variants, canon)
        # otherwise a bare surname is the article's main bearer of it: the most mentioned,
        # then the first introduced
        counts = Counter(canon[name] for _, name in variants)
        honour = re.findall(r"\b(Mr|Mrs|Ms|Miss)\.?\s+%s\b" % re.escape(surname), self.text)
        if honour:  # "Mr. Smith" throughout: the bare surname is a man's, not his wife's
            want = "m" if Counter(h == "Mr" for h in honour).most_common(1)[0][0] else "f"
            fitting = {c for c in counts if first_name_gender(c.split()[0]) in (want, None)}
            counts = Counter({c: n for c, n in counts.items() if c in fitting})
        if not counts:
            return None
        first_seen = {}
        for pos, name in variants:
            first_seen.setdefault(canon[name], pos)
        best = min(counts, key=lambda c: (-counts[c], first_seen[c]))
        return _fullest(next(n for _, n in variants if canon[n] == best), variants, canon)

    def is_subject(self, person: PersonMention) -> bool:
        tok = self._token_at(person.end - 1)
        while tok is not None and tok.dep_ in ("compound", "flat", "appos", "poss") and tok.head is not tok:
            tok = tok.head
        return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")

    def _token_at(self, pos: int):
        if self._tokens is None:
            self._tokens = {}
            for pb in self.parsed.blocks:
                for t in pb.doc:
                    for k in range(pb.char(t), pb.char(t) + len(t.text)):
                        self._tokens[k] = t
        return self._tokens.get(pos)

    def candidates(self, pos: int, window: int = 2, accept=lambda p: True,
                   known: frozenset[str] = frozenset()) -> list[tuple[int, PersonMention]]:
        """Persons named outside quotation marks in the ``window`` sentences before ``pos``,
        each with its distance in sentences."""
        i = bisect_right(self._starts, pos)
        out = []
        for dist, (s, e) in enumerate(reversed(self.sentences[max(0, i - window - 1):i])):
            named = re.search(r"[A-Z][a-z]+\s+[A-Z]|\b(Mr|Mrs|Ms)\.", self.text[s:e])
            people = list(self.persons_in(s, e)) if named else []  # NER only where a name may be
            opening = re.match(r"\W{0,3}([A-Z][\w’'\-]+)\b", self.text[s:e])
            if opening and opening.group(1) in known and not any(p.start <= s + opening.start(1) < p.end for p in people):
                # "Smith never missed ..." in a paragraph that was not parsed
                people.append(PersonMention(s + opening.start(1), s + opening.end(1), opening.group(1)))
            # a bare surname the tagger missed, standing as a subject ("Smith never missed ...")
            for t in self._sentence_tokens(s, e):
                if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.text[:1].isupper() \
                        and (t.text in known or self._variants(t.text)) \
                        and not any(p.start <= self._char(t) < p.end for p in people):
                    people.append(PersonMention(self._char(t), self._char(t) + len(t.text), t.text))
            for p in people:
                if p.end > pos or not accept(p) or any(q.open < p.start < q.close for q in self.quotes):
                    continue
                if dist == 0 and not self.is_subject(p):
                    continue  # "Campaigning against X, he said": an object in the same sentence
                out.append((dist, p))
        return out

    def _sentence_tokens(self, start: int, end: int):
        for pb in self.parsed.blocks:
            if pb.offset <= start < pb.offset + len(pb.doc.text):
                return [t for t in pb.doc if start <= pb.char(t) < end]
        return []

    def _char(self, tok) -> int:
        for pb in self.parsed.blocks:
            if pb.doc is tok.doc:
                return pb.char(tok)
        return -1


def _drop_initials(name: str) -> str:
    return " ".join(w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w))


def _fullest(name: str, variants, canon) -> str:
    """The plainest complete form of a name ('Loretta Lynch' for 'Loretta E. Lynch')."""
    same = [n for _, n in variants if canon[n] == canon[name]]
    return Counter(same).most_common(1)[0][0] if same else name


_GENDER = None


def first_name_gender(first: str) -> str | None:
    """'m' or 'f' from a first-name dictionary (gender-guesser, offline); None if unsure."""
    global _GENDER
    if _GENDER is None:
        try:
            import gender_guesser.detector as detector
            _GENDER = detector.Detector(case_sensitive=False)
        except ImportError:  # optional: without it only honorifics decide
            _GENDER = False
    if not _GENDER:
        return None
    g = _GENDER.get_gender(first)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


def title_near(text: str, name: str, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """A title before a name ('Assistant Secretary of Defense X') or an apposition after it
    (', head of Y,'), wherever the name stands in the document."""
    surname = name.split()[-1]
    text = text.replace("[", "").replace("]", "")
    for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(name), text):
        before = text[max(0, m.start() - 90):m.start()].replace("[", "").replace("]", " ")
        pre = re.search(r"((?:%s\s+){1,10})$" % TITLE_WORD, before)
        title = None
        if pre:
            words = pre.group(1).split()
            while words and (words[0].lower() in ("of", "for", "the", "and", "on", "to")
                             or words[0].endswith(",")):
                words = words[1:]
            cand = " ".join(words)
            if cand and gaz.rank(cand) > 1 or gaz.organization_in(cand):
                title = cand
        after = re.match(r",\s+((?:%s)\b[^,.;:]{0,80})[,.;]" % "|".join(APPOSITION_HEADS),
                         text[m.end():m.end() + 120])
        appos = after.group(1).strip() if after else None
        if title or appos:
            return title, appos
    # a title directly before the surname ("Gen. X", "Secretary X")
    m = re.search(r"((?:[A-Z][\w.]*\s+){1,4})%s(?!\w)" % re.escape(surname), text)
    if m and gaz.rank(m.group(1)) > 1:
        return m.group(1).strip(), None
    return None, None


@dataclass
class Resolution:
    speaker: Speaker | None
    actor: Actor | None


class DocumentResolver:
    """Resolves the speaker mentions of one document, in order (pronouns look back)."""

    def __init__(self, parsed, gaz: Gazetteer | None = None, nlp=None, mentions: list[Span] = ()):
        self.parsed = parsed
        self.text = parsed.document.text
        self.doc_id = parsed.document.id
        self.gaz = gaz or load_gazetteer()
        self.people = People(parsed, nlp, self.gaz)
        self.people.prefetch([(m.start, m.end) for m in mentions if m is not None])
        self.history: list[tuple[int, Speaker, Actor]] = []
        self.dialogue: list[tuple[int, Speaker, Actor]] = []  # speakers of direct quotes
        self._described: dict[str, str] | None = None

    # -- helpers
    def _org_speaker(self, mention: Span, org_id: str, how: str) -> Resolution:
        org = self.gaz.organizations[org_id]
        actor = Actor(f"o:{org_id}", org.name, "organization")
        return Resolution(Speaker(mention, actor.id, org.name, None, org_id,
                                  self.gaz.path(org_id), how), actor)

    def _registered(self, mention: Span, person: "RegisteredPerson", how: str) -> Resolution:
        role = person.role_on(None)
        org_id = role.organization_id if role else None
        actor = Actor(f"p:{slug(person.name)}", person.name, "person", person.roles)
        return Resolution(Speaker(mention, actor.id, person.name, role.title if role else None, org_id,
                                  self.gaz.path(org_id), how), actor)

    def _person(self, mention: Span, name: str, how: str) -> Resolution:
        registered = self.gaz.people.get(name.lower())
        if registered is None and len(name.split()) == 1:  # a surname of exactly one declared person
            bearers = {p.name: p for p in self.gaz.people.values() if p.name.split()[-1].lower() == name.lower()}
            registered = next(iter(bearers.values())) if len(bearers) == 1 else None
        if registered is not None:
            return self._registered(mention, registered, how)
        title, appos = title_near(self.text, name, self.gaz)
        mention_title = clean_mention(mention.text).replace(name, "").strip(" ,")
        description = " ".join(x for x in (title, appos, mention_title) if x)
        org_id = self.gaz.organization_in(description) if description else None
        role_title = title or appos or (mention_title if mention_title and self.gaz.rank(mention_title) > 1 else None)
        if appos and title and self.gaz.organization_in(appos):
            role_title = f"{title}, {appos}"
        roles = (Role(role_title, org_id),) if role_title or org_id else ()
        actor = Actor(f"p:{slug(name)}", name, "person", roles)
        return Resolution(Speaker(mention, actor.id, name, role_title, org_id,
                                  self.gaz.path(org_id), how), actor)

    def _gender(self, name: str) -> str | None:
        """'m' or 'f': an honorific the document gives the person ('Mr. Park'), else the first
        name; None when neither tells."""
        key = ("gender", name)
        if key not in self.people._memo:
            surname = re.escape(name.split()[-1])
            m = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w.]*\s+){0,2}%s\b" % surname, self.text)
            if m:
                g = "m" if m.group(1) == "Mr" else "f"
            else:
                full = name if len(name.split()) > 1 else (self.people.full_name(name.split()[-1]) or name)
                g = first_name_gender(full.split()[0]) if len(full.split()) > 1 else None
            self.people._memo[key] = g
        return self.people._memo[key]

    def _antecedent(self, pos: int, kind: str, pronoun: str = "") -> tuple[Speaker | None, Actor] | None:
        """A pronoun's referent: among earlier speakers and persons named outside quotation
        marks in this and the two sentences before, the nearest sentence wins, then a subject
        over an object, then the later mention; a clash of gender rules a candidate out."""
        want = {"person": ("person", "anonymous"), "plural": ("group", "organization", "anonymous")}
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)

        def agrees(name: str) -> bool:
            g = self._gender(name) if gender else None
            return g is None or g == gender

        starts = self.people._starts
        here = bisect_right(starts, pos) - 1

        def distance(p: int) -> int:
            return max(0, here - (bisect_right(starts, p) - 1))

        ranked: list[tuple[tuple, Speaker | None, Actor]] = []
        for start, sp, actor in reversed(self.history):
            if start < pos and actor.kind in want.get(kind, ()) and agrees(actor.name):
                ranked.append(((distance(start), 0, -start), sp, actor))
                break
        if kind == "person":
            known = frozenset(a.name.split()[-1] for _, _, a in self.history if a.kind == "person")
            for dist, p in self.people.candidates(pos, window=2, accept=lambda p: agrees(p.name), known=known):
                name = p.name if len(p.name.split()) > 1 else (self.people.full_name(p.name, p.start) or p.name)
                subj = 0 if self.people.is_subject(p) else 1
                ranked.append(((dist, subj, -p.start), None, Actor(f"p:{slug(name)}", name)))
        if not ranked:
            return None
        _, sp, actor = min(ranked, key=lambda r: r[0])
        return sp, actor

    def _alternation(self, pos: int, cue: str | None) -> tuple[Speaker, Actor] | None:
        """In a quoted exchange between two people ('"...?" asked A. "..." replied B.'), an
        unnamed next turn is A's again, unless the cue says the last speaker went on."""
        if cue and re.search(r"\b(add|continu|went on|go on|goes on)", cue, re.I):
            return None
        turns = [h for h in self.dialogue if h[0] < pos][-2:]
        if len(turns) < 2 or pos - turns[0][0] > 400:
            return None
        (_, sp_a, a), (_, _, b) = turns
        if a.id == b.id or a.kind != "person" or b.kind != "person":
            return None
        return sp_a, a

    # -- main entry
    def resolve(self, mention: Span | None, kind: str | None = None, cue: str | None = None) -> Resolution:
        """Resolve one speaker mention; ``kind`` and ``cue`` of its statement let a pronoun
        follow the turns of a quoted dialogue."""
        if mention is None:
            return Resolution(None, None)
        res = None
        if kind == "direct" and clean_mention(mention.text).lower() in ("he", "she"):
            turn = self._alternation(mention.start, cue)
            if turn is not None:
                sp, actor = turn
                res = Resolution(Speaker(mention, sp.actor_id, sp.name, sp.role, sp.organization_id,
                                         sp.organization_path, "pronoun-dialogue"), actor)
        res = res or self._resolve(mention)
        if res.actor is not None and res.speaker is not None:
            self.history.append((mention.start, res.speaker, res.actor))
            if kind == "direct":
                self.dialogue.append((mention.start, res.speaker, res.actor))
        return res

    def _descriptions(self) -> dict[str, str]:
        """Descriptions the article ties to a named person: 'Jane Roe, the top U.S. diplomat
        for Africa,' or 'the top U.S. diplomat for Africa, Jane Roe,'."""
        if self._described is None:
            self._described = {}
            name = r"((?:[A-Z][\w.'’\-]+\s){0,2}[A-Z][\w'’\-]+)"
            desc = r"(?:the|a|an)\s+([a-z][^,;()]{4,80}?)"
            flat = self.text.replace("[", "").replace("]", "")
            for m in re.finditer(name + r",\s+" + desc + r"[,;]", flat):
                self._described.setdefault(m.group(2).strip().lower(), m.group(1))
            for m in re.finditer(r"\b" + desc + r",\s+" + name + r",", flat):
                self._described.setdefault(m.group(1).strip().lower(), m.group(2))
        return self._described

    def _resolve(self, mention: Span) -> Resolution:
        text = clean_mention(mention.text)
        low = text.lower()
        bare = re.sub(r"^(the|a|an)\s+", "", low)
        registered = self.gaz.people.get(low) or self.gaz.people.get(bare)
        if registered is not None:  # a name or description the user declared ("the top U.S. diplomat")
            return self._registered(mention, registered, "registry")
        tied = self._descriptions().get(bare) if bare != low else None
        if tied and tied.split()[-1][:1].isupper() and tied.lower() not in ("the", "a"):
            full = tied if len(tied.split()) > 1 else (self.people.full_name(tied, mention.start) or tied)
            if not self.gaz._alias_map.get(full):
                return self._person(mention, full, "description")
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            found = self._antecedent(mention.start, kind, low) if kind in ("person", "plural") else None
            if found is None:
                return Resolution(Speaker(mention, None, None, resolved_from="pronoun-unresolved"), None)
            sp, actor = found
            if sp is None:  # antecedent from a PERSON entity, not an earlier speaker
                return self._person(mention, actor.name, "pronoun")
            return Resolution(Speaker(mention, sp.actor_id, sp.name, sp.role, sp.organization_id,
                                      sp.organization_path, "pronoun"), actor)
        # a person named inside the mention
        inside = self.people.persons_in(mention.start, mention.end)
        name = inside[-1].name if inside else None
        words = text.split()
        if name is None and words and words[-1][:1].isupper() and not self.gaz._alias_map.get(text) \
                and not any(w.lower() in ANONYMOUS_HEADS | GROUP_HEADS for w in words) and len(words) <= 6:
            # "Okafor", "Gen. Bell", "Secretary Smith": titles then a capitalised name
            lead = [w for w in words[:-1] if w.rstrip(".") not in TITLE_NOUNS]
            if not lead:
                name = words[-1]
        if name is not None:
            if len(name.split()) == 1:
                full = self.people.full_name(name, mention.start)
                if full:
                    return self._person(mention, full, "surname")
                return self._person(mention, name, "surname-unresolved")
            return self._person(mention, name, "name")
        head = words[-1].lower() if words else ""
        orgs = self.gaz.find(text)
        head_word = re.sub(r"[^a-z]", "", (low.split(" involved")[0].split(" who ")[0].split()[-1:] or [""])[0])
        if any(w in ANONYMOUS_HEADS for w in re.findall(r"[a-z]+", low)) and not (
                head_word in GROUP_HEADS and not re.match(r"^(an?|one|another|the)\b", low)):
            org_id = self.gaz.organization_in(text)
            desc = text
            actor = Actor(f"anon:{self.doc_id[:8]}:{slug(desc)}", desc, "anonymous",
                          (Role(desc, org_id),) if org_id else ())
            return Resolution(Speaker(mention, actor.id, desc, desc, org_id, self.gaz.path(org_id),
                                      "anonymous"), actor)
        if orgs and orgs[-1][1] == len(text):
            # the mention *is* a body ("the State Department"); "The Washington Post" is not
            # Washington, because the alias does not end the phrase. A bare word that is also a
            # person's surname in this article ("Jordan said", Rep. Jim Jordan) is the person.
            if len(words) == 1 and words[0][:1].isupper():
                full = self.people.full_name(words[0], mention.start)
                if full:
                    return self._person(mention, full, "surname")
            return self._org_speaker(mention, orgs[-1][2], "organization")
        if re.search(r"\badministration\b", low):
            org_id = self.gaz.organization_in(text) or next(
                (o for o in self.gaz.organizations if self.gaz.organizations[o].kind == "executive"
                 and "the administration" in self.gaz.organizations[o].aliases), None)
            return self._org_speaker(mention, org_id, "organization") if org_id else \
                Resolution(Speaker(mention, None, text, resolved_from="group"), None)
        if head in GROUP_HEADS:
            org_id = self.gaz.organization_in(text)
            actor = Actor(f"g:{slug(text)}", text, "group", (Role(text, org_id),) if org_id else ())
            return Resolution(Speaker(mention, actor.id, text, None, org_id, self.gaz.path(org_id),
                                      "group"), actor)
        # an outlet or other named body the gazetteer does not know
        if text[:1].isupper() or text.lower().startswith("the "):
            actor = Actor(f"o:{slug(text.removeprefix('The ').removeprefix('the '))}", text, "organization")
            return Resolution(Speaker(mention, actor.id, text, None, None, (), "organization"), actor)
        return Resolution(Speaker(mention, None, None, resolved_from="unresolved"), None)


def merge_actor(existing: Actor | None, new: Actor) -> Actor:
    """Union of roles; the longer name wins (a full name over a surname)."""
    if existing is None:
        return new
    roles = list(existing.roles)
    for r in new.roles:
        if not any(r.title == o.title and r.organization_id == o.organization_id for o in roles):
            roles.append(r)
    name = existing.name if len(existing.name) >= len(new.name) else new.name
    return Actor(existing.id, name, existing.kind, tuple(roles))


__all__ = ["DocumentResolver", "People", "RegisteredPerson", "Gazetteer", "load_gazetteer", "merge_actor", "slug", "clean_mention"]
