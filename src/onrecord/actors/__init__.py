"""Actors: speaker mentions resolved to people, anonymous sources, groups and bodies.

Resolution is within a document (pronouns, surnames, titles, appositions) and across
documents by canonical name. Organisations come from a gazetteer kept as data.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..ingest import DATE_LINE
from ..model import Actor, Role, Speaker, Span
from ..parse import NAME_PARTICLES, caps, find_word, search_before_word
from .gazetteer import (ANONYMOUS_HEADS, APPOSITION_HEADS, FORMER, GROUP_HEADS, PRONOUNS, RULERS_IN, TITLE_NOUNS,
                        TITLE_WORD, Gazetteer, RegisteredPerson, clean_mention, load_gazetteer, slug)
from ..statements.authored import author_line
from ..statements.rules import DATELINE, INTERVIEW_TURNS, QUESTION_TURNS
from .people import (HONORIFICS, HONORIFIC_SEX, NAME_SUFFIXES, ROLE_WORDS, People, first_name_gender,
                     is_given_name)

RELATIVE_PRONOUNS = {"who", "which", "that"}
ANOTHER = {"another", "a second", "a third", "another one"}
SINGULAR_HEADS = {h for h in ANONYMOUS_HEADS if not h.endswith("s") or h + "es" in ANONYMOUS_HEADS} - {"people"}
NONRESTRICTIVE = re.compile(r"\s*,\s*(?:who|whom|whose|which|dated)\b.*$", re.S)  # "The note, dated May 2"
PRONOUN_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}
OBJECT_FORM = {"he": "him", "she": "her"}
# Heads of a description that is one unnamed person ("a federal judge", "one Iowa Democrat")
UNNAMED_PERSON_HEADS = {
    "man", "woman", "judge", "reporter", "friend", "user", "executive", "republican", "democrat", "independent",
    "voter", "resident", "neighbor", "neighbour", "worker", "supporter", "student", "teacher", "lawyer",
    "attorney", "doctor", "nurse", "soldier", "veteran", "mother", "father", "son", "daughter", "wife", "husband",
    "pastor", "priest", "rabbi", "imam", "farmer", "owner", "employee", "manager", "director", "consultant",
    "strategist", "pollster", "donor", "delegate", "activist", "protester", "witness", "attendee", "participant",
    "volunteer", "organizer", "narrator", "commentator", "columnist", "writer", "author", "journalist", "editor",
    "blogger", "professor", "scholar", "researcher", "economist", "historian", "scientist", "businessman",
    "businesswoman", "investor", "banker", "candidate", "politician", "legislator", "caller", "viewer",
    "listener", "reader", "fan", "customer", "patient", "victim", "survivor", "guard", "agent", "detective",
    "prosecutor", "relative", "colleague", "classmate", "acquaintance", "bystander", "onlooker", "immigrant",
    "refugee", "parent", "grandmother", "grandfather", "teenager", "girl", "boy", "chef", "driver", "pilot",
    # office-holders the page does not name ("One backbencher said", "a Tory peer", "a minister")
    "backbencher", "mp", "peer", "minister", "senator", "congressman", "congresswoman", "mayor", "governor",
    "councillor", "councilor", "commander", "general", "colonel", "admiral", "ambassador", "judge"}
# whom one meets or tells things, unnamed ("met his British counterpart", "a partner at the firm")
LISTENER_HEADS = UNNAMED_PERSON_HEADS | {"counterpart", "partner", "aide", "official", "host", "guest", "visitor",
                                         "interviewer", "envoy", "adviser", "advisor", "spokesman", "spokeswoman"}
UNNAMED_PERSON = re.compile(r"(?:an?|one|another)\s+(?:[\w.’'\-]+\s+){0,4}?(%s)(?=$|\s+(?:of|from|at|in|on|with|who|whose|that|outside|inside|near|behind|for|by|after|during)\b|,)"
                            % "|".join(sorted(UNNAMED_PERSON_HEADS)))
GENDERED = {"man": "m", "boy": "m", "father": "m", "husband": "m", "son": "m", "brother": "m", "spokesman": "m",
            "businessman": "m", "congressman": "m", "grandfather": "m", "woman": "f", "girl": "f", "mother": "f",
            "wife": "f", "daughter": "f", "sister": "f", "spokeswoman": "f", "businesswoman": "f",
            "congresswoman": "f", "grandmother": "f"}


# "the Florida senator", "the former secretary of state", "the Republican front-runner": a
# definite description of a person, which news uses for someone just named
EPITHET_HEADS = (ROLE_WORDS | {
    "candidate", "nominee", "front-runner", "frontrunner", "billionaire", "mogul", "magnate", "tycoon",
    "actor", "actress", "star", "host", "anchor", "congressman", "congresswoman", "lawmaker", "speaker",
    "secretary", "chairman", "chairwoman", "businessman", "businesswoman", "developer", "comedian",
    "singer", "rapper", "hopeful", "contender", "challenger", "incumbent", "frontman", "leader",
    "envoy", "ambassador", "commander"})
EPITHET = re.compile(r"the\s+(?:[\w.’'\-]+\s+){0,5}?(%s)(?:\s+of\s+(?:state|defense|the\s+treasury|[a-z]+))?"
                     % "|".join(sorted(map(re.escape, EPITHET_HEADS))))
DEFINITE_PERSON = re.compile(r"the\s+(?:[\w.’'\-]+\s+){0,4}?(%s)" % "|".join(sorted(UNNAMED_PERSON_HEADS)))


# "a statement from his office", "a report by the ministry", "a post on Roe's channel": a
# document speaks for whoever issued it
ISSUED_BY = re.compile(r"(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?(?:statement|report|release|letter|memo|memorandum|"
                       r"document|filing|transcript|post|tweet|message|communiqu[eé]|readout|read-out|summary)\s+"
                       r"(?:(?:issued|released|posted|sent|signed)\s+)?(?:from|by)\s+", re.I)
UNNAMED_DOCUMENT = re.compile(r"(?:(?:an?|the|one|two|three|several|some|new|internal|confidential|secret|leaked|"
                              r"classified|draft|recent|latest|unpublished)\s+)?(?:[a-z\-]+\s+){0,2}?"
                              r"(report|note|memo|memorandum|document|study|analysis|assessment|cable|letter|"
                              r"filing|email|e-mail|paper|briefing|readout|read-out)s?(?=$|\s*[,—(]|\s+(?:seen|obtained|released|"
                              r"published|issued|filed|sent|leaked|reviewed|reported|dated|covering|relating|"
                              r"unearthed|emerging|circulated|prepared|written|from|by|of|on|in|to|for|about|that|"
                              r"which|through|at|last|this|earlier|now)\b)")
DOCUMENT_ASIDE = re.compile(r",?\s+(?:which|who|whose|that|to be)\b")
# name patterns read once per mention, compiled once
NAME_WORD = re.compile(caps(r"[A-Z][\w\-]*\.?"))
# "ministry spokeswoman", "embassy official": a post in a body the role does not name
INSTITUTION_ROLE = re.compile(r"(?i:the\s+)?(?:[A-Za-z]+\s+(?=[Mm]inistry|[Oo]ffice))?(ministry|Ministry|department|agency|embassy|army|military|navy|police|commission|"
                              r"council|committee|company|campaign|party|bank|court|[Gg]overnment|office)(?:['’]s)?\s+[a-z]")
# a page a body issues: "Statement by the Ministry of Foreign Affairs on ...", "Press release from the Élysée"
ISSUING_TITLE = re.compile(r"(?:Joint\s+)?(?:[Ss]tatement|[Pp]ress [Rr]elease|[Rr]eadout|[Cc]ommuniqu[eé]|[Dd]eclaration)\s+"
                           r"(?:by|from|of)\s+(?:the\s+)?(.+?)(?:\s+(?:on|regarding|about|concerning|following|after|at|to)\s.*)?$")
# a briefing's transcript, titled by its briefer's post and name
BRIEFING_TITLE = re.compile(r"(?P<post>(?:[A-Z][\w\-]*\s+){1,5})(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){1,2})['’]s\s+"
                            r"(?:Regular\s+|Daily\s+)?(?:Press\s+Conference|Press\s+Briefing|News\s+Conference|Briefing)\b")
# an institution named by its bare noun, capitalised: the one a recent speaker's title named in full
BARE_INSTITUTION = re.compile(r"\b(?:Commission|Council|Secretariat|Presidency|Ministry|Department)\b")
SPOKESPERSON = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|press officer)$", re.I)
OWNED_ROLE = re.compile(r"((?i:its|their|his|her))\s+((?:[a-z\-]+\s+){0,2}[a-z\-]+)$")  # "her deputy"
TRAILING_RANK = re.compile(r"(.*?\w)[,\s]+((?:(?:Lt|Brig|Maj|Vice|Rear)\.?\s+)?(?:Col|Gen|Adm|Capt|Sgt|Maj|Lt|Cmdr|Cpl)\.)")
# plural nouns of people, who may be a "they" before anyone of them speaks
PLURAL_PEOPLE = GROUP_HEADS | {h for h in ANONYMOUS_HEADS if h.endswith("s")} | {h + "s" for h in UNNAMED_PERSON_HEADS}
# a noun of a thing, not of people, then the place it is about: "the war in", "policy toward"
THING_OF_PLACE = re.compile(r"\b[a-z]+\s+(?:in|toward|towards|on|about|against|over|with|into|across)\s+(?:the\s+)?$")
MANY = re.compile(r"(?:two|three|four|five|six|several|some|many|a few|a group of|a number of|\d+)\b")
SURNAME_PAIR = re.compile(caps(r"([A-Z][\w'’\-]+)\s+(?:and|&)\s+([A-Z][\w'’\-]+)"))
# "Roe and ", "Roe and Mexican President ": the name before the "and" of a pair
DEMONYM_WORD = r"[A-Z][a-z]+(?:an|ese|ish|ch|i)"  # "Marovian", "Chinese", "French", "Israeli"
JOINED_BEFORE = re.compile(caps(r"([A-Z][\w'’-]+)\s*,?\s+(?:and|or|&)\s+(?:(?:[a-z]+|%s|%s)\.?\s+){0,3}$")
                           % ("|".join(sorted(TITLE_NOUNS | {"Foreign", "Prime", "Vice", "Defense", "Defence", "Finance"})),
                              caps(DEMONYM_WORD)))
CAPITALISED_BEFORE = re.compile(caps(r"(?:[A-Z][\w'’.-]*\s+){0,2}$"))
OWNER_FIRST = re.compile(caps(r"([A-Z][\w\-]+)(['’]s?\s)"))  # "Reyes's office"
OWNER_LAST = re.compile(caps(r"\b(?:for|of) ([A-Z][\w\-]+)$"))  # "a spokesman for Reyes"
DESCRIBED_HEADS = UNNAMED_PERSON_HEADS | EPITHET_HEADS  # words that describe a person, never name one
# "the official", "the same source", "the Israeli official": a definite description that may
# repeat an unnamed source described a little earlier
DEFINITE_ANAPHOR = re.compile(r"the\s+((?:[\w.’'\-]+\s+){0,3}?)(%s)"
                              % "|".join(sorted(ANONYMOUS_HEADS | UNNAMED_PERSON_HEADS)))
# a post a lede gives before the page names its holder: "The U.S. special envoy for Sudan"
LEDE_POST = re.compile(r"(?i:the)\s+(?:[\w.’'\-]+\s+){0,4}?(envoy|ambassador|secretary|minister|general|commander|"
                       r"spokes(?:man|woman|person)|chief|director|adviser|advisor|negotiator|governor|mayor)"
                       r"(?:\s+(?:for|of|to|at|in)\s+[^,;]{2,60})?")
# a title's abbreviations, written out as an epithet writes them ("Sen. Roe", then "the senator")
ABBREVIATED_TITLES = {"sen": ("senator",), "gov": ("governor",), "rep": ("congressman", "congresswoman", "lawmaker"),
                      "senator": ("lawmaker",), "gen": ("general",), "adm": ("admiral",), "sec": ("secretary",),
                      "pres": ("president",), "amb": ("ambassador",), "cmdr": ("commander",)}
LEADERS = {"president", "prime", "chancellor", "premier", "king", "leader", "emir"}  # "the Russian leader"
ANAPHOR_REACH = 2500  # characters: about four paragraphs


def _epithet(low: str) -> bool:
    """Is this lower-cased mention a definite description of a person ('the Florida senator',
    'the man')?"""
    return bool(EPITHET.fullmatch(low) or DEFINITE_PERSON.fullmatch(low))


def _description_gender(desc: str) -> str | None:
    """'m' or 'f' from a word of the description ('a young woman', 'a spokesman for Roe')."""
    return next((GENDERED[w] for w in re.findall(r"[a-z]+", desc.lower()) if w in GENDERED), None)


# A possessive speaking, alone ("his claim that ...") or owning who speaks ("his campaign said")
POSSESSIVE = {"his": ("person", "he"), "her": ("person", "she"), "their": ("plural", "they")}
# "her foreign minister": a post in the government the person leads, held by someone unnamed
GOVERNMENT_POSTS = (r"(?:foreign|defen[cs]e|finance|interior|economy|trade|energy|health|justice|prime) minister|"
                    r"(?:defen[cs]e|foreign|home|state|treasury) secretary|secretary of state|"
                    r"national security adviser|ambassador|envoy")
STAFF_BODIES = {"campaign", "team", "office", "staff"}
OWNED_BODIES = ("government", "army", "military", "party", "ministry", "cabinet")  # "his army said"
FOLLOWERS = ("supporters", "allies", "critics", "opponents", "backers", "followers")  # "her critics say"
# ("his administration" is the government's, below)
OWNED_BY_PRONOUN = re.compile(r"(his|her|their) (campaign|team|office|staff|"
                              r"spokesman|spokeswoman|spokesperson|lawyer|lawyers|attorney|attorneys|aide|aides|"
                              r"adviser|advisers|advisor|advisors|deputy|deputies|press secretary|"
                              r"chief of staff|campaign manager|%s|%s|%s)"
                              % (GOVERNMENT_POSTS, "|".join(OWNED_BODIES), "|".join(FOLLOWERS)))
APPOSITION_LEAD = {"former", "state", "then", "acting", "interim", "deputy", "the", "of", "and"}
# Plural heads that are things said, not people saying them ("other studies", "exit polls").
DOCUMENT_HEADS = {"polls", "surveys", "studies", "statistics", "figures", "data", "numbers", "records",
                  "documents", "reports", "emails", "analyses", "estimates", "projections", "results",
                  "findings", "files", "papers", "memos", "filings", "statements", "tweets"}
# Words that make a capitalised phrase a body, not a person ("Orlando Regional Medical Center").
BODY_WORDS = {"center", "centre", "hospital", "university", "college", "institute", "party", "committee",
              "council", "department", "ministry", "agency", "bank", "group", "company", "corporation",
              "inc", "corp", "foundation", "association", "club", "times", "post", "news", "network",
              "fund", "partners", "capital", "court", "house", "senate", "office", "church", "school"}


DANGLING = re.compile(r"\b(?:and|or|of|for|the|to|on)$|&$", re.I)  # a title does not end so
TITLE_QUALIFIERS = {"former", "first", "top", "then", "next", "last", "third", "us"}  # stop words a title keeps
# Abbreviations a title may hold or follow ("Sen.", "Lt. Gov.", "U.S."): their stop ends no sentence.
TITLE_ABBREVIATIONS = {"sen", "gen", "gov", "rep", "lt", "col", "adm", "dr", "mr", "mrs", "ms", "sgt", "capt",
                       "maj", "cmdr", "amb", "prof", "rev", "hon", "st", "jr", "sr", "pres", "sec", "atty", "supt"}


PARTITIVE = re.compile(r"(?:many|some|most|all|both|each|several|few|a few|none|one|two|three|half|any|either|neither)"
                       r"\s+of\s+(?:them|those)")
# a group of people named by their number or kind: "two EU officials familiar with the talks"
PEOPLE_PHRASE = re.compile(r"\b(?:(?:two|three|four|five|several|some|many|\d+|senior|other)\s+)(?:[A-Za-z.\-]+\s+){0,3}?"
                           r"(?:officials|diplomats|sources|aides|advisers|advisors|negotiators|officers|lawmakers|"
                           r"people|analysts|envoys|ministers)"
                           r"(?:\s+(?:familiar with|close to|involved in|briefed on|with knowledge of|in)\s+[^,.;:\n]{1,60})?")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "both": 2, **{str(n): n for n in range(2, 31)}}
# what may come before the bodies of a joint statement: nothing, or "the foreign ministers of"
JOINT_LEAD = re.compile(r"(?:the\s+)?(?:(?:(?P<post>(?:foreign|defen[cs]e|finance|trade|interior|energy|economy|"
                        r"prime)\s+ministers|leaders|governments|presidents|heads of (?:state|government)|"
                        r"ambassadors|envoys|delegations|representatives|spokespeople)|(?:[a-z]+\s+)?officials)"
                        r"\s+(?:of|from)\s+(?:the\s+)?)?", re.I)
# words that stand for the bodies that last spoke together: "the three governments", "both countries"
JOINT_ANAPHOR = re.compile(r"(?:the\s+)?(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|both|\d+)\s+)?"
                           r"(?:(?:western|european|arab|african|asian|gulf)\s+)?"
                           r"(?:governments|countries|nations|allies|capitals|powers|states|partners|neighbou?rs)")
FLOATING_QUANTIFIER = re.compile(r"(?:\s+(?:both|all|each|alike|himself|herself|themselves|itself))+$", re.I)
KIN = {"husband": "m", "wife": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f",
       "father": "m", "mother": "f", "widow": "f", "widower": "m", "grandson": "m",
       "granddaughter": "f", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f"}


def _own_title(words: list[str], gaz: Gazetteer) -> list[str]:
    """The capitalised words before a name, from where its own title starts: after a full stop
    that ends a sentence ("... North Korea. Sen. X"), and after an "and" that joins another
    person ("Secretary of State Hillary Clinton and Sen. X", "Sen. Ted Cruz and Democrat X"),
    but not an "and" inside a portfolio ("Secretary of Health and Human Services X")."""
    for k in range(len(words), 0, -1):
        prev = words[k - 1].rstrip("’'\"”")
        if prev.endswith(".") and not (re.fullmatch(r"(?:[A-Z]\.)+", prev)
                                       or prev[:-1].lower() in TITLE_ABBREVIATIONS):
            return words[k:]
        if k < len(words) and prev.lower() == "and" and (gaz.rank(" ".join(words[k:])) > 1 or not any(
                w.lower() in ("of", "for") for w in words[:k - 1])) \
                and not (k >= 2 and words[k - 2].lower().strip(",") in PORTFOLIOS and words[k].lower() in PORTFOLIOS):
            return words[k:]  # but "Business and Trade Secretary X" holds one post
    return words


# what a minister's post is named after, as in "Business and Trade Secretary", "Culture, Media
# and Sport Secretary", "Environment and Climate Change Minister"
PORTFOLIOS = {"business", "trade", "industry", "commerce", "health", "social", "care", "human", "culture", "media",
              "sport", "environment", "climate", "energy", "food", "rural", "science", "innovation", "technology",
              "work", "pensions", "housing", "communities", "transport", "infrastructure", "defence", "defense",
              "justice", "education", "skills", "foreign", "commonwealth", "development", "digital", "agriculture",
              "fisheries", "women", "equalities", "home", "security", "finance", "economy", "labour", "labor",
              "employment", "immigration", "citizenship", "natural", "resources", "tourism", "veterans", "interior"}


def _headline_case(text: str, pos: int) -> bool:
    """Is ``pos`` in a line written in title case ("The FBI Just Made An Even Bigger Move Against
    Hillary Clinton"), whose capitals mark no title?"""
    return _title_case_line(text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1])


@lru_cache(maxsize=256)  # a frequent name is looked up in the same lines again and again
def _role_gender(actor: Actor) -> str | None:
    """'f' or 'm' when a person's post says it ("spokeswoman", "chairman"), else None."""
    said = {g for r in actor.roles for g in (_description_gender(r.title or ""),) if g}
    return said.pop() if len(said) == 1 else None


def _title_case_line(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’\-]*", line)
    small = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "as", "vs"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 5 and sum(w[0].isupper() for w in content) >= 0.9 * len(content)


@lru_cache(maxsize=2)
def _unbracketed(text: str) -> str:
    """The page without editorial brackets, made once a page, not once a name."""
    return text.replace("[", "").replace("]", "")


LEADERS_OFFICE = re.compile(r"(?:[Tt]he\s+)?((?:[Pp]residency|[Pp]resident['’]s [Oo]ffice|[Cc]hancellery|"
                            r"[Pp]rime [Mm]inister['’]s [Oo]ffice|[Pp]remier['’]s [Oo]ffice))")
# a surname opening with its particle, capitalised at a sentence's start ("Von der Leyen", "Bin Salman")
PARTICLE_NAME = re.compile(r"(?:%s)(?:\s+(?:%s))*\s+[A-Z][\w'’\-]+" % (
    "|".join(p.capitalize() for p in sorted(NAME_PARTICLES)), "|".join(sorted(NAME_PARTICLES))))
SERVICE_WORDS = {"Navy", "Army", "Marine", "Marines", "Air", "Force", "Coast", "Guard", "Capt", "Col", "Gen", "Lt", "Maj",
                 "Adm", "Sgt", "Cmdr"}  # "Pentagon spokesman Navy Capt.": a rank, not a name
ROLE_THEN_NAME = re.compile(caps(r"(.*\b(?:spokes(?:man|woman|person)|minister|secretary|ambassador|envoy|adviser|"
                                 r"advisor|official|chief|director|commander|governor))\s+"
                                 r"((?:[A-Z][\w'’\-]+\s+){1,2}[A-Z][\w'’\-]+)"))
TITLE_BEFORE_SURNAME = caps(r"((?:[A-Z][\w.]*[ \t]+){1,4})")
TITLE_RUN = re.compile(r"((?:%s\s+){1,10})$" % TITLE_WORD)  # compiled once: re's own cache fills with names
OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w\-]+\s*){1,3})")  # "President X of Marovia"


def title_near(text: str, name: str, gaz: Gazetteer) -> tuple[str | None, str | None, str | None]:
    """A title before a name ('Assistant Secretary of Defense X') or an apposition after it
    (', head of Y,'), wherever the name stands in the document; and, for want of either, the
    first description of the person (', a trade economist at Z,')."""
    surname = name.split()[-1]
    text = _unbracketed(text)
    fallback = None
    for m in find_word(name, text):
        before = text[max(0, m.start() - 90):m.start()].replace("[", "").replace("]", " ")
        before = before[before.rfind("\n") + 1:]  # a title does not run over a paragraph break
        pre = TITLE_RUN.search(before) if not _headline_case(text, m.start()) else None
        title = None
        if pre:
            words = _own_title(pre.group(1).split(), gaz)
            while words and (words[0].lower() in STOP_WORDS - TITLE_QUALIFIERS or words[0].endswith(",")):  # "When", "As"
                words = words[1:]
            while len(name.split()) == 1 and words and (is_given_name(words[-1]) or re.fullmatch(r"[A-Z]\.", words[-1])):
                words = words[:-1]  # "Vice President Joseph R. Biden" named by the surname alone
            cand = " ".join(words)
            if DANGLING.search(cand):  # "CIA and Bob", "Secretary of State": not a title of this name
                cand = ""
            if cand and (gaz.rank(cand) > 1 or gaz.organization_in(cand)):
                title = cand
        # the stops of an initialism ("head of U.S. Africa Command") end no apposition
        after = re.match(r",\s+((?:%s)\b(?:(?:[A-Z]\.){2,}|[^,.;:\n]){0,80})[,.;]" % "|".join(APPOSITION_HEADS),
                         text[m.end():m.end() + 120])
        appos = after.group(1).strip() if after else None
        described = _description(text, m.end()) if appos is None else None
        if title is None:  # "Russia's foreign minister, Sergei Lavrenko": the role before a comma
            lead = ROLE_BEFORE.search(before)
            words = lead.group(1).split() if lead else []
            while words and not (words[0].endswith(("'s", "’s")) or words[0].lower() in ROLE_MODIFIERS
                                 or (words[0][:1].isupper() and words[0].lower() not in STOP_WORDS)):
                words = words[1:]  # "talks with Russia's foreign minister": from "Russia's"
            # "Russia's foreign minister", or the body after the post: "the secretary of the Treasury"
            whose = any(w[:1].isupper() or w.endswith(("'s", "’s")) for w in words[:-1]) or any(
                w.lower() in ROLE_HEADS and re.match(r"(?:of|for|to)\s+(?:the\s+)?[A-Z]", " ".join(words[i + 1:]))
                for i, w in enumerate(words))
            plain = all(w[:1].isupper() or w.endswith(("'s", "’s")) or w.lower() in ROLE_MODIFIERS | {"of"}
                        or w.lower() in ("for", "to") and i > 0 and words[i - 1].lower() in ROLE_HEADS
                        or w.lower() in ROLE_HEADS and i < len(words) - 1 and words[i + 1].lower() in ("of", "for", "to")
                        or w == "and" and 0 < i < len(words) - 1 and {words[i - 1].lower(), words[i + 1].lower()} <= PORTFOLIOS
                        for i, w in enumerate(words[:-1]))  # not "the Democratic nomination for president"
            role = " ".join(words)
            owned = re.search(r"['’]s?\s+(?:\w+\s+){0,2}\w+$", role) is not None  # "The party's leader"
            if role and whose and plain and (gaz.rank(role) > 1 or gaz.organization_in(role) or gaz.find(role) or owned):
                title = role  # "Russia's opposition leader": of Russia, whose government it is not
        if title or appos:
            return title, appos, described
        fallback = fallback or described
    # a title directly before the surname ("Gen. X", "Secretary X")
    m = search_before_word(TITLE_BEFORE_SURNAME, surname, text)  # read only where the surname stands
    if m and gaz.rank(m.group(1)) > 1 and m.group(1).split()[-1].rstrip(".") in TITLE_NOUNS:
        return m.group(1).strip(), None, fallback
    return None, None, fallback


# ", a trade economist at the Halden Institute,": a description after a name, with the stops
# of abbreviations ("a spokesman for Mrs. Roe", "a D.C.-based strategist") inside it
DESCRIPTION = re.compile(r",\s+((?:an?)\s+(?:\b(?:%s|[A-Z])\.|[^,.;:\n()\[\]\"“”]){2,160})(?=[,.;:]|\s+[(\[—–-])"
                         % "|".join(w.capitalize() for w in sorted(TITLE_ABBREVIATIONS)))
# where the clause goes on: "Roe, a chorus of boos rose", "Roe, a new analysis shows"
CLAUSE_VERB = re.compile(r"\b(?:says?|said|shows?|showed|finds?|found|rose|began|came|went|is|are|was|were|has|have|had|"
                         r"will|would|can|could|may|might|must)\b")
DESCRIPTION_END = re.compile(r"\s+(?:who|whom|whose|that|which|where)\b.*$")


def _description(text: str, end: int) -> str | None:
    """A description set after a name by a comma and "a"/"an" ("Jane Roe, a labor economist at
    Ohio State,"): a role for someone whose title the page does not give. A relative clause
    after it is no part of the role; a verb of the main clause means the comma ended the name's
    clause instead ("... for Roe, a chorus of boos rose")."""
    m = DESCRIPTION.match(text, end, end + 200)
    if m is None:
        return None
    desc = DESCRIPTION_END.sub("", " ".join(m.group(1).split()))
    words = desc.split()
    if CLAUSE_VERB.search(desc) or len(words) < 2 or (len(words) == 2 and words[1][:1].isupper()):
        return None  # "a Neptune, N.J., resident": a place cut at its comma
    return desc


# a role and whose it is, set before a name by a comma ("Russia's foreign minister, ", "the
# company's chief executive, ")
LEDE_BLOCKS = 2  # the paragraphs after a headline that name whom it calls by a post alone
ROLE_HEADS = (set(APPOSITION_HEADS) - {"the", "top", "head", "chair", "deputy"}) | {
    "chairwoman", "governor", "mayor", "general", "diplomat", "negotiator"}
ROLE_BEFORE = re.compile(r"((?:[\w’'.\-]+\s+){0,4}?(?i:%s)"
                         # "The U.S. special envoy for Sudan, Ann Roe": the post's body after it
                         r"(?:\s+(?:for|of|to)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})?),\s*$"
                         % "|".join(sorted(ROLE_HEADS)))
ROLE_MODIFIERS = {"the", "former", "deputy", "acting", "interim", "foreign", "prime", "top", "vice", "chief", "special",
                  "defense", "defence", "finance", "economy", "interior", "senior", "state", "attorney", "press",
                  "campaign", "national", "executive", "opposition", "majority", "minority", "party", "parliamentary",
                  "military", "army", "trade", "health", "justice", "energy", "transport", "education", "shadow",
                  "policy"}
# a post alone, or after the country's adjective: "President", "French leader", "the premier"
BARE_POST = re.compile(r"(?:(?i:the)\s+)?(?:(?P<owner>[A-Z][\w\-]+)['’]s\s+)?(?:(?P<adj>[A-Z][\w\-]+)\s+)?(?P<word>%s)" % "|".join(
    sorted(ROLE_WORDS | {"leader", "prime minister", "foreign minister", "envoy", "commander", "spokesman",
                         "spokeswoman"}, key=len, reverse=True)), re.I)
POST_HOLDERS = {"leader": ("president", "prime minister", "premier", "chancellor")}
DEMONYM_SHAPE = re.compile(r"(?!(?:Republic|Democrat|Americ|Christi|Muslim|Libert|Civil)\w*$)" + DEMONYM_WORD)
# Who speaks for someone else ("a lawyer for Mr. Roe", "an aide to Roe"): never that someone.
AGENT_NOUNS = {"representative", "lawyer", "attorney", "counsel", "assistant", "surrogate", "associate",
               "confidant", "ally", "friend", "colleague", "speaker"}  # plurals stay groups ("lawyers for X")
AGENT_OF = re.compile(r"\b(?:%s)\s+(?:for|to|of|with|from)\b" % "|".join(sorted(AGENT_NOUNS | ANONYMOUS_HEADS)))
# "China's representative", "the European Union's special envoy": a body's agent, named by the body
POSSESSED_AGENT = re.compile(r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.\- ]*?)['’]s?\s+(?:(?:permanent|deputy|special|chief|top)\s+)?"
                             r"(?:representative|envoy|delegate|delegation|negotiator)")
AGENTS_OF = re.compile(r"\b(?:%s)s?\s+(?:for|to|of|with|from)\b" % "|".join(sorted(AGENT_NOUNS | ANONYMOUS_HEADS)), re.I)


TRAILING_HONORIFIC = re.compile(r"\s+(?:%s)$" % "|".join(sorted(HONORIFICS)))  # "Prime Minister Sheikh": the post


def _mention_title(mention: str, name: str, gaz: Gazetteer) -> str:
    """What a speaker mention says of the person besides the name: "Texas Sen." of "Texas Sen.
    Ted Cruz", "a Vermont senator" of "Mr. Sanders, a Vermont senator", "Senator" of
    "the two leading Republicans, Trump and Senator Ted Cruz"."""
    at = mention.find(name)
    if at > 0:
        before = _own_title(mention[:at].split(), gaz)
        mention = " ".join(before) + " " + mention[at:]
    rest = mention.replace(name, "").strip(" ,")
    rest = re.sub(r"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?%s\b[\s,]*" % re.escape(name.split()[-1]), "", rest)
    # "Former ambassador Ann Roe, who resigned in May": a relative clause tells an act, not a role
    rest = re.split(r"\s*,?\s*\b(?:who|whose|which)\b", rest)[0].strip(" ,")
    rest = TRAILING_HONORIFIC.sub("", rest)
    if DANGLING.search(rest):  # words cut off
        return ""
    return re.sub(r"(?:\s*,)+", ",", rest)  # "Nevada's governor, , a Republican" without the name


# NER types of a single word that speaks as a body, not a person ('CNN', 'Gallup', 'Cleveland')
BODY_ENTITIES = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}


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
        author = parsed.document.author or ""
        # one person's name ("Sara Whitfield"), not "Jane Roe and Tom Hale" or "Staff; Wire"
        self.author = author if re.fullmatch(r"(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w'’\-]+", author) \
            and not re.search(r"\b(?:And|Staff|Editors?|Reporters?|Correspondents?|Desk|News|Wire)\b", author) else None
        title = parsed.document.title or self.text.lstrip().split("\n", 1)[0]
        briefing = BRIEFING_TITLE.match(title.strip())
        # "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 5, 2025": who briefs, and as what
        self.briefer = (briefing.group("name"), briefing.group("post").strip()) if briefing else None
        issued = ISSUING_TITLE.match(title.strip())
        self.issuer = issued.group(1) if issued else None  # "Statement by the Ministry of Foreign Affairs on ..."
        signed = author_line(parsed)  # an official's op-ed: the post its tagline gives
        self.signed = (signed[0].text if signed[0].text.lower() not in ("the writer", "the author")
                       else parsed.document.author, signed[2]) if signed else None
        self.gaz = gaz or load_gazetteer()
        self.people = People(parsed, nlp, self.gaz)
        self.people.prefetch_mentions([(m.start, m.end) for m in mentions if m is not None])
        self.people.prefetch_context([(m.start, m.end) for m in mentions if m is not None],
                                     [m.start for m in mentions if m is not None
                                      and clean_mention(m.text).lower() in PRONOUNS])
        self.mentions = [m for m in mentions if m is not None]
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
        role = person.role_on(self.parsed.document.published if person.builtin else None)
        org_id = role.organization_id if role else None
        actor = Actor(person_id(person.name), person.name, "person", person.roles)
        return Resolution(Speaker(mention, actor.id, person.name, role.title if role else None, org_id,
                                  self.gaz.path(org_id), how), actor)

    def _registry(self, name: str):
        """The declared person or officeholder a name stands for on this page, or None."""
        person = self.gaz.people.get(name.lower())
        return person if person is not None and person.in_office(self.parsed.document.published) else None

    def _person(self, mention: Span, name: str, how: str) -> Resolution:
        registered = self._registry(name)
        if registered is None and len(name.split()) == 1:  # a surname of exactly one declared person
            day, said_sex = self.parsed.document.published, self.people.honorific_gender(mention.start)
            bearers = {p.name: p for p in self.gaz.people.values()
                       if p.name.split()[-1].lower() == name.lower() and p.in_office(day)
                       and (said_sex is None or first_name_gender(p.name.split()[0]) in (said_sex, None))}
            # ("Mr. Clinton" of 2010 is not the Secretary of State)
            registered = next(iter(bearers.values())) if len(bearers) == 1 else None
        if registered is not None:
            return self._registered(mention, registered, how)
        title, appos, described = self._titles(name)
        title = title and TRAILING_HONORIFIC.sub("", title)
        mention_title = _mention_title(clean_mention(mention.text), name, self.gaz)
        # a description names where someone works, not whom they serve ("an Iranian journalist")
        description = " ".join(x for x in (title, appos, mention_title) if x)
        org_id = self.gaz.organization_in(description) if description else None
        if org_id and not self.gaz.find(description) and any(
                g in description.lower() for g in self.gaz.generic_titles):
            # "In Manila, national security adviser Eduardo Santos said": a post many countries have
            seat = self._paragraph_seat(mention.start) or self._page_country()
            org_id = seat if seat and self.gaz.tree.government(org_id) != seat else org_id
        role_title = title or appos or (mention_title if mention_title and self.gaz.rank(mention_title) > 1 else None)
        if title and (appos or described):  # "Florida Rep., a Democrat", "the DNC's chair"
            role_title = f"{title}, {appos or described}"
        role_title = role_title or described  # "a labor economist at Ohio State"
        lead = clean_mention(mention.text).split(",")[0]  # "her deputy" of "her deputy, Anders Lie"
        owned = (OWNED_ROLE.match(role_title) if role_title else None) or (
            OWNED_ROLE.match(lead) if "," in mention.text else None)  # "Its press secretary, Maj. Gen. Pat Ryder"
        if owned:
            # "Its director general" right after the association spoke: of the association. Whose
            # "his" or "her" is, the last speaker told wrongly too often (5 of 11 on PolNeAR
            # train): the role stays without its owner ("deputy")
            owner, owner_org = self._last_body(mention.start) if owned.group(1).lower() in ("its", "their") else \
                self._spoken_for(mention.start, owned.group(1).lower(), owned.group(2))
            role_title = f"{owned.group(2)}, {owner.name}" if owner is not None else owned.group(2)
            if not self.gaz.find(description):  # "her defence secretary" is hers, not Britain's Defence Secretary
                org_id = None
            org_id = org_id or owner_org
        foreign = re.search(r"\b[A-Z][\w\-]+['’]s?\s", description) is not None  # "Valdoria's foreign minister"
        if org_id is None and not owned and not foreign and role_title and CABINET_POST.search(role_title):
            # "In Tokyo, Chief Cabinet Secretary Haruto Sato said": the government where the
            # paragraph opens; "Natural Resources Minister Paul Girard" on a page about Canada alone: Canada's
            org_id = self._holding(role_title, self._paragraph_seat(mention.start)) \
                or self._holding(role_title, self._page_country()) or self._holding(role_title, self._dateline_seat()) \
                or self._holding(role_title, self._body_in_paragraph(mention.start)) \
                or self._post_country_before(mention.start, role_title)
            leader = HEAD_OF_STATE.fullmatch(role_title)
            if leader is not None and org_id is not None:
                org_id = self._leaders_office(org_id, leader.group(0))
        elif org_id is None and not owned and not foreign and role_title \
                and (leader := HEAD_OF_STATE.fullmatch(role_title) or PRESIDENCY_POST.fullmatch(role_title)) \
                and not FORMER.search(mention.text) and not self._once_former(name):
            # "In Kyiv, President Andriy Melnyk said"; "PARIS (Reuters) - ... President Claire Moreau wrote";
            # "Chancellor Klaus Brandt" on a page about Germany alone. An unqualified "President" on a
            # page about Niger is more often the American one, unless the page never names the US
            # ("Deputy President Paul Mashatile", "presidential spokesman Vincent Magwenya" on a page
            # about South Africa). A vice president, whom the news names far more often for the
            # US, needs the paragraph's or the dateline's seat.
            org_id = self._leaders_office(self._leader_seat(mention.start, leader.group(0)), leader.group(0))
        elif org_id is None and owned and owned.group(1).lower() in ("his", "her") and CABINET_POST.search(role_title):
            org_id = self._leader_before(mention.start)  # "Her finance minister" right after the president spoke
        elif org_id is None and not owned and not foreign and role_title and SPOKESPERSON.search(role_title) \
                and len(role_title.split()) == 1:
            # "Ukraine's foreign ministry dismissed the remarks. '...,' spokesman Heorhiy Tykhyi said":
            # the spokesman of the body that just spoke in the paragraph, or of the one state body
            # it names ("China's foreign ministry reacted sharply. Spokesman Lin Jian told ...")
            org_id = self._paragraph_body(mention.start) or self._state_body_before(mention.start, "") \
                or self._one_body_before(mention.start)
        if org_id is not None and role_title and self.gaz.organizations[org_id].kind == "government":
            org_id = self._ministry_of(org_id, role_title) or org_id  # "France's foreign minister": its ministry
            leader = HEAD_OF_STATE.fullmatch(role_title)
            if leader and not FORMER.search(mention.text) and not self._once_former(name):
                # "Russian President X": the Kremlin's, one body with its spokesman in the findings
                org_id = self.gaz.heads.get((org_id, leader.group(1).lower()), org_id)
        if org_id is None and BLOC_OWNER.search(description):  # "the bloc's foreign policy chief": the EU, if it is the one named
            org_id = self._page_country("igo")
        institution = INSTITUTION_ROLE.match(role_title or "") if not org_id else None
        if institution:  # "ministry spokeswoman Mao Jun" after China's foreign ministry spoke: its spokeswoman
            org_id = self._last_body(mention.start, institution.group(1).lower(), reach=1500)[1]
            seat = self._briefing_seat(mention.start) if org_id is None else None
            if seat is not None:  # "foreign ministry spokesperson Lin Wei told a news briefing in Beijing"
                org_id = self._ministry_of(seat, role_title) or seat
            elif org_id is None and institution.group(1).lower() in ("ministry", "government", "office"):
                # "China warned ... 'We urge ...,' foreign ministry spokesman Lin Wei told a briefing":
                # of the country that just spoke, at its foreign ministry when the gazetteer has it
                country = self.gaz.tree.government(self._last_body(mention.start, reach=1500)[1])
                if country is not None and self.gaz.organizations[country].kind == "government":
                    org_id = self._ministry_of(country, role_title) or country  # after the Kremlin: Russia's
                elif institution.group(1).lower() == "government":
                    # "TOKYO (Wire) - ..., the government's top spokesman said": the seat's government
                    org_id = self._paragraph_seat(mention.start) or self._dateline_seat() or self._page_country()
                else:  # "In Islamabad, foreign office spokeswoman X said": that capital's, at its ministry
                    seat = self._paragraph_seat(mention.start)
                    org_id = seat and (self._ministry_of(seat, role_title) or seat)
        if org_id is None and role_title is None and self.briefer and name == self.briefer[0]:
            # the briefer of a briefing's transcript: the post its title gives, of the one government
            # that opens the sentences of their turns ("China firmly opposes ...")
            role_title = self.briefer[1]
            country = self._turns_country(name)
            org_id = country and (self._ministry_of(country, role_title) or country)
        if org_id is None and role_title is None and self.signed and name == self.signed[0]:
            # the author of an official's signed piece: the post its tagline gives
            role_title = re.sub(r"^(?:the|a|an)\s+", "", self.signed[1])
            org_id = self.gaz.organization_in(role_title)
            org_id = org_id and (self._ministry_of(org_id, role_title) or org_id)
        ranked = TRAILING_RANK.fullmatch(role_title or "")
        if ranked and re.search(r"\b[a-z]{3,}", ranked.group(1)):  # "Pentagon spokesman Col.": "Col., Pentagon spokesman"
            role_title = f"{ranked.group(2)}, {ranked.group(1)}"
        pid = person_id(name)
        seen = self.people._memo.setdefault("person_orgs", {})
        posts = self.people._memo.setdefault("person_posts", {})
        if org_id is None:  # "Australia's climate minister said ...", then "Minister Tom Baird": still Australia's
            self._lede_holders()  # or a lede's post, whoever speaks first
            org_id = seen.get(pid)
            role_title = role_title or (posts.get(pid) if org_id else None)
        elif how == "title" or (mention_title and not FORMER.search(description) and (
                role_title == mention_title and self.gaz.rank(mention_title) > 1
                or owned or clean_mention(mention.text).endswith(name))):
            # only a post the page names them by, or the one written before their name (a description's
            # body is often a past one): "Foreign Ministry spokesman Nasser Rahimi said", then "Rahimi
            # told ...": still the ministry's; "national security adviser Tom Reyes", then "Reyes said"
            seen.setdefault(pid, org_id)
            posts.setdefault(pid, role_title)
        roles = (Role(role_title, org_id),) if role_title or org_id else ()
        actor = Actor(pid, name, "person", roles)
        return Resolution(Speaker(mention, actor.id, name, role_title, org_id,
                                  self.gaz.path(org_id), how), actor)

    def _turns_country(self, name: str) -> str | None:
        """The one government that opens sentences in a speaker's transcript turns, if only one does."""
        key = ("turns_country", name)
        if key not in self.people._memo:
            found: set[str] = set()
            for turn in re.finditer(r"(?m)^%s:(.*)$" % re.escape(name), self.text):
                body = turn.group(1)
                for at, _, oid in self.gaz.find(body):
                    country = self.gaz.tree.government(oid)
                    if country and self.gaz.organizations[country].kind == "government" \
                            and (not body[:at].strip() or re.search(r"[.!?][\"”’']?\s+$", body[:at])):
                        found.add(country)
            self.people._memo[key] = found.pop() if len(found) == 1 else None
        return self.people._memo[key]

    def _issuing_body(self, mention: Span) -> Resolution:
        """The body that issues a statement page, by its title, of the government its place line
        ("Ottawa, March 4, 2025") or its one country names when the title does not."""
        org_id = self.gaz.organization_in(self.issuer)
        if org_id is None or self.gaz.organizations[org_id].kind == "government" and STATE_VOICE.search(self.issuer):
            seat = self._place_line_seat() or self._dateline_seat() or self._page_country() or org_id
            org_id = seat and (self._ministry_of(seat, self.issuer) or seat)
        name = self.issuer if org_id is None or self.gaz.organizations[org_id].name.lower() not in self.issuer.lower() \
            else self.gaz.organizations[org_id].name
        actor = Actor(f"o:{slug(name)}", name, "organization", (Role(name, org_id),) if org_id else ())
        return Resolution(Speaker(mention, actor.id, name, None, org_id, self.gaz.path(org_id), "issuer"), actor)

    def _place_line_seat(self) -> str | None:
        """The government whose capital a statement's place-and-date line names ("Ottawa, March 4, 2025")."""
        for line in [x.strip() for x in self.text[:1500].split("\n") if x.strip()][:4]:
            m = DATE_LINE.fullmatch(line)
            if m is not None and m.group("place"):
                return self._seat_of(m.group("place"))
        return None

    def _shortly_before(self, pos: int) -> int:
        """Where the stretch of the paragraph just before ``pos`` begins (at most 400 characters)."""
        return max(self.text.rfind("\n", 0, pos) + 1, pos - 400)

    def _state_body_before(self, pos: int, word: str) -> str | None:
        """The country of the one state body with this word named shortly before in the paragraph,
        which need not have spoken: "Germany's economy ministry summoned the envoy ..., a ministry
        spokeswoman said" is Germany's."""
        start = self._shortly_before(pos)
        found = {(self.gaz.organization_in(m.group(1)), m.group(0)) for m in STATE_BODY.finditer(self.text, start, pos)
                 if word in m.group(0).lower()}
        if len({oid for oid, _ in found}) != 1 or any(oid is None for oid, _ in found):
            return None
        oid, body = found.pop()
        if self.gaz.organizations[oid].kind != "government":
            return None
        return self._ministry_of(oid, body) or oid  # "China's foreign ministry": its ministry, when known

    def _one_body_before(self, pos: int) -> str | None:
        """The one body the gazetteer knows named shortly before in the paragraph, below a
        government ("The State Department struck a cautious tone. Spokesperson X said ...")."""
        start = self._shortly_before(pos)
        found = {oid for _, _, oid in self.gaz.find(self.text[start:pos])}
        if len(found) != 1:
            return None
        oid = found.pop()
        return oid if self.gaz.organizations[oid].kind not in ("government", "igo") else None

    def _briefing_seat(self, pos: int) -> str | None:
        """The government whose capital hosts the briefing in this paragraph ("told a regular news
        briefing in Beijing"): whose an unqualified ministry spokesperson is."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        places = {m.group(1) for m in BRIEFING_IN.finditer(self.text, start, end if end != -1 else len(self.text))}
        return self._seat_of(places.pop()) if len(places) == 1 else None

    def _paragraph_seat(self, pos: int) -> str | None:
        """The government whose seat or country opens the paragraph ("In Tokyo, ...")."""
        start = self.text.rfind("\n", 0, pos) + 1
        seat = SEAT_OPENING.match(self.text, start)
        if seat is None or seat.end() > pos:
            return None
        return self._seat_of(seat.group(1))

    def _seat_of(self, place: str) -> str | None:
        found = self.gaz.find(place)
        oid = found[0][2] if len(found) == 1 and found[0][1] == len(place) else None
        return oid if oid and self.gaz.organizations[oid].kind == "government" else None

    def _once_former(self, name: str) -> bool:
        """Does the page call this person a former something ("former President Bill Clinton")?"""
        return search_before_word(FORMER.pattern + r"\s+(?:[A-Z][\w.\-]*\s+){0,3}", name.split()[-1], self.text,
                                  re.I) is not None

    def _dateline_seat(self) -> str | None:
        """The government whose capital heads the wire dateline ("PARIS (Reuters) -"): whose
        an unqualified president or minister is when the page names several countries."""
        key = ("dateline",)
        if key not in self.people._memo:
            found = None
            lines = [line for line in self.text[:3000].split("\n") if line.strip()]
            for line in lines[:4]:  # the title, a byline, then the first paragraphs
                dateline = DATELINE.match(line.lstrip())
                if dateline is not None:
                    found = self._seat_of(re.split(r"[,(\-—–]", dateline.group(0))[0].strip().title())
                    break
            self.people._memo[key] = found
        return self.people._memo[key]

    def _leader_before(self, pos: int) -> str | None:
        """The government of a president or prime minister who spoke just before: whose "her
        finance minister" is. Any earlier speaker was too often wrong (see ``owned``)."""
        for start, sp, actor in reversed(self.history):
            if start >= pos:
                continue
            if pos - start > 1500 or actor.kind != "person":
                return None
            leader = sp.role and HEAD_OF_STATE.fullmatch(sp.role)
            country = self.gaz.tree.government(sp.organization_id) if leader else None
            return country if country and self.gaz.organizations[country].kind == "government" else None
        return None

    def _spoken_for(self, pos: int, pronoun: str, role: str) -> tuple[Actor | None, str | None]:
        """Whose "his spokesman" is: the person who spoke just before, if the pronoun agrees.
        Only a spokesperson's post is given an owner so; "her deputy" or "his aide" may be
        anyone's (see ``owned``)."""
        if not SPOKESPERSON.search(role):
            return None, None
        for start, sp, actor in reversed(self.history):
            if start >= pos:
                continue
            if pos - start > 600 or actor.kind != "person":
                return None, None
            gender = self._gender(actor.name)
            if gender != ("m" if pronoun == "his" else "f"):
                return None, None
            return actor, sp.organization_id
        return None, None

    def _ministry_of(self, country: str, role: str) -> str | None:
        """The country's ministry a role names by its portfolio ("foreign ministry spokesman",
        "France's foreign minister")."""
        portfolio = re.search(r"\b(\w+)\s+minist(?:ry|er)\b", role, re.I)
        word = portfolio.group(1).lower() if portfolio else None
        if word not in PORTFOLIOS:
            return None
        return next((oid for oid, org in self.gaz.organizations.items() if org.parent_id == country
                     and org.kind == "ministry" and re.search(r"\b%s" % re.escape(word[:6]), org.name, re.I)), None)

    def _branch_of_page_country(self, description: str, pos: int | None = None) -> str | None:
        """"A senior administration official", "a defense official" on a page about one country:
        of that country's executive or defence ministry, when the gazetteer knows it."""
        branch = UNNAMED_BRANCH.match(description)
        if branch is None or FORMER.search(description):
            return None
        word = branch.group(1).lower()
        country = self._page_country()
        if country is None and word == "administration":  # "The White House has said ... A senior
            # administration official said": of the administration that just spoke, on a page of several countries
            body = self._last_body(pos, reach=1500)[1] if pos is not None else None
            if body and "the administration" in self.gaz.organizations[body].aliases:
                return body
        # on a page of several countries, a wire story's own: "WASHINGTON (Reuters) - ... a senior
        # administration official told reporters"
        country = country or self._dateline_seat()
        if country is None:
            return None
        for oid, org in self.gaz.organizations.items():
            if org.parent_id != country:
                continue
            if word == "administration" and org.kind == "executive" and "the administration" in org.aliases:
                return oid
            if word in ("defense", "defence", "military") and org.kind == "ministry" and re.search(
                    r"\bDefen[cs]e\b|\bArmed Forces\b", org.name):
                return oid
        return None

    def _post_country_before(self, pos: int, post: str, reach: int = 3000) -> str | None:
        """'The Chinese finance minister jabbed back ... The finance minister, Lou Jiwei, said':
        the government the page gave the same post just before, by its adjective or name."""
        words = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", post.strip(), flags=re.I)
        if len(words.split()) < 2:  # "minister" alone is anyone's
            return None
        found = None
        for m in re.finditer(r"\b([A-Z][\w\-]+)(?:['’]s)?\s+(?i:%s)\b" % re.escape(words), self.text[max(0, pos - reach):pos]):
            orgs = self.gaz.find(m.group(1))
            if orgs and orgs[0][1] - orgs[0][0] == len(m.group(1)):
                found = self.gaz.tree.government(orgs[0][2])
        return found if found is not None and self.gaz.organizations[found].kind == "government" else None

    def _leader_seat(self, pos: int, post: str) -> str | None:
        """The government a leader's post or office with no country names ("President", "the
        chancellery"): the paragraph's seat, the dateline's, else the page's one country; for a
        presidential post only on a page that never names the US, and never for a vice president."""
        post = post.lower()
        presidential = "presiden" in post
        return self._holding(post, self._paragraph_seat(pos)) or self._holding(post, self._dateline_seat()) or (
            self._holding(post, self._page_country())
            if not presidential or ("us" not in self._named() and "vice" not in post) else None) \
            or (self._holding(post, self._body_in_paragraph(pos)) if "vice" not in post else None)

    def _holding(self, post: str, seat: str | None) -> str | None:
        """The seat, unless its government has no such post ("Chancellor" is no American's)."""
        absent = self.gaz.no_posts.get(seat or "", ())
        return None if any(re.search(rf"\b{re.escape(p)}\b", post, re.I) for p in absent) else seat

    def _paragraph_body(self, pos: int) -> str | None:
        """The organisation of the last body that spoke earlier in the paragraph."""
        start = self.text.rfind("\n", 0, pos) + 1
        return next((sp.organization_id for at, sp, actor in reversed(self.history)
                     if start <= at < pos and actor.kind == "organization" and sp.organization_id), None)

    def _body_in_paragraph(self, pos: int) -> str | None:
        """The government a body that spoke earlier in the paragraph belongs to: "The Georgian
        government rejected the criticism. Prime Minister X said ..." is Georgia's."""
        start = self.text.rfind("\n", 0, pos) + 1
        org_id = next((sp.organization_id for at, sp, actor in reversed(self.history)
                       if start <= at < pos and actor.kind in ("organization", "group")), None)
        country = self.gaz.tree.government(org_id) if org_id else None
        return country if country and self.gaz.organizations[country].kind == "government" else None

    def _leaders_office(self, seat: str | None, post: str) -> str | None:
        """The office a leader's staff and office speak for, when the gazetteer has it ("the
        presidency", "presidential spokesman" of South Africa: its Presidency); else the government."""
        if seat is None or re.search(r"\b(?:vice|deputy)\b", post, re.I):
            return seat
        leader = next((w for w in ("president", "prime minister", "chancellor", "premier")
                       if w in post.lower().replace("presidency", "president").replace("chancellery", "chancellor")), None)
        return self.gaz.heads.get((seat, leader), seat) if leader else seat

    def _named(self) -> set[str]:
        """The governments and blocs the page names in any way."""
        if ("named",) not in self.people._memo:
            self.people._memo[("named",)] = self.gaz.named(self.text)
        return self.people._memo[("named",)]

    def _page_country(self, kind: str = "government") -> str | None:
        """The country a page is about, whose an unowned minister is: the one government it names
        (by name, adjective, capital or one of its bodies), or one it names at least three times
        and three times as often as any other; None otherwise. With ``kind="igo"``, the bloc or
        alliance it is about: whose "the bloc's chief" is."""
        key = ("page", kind)
        if key not in self.people._memo:
            counts = Counter(self.gaz.ancestors(oid)[-1] if self.gaz.ancestors(oid) else oid
                             for _, _, oid in self.gaz.find(self.text))
            ranked = [(n, r) for r, n in counts.most_common() if self.gaz.organizations[r].kind == kind]
            # the one named, or one named at least three times and three times as often as any other
            sole = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] >= 3 and ranked[0][0] >= 3 * ranked[1][0])
            self.people._memo[key] = ranked[0][1] if ranked and sole else None
        return self.people._memo[key]

    def _last_body(self, pos: int, noun: str | None = None, reach: int = 600) -> tuple[Actor | None, str | None]:
        """The last body that spoke shortly before ``pos`` (whose name holds ``noun`` if given),
        and its organisation: whose "its director" or "ministry spokeswoman" is."""
        for start, sp, actor in reversed(self.history):
            if start < pos and pos - start < reach and actor.kind == "organization" \
                    and (noun is None or noun in actor.name.lower()):
                return actor, sp.organization_id
        return None, None

    def _group(self, mention: Span, text: str, org_id: str | None = None, joint: tuple[str, ...] = ()) -> Resolution:
        roles = tuple(Role(text, o) for o in joint) or ((Role(text, org_id),) if org_id else ())
        actor = Actor(f"g:{slug(text)}", text, "group", roles)
        return Resolution(Speaker(mention, actor.id, text, None, org_id, self.gaz.path(org_id), "group", joint), actor)

    def _joint(self, text: str, orgs: list[tuple[int, int, str]]) -> tuple[str, ...]:
        """The bodies a mention names as speaking together: "The United States, Britain and
        Germany", "the foreign ministers of France and Italy" (each country's foreign ministry,
        when the gazetteer has it). Empty unless the names end the mention, joined only by
        commas and "and", after nothing or a plural head of "of"."""
        if len(orgs) < 2:
            return ()
        gaps = [text[a:b] for a, b in zip([e for _, e, _ in orgs], [s for s, _, _ in orgs[1:]])]
        if not all(re.fullmatch(r"\s*(?:,|,?\s*(?:and|&))\s+(?:the\s+)?", g, re.I) for g in gaps) \
                or text[orgs[-1][1]:].strip():
            return ()
        lead = JOINT_LEAD.fullmatch(text[:orgs[0][0]])
        if lead is None:
            return ()
        bodies = [o for _, _, o in orgs]
        post = lead.group("post")
        if post:  # "the foreign ministers of": each country's ministry, where it is known
            bodies = [self._ministry_of(o, post.rstrip("s")) or o if self.gaz.organizations[o].kind == "government"
                      else o for o in bodies]
        bodies = list(dict.fromkeys(bodies))
        return tuple(bodies) if len(bodies) > 1 else ()

    def _joint_antecedent(self, mention: Span, low: str) -> Resolution | None:
        """"the three governments", "both countries", "the allies": the bodies that last spoke
        together, when as many as the words count."""
        m = JOINT_ANAPHOR.fullmatch(low)
        if m is None:
            return None
        count = NUMBER_WORDS.get(m.group("n") or "", 0)
        for start, sp, actor in reversed(self.history):
            if mention.start - start > 1500:
                return None
            if start < mention.start and sp.joint and (not count or count == len(sp.joint)):
                return Resolution(replace(sp, mention=mention, resolved_from="group-antecedent"), actor)
        return None

    @staticmethod
    def _as_antecedent(mention: Span, sp: Speaker, actor: Actor) -> Resolution:
        """A pronoun that stands for an earlier speaker: that speaker, at this mention."""
        return Resolution(replace(sp, mention=mention, resolved_from="pronoun"), actor)

    def _gender(self, name: str) -> str | None:
        """'m' or 'f': an honorific the document gives the person ('Mr. Park'), a kinship word
        before a name used alone ('her husband, Tomas'), else the first name; None when none
        tells. A word used alone is not read as a first name: "Clinton" or "Warren" alone is
        a surname, whatever a first-name dictionary says."""
        key = ("gender", name)
        if key not in self.people._memo:
            surname = name.split()[-1]
            m = search_before_word(caps(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w.]*\s+){0,2}"), surname, self.text)
            kin = None if len(name.split()) > 1 else search_before_word(r"\b(%s)\s+" % "|".join(KIN), surname, self.text)
            family_first = self._family_first(name)
            given = first_name_gender(name.split()[0]) if len(name.split()) > 1 and not family_first else None
            if given:  # "Ann Roe" is a woman, however often "Mr. Roe" appears
                g = given
            elif m:
                g = HONORIFIC_SEX[m.group(1)]
            elif kin:  # "Clinton and husband Bill": a first name alone, its gender written out
                g = KIN[kin.group(1)]
            else:
                full = name if len(name.split()) > 1 else (self.people.full_name(name.split()[-1]) or name)
                g = first_name_gender(full.split()[0]) if len(full.split()) > 1 and not family_first \
                    and not self._family_first(full) else None
                if g is None and len(name.split()) == 1 and not re.search(
                        caps(r"\b[A-Z][a-z]+[ \u00a0]+%s\b") % surname, self.text):
                    # a word the page never writes as anyone's surname, and a first name of one
                    # sex only ("Melanie said"), is that first name
                    g = first_name_gender(name, sure=True)
            self.people._memo[key] = g
        return self.people._memo[key]

    def _body_antecedent(self, pos: int) -> tuple[Speaker | None, Actor] | None:
        """'It' as a speaker: the body or document that spoke in this sentence or the one before
        ("The ministry said the plan was dead. It added ..."); nobody when none did."""
        starts = self.people._starts
        here = bisect_right(starts, pos) - 1
        # the nearest subject of this sentence before "it" is what "it" more likely stands for
        # ("such a message is notable, and it shows ..."): only that one, if it spoke
        s, e = self.people.sentences[here] if 0 <= here < len(self.people.sentences) else (pos, pos)
        subjects = [self.people._char(t) for t in self.people._sentence_tokens(s, e)
                    if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and self.people._char(t) < pos]
        for start, sp, actor in reversed(self.history):
            if start >= pos:
                continue
            if here - (bisect_right(starts, start) - 1) > 1:
                return None
            if actor.kind == "organization" or actor.kind == "anonymous" and UNNAMED_DOCUMENT.match(actor.name.lower()):
                mention = sp.mention if sp is not None else None
                if subjects and not (mention and mention.start <= max(subjects) < mention.end):
                    return None  # the nearest subject before "it" did not speak
                return sp, actor
        return None

    def _family_first(self, name: str) -> bool:
        """Is the name written family name first ("Lin Wei", then "Lin said")? The page uses its
        first word alone and never its last: the first is no first name to read a sex from."""
        words = name.split()
        if len(words) != 2 or first_name_gender(words[0], sure=True, american=True):  # "Hillary" alone is still Hillary
            return False
        alone = re.compile(caps(r"(?<![A-Z][\w.]\s)(?<![A-Z][\w.][\w.]\s)%s(?![ \u00a0]+[A-Z])") % re.escape(words[0]))
        last_alone = re.compile(r"(?<!%s[ \u00a0])%s" % (re.escape(words[0]), re.escape(words[1])))
        return any(alone.match(self.text, m.start()) for m in find_word(words[0], self.text)) and \
            not any(last_alone.match(self.text, m.start()) for m in find_word(words[1], self.text))

    def _antecedent(self, pos: int, kind: str, pronoun: str = "", depth: int = 0,
                    other_than: frozenset = frozenset()) -> tuple[Speaker | None, Actor] | None:
        """A pronoun's referent: among earlier speakers and persons named outside quotation
        marks in this and the two sentences before, the nearest sentence wins, then a subject
        over an object, then the later mention; a clash of gender rules a candidate out. A
        same pronoun as subject of an earlier sentence carries its own referent on ("Roe
        met Lee's wife, Ann Lee. She ... She said": the first "She" is Roe, and so the second).
        ``other_than``: actors it cannot be (the speaker of the quotation it stands in, and in a
        transcript the others who speak turns, whom a speaker calls "you")."""
        want = {"person": ("person", "anonymous"), "plural": ("group", "organization", "anonymous")}
        gender = PRONOUN_SEX.get(pronoun)

        def agrees(name: str, at: int | None = None) -> bool:
            g = (self.people.honorific_gender(at) if at is not None else None) or (
                self._gender(name) if gender else None)
            return g is None or g == gender

        starts = self.people._starts
        here = bisect_right(starts, pos) - 1

        def distance(p: int) -> int:
            return max(0, here - (bisect_right(starts, p) - 1))

        ranked: list[tuple[tuple, Speaker | None, Actor]] = []
        def fits(actor: Actor) -> bool:
            if actor.kind == "anonymous" and UNNAMED_DOCUMENT.match(actor.name.lower()):
                return False  # "a report" is no one's "she" or "they"
            if actor.kind == "anonymous" and kind == "plural":  # "a woman", "federal judge" are no "they"
                low = actor.name.lower()
                return not UNNAMED_PERSON.match(low) and (MANY.match(low) is not None or any(
                    w.endswith("s") and w[:-1] in ANONYMOUS_HEADS | UNNAMED_PERSON_HEADS for w in re.findall(r"[a-z]+", low)))
            if actor.kind == "anonymous" and _epithet(actor.name.lower()):
                return False  # "the Vermont senator": someone named nearby, whom the candidates below find
            said = _role_gender(actor) if gender and actor.kind == "person" else None
            if said:  # "foreign office spokeswoman Mumtaz Zahra Baloch": the post says it, whatever the first name
                return said == gender
            if actor.kind != "anonymous" or not gender:
                return agrees(actor.name)
            # "a young man" is no "she"; "a federal judge" is no one's "he" or "she" for sure
            # (an official or a source, as the wire writes them, may be)
            said = _description_gender(actor.name)
            many = any(w in ANONYMOUS_HEADS and w.endswith("s") for w in re.findall(r"[a-z]+", actor.name.lower()))
            return said == gender if said else not (many or UNNAMED_PERSON.match(actor.name.lower()))

        for start, sp, actor in reversed(self.history):
            if start < pos and actor.kind in want.get(kind, ()) and fits(actor) and actor.id not in other_than:
                # a speaker inside what someone else said ("noted that Roe himself has ...") ranks
                # below the sentence's own; one of a relative clause ("Roe, who said ...") does not
                nested = sp is not None and sp.mention is not None and self.people.reported_at(
                    sp.mention.end, ("ccomp", "xcomp", "advcl", "pcomp"))
                ranked.append(((distance(start), 1 if nested else 0, -start), sp, actor))
                break
        if kind == "plural":  # "That frustrates many analysts because they believe ...": people the sentence names
            for subj, start, end in self.people.unnamed_plurals(pos, PLURAL_PEOPLE):
                res = self._resolve(Span.of(self.text, start, end), other_than)
                if res.actor is not None and res.actor.kind in want[kind] and res.actor.id not in other_than:
                    ranked.append(((0, subj, -start), res.speaker, res.actor))
        if kind == "person":
            known = self._known_surnames()
            def written_out(p) -> str:  # the person a bare surname stands for there ("Mrs. Roe": Ann Roe)
                return self.people.longest_form(p.name) if len(p.name.split()) > 1 else (
                    self.people.full_name(p.name, p.start, self.people.honorific_gender(p.start)) or p.name)

            for dist, p in self.people.candidates(pos, window=2, accept=lambda p: agrees(written_out(p), p.start),
                                                  known=known):
                name = written_out(p)
                # a subject of the sentence, then of a clause reported in it ("denied that Hale ..."), then others
                subj = (1 if self.people.reported_at(p.end) else 0) if self.people.is_subject(p) else 2
                if person_id(name) not in other_than:
                    ranked.append(((dist, subj, -p.start), None, Actor(person_id(name), name)))
            for dist, start, end in self.people.unnamed_subjects(pos, UNNAMED_PERSON_HEADS) if gender else ():
                # "A 29-year-old Berlin woman received probation after she had posted ...": the woman,
                # not a woman named three sentences before
                desc = self.text[start:end]
                said = _description_gender(desc)
                if said == gender or said is None and not UNNAMED_PERSON.match(desc.lower()):
                    res = self._anonymous(Span.of(self.text, start, end), desc)
                    if res.actor is not None and res.actor.id not in other_than:
                        ranked.append(((dist, 0, -start), res.speaker, res.actor))
            if pronoun in ("he", "she") and depth < 3:
                for dist, at in self.people.pronoun_subjects(pos, pronoun, window=2):
                    found = self._antecedent(at, kind, pronoun, depth + 1, other_than)
                    if found is not None:
                        ranked.append(((dist, 0, -at), found[0], found[1]))
        if not ranked:
            return None
        (dist, _, at), sp, actor = min(ranked, key=lambda r: r[0])
        if dist > 2 and pronoun in OBJECT_FORM and depth == 0 and self._unnamed_listener_between(-at, pos, pronoun):
            # "He assured her ... She told him ...": she is whom he told, never named, and not
            # a woman who spoke paragraphs before
            return None
        if sp is None:  # a person named where they spoke: as resolved there, with their post and body
            sp = next((s for start, s, a in reversed(self.history) if a.id == actor.id and start < pos), None)
        return sp, actor

    def _unnamed_listener_between(self, start: int, pos: int, pronoun: str) -> bool:
        """Did the sentence before ``pos``, after ``start``, tell something to a "her" (for a
        "she") who is an unnamed person just met ("met his British counterpart ... assured
        her")? Then that listener, never named, is who the pronoun most likely is, and the
        person named before is not."""
        gender = PRONOUN_SEX[pronoun]
        for at in self.people.pronoun_objects(pos, OBJECT_FORM[pronoun]):
            if at > start and any(s > start and _description_gender(self.text[s:e]) in (gender, None)
                                  for s, e in self.people.unnamed_persons(at, LISTENER_HEADS)):
                return True
        return False

    def _known_surnames(self) -> frozenset[str]:
        """The surnames of the persons resolved so far, kept up to date as the history grows."""
        seen, upto = self.people._memo.get("known_surnames", (frozenset(), 0))
        if upto < len(self.history):
            seen = seen | {a.name.split()[-1] for _, _, a in self.history[upto:] if a.kind == "person"}
            self.people._memo["known_surnames"] = (seen, len(self.history))
        return seen

    def _alternation(self, pos: int, cue: str | None, pronoun: str = "") -> tuple[Speaker, Actor] | None:
        """In a quoted exchange between two people ('"...?" asked A. "..." replied B.'), an
        unnamed next turn is A's again, unless the cue says the last speaker went on or A's
        sex is not the pronoun's ("Roe said. '...' he said" after a woman is not her)."""
        if cue and re.search(r"\b(add|continu|went on|go on|goes on)", cue, re.I):
            return None
        turns = [h for h in self.dialogue if h[0] < pos][-2:]
        if len(turns) < 2 or pos - turns[0][0] > 400:
            return None
        (_, sp_a, a), (_, _, b) = turns
        if a.id == b.id or a.kind != "person" or b.kind != "person":
            return None
        want = PRONOUN_SEX.get(pronoun)
        if want and self._gender(a.name) not in (want, None):
            return None
        return sp_a, a

    # -- main entry
    def resolve(self, mention: Span | None, kind: str | None = None, cue: str | None = None,
                speaking: Resolution | None = None, interlocutors: frozenset = frozenset()) -> Resolution:
        """Resolve one speaker mention; ``kind`` and ``cue`` of its statement let a pronoun
        follow the turns of a quoted dialogue. ``speaking`` is whoever speaks the quotation the
        mention stands in: their "I" is them, and their "he" or "she" is someone else, as is
        any of the ``interlocutors`` (the other speakers of a transcript's turns)."""
        if mention is None:
            return Resolution(None, None)
        res = None
        pronoun = clean_mention(mention.text).lower()
        if speaking is not None and speaking.speaker is not None and pronoun in ("i", "me"):
            res = Resolution(replace(speaking.speaker, mention=mention, resolved_from="pronoun-speaker"),
                             speaking.actor)
        elif speaking is not None and speaking.speaker is not None and pronoun in ("we", "us") \
                and speaking.speaker.organization_id:  # a spokesman's "we" is the body they speak for
            res = self._org_speaker(mention, speaking.speaker.organization_id, "pronoun-speaker")
        elif speaking is not None and speaking.speaker is not None and speaking.speaker.name \
                and pronoun in ("we", "us") and speaking.speaker.resolved_from != "anonymous":
            # a transcript's "MR MILLER: We continue to push ...", whose body the page never
            # names: the one who says it
            res = Resolution(replace(speaking.speaker, mention=mention, resolved_from="pronoun-speaker"),
                             speaking.actor)
        other_than = interlocutors | ({speaking.actor.id} if speaking is not None and speaking.actor is not None else set())
        if other_than:  # and each of them under another form of their name ("FALLIN", "Gov Fallin")
            surnames = {a.name.split()[-1].lower() for _, _, a in self.history if a.id in other_than and a.name}
            other_than |= {a.id for _, _, a in self.history if a.kind == "person" and a.name
                           and a.name.split()[-1].lower() in surnames}
        if res is None and kind == "direct" and pronoun in ("he", "she"):
            turn = self._alternation(mention.start, cue, pronoun)
            if turn is not None:
                sp, actor = turn
                res = Resolution(replace(sp, mention=mention, resolved_from="pronoun-dialogue"), actor)
        writer = self.signed[0] if self.signed else self.author
        if res is None and speaking is None and writer and not self.people.quoted(mention.start) and (
                pronoun in ("i", "me", "my") or self.signed and pronoun in ("we", "us", "our")):
            # the writer's own "I think ..." in a signed piece; an official's "we will ask parliament"
            # in their op-ed: its author, who speaks for the body their tagline names
            res = self._person(mention, writer, "author")
            if res.speaker.role is None:
                res = Resolution(replace(res.speaker, role="the article's author"), res.actor)
        if res is None and speaking is None and pronoun in ("we", "us", "our") and self.issuer \
                and not self.people.quoted(mention.start):
            res = self._issuing_body(mention)  # "We call on all parties ..." in a ministry's statement: the ministry
        res = res or self._resolve(mention, other_than)
        org = res.speaker.organization_id if res.speaker is not None else None
        if org in self.gaz.confirm and res.actor is not None and res.actor.kind != "organization" \
                and not any(w in self.text for w in self.gaz.confirm[org]):
            # "Randy Evans, a Republican committeeman from Georgia": the state, on a page that
            # names neither Tbilisi nor anything Georgian
            res = Resolution(replace(res.speaker, organization_id=None, organization_path=()),
                             replace(res.actor, roles=tuple(replace(r, organization_id=None) for r in res.actor.roles)))
        if res.actor is not None and res.speaker is not None:
            self.history.append((mention.start, res.speaker, res.actor))
            if kind == "direct":
                self.dialogue.append((mention.start, res.speaker, res.actor))
        return res

    def _people_named_before(self, pos: int, since: int):
        """The last plural phrase of people ("two EU officials familiar with the talks") between
        ``since`` and ``pos``: whom a following "one of them" is one of."""
        last = None
        for m in PEOPLE_PHRASE.finditer(self.text, since, pos):
            last = m
        return last

    def _descriptions(self) -> dict[str, str]:
        """Descriptions the article ties to a named person: 'Jane Roe, the top U.S. diplomat
        for Africa,' or 'the top U.S. diplomat for Africa, Jane Roe,'."""
        if self._described is None:
            self._described = {}
            name = caps(r"((?:[A-Z][\w.'’\-]+\s){0,2}[A-Z][\w'’\-]+)")
            desc = r"(?:the|a|an)\s+([a-z][^,;()]{4,80}?)"
            flat = self.text.replace("[", "").replace("]", "")
            for m in re.finditer(name + r",\s+" + desc + r"[,;]", flat):
                self._described.setdefault(m.group(2).strip().lower(), m.group(1))
            for m in re.finditer(r"\b" + desc + r",\s+" + name + r",", flat):
                self._described.setdefault(m.group(1).strip().lower(), m.group(2))
        return self._described

    def _epithet_holder(self, low: str, pos: int) -> str | None:
        """The one person named before ``pos`` whose title, written before the name or set
        beside it, holds every word of an epithet ('the Florida senator' for "Florida Sen. Ann
        Roe"; 'the Russian leader' for "Russian President Ivan Petrov"); None for none or two."""
        m = EPITHET.fullmatch(low)
        if m is None:
            return None
        words = [w for w in re.findall(r"[\w\-]+", low[3:]) if w not in ("the", "of")]
        head = m.group(1)
        if head not in ROLE_WORDS | {"leader", "envoy", "diplomat", "spokesman", "spokeswoman",
                                                       "congressman", "congresswoman", "lawmaker", "chairman",
                                                       "chairwoman", "commander", "chief"}:
            return None  # "the billionaire" is no title's
        found = set()
        written = self.people._memo.setdefault("written", {})  # a person's full name and title, worked out once
        for person in self.people.persons_before(pos):
            key = (person.start, person.name)
            if key not in written:
                name = self._written_out(person)
                title = " ".join(t for t in self._titles(name) if t) if name else ""
                written[key] = (name, title, {v for w in re.findall(r"[\w\-]+", title.lower())
                                              for v in (w, *ABBREVIATED_TITLES.get(w, ()))})
            name, title, said = written[key]
            if not name or name in found:
                continue
            if any(w not in said and not (w == head == "leader" and said & LEADERS)
                   and not self._same_country(w, title) for w in words) \
                    or ("former" in said) != ("former" in words):
                continue
            found.add(name)
        if len(found) != 1:
            return None
        [holder] = found
        if words == [head]:
            # "the governor" alone: only the person named last, when the title says it too (a
            # debate story names one governor by title and the next by name alone)
            last = self.people.persons_in(max(0, pos - ANAPHOR_REACH // 2), pos)[-1:]
            named = [self._written_out(p) for p in last]
            return holder if named == [holder] else None
        return holder

    def _same_country(self, word: str, title: str) -> bool:
        """Does an epithet's word ('Russian') name the country the title names ('Russia's')?"""
        memo = self.people._memo.setdefault("same_country", {})
        if (word, title) not in memo:
            org, other = self.gaz.organization_in(word.capitalize()), self.gaz.organization_in(title)
            memo[(word, title)] = org is not None and other is not None \
                and self.gaz.tree.government(org) == self.gaz.tree.government(other)
        return memo[(word, title)]

    def _head_person(self, mention: Span, inside) -> str | None:
        """The person a mention is about: the last one named in its first comma-delimited part,
        unless the name is a possessive or one of a pair there ("Roe's aides", "Roe and Hale")."""
        if not inside:
            return None
        comma = mention.text.find(",")
        seg_end = mention.start + comma if comma > 0 else mention.end
        heads = [p for p in inside if p.end <= seg_end]
        # "The minister of the economy, Jane Roe,", "Trump's running mate, Indiana Gov. Mike
        # Pence,": the apposition names the head, after titles and places at most
        def apposed(p) -> bool:
            if re.search(r"[\"“”]|''", self.text[mention.start:p.start]):
                return False  # inside a title ("Fleming's ''The Fixers: Eddie Mannix, ...''")
            between = re.findall(r"\w+", self.text[seg_end:p.start])
            if all(w in TITLE_NOUNS for w in between):
                return True
            return len(between) <= 4 and len(p.name.split()) > 1 and not re.search(r"[\"“”'‘’]", p.name) \
                and all(w[:1].isupper() or w in APPOSITION_LEAD for w in between)
        after = [p for p in inside if p.start > seg_end and apposed(p)]
        if not heads:
            if AGENTS_OF.search(self.text[mention.start:seg_end]):
                return None  # "Lawyers for the activist, Daniel Ferro,": the apposition names the client
            return after[0].name if after else None
        p = heads[-1]
        lead = self.text[mention.start:p.start]
        if re.search(r"\b(?:who|whom|whose|that|which)\b|\bnor\s+$|[a-z]\s+(?:of|in|for|with|about|against|from)\s+(?:the\s+)?$", lead) \
                and not (re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w.'’\-]*\s+)*(?:of|for)\s+(?:[A-Z][\w.'’\-]*\s+)*", lead)
                         and any(w.rstrip(".") in TITLE_NOUNS for w in lead.split())):
            # "a member who backs Roe", "Neither Hale nor Roe", "supporters of Roe": not Roe
            # ("Secretary of State Ann Roe" is)
            return None
        if AGENT_OF.search(lead):  # "a spokesman for Mr. Roe": not Roe
            return after[0].name if after else None
        rest = self.text[p.end:seg_end].strip()
        possessive = re.search(r"['’]s?$", self.text[p.start:p.end])  # the tagger may keep the 's
        if possessive or re.match(r"^['’]s?\b", rest):  # "Roe's aides"; "Roe's deputy, Jane Hale,": Hale
            return after[0].name if after else None
        if NAME_AS_MODIFIER.match(rest):  # "Another Roe ally, Agriculture Secretary Tom Hale,": Hale
            return after[0].name if after else None
        return None if re.match(r"^(and\b|or\b|&)", rest) else p.name  # "Roe and Hale"

    def _pair(self, mention: Span, inside) -> str | None:
        """The people a mention names together as its head ("Jeb Roe and Ted Hale", "Roe and
        husband Tomas", "Democratic candidates Ann Roe and Ted Hale"): their names as written,
        for a group speaker. Not a person named in a clause ("leaders who backed Roe or Hale"),
        nor one with two titles ("Secretary of State and former senator Ted Hale"): the name
        before "and" must be a person the article names."""
        comma = mention.text.find(",")
        seg_end = mention.start + comma if comma > 0 else mention.end
        heads = [p for p in inside if p.end <= seg_end]
        if not heads:
            return None
        last = heads[-1]
        joined = JOINED_BEFORE.search(self.text[mention.start:last.start])
        if joined is None or not (any(q.end == mention.start + joined.end(1) for q in heads[:-1])
                                  or self.people.full_name(joined.group(1), last.start)):
            return None
        first = next((q for q in heads[:-1] if q.end == mention.start + joined.end(1)), None)
        if first is not None:
            start = first.start
        else:  # a name the NER cut ("Edward-Isaac Dovere"): its capitalised words before it
            start = mention.start + joined.start(1)
            before = CAPITALISED_BEFORE.search(self.text[mention.start:start])
            start = mention.start + before.start()
        lead = self.text[mention.start:start]
        after = self.text[last.end:seg_end].strip()
        if re.search(r"\b(?:who|that|which|whose|for|of|with|by|from|on|in|to|at|about)\b|['’]s\b", lead) \
                or len(lead.split()) > 4 or after not in ("", "both", "all", "together", "each"):
            return None
        joint = self.text[start:mention.start + joined.end(1)]  # "Ann Roe", without the second's titles
        conj = re.search(r"\b(?:and|or)\b|&", joined.group(0)[len(joined.group(1)):]).group(0)
        # "Mr. Grassley and Mr. Leahy": each as the page names them in full
        names = [n if len(n.split()) > 1 else self.people.full_name(n, mention.start) or n
                 for n in (re.sub(r"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)", "", joint), last.name)]
        return f"{names[0]} {conj} {names[1]}"

    def _titles(self, name: str) -> tuple[str | None, str | None, str | None]:
        """``title_near`` for this name, one look through the document per name, not per mention."""
        key = ("title", name)
        if key not in self.people._memo:
            self.people._memo[key] = title_near(self.text, name, self.gaz)
        return self.people._memo[key]

    def _of_country(self, name: str, adjective: str) -> bool:
        """Is this person's title or description of the country ``adjective`` names ("French
        President X", "President X of Marovia" for "Marovian")?"""
        said = " ".join(x for x in self._titles(name) if x)
        after = next((a for m in find_word(name, self.text) if (a := OF_PLACE.match(self.text, m.end()))), None)
        said += " " + (after.group(1) if after else "")
        country = self.gaz.organization_in(adjective)
        if country is not None:
            return self.gaz.organization_in(said) == country
        return re.search(r"\b%s" % re.escape(adjective[:max(4, len(adjective) - 3)]), said) is not None

    def _unseen_name(self, lead: list[str], last: str, rest: str, titled: bool = False) -> bool:
        """A person's name the NER missed ("Maren Holt, the transport minister"): capitalised
        words, one to three before the last, that open with a known first name, stand before
        a role apposition (", the transport minister") or after a title ("Secretary-General
        Amara Diallo")."""
        words = lead + [last]
        full = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]  # middle initials aside
        if not 2 <= len(full) <= 3 or not all(NAME_WORD.fullmatch(w) for w in words):
            return False  # "Red Hot Chili Peppers", "Dan Loeb's Third Point"
        if self.gaz.organization_in(" ".join(words)) or any(w.lower() in BODY_WORDS for w in words):
            return False
        # (", acting political director of ...", ", his chief of staff": the article may be left
        # out, not before a capital, "Ohio Secretary of State" being a state's post the
        # gazetteer would give the federal department)
        role = re.match(r",\s+(?:(?:the|a|an)\s+|(?-i:(?=[a-z])))(?:[\w.\-’']+\s+){0,4}?(%s)\b" % "|".join(
            sorted(ROLE_WORDS | {w.lower() for w in APPOSITION_HEADS if w != "the"})), rest, re.I)
        titled = titled and not any(w.lower() in STOP_WORDS for w in lead)  # "CNN President On Trump"
        return titled or is_given_name(lead[0].rstrip(".")) or role is not None

    def _owner_in_full(self, text: str, pos: int) -> str:
        """'Reyes's office' -> 'Ivo Reyes's office', 'a spokesman for Reyes' -> 'a spokesman for
        Ivo Reyes': a surname that owns the speaker, written as the person the page names."""
        m = OWNER_FIRST.match(text) or OWNER_LAST.search(text)
        if m is None:
            return text
        full = self.people.full_name(m.group(1), pos)
        if not full or full == m.group(1):
            return text
        return text[:m.start(1)] + full + text[m.end(1):]

    def _demonym_plural(self, word: str) -> bool:
        """'Nigerians', 'Americans': the people of a country. (A word that only looks plural,
        'Hardliners' or 'Sanders', cannot be told from a surname without a lexicon.)"""
        return word.endswith("s") and any(word[:-1] in names for names in self.gaz.nationalities.values())

    def _plural_head(self, mention: Span) -> bool:
        """Is the mention's head a plural noun ('Many Nigerians', 'Hardliners'), not a report
        of many things ('a review of records')?"""
        tok = self.people._token_at(mention.end - 1)
        while tok is not None and tok.head != tok and mention.start <= self.people._char(tok.head) < mention.end:
            tok = tok.head
        return tok is not None and tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in DOCUMENT_HEADS

    def _relative_antecedent(self, mention: Span) -> Span | None:
        """The noun phrase a relative pronoun subject refers to, from the parse."""
        tok = self.people._token_at(mention.start)
        if tok is None or tok.head.dep_ != "relcl" or tok.head.head == tok.head:
            return None
        noun = tok.head.head
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        words = [t for t in noun.subtree if t.i <= noun.i or (t.head == noun and t.dep_ in ("compound", "flat"))]
        while words and words[0].dep_ in ("advmod", "cc", "punct", "preconj") and words[0].head == noun:  # "Even Republicans, who"
            words = words[1:]
        start = self.people._char(words[0])
        return Span.of(self.text, start, self.people._char(words[-1]) + len(words[-1].text)) if start >= 0 else None

    def _recased(self, text: str) -> str:
        """A label in capitals ('MR. KIRBY', 'SECRETARY ROE') as the document writes its words
        elsewhere ('Kirby'), a title in capitals as a title; other words as they stand ('NATO')."""
        if not re.search(r"[A-Z]{2}", text) or text != text.upper():
            return text

        def word(m: re.Match) -> str:
            w = m.group(0)
            if ("cased", w) not in self.people._memo:
                written = (seen.group(0) for seen in find_word(w, self.text, re.I))
                self.people._memo[("cased", w)] = next((x for x in written if not x.isupper()), None) or (
                    w.capitalize() if w.capitalize() in TITLE_NOUNS else w)
            return self.people._memo[("cased", w)]
        out = re.sub(r"[A-Z][A-Z'’-]+", word, text)
        words = out.split()
        if out.isupper() and re.search(r"(?m)^[ \t]*%s[ \t]*:" % re.escape(out), self.text):
            # a transcript's label the page writes only in capitals: "JAKE TAPPER:", then "TAPPER:"
            full = words if len(words) > 1 else next((m.group(1).split() for m in re.finditer(
                r"(?m)^[ \t]*((?:[A-Z][A-Z'’\-]+[ \t]+){1,2}%s)[ \t]*:" % re.escape(out), self.text)), words)
            if len(full) > 1 and is_given_name(full[0].capitalize()):
                return " ".join(w.capitalize() for w in full)
        title = words[0].rstrip(".").capitalize() if words else ""
        if len(words) < 2 or not (title in HONORIFIC_SEX or title in TITLE_NOUNS or title == "Dr"):
            return out
        # "MR. HALVORSEN" on a page that writes him nowhere else: a name, not an acronym
        return " ".join([title + "." * words[0].endswith(".")] + [
            w.capitalize() if w.isupper() and len(w) > 1 else w for w in words[1:]])

    def _resolve(self, mention: Span, other_than: frozenset = frozenset()) -> Resolution:
        text = self._recased(clean_mention(mention.text))
        # "Even veterans, who have long backed the plan,": a clause set off by a comma tells
        # more of them; it does not say which ones ("veterans who backed it" keeps its clause)
        text = NONRESTRICTIVE.sub("", text) or text
        # "Roe and Hale both said", "The senators all said": a floating quantifier is no part
        # of who spoke ("the woman who started it all" keeps its words); "They all" is a
        # pronoun, left unresolved rather than named
        bare_text = FLOATING_QUANTIFIER.sub("", text)
        if bare_text != text and bare_text.lower() in PRONOUNS:
            return Resolution(Speaker(mention, None, None, resolved_from="pronoun-unresolved"), None)
        if bare_text and not re.search(r"\b(?:who|whom|whose|that|which)\b", text, re.I):
            text = bare_text
        if not re.search(r"[^\W_]", text):  # a stray mark a tagger took for a source: nobody
            return Resolution(Speaker(mention, None, None, resolved_from="unresolved"), None)
        low = text.lower()
        bare = re.sub(r"^(the|a|an)\s+", "", low)
        registered = self._registry(low) or self._registry(bare)
        if registered is not None:  # a name or description the user declared ("the top U.S. diplomat")
            return self._registered(mention, registered, "registry")
        particled = PARTICLE_NAME.fullmatch(text)
        if particled is not None:  # "Von der Leyen told reporters": the Ursula von der Leyen the page names
            *lead, last = (text[0].lower() + text[1:]).split()
            full = search_before_word(caps(r"\b((?:[A-Z][\w'’\-]+[ \u00a0]+){1,2})") + r"[ \u00a0]+".join(map(re.escape, lead))
                                      + r"[ \u00a0]+", last, self.text)
            if full is not None:
                words = clean_mention(full.group(0)).split()
                while len(words) > len(lead) + 2 and (self.gaz.rank(words[0]) > 1 or words[0].rstrip(".") in TITLE_NOUNS):
                    words = words[1:]  # "President Ursula von der Leyen": the name, not the title
                return self._person(mention, self.people.longest_form(" ".join(words)), "surname")
        tied = self._descriptions().get(bare) if bare != low else None
        if tied and tied.split()[-1][:1].isupper() and tied.lower() not in ("the", "a"):
            full = tied if len(tied.split()) > 1 else (self.people.full_name(tied, mention.start) or tied)
            if not self.gaz._alias_map.get(full):
                return self._person(mention, full, "description")
        issued = ISSUED_BY.match(text)
        at = mention.text.find(text) if issued is not None else -1
        if at >= 0:  # "a statement from his office": the office speaks
            start, end = mention.start + at + issued.end(), mention.start + at + len(text)
            more = DOCUMENT_ASIDE.search(self.text, start, end)  # "..., which tracks X", "... to be released"
            author = Span.of(self.text, start, more.start() if more else end)
            named = re.search(r"[^\W\d_]", author.text) and (not author.text.islower() or re.match(
                r"(?:his|her|their)\s", author.text))  # "his office", "the Brookings Institution"; not "the two"
            res = self._resolve(author, other_than) if named else None
            if res is not None and res.speaker is not None and res.speaker.name:
                return Resolution(replace(res.speaker, mention=mention), res.actor)
        if text in INTERVIEW_TURNS:  # "Q:" / "A:": the page names the two sides elsewhere, if at all
            answering = self._interviewee(mention.start) if text[:1] == "A" else None
            if answering is not None:  # "Minister Anna Lind spoke to The Courier. ... A: ..."
                return self._person(mention, answering, "interview-turn")
            return Resolution(Speaker(mention, None, None, resolved_from="interview-turn"), None)
        partitive = PARTITIVE.fullmatch(low)
        if partitive:  # "Many of them said": part of the group "them" stands for, or nobody
            found = self._antecedent(mention.start, "plural", "they", other_than=other_than)
            starts = self.people._starts
            near = starts[max(0, bisect_right(starts, mention.start) - 3)] if starts else 0
            group = self._people_named_before(mention.start, near)
            if group is not None and (found is None or found[0] is None or found[0].mention is None
                                      or found[0].mention.start < group.start() or found[1].kind == "organization"):
                # "According to two officials familiar with the talks, ... One of them said": a
                # member of the people just named, who did not speak as a group of their own
                return self._anonymous(mention, f"{low.split()[0]} of {group.group(0)}")
            if found is None or found[0] is None or found[0].mention is None or found[0].mention.start < near:
                # only a group that spoke in this sentence or the two before
                return Resolution(Speaker(mention, None, None, resolved_from="pronoun-unresolved"), None)
            return self._as_antecedent(mention, *found)
        owned = OWNED_BY_PRONOUN.fullmatch(low)
        found = self._antecedent(mention.start, *POSSESSIVE[owned.group(1)], other_than=other_than) \
            if owned else None
        if found is not None and found[1].name and (owned.group(1) == "their" or found[1].kind == "person"):
            # "his campaign said": the campaign of whoever "his" stands for (else, below, a
            # campaign or aides of nobody named)
            owner, noun = found[1].name, owned.group(2)
            if noun in STAFF_BODIES:
                return self._named_body(mention, f"{owner}'s {noun}")
            org_id = found[0].organization_id if found[0] is not None else next(
                (sp.organization_id for _, sp, a in reversed(self.history) if a.id == found[1].id and sp.organization_id), None)
            if org_id and self.gaz.organizations[org_id].kind == "executive":
                org_id = self.gaz.tree.government(org_id)  # a president's: his country's
            if noun == "government" and org_id and self.gaz.organizations[org_id].kind == "government":
                return self._org_speaker(mention, org_id, "organization")  # the government the owner serves
            if noun in OWNED_BODIES:
                return self._named_body(mention, f"{owner}'s {noun}")
            if noun in FOLLOWERS:
                return self._group(mention, f"{noun} of {owner}")
            if re.fullmatch(GOVERNMENT_POSTS, noun):  # in the owner's government
                desc = f"{owner}'s {noun}"
                actor = Actor(f"anon:{self.doc_id[:8]}:{slug(desc)}", desc, "anonymous", (Role(noun, org_id),))
                return Resolution(Speaker(mention, actor.id, desc, noun, org_id, self.gaz.path(org_id), "anonymous"), actor)
            return self._anonymous(mention, f"a {noun} for {owner}" if not noun.endswith("s") else f"{noun} for {owner}")
        if low in POSSESSIVE:  # "his remarks that ...": the possessive is who spoke
            low = POSSESSIVE[low][1]
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            found = self._antecedent(mention.start, kind, low, other_than=other_than) \
                if kind in ("person", "plural") else self._body_antecedent(mention.start) if low == "it" else None
            if found is None:
                return Resolution(Speaker(mention, None, None, resolved_from="pronoun-unresolved"), None)
            sp, actor = found
            if sp is None:  # antecedent from a PERSON entity, not an earlier speaker
                return self._person(mention, actor.name, "pronoun")
            return self._as_antecedent(mention, sp, actor)
        if low in RELATIVE_PRONOUNS:  # "critics, who have questioned ...": the critics
            antecedent = self._relative_antecedent(mention)
            if antecedent is not None:
                res = self._resolve(antecedent)
                if res.speaker is not None and res.speaker.name and not (
                        low == "which" and res.actor is not None and res.actor.kind == "person"):
                    return Resolution(replace(res.speaker, mention=mention, resolved_from="relative"), res.actor)
            return Resolution(Speaker(mention, None, None, resolved_from="pronoun-unresolved"), None)
        if low in ANOTHER:  # "One adviser said ... Another said ...": a second such source
            res = self._another(mention, text)
            if res is not None:
                return res
        together = self._joint_antecedent(mention, low)
        if together is not None:  # "the three governments said in a joint statement"
            return together
        if low in STOP_WORDS:  # "Some believe", "Many say": nobody in particular
            return Resolution(Speaker(mention, None, None, resolved_from="unresolved"), None)
        named = NAMED_ADMINISTRATION.fullmatch(text)
        if named:  # "the Obama administration said": the executive of those years, not the man
            org_id = "us-exec" if "us-exec" in self.gaz.organizations else None
            name = text[0].lower() + text[1:] if text.startswith("The ") else text
            actor = Actor(f"o:{slug(name.removeprefix('the '))}", name, "organization",
                          (Role(name, org_id),) if org_id else ())
            return Resolution(Speaker(mention, actor.id, name, None, org_id, self.gaz.path(org_id),
                                      "organization"), actor)
        post = BARE_POST.fullmatch(text)
        if post and post.group("owner") and self.gaz.organization_in(post.group("owner")) is None:
            post = None  # "Roe's spokesman": whose, below; only a country's post is a post alone
        if post:  # "Marovian leader tells paper", "President warns", "the Russian leader": a post
            # with no name, as headlines write it. Its holder, when the page titles one person
            # so (of that country, when one is named); else an unnamed holder
            owner, adj, word = post.group("owner"), post.group("adj"), post.group("word").lower()
            national = adj is not None and (bool(self.gaz.find(adj)) or DEMONYM_SHAPE.fullmatch(adj) is not None)
            roles = POST_HOLDERS.get(word, (word,)) if adj is None or national else (f"{adj.lower()} {word}",)
            country = self.gaz.organization_in(owner) if owner else None
            # "Australia's climate minister said ...", then "Minister Tom Baird": the post itself too
            for role in dict.fromkeys((*roles, word) if country else roles):  # "Vice President": the whole post
                holder = self.people.title_holder(role)
                if not holder:
                    continue
                if country is not None:  # the one person the page titles so, when no other country claims them
                    fits = len(holder.split()) > 1 and self.gaz.organization_in(
                        " ".join(x for x in self._titles(holder) if x)) in (None, country)
                else:
                    fits = adj is None or len(holder.split()) > 1 and (not national or self._of_country(holder, adj))
                if fits:
                    return self._person(mention, holder, "title")
            holder = self._epithet_holder(low, mention.start)  # "the Florida senator": "Florida Sen. Ann Roe"
            if holder is None and self.people._block_of(mention.start) == 0 and adj is None and owner is None:
                holder = self._lede_titled(word)  # a headline's "Envoy tells senators ...": the lede's envoy
            return self._person(mention, holder, "epithet") if holder else self._anonymous(mention, text)
        # a person named inside the mention: the one heading it ("Jane Roe, like Obama, ...",
        # not "Brexit and Trump's threats")
        inside = self.people.persons_in(mention.start, mention.end)
        pair = self._pair(mention, inside)
        if pair is None and (two := SURNAME_PAIR.fullmatch(text)):
            # "Lula and Sheinbaum call for talks": two surnames the page writes out in full
            names = [self.people.full_name(w, mention.start) for w in two.groups()]
            pair = " and ".join(names) if all(names) and names[0] != names[1] else None
        if pair is not None:
            return self._group(mention, pair)
        name = self._head_person(mention, inside)
        words = text.split()
        head_part = text.split(",")[0].strip()  # "Okafor, 56, who chairs the panel"
        head_words = head_part.split()
        named_body = any(e == len(head_part) for _, e, _ in self.gaz.find(head_part))  # "The Justice Department"
        if name is None and head_words and head_words[-1][:1].isupper() and not named_body \
                and not any(w.lower() in ANONYMOUS_HEADS | GROUP_HEADS and not (w in TITLE_NOUNS and i < len(head_words) - 1)
                            for i, w in enumerate(head_words)) and len(head_words) <= 6 \
                and not AGENT_OF.search(head_part):
            # "Okafor", "Gen. Bell", "Secretary Smith": titles then a capitalised name
            # the name starts after the title ("Foreign Minister Ivo Reyes": "Ivo Reyes")
            titled = max((i for i, w in enumerate(head_words[:-1]) if w.rstrip(".") in TITLE_NOUNS
                          or "-" in w and any(part in TITLE_NOUNS for part in w.split("-"))),  # "Secretary-General"
                         default=-1)
            lead = [w for w in head_words[titled + 1:-1] if w.rstrip(".") not in TITLE_NOUNS
                    and w not in NAME_PARTICLES]  # "de Blasio": the surname's particle, not a first name
            joins = [i for i, w in enumerate(lead) if w in ("of", "for")] if titled >= 0 else []
            if joins:  # "Secretary of State Julia Park": the name opens with a first name after the title's "of"
                given = next((i for i, w in enumerate(lead) if i > joins[-1] and is_given_name(w.rstrip("."))), None)
                lead = lead[given:] if given is not None else lead
            if not lead:
                name = head_words[-1]
            elif self._unseen_name(lead, head_words[-1], text[len(head_part):], titled=titled >= 0):
                name = " ".join(lead + head_words[-1:])
                self.people._memo.setdefault("unseen", {}).setdefault(head_words[-1], set()).add(name)
        parts = [p.strip() for p in text.split(",")]
        if name is None and len(parts) >= 2 and re.search(r"['’]s?\s|^(?:the|a|an|his|her|its|their)\s", parts[0], re.I):
            # "Okafor's spokesman, Ivo Brandt", "her deputy, Anders Lie": an apposition with a
            # first name NER missed
            apposed = parts[1].split()
            if 2 <= len(apposed) <= 3 and all(w[:1].isupper() for w in apposed) \
                    and self._unseen_name(apposed[:-1], apposed[-1], ""):
                name = " ".join(apposed)
                self.people._memo.setdefault("unseen", {}).setdefault(apposed[-1], set()).add(name)
        role = re.fullmatch(r"the\s+(%s)" % "|".join(ROLE_WORDS), head_part, re.I)
        if name is None and role:  # "the president said": the person the article titles so
            holder = self.people.title_holder(role.group(1).lower())
            if holder:
                return self._person(mention, holder, "title")
        if name is None and _epithet(low):
            # "the Florida senator said", "the Russian leader said": the one person named before
            # whose title holds every word of the description. The nearest person is not
            # guessed: that antecedent was right only about three times in four on PolNeAR train
            holder = self._epithet_holder(low, mention.start)
            if holder is not None:
                return self._person(mention, holder, "epithet")
            if not self.gaz.find(text):
                return self._anonymous(mention, text)
        if name is not None:
            name = self._recased(name)
            if len(name.split()) == 1:
                gender = self.people.honorific_gender(mention.start)
                full = self.people.full_name(name, mention.start, gender)
                if full:
                    return self._person(mention, full, "surname")
                common = name.lower() in DESCRIBED_HEADS or name.rstrip(".") in TITLE_NOUNS
                full = self.people.first_word_owner(name, gender) if not common else None
                if full and self.people.entity_label(mention.start, mention.end) in BODY_ENTITIES:
                    full = None  # "EgyptAir", "Cleveland": a body or a place, whatever follows it
                if full:  # "Wang" of "Wang Yi", a surname written first; "Bernie" of Bernie Roe
                    return self._person(mention, full, "first-word")
                if len(words) == 1 and self._demonym_plural(name):  # "Nigerians say"
                    return self._group(mention, text)
                if len(words) == 1:  # a word never written out as a full name: a group, a body or a person
                    tok = self.people._token_at(mention.start)
                    if tok is not None and tok.tag_ == "NNS":  # "Pollsters say", "Friends said", "Polls show"
                        return self._group(mention, text)
                    initialism = re.fullmatch(r"[A-Z]{2,4}", name)  # "AP says", "HP said": no one's name
                    if not self.people.titled(name) and (initialism or not is_given_name(name) and self.people.entity_label(
                            mention.start, mention.end) in BODY_ENTITIES):
                        return self._named_body(mention, text)  # "CNN reported", "Cleveland said"
                label = clean_mention(mention.text).split()
                if name.isupper() and len(label) > 1 and label[0].rstrip(".").capitalize() in {*HONORIFIC_SEX, *TITLE_NOUNS}:
                    name = name.capitalize()  # "MR. ALVAREZ:" on a page that writes him nowhere else
                unseen = self.people._memo.get("unseen", {}).get(name, set())
                if len(unseen) == 1:  # "Zaheed said", after "Murshed Zaheed, acting political director of ..."
                    return self._person(mention, next(iter(unseen)), "surname")
                return self._person(mention, name, "surname-unresolved")
            if name.split()[0].lower() in NAME_PARTICLES and name[:1].isupper():
                # "De la Fuente added", capitalised at a sentence's start: Laura de la Fuente
                lowered = self.people.longest_form(name[:1].lower() + name[1:])
                if lowered != name[:1].lower() + name[1:]:
                    return self._person(mention, lowered, "surname")
            return self._person(mention, self.people.longest_form(name), "name")
        after_role = ROLE_THEN_NAME.fullmatch(text) if name is None else None
        if after_role is not None and not self.gaz.find(after_role.group(2)) and not mention.text.rstrip().endswith(".") \
                and not any(self.gaz.rank(w) > 1 or w.rstrip(".") in TITLE_NOUNS or w in SERVICE_WORDS
                            for w in after_role.group(2).split()):
            # "External Affairs Ministry spokesperson Randhir Jaiswal", whose name the tagger did
            # not see: the capitalised words after the post
            return self._person(mention, after_role.group(2), "title")
        head = words[-1].lower() if words else ""
        orgs = self.gaz.find(text)
        head_word = re.sub(r"[^a-z]", "", (low.split(" involved")[0].split(" who ")[0].split()[-1:] or [""])[0])
        possessed = POSSESSED_AGENT.fullmatch(text)
        if possessed and self.gaz.names_body(possessed.group("owner")):
            return self._anonymous(mention, text)  # "China's representative": of China, not a body of that name
        if (any(w in ANONYMOUS_HEADS for w in re.findall(r"[a-z]+", low)) or AGENT_OF.search(text)) and not (
                head_word in GROUP_HEADS and not re.match(r"^(an?|one|another|the)\b", low)):
            return self._anonymous(mention, text)
        unnamed = UNNAMED_PERSON.match(low)
        if unnamed:  # "a federal judge", "one New Hampshire Democrat"
            return self._anonymous(mention, text)
        paper = UNNAMED_DOCUMENT.match(low)
        if paper and not any(start < paper.start(1) for start, _, _ in orgs):
            # "an internal note seen by Reuters", "a report": a source the page describes and does
            # not name, as an anonymous one
            return self._anonymous(mention, text)
        owner = next((o for o in reversed(orgs) if o[1] <= paper.start(1)), None) if paper else None
        gap = text[owner[1]:paper.start(1)].split() if owner is not None else []
        if owner is not None and len(gap) <= 1 and all(w.islower() and w not in ("news", "media", "press") for w in gap):
            # "a White House readout of the call", "State Department documents": the body's own
            return self._org_speaker(mention, owner[2], "organization")
        joint = self._joint(text, orgs)
        if joint:  # "France and Ireland", "the leaders of France and Ireland": both, not the last named
            return self._group(mention, text, joint=joint)
        gaps = [text[a:b] for a, b in zip([0] + [e for _, e, _ in orgs], [s for s, _, _ in orgs] + [len(text)])]
        if len(orgs) > 1 and all(re.fullmatch(r"\s*(?:,|,?\s*(?:and|or|&))\s+(?:the\s+)?", g) for g in gaps[1:-1]) \
                and re.fullmatch(r"(?:the\s+)?", gaps[0], re.I) and not gaps[-1].strip():
            return self._group(mention, text)  # "France or Ireland": one of them, not said which
        if orgs and orgs[-1][1] == len(text) and THING_OF_PLACE.search(text, 0, orgs[-1][0]) \
                and not RULERS_IN.search(text, 0, orgs[-1][0]):
            # "The war in Yemen has shown ...", "Obama's policy toward Syria shows ...": a thing
            # about a country speaks, not that country's government
            return Resolution(Speaker(mention, None, text, resolved_from="unresolved"), None)
        if orgs and orgs[-1][1] == len(text):
            # the mention *is* a body ("the State Department"); "The Washington Post" is not
            # Washington, because the alias does not end the phrase. A bare word that is also a
            # person's surname in this article ("Jordan said", Rep. Jim Jordan) is the person.
            if len(words) == 1 and words[0][:1].isupper():
                full = self.people.full_name(words[0], mention.start)
                if full:
                    return self._person(mention, full, "surname")
            if self._country_ends_a_name(text, *orgs[-1]):
                return self._named_body(mention, text)
            return self._org_speaker(mention, orgs[-1][2], "organization")
        if re.search(r"\badministration\b", text[:1].lower() + text[1:]):  # not "the Food and Drug Administration"
            org_id = self.gaz.organization_in(text) or next(
                (o for o in self.gaz.organizations if self.gaz.organizations[o].kind == "executive"
                 and "the administration" in self.gaz.organizations[o].aliases), None)
            return self._org_speaker(mention, org_id, "organization") if org_id else \
                Resolution(Speaker(mention, None, text, resolved_from="group"), None)
        if head in GROUP_HEADS:
            return self._group(mention, text, self.gaz.organization_in(text))
        named = all(w[:1].isupper() for w in words) and words[0].lower() not in STOP_WORDS
        if self._plural_head(mention) and not named:  # "Many Nigerians", "human rights groups";
            # a name in capitals is a body ("Blue Harbour Partners", "United Nations")
            return self._group(mention, text)
        # an outlet or other named body the gazetteer does not know ("Reyes's office" is the
        # office of the Ivo Reyes the page names)
        if text[:1].isupper() or text.lower().startswith("the "):
            return self._named_body(mention, text)
        return Resolution(Speaker(mention, None, None, resolved_from="unresolved"), None)

    def _country_ends_a_name(self, text: str, start: int, end: int, org_id: str) -> bool:
        """'Offshore Energies UK', 'Amnesty International USA', 'New Mexico': a country's name
        that ends a longer proper name is part of that name, not the country's government."""
        before = text[:start].split()
        if not before or self.gaz.organizations[org_id].kind != "government":
            return False
        word = before[-1]
        return (word[:1].isupper() and word.lower() not in ("the", "a", "an") and not word.endswith(("'s", "’s"))
                and not self.gaz.find(word) and not self.gaz.rank(word) > 1)

    def _anonymous(self, mention: Span, text: str) -> Resolution:
        """Someone the article describes and does not name, kept with the description."""
        earlier = self._described_before(mention, text)
        if earlier is not None:
            return earlier
        org_id = self.gaz.organization_in(text) or self._branch_of_page_country(text, mention.start)
        later = self._lede_holders().get(mention.start)
        if later is not None and text == later[3]:
            name, role, org_id, _ = later
            actor = Actor(person_id(name), name, "person", (Role(role, org_id),))
            return Resolution(Speaker(mention, actor.id, name, role, org_id, self.gaz.path(org_id), "named-later"), actor)
        institution = (BARE_INSTITUTION.search(text) or INSTITUTION_NOUN.search(text)) \
            if org_id is None and not FORMER.search(text) else None
        if institution is not None:  # "A Commission spokesperson" after "European Commission President X"
            # spoke; "a department spokeswoman" after "the Commerce Department announced"
            word = institution.group(0).lower()
            org_id = next((sp.organization_id for start, sp, _ in reversed(self.history)
                           if start < mention.start and mention.start - start < 1500 and sp.organization_id
                           and sp.mention is not None and word in sp.mention.text.lower()), None) \
                or self._state_body_before(mention.start, word)
        seat = SEAT_IN.search(text) if org_id is None and STATE_VOICE.search(text) and not FORMER.search(text) \
            and "diplomat" not in text.lower() else None
        if seat is not None and not any(w[0].isupper() for w in text[:seat.start()].split()[1:]):
            # "a ministry spokesman in Ottawa": that capital's government, at its ministry ("a
            # Western diplomat in Beijing", "a diplomat in Brussels" are posted there, not its own)
            country = self._seat_of(seat.group(1))
            org_id = country and (self._ministry_of(country, text) or country)
        if org_id is None and STATE_VOICE.search(text) and not FORMER.search(text):
            org_id = self._paragraph_seat(mention.start)  # "In Berlin, a government spokesman said"
            if org_id is None and re.search(r"\bgovernment\b", text, re.I):
                # "TOKYO (Wire) - ..., the government's top spokesman said": the dateline's government
                org_id = self._dateline_seat() or self._page_country()
        desc = self._owner_in_full(text, mention.start)
        actor = Actor(f"anon:{self.doc_id[:8]}:{slug(desc)}", desc, "anonymous", (Role(desc, org_id),) if org_id else ())
        return Resolution(Speaker(mention, actor.id, desc, desc, org_id, self.gaz.path(org_id), "anonymous"), actor)

    def _written_out(self, person) -> str | None:
        """A person mention's full name: as written when it has several words, else the person
        its surname stands for there."""
        if len(person.name.split()) > 1:
            return self.people.longest_form(person.name)
        return self.people.full_name(person.name, person.start)

    def _lede_titled(self, word: str) -> str | None:
        """The one person the first paragraphs after the headline name with a title holding
        ``word`` ("The U.S. special envoy for Sudan, Ann Roe, told senators ..." for a headline's
        "Envoy"); None for none or two."""
        starts = self.people._block_starts
        end = starts[LEDE_BLOCKS + 1] if LEDE_BLOCKS + 1 < len(starts) else len(self.text)
        found = set()
        for person in self.people.persons_in(starts[1] if len(starts) > 1 else 0, end):
            name = self._written_out(person)
            if name and len(name.split()) > 1 and \
                    word in re.findall(r"[a-z]+", " ".join(t for t in self._titles(name) if t).lower()):
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def _lede_holders(self) -> dict[int, tuple[str, str, str | None, str]]:
        """A lede's posts named in the paragraphs after: "The U.S. special envoy for Sudan told
        senators ...", then "Envoy Tom Perriello said". The one person named in the next two
        paragraphs whose title has the post's head noun, with no one named before the post,
        holds it, and the post and its body are theirs for the whole page (its headline too).
        By where the post is written: (name, post, body, the post's words)."""
        memo = self.people._memo
        if "lede" in memo:
            return memo["lede"]
        memo["lede"] = held = {}
        for mention in self.mentions:
            block = self.people._block_of(mention.start)
            text = clean_mention(mention.text)
            post = LEDE_POST.fullmatch(text)
            if post is None or block > 2 or self.people.persons_in(0, mention.start):
                continue
            org_id = self.gaz.organization_in(text) or self._branch_of_page_country(text, mention.start)
            head = post.group(1).lower()
            starts = self.people._block_starts
            end = starts[block + 3] if block + 3 < len(starts) else len(self.text)
            found = set()
            for person in self.people.persons_in(mention.end, end):
                name = self._written_out(person)
                if not name or len(name.split()) < 2:
                    continue
                title = " ".join(t for t in self._titles(name) if t)
                if head not in re.findall(r"[a-z]+", title.lower()):
                    continue
                other = self.gaz.organization_in(title)
                if other is not None and org_id is not None and \
                        self.gaz.tree.government(other) != self.gaz.tree.government(org_id):
                    continue  # "The U.S. envoy ... Russia's envoy, Ivan Petrov": someone else
                found.add(name)
            if len(found) != 1:
                continue
            [name] = found
            role = re.sub(r"^the\s+", "", text, flags=re.I)
            held[mention.start] = (name, role, org_id, text)
            memo.setdefault("person_orgs", {}).setdefault(person_id(name), org_id)
            memo.setdefault("person_posts", {}).setdefault(person_id(name), role)
        return held

    def _interviewee(self, pos: int) -> str | None:
        """Who answers an interview's "A:" turns: the one person the page names in full before
        its first turn ("Minister Anna Lind spoke to The Courier"); None if it names several."""
        if "interviewee" not in self.people._memo:
            first = re.search(r"(?m)^(?:%s)\s*:" % "|".join(QUESTION_TURNS), self.text)
            end = first.start() if first is not None and first.start() <= pos else 0
            names = {p.name for p in self.people.persons_in(0, end)} if end else set()
            names = {" ".join(w for w in n.split() if w.rstrip(".") not in TITLE_NOUNS) for n in names}
            full = {n for n in names if len(n.split()) > 1}
            self.people._memo["interviewee"] = full.pop() if len(full) == 1 else None
        return self.people._memo["interviewee"]

    def _described_before(self, mention: Span, text: str) -> Resolution | None:
        """'A senior administration official said ... The official said ...': a definite
        description that repeats the head (and any words) of one unnamed source described just
        before is that source. With two such sources in reach, neither is guessed."""
        m = DEFINITE_ANAPHOR.fullmatch(text.lower())
        if m is None:
            return None
        head, words = m.group(2), [w for w in m.group(1).split() if w != "same"]
        found, here = {}, {}
        paragraph = self.text.rfind("\n", 0, mention.start)
        for start, sp, actor in reversed(self.history):  # resolved about in page order
            if mention.start - start > 2 * ANAPHOR_REACH:
                break  # far enough back: a long page stays linear
            if actor.kind != "anonymous" or not 0 < mention.start - start <= ANAPHOR_REACH:
                continue
            described = re.findall(r"[\w.’'\-]+", actor.name.lower())
            if head in described and all(w in described for w in words):
                found[actor.id] = (sp, actor)
                if start > paragraph:
                    here[actor.id] = (sp, actor)
        # one such source in reach, or one in this very paragraph ("A State Department official
        # said ... 'We ask for more,' the official said" after another official paragraphs before)
        chosen = found if len(found) == 1 else here
        if len(chosen) != 1:
            return None
        [(sp, actor)] = chosen.values()
        return Resolution(replace(sp, mention=mention), actor)

    def _another(self, mention: Span, word: str) -> Resolution | None:
        """'Another' or 'a second' right after an unnamed source ('One adviser', 'a diplomat
        involved in the talks'): another of the same kind, not that one. After anyone else
        ('Roe tweeted ... Another tweeted'), nobody in particular."""
        for start, sp, actor in reversed(self.history):
            if start >= mention.start:
                continue
            if mention.start - start > ANAPHOR_REACH or actor.kind != "anonymous":
                return None
            described = re.split(r"\s+(?:who|involved|familiar|close|with|of|from|in|at|on|for)\b", actor.name.lower())[0]
            heads = [w for w in re.findall(r"[a-z]+", described) if w in ANONYMOUS_HEADS]
            return self._anonymous(mention, f"{word} {heads[-1]}") if heads and heads[-1] in SINGULAR_HEADS else None
        return None

    def _named_body(self, mention: Span, text: str) -> Resolution:
        """An outlet, firm or place the gazetteer does not know, as the organisation it names."""
        text = self._owner_in_full(text, mention.start)
        state = STATE_BODY.fullmatch(text)
        org_id = self.gaz.organization_in(state.group(1)) if state else None
        if org_id is not None and self.gaz.organizations[org_id].kind != "government":
            org_id = None
        if org_id is not None and (tail := LEADERS_OFFICE.search(text)) is not None:
            org_id = self._leaders_office(org_id, tail.group(1))  # "South Africa's presidency": its Presidency
        if org_id is None and STATE_DEPARTMENT.match(text):  # "the Department of Fisheries" of the page's country
            org_id = self._page_country()
        unowned = UNOWNED_MINISTRY.fullmatch(text)
        if org_id is None and unowned is not None and unowned.group(1).lower() in PORTFOLIOS:
            # "The Foreign Ministry declined to comment" in a story from Tokyo: Japan's, its own
            # ministry where the gazetteer knows it, else its government
            country = self._page_country() or self._dateline_seat()
            org_id = (self._ministry_of(country, text) or country) if country else None
        office = LEADERS_OFFICE.fullmatch(text)
        if org_id is None and office is not None:
            # "the presidency said" on a page about one country that never names the US (as a
            # president); "the chancellery", "the prime minister's office" on a page about one country
            org_id = self._leaders_office(self._leader_seat(mention.start, office.group(1)), office.group(1))
        # "Japan's foreign ministry", "the Iranian army": a body of that country's state
        actor = Actor(f"o:{slug(text.removeprefix('The ').removeprefix('the '))}", text, "organization",
                      (Role(text, org_id),) if org_id else ())
        return Resolution(Speaker(mention, actor.id, text, None, org_id, self.gaz.path(org_id), "organization"), actor)


# "the Obama administration", "the Biden White House": a president's executive ("the Food and
# Drug Administration", capitalised, is a body's own name)
NAMED_ADMINISTRATION = re.compile(r"(?:[Tt]he\s+)?(?:(?!The\b)[A-Z][\w.'’\-]+\s+){1,2}(?:administration|White House)")
# a name that modifies who speaks ("a Roe ally", "the Roe campaign's lawyer"): not the speaker
NAME_AS_MODIFIER = re.compile(r"(?:[a-z\-]+\s+){0,2}(?:all(?:y|ies)|aides?|advis[eo]rs?|spokes(?:man|woman|person)|"
                              r"supporters?|loyalists?|confidants?|critics?|rivals?|surrogates?|lawyers?|"
                              r"attorneys?|strategists?|backers?|donors?|campaign)\b")
# a country's leader, as a whole title: not "Vice President" nor "president of the Brady Campaign"
PRESIDENCY_POST = re.compile(r"(?:[Tt]he\s+)?(?:[Vv]ice|[Dd]eputy)\s+[Pp]resident|[Pp]residential\s+(?:spokes(?:man|woman|person)|"
                             r"adviser|advisor|aide)|[Pp]residency\s+spokes(?:man|woman|person)")
HEAD_OF_STATE = re.compile(r"(?:[Tt]he\s+)?(?!Vice\b|Deputy\b|Former\b)(?:[A-Z][a-z]+\s+)?"
                           r"([Pp]resident|[Pp]rime [Mm]inister|[Cc]hancellor|[Pp]remier)")
INSTITUTION_NOUN = re.compile(r"\b(?:department|ministry|embassy|agency|commission)\b")  # lower case: a body just named
SEAT_IN = re.compile(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s*$")  # "a ministry spokesman in Ottawa"
STATE_VOICE = re.compile(r"\b(?:government|official|officials|spokes(?:man|woman|person)|minist(?:er|ers|ry)|diplomats?)\b", re.I)
BRIEFING_IN = re.compile(r"\b(?:briefing|news conference|press conference)\s+in\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
SEAT_OPENING = re.compile(r"[ \t]*(?:In|From|Meanwhile in|Meanwhile, in)\s+([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?),")
BLOC_OWNER = re.compile(r"\b(?:the|this)\s+(?:bloc|alliance|trading bloc|regional bloc)['’]s?\b", re.I)
# posts of a cabinet: "Natural Resources Minister", "the prime minister", "deputy minister"
UNNAMED_BRANCH = re.compile(r"(?:an?|one|two|three|several|some|other|another)\s+(?:(?:senior|top|high-ranking|"
                            r"current|military|civilian)\s+)*(administration|defen[cs]e|military)\s+"
                            r"(?:officials?|sources?|aides?|officers?)\b", re.I)
CABINET_POST = re.compile(r"\b(?:minister|ministry|premier|cabinet secretary|secretary of state for)\b", re.I)
UNOWNED_MINISTRY = re.compile(r"(?:[Tt]he\s+)?(\w+)\s+[Mm]inistry")  # "the Foreign Ministry", no country named
STATE_DEPARTMENT = re.compile(r"(?:[Tt]he\s+)?(?:Department|Ministry)\s+(?:of|for)\s+[A-Z]")
STATE_BODY = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?:['’]s?)?)\s+(?:[a-z\-]+\s+){0,2}"
                        r"(?:ministry|army|military|navy|air force|armed forces|coast ?guard|border guard|government|cabinet|presidency|embassy|"
                        r"mission|delegation|central bank|parliament|police|foreign office|interior ministry)")


def person_id(name: str) -> str:
    """One id for a person however the page writes the middle initial: "Donald J. Trump" and
    "Donald Trump" are p:donald-trump, in every document (as they are within one). Two initials
    ("George H. W. Bush") and suffixes ("Donald Trump Jr.") stay part of it."""
    words = name.split()
    initials = [i for i, w in enumerate(words[1:-1], 1) if re.fullmatch(r"[A-Z]\.?", w)]
    if len(initials) == 1:
        del words[initials[0]]
    return f"p:{slug(' '.join(words))}"


@dataclass(frozen=True)
class MergeSuggestion:
    """Two person actors that may be one: ``from_id`` is the one to fold into ``into_id``."""

    from_id: str
    into_id: str
    why: str
    sure: bool  # the only candidate and sharing a role; otherwise the analyst must look




def suggest_merges(actors: dict[str, Actor], counts: dict[str, int]) -> list[MergeSuggestion]:
    """People a page could only name by surname ("President Obama") or with a middle name
    ("Hillary Rodham Clinton"), beside the full name other pages give. Never applied by
    itself: "Obama" may be Barack or Michelle, so the analyst decides (``actors merge``)."""
    def parts(a: Actor) -> list[str]:
        return [w for w in a.name.split() if not re.fullmatch(r"[A-Z]\.?", w)]

    def titles(a: Actor) -> set[str]:
        return {r.title.lower() for r in a.roles if r.title}

    people = [a for a in actors.values() if a.kind == "person" and parts(a)
              and not any(w.rstrip(".").lower() in NAME_SUFFIXES for w in a.name.split())]  # "Jr." is someone else
    by_surname: dict[str, list[Actor]] = defaultdict(list)
    for a in people:
        by_surname[parts(a)[-1]].append(a)
    out = []
    for a in people:
        words = parts(a)
        fuller = [b for b in by_surname[words[-1]] if b.id != a.id and (
            len(parts(b)) > 1 if len(words) == 1 else len(parts(b)) > len(words) and parts(b)[0] == words[0])]
        if not fuller:
            continue
        sharing = [b for b in fuller if titles(a) & titles(b)]
        pick = sharing[0] if len(sharing) == 1 else max(fuller, key=lambda b: counts.get(b.id, 0))
        if len(fuller) == 1:
            why = f"{pick.name} is the only fuller name"
        else:
            why = f"{pick.name}, or {', '.join(b.name for b in fuller if b is not pick)}"
        from_id, into_id = a.id, pick.id
        if len(words) > 1 and counts.get(pick.id, 0) < counts.get(a.id, 0):  # a middle name: the usual id stays
            from_id, into_id, why = pick.id, a.id, f"{a.name} is written so more often"
        if pick in sharing:
            why += f"; both titled {sorted(titles(a) & titles(pick))[0]!r}"
        out.append(MergeSuggestion(from_id, into_id, why, sure=len(fuller) == 1 and pick in sharing))
    return sorted(out, key=lambda m: (-counts.get(m.from_id, 0), m.from_id))


def merge_actor(existing: Actor | None, new: Actor) -> Actor:
    """Union of roles; the longer name wins (a full name over a surname), and of two as long,
    the same one whichever was seen first ("the FBI" over "The FBI")."""
    if existing is None:
        return new
    roles = list(existing.roles)
    for r in new.roles:
        if not any(r.title == o.title and r.organization_id == o.organization_id for o in roles):
            roles.append(r)
    name = max(existing.name, new.name, key=lambda n: (len(n), n))
    return Actor(existing.id, name, existing.kind, tuple(roles))


def combine_sightings(old: Actor, new: Actor) -> Actor:
    """One actor seen in two documents: :func:`merge_actor`, with each role's dates widened to
    cover both sightings (the store and the Spark job combine actors this one way)."""
    merged = merge_actor(old, new)
    roles = []
    for r in merged.roles:
        same = [o for o in (*old.roles, *new.roles) if o.title == r.title and o.organization_id == r.organization_id]
        starts = [o.start for o in same if o.start]
        ends = [o.end for o in same if o.end]
        roles.append(type(r)(r.title, r.organization_id, min(starts) if starts else None,
                             max(ends) if ends else None))
    return Actor(merged.id, merged.name, merged.kind, tuple(roles))


__all__ = ["DocumentResolver", "People", "RegisteredPerson", "Gazetteer", "load_gazetteer", "merge_actor",
           "combine_sightings", "person_id",
           "suggest_merges", "MergeSuggestion",
           "slug", "clean_mention"]
