"""The Whoosh schema of the offer index and the names of its fields."""

from __future__ import annotations

from whoosh import columns, fields

from lotse.search.analysis import german_analyzer
from lotse.search.documents import CITY_WIDE

__all__ = ["CITY_WIDE", "schema"]

ID = "id"
KIND = "kind"
KIND_OFFER = "offer"
KIND_META = "meta"
#: The one meta document of an index: which change-log entry it has seen, which generation it is.
META_ID = "_lotse_meta"
NAME = "name"
TEXT = "text"
#: Words of offers indexed after the build (the build's words are in the generation's vocabulary file).
NEW_WORDS = "new_words"
NEEDS = "needs"
TARGET_GROUPS = "target_groups"
DISTRICTS = "districts"
LANGUAGES = "languages"
ACCESSIBILITY = "accessibility"
ORGANIZATION = "organization"
SUMMARY = "summary"
FACTS = "facts"
#: What routing reads of an offer's words (lotse.search.documents.Derived), analysed once at indexing.
DERIVED = "derived"
SEQ = "seq"


def schema() -> fields.Schema:
    """The schema: one combined text field (fast), the name again for a boost, filters as keywords.

    Age bounds and opening hours are not indexed: they filter through the per-offer facts column.
    """
    analyzer = german_analyzer()
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            KIND: fields.ID(),
            # Positions are not needed (no phrase queries); leaving them out keeps the index small.
            TEXT: fields.TEXT(analyzer=analyzer, phrase=False),
            NAME: fields.TEXT(analyzer=analyzer, phrase=False),
            # scorable=True on keyword fields gives them a length column; without one, Whoosh 2.7.4 checks
            # for that column's file once per posting while committing (a stat call per posting).
            NEEDS: fields.KEYWORD(commas=True, scorable=True),
            TARGET_GROUPS: fields.KEYWORD(commas=True, scorable=True),
            DISTRICTS: fields.KEYWORD(commas=True, scorable=True),
            LANGUAGES: fields.KEYWORD(commas=True, scorable=True),
            ACCESSIBILITY: fields.KEYWORD(commas=True, scorable=True),
            ORGANIZATION: fields.ID(),
            # The OfferSummary: a search needs no database while the index is healthy.
            SUMMARY: fields.STORED(),
            DERIVED: fields.STORED(),
            SEQ: fields.STORED(),
            NEW_WORDS: fields.STORED(),
            FACTS: fields.COLUMN(columns.VarBytesColumn()),
        }
    )
