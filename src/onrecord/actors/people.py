"""Who in a document is a person: lazy NER on the few stretches that need it, surname chains,
pronoun candidates, and first-name gender."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from ..parse import NAME_PARTICLES, caps, document_blocks, find_word, search_before_word
from ..statements.quotes import find_quotes, overlapping
from .gazetteer import TITLE_NOUNS, Gazetteer, clean_mention, load_gazetteer

HONORIFIC_RIGHT_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
# the given name after a surname that comes first ("Lou Jiwei", "Ban Ki-moon")
SURNAME_FIRST_TAIL = re.compile(r"[ \u00a0]+([A-Z][a-z]+(?:-[a-z]+)?)\b(?![ \u00a0]+[A-Z])")
NOT_GIVEN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
             "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
NAME_REACH = 120  # characters before a surname that the words of its name may take


@dataclass
class PersonMention:
    start: int
    end: int
    name: str


# Roles a news article refers back to with "the": "the president said", "the senator added".
ROLE_WORDS = {"president", "senator", "governor", "secretary", "minister", "ambassador", "general",
              "admiral", "mayor", "chancellor", "premier", "judge", "congressman", "congresswoman"}


OPENING_WORD = re.compile(caps(r"\W{0,3}([A-Z][\w’'\-]+)\b"))  # a sentence's first capitalised word
HONORIFIC_SEX = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
NAMESAKE_PARAGRAPHS = 2  # how far back a newly named namesake holds a bare surname


# Honorifics of the Gulf and beyond, no part of the name ("Sheikh Mohammed" is Mohammed)
HONORIFICS = {"Sheikh", "Sheikha", "Emir", "Sayyid", "Ayatollah", "Mullah", "Sultan"}
# a name's particles, written either way ("al-Saud", "Al Thani", "bin", "van")
PARTICLE = "|".join(sorted(NAME_PARTICLES | {p.capitalize() for p in NAME_PARTICLES}))
# a family name the tagger cuts off as a person of its own ("Mohammed bin Abdulrahman" + "Al Thani")
FAMILY_PARTICLE = re.compile(caps(r"(?:%s)[\s-][A-Z]" % PARTICLE))

NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


TITLE_LEADS = {"special", "deputy", "acting", "chief", "senior", "vice", "assistant", "under", "interim", "first",
               "foreign", "defense", "defence", "prime", "state", "junior", "shadow"}


def _title_case(sentence: str) -> bool:
    """A headline's Title Case: most of its words capitalised."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", sentence)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _carried_tail(tail: list[str], headline: bool) -> bool:
    """May a full name go on past the name used alone, by these words? "Luiz Inácio Lula da
    Silva" for "Lula", "Andrés Manuel López Obrador" for "López", "Joseph R. Biden Jr." for
    "Biden"; not "Tom Hale Defends" in a Title Case headline."""
    def fits(w: str) -> bool:
        return w.lower() in NAME_PARTICLES or w.rstrip(".").lower() in NAME_SUFFIXES or (w[:1].isupper() and not headline)
    last = tail[-1] if tail else ""
    return 0 < len(tail) <= 2 and all(map(fits, tail)) and (last[:1].isupper() or last.rstrip(".").lower() in NAME_SUFFIXES)


# the rest of a name the tagger cut at a particle: " der Leyen" after "Ursula von"
PARTICLE_TAIL = re.compile(r"((?:[ \u00a0]+(?:%s))*)[ \u00a0]+(?=[A-Z])[\w'’\-]+" % "|".join(sorted(NAME_PARTICLES)))
SENTENCE_CHARS = 600  # longer sentences (a run-on page, a table) are not tagged whole for a mention


def _joined(ents):
    """Each entity with the PERSON entity that continues its name right after a space, if any."""
    out, skip = [], False
    for i, ent in enumerate(ents):
        if skip:
            skip = False
            continue
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and ent.label_ == nxt.label_ == "PERSON" and nxt.start_char - ent.end_char == 1 \
                and FAMILY_PARTICLE.match(nxt.text):
            out.append((ent, nxt))
            skip = True
        else:
            out.append((ent, None))
    return out


class People:
    """Who in the document is a person, found lazily: the statement parse skips NER for speed,
    so the NER component runs here only on speaker mentions and on the few sentences that
    a surname or a pronoun needs."""

    # up to three capitalised words before the surname; a word with a stop is an abbreviation
    # ("Sen.", "J."), never a sentence's last word ("... Mitt Romney. Romney went")
    NAME_BEFORE = (caps(r"((?:(?:[A-Z](?:\w{0,3}\.|[\w'’\-]*)\]?|\b(?:%s))[ \u00a0]+){1,3})")  # "Bill de Blasio" too
                   % "|".join(sorted(NAME_PARTICLES))) + r"%s(?!\w)"

    def __init__(self, parsed, nlp=None, gaz: Gazetteer | None = None):
        self.text = parsed.document.text
        self.gaz = gaz or load_gazetteer()
        if nlp is None:
            from .. import nlp as nlp_mod
            nlp = nlp_mod.load()
        self.nlp = nlp
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        spans = sorted(((pb.char(s[0]), pb.char(s[-1]) + len(s[-1].text)), (pb, s))
                       for pb, s in parsed.sentences())
        self.sentences = [sp for sp, _ in spans]
        self._parsed_sentence = dict(spans)  # (start, end) -> (block, spaCy sentence)
        self._starts = [s for s, _ in self.sentences]
        self._block_starts = [b.start for b in parsed.document.blocks] or [0]
        self._cache: dict[tuple[int, int], list[PersonMention]] = {}
        self._labels: dict[tuple[int, int], list[tuple[int, int, str]]] = {}  # every entity, by stretch
        self._memo: dict = {}
        self.parsed = parsed
        self.quotes = find_quotes(self.text, parsed.document.blocks)

    def prefetch(self, spans: list[tuple[int, int]]) -> None:
        """Tag many stretches in one batch (the speaker mentions of a document)."""
        todo = [sp for sp in dict.fromkeys(spans) if sp not in self._cache]
        if self.ner is None or not todo:
            return
        docs = (self.nlp.make_doc(self.text[s:e]) for s, e in todo)
        for (s, e), doc in zip(todo, self.ner.pipe(docs, batch_size=64)):
            self._cache[(s, e)] = self._persons(doc, s)
            self._labels[(s, e)] = [(s + ent.start_char, s + ent.end_char, ent.label_) for ent in doc.ents]

    def _persons(self, doc, offset: int) -> list[PersonMention]:
        from .places import is_place

        out = []
        for ent, nxt in _joined(list(doc.ents)):
            name = clean_mention(ent.text if nxt is None else doc.text[ent.start_char:nxt.end_char])
            tail = PARTICLE_TAIL.match(doc.text, ent.end_char) if nxt is None and ent.label_ == "PERSON" else None
            if tail is not None and (tail.group(1) or ent.text.split()[-1] in NAME_PARTICLES):
                # "Ursula von" + "der Leyen", which the small model cuts at the particle
                name = clean_mention(doc.text[ent.start_char:tail.end()])
            honorific = name.split()[0] if len(name.split()) > 1 else ""
            if honorific in HONORIFICS:  # "Sheikh Mohammed bin Abdulrahman Al Thani"
                name = name[len(honorific):].strip()
            if ent.label_ == "PERSON" and name and name[0].isupper() and not self.gaz.names_body(name) \
                    and not is_place(name):  # the small model tags some countries as people
                start = offset + ent.start_char
                words = name.split()
                lead = next((i for i in range(1, len(words) - 1) if words[i][:1].isupper() and is_given_name(words[i])), None)
                if lead is not None and not is_given_name(words[0].rstrip(".")) and all(
                        self.gaz.rank(w) > 1 or DESCRIPTOR.search(w) or w.rstrip(".") in TITLE_NOUNS
                        or w.lower() in TITLE_LEADS for w in words[:lead]):
                    # a title or a word the tagger took in ("Rabbi Rick Jacobs", "Telling Jeb Bush",
                    # "Special Envoy Marcus Delaney")
                    at = self.text.find(words[lead], start, offset + ent.end_char)
                    if at >= 0:
                        start, name = at, " ".join(words[lead:])
                end = offset + (nxt.end_char if nxt is not None else tail.end() if tail is not None and (
                    tail.group(1) or ent.text.split()[-1] in NAME_PARTICLES) else ent.end_char)
                if honorific in HONORIFICS:
                    start = self.text.find(name.split()[0], start, end)
                out.append(PersonMention(start, end, name))
        return out

    def prefetch_mentions(self, spans: list[tuple[int, int]]) -> None:
        """Tag the mentions, then the sentences of those where no person was found."""
        self.prefetch(spans)
        self.prefetch([c for s, e in spans if not self._cache.get((s, e)) and (c := self._context(s, e))])

    def _context(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence a stretch lies in, when one holds it, is of a size to tag, and the
        stretch may hold a name past its first word ("he", "officials" hold none)."""
        if not re.search(r"\S\s+\S*[A-Z]|^[A-Z][\w'’\-]+\s+\w", self.text[start:end]):
            return None
        sentence = self.sentence_at(start)
        if sentence != (start, end) and sentence[0] <= start and end <= sentence[1] \
                and sentence[1] - sentence[0] <= SENTENCE_CHARS and sentence in self._parsed_sentence:
            return sentence
        return None

    def persons_in(self, start: int, end: int) -> list[PersonMention]:
        """The persons NER finds in a stretch. Where it finds none alone, it reads the stretch
        in its sentence: "its spokesman, Dmitri Orlov," alone is an organisation to the small
        model, and a person in its sentence. (Read in their sentences first, speakers changed
        about as often for the worse as for the better on PolNeAR train.)"""
        if (start, end) not in self._cache:
            self.prefetch([(start, end)])
        found = self._cache.get((start, end), [])
        context = self._context(start, end) if not found else None
        if context is None:
            return found
        self.prefetch([context])
        if any(s < start < e or s < end < e for s, e, _ in self._labels.get(context, ())):
            return found  # an entity of the sentence runs over the stretch's edge
        return [p for p in self._cache.get(context, []) if start <= p.start and p.end <= end]

    def persons_before(self, pos: int) -> list[PersonMention]:
        """Every person named before ``pos``, tagged a block at a time: each block is tagged
        once however often this is asked (asked for the whole stretch before ``pos``, every
        epithet of a long page had its whole beginning tagged again, 15 s of a 100 KB page)."""
        if "pieces" not in self._memo:
            self._memo["pieces"] = [(b.start, b.end) for b in document_blocks(self.parsed.document)]
            self._memo["named"] = []  # persons of the blocks tagged so far, in order
            self._memo["tagged"] = 0  # how many blocks
        pieces, named, done = self._memo["pieces"], self._memo["named"], self._memo["tagged"]
        todo = [p for p in pieces[done:] if p[0] < pos]
        self.prefetch(todo)  # in one batch
        for piece in todo:
            named += self._cache.get(piece, [])
        self._memo["tagged"] = done + len(todo)
        return [p for p in named if p.end <= pos]

    def quoted(self, pos: int) -> bool:
        """Is ``pos`` inside a quotation (its marks aside)?"""
        return any(q.open < pos < q.close for q in overlapping(self.quotes, pos, pos + 1))

    def entity_label(self, start: int, end: int, occurrences: int = 3) -> str | None:
        """The entity type NER gives a word the article never writes out as a person's full
        name ('CNN': ORG, 'Cleveland': GPE): the commonest over its sentence and the next few
        that use it, since the small model calls a surname an organisation now and then."""
        word = self.text[start:end]
        others = ((m.start(), m.end()) for m in find_word(word, self.text) if m.start() != start)
        stretches = [(start, end), *islice(others, occurrences - 1)]
        sentences = [self.sentence_at(s) for s, _ in stretches]
        self.prefetch(sentences)
        labels = [next((label for s, e, label in self._labels.get(sentence, ()) if s <= a and b <= e), None)
                  for (a, b), sentence in zip(stretches, sentences)]
        if "PERSON" in labels:  # once a person, a person: the model errs the other way far more often
            return "PERSON"
        counts = Counter(labels)
        best = max(counts.values())
        return labels[0] if counts[labels[0]] == best else counts.most_common(1)[0][0]

    def titled(self, word: str) -> bool:
        """Does the article give ``word`` an honorific or a title ('Mr. Nakatani', 'Sen. Roe')?"""
        key = ("titled", word)
        if key not in self._memo:
            titles = "|".join(sorted(map(re.escape, TITLE_NOUNS | {"Mr", "Mrs", "Ms", "Miss", "Dr"})))
            self._memo[key] = search_before_word(r"\b(?:%s)\.?[ \u00a0]+" % titles, word, self.text) is not None
        return self._memo[key]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return max(0, pos - 150), min(len(self.text), pos + 80)

    def honorifics(self, word: str) -> list[str]:
        """The honorific just before each place ``word`` stands ("Mr. Roe": "Mr")."""
        key = ("honour", word)
        if key not in self._memo:
            self._memo[key] = [h.group(1) for m in find_word(word, self.text)
                               if (h := HONORIFIC_RIGHT_BEFORE.search(self.text, max(0, m.start() - 8), m.start()))]
        return self._memo[key]

    def _surname_first(self, words: list[str]) -> bool:
        """Is a name written surname first ("Lou Jiwei", "Xi Jinping")? So the page says, by an
        honorific before its first word ("Mr. Lou") and none before its last."""
        return bool(self.honorifics(words[0])) and not self.honorifics(words[-1])

    def _variants(self, surname: str) -> list[tuple[int, str]]:
        """(position, full name) for every multi-word person name ending in ``surname``."""
        key = ("variants", surname)
        if key not in self._memo:
            found: dict[int, str] = {}
            # NER reads the first sentence of each distinct way the name is written ("Jane
            # Roe", "Sen. Jane Roe"); its later occurrences are the same person. Tagging every
            # sentence that names the article's main figure was a third of the pipeline's time.
            firsts = self._written(surname)
            self.prefetch([sentence for _, sentence in firsts])  # one NER batch
            for ms, sentence in firsts:
                headline = _title_case(self.text[sentence[0]:sentence[1]])
                for p in self.persons_in(*sentence):
                    words = [w for w in p.name.split() if w.rstrip(".") not in TITLE_NOUNS]
                    if len(words) > 1 and (words[-1] == surname or surname in words[1:] and _carried_tail(
                            words[words.index(surname) + 1:], headline)
                            or words[0] == surname and len(words) <= 3 and self._surname_first(words)):
                        found[p.start] = " ".join(words)
                        if ms[0].start() <= p.start < ms[0].end():
                            for m in ms[1:]:
                                found[m.start() + p.start - ms[0].start()] = " ".join(words)
            for m in self._before_surname(caps(r"\b([A-Z][a-z]+)[ \u00a0]+%s(?!\w)") % re.escape(surname), surname):
                # the small model calls some names organisations ("NBC's Lester Holt") or
                # events: a known first name before the surname is a person all the same
                if not any(pos <= m.start() < pos + len(name) + 1 for pos, name in found.items()) \
                        and is_given_name(m.group(1)):
                    found[m.start()] = f"{m.group(1)} {surname}"
            last = any(name.split()[-1] == surname for name in found.values())  # "Donald Trump": not "Trump Tower"
            for occurrence in find_word(surname, self.text) if not last else ():  # "Lou Jiwei" of a page that says "Mr. Lou"
                m = SURNAME_FIRST_TAIL.match(self.text, occurrence.end())
                if m and m.group(1) not in NOT_GIVEN and self._surname_first([surname, m.group(1)]) \
                        and not any(pos <= occurrence.start() < pos + len(name) + 1 for pos, name in found.items()) \
                        and any(p.start == occurrence.start() and p.name == f"{surname} {m.group(1)}"
                                for p in self.persons_in(*self.sentence_at(occurrence.start()))):
                    found[occurrence.start()] = f"{surname} {m.group(1)}"  # (a person by NER: not "Trump Tower")
            # a quoted name that only adds a word before one the writer gives outside quotation
            # marks is a nickname ("Crooked Jane Roe"), not a fuller name
            outside = {name for pos, name in found.items() if not self.quoted(pos)}
            found = {pos: name for pos, name in found.items()
                     if name in outside or not any(name.endswith(" " + o) for o in outside)}
            self._memo[key] = sorted(found.items())
        return self._memo[key]

    def _before_surname(self, pattern: str, surname: str) -> list[re.Match]:
        """Matches of ``pattern``, which ends in ``surname``, read only just before each place the
        surname stands: scanning a long page once per surname from every position was most of
        the time a 400 KB page took."""
        compiled, found, done = re.compile(pattern), [], 0
        for occurrence in find_word(surname, self.text):
            lead = max(done, self.text.rfind(" ", 0, max(0, occurrence.start() - NAME_REACH)) + 1)
            for m in compiled.finditer(self.text, lead, occurrence.end()):
                if m.end() == occurrence.end():
                    found.append(m)
                    done = m.end()
        return found

    def _written(self, surname: str) -> list[tuple[list, tuple[int, int]]]:
        """Each distinct way a name ending in ``surname`` is written, with its occurrences and
        the sentence of its first one."""
        key = ("written", surname)
        if key not in self._memo:
            written: dict[str, list] = {}
            for m in self._before_surname(self.NAME_BEFORE % re.escape(surname), surname):
                written.setdefault(m.group(0), []).append(m)
            self._memo[key] = [(ms, self.sentence_at(ms[0].end() - 1)) for ms in written.values()]
        return self._memo[key]

    def prefetch_context(self, mentions: list[tuple[int, int]], pronouns: list[int]) -> None:
        """One NER batch for the sentences the resolver will most likely ask about: those that
        may name the persons in the mentions in full, and those before each pronoun. Asked one
        by one they cost twice as much."""
        spans = [sentence for pos in pronouns for sentence in self.window(pos)]
        for s, e in mentions:
            for p in self.persons_in(s, e):
                spans += [sentence for _, sentence in self._written(p.name.split()[-1])]
        self.prefetch(spans)

    NAMED = re.compile(caps(r"[A-Z][a-z]+\s+[A-Z]|\b(Mr|Mrs|Ms)\."))

    def window(self, pos: int, window: int = 2) -> list[tuple[int, int]]:
        """The sentence holding ``pos`` and the ``window`` before it, nearest first, that may
        name someone."""
        i = bisect_right(self._starts, pos)
        return [(s, e) for s, e in reversed(self.sentences[max(0, i - window - 1):i])
                if self.NAMED.search(self.text[s:e])]

    def _block_of(self, pos: int) -> int:
        return bisect_right(self._block_starts, pos) - 1

    def longest_form(self, name: str) -> str:
        """'Guajardo Villarreal' -> 'Ildefonso Guajardo Villarreal' when the article gives the
        longer name once and no other name ends the same way."""
        words = name.split()
        longer = {n for _, n in self._variants(words[-1])
                  if len(n.split()) > len(words) and n.endswith(" " + name)}
        return longer.pop() if len(longer) == 1 else name

    HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \u00a0]+$")

    def honorific_gender(self, pos: int) -> str | None:
        """'m' or 'f' when the name at ``pos`` has an honorific ('Mrs. Roe'), else None."""
        m = self.HONORIFIC_BEFORE.search(self.text, max(0, pos - 6), pos) or re.match(
            r"(Mr|Mrs|Ms|Miss)\.?[ \u00a0]", self.text[pos:pos + 6])
        return None if m is None else HONORIFIC_SEX[m.group(1)]

    def full_name(self, surname: str, before: int | None = None, gender: str | None = None) -> str | None:
        """The person a bare surname stands for: the full name last introduced before it, else
        the most frequent one. Middle initials do not make a different person; two different
        first names with no earlier mention leave it unresolved. ``gender``, from the mention's
        own honorific, rules out namesakes of the other sex ('Mrs. Roe' is not Tom Roe)."""
        variants = self._variants(surname)
        particle = re.match(r"([A-Z][a-z]{1,3})([\-\s]\w)", surname)
        if not variants and particle and particle.group(1).lower() in NAME_PARTICLES:
            # "Al-Saud said", opening a sentence, is the "al-Saud" the article names in full
            variants = self._variants(surname[0].lower() + surname[1:])
        if gender is not None:  # a "mostly female" Lindsey can still be "Mr. Graham"; an Ann cannot
            variants = [(pos, n) for pos, n in variants if first_name_gender(n.split()[0], sure=True) in (gender, None)]
        if not variants:
            return None
        canon = {name: _drop_initials(name) for _, name in variants}
        counts = Counter(canon[name] for _, name in variants)
        honour = self.honorifics(surname)
        if honour and gender is None:  # "Mr. Smith" throughout: the bare surname is a man's, not his wife's
            want = "m" if Counter(h == "Mr" for h in honour).most_common(1)[0][0] else "f"
            fitting = {c for c in counts if first_name_gender(c.split()[0]) in (want, None)}
            counts = Counter({c: n for c, n in counts.items() if c in fitting})
        if before is not None:
            here = bisect_right(self._starts, before) - 1
            block = self._block_of(before)
            # a namesake introduced just before ("his wife, Jane Cruz, said")
            near = [name for pos, name in variants
                    if pos < before and here - (bisect_right(self._starts, pos) - 1) <= 1]
            if near:
                return _fullest(near[-1], variants, canon)
            # the only bearer named in this paragraph or the two before (a live blog's new item)
            recent = {canon[name] for pos, name in variants
                      if pos < before and 0 <= block - self._block_of(pos) <= NAMESAKE_PARAGRAPHS}
            if len(recent) == 1 and recent <= set(counts):
                return _fullest(next(n for _, n in variants if canon[n] in recent), variants, canon)
        # otherwise a bare surname is the article's main bearer of it: the most mentioned,
        # then the first introduced
        if not counts:
            return None
        first_seen = {}
        for pos, name in variants:
            first_seen.setdefault(canon[name], pos)
        best = min(counts, key=lambda c: (-counts[c], first_seen[c]))
        return _fullest(next(n for _, n in variants if canon[n] == best), variants, canon)

    def first_word_owner(self, word: str, gender: str | None = None) -> str | None:
        """The one person the article names in full with ``word`` first: "Wang" for "Wang
        Yi", whose surname comes first, or a first name used alone ("Bernie"). None when no
        one or more than one fits."""
        from spacy.lang.en.stop_words import STOP_WORDS

        key = ("first-word", word, gender)  # once per word, not per mention
        if key in self._memo:
            return self._memo[key]
        def name_word(w: str) -> bool:  # not "Kelly Is", "Reno NFL", or "Says" where "says" is a word
            return len(w) < 2 or (w[1:] != w[1:].upper() and w.lower() not in STOP_WORDS
                                  and next(find_word(w.lower(), self.text), None) is None)

        owners = set()
        head = self.text.split("\n", 1)[0]
        words = head.split()
        title_case = len(words) > 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
        start = len(head) if title_case else 0  # "Obama Says ..." in a Title Case headline is no name
        following = {m.group(1) for m in re.finditer(
            caps(r"(?<![\w\-])%s[ \u00a0]+([A-Z][\w’'\-]+)") % re.escape(word), self.text[start:])}
        # "Mohammed bin Abdulrahman Al Thani": a name run on with particles, found by its last word
        following |= {m.group(0).split()[-1] for m in re.finditer(
            caps(r"(?<![\w\-])%s(?:[ \u00a0]+(?:%s)[ \u00a0]+[A-Z][\w’'\-]+)+"
                 r"(?:[ \u00a0]+[A-Z][\w’'\-]+)?") % (re.escape(word), PARTICLE), self.text[start:])}
        for after in sorted(w for w in following if name_word(w)):  # the cheap test before NER
            for _, name in self._variants(after):
                words = name.split()
                if words[0] == word and (gender is None or first_name_gender(word, sure=True) in (gender, None)) \
                        and all(name_word(w) or w.lower() in NAME_PARTICLES for w in words[1:]):
                    owners.add(_drop_initials(name))
        self._memo[key] = owners.pop() if len(owners) == 1 else None
        return self._memo[key]

    def is_subject(self, person: PersonMention) -> bool:
        tok = self._token_at(person.end - 1)
        while tok is not None and tok.dep_ in ("compound", "flat", "appos", "poss") and tok.head != tok:
            tok = tok.head
        return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")

    def reported_at(self, end: int, clauses=("ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp")) -> bool:
        """Is the mention ending at ``end`` the subject of a clause inside a sentence? ('Roe
        denied that Hale had lied': Hale is, and a pronoun after it more likely means Roe.)"""
        tok = self._token_at(end - 1)
        while tok is not None and tok.dep_ in ("compound", "flat", "appos", "poss") and tok.head != tok:
            tok = tok.head
        return tok is not None and tok.head.dep_ in clauses

    def _token_at(self, pos: int):
        found = self._parsed_sentence.get(self.sentence_at(pos))
        if found is None:
            return None
        pb, sent = found
        span = pb.doc.char_span(pos - pb.offset, pos - pb.offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def candidates(self, pos: int, window: int = 2, accept=lambda p: True,
                   known: frozenset[str] = frozenset()) -> list[tuple[int, PersonMention]]:
        """Persons named outside quotation marks in the ``window`` sentences before ``pos``,
        each with its distance in sentences."""
        i = bisect_right(self._starts, pos)
        out = []
        window_sentences = list(reversed(self.sentences[max(0, i - window - 1):i]))
        self.prefetch(self.window(pos, window))
        for dist, (s, e) in enumerate(window_sentences):
            named = self.NAMED.search(self.text[s:e])
            people = list(self.persons_in(s, e)) if named else []  # NER only where a name may be
            opening = OPENING_WORD.match(self.text[s:e])
            if opening and opening.group(1) in known and not any(p.start <= s + opening.start(1) < p.end for p in people):
                # "Smith never missed ..." in a paragraph that was not parsed
                people.append(PersonMention(s + opening.start(1), s + opening.end(1), opening.group(1)))
            # a bare surname the tagger missed, standing as a subject ("Smith never missed ...")
            for t in self._sentence_tokens(s, e):
                if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.text[:1].isupper() \
                        and (t.text in known or self._variants(t.text)) \
                        and not any(p.start <= self._char(t) < p.end for p in people):
                    people.append(PersonMention(self._char(t), self._char(t) + len(t.text), t.text))
            people += self._role_subjects(s, e)
            for p in people:
                if p.end > pos or not accept(p) or self.quoted(p.start):
                    continue
                if dist == 0 and not self.is_subject(p):
                    continue  # "Campaigning against X, he said": an object in the same sentence
                out.append((dist, p))
        return out

    def unnamed_subjects(self, pos: int, heads: set[str], window: int = 2) -> list[tuple[int, int, int]]:
        """Someone described and not named, standing as the subject of one of the ``window``
        sentences before ``pos`` ("A 29-year-old Berlin woman received probation after ..."),
        with its distance in sentences: (distance, start, end) of the description."""
        i = bisect_right(self._starts, pos)
        out = []
        for dist, (s, e) in enumerate(reversed(self.sentences[max(0, i - window - 1):i])):
            for tok in self._sentence_tokens(s, e):
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in heads or not any(
                        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in tok.children):
                    continue
                verb = tok.head.head if tok.head.dep_ == "conj" else tok.head
                if verb.dep_ != "ROOT":  # "the day after a man claiming allegiance to ISIS gunned down ..."
                    continue
                start, end = self._char(tok.left_edge), self._char(tok) + len(tok.text)
                if end <= pos and not self.quoted(start):
                    out.append((dist, start, end))
        return out

    def unnamed_plurals(self, pos: int, heads: set[str]) -> list[tuple[int, int, int]]:
        """People described in the plural and not named, earlier in the sentence of ``pos``
        ("That frustrates many analysts because they believe ..."): (0 for a subject else 1,
        start, end) of each description."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return []
        found = self._parsed_sentence.get(self.sentences[i])
        if found is None:
            return []
        block, sentence = found
        tokens = list(sentence)
        pronoun = next((t for t in tokens if block.char(t) == pos), None)
        verb = pronoun.head if pronoun is not None else None
        # "With rebels gaining ground, they said, ...", "... until voters vote, they argued": whom
        # a report that comes after its words names there is what was said, not who said it
        reported = set()
        if verb is not None and verb.dep_ == "parataxis":
            reported = set(verb.head.subtree) - set(verb.subtree)
        elif verb is not None:
            reported = {t for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i for t in c.subtree}
        out = []
        for tok in tokens:
            if tok.tag_ != "NNS" or tok.lower_ not in heads or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") \
                    or tok in reported or tok.head.dep_ == "agent":  # ("were recognized by voters": not the ones recognized)
                continue
            start, end = block.char(tok.left_edge), block.char(tok) + len(tok.text)
            if end <= pos and not self.quoted(start):
                out.append((0 if tok.dep_ in ("nsubj", "nsubjpass") else 1, start, end))
        return out

    ROLE_SUBJECT = re.compile(r"(?:^\W{0,3}|[,;]\s+)(?:the|The)\s+(%s)(?:['’]s\b|\s+(?!of\b)(?:[a-z]+ly\s+)?[a-z]+)"
                              % "|".join(sorted(ROLE_WORDS)))  # "The president appeared", "The president's aides"

    def _role_subjects(self, start: int, end: int) -> list[PersonMention]:
        """'The president appeared cowed': a subject naming a role the article gives one person
        as a title ('President Jane Roe'), taken as that person."""
        out = []
        for m in self.ROLE_SUBJECT.finditer(self.text[start:end]):
            holder = self.title_holder(m.group(1))
            if holder:
                out.append(PersonMention(start + m.start(1), start + m.end(1), holder))
        return out

    def title_holder(self, role: str) -> str | None:
        """The person the article titles with ``role`` ('President Jane Roe', 'President Roe')
        and names most; None when none, or when another titled so is named nearly as often."""
        key = ("holder", role.lower())
        if key not in self._memo:
            counts: Counter = Counter()
            # not "Vice President X" or "former President X" for "president"
            # ("Secretary of State Ana Ruiz" holds "the Secretary" too)
            for m in re.finditer(caps(r"(?<![Vv]ice )(?<![Dd]eputy )(?<![Ff]ormer )\b%s\.?\s+(?:of\s+(?:the\s+)?(?:[A-Z][\w\-]+\s+){1,2})?"
                                      r"((?:[A-Z](?:[\w'’\-]+|\.)\s+){0,2}[A-Z][\w'’\-]+)") % role.title(),
                                 self.text):
                words = m.group(1).split()
                name = m.group(1) if len(words) > 1 else (self.full_name(words[-1], m.start()) or words[-1])
                counts[_drop_initials(name).split()[-1]] += 1
            # the article's main bearer of the title: the one it names most often overall
            salience = Counter({sur: sum(1 for _ in find_word(sur, self.text)) for sur in counts})
            top = salience.most_common(2)
            holder = None
            if top and (len(top) == 1 or top[0][1] >= 1.5 * top[1][1]):
                holder = self.full_name(top[0][0]) or top[0][0]
            self._memo[key] = holder
        return self._memo[key]

    def pronoun_subjects(self, pos: int, pronoun: str, window: int = 2) -> list[tuple[int, int]]:
        """(sentence distance, offset) of ``pronoun`` as the main subject of one of the
        ``window`` sentences before the one holding ``pos``, outside quotation marks."""
        i = bisect_right(self._starts, pos) - 1
        out = []
        for dist in range(1, window + 1):
            if i - dist < 0:
                break
            s, e = self.sentences[i - dist]
            toks = self._sentence_tokens(s, e)
            if toks:
                hits = [self._char(t) for t in toks if t.lower_ == pronoun and t.dep_ in ("nsubj", "nsubjpass")
                        and t.head.dep_ == "ROOT"]  # the sentence's own subject, not a clause's
            else:  # not parsed: a sentence opening with the pronoun
                m = re.match(r"\W{0,3}(%s)\b" % pronoun, self.text[s:e], re.I)
                hits = [s + m.start(1)] if m else []
            out += [(dist, h) for h in hits if not self.quoted(h)]
        return out

    def unnamed_persons(self, pos: int, heads: set[str]) -> list[tuple[int, int]]:
        """Spans of unnamed persons ("his British counterpart") as the object of a verb or
        preposition in the sentence holding ``pos`` and the one before it, ahead of ``pos``."""
        i = bisect_right(self._starts, pos) - 1
        out = []
        for s, e in self.sentences[max(0, i - 1):i + 1]:
            for t in self._sentence_tokens(s, e):
                if t.pos_ == "NOUN" and t.lower_ in heads and t.dep_ in ("dobj", "pobj", "dative") \
                        and not any(c.pos_ == "PROPN" and c.dep_ in ("appos", "compound") for c in t.children) \
                        and self._char(t) < pos and not self.quoted(self._char(t)):
                    out.append((self._char(t.left_edge), self._char(t) + len(t.text)))
        return out

    def pronoun_objects(self, pos: int, pronoun: str) -> list[int]:
        """Offsets of ``pronoun`` ("her", "him") as an object in the sentence before the one
        holding ``pos``, outside quotation marks ("he assured her that ...")."""
        i = bisect_right(self._starts, pos) - 1
        if i < 1:
            return []
        s, e = self.sentences[i - 1]
        return [self._char(t) for t in self._sentence_tokens(s, e) if t.lower_ == pronoun and t.tag_ == "PRP"
                and t.dep_ in ("dobj", "dative", "iobj", "pobj") and not self.quoted(self._char(t))]

    def _sentence_tokens(self, start: int, end: int):
        found = self._parsed_sentence.get((start, end))
        return list(found[1]) if found else []

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


def _first_names():
    """gender-guesser's offline first-name dictionary, loaded once; None without the package
    (then only honorifics decide)."""
    global _GENDER
    if _GENDER is None:
        try:
            import gender_guesser.detector as detector
            _GENDER = detector.Detector(case_sensitive=False)
        except ImportError:
            _GENDER = False
    return _GENDER or None


def is_given_name(word: str) -> bool:
    """Whether the first-name dictionary knows ``word`` (any gender, including androgynous)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if word.lower() in STOP_WORDS or word.rstrip(".") in TITLE_NOUNS:  # "The", "Will", "General"
        return False
    names = _first_names()
    return names is not None and any(names.get_gender(w) != "unknown" for w in _spellings(word))


def _spellings(name: str) -> list[str]:
    """The name, and without its accents when it has any ("Élise" is in the dictionary as
    "Elise")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [name] if plain == name else [name, plain]


# A word ending so is a description, not the first of a name the dictionary does not know
# ("Comedian", "Filmmaker", "Alderman", "Telling"; not "Aung" of "Aung San Suu Kyi").
DESCRIPTOR = re.compile(r"(?:er|or|ist|ian|ing|man|woman|aire|ant|ent)$", re.I)


def first_name_gender(first: str, sure: bool = False, american: bool = False) -> str | None:
    """'m' or 'f' from a first-name dictionary (gender-guesser, offline); None if unsure.
    With ``sure``, names it reads as only mostly one sex ('Lindsey', 'Lee') are None too.

    The dictionary's American reading comes first, its worldwide one when it has none:
    worldwide, "Bernie" is mostly female and "Laurence" female (French), which made
    "Mr. Sanders" nobody and "he" never Bernie Sanders. With ``american``, only the American
    reading counts ("Lin" is a woman's name worldwide, and mostly one in the US)."""
    names = _first_names()
    if names is None:
        return None
    sure = {"male": "m", "female": "f"} if sure else {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
    # a name it has no American figures for reads "andy" there ("Ivanka", "Marco")
    for spelling in _spellings(first):
        found = sure.get(names.get_gender(spelling, "usa")) or (None if american else sure.get(names.get_gender(spelling)))
        if found or names.get_gender(spelling) != "unknown":
            return found
    return None
