"""Name comparison for scoring: people (quote speakers) and places."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter + accent.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Generic words around admin1 names ("Idlib Governorate", "Province of Idlib").
_ADMIN_WORDS = {
    "governorate", "province", "region", "state", "oblast", "prefecture", "department",
    "county", "district", "division", "of", "the", "muhafazat",
}


def normalise(text: str | None) -> str:
    """Lower case, accents removed, punctuation collapsed to single spaces."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", bare).strip()


def same_person(predicted: str | None, gold: str | None) -> bool:
    """True when two person names agree after normalisation, or share the surname.

    "Cavusoglu" and "Mevlüt Çavuşoğlu" agree; "Omer Celik" and "Celik" agree.
    """
    pred, want = normalise(predicted).split(), normalise(gold).split()
    if not pred or not want:
        return False
    return pred == want or pred[-1] == want[-1]


def same_admin1(a: str | None, b: str | None) -> bool:
    """True when two admin1 names agree, ignoring words like "Governorate" and
    transliteration variants ("Idleb"/"Idlib", "Saada"/"Sa'dah", "Nord Kivu"/"North Kivu",
    "North-West"/"Northwest"): the names' consonant skeletons are compared."""
    words_a = [w for w in normalise(a).split() if w not in _ADMIN_WORDS]
    words_b = [w for w in normalise(b).split() if w not in _ADMIN_WORDS]
    if not words_a or not words_b:
        return False
    if words_a == words_b:
        return True
    # a skeleton of one letter ("Gao" and "Goa") says too little
    bones = skeleton(words_a)
    return len(bones) >= 2 and skeleton(words_b) == bones and _spelled(words_a)[0] == _spelled(words_b)[0]


# French/Spanish/Portuguese compass words in GeoNames' admin1 names ("Nord Kivu").
_COMPASS = {"nord": "north", "norte": "north", "sud": "south", "sur": "south", "ouest": "west",
            "oeste": "west", "est": "east", "este": "east", "leste": "east"}
_VOWELS_AND_H = re.compile(r"[aeiouyh]")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(words: list[str]) -> str:
    """A name's consonants, joined, with q as k and doubled letters single: the part
    transliterations agree on ("idleb" and "idlib" -> "dlb")."""
    return _DOUBLED.sub(r"\1", _VOWELS_AND_H.sub("", _spelled(words)))


def _spelled(words: list[str]) -> str:
    return "".join(_COMPASS.get(w, w) for w in words).replace("q", "k")


def same_place_name(predicted: str | None, names: list[str]) -> bool:
    """True when a predicted place name equals one of the gold names."""
    pred = normalise(predicted)
    return bool(pred) and any(pred == normalise(n) for n in names if n)
