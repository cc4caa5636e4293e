"""Find each gold quote among the predicted quotes and check its speaker."""

from __future__ import annotations

from typing import Optional

from flashpoint.eval.gold import GoldQuote
from flashpoint.eval.names import normalise, same_person
from flashpoint.model import Quote


def find_quote(gold: GoldQuote, preds: list[Quote]) -> Optional[Quote]:
    """The predicted quote whose text starts with the gold ``starts`` words.

    Texts are compared normalised (case, accents, punctuation). Failing a
    prefix match, a quote that contains the words is taken (the extractor may
    have merged two quotes); a predicted quote may serve several gold quotes.
    """
    want = normalise(gold.starts)
    if not want:
        return None
    texts = [normalise(q.text) for q in preds]
    for quote, text in zip(preds, texts):
        if text.startswith(want):
            return quote
    for quote, text in zip(preds, texts):
        if want in text:
            return quote
    return None


def speaker_correct(gold: GoldQuote, pred: Optional[Quote]) -> bool:
    """True when the predicted quote exists and names the gold speaker."""
    return pred is not None and same_person(pred.speaker, gold.speaker)
