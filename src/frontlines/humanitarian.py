"""Humanitarian figures: counts of the displaced, refugees, wounded, people in need and civilians killed, with
place, date and the source the article gives for them.

A figure needs a count next to a cue ("displaced", "wounded", "need assistance"). Counts of families or
households keep their number, with kinds ``displaced_families``, ``refugees_families``, ``in_need_families``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .modality import unreal_reason
from .model import Article, Figure, Span, Toponym, content_key
from .nlp import Sentence
from .numbers import find_quantities
from .situation_parse import as_of_date, base_offset, is_town, lexicon, recent_town, token_at_offset
from .situation_sources import article_reporter, attribution_of


def _unit(sent: Sentence, end: int) -> tuple[str, bool]:
    """The noun a count counts ("people", "families"), and whether it is a count of people at all."""
    tok = token_at_offset(sent, end) or token_at_offset(sent, end + 1)
    base = base_offset(sent)
    while tok is not None and tok.i < sent.span.end:
        if base + tok.idx < end:
            tok = tok.nbor() if tok.i + 1 < sent.span.end else None
            continue
        low = tok.lower_
        if low in lexicon().units or tok.lemma_.lower() in lexicon().units or tok.ent_type_ == "NORP":
            return low, True  # "250,000 Afghans" counts people too
        if low in ("of", "more", "other") or tok.pos_ in ("ADJ", "DET", "NUM") or tok.dep_ == "amod":
            tok = tok.nbor() if tok.i + 1 < sent.span.end else None
            continue
        return "", tok.pos_ not in ("NOUN", "PROPN")
    return "", True


def _figure_kind(sent: Sentence, q_start: int, q_end: int, unit: str) -> tuple[str, int, int] | None:
    """The kind of figure a count is and where its cue is, from the words right around it; the nearest cue
    wins, and of two at the same place the longer ("fled to Chad" over "fled")."""
    lex = lexicon()
    rel_s, rel_e = q_start - sent.start, q_end - sent.start
    tail = sent.text[rel_e:]
    stop = lex.breaks.search(tail)
    forward = tail[: min(stop.start() if stop else len(tail), 90)]
    head = sent.text[:rel_s]
    back = lex.breaks.split(head[-45:])[-1]
    found: list[tuple[int, int, str, int]] = []  # (distance, -length, kind, start)
    for kind, pattern in lex.figure_cues:
        mb = next((x for x in reversed(list(pattern.finditer(back)))), None)
        if mb is not None and not back[mb.end():].strip(" ,"):
            found.append((0, mb.start() - mb.end(), kind, sent.start + rel_s - len(back) + mb.start()))
        mf = pattern.search(forward)
        if mf is not None and len(forward[: mf.start()].split()) <= 5:
            found.append((1 + len(forward[: mf.start()].split()), mf.start() - mf.end(), kind, q_end + mf.start()))
    if not found:
        return None
    _distance, length, kind, start = min(found)
    if kind == "killed_civilians" and unit not in lex.civilian_units:
        return None
    if unit in lex.family_units and kind in ("displaced", "refugees", "in_need"):
        kind += "_families"
    return kind, start, start - length


def find_figures(article: Article, sents: Sequence[Sentence], toponyms: Sequence[Toponym]) -> list[Figure]:
    """Humanitarian counts (displaced, refugees, wounded, people in need, civilians killed) with place, date
    and the source the article gives for them."""
    reporter = article_reporter(article, sents)
    isos = [t.place.iso2 for t in toponyms if t.place is not None and t.place.iso2]
    home = max(set(isos), key=isos.count) if isos else ""
    figures: list[Figure] = []
    seen: set[tuple[str, int, str]] = set()
    for sent in sents:
        for q in find_quantities(sent.text):
            q_start, q_end = sent.start + q.start, sent.start + q.end
            unit, is_people = _unit(sent, q_end)
            if not is_people:
                continue
            found = _figure_kind(sent, q_start, q_end, unit)
            if found is None:
                continue
            kind, cue_pos, cue_end = found
            if kind.startswith("refugees") and any(
                    cue_pos <= t.start <= cue_end and t.place is not None and t.place.feature != "country"
                    and t.place.iso2 == home for t in toponyms):
                kind = kind.replace("refugees", "displaced")  # "fled to Kabul" stays inside the country
            tok = token_at_offset(sent, cue_pos)
            if tok is None or unreal_reason(tok) is not None:
                continue
            lo, hi = sorted((q_start, cue_pos))
            between = article.text[max(sent.start, lo - 25): hi]
            if lexicon().unreal.search(between):
                continue
            when = as_of_date(sent, tok, article, cumulative=True)
            if when is None:
                continue  # "in 1996, 50,000 people fled": history, not the current picture
            local = [t for t in toponyms if sent.start <= t.start < sent.end and t.place is not None]
            towns = [t for t in local if is_town(t)]
            chosen = (towns or local)[0] if local else None
            if chosen is None:
                chosen = recent_town(toponyms, sents, sent, sent.start, "")
            place = chosen.place if chosen else None
            key = (kind, q.low, place.name if place else "")
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(
                article_id=article.id, kind=kind, as_of=when, low=q.low, best=q.best, high=q.high,
                place_text=chosen.text if chosen else "", place=place,
                attribution=attribution_of(sent, tok, sents, toponyms, reporter),
                evidence=(Span(sent.start, sent.end, sent.text),),
                id=content_key(article.content_hash, kind, q.low, q_start),
            ))
    return figures
