"""The organisation gazetteer (data files), the user's registry of people, and name helpers."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import RegistryError
from ..model import Organization, Role
from ..parse import caps
from ..orgtree import Tree

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "plural", "them": "plural", "it": "thing", "i": "self", "we": "self",
            "you": "addressee", "me": "self", "us": "self"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "diplomat",
                   "diplomats", "officer", "officers", "spokesman", "spokeswoman", "spokesperson",
                   "person", "people", "insider", "insiders", "adviser", "advisers", "advisor",
                   "member", "members", "staffer", "staffers", "analyst", "analysts", "expert",
                   "experts", "lawmaker", "lawmakers", "negotiator", "negotiators", "envoy"}
GROUP_HEADS = {"administration", "government", "officials", "sources", "authorities", "leaders",
               "ministers", "diplomats", "lawmakers", "experts", "analysts", "critics",
               "supporters", "aides", "officers", "members", "people",
               # people who speak as many in the news: a sentence's first word is capitalised
               # ("Residents said"), and must not pass for a surname
               "residents", "witnesses", "protesters", "demonstrators", "activists", "voters", "citizens",
               "villagers", "soldiers", "troops", "rebels", "militants", "fighters", "insurgents",
               "police", "investigators", "prosecutors", "negotiators", "mediators", "observers",
               "economists", "doctors", "organizers", "organisers", "campaigners", "legislators",
               "senators", "republicans", "democrats", "conservatives", "liberals", "progressives",
               "tories", "socialists", "separatists", "islamists", "opponents", "allies", "donors",
               "investors", "executives", "workers", "farmers", "parents", "students", "families"}
APPOSITION_HEADS = ("head", "chief", "commander", "director", "secretary", "minister", "leader",
                    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "president",
                    "chairman", "chair", "deputy", "adviser", "advisor", "top", "the")
TITLE_NOUNS = {"General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Major", "Captain", "Secretary",
               "Minister", "President", "Ambassador", "Senator", "Sen", "Rep", "Representative",
               "Governor", "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Chairman", "Director", "Chief",
               "Commander", "Envoy", "Judge", "Justice", "King", "Queen", "Prince", "Pope", "Lieutenant",
               "Sergeant", "Marshal", "Premier", "Chancellor", "Speaker", "Leader", "Deputy", "Spokesman",
               "Sheikh", "Sheikha", "Emir", "Sultan", "Ayatollah", "Commissioner"}
TITLE_WORD = caps(r"(?:[A-Z][\w.\-’']*|of|for|the|and|on|to)")


# letters NFKD does not split into a base letter and an accent
UNSPLIT = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th"})


def slug(text: str) -> str:
    """An id part: "Élise Marchand" and "Elise Marchand" are elise-marchand."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower().translate(UNSPLIT))
                     if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60] or "x"


def fold_accents(text: str) -> str:
    """Each letter without its accent, one character for one, so offsets still hold:
    writers spell "Élysée" as "Elysée", "Elysee" or "Élysée"."""
    return "".join(_fold_char(c) for c in text) if not text.isascii() else text


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)[:1]
    return base if len(base) == 1 and base.isascii() and base.isalpha() else c


INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}[A-Z]$")


def clean_mention(text: str) -> str:
    text = text.replace("[", "").replace("]", "")
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" ,.:;")
    return text + "." if INITIALS_END.search(text) else text  # "U.S." keeps its stop: "U.S" is no one's name


LOOK_BACK = 100  # characters a rule reads before an alias
# "the African National Congress", "the National People's Congress": not the US Congress
NATIONAL_BEFORE = re.compile(r"\b(?:National|People['’]s)\s+$")
# a body's initials right before a title: whose the title is ("OPEC Secretary-General")
ACRONYM_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))((?:[A-Z]\.){2,}|[A-Z]{2,6})(?:['’]s)?\s+$")


@dataclass
class Gazetteer:
    organizations: dict[str, Organization]
    titles: list[tuple[str, str]]
    nationalities: dict[str, list[str]]
    seniority: dict[str, int]
    people: dict[str, "RegisteredPerson"] = field(default_factory=dict)  # by lower-cased name or alias
    capitals: frozenset[str] = frozenset()  # a government's capital, which may only be a place
    heads: dict[tuple[str, str], str] = field(default_factory=dict)  # (government, "president"): its office
    confirm: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "gov-ge": words a page must also hold
    generic_titles: frozenset[str] = frozenset()  # posts many countries have ("national security adviser")
    members: dict[str, frozenset[str]] = field(default_factory=dict)  # "eu": its member governments
    no_posts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "us": posts it does not have ("chancellor")
    _alias_re: re.Pattern | None = field(default=None, repr=False)
    _alias_map: dict[str, str] = field(default_factory=dict, repr=False)
    _capitals: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self):
        for org in self.organizations.values():
            for alias in (org.name, *org.aliases):
                self._alias_map.setdefault(alias, org.id)
        for oid, words in self.nationalities.items():
            for w in words:
                self._alias_map.setdefault(w, oid)
        for alias, oid in list(self._alias_map.items()):
            self._alias_map.setdefault(fold_accents(alias), oid)  # "Elysée" as the gazetteer's "Élysée"
        self._capitals = frozenset(fold_accents(c) for c in self.capitals)
        names = sorted({fold_accents(a) for a in self._alias_map}, key=len, reverse=True)
        self._alias_re = re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(map(re.escape, names)))

    @property
    def tree(self) -> Tree:
        return Tree(self.organizations)

    def path(self, org_id: str | None) -> tuple[str, ...]:
        return self.tree.path(org_id)

    def ancestors(self, org_id: str | None) -> list[str]:
        return self.tree.chain(org_id)

    def _owned_by_other(self, text: str, start: int, oid: str) -> bool:
        """Is the title at ``start`` another body's, by the initials right before it ("NATO
        Secretary-General", "ANC Secretary-General": not the UN's)?"""
        owner = ACRONYM_BEFORE.search(text, max(0, start - 16), start)
        if owner is None:
            return False
        found = self._alias_map.get(fold_accents(owner.group(1)))
        return found is None or self.ancestors(found)[-1:] != self.ancestors(oid)[-1:]

    def _in_other_name(self, text: str, m: re.Match) -> bool:
        """Is this alias part of another body's or a treaty's name ("the African National
        Congress", "the Rome Statute", "OPEC Secretary-General")?"""
        oid, at = self._alias_map[m.group(0)], m.start()
        lead = max(0, at - LOOK_BACK)  # each look back is bounded: a long page stays linear
        return (self._owned_by_other(text, at, oid)
                or (" " not in m.group(0) and NATIONAL_BEFORE.search(text, lead, at) is not None)
                or (self.organizations[oid].kind == "government"
                    and (PRIVATE_NAME_AFTER.match(text, m.end()) or PRIVATE_NAME_BEFORE.search(text, lead, at))))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Organisation aliases in ``text`` (longest first, non-overlapping)."""
        return [(m.start(), m.end(), self._alias_map[m.group(0)]) for m in self._alias_re.finditer(fold_accents(text))
                if not self._in_other_name(text, m)
                and (m.group(0) not in self._capitals
                     or not PLACE_BEFORE.search(text, max(0, m.start() - LOOK_BACK), m.start())
                     or RULERS_IN.search(text, max(0, m.start() - LOOK_BACK), m.start()))
                and not text.endswith("New ", 0, m.start())]  # "a New Jersey Democrat", "New Mexico": US states

    def named(self, text: str) -> set[str]:
        """The governments and blocs a text names in any way, a capital after "in" too (what a
        page is about, not who speaks)."""
        roots = set()
        for m in self._alias_re.finditer(fold_accents(text)):
            if self._in_other_name(text, m):
                continue
            oid = self._alias_map[m.group(0)]
            up = self.ancestors(oid)
            roots.add(up[-1] if up else oid)
        return roots

    def names_body(self, name: str) -> bool:
        """Whether a name is one of the gazetteer's bodies, written in full ("The Quai d'Orsay")."""
        return any(end == len(name) and name[:start].strip().lower() in ("", "the")
                   for start, end, _ in self.find(name))

    def organization_in(self, text: str) -> str | None:
        """The most specific organisation named in a title or description."""
        best: str | None = None
        for title, oid in self.titles:
            m = re.search(r"(?<!\w)%s(?!\w)" % re.escape(title), text, re.I)
            if m and not self._owned_by_other(text, m.start(), oid):
                if best is None or len(self.ancestors(oid)) > len(self.ancestors(best)):
                    best = oid
        titled = best
        for start, _, oid in self.find(text):
            if HOST_BEFORE.search(text, max(0, start - LOOK_BACK), start):
                continue  # "Veloria's ambassador to the EU": the EU receives them, it does not send them
            if self.organizations[oid].kind in ("government", "igo") and TOPIC_BEFORE.search(text, max(0, start - LOOK_BACK), start):
                continue  # "the EU's envoy on Syria", "an expert on Russia": what they deal with (one "on the Senate" sits in it)
            if titled is not None and self.ancestors(titled)[-1:] != self.ancestors(oid)[-1:] and best == titled:
                best = oid  # "France's secretary of state for the elderly": France's, not the State Department
            elif best is None or len(self.ancestors(oid)) > len(self.ancestors(best)):
                best = oid
        if best is not None and self.organizations[best].kind == "government" and AGAINST_GOVERNMENT.search(text):
            return None  # "Russia's opposition leader", "an exiled Belarusian dissident": not its voice
        if best is not None and self.organizations[best].kind == "government" and PRIVATE_ROLE.search(text):
            return None  # "an Israeli blogger", "Mexican-American voters": of the country, not its government
        if best is not None and self.organizations[best].kind == "government" and LEGISLATOR.search(text):
            return None  # "Democratic U.S. Rep. Gwen Graham": a legislator speaks for no government
        if best is not None and SHADOW.search(text):
            return None  # "Labour's shadow foreign secretary" holds no office in the Foreign Office
        if best is not None and FORMER.search(text) and not re.search(r"\bcurrent\s+and\s+former\b", text, re.I):
            return None  # "former Treasury Secretary Lawrence Summers" no longer speaks for the Treasury
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


HOST_BEFORE = re.compile(r"\b(?:ambassadors?|envoys?|emissar(?:y|ies)|consuls?|delegates?|delegations?|"
                         r"(?:permanent\s+)?representatives?|missions?|observers?)\s+to\s+(?:the\s+)?$", re.I)
TOPIC_BEFORE = re.compile(r"\b(?:on|about|over|regarding)\s+(?:the\s+)?$", re.I)
SHADOW = re.compile(r"\bshadow\b", re.I)
LEGISLATOR = re.compile(r"\b(?:Reps?\.|(?<!Trade )(?<!Permanent )(?<!Special )(?<!High )Representative|Sen\.|Senator|"
                        r"Congress(?:wo)?man|lawmakers?|legislators?|MPs?|members? of (?:parliament|congress)|"
                        r"parliamentarians?)(?!\w)")
FORMER = re.compile(r"\b(?:former|ex-|onetime|one-time|then-|retired|erstwhile)", re.I)
AGAINST_GOVERNMENT = re.compile(r"\b(?:opposition|dissidents?|exiled?|rebels?|insurgents?|separatists?)\b", re.I)
# a country's name inside a private body's: "the American Enterprise Institute", "Center for American
# Progress", "Democracy for America", "Priorities USA", "Bank of America"
PRIVATE_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w\-’']*){0,3}\s+(?:Institute|Association|Forum|Foundation|Federation|"
                                r"Society|League|Coalition|Alliance|Fund|Network|Cent(?:er|re)|Enterprise|Progress|"
                                r"Conference|Chamber|Airlines|Express|Legion|Rising|Corporation|Inc\b|Company|"
                                r"University|College|Club|Magazine|Today|Times|Journal|Watch|Post|Herald|Tribune|Daily|Gazette|"
                                # a treaty or meeting named for its city: "the Rome Statute", "the Paris Agreement"
                                r"Statute|Agreements?|Accords?|Conventions?|Protocol|Treaty|Declaration|Charter|Olympics)\b")
PRIVATE_NAME_BEFORE = re.compile(r"(?:\b(?:Organization|Owners|Center|Centre|Institute|Association|Democracy|Coalition|Fund|"
                                 r"Friends|Veterans|Women|Americans|Citizens|Workers|Committee|Alliance|League|Society|"
                                 r"Foundation|Church|University|College|Museum|Chamber|Network)\s+(?:for|of)\s+(?:the\s+)?|"
                                 r"\b[A-Z]{3,}\s+for\s+|\b(?:Priorities|Concerned\s+\w+|Pro-Choice)\s+)$")
# "an Israeli blogger", "a Mexican-American voter": a nationality, not a voice of its government
PRIVATE_ROLE = re.compile(r"\b(?:bloggers?|journalists?|reporters?|writers?|historians?|professors?|scholars?|academics?|"
                          r"researchers?|experts?|analysts?|specialists?|economists?|students?|businessm[ae]n|businesswom[ae]n|voters?|activists?|lawyers?|"
                          r"novelists?|artists?|columnists?|commentators?|faculty|clerics?|archbishops?|pastors?|"
                          r"rabbis?|imams?|priests?|celebrit(?:y|ies)|actors?|actress(?:es)?|athletes?|"
                          r"-Americans?|far-right|far-left|party (?:leader|chief|chairman|chairwoman|chair)|candidates?|nominees?|"
                          r"hopefuls?|contenders?|(?:wo)?m[ae]n|residents?|citizens?|neighbou?rs?|teenagers?|girls?|boys?|"
                          r"(?:eye)?witness(?:es)?|survivors?|victims?|passengers?|tourists?|bystanders?|protesters?|"
                          r"demonstrators?|"
                          r"think[ -]tanks?|(?:senior |research |visiting |non-?resident )?"
                          r"fellow (?:at|of|with))\b", re.I)
# "an analyst in Kyiv", "the University of Ottawa": the capital is where, not who
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|of|near|outside|to|around|across|based)\s+$", re.I)
# "the government in Beijing", "officials in Moscow": who rules there, not a place
RULERS_IN = re.compile(r"\b(?:government|authorities|officials|leadership|regime|administration|leaders|rulers)\s+in\s+$",
                       re.I)


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
    """A person the user declared, or one of onrecord's officeholders (``builtin``): canonical
    name, other names, and dated roles."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    builtin: bool = False

    def role_on(self, day: str | None) -> Role | None:
        """The role held on ``day`` (ISO date); without a date, or on a day the user's person
        held none, the latest role. An officeholder holds none outside their terms."""
        if not self.roles:
            return None
        if day:
            for r in self.roles:
                if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
                    return r
        return None if self.builtin else max(self.roles, key=lambda r: r.start or "")

    def in_office(self, day: str | None) -> bool:
        """May a page of ``day`` mean this person? A user's, always; an officeholder only while
        in a post (a "Mr. Bush" of 2016 is no president)."""
        return not self.builtin or self.role_on(day) is not None


def _people(layer: dict, where: str, orgs: dict, builtin: bool = False) -> list[RegisteredPerson]:
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
        out.append(RegisteredPerson(p["name"], tuple(p.get("aliases") or ()), tuple(roles), builtin))
    return out


def _add_countries(orgs: dict[str, Organization],
                   nationalities: dict[str, list[str]]) -> tuple[frozenset[str], dict[str, str]]:
    """Every country's government (from pycountry) that the gazetteer does not already define,
    with its demonyms (demonyms.yaml) so that "a Chadian officer" names its government. Returns
    the capitals and each country code's government id."""
    from .places import countries

    demonyms = yaml.safe_load(resources.files(__package__).joinpath("demonyms.yaml").read_text("utf-8"))
    capitals = yaml.safe_load(resources.files(__package__).joinpath("capitals.yaml").read_text("utf-8"))
    by_alias = {a: o.id for o in orgs.values() for a in (o.name, *o.aliases)}
    added: set[str] = set()
    codes: dict[str, str] = {}
    for code, names in countries().items():
        oid = next((by_alias[n] for n in names if n in by_alias), None)
        if oid is None:
            oid = f"gov-{code.lower()}"
            orgs.setdefault(oid, Organization(oid, names[0], None, tuple(names), "government"))
        codes[code] = oid
        cities = [c for c in capitals.get(code) or [] if c not in by_alias]  # "Tokyo protested"
        if cities:
            orgs[oid] = replace(orgs[oid], aliases=tuple(dict.fromkeys((*orgs[oid].aliases, *cities))))
        # every capital, the listed ones too ("London"), is only a place after "in", "at", "from"
        added.update(c for c in capitals.get(code) or [] if by_alias.get(c, oid) == oid)
        words = demonyms.get(code) or []
        if words:
            nationalities.setdefault(oid, [])
            nationalities[oid].extend(w for w in words if w not in nationalities[oid])
    return frozenset(added), codes


@lru_cache(maxsize=8)
def load_gazetteer(extra: str | None = None) -> Gazetteer:
    data = _read_yaml(resources.files(__package__).joinpath("gazetteer.yaml"))
    orgs: dict[str, Organization] = {}
    titles: list[tuple[str, str]] = []
    generic: set[str] = set()
    heads: dict[tuple[str, str], str] = {}
    confirm: dict[str, tuple[str, ...]] = {}
    no_posts: dict[str, tuple[str, ...]] = {}
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
            if t.get("generic"):
                generic.add(t["title"].lower())
        for oid, words in (layer.get("nationalities") or {}).items():
            nat.setdefault(oid, []).extend(words)
        for oid, words in (layer.get("confirm") or {}).items():
            confirm[oid] = tuple(words)
        for oid, posts in (layer.get("no_posts") or {}).items():
            no_posts[oid] = tuple(str(p).lower() for p in posts)
        for h in layer.get("heads") or []:
            if not isinstance(h, dict) or h.get("organization") not in orgs or not h.get("title"):
                raise RegistryError(f"a head needs a 'title' and a known 'organization': {h!r}", source=where)
            heads[(orgs[h["organization"]].parent_id, h["title"].lower())] = h["organization"]
    capitals, codes = _add_countries(orgs, nat)  # first: a body may sit under any country's government ("gov-br")
    members: dict[str, frozenset[str]] = {}
    for where, layer in layers:
        for bloc, listed in (layer.get("members") or {}).items():
            unknown = [c for c in listed if c not in codes] + ([bloc] if bloc not in orgs else [])
            if unknown:
                raise RegistryError(f"members of {bloc!r}: unknown {', '.join(map(str, unknown))}", source=where)
            members[bloc] = frozenset(codes[c] for c in listed)
    for o in orgs.values():
        if o.parent_id and o.parent_id not in orgs:
            raise RegistryError(f"organization {o.id!r} has unknown parent {o.parent_id!r}")
    people: dict[str, RegisteredPerson] = {}
    officeholders = _read_yaml(resources.files(__package__).joinpath("officeholders.yaml"))
    for person in _people(officeholders, "built-in officeholders", orgs, builtin=True):
        for key in (person.name, *person.aliases):
            people[key.lower()] = person
    for where, layer in layers:
        for person in _people(layer, where, orgs):
            for key in (person.name, *person.aliases):
                people[key.lower()] = person
    return Gazetteer(orgs, titles, nat, dict(data.get("seniority") or {}), people, capitals=capitals,
                     heads=heads, confirm=confirm, generic_titles=frozenset(generic), members=members,
                     no_posts=no_posts)
