"""Reading opening hours the way Germans write them into weekly schedules.

"Mo–Fr 9–12 Uhr", "Mo-Fr 9-12", "Mo - Do 08:00 - 16:00, Fr 08:00 - 12:00", "werktags 8 bis 16 Uhr",
"täglich 0-24 Uhr", "rund um die Uhr", "Mo, Mi 14:30–17:00 und 18–20 Uhr", "Di 9–16 Uhr, Mittagspause
12–13 Uhr", "nach Vereinbarung": each part becomes weekly rules Lotse can check for "open now", and is
written back the one canonical way ("Mo–Fr 9:00–12:00 Uhr"), which reads in again unchanged. What cannot
be read is refused with a German message that shows an example; the carrier form shows what was
understood before saving, and the importer reads HSDS schedules that come as text with the same parser.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from lotse.directory.schedule import DAY_LABELS, DAYS
from lotse.models import Schedule

EXAMPLE = "„Mo–Fr 9–12 Uhr; Do 14–18 Uhr“, „werktags 8 bis 16 Uhr“ oder „nach Vereinbarung“"
BY_APPOINTMENT = "nach Vereinbarung"
_WORKDAYS = DAYS[:5]

_DAY_WORDS = {
    "mo": "MO", "montag": "MO", "di": "TU", "dienstag": "TU", "mi": "WE", "mittwoch": "WE",
    "do": "TH", "donnerstag": "TH", "fr": "FR", "freitag": "FR", "sa": "SA", "samstag": "SA",
    "sonnabend": "SA", "so": "SU", "sonntag": "SU",
}  # fmt: skip
#: Words for several days at once.
_DAY_SETS = {
    "werktags": _WORKDAYS,
    "wochentags": _WORKDAYS,
    "montags bis freitags": _WORKDAYS,
    "täglich": DAYS,
    "tgl": DAYS,
    "jeden tag": DAYS,
    "an allen tagen": DAYS,
    "wochenende": DAYS[5:],
    "am wochenende": DAYS[5:],
}
_APPOINTMENT = re.compile(
    r"(?:(?:und|sowie|oder)\s+)?(?:termine?\s+)?(?:nach|und nach)\s+"
    r"(?:vereinbarung|absprache|terminabsprache)"
)
_AROUND_THE_CLOCK = re.compile(r"rund um die uhr|24\s*stunden(?: am tag)?|24\s*/\s*7|durchgehend geöffnet")
_TOKEN = re.compile(
    r"(?P<set>" + "|".join(sorted(map(re.escape, _DAY_SETS), key=len, reverse=True)) + r")\b"
    r"|(?P<day>" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")s?\b\.?"
    r"|(?P<time>\d{1,2}(?:[:.]\d{2})?)(?!\d)"
    r"|(?P<dash>-|bis\b)"
    r"|(?P<sep>,|&|/|\bund\b|\bsowie\b|\+)"
    r"|(?P<break>(?:mittags)?pause\b|mittags geschlossen\b)"
    r"|(?P<skip>uhr\b|h\b|von\b|ab\b|geöffnet\b|jeweils\b|:|\(|\)|\s+)"
)


class HoursError(ValueError):
    """Opening hours that cannot be read, with a German message for the person who typed them."""


@dataclass(frozen=True)
class Rule:
    """Open on these days from `opens` to `closes` ("HH:MM"; "24:00" is the end of the day)."""

    days: tuple[str, ...]
    opens: str
    closes: str


@dataclass
class Reading:
    """Opening hours as understood: weekly rules, per written part, and whether visits are by appointment."""

    parts: list[list[Rule]] = field(default_factory=list)
    by_appointment: bool = False

    @property
    def rules(self) -> list[Rule]:
        """Every weekly rule of every part."""
        return [rule for part in self.parts for rule in part]


def read_hours(text: str) -> Reading:
    """Read opening hours written the German way; raise HoursError (German, with an example) otherwise."""
    reading = Reading()
    for raw in re.split(r"[;\n]", text or ""):
        part = raw.strip().rstrip(".")
        if not part:
            continue
        lowered = _normalise(part)
        lowered, appointment = _APPOINTMENT.subn(" ", lowered)
        reading.by_appointment |= bool(appointment)
        if not lowered.strip(" ,.-"):
            continue
        rules = _read_part(lowered, part)
        reading.parts.append(rules)
    return reading


def describe_rules(rules: list[Rule]) -> str:
    """Return rules as one canonical German line, e.g. "Mo–Fr 9:00–12:00 und 14:00–16:00 Uhr"."""
    if rules and all(r.days == DAYS and (r.opens, r.closes) == ("00:00", "24:00") for r in rules):
        return "rund um die Uhr"
    groups: dict[tuple[str, ...], list[str]] = {}
    for rule in rules:
        groups.setdefault(rule.days, []).append(f"{_clock_text(rule.opens)}–{_clock_text(rule.closes)}")
    return "; ".join(f"{_days_text(days)} {' und '.join(times)} Uhr" for days, times in groups.items())


def understood(reading: Reading) -> str:
    """Return everything understood as German text, e.g. "Mo–Fr 9:00–12:00 Uhr; nach Vereinbarung"."""
    parts = [describe_rules(rules) for rules in reading.parts]
    if reading.by_appointment:
        parts.append(BY_APPOINTMENT)
    return "; ".join(parts)


def parse_opening_hours(text: str) -> list[Schedule]:
    """Read opening hours into weekly schedules (HoursError when a part cannot be read).

    Each schedule carries its part's canonical text as description, so the hours read back the same way.
    """
    reading = read_hours(text)
    schedules = []
    for rules in reading.parts:
        description = describe_rules(rules)
        for rule in rules:
            schedules.append(
                Schedule(
                    id=str(uuid.uuid4()),
                    freq="WEEKLY",
                    byday=",".join(rule.days),
                    opens_at=f"{rule.opens}:00",
                    closes_at="23:59:59" if rule.closes == "24:00" else f"{rule.closes}:00",
                    description=description,
                    extra={},
                )
            )
    if reading.by_appointment:
        schedules.append(
            Schedule(id=str(uuid.uuid4()), description=BY_APPOINTMENT, extra={"by_appointment": True})
        )
    return schedules


# --- reading one part ------------------------------------------------------------------------------------


def _normalise(part: str) -> str:
    text = part.lower().replace("–", "-").replace("—", "-").replace("‑", "-")
    text = re.sub(r"\s+", " ", text)
    return _AROUND_THE_CLOCK.sub("täglich 0-24", text)


def _refuse(part: str, why: str = "") -> HoursError:
    return HoursError(
        f"„{part}“ ist als Öffnungszeit nicht lesbar{why}. Bitte so schreiben wie zum Beispiel {EXAMPLE}."
    )


def _tokens(text: str, part: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise _refuse(part, f" (bei „{text[position:].strip()[:20]}“)")
        kind = match.lastgroup or "skip"
        if kind != "skip":
            tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def _read_part(text: str, part: str) -> list[Rule]:
    """Groups of days followed by times: "mo-do 8-16, fr 8-12" -> two groups."""
    tokens = _tokens(text, part)
    rules: list[Rule] = []
    index = 0
    while index < len(tokens):
        days, index = _read_days(tokens, index, part)
        times, index = _read_times(tokens, index, part)
        rules.extend(Rule(days, opens, closes) for opens, closes in times)
        while index < len(tokens) and tokens[index][0] == "sep":
            index += 1
    if not rules:
        raise _refuse(part)
    return rules


def _read_days(tokens: list[tuple[str, str]], index: int, part: str) -> tuple[tuple[str, ...], int]:
    days: list[str] = []
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "set":
            days += [d for d in _DAY_SETS[value] if d not in days]
            index += 1
        elif kind == "day":
            first = last = _DAY_WORDS[_day_key(value)]
            if index + 2 < len(tokens) and tokens[index + 1][0] == "dash" and tokens[index + 2][0] == "day":
                last = _DAY_WORDS[_day_key(tokens[index + 2][1])]
                index += 2
            start, end = DAYS.index(first), DAYS.index(last)
            if end < start:
                raise _refuse(part, " (die Tage stehen verkehrt herum)")
            days += [d for d in DAYS[start : end + 1] if d not in days]
            index += 1
        elif kind == "sep" and days and index + 1 < len(tokens) and tokens[index + 1][0] in ("day", "set"):
            index += 1
        else:
            break
    if not days:
        raise _refuse(part, " (es fehlen die Tage, z. B. „Mo–Fr“)")
    return tuple(d for d in DAYS if d in days), index


def _day_key(value: str) -> str:
    word = value.rstrip(".")
    return word if word in _DAY_WORDS else word.removesuffix("s")


def _read_times(tokens: list[tuple[str, str]], index: int, part: str) -> tuple[list[tuple[str, str]], int]:
    ranges: list[tuple[str, str]] = []
    while index < len(tokens):
        kind = tokens[index][0]
        if kind == "break":
            pause, index = _read_range(tokens, index + 1, part)
            ranges = _without(ranges, pause, part)
            continue
        if kind == "time":
            span, index = _read_range(tokens, index, part)
            ranges.append(span)
            continue
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind == "sep" and following in ("time", "break"):
            index += 1
            continue
        break
    if not ranges:
        raise _refuse(part, " (es fehlt die Uhrzeit, z. B. „9–12 Uhr“)")
    return ranges, index


def _read_range(tokens: list[tuple[str, str]], index: int, part: str) -> tuple[tuple[str, str], int]:
    if not (
        index + 2 < len(tokens)
        and tokens[index][0] == "time"
        and tokens[index + 1][0] == "dash"
        and tokens[index + 2][0] == "time"
    ):
        raise _refuse(part, " (eine Zeit braucht Beginn und Ende, z. B. „9–12 Uhr“)")
    opens, closes = _clock(tokens[index][1], part), _clock(tokens[index + 2][1], part)
    if closes == "00:00":
        closes = "24:00"
    if opens >= closes:
        raise _refuse(part, f" (Beginn {_clock_text(opens)} liegt nicht vor dem Ende {_clock_text(closes)})")
    return (opens, closes), index + 3


def _without(ranges: list[tuple[str, str]], pause: tuple[str, str], part: str) -> list[tuple[str, str]]:
    """The ranges with a break taken out ("9–16 Uhr, Mittagspause 12–13" -> 9–12 and 13–16)."""
    if not ranges:
        raise _refuse(part, " (die Pause steht vor den Öffnungszeiten)")
    result = []
    for opens, closes in ranges:
        if pause[0] <= opens or pause[1] >= closes:
            result.append((opens, closes))
            continue
        result += [(opens, pause[0]), (pause[1], closes)]
    return result


def _clock(text: str, part: str) -> str:
    hours, _, minutes = text.replace(".", ":").partition(":")
    hour, minute = int(hours), int(minutes or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise _refuse(part, f" („{text}“ ist keine Uhrzeit)")
    return f"{hour:02d}:{minute:02d}"


def _clock_text(value: str) -> str:
    hour, minute = value.split(":")
    return f"{int(hour)}:{minute}"


def _days_text(days: tuple[str, ...]) -> str:
    if days == DAYS:
        return "täglich"
    runs: list[list[str]] = []
    for day in days:
        if runs and DAYS.index(day) == DAYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(
        f"{DAY_LABELS[r[0]]}–{DAY_LABELS[r[-1]]}" if len(r) > 2 else ", ".join(DAY_LABELS[d] for d in r)
        for r in runs
    )


def read_text_schedule(schedule: Schedule) -> list[Schedule]:
    """An imported schedule that is only text ("Mo–Fr 9–12 Uhr") as weekly schedules, when it reads.

    Structured schedules, and text this parser cannot read, stay as they came (an import keeps what it
    cannot understand; the carrier form refuses it instead).
    """
    if schedule.byday or schedule.opens_at or schedule.freq or not (schedule.description or "").strip():
        return [schedule]
    try:
        parsed = parse_opening_hours(schedule.description or "")
    except HoursError:
        return [schedule]
    for part in parsed:
        part.valid_from, part.valid_to = schedule.valid_from, schedule.valid_to
        part.extra = {**(schedule.extra or {}), **(part.extra or {})}
    return parsed or [schedule]
