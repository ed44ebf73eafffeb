"""Who says so, for a control claim or a humanitarian figure.

"according to X" / "X said" / "X told the BBC" give X (a pronoun is resolved to the last person named, a role
such as "Kandahar MP" is completed by the person quoted in the next sentence); otherwise the article's own source
(``Article.source`` or the outlet it cites: "reports the BBC").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .model import Article, Toponym
from .nlp import Sentence
from .situation_parse import LEADING_DET, base_offset, lexicon, np_text

_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it"})
_NAME = r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}"
_OUTLET_RES = (
    re.compile(r"\b(?:reports|reported|told|said|says) the (" + _NAME + r")"),
    re.compile(r"\b(?:the )?(" + _NAME + r") (?:reported|reports|said in a report)\b"),
)
_NOT_OUTLET = frozenset({"He", "She", "They", "It", "The", "A", "An", "Local", "Residents", "Officials"})


def article_reporter(article: Article, sents: Sequence[Sentence]) -> str:
    if article.source:
        return article.source
    counts: dict[str, int] = {}
    for s in sents:
        for pattern in _OUTLET_RES:
            for m in pattern.finditer(s.text):
                name = m.group(1).rstrip(".")
                if name.split()[0] not in _NOT_OUTLET and not any(e.label_ == "PERSON" and e.text == name
                                                                  for e in s.span.ents):
                    counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def _people(sent: Sentence, toponyms: Sequence[Toponym]) -> list[str]:
    base = base_offset(sent)
    return [e.text for e in sent.span.ents if e.label_ == "PERSON" and not any(
        t.start < base + e.end_char and t.end > base + e.start_char for t in toponyms)]


def _last_person(sents: Sequence[Sentence], sent: Sentence, toponyms: Sequence[Toponym]) -> str:
    names = [n for s in sents[max(0, sent.index - 4): sent.index] for n in _people(s, toponyms)]
    if not names:
        return ""
    last = names[-1]
    # "Kamin" after "Gul Ahmad Kamin": the fullest form of the name.
    return max((n for n in names if n.split()[-1] == last.split()[-1]), key=len)


def _speaker(sent: Sentence, sents: Sequence[Sentence], toponyms: Sequence[Toponym], words: str) -> str:
    words = LEADING_DET.sub("", words.strip()).strip()
    if words.lower() in _PRONOUNS:
        return _last_person(sents, sent, toponyms)
    if lexicon().role.search(words) and not any(p in words for p in _people(sent, toponyms)):
        # A role ("Kandahar MP"): the person quoted in the next sentence is usually its holder.
        for nxt in sents[sent.index + 1: sent.index + 2]:
            names = _people(nxt, toponyms)
            if names and nxt.text.startswith(names[0]) and re.match(
                    re.escape(names[0]) + r"\s+(?:said|says|told|added|warned|believes)\b", nxt.text):
                return f"{names[0]}, {words}"
    return words


def attribution_of(sent: Sentence, tok: Any, sents: Sequence[Sentence], toponyms: Sequence[Toponym],
                   reporter: str) -> str:
    m = re.search(r"\baccording to (?P<x>[^,;.]+)", sent.text, re.I)
    if m:
        return _speaker(sent, sents, toponyms, m.group("x"))
    for node in [tok, *tok.ancestors]:
        if node is not tok and node.lemma_.lower() in lexicon().speech:
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.dep_ == "nsubjpass":
                break  # "the group is reported to have...": the article's own report
            if subj is not None and subj.lemma_.lower() not in ("it", "report"):
                who = _speaker(sent, sents, toponyms, np_text(subj))
                outlet = next((c.text for c in node.children if c.dep_ in ("dobj", "dative")
                               and c.pos_ == "PROPN"), "")
                return f"{who} ({outlet})" if outlet and outlet not in who else who
    return reporter
