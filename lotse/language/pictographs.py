"""Emoji read as the words they stand for: "Strom ⚡ weg", "Papa 🍺🍺🍺", "🏠❌😭".

People who write little German, and young people in a hurry, let emoji carry part of a message. Each emoji
is read as the words of its German short name in the Unicode CLDR ("🏠" Haus, "😭" heulendes Gesicht, "🔪"
Küchenmesser, "💊" Kapsel), so the lexicon, the model and the nearest situations read it like those words.
The names come from the `emoji` library, which `lotse train` needs (`build_pictograph_table`, as the lemma
table needs simplemma); a worker reads them from `lotse/data/pictographs_de.tsv.gz` with no library at all.

An emoji is looked up with the variation selector and skin-tone modifiers left out (they change how it looks,
not what it says), the longest sequence first: a family of three joined by zero-width joiners is one emoji
("Familie: Mann, Frau und Mädchen"), and one the table does not know is read by its parts. The work is linear
in the text: only the positions of characters that begin an emoji are looked at, each with at most
`MAX_PARTS` lookups.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["TABLE_FILE", "build_pictograph_table", "pictographs", "reload_pictographs"]

TABLE_FILE = "pictographs_de.tsv.gz"
#: What does not change an emoji's meaning: the emoji presentation selector and the five skin tones.
_SKIN_TONES = frozenset("\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
_MODIFIERS = _SKIN_TONES | {"\ufe0f"}
#: The longest emoji the table holds, in characters without modifiers (a family joined by three joiners).
MAX_PARTS = 7
_NAME_WORDS = re.compile(r"[^\W\d_]+")
#: First characters of emoji closer than this share one range of the search pattern.
_RANGE_GAP = 256


class _Table:
    """The German names by emoji (modifiers left out), and a pattern of the characters that begin one."""

    def __init__(self, names: dict[str, tuple[str, ...]]) -> None:
        self.names = names
        self.first = frozenset(key[0] for key in names)
        # The pattern finds candidates by a few ranges of code points (a class of each of the 1,400 first
        # characters took 1 ms for a text of 2,000 letters, the ranges 6 µs); the set decides.
        runs: list[list[int]] = []
        for point in sorted(map(ord, self.first)):
            if runs and point - runs[-1][1] <= _RANGE_GAP:
                runs[-1][1] = point
            else:
                runs.append([point, point])
        ranges = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in runs)
        self.starts = re.compile(f"[{ranges}]") if runs else None


#: The table read instead of the package's (`reload_pictographs(path)`).
_source: Path | None = None


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = _source or resources.files("lotse.data").joinpath(TABLE_FILE)
    names: dict[str, tuple[str, ...]] = {}
    if path.is_file():
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            for line in handle:
                key, _, words = line.rstrip("\n").partition("\t")
                if key and words:
                    names[key] = tuple(words.split(" "))
    return _Table(names)


def reload_pictographs(path: Path | None = None) -> None:
    """Forget the table read so far (after `build_pictograph_table` wrote a new one); read the table at
    `path` from now on (the one `lotse train` wrote beside a model it writes elsewhere), or the package's
    without it."""
    global _source
    _source = path
    _table.cache_clear()


def pictographs(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each emoji of the text the table knows: (start, end, the words of its German name)."""
    table = _table()
    if table.starts is None:
        return []
    found: list[tuple[int, int, tuple[str, ...]]] = []
    at = 0
    for match in table.starts.finditer(text):
        start = match.start()
        if start < at or text[start] not in table.first:
            continue  # inside an emoji already read, or no emoji begins with this character
        # Up to MAX_PARTS characters of meaning from here, with the end of each (modifiers belong to the
        # character before them).
        key: list[str] = []
        ends: list[int] = []
        position = start
        while position < len(text) and len(key) < MAX_PARTS:
            ch = text[position]
            position += 1
            if ch in _MODIFIERS:
                if ends:
                    ends[-1] = position
                continue
            key.append(ch)
            ends.append(position)
        for length in range(len(key), 0, -1):
            words = table.names.get("".join(key[:length]))
            if words:
                found.append((start, ends[length - 1], words))
                at = ends[length - 1]
                break
    return found


def build_pictograph_table(out: Path) -> int:
    """Write the table of the emoji's German names (needs the `emoji` library); returns its size."""
    import emoji

    emoji.config.load_language("de")
    table: dict[str, str] = {}
    for sequence, data in emoji.EMOJI_DATA.items():
        name = data.get("de")
        key = "".join(ch for ch in sequence if ch not in _MODIFIERS)
        # Letters, digits and signs of Latin-1 (keycaps "1️⃣", "©", "®") are text, not pictures; an emoji in a
        # skin tone is read as the emoji without it.
        if not name or not key or ord(key[0]) <= 0xFF or any(ch in _SKIN_TONES for ch in sequence):
            continue
        words = " ".join(_NAME_WORDS.findall(name.strip(":")))
        if words:
            table.setdefault(key, words)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same library writes the same bytes.
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write("".join(f"{key}\t{table[key]}\n" for key in sorted(table)).encode("utf-8"))
    return len(table)
