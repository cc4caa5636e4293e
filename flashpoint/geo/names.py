"""Place-name normalisation: the keys the gazetteer is indexed and searched by.

A key is case- and accent-insensitive ("Taftanāz" and "TAFTANAZ" give the same
key), ignores apostrophes and ayn/hamza marks ("Ma`arrat", "Ma'arrat") and
treats hyphens, dots and commas as spaces.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode decomposition does not reduce to ASCII.
_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th",
    "ð": "d", "ħ": "h", "Ħ": "H",
})
# Combining marks (the accents NFKD splits off).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DROP = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/.,;:()\[\]\"]+")

# Words that turn a region name into its admin1 form: "Idlib province",
# "the governorate of Idlib", "Borno State", "Kharkiv Oblast".
ADMIN_WORDS = (
    "province", "provinces", "governorate", "governate", "state", "oblast",
    "region", "prefecture", "department", "county", "wilayah", "wilaya",
    "vilayet", "krai", "kray", "emirate", "canton", "territory", "division",
    "muhafazah", "muhafazat", "autonomous region", "federal territory",
)
_ADMIN_ALT = "|".join(sorted((w.replace(" ", r"\s+") for w in ADMIN_WORDS), key=len, reverse=True))
_ADMIN_SUFFIX = re.compile(rf"^(?P<core>.+?)\s+(?:{_ADMIN_ALT})$", re.I)
_ADMIN_PREFIX = re.compile(rf"^(?:the\s+)?(?:{_ADMIN_ALT})\s+of\s+(?:the\s+)?(?P<core>.+)$", re.I)

# Direction words written before a region: "northwestern Syria", "north-west Idlib".
_DIRECTION = re.compile(
    r"^(?:the\s+)?(?:(?:far|extreme|central|greater|upper|lower|eastern|western|"
    r"northern|southern|(?:north|south)[\s-]?(?:east|west)(?:ern)?|north|south|east|west)\s+)+",
    re.I,
)
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


# Arabic names written with a lower-case article: "al-Qahira", "el-Arish", "ash-Shaddadi".
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|ul)-[A-Z]")


def starts_like_a_name(text: str) -> bool:
    """A capitalised word, or an Arabic name with its lower-case article ("al-Qahira")."""
    return text[:1].isupper() or bool(_ARTICLE_NAME.match(text))


def fold(text: str) -> str:
    """Remove accents and other diacritics, keeping case ("Taftanāz" -> "Taftanaz")."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD)))


def name_key(text: str) -> str:
    """The index key of a name: folded, lower-cased, punctuation-insensitive."""
    text = _DROP.sub("", fold(text)).casefold()
    return _SPACE.sub(" ", text).strip()


# Transliteration variants that spell one name several ways ("Nassiriya", "Nasiriyah";
# "Mykolayiv", "Mykolaiv"; "Qandahar", "Kandahar"): folded away by ``spelling_key``.
_SPELLING_STEPS = ((re.compile(r"^(?:al|an|ar|as|ad|at|ash|el|ed) "), ""), (re.compile(r"[^a-z]"), ""),
                   (re.compile(r"ou"), "u"), (re.compile(r"ee"), "i"), (re.compile(r"[yj]"), "i"),
                   (re.compile(r"kh"), "k"), (re.compile(r"q"), "k"), (re.compile(r"[dg]h"), lambda m: m.group()[0]),
                   (re.compile(r"ph"), "f"), (re.compile(r"w"), "v"), (re.compile(r"(.)\1+"), r"\1"),
                   (re.compile(r"(?<=[aeiou])h$"), ""), (re.compile(r"e"), "i"))
# Spelling keys shorter than this say too little to stand for a name.
MIN_SPELLING_KEY = 5


def spelling_key(text: str) -> str:
    """A coarse key under which a name's transliteration variants meet (see _SPELLING_STEPS);
    empty when it would be too short to tell places apart."""
    key = name_key(text)
    for pattern, replacement in _SPELLING_STEPS:
        key = pattern.sub(replacement, key)
    return key if len(key) >= MIN_SPELLING_KEY else ""


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` folds to ASCII (Latin script)."""
    return _DROP.sub("", fold(text)).isascii()


def strip_admin_words(text: str) -> str | None:
    """The core of an admin1 phrase ("Idlib province" -> "Idlib"), or None if none."""
    text = text.strip()
    for pattern in (_ADMIN_PREFIX, _ADMIN_SUFFIX):
        match = pattern.match(text)
        if match:
            return match.group("core").strip()
    return None


def strip_qualifiers(text: str, directions: bool = False) -> str:
    """Drop a leading "the", a possessive and lower-case direction words.

    "northwestern Syria's" -> "Syria". Capitalised direction words are kept
    ("North Kivu", "South Sudan") unless ``directions`` is true.
    """
    text = _POSSESSIVE.sub("", text.strip())
    stripped = _DIRECTION.sub("", text)
    if stripped and (directions or text[:1].islower()):
        text = stripped
    return _THE.sub("", text).strip()
