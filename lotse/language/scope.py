"""Reading a text: tokens with lemmas, and the scopes of negation, time and person.

- Negation: "keine Schulden", "trinkt nicht mehr" put the words they govern in a negated scope; "kann die
  Miete nicht bezahlen" (inability), "die Heizung funktioniert nicht", "kommt nicht mehr die Treppe hoch"
  (something that does not work, someone who cannot get somewhere), "nicht genug Geld" (lack), "noch keinen
  Kitaplatz" (not yet), "nie Wohngeld beantragt" (not yet asked for) and "keiner hilft" (no one) do not.
- Time and state: a clause with "früher", "damals", "seit Jahren trocken", "läuft wieder", "haben wir schon",
  "ist erledigt" speaks of something past or already in place (`past`); the part of it that says a state
  has ended ("früher", "damals", "trocken", "erledigt"; not "schon", "wieder") is `former`. A clause that
  says the person already has something ("den Ausweis haben wir schon", "Kleidung haben wir genug", "Wohngeld
  bekommt sie bereits") is `held`: help already in place, unless "haben" only forms a past tense ("hat schon
  gedroht") or the clause is negated ("haben noch keinen Kitaplatz", "nicht genug").
- Person: who the text is about ("mein Sohn (15)", "die Nachbarin", "my mother") and the age it names.

The scopes are marks on tokens, not decisions: the need recogniser learns from its corpus what a negated or
past word means for a need. Everything runs in one pass over the tokens with bounded windows.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass

from lotse.language.lemmas import lemma
from lotse.language.pictographs import pictographs
from lotse.language.text import Token, fold_token, tokenize

__all__ = [
    "ADULT_AGE",
    "CLAUSE_WORDS",
    "INABILITY_BEFORE",
    "NEGATORS",
    "Reading",
    "person_age",
    "read",
    "segments",
]

NEGATORS = frozenset(
    {
        "nicht",
        "nich",
        "net",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nimmer",
        "not",
        "no",
        "never",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
    }
)
# "nicht genug Geld", "nicht ausreichend": a lack, which is a need.
_LACK_AFTER = frozenset({"genug", "ausreichend", "genuegend", "klar", "zurecht", "weiter", "enough"})
# "kann nicht bezahlen", "finde keine Wohnung": inability, which is a need.
INABILITY_BEFORE = frozenset(
    {
        "kann",
        "kan",
        "kannst",
        "koennen",
        "konnte",
        "konnten",
        "schaffe",
        "schafft",
        "schaffen",
        "krieg",
        "kriege",
        "kriegt",
        "bekomme",
        "bekommt",
        "bekommen",
        "finde",
        "findet",
        "finden",
        "fand",
        "weiss",
        "weis",
        "darf",
        "cant",
        "cannot",
        "can",
        "could",
    }
)
# "die Heizung funktioniert nicht", "Opa kommt nicht mehr die Treppe hoch", "klappt nicht": something that
# does not work or a person who cannot get somewhere, which is a need, not a denial. Not "geht nicht": "so
# geht es nicht weiter" and "es geht nicht mehr" are words of despair the model learned in their negated form
# (read as not working, they cost an emergency of the read s35 in both models trained that way).
_NOT_WORKING_BEFORE = frozenset(
    {
        "funktioniert",
        "funktionieren",
        "funktionierte",
        "klappt",
        "klappen",
        "klappte",
        "kommt",
        "komme",
        "kommen",
        "kam",
        "kamen",
    }
)
# Before a negator, these make it no denial.
_NO_DENIAL_BEFORE = INABILITY_BEFORE | _NOT_WORKING_BEFORE
_FORWARD = 4
#: A closing negation reaches back over this many words that carry meaning; pronouns and auxiliaries between
#: it and the verb do not count ("geschlagen hat er mich nicht"), up to _BACKWARD_REACH words in all. (A
#: clause word such as "doch" or "aber" ends the clause first, so it needs no place here.)
_BACKWARD = 3
_BACKWARD_REACH = 7
_BACKWARD_FREE = frozenset(
    (  # noqa: SIM905 (a word list reads better as one string)
        "ich du er sie es wir ihr man mich mir dich dir ihn ihm uns euch sich hat habe hab hast haben hatte "
        "hatten hattest ist bin bist sind war waren warst wird werde wirst werden wurde wurden das denn ja "
        "halt eben auch wirklich eigentlich"
    ).split()
)
# "noch nicht", "noch keinen Kitaplatz": not yet, which is still open, so a need.
_NOT_YET_BEFORE = frozenset({"noch", "yet"})
# "nie beantragt", "nicht gestellt": something not yet asked for is still to be done, so a need.
_TO_DO_AFTER = frozenset(
    {"beantragt", "beantragen", "gestellt", "angemeldet", "gemeldet", "applied", "registered"}
)
# "keiner hilft", "macht keiner auf": "keiner" as "no one" before a lower-case word negates nothing there;
# before a capitalised noun ("mit keiner Hilfe") it is the negating article.
_PRONOUN_NEGATORS = frozenset({"keiner"})

# Clauses that speak of something no longer the case ("früher obdachlos", "seit Jahren trocken", "ist
# erledigt") ...
_FORMER_MARKERS = frozenset(
    {
        "frueher",
        "damals",
        "ehemals",
        "ehemalig",
        "ehemalige",
        "ehemaligen",
        "vorher",
        "einst",
        "vorbei",
        "ueberstanden",
        "trocken",
        "clean",
        "abstinent",
        "used",
        "erledigt",
        "geklaert",
        "geregelt",
    }
)
# ... and those that speak of what is already in place or so again ("haben wir schon", "ist bewilligt",
# "wieder schwanger"): for the model both are past, but only the former ones say a state has ended.
_ALREADY_MARKERS = frozenset(
    {
        "wieder",
        "bewilligt",
        "genehmigt",
        "bereits",
        "schon",
        "inzwischen",
        "mittlerweile",
        "already",
    }
)
_PAST_MARKERS = _FORMER_MARKERS | _ALREADY_MARKERS
# A clause holding one of these verbs of having and one of the markers after them says what is already in
# place ("Pflegedienst haben wir schon", "Zeit hab ich genug", "we already get housing benefit").
_HAVING = frozenset(
    {
        "haben",
        "habe",
        "hab",
        "hat",
        "ham",
        "hamm",
        "bekommen",
        "bekomme",
        "bekommt",
        "kriegen",
        "kriege",
        "krieg",
        "kriegt",
        "beziehen",
        "beziehe",
        "bezieht",
        "erhalten",
        "erhalte",
        "erhaelt",
        "have",
        "has",
        "got",
        "get",
        "gets",
    }
)
_HELD_MARKERS = frozenset(
    {
        "schon",
        "bereits",
        "inzwischen",
        "mittlerweile",
        "genug",
        "genuegend",
        "ausreichend",
        "already",
        "enough",
    }
)
# "schon wieder", "schon mal": again, ever; not something in place.
_NOT_HELD_AFTER = frozenset({"wieder", "mal", "again"})
# A clause with a past participle uses "haben" for the past tense ("hat schon gedroht", "haben bereits einen
# Antrag gestellt", "hat schon alles versucht", "hab schon geguckt, welche Brücke", "have already applied"):
# no possession. A lower-case word of that shape anywhere in the clause counts; in a text written all in
# lower case a noun of that shape ("gewalt") counts too, so the clause is not read as help in place.
_PARTICIPLE = re.compile(
    r"\w*ge\w{2,}(?:t|en)|(?:be|ver|er|zer|ent|ueber|miss|hinter)\w{2,}(?:t|en)|\w{3,}iert|\w{3,}ed"
)
_SENTENCE_GAP = re.compile(r"[.!?;\n]")
_CLAUSE_GAP = re.compile(r"[,:()\-–]")
_DATE_END = re.compile(r"\. ?")
_QUESTION = re.compile(r"\?")
#: Words by which a sentence asks for help, whatever else it says (folded forms: "benötige" is read as
#: "benoetige"; German and English).
_ASKING_WORDS = frozenset(
    {
        "brauche",
        "brauchen",
        "braucht",
        "brauchte",
        "braeuchte",
        "braeuchten",
        "suche",
        "suchen",
        "sucht",
        "hilfe",
        "helfen",
        "hilft",
        "bitte",
        "benoetige",
        "benoetigen",
        "benoetigt",
        "unterstuetzung",
        "need",
        "needs",
        "help",
        "please",
    }
)
CLAUSE_WORDS = frozenset({"aber", "sondern", "doch", "trotzdem", "jedoch", "ausser", "but", "und", "weil"})

# Who a text is about, by the person words it uses.
_ROLES = {
    "child": {
        "sohn",
        "tochter",
        "kind",
        "kinder",
        "kindern",
        "enkel",
        "enkelin",
        "enkelkind",
        "baby",
        "saeugling",
        "junge",
        "maedchen",
        "stiefsohn",
        "stieftochter",
        "son",
        "daughter",
        "child",
        "kids",
        "teenager",
        "jugendliche",
        "jugendlicher",
        "schueler",
        "schuelerin",
    },
    "parent": {
        "mutter",
        "vater",
        "mama",
        "papa",
        "eltern",
        "oma",
        "opa",
        "grossmutter",
        "grossvater",
        "schwiegermutter",
        "schwiegervater",
        "mother",
        "father",
        "mum",
        "mom",
        "dad",
        "parents",
    },
    # The partner's sex tells who is likely concerned: "mein Mann hat mich geschlagen" is a woman's question,
    # "meine Frau schlägt mich" a man's.
    "partner_m": {"mann", "ehemann", "exmann", "freund", "lebensgefaehrte", "husband", "boyfriend"},
    "partner_f": {
        "frau",
        "ehefrau",
        "exfrau",
        "freundin",
        "partnerin",
        "lebensgefaehrtin",
        "wife",
        "girlfriend",
    },
    "partner": {"partner", "ex"},
    "sibling": {"bruder", "schwester", "brother", "sister"},
    "other": {
        "nachbar",
        "nachbarin",
        "nachbarn",
        "kollege",
        "kollegin",
        "klient",
        "klientin",
        "bewohner",
        "bewohnerin",
        "neighbour",
        "neighbor",
        "colleague",
        "patient",
        "patientin",
    },
}
ADULT_AGE = 18
_CHILD_WORDS = frozenset(_ROLES["child"]) | {"kid", "kleine", "kleinen", "sons", "daughters", "children"}
#: Compounds ending in these name a child ("Nachbarskind", "Pflegesohn", "Schulkinder").
_CHILD_ENDINGS = ("kind", "kinder", "kindern", "sohn", "tochter", "baby", "maedchen", "enkel", "schueler")
_CHILD_STARTS = ("kind", "jugend")
_ROLE_OF = {word: role for role, words in _ROLES.items() for word in words}
#: Words by which writers speak of themselves: a clause holding one ends the scope of another person.
_FIRST_PERSON = frozenset({"ich", "mich", "mir", "wir", "uns", "i", "me", "we", "us"})
_POSSESSIVE = frozenset(
    {
        "mein",
        "meine",
        "meinem",
        "meinen",
        "meiner",
        "unser",
        "unsere",
        "unserem",
        "unseren",
        "unserer",
        "my",
        "our",
        "die",
        "der",
        "den",
        "dem",
        "ihr",
        "ihre",
        "sein",
        "seine",
    }
)
# Ages attached to a person: "(15)", "15 Jahre alt", "15-jährig", "15j", "15 years old"; not "seit 15 Jahren".
_AGE_RE = re.compile(
    r"\((\d{1,3})\)|(?<![\d,.])(\d{1,3})\s*-?\s*(?:jahre?\s+alt\b|j(?:ä|ae)hrig|j\.|j\b|years?\s+old\b|yo\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A text read once: tokens, lemmas, sentence and clause numbers, scopes, person roles and ages."""

    tokens: tuple[Token, ...]
    lemmas: tuple[str, ...]
    sentences: tuple[int, ...]
    clauses: tuple[int, ...]
    negated: frozenset[int]
    #: Words in a clause about the past or about what is already in place ("haben wir schon").
    past: frozenset[int]
    #: The part of `past` that says a state has ended ("früher", "damals", "seit Jahren trocken").
    former: frozenset[int]
    roles: tuple[str, ...]
    ages: tuple[int, ...]
    #: Words of a sentence that asks for something: it ends with a question mark or holds a word of asking
    #: ("brauchen", "suche", "Hilfe", "bitte"). The rest of a long text is mostly its background.
    requests: frozenset[int] = frozenset()
    #: Words of a clause that says the person already has something ("den Ausweis haben wir schon",
    #: "Kleidung haben wir genug"): help in place, if the thing named is help (the model knows which).
    held: frozenset[int] = frozenset()
    #: Words of the clauses about another person than the writer ("meine Tochter trinkt", and "sie hat
    #: 25 Jahre getrunken" after it): whose trouble a word tells, which decides between the person's offer
    #: and the relatives' one.
    others: frozenset[int] = frozenset()

    def person_age(self) -> int | None:
        """The first plausible age the text names (0..110), e.g. "mein Sohn (15)" -> 15."""
        return self.ages[0] if self.ages else None

    def mentions_minor(self) -> bool:
        """Whether the text names a child or a young person at all: an age under 18 or a child word, alone
        or in a compound ("Kinder", "Nachbarskind", "Kindeswohl", "Jugendamt", "my son"), with or without
        "mein"."""
        if any(age < ADULT_AGE for age in self.ages):
            return True
        return any(
            t.folded in _CHILD_WORDS
            or t.folded.endswith(_CHILD_ENDINGS)
            or t.folded.startswith(_CHILD_STARTS)
            for t in self.tokens
        )


def segments(
    text: str, tokens: list[Token], clause_words: frozenset[str] = CLAUSE_WORDS
) -> tuple[list[int], list[int]]:
    """Sentence and clause number of every token (a clause ends at a comma, a bracket or a clause word)."""
    sentences, clauses = [], []
    sentence = clause = 0
    prev_end = 0
    previous: Token | None = None
    # Whether the previous token is the second number of a date ("12.03"): its closing dot before a word in
    # lower case ("am 12.03. um 9 Uhr") ends no sentence, while "ich bin 15. ich weiß" does.
    in_date = False
    for token in tokens:
        gap = text[prev_end : token.start]
        joined = previous is not None and _joins(gap, previous, token)
        date_end = in_date and _DATE_END.fullmatch(gap) and (token.text[:1].islower() or token.text.isdigit())
        if not (previous is None or joined or date_end):
            if _SENTENCE_GAP.search(gap):
                sentence += 1
                clause += 1
            elif _CLAUSE_GAP.search(gap) or token.folded in clause_words:
                clause += 1
        in_date = joined and gap == "." and token.text.isdigit()
        sentences.append(sentence)
        clauses.append(clause)
        prev_end = token.end
        previous = token
    return sentences, clauses


def _joins(gap: str, previous: Token, token: Token) -> bool:
    """Whether a mark between two tokens joins them into one word or number instead of ending a clause: the
    dot or comma of a number ("12.000", "3,5"), a date or a time ("18:30"), and a hyphen inside a word
    ("Ex-Mann", "Hartz-IV-Antrag")."""
    if gap in (".", ",", ":"):
        return previous.text.isdigit() and token.text.isdigit()
    return gap in ("-", "–") and previous.text[-1:].isalnum() and token.text[:1].isalnum()


def _negated(tokens: list[Token], clauses: list[int]) -> set[int]:
    out: set[int] = set()
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.folded not in NEGATORS:
            continue
        if token.folded in _PRONOUN_NEGATORS and not (i + 1 < n and tokens[i + 1].text[:1].isupper()):
            continue
        after = {t.folded for t in tokens[i + 1 : i + 3]}
        before = {t.folded for t in tokens[max(0, i - 3) : i]}
        if after & _LACK_AFTER or before & _NO_DENIAL_BEFORE:
            continue
        if i > 0 and tokens[i - 1].folded in _NOT_YET_BEFORE:
            continue
        ahead = {tokens[j].folded for j in range(i + 1, min(n, i + 1 + _FORWARD)) if clauses[j] == clauses[i]}
        if ahead & _TO_DO_AFTER:
            continue
        clause = clauses[i]
        for j in range(i + 1, min(n, i + 1 + _FORWARD)):
            if clauses[j] != clause:
                break
            out.add(j)
        # A negation closing its clause governs the words before it: "er trinkt nicht (mehr)".
        closes = all(
            clauses[j] != clause or tokens[j].folded in {"mehr", "so", "oft"}
            for j in range(i + 1, min(n, i + 3))
        )
        if closes:
            meaningful = 0
            for j in range(i - 1, max(-1, i - 1 - _BACKWARD_REACH), -1):
                if clauses[j] != clause or meaningful == _BACKWARD:
                    break
                out.add(j)
                meaningful += tokens[j].folded not in _BACKWARD_FREE
    return out


def _words_of(clauses: list[int], chosen: set[int]) -> set[int]:
    """The positions of the words that stand in the chosen clauses."""
    return {i for i, clause in enumerate(clauses) if clause in chosen} if chosen else set()


def _in_marked_clauses(tokens: list[Token], clauses: list[int], markers: frozenset[str]) -> set[int]:
    return _words_of(clauses, {clauses[i] for i, t in enumerate(tokens) if t.folded in markers})


def _about_others(tokens: list[Token], clauses: list[int], named: set[int]) -> set[int]:
    """The words of the clauses about another person (`Reading.others`): a clause that names a person with a
    possessive or an article ("meine Tochter", "der Nachbar") and the clauses after it, until a clause speaks
    of the writer ("ich", "wir") without naming a person again."""
    if not named:
        return set()
    first = {clauses[i] for i, t in enumerate(tokens) if t.folded in _FIRST_PERSON}
    about: set[int] = set()
    active = False
    # Clauses are numbered 0, 1, 2, ... in text order (`segments`).
    for clause in range(clauses[-1] + 1):
        active = clause in named or (active and clause not in first)
        if active:
            about.add(clause)
    return _words_of(clauses, about)


def _held(tokens: list[Token], clauses: list[int]) -> set[int]:
    """The words of the clauses that say what the person already has (`Reading.held`)."""
    n = len(tokens)
    # Per clause: a verb of having, a marker, a negator, a past participle.
    having: set[int] = set()
    marked: set[int] = set()
    excluded: set[int] = set()
    for i, token in enumerate(tokens):
        word, clause = token.folded, clauses[i]
        if word in _HAVING:
            having.add(clause)
        elif word in _HELD_MARKERS:
            if not (i + 1 < n and tokens[i + 1].folded in _NOT_HELD_AFTER):
                marked.add(clause)
        elif word in NEGATORS or (token.text[:1].islower() and _PARTICIPLE.fullmatch(word)):
            excluded.add(clause)
    held = having & marked - excluded
    return _words_of(clauses, held)


def person_age(text: str) -> int | None:
    """The first plausible age a text names, without reading the rest of it ("mein Sohn (15)" -> 15)."""
    ages = _ages(text)
    return ages[0] if ages else None


def _ages(text: str) -> list[int]:
    found = []
    for m in _AGE_RE.finditer(text):
        value = int(m.group(1) or m.group(2))
        if 0 < value <= 110:
            found.append(value)
    return found


def _requests(text: str, tokens: list[Token], sentences: list[int]) -> set[int]:
    """The positions of the words in sentences that ask for something (`Reading.requests`)."""
    asking = {sentences[i] for i, token in enumerate(tokens) if token.folded in _ASKING_WORDS}
    if "?" in text:
        # A question mark closes the sentence of the last word before it (no word holds one).
        starts = [token.start for token in tokens]
        for mark in _QUESTION.finditer(text):
            before = bisect.bisect_right(starts, mark.start()) - 1
            if before >= 0:
                asking.add(sentences[before])
    return {i for i, sentence in enumerate(sentences) if sentence in asking}


def _tokens(text: str) -> tuple[list[Token], list[str]]:
    """The text's tokens and the forms their lemmas are read from: its words, and at each emoji the words of
    its German name (`pictographs`), each a token of the emoji itself, so a need's evidence quotes "⚡"."""
    tokens = tokenize(text)
    found = pictographs(text)
    if not found:
        return tokens, [t.text for t in tokens]
    pictured = [
        (Token(text[start:end], fold_token(word), start, end), word)
        for start, end, words in found
        for word in words
    ]
    merged = list(heapq.merge([(t, t.text) for t in tokens], pictured, key=lambda pair: pair[0].start))
    return [t for t, _ in merged], [form for _, form in merged]


def lemma_forms(text: str) -> list[str]:
    """The forms `read` looks lemmas up for (the lemma table is written for a corpus' forms)."""
    return _tokens(text)[1]


def read(text: str) -> Reading:
    """Read a text once for every consumer: linear in its length."""
    tokens, forms = _tokens(text)
    sentences, clauses = segments(text, tokens)
    roles = []
    named: set[int] = set()
    for i, token in enumerate(tokens):
        role = _ROLE_OF.get(token.folded)
        if role and i > 0 and tokens[i - 1].folded in _POSSESSIVE:
            roles.append(role)
            named.add(clauses[i])
    return Reading(
        tokens=tuple(tokens),
        lemmas=tuple(lemma(form) for form in forms),
        sentences=tuple(sentences),
        clauses=tuple(clauses),
        negated=frozenset(_negated(tokens, clauses)),
        past=frozenset(_in_marked_clauses(tokens, clauses, _PAST_MARKERS)),
        former=frozenset(_in_marked_clauses(tokens, clauses, _FORMER_MARKERS)),
        roles=tuple(dict.fromkeys(roles)),
        ages=tuple(_ages(text)),
        requests=frozenset(_requests(text, tokens, sentences)),
        held=frozenset(_held(tokens, clauses)),
        others=frozenset(_about_others(tokens, clauses, named)),
    )
