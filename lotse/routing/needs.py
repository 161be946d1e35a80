"""Situation text -> needs: weighted cue matching over the lexicon (lotse/data/lexicon_*.yaml).

A cue is a word or phrase, matched by the one matcher of lexicon and rules (`lotse.language.matcher`:
stems, compound parts, prefixes, typos, word order and gaps). A need's score is the noisy-or of its matched
cue weights; negated cues ("keine Schulden mehr", "trinkt nicht") do not count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from lotse.language import Reading, read
from lotse.language.matcher import NEGATION_WORDS, Key, Matcher, Phrase, Scan, compile_phrase
from lotse.language.scope import ADULT_AGE, INABILITY_BEFORE, NEGATORS, segments
from lotse.routing.features import is_filler
from lotse.routing.model import EMERGENCY, EVIDENCE_MIN, NOTHING, ModelReading, NeedModel, fuse, load_model
from lotse.routing.selection import CANDIDATES, Candidate, rule_choice
from lotse.search.analysis import (
    STOP_WORDS,
    Token,
    lexicon_vocabulary,
    need_cues,
    thesaurus,
    tokenize,
)
from lotse.taxonomy import FALLBACK_NEED, load_taxonomy

__all__ = [
    "EMERGENCY_NEEDS",
    "FALLBACK_SCORE",
    "MINORS_ONLY",
    "OFFER_THRESHOLD",
    "THRESHOLD",
    "NeedMatch",
    "infer_offer_needs",
    "lexicon_scores",
    "listed",
    "may_concern_minor",
    "presence_threshold",
    "recognise",
    "urgent_presence_threshold",
]

# A need is present from this score on: one medium cue (0.6), or a weak cue (0.3) with company.
THRESHOLD = 0.5
# Offers: needs of the name count at THRESHOLD; description needs must be dwelt on (many cues).
OFFER_DESCRIBED = 0.95
OFFER_THRESHOLD = 0.6
OFFER_MAX_NEEDS = 4
OFFER_FALLBACK_NEEDS = 2
#: Lowest score at which the best need of an offer text counts when none reaches the offer threshold.
OFFER_FLOOR = 0.1
FALLBACK_SCORE = 0.1
# Age may nudge a need that already has evidence, never create one.
AGE_NUDGE = 0.12

# Negation and inability words of the language layer the lexicon's own negation leaves out (English ones,
# "net", and "keiner", which the lexicon reads as "no one", not as a negated cue).
_LAYER_ONLY_NEGATORS = frozenset({"not", "no", "never", "dont", "doesnt", "didnt", "isnt", "net", "keiner"})
_LAYER_ONLY_INABILITY = frozenset({"can", "cannot", "cant", "could"})
# Words that negate a cue nearby ("keine Schulden mehr", "trinkt nicht").
_NEGATORS = NEGATORS - _LAYER_ONLY_NEGATORS
# After a negator these words mean a lack, which is a need ("nicht genug Geld", "kommt nicht klar").
_NEG_CANCEL_AFTER = frozenset(
    {
        "genug",
        "ausreichend",
        "mal",
        "einmal",
        "nur",
        "weiter",
        "klar",
        "zurecht",
        "allein",
        "alleine",
        "ahnung",
        "sicher",
        "richtig",
        "gut",
        "lange",
        "rechtzeitig",
        "bezahlen",
        "zahlen",
        "leisten",
        "finden",
        "mehr",
    }
)
# Before a negator these words mean inability, which is a need ("findet keine Wohnung", "kann kein Deutsch"):
# the language layer's German inability words, and "mehr".
_NEG_CANCEL_BEFORE = (INABILITY_BEFORE - _LAYER_ONLY_INABILITY) | {"kriegen", "duerfen", "mehr"}
# Only these may follow a negator placed after its cue ("trinkt nicht mehr", "Alkohol ist kein Thema mehr").
_POST_NEG_TAIL = frozenset(
    {
        "mehr",
        "thema",
        "problem",
        "so",
        "viel",
        "da",
        "an",
        "oft",
        "gemacht",
        "getan",
        "betroffen",
        "noetig",
        "notwendig",
        "gewesen",
        "war",
        "ist",
        "sind",
        "vor",
        "erforderlich",
        "vorhanden",
    }
)
_PRE_NEG_WINDOW = 3
_POST_NEG_WINDOW = 3
_CLAUSE_WORDS = frozenset({"aber", "sondern", "doch", "trotzdem", "jedoch", "ausser"})


@dataclass(frozen=True, slots=True)
class NeedMatch:
    """A recognised need: code, German label, score 0..1 and the input words that gave it."""

    code: str
    label: str
    score: float
    evidence: tuple[str, ...] = ()
    #: The safety net judged the situation an emergency and this is the need it points to.
    urgent: bool = False


# --- compiled lexicon -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cue:
    need: str
    weight: float
    phrase: Phrase


@dataclass(frozen=True, slots=True)
class _Lexicon:
    matcher: Matcher
    #: The cues of one word by their key, each with its place among the cues of its first word's key (hits
    #: keep that order).
    single: dict[Key, tuple[tuple[int, _Cue], ...]]
    #: The cues of several words by their anchor (`_anchor`), each with its place among the cues of its first
    #: word's key and all its keys: a text lacking any of them cannot hold the cue.
    anchored: dict[Key, tuple[tuple[int, _Cue, frozenset[Key]], ...]]


def _all_cues() -> Iterable[tuple[str, str, float]]:
    for code, cues in need_cues().items():
        for pattern, weight in cues.items():
            yield code, pattern, weight
    for entry in thesaurus():
        key = " ".join(entry.key)
        for code in entry.needs:
            yield code, key, entry.weight


@lru_cache(maxsize=1)
def _compiled() -> _Lexicon:
    best: dict[tuple[str, tuple[Key, ...]], tuple[float, Phrase]] = {}
    for code, pattern, weight in _all_cues():
        phrase = compile_phrase(pattern)
        if phrase.searchable:
            old = best.get((code, phrase.keys))
            if old is not None and weight >= 0:
                weight = max(weight, old[0])
            best[(code, phrase.keys)] = (weight, old[1] if old is not None else phrase)
    index: dict[Key, list[_Cue]] = {}
    for (code, keys), (weight, phrase) in best.items():
        index.setdefault(keys[0], []).append(_Cue(code, weight, phrase))
    matcher = Matcher((cue.phrase for cues in index.values() for cue in cues), lexicon_vocabulary())
    single: dict[Key, list[tuple[int, _Cue]]] = {}
    anchored: dict[Key, list[tuple[int, _Cue, frozenset[Key]]]] = {}
    for key, cues in index.items():
        for place, cue in enumerate(cues):
            if len(cue.phrase.keys) == 1:
                single.setdefault(key, []).append((place, cue))
            else:
                keys = cue.phrase.keys
                anchored.setdefault(_anchor(keys), []).append((place, cue, frozenset(keys)))
    return _Lexicon(
        matcher,
        {k: tuple(v) for k, v in single.items()},
        {k: tuple(v) for k, v in anchored.items()},
    )


def _anchor(keys: tuple[Key, ...]) -> Key:
    """The key of a cue of several words by which a text is looked at for it: the one a text is least likely
    to hold, as far as the keys tell: a stem, prefix or head rather than a stop or negation word, the longest
    of them (a long stem is a rare word)."""
    content = [k for k in keys if k[0] in "sph"] or list(keys)
    return max(content, key=lambda k: (len(k[1]), k))


# --- matching --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    cue: _Cue
    positions: tuple[int, ...]


def _find_hits(scan: Scan) -> list[_Hit]:
    """The first occurrence of every cue in the text, in the order of their first words' keys in the text
    (and of the cues of one first key in the order they were compiled).

    A cue of several words is tried only where the text holds all its keys, found by its anchor (a long text
    has about 350 such cues by their first key, and only 11 of them have all their keys); the hits are then
    put in the order that trying each cue by its first key gave."""
    lexicon = _compiled()
    where = scan.where
    present = where.keys()
    rank = {key: k for k, key in enumerate(where)}
    found: list[tuple[int, int, _Hit]] = []
    for key, k in rank.items():
        single = lexicon.single.get(key)
        if single is not None:
            first = (where[key][0],)
            found += [(k, place, _Hit(cue, first)) for place, cue in single]
        for place, cue, keys in lexicon.anchored.get(key, ()):
            if present >= keys:
                positions = scan.first(cue.phrase)
                if positions is not None:
                    found.append((rank[cue.phrase.keys[0]], place, _Hit(cue, positions)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [hit for _, _, hit in found]


def _negators(tokens: list[Token], used: set[int]) -> set[int]:
    out: set[int] = set()
    for i, token in enumerate(tokens):
        if token.folded not in _NEGATORS or i in used:
            continue
        after = {t.folded for t in tokens[i + 1 : i + 3]}
        before = {t.folded for t in tokens[max(0, i - 2) : i]}
        if after & _NEG_CANCEL_AFTER - {"mehr"} or before & _NEG_CANCEL_BEFORE - {"mehr"}:
            continue
        out.add(i)
    return out


def _clause_negators(tokens: list[Token]) -> set[int]:
    """Clauses refused as a whole: "ins Heim will sie auf keinen Fall"."""
    out: set[int] = set()
    for i, token in enumerate(tokens):
        if token.folded in {"keinesfalls", "niemals"} or (
            token.folded == "fall" and i > 0 and tokens[i - 1].folded in {"keinen", "keinem"}
        ):
            out.add(i)
    return out


def _is_negated(
    hit: _Hit, tokens: list[Token], clauses: list[int], negators: set[int], refusals: set[int]
) -> bool:
    first, last = hit.positions[0], hit.positions[-1]
    if any(clauses[i] == clauses[last] and i > last for i in refusals):
        return True
    for i in range(max(0, first - _PRE_NEG_WINDOW), first):
        if i in negators and clauses[i] == clauses[first]:
            return True
    # A negator in a gap of the match, before a later cue word of its clause: "Sohn nimmt keine Drogen".
    # Not for an emergency: "ich will eigentlich nicht sterben, aber so weitermachen will ich auch nicht"
    # is a warning sign, and the lexicon's match keeps the crisis from being read as denied.
    if hit.cue.need not in EMERGENCY_NEEDS:
        for i in range(first + 1, last):
            if i in negators and clauses[i] == clauses[last] and i not in hit.positions:
                return True
    for i in range(last + 1, min(len(tokens), last + 1 + _POST_NEG_WINDOW)):
        if i in negators and clauses[i] == clauses[last]:
            tail = [t.folded for j, t in enumerate(tokens[i + 1 :], i + 1) if clauses[j] == clauses[i]]
            if all(w in _POST_NEG_TAIL for w in tail[:3]) and len(tail) <= 3:
                return True
    return False


def _scores(
    text: str, tokens: list[Token] | None = None
) -> tuple[dict[str, tuple[float, list[int]]], list[Token]]:
    """Score and evidence positions per need, and the tokens the positions refer to (`tokens`: the text's
    tokens where the caller has them already)."""
    tokens = tokenize(text) if tokens is None else tokens
    if not tokens:
        return {}, tokens
    # The lexicon's clauses end at fewer words than the language layer's ("und" joins a cue's words here).
    sentences, clauses = segments(text, tokens, _CLAUSE_WORDS)
    hits = _find_hits(_compiled().matcher.scan(tokens, sentences))
    used_neg = {
        p
        for h in hits
        if h.cue.phrase.negated_inside
        for p in h.positions
        if tokens[p].folded in NEGATION_WORDS
    }
    negators = _negators(tokens, used_neg)
    refusals = _clause_negators(tokens)
    by_need: dict[str, list[_Hit]] = {}
    for hit in hits:
        if hit.cue.phrase.negated_inside or not _is_negated(hit, tokens, clauses, negators, refusals):
            by_need.setdefault(hit.cue.need, []).append(hit)
    out: dict[str, tuple[float, list[int]]] = {}
    for need, need_hits in by_need.items():
        need_hits.sort(key=lambda h: (-h.cue.weight, -len(h.positions)))
        counted: list[set[int]] = []
        miss = 1.0
        damp = 1.0
        for hit in need_hits:
            if hit.cue.weight < 0:
                # Context cues ("beziehe Bürgergeld") say the need is background, not the request.
                damp = min(damp, 1.0 + hit.cue.weight)
                continue
            spots = set(hit.positions)
            if any(spots <= c for c in counted):
                continue
            counted.append(spots)
            miss *= 1.0 - hit.cue.weight
        if counted:
            out[need] = ((1.0 - miss) * damp, sorted(set().union(*counted)))
    return _explained_away(out), tokens


def _explained_away(scores: dict[str, tuple[float, list[int]]]) -> dict[str, tuple[float, list[int]]]:
    """Drop a need whose words all serve a stronger need ("Alkoholiker" in "mein Mann ist Alkoholiker")."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1][0], -len(item[1][1])))
    kept: dict[str, tuple[float, list[int]]] = {}
    for need, (score, positions) in ranked:
        spots = set(positions)
        if any(spots < set(p) or (spots == set(p) and s > score) for s, p in kept.values()):
            continue
        kept[need] = (score, positions)
    return kept


def _age_nudged(scores: dict[str, tuple[float, list[int]]], age: int | None) -> dict[str, float]:
    result = {need: score for need, (score, _) in scores.items()}
    if age is None:
        return result
    favoured: frozenset[str] = frozenset()
    disfavoured: frozenset[str] = frozenset()
    if age >= 65:
        favoured = _SENIOR_NEEDS
    elif age <= 17:
        favoured, disfavoured = _YOUTH_NEEDS, _OLD_AGE_NEEDS
    elif age >= 27:
        disfavoured = _YOUTH_ONLY_NEEDS
    for need, score in result.items():
        if need in favoured:
            result[need] = min(1.0, score + AGE_NUDGE)
        elif need in disfavoured:
            result[need] = score * 0.8
    return result


_SENIOR_NEEDS = frozenset(
    {"ALT.SEN", "SEE.EINS", "ALT.NOTR", "ALT.PFLB", "ALT.DEM", "GEL.GRUSI", "VER.MITTAG"}
)
_YOUTH_NEEDS = frozenset({"FAM.JUG", "ARB.AUSB", "MIG.UMF", "NOT.KSCH", "FAM.HZE", "FAM.ERZ"})
_OLD_AGE_NEEDS = frozenset({"ALT.SEN", "ALT.PFLB", "ALT.TAG", "GEL.GRUSI", "ARB.GESU", "ARB.QUAL"})
_YOUTH_ONLY_NEEDS = frozenset({"MIG.UMF", "FAM.JUG"})


def _evidence(positions: list[int], tokens: list[Token]) -> tuple[str, ...]:
    # A pattern spanning "Strom wird abgestellt" matched three tokens; "wird" explains nothing to a reader.
    words = [tokens[p] for p in positions]
    telling = [t.text for t in words if t.folded not in STOP_WORDS] or [t.text for t in words]
    return tuple(dict.fromkeys(telling))


def _label(code: str) -> str:
    return load_taxonomy().label(code)


def lexicon_scores(text: str, age: int | None = None) -> dict[str, float]:
    """The lexicon's score per need (0..1, age-nudged): the hand-written half of the recogniser."""
    raw, _ = _scores(text)
    return _age_nudged(raw, age)


def _lexicon_only(text: str, age: int | None) -> list[NeedMatch]:
    raw, tokens = _scores(text)
    scores = _age_nudged(raw, age)
    found = [
        NeedMatch(code, _label(code), round(score, 3), _evidence(raw[code][1], tokens))
        for code, score in scores.items()
        if score >= THRESHOLD
    ]
    found.sort(key=lambda m: (-m.score, m.code))
    return found


def presence_threshold() -> float:
    """The score from which a recognised need counts as present by itself: the trained model's calibrated
    threshold, or the lexicon's when no model ships. `recognise` may return needs below it (the single best
    need above the model's floor, a need the safety net points to); the general-counselling answer of a
    text in which nothing was recognised stays below it."""
    model = load_model()
    return THRESHOLD if model is None else model.threshold


#: A need the safety net marks urgent counts as recognised (listed, its words quoted) only from this score
#: on, even where the model's threshold is lower: a listed crisis need says that Lotse read a crisis in the
#: text's words, while below it the net's hint already brings the crisis offer first and the crisis note.
URGENT_PRESENT = 0.25


def urgent_presence_threshold() -> float:
    """The score from which a need the safety net marks urgent is a recognised need, not only a hint."""
    return max(presence_threshold(), URGENT_PRESENT)


def listed(found: Iterable[NeedMatch]) -> list[NeedMatch]:
    """Of what `recognise` returned, the needs an answer lists: not a hint of the safety net (urgent, below
    the urgent presence threshold) nor general counselling standing in for "nothing recognised" (below the
    presence threshold)."""
    present, urgent_present = presence_threshold(), urgent_presence_threshold()
    return [
        m
        for m in found
        if (m.score >= urgent_present if m.urgent else m.score >= present or m.code != FALLBACK_NEED)
    ]


def recognise(text: str, age: int | None = None) -> list[NeedMatch]:
    """The needs present in a situation text, best first; ALL.SOZB below THRESHOLD if none is.

    The trained model and the lexicon are fused per need (`routing.training.fuse`); the trained selector
    (`routing.selection`) reads the best-scored needs in their context and names those a careful reader
    would, at most `max_needs` of them, or none: then Lotse says that it recognised no need surely. (A
    model without a selector names the needs from its calibrated threshold on, and the single best one
    above the lower `floor`.) A need the model reads only from negated or ended mentions (at least
    DENIED_SHARE of its evidence) and the lexicon does not see is not present. The safety net: when the
    model's emergency probability reaches its (recall-first) threshold, the most likely emergency need is
    added and marked urgent, even if its own score is low. Each need shows the words of the text that made
    it: the lexicon's cue words where it matched, otherwise the words that weighed most in the model.
    """
    model = load_model()
    found = _lexicon_only(text, age) if model is None else _fused(text, age, model)
    if not found:
        return [NeedMatch(FALLBACK_NEED, _label(FALLBACK_NEED), FALLBACK_SCORE, ())]
    if len(found) > 1:
        # General counselling the text itself asks for ("jemand, der sich das alles mal anschaut und mich
        # lotst") stays beside specific needs, as the route keeps it; a weaker reading of it beside them is
        # noise.
        present = presence_threshold()
        found = [m for m in found if m.code != FALLBACK_NEED or m.score >= present]
    return found


#: Share of a need's model evidence in negated or ended scopes from which the need counts as denied.
DENIED_SHARE = 0.8


def _denied_share(weights: Counter[int], reading: Reading, model: NeedModel, code: str) -> float:
    """Share of the positive evidence for a need that stands in negated or ended scopes or names help
    already in place (0 without any).

    A negated word whose negated form the model learned as evidence for the need is a lack ("kein
    Schlafplatz", `NeedModel.negation_supports`), no denial; a word in a clause of having counts only where
    the model learned it as help in place (`NeedModel.in_place`: "den Ausweis haben wir schon", not "wir
    haben schon Schulden")."""
    # Filler words ("seit", "Jahren") never explain a need, so they neither deny nor keep one: "er trinkt
    # seit Jahren nicht mehr" is denied by "trinkt" alone.
    positive = {i: w for i, w in weights.items() if w > EVIDENCE_MIN and not is_filler(reading, i)}
    total = sum(positive.values())
    if total <= 0:
        return 0.0
    scoped = {i for i in positive if i in reading.negated or i in reading.former}
    denied = scoped - model.negation_supports(reading, scoped, code) | model.in_place(reading, positive, code)
    return sum(positive[i] for i in denied) / total


def _denied(
    code: str,
    raw: dict[str, tuple[float, list[int]]],
    result: ModelReading,
    reading: Reading,
    model: NeedModel,
) -> bool:
    """Whether a need is denied: at least DENIED_SHARE of the model's evidence for it is denied
    (`_denied_share`) and the lexicon did not match it, or matched it only by words that name help already in
    place (the lexicon reads negation itself, but not "haben wir schon")."""
    lexicon = raw.get(code)
    if lexicon is not None and not (
        reading.held and set(lexicon[1]) <= model.in_place(reading, lexicon[1], code)
    ):
        return False
    return _denied_share(result.token_weights(code), reading, model, code) >= DENIED_SHARE


#: Needs the safety net may point to when a situation shows acute danger.
EMERGENCY_NEEDS = ("NOT.KRISE", "NOT.HGEW", "NOT.SEXG", "NOT.KSCH", "WOH.WLOS", "MIG.UMF")
#: General crisis help, and the emergencies more specific than it.
CRISIS = "NOT.KRISE"
SPECIFIC_EMERGENCIES = frozenset({"NOT.HGEW", "NOT.SEXG", "NOT.KSCH", "WOH.WLOS", "NOT.MANN", "MIG.UMF"})
#: Beside a specific emergency that scores higher, crisis help counts only from this score on.
CRISIS_BESIDE_SPECIFIC = 0.9
#: Crisis and violence counselling for boys and men.
MEN_ONLY = "NOT.MANN"
#: Emergency needs that concern a child or a minor only.
MINORS_ONLY = frozenset({"NOT.KSCH", "MIG.UMF"})


def may_concern_minor(reading: Reading, age: int | None) -> bool:
    """Whether a child can be concerned: the person is a minor or of unknown age, or the text names a child
    or an age under 18."""
    return age is None or age < ADULT_AGE or reading.mentions_minor()


@dataclass
class _Scored:
    """A text's needs scored (fused, adjusted for person and negation), before any is chosen."""

    reading: Reading
    raw: dict[str, tuple[float, list[int]]]
    tokens: list[Token]
    lexicon: dict[str, float]
    result: ModelReading
    meta: dict[str, Any]
    score: dict[str, float]
    order: list[str]
    urgent: str | None
    #: Per need, the share of the nearest training situations whose writers named it (empty for an offer's
    #: text or a model without the index).
    votes: dict[str, float]

    def candidates(self) -> list[Candidate]:
        """The best CANDIDATES needs as the selector reads them."""
        probabilities = self.result.probabilities
        return [
            Candidate(
                c,
                self.score[c],
                probabilities[c],
                self.lexicon.get(c, 0.0),
                c == self.urgent,
                self.votes.get(c, 0.0),
            )
            for c in self.order[:CANDIDATES]
        ]

    def selector_inputs(self) -> tuple[list[Candidate], int, int, float, float]:
        """What the selector reads of the text: candidates, words, sentences, emergency probability and the
        probability of no need (0.5, no say, for a model without that label)."""
        sentences = len(set(self.reading.sentences)) or 1
        probabilities = self.result.probabilities
        return (
            self.candidates(),
            len(self.reading.tokens),
            sentences,
            probabilities[EMERGENCY],
            probabilities.get(NOTHING, 0.5),
        )


def selector_inputs(
    text: str, age: int | None, model: NeedModel
) -> tuple[list[Candidate], int, int, float, float]:
    """What the selector reads of a situation read by `model` (for fitting it, `routing.training`)."""
    return _score(text, age, model).selector_inputs()


def _score(text: str, age: int | None, model: NeedModel, offer: bool = False) -> _Scored:
    reading = read(text)
    effective_age = None if offer else age if age is not None else reading.person_age()
    raw, tokens = _scores(text, list(reading.tokens))
    lexicon = _age_nudged(raw, effective_age)
    result = model.read(reading, effective_age, offer)
    # An offer's description has its own thresholds where the model was trained on offer texts; its single
    # best need must still reach OFFER_FLOOR, so a text about nothing but opening hours stays uncoded.
    meta = model.meta
    if offer:
        meta = {**meta, **meta.get("offer", {})}
        meta["floor"] = max(float(meta["floor"]), OFFER_FLOOR)
    codes = model.codes
    p = np.array([result.probabilities[c] for c in codes])
    lex = np.array([lexicon.get(c, 0.0) for c in codes])
    fused = fuse(p, lex, model.fusion)
    score = dict(zip(codes, fused.tolist(), strict=True))
    order = sorted(codes, key=lambda c: -score[c])
    emergency_needs: tuple[str, ...] = EMERGENCY_NEEDS
    if not offer:
        # A text that names the writer's husband or boyfriend ("mein Mann hat mich geschlagen") and no wife
        # or girlfriend is a woman's question: no counselling for men, unless the lexicon reads a request
        # for it ("Anti-Gewalt-Training", "aggressiv").
        roles = set(reading.roles)
        if "partner_m" in roles and "partner_f" not in roles and lexicon.get(MEN_ONLY, 0.0) < THRESHOLD:
            score[MEN_ONLY] = 0.0
        # Child protection and the care of unaccompanied minors need a child: not for an adult's situation
        # that names none (nor may the safety net point to them).
        if not may_concern_minor(reading, effective_age):
            for code in MINORS_ONLY:
                score[code] = 0.0
            emergency_needs = tuple(c for c in EMERGENCY_NEEDS if c not in MINORS_ONLY)
        # A need the model reads only from denied or ended mentions ("keine Schulden mehr", "früher
        # getrunken") is not present; the lexicon, which reads negation itself, must not have matched it.
        for code in order:
            if score[code] < meta["floor"]:
                break
            if _denied(code, raw, result, reading, model):
                score[code] = 0.0
        order = sorted(codes, key=lambda c: -score[c])
    urgent: str | None = None
    if not offer and result.probabilities[EMERGENCY] >= meta["emergency_threshold"]:
        urgent = max(emergency_needs, key=lambda c: score[c])
    votes = model.neighbours.votes(reading) if not offer and model.neighbours is not None else {}
    return _Scored(reading, raw, tokens, lexicon, result, meta, score, order, urgent, votes)


def _fused(text: str, age: int | None, model: NeedModel, offer: bool = False) -> list[NeedMatch]:
    scored = _score(text, age, model, offer)
    reading, raw, tokens, result, meta = scored.reading, scored.raw, scored.tokens, scored.result, scored.meta
    score, order, urgent = scored.score, scored.order, scored.urgent
    selector = None if offer else model.selector
    if selector is not None:
        # The trained selector reads the best candidates in their context (`routing.selection`).
        chosen = selector.chosen(*scored.selector_inputs(), int(meta["max_needs"]))
    else:
        ranked = rule_choice(
            [score[c] for c in order],
            float(meta["threshold"]),
            float(meta["floor"]),
            float(meta.get("relative", 0.0)),
            int(meta["max_needs"]),
        )
        chosen = [order[k] for k in ranked]
    if urgent is not None and urgent not in chosen:
        chosen.insert(0, urgent)
    if urgent is None and not offer and CRISIS in chosen:
        # A crisis the text names is an emergency, however low its emergency probability: a hopeless text
        # without the words of danger ("kann nicht mehr, soll einfach aufhören") still gets the crisis note.
        # On the seen sealed sets s5-s9 and s11-s18 the selector never named crisis help without the safety
        # net, so this adds no false alarm there; one emergency of s19 was missed for want of it.
        urgent = CRISIS

    # Crisis help beside a more specific emergency (violence, a child in danger, no roof tonight) that the
    # text shows more clearly: the specific need brings its crisis offers first; general crisis help counts
    # only when the text itself points to it strongly (a suicidal woman who was beaten).
    stronger: list[str] = []
    if not offer and CRISIS in chosen and score[CRISIS] < CRISIS_BESIDE_SPECIFIC:
        stronger = [c for c in chosen if c in SPECIFIC_EMERGENCIES and score[c] > score[CRISIS]]
    if stronger:
        chosen.remove(CRISIS)
        if urgent == CRISIS:
            # The safety net's alarm stays: the specific emergency that displaced crisis help carries it
            # (a man threatened at home gets the men's crisis and violence counselling first).
            urgent = max(stronger, key=lambda c: score[c])

    def evidence(code: str) -> tuple[str, ...]:
        if code == urgent and score[code] < urgent_presence_threshold():
            # Only the safety net points to it: no word of the text stands for it, and quoting the model's
            # heaviest words ("Telefon", "Katze") or a weak cue of the lexicon ("schreit" for child
            # protection) would read as if Lotse had recognised a crisis in them.
            return ()
        if code in raw:
            return _evidence(raw[code][1], tokens)
        return result.evidence(code, reading)

    found = [
        NeedMatch(code, _label(code), round(max(score[code], 0.0), 3), evidence(code), code == urgent)
        for code in chosen
    ]
    found.sort(key=lambda m: (not m.urgent, -m.score, m.code))
    return found


def infer_offer_needs(text: str) -> list[NeedMatch]:
    """Need codes for an offer without attributes, from its "name. description" (at most OFFER_MAX_NEEDS).

    Read by the model, which also learned offer texts (its register feature, thresholds of their own), fused
    with the lexicon (on 420 offer texts by a writer who saw neither: 0.89 recall at 0.86 precision against
    the lexicon's 0.78 at 0.63; `make eval`), without the safety net and without the general-counselling
    fallback. Without a model the lexicon reads it alone.
    """
    model = load_model()
    if model is None:
        return _lexicon_offer_needs(text)
    return _fused(text, None, model, offer=True)[:OFFER_MAX_NEEDS]


def _lexicon_offer_needs(text: str) -> list[NeedMatch]:
    name, _, description = text.partition(". ")
    named, name_tokens = _scores(name)
    described, description_tokens = _scores(description)
    found = [
        NeedMatch(code, _label(code), round(score, 3), _evidence(positions, name_tokens))
        for code, (score, positions) in named.items()
        if score >= THRESHOLD
    ]
    found.sort(key=lambda m: (-m.score, m.code))
    # Descriptions mention neighbouring topics and target groups in passing: only needs the text dwells on
    # count, or, when the name says nothing, the best described needs.
    floor = OFFER_DESCRIBED if found else OFFER_THRESHOLD
    extra = [
        NeedMatch(code, _label(code), round(score, 3), _evidence(positions, description_tokens))
        for code, (score, positions) in described.items()
        if score >= floor and code not in named
    ]
    extra.sort(key=lambda m: (-m.score, m.code))
    if not found:
        extra = [m for m in extra if m.score >= OFFER_DESCRIBED] or extra[:OFFER_FALLBACK_NEEDS]
    return (found + extra)[:OFFER_MAX_NEEDS]
