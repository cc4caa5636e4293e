"""Reading counts of people ("five", "1,200", "at least 13", "dozens")."""

from __future__ import annotations

import re

from spacy.tokens import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague amounts: the smallest count the word logically implies, always "at least".
VAGUE = {
    "several": 3, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
    "a dozen": 12, "dozen": 12, "a few": 2, "few": 2, "some": None, "many": None,
}

# Words before a number and the qualifier they give it.
QUALIFIER_WORDS = {
    "at least": "at least", "more than": "at least", "over": "at least",
    "upwards of": "at least", "in excess of": "at least", "no fewer than": "at least",
    "at most": "at most", "up to": "at most", "fewer than": "at most",
    "less than": "at most", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "some": "about", "approximately": "about", "roughly": "about",
    "an estimated": "about", "close to": "about", "as many as": "at most",
}


def parse_number(text: str) -> int | None:
    """Parse "13", "1,200", "five", "twenty-one", "two hundred", "3.6 million" to an int."""
    t = text.lower().strip().replace(",", "")
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million)", t)
    if m:
        return int(float(m.group(1)) * SCALES[m.group(2)])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "a" and current == 0:
            current = 1
        else:
            return None
    value = total + current
    return value if (value or t in ("zero", "no")) else None


def count_at(token: Token) -> tuple[int, str, int, int] | None:
    """Read the count whose number word is ``token``.

    Returns (value, qualifier, start_char, end_char) covering the whole phrase
    ("at least 13"), or None when ``token`` is not a number.
    """
    # Contiguous number phrase ending at token: "two hundred", "twenty - one".
    first = token
    while first.i > 0 and (first.nbor(-1).like_num or first.nbor(-1).text == "-" and first.i > 1 and first.nbor(-2).like_num):
        first = first.nbor(-1)
    last = token
    while last.i + 1 < len(token.doc) and last.nbor(1).lower_ in SCALES:
        last = last.nbor(1)
    num_text = token.doc[first.i:last.i + 1].text
    lower = token.lower_
    if lower == "one" and token.i > 0 and token.nbor(-1).lower_ in ("no", "any", "every", "some"):
        return None  # "no one was killed"
    if lower in VAGUE:
        value, qualifier = VAGUE[lower], "at least"
        if value is None:
            return None
        if lower == "dozen" and first.i > 0 and first.nbor(-1).lower_ == "a":
            first, value, qualifier = first.nbor(-1), 12, "about"
    else:
        value = parse_number(num_text)
        if value is None:
            return None
        qualifier = "exact"
    start = first
    left = token.doc[max(0, first.i - 3):first.i].text.lower()
    for phrase, qual in QUALIFIER_WORDS.items():
        if left.endswith(phrase):
            qualifier = qual
            start = token.doc[first.i - len(phrase.split())]
            break
    return value, qualifier, start.idx, last.idx + len(last.text)


def is_number(token: Token) -> bool:
    """True for number words and digits (not years or times)."""
    if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
        return False
    return token.like_num or token.lower_ in VAGUE and VAGUE[token.lower_] is not None
