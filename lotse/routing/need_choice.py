"""Finding needs of the taxonomy by German words, for a case worker who adds a need Lotse did not see.

"Strom" finds "Energieschulden & Versorgungssperre", "Frauenhaus" finds "Häusliche Gewalt & Frauenhaus":
the words are read like the search reads them (folding, stems, compound parts) and compared with each
need's label, its area's label and the single-word strong cues of the recogniser's lexicon.
"""

from __future__ import annotations

from functools import lru_cache

from lotse.search.analysis import analyze, need_cues
from lotse.taxonomy import load_taxonomy

#: Only cues this strong name a need on their own; weaker ones ("Mahnung") would list half the taxonomy.
STRONG_CUE = 0.9
#: More matches than this are no answer; the case worker is asked for a more precise word.
MAX_MATCHES = 6


#: How much a shared term counts where it is found: a need's own label says most, its area's label least.
WEIGHTS = (3, 2, 1)


@lru_cache(maxsize=1)
def _need_terms() -> dict[str, tuple[frozenset[str], ...]]:
    """Per need: the analysed terms of its label, of its strong cues and of its area's label."""
    taxonomy = load_taxonomy()
    cues = need_cues(other_languages=False)
    found: dict[str, tuple[frozenset[str], ...]] = {}
    for code, label in taxonomy.needs.items():
        words = [
            cue
            for cue, weight in cues.get(code, {}).items()
            if weight >= STRONG_CUE and " " not in cue and not cue.endswith("*")
        ]
        area = taxonomy.areas[taxonomy.need_area[code]].label
        found[code] = tuple(frozenset(analyze(t)) for t in (label, " ".join(words), area))
    return found


def find_needs(text: str) -> list[str]:
    """Return the need codes the words name, best first: an exact label or code, else by shared terms."""
    taxonomy = load_taxonomy()
    wanted = text.strip()
    for code, label in taxonomy.needs.items():
        if wanted.casefold() in (label.casefold(), code.casefold()):
            return [code]
    terms = set(analyze(wanted))
    if not terms:
        return []
    scored = []
    for code, groups in _need_terms().items():
        score = sum(w * len(terms & g) for w, g in zip(WEIGHTS, groups, strict=True))
        if score:
            scored.append((-score, code))
    if not scored:
        return []
    # Only the close runners-up of the best: a compound part shared by chance ("Haus") is no match.
    best = -min(scored)[0]
    return [code for score, code in sorted(scored) if -score * 2 >= best][:MAX_MATCHES]
