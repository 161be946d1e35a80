"""The Router: from a described situation to needs and referrals with reasons (the Lotse question).

situation -> needs (recogniser) -> rules (follow-up needs, emergencies, offer effects) -> per need: the
offers answering it -> eligibility -> proximity, target groups, text relevance, freshness -> rank -> reasons.
Plain Python: the JSON API and the HTML page both call `Router.route`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from lotse.directory.schedule import TIMEZONE
from lotse.directory.summary import OfferSummary
from lotse.language import read
from lotse.routing import explain
from lotse.routing.candidates import Reach, emergency_candidates, need_candidates
from lotse.routing.eligibility import MISMATCHED_FIT, group_fit, is_eligible
from lotse.routing.needs import (
    CRISIS,
    FALLBACK_SCORE,
    MINORS_ONLY,
    THRESHOLD,
    NeedMatch,
    may_concern_minor,
    presence_threshold,
    recognise,
    urgent_presence_threshold,
)
from lotse.routing.offers import OfferFacts
from lotse.routing.proximity import DistrictMap, Place, proximity
from lotse.routing.rank import (
    SIBLING_MATCH,
    Candidate,
    apply_boosts,
    apply_filters,
    freshness,
    need_match,
    ordered,
)
from lotse.routing.relevance import TextScores, mentions_need
from lotse.routing.rules import Decision, RuleSet, Situation
from lotse.routing.safety import fits_situation, safety_net
from lotse.routing.sources import OfferPool
from lotse.taxonomy import FALLBACK_NEED, load_taxonomy

#: An offer referred for the situation's words alone (need null) must reach this share of the best text
#: score. Only offers without any need code qualify (neither given nor inferred): for them the text is
#: the only way in, while an offer coded for other needs shares words with the situation by accident
#: ("Nacht", "Mutter", "Termin").
NULL_MIN_TEXT = 0.5
#: At most this many referrals without a need: they complement the need referrals, not replace them.
NULL_LIMIT = 3
#: An offer coded for another need of the same area must reach this share of the best text score to be
#: referred for the need (see rank.SIBLING_MATCH); only the best-matching offers are looked at.
SIBLING_MIN_TEXT = 0.5
SIBLING_LOOKS = 12
#: Candidates of a need that get rule boosts and reasons: the emergencies and the best by score, at
#: least SHORTLIST_MIN and SHORTLIST_FACTOR times the limit (rule boosts move an offer a few places).
SHORTLIST_MIN = 20
SHORTLIST_FACTOR = 4
#: Referrals for a need that only the safety net points to (its own score is low): the crisis offer alone.
HINT_LIMIT = 1


#: A man's question (`NOT.MANN`) and the target group of offers meant only for women: such an offer never
#: stands first as the crisis help for him (`_crisis_line_first`).
MEN = "NOT.MANN"
WOMEN = "ZG.FRAUEN"


@dataclass(frozen=True)
class RouteRequest:
    """The Lotse question: a situation in the person's words, optionally district, age, language, limit."""

    situation: str
    district: str | None = None
    age: int | None = None
    language: str | None = None
    limit: int = 5
    #: The needs to answer, chosen by the case worker: when given, exactly these instead of the recognised
    #: ones (no follow-up needs are added, so a need ticked off stays off).
    needs: tuple[str, ...] | None = None
    #: Only offers with all these accessibility features (lotse.directory.accessibility codes).
    accessibility: tuple[str, ...] = ()


@dataclass(frozen=True)
class DetectedNeed:
    """A need judged present, with its score and the words of the situation that show it."""

    code: str
    label: str
    score: float
    evidence: tuple[str, ...]
    #: The safety net judged the situation an emergency pointing to this need.
    urgent: bool = False


@dataclass(frozen=True)
class Referral:
    """One referred offer for a need (or for the situation's words when `need` is None), with reasons."""

    need: str | None
    score: float
    distance_km: float | None
    reasons: tuple[str, ...]
    offer: OfferSummary  # "open now" at the moment of the answer
    emergency: bool = False


@dataclass(frozen=True)
class RouteAnswer:
    """Needs, most urgent and then most likely first, and referrals ordered by need, then rank."""

    needs: list[DetectedNeed]
    referrals: list[Referral]
    #: No need was recognised with confidence: the referrals are the offers whose texts answer the
    #: situation best, then general counselling.
    abstained: bool = False
    #: The German crisis note shown above everything when the situation hints at an emergency.
    crisis_note: str | None = None


Recogniser = Callable[[str, "int | None"], list[NeedMatch]]


@dataclass
class _Question:
    """One question being answered: request, place, rules decision, text scores."""

    request: RouteRequest
    home: Place | None
    districts: DistrictMap
    decision: Decision
    text_scores: TextScores
    moment: datetime
    fallback: bool  # no need was recognised: general advice stands in
    needs: tuple[str, ...] = ()  # the needs of the answer (emergency offers must fit them)
    hints: frozenset[str] = frozenset()  # needs only the safety net added, below the threshold
    #: The question may concern a child (else offers only for minors' emergencies are not referred by words).
    minor: bool = True
    _strong: list[tuple[float, OfferFacts]] | None = None

    @property
    def today(self) -> date:
        """The day of the answer."""
        return self.moment.date()

    def eligible(self, offer: OfferFacts) -> bool:
        """Whether the offer may be referred: active, age within bounds, the accessibility asked for."""
        features = self.request.accessibility
        if features and not set(features) <= set(offer.summary.accessibility):
            return False
        return is_eligible(offer, self.request.age)

    def suits(self, offer: OfferFacts) -> bool:
        """Whether an offer may be referred for the situation's words: not one only for minors in danger
        (child protection) when an adult's question names no child."""
        return self.minor or not offer.needs or not offer.needs <= MINORS_ONLY

    def strong_text(self) -> list[tuple[float, OfferFacts]]:
        """The offers whose text answers the situation best (at most SIBLING_LOOKS), with their text score,
        best first (once)."""
        if self._strong is None:
            self._strong = self.text_scores.best(SIBLING_MIN_TEXT, SIBLING_LOOKS)
        return self._strong


class Router:
    """Answers the Lotse question over the offers of a pool, with rules and districts kept current."""

    def __init__(
        self,
        pool: Callable[[], OfferPool],
        districts: Callable[[], DistrictMap],
        rules: Callable[[], RuleSet],
        *,
        recogniser: Recogniser = recognise,
        now: Callable[[], datetime] = lambda: datetime.now(TIMEZONE),
    ) -> None:
        self._pool = pool
        self._districts = districts
        self._rules = rules
        self._recognise = recogniser
        self._now = now

    def rules_in_force(self) -> RuleSet:
        """Return the rules the next question is answered with (raises RulesError when there are none)."""
        return self._rules()

    def start(self) -> None:
        """Read the offers now and keep them current in the background (serving processes)."""
        start = getattr(self._pool, "start", None)
        if start is not None:
            start()

    def stop(self) -> None:
        """Stop keeping the offers current in the background."""
        stop = getattr(self._pool, "stop", None)
        if stop is not None:
            stop()

    def district_ids(self) -> list[str]:
        """Return the ids of the known districts (for validating a request)."""
        return self._districts().ids()

    def neighbours(self, district_id: str) -> frozenset[str]:
        """Return the ids of a district's neighbours (none for an unknown district)."""
        place = self._districts().get(district_id)
        return place.neighbours if place else frozenset()

    def route(self, request: RouteRequest) -> RouteAnswer:
        """Answer one question: the needs present and, per need, the best eligible offers with reasons."""
        districts = self._districts()
        pool = self._pool()
        reading = read(request.situation)
        needs = self._needs(request)
        present = presence_threshold()
        age = request.age if request.age is not None else reading.person_age()
        evidence = {c: n.evidence for c, n in needs.items()}
        scores = {c: n.score for c, n in needs.items()}
        situation = Situation(scores, request.age, request.district, reading, evidence)
        rules = self._rules()
        decision = rules.evaluate(situation)
        rule_urgent = set(decision.emergency_needs)
        urgent = [c for c, n in needs.items() if n.urgent]
        for code in safety_net(urgent, decision, rules, age, evidence):
            # Child protection for a minor in danger is the answer itself, not a hint: full referrals.
            top = max([THRESHOLD, *(needs[c].score for c in urgent)])
            needs[code] = DetectedNeed(code, load_taxonomy().label(code), round(top, 3), (), True)
        if request.needs is None:
            needs = _with_added_needs(needs, decision, present)
        order = _need_order(needs, decision)
        # A need only the safety net points to (its own score below `urgent_presence_threshold`) is a hint,
        # not a need Lotse judges present: it brings its crisis offer first and the crisis note, not listed.
        urgent_present = urgent_presence_threshold()
        hints = frozenset(
            c for c in order if needs[c].urgent and needs[c].score < urgent_present and c not in rule_urgent
        )
        if hints and set(order) <= hints:
            needs[FALLBACK_NEED] = DetectedNeed(
                FALLBACK_NEED, load_taxonomy().label(FALLBACK_NEED), FALLBACK_SCORE, ()
            )
            order = _need_order(needs, decision)
        question = _Question(
            request,
            districts.get(request.district),
            districts,
            decision,
            pool.text.scores(request.situation, order),
            self._now(),
            fallback=FALLBACK_NEED in needs and needs[FALLBACK_NEED].score < present,
            needs=tuple(order),
            hints=hints,
            minor=may_concern_minor(reading, age),
        )
        referrals: list[Candidate] = []
        unserved: list[str] = []
        for code in order:
            found = self._for_need(code, pool, question)
            if not found:
                unserved.append(code)
            referrals.extend(found)
        if question.fallback:
            # Honest abstention: what the offers' own texts say comes before general counselling.
            # A crisis offer the safety net brings stays first.
            urgent_first = [c for c in referrals if c.emergency]
            taken = {c.offer.id for c in urgent_first}
            by_words = [
                c for c in self._by_words(pool, question, set(), any_offer=True) if c.offer.id not in taken
            ]
            taken |= {c.offer.id for c in by_words}
            referrals = urgent_first + by_words + [c for c in referrals if c.offer.id not in taken]
        referred = {c.offer.id for c in referrals}
        referrals.extend(self._general_advice(unserved, pool, question, referred))
        referred = {c.offer.id for c in referrals}
        if not question.fallback:
            referrals.extend(self._by_words(pool, question, referred))
        alarm = any(code in decision.emergency_needs for code in order)
        # Only for an emergency the answer lists: a mere hint of the safety net costs one line, not the top.
        urgent = [code for code in order if code in decision.emergency_needs and code not in hints]
        if urgent and not any(c.emergency for c in referrals):
            referrals = self._crisis_line_first(referrals, pool, question, urgent)
        return RouteAnswer(
            [needs[c] for c in order if c not in hints],
            self._referrals(referrals, question),
            abstained=question.fallback,
            crisis_note=explain.crisis_note(age) if alarm else None,
        )

    # --- needs ---------------------------------------------------------------------------------------

    def _needs(self, request: RouteRequest) -> dict[str, DetectedNeed]:
        found: dict[str, DetectedNeed] = {}
        # Every need the recogniser returns counts: it has chosen them by its own calibrated thresholds (a
        # model's need may score well below the lexicon's THRESHOLD and still be the situation's need).
        for match in self._recognise(request.situation, request.age):
            found[match.code] = DetectedNeed(
                match.code, match.label, match.score, tuple(match.evidence), match.urgent
            )
        if request.needs is None:
            return found
        # The case worker's choice: a recognised need keeps its score and evidence, an added one counts full.
        label = load_taxonomy().label
        return {code: found.get(code) or DetectedNeed(code, label(code), 1.0, ()) for code in request.needs}

    # --- candidates ----------------------------------------------------------------------------------

    def _candidate(self, offer: OfferFacts, need: str | None, question: _Question) -> Candidate:
        """Score an offer for a need; the reasons are written for the few that are referred (`_explained`)."""
        request = question.request
        fit, groups = group_fit(offer, request.age)
        return Candidate(
            offer=offer,
            need=need,
            need_match=need_match(offer, need) if need else 0.0,
            text=question.text_scores.get(offer.id),
            place=proximity(offer, question.home, question.districts),
            group=fit,
            freshness=freshness(offer.last_verified, question.today),
            speaks=bool(
                request.language and request.language != "de" and request.language in offer.languages
            ),
            groups=groups,
        )

    def _for_need(self, need: str, pool: OfferPool, question: _Question) -> list[Candidate]:
        request = question.request
        emergencies = [e for e in question.decision.emergencies if e.need == need]
        effects = question.decision.offer_effects
        reach = Reach(
            need,
            max(SHORTLIST_MIN, SHORTLIST_FACTOR * request.limit),
            question.text_scores,
            question.home,
            question.districts,
            question.today,
            request.age,
            request.language,
            tuple(e for e in effects if e.applies_to(need) and e.filters),
        )

        def score(offer: OfferFacts) -> Candidate:
            return self._candidate(offer, need, question)

        candidates = need_candidates(reach, pool, question.eligible, score)
        if emergencies:
            # Emergency help (crisis lines, shelters) is listed whatever accessibility was asked for.
            candidates += emergency_candidates(
                reach,
                pool,
                emergencies,
                set(question.needs),
                candidates,
                lambda offer: is_eligible(offer, request.age),
                score,
            )
        taken = {c.offer.id for c in candidates}
        candidates.extend(self._siblings(need, pool, question, taken))
        candidates = apply_filters(candidates, question.decision.offer_effects, need)
        present = set(question.needs)
        for effect in emergencies:
            effect.mark(c for c in candidates if fits_situation(c.offer, present))
        if emergencies and not any(c.emergency for c in candidates):
            _mark_nearest_help(candidates, need, present)
        # Boosts are at most a few tenths: an offer far down the list never reaches the top with them,
        # so only a shortlist gets them (and, later, its reasons written).
        shortlist = _shortlist(candidates, question.request.limit)
        apply_boosts(shortlist, question.decision.offer_effects, need)
        limit = question.request.limit
        if need in question.hints:
            # Only the safety net points here (the need itself is unlikely): one crisis offer, one extra line.
            limit = min(limit, HINT_LIMIT)
        chosen = ordered(shortlist)[:limit]
        label = load_taxonomy().label(need)
        for added in question.decision.added_needs:
            if added.code == need and not added.emergency:
                for c in chosen:
                    c.leads.append(explain.follow_up_reason(label, added.explained))
        if need == FALLBACK_NEED and question.fallback:
            for c in chosen:
                c.leads.append(explain.fallback_reason())
        return chosen

    def _siblings(self, need: str, pool: OfferPool, question: _Question, taken: set[str]) -> list[Candidate]:
        """Offers of the need's area coded for another of its needs, whose text speaks of this need too and
        answers the situation well."""
        taxonomy = load_taxonomy()
        area = taxonomy.need_area.get(need)
        if area is None:
            return []
        strong = question.strong_text()
        found = []
        for _score, offer in strong[:SIBLING_LOOKS]:
            offer_id = offer.id
            if offer_id in taken or need in offer.needs:
                continue
            if not any(taxonomy.need_area.get(code) == area for code in offer.needs):
                continue
            if not question.eligible(offer) or not question.suits(offer) or not mentions_need(offer, need):
                continue
            candidate = self._candidate(offer, need, question)
            candidate.need_match = SIBLING_MATCH
            words = question.text_scores.words(offer_id)
            candidate.leads.append(explain.area_reason(taxonomy.areas[area].label, words))
            found.append(candidate)
        return found

    def _crisis_line_first(
        self, referrals: list[Candidate], pool: OfferPool, question: _Question, urgent: list[str]
    ) -> list[Candidate]:
        """An emergency for which the directory holds no offer at all, neither of the rule's kind nor of the
        need itself (a man threatened at home in a town without counselling for men): the crisis help that
        answers this person (the town's crisis line, open to all) is marked as the emergency offer and stands
        first, so that the crisis note's "Die Stellen für den Notfall stehen oben" holds. An offer meant only
        for women never stands there for a man's question."""
        present = set(question.needs)
        age = question.request.age
        fitting = [
            c
            for c in (
                self._candidate(offer, CRISIS, question)
                for offer in pool.for_need(CRISIS)
                if is_eligible(offer, age) and not (MEN in present and WOMEN in offer.target_groups)
            )
            if _answers_person(c, present)
        ]
        if not fitting:
            return referrals
        best = ordered(fitting)[0]
        best.emergency = True
        if CRISIS not in question.needs or CRISIS in question.hints:
            # Crisis help is not one of the answer's needs: the referral answers the situation (need null).
            best.need = None
        label = load_taxonomy().label
        best.leads.insert(0, explain.crisis_line_reason(" / ".join(label(code) for code in urgent)))
        return [best, *(c for c in referrals if c.offer.id != best.offer.id)]

    def _general_advice(
        self, unserved: list[str], pool: OfferPool, question: _Question, referred: set[str]
    ) -> list[Candidate]:
        """General advice (need null) for needs the directory has no eligible offer for."""
        if not unserved:
            return []
        offers = [o for o in pool.for_need(FALLBACK_NEED) if o.id not in referred]
        candidates = [self._candidate(o, None, question) for o in offers if question.eligible(o)]
        for c in candidates:
            c.need_match = need_match(c.offer, FALLBACK_NEED)
        chosen = ordered(candidates)[: question.request.limit]
        labels = " / ".join(load_taxonomy().label(code) for code in unserved)
        for c in chosen:
            c.leads.append(explain.no_offer_reason(labels))
        return chosen

    def _by_words(
        self, pool: OfferPool, question: _Question, referred: set[str], *, any_offer: bool = False
    ) -> list[Candidate]:
        """Offers that answer the situation's words strongly (need null): those without need codes, or,
        when Lotse abstains, any offer."""
        found = []
        offers = (o for _s, o in question.text_scores.best(NULL_MIN_TEXT)) if any_offer else pool.uncoded
        for offer in offers:
            if offer.id in referred or question.text_scores.get(offer.id) < NULL_MIN_TEXT:
                continue
            if question.eligible(offer) and question.suits(offer):
                found.append(self._candidate(offer, None, question))
        found = apply_filters(found, question.decision.offer_effects, None)
        apply_boosts(found, question.decision.offer_effects, None)
        chosen = ordered(found)[: min(NULL_LIMIT, question.request.limit)]
        for c in chosen:
            c.leads.append(explain.text_reason(question.text_scores.words(c.offer.id)))
        return chosen

    # --- output --------------------------------------------------------------------------------------

    def _referrals(self, candidates: list[Candidate], question: _Question) -> list[Referral]:
        return [
            Referral(
                need=None if c.need in question.hints else c.need,
                score=round(c.score, 4),
                distance_km=c.place.distance_km,
                reasons=_explained(c, question),
                offer=c.offer.summary.at(question.moment),
                emergency=c.emergency,
            )
            for c in candidates
        ]


def _explained(c: Candidate, question: _Question) -> tuple[str, ...]:
    """The referral's reasons: why it stands out (emergency, follow-up, ...), the need, the rules' reasons,
    then place, age, target groups, language and freshness."""
    taxonomy = load_taxonomy()
    request = question.request
    found = list(c.leads)
    if c.need is not None and c.need_match > 0 and c.offer.need_source(c.need):
        found.append(explain.need_reason(taxonomy.label(c.need), c.offer.need_source(c.need)))
    found.extend(c.reasons)
    found.extend(
        reason
        for reason in (
            explain.proximity_reason(c.place, question.districts),
            explain.age_reason(c.offer, request.age),
            explain.group_reason(taxonomy.label(g) for g in c.groups),
            explain.language_reason(request.language) if c.speaks else None,
            explain.freshness_reason(c.offer.last_verified, question.today),
        )
        if reason
    )
    return tuple(dict.fromkeys(found))


def _answers_person(candidate: Candidate, present: set[str]) -> bool:
    """Whether an offer may stand first as emergency help for this person: its target groups do not rule the
    person out (an age group of others) and it is not meant only for a group the situation does not point
    to."""
    return candidate.group > MISMATCHED_FIT and fits_situation(candidate.offer, present)


def _mark_nearest_help(candidates: list[Candidate], need: str, present: set[str]) -> None:
    """An emergency whose rule selects no offer here (a town without a 24-hour line for sexual violence, a
    shelter only for adults and a person of 17): the best offer that carries the need itself (coded or
    inferred) and answers this person is the place to turn to first. It is marked as the emergency offer, so
    that the crisis note's "Die Stellen für den Notfall stehen oben" holds, with a reason that makes no
    promise of the rule's (no "rund um die Uhr")."""
    fitting = [c for c in candidates if c.need == need and c.need_match > 0 and _answers_person(c, present)]
    if not fitting:
        return
    best = min(fitting, key=lambda c: (-c.score, c.place.tier, c.offer.name, c.offer.id))
    best.emergency = True
    best.leads.insert(0, explain.nearest_help_reason(load_taxonomy().label(need)))


def _shortlist(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """The emergencies and the best candidates by score, enough that rule boosts cannot change the top."""
    size = max(SHORTLIST_MIN, SHORTLIST_FACTOR * limit)
    if len(candidates) <= size:
        return candidates
    urgent = [c for c in candidates if c.emergency]
    rest = sorted((c for c in candidates if not c.emergency), key=lambda c: -c.score)
    return urgent + rest[:size]


def _with_added_needs(
    needs: dict[str, DetectedNeed], decision: Decision, present: float
) -> dict[str, DetectedNeed]:
    taxonomy = load_taxonomy()
    merged = dict(needs)
    for added in decision.added_needs:
        if added.code not in merged:
            merged[added.code] = DetectedNeed(
                added.code, taxonomy.label(added.code), round(added.score, 3), ()
            )
    fallback = merged.get(FALLBACK_NEED)
    if fallback is not None and len(merged) > 1 and fallback.score < present:
        del merged[FALLBACK_NEED]
    return merged


def _need_order(needs: dict[str, DetectedNeed], decision: Decision) -> list[str]:
    """Emergencies first (in rule order), then the other needs, most likely first."""
    urgent = [code for code in decision.emergency_needs if code in needs]
    rest = sorted((c for c in needs if c not in urgent), key=lambda c: (-needs[c].score, c))
    return urgent + rest
