"""The situation picture: who holds or contests which place, and humanitarian figures, as the article says.

These are not ACLED events but the facts around them ("the group controls half of the country", "tens of
thousands displaced"). Cues are regular expressions from ``data/situation_lexicon.json``; the spaCy parse
decides who the actor is (the clause subject, or the "to"/"by" phrase after "fell to"/"captured by") and
whether the clause reports something real (``modality.unreal_reason``: nothing from "if it falls", "seek to
seize").

Each reader has its module: ``control_claims`` (who holds, takes or contests what) and ``humanitarian`` (counts
of the displaced, refugees, wounded, people in need and civilians killed). What they read the same way is in
``situation_parse`` (the lexicon, tokens and clauses, a clause's date, places) and ``situation_sources`` (who
says so).
"""

from __future__ import annotations

from .control_claims import find_control_claims
from .humanitarian import find_figures

# The pipeline reads the situation picture through this module, whichever module holds each reader.
__all__ = ["find_control_claims", "find_figures"]
