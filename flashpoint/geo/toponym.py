"""Is a toponym candidate plausibly a place name at all?

Many GeoNames places share a name with an English word ("Of" in Turkey,
"Police" in Poland) or a first name ("Mark", "Victoria"). A candidate is
rejected when its surface form is not capitalised, is a common word, or is a
first name used as a person's name (after a title, before a surname, before a
speech verb) or outside a locative phrase.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from flashpoint.geo.countries import country_code
from flashpoint.geo.names import name_key, starts_like_a_name, strip_qualifiers
from flashpoint.model import Place

# Words that are never meant as a place when they stand alone in news text (data file).
COMMON_WORDS = frozenset(
    word for line in (Path(__file__).parent / "common_words.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") for word in line.split())

# First names that are also GeoNames places: a place reading needs a locative cue.
GIVEN_NAMES = frozenset("""
mark victoria florence jackson lincoln austin houston charlotte eugene regina adelaide
alexandria elizabeth sofia lorraine chester marion beatrice maria salvador paris hamilton
orlando denver dallas tyler troy carmel camden clinton sydney madison milton warren murray
douglas stanley vernon raleigh augusta columbus luther morgan franklin logan aurora hope
faith grace joy chad jordan georgia israel washington kent lima santiago john james david
michael peter paul george william thomas charles henry victor martin bernard albert
frank eric ali omar hassan hussein said salim karim rashid laila mariam fatima ahmed
""".split())

TITLES = frozenset("""
mr mrs ms miss dr prof president minister general gen sen senator rep representative
governor gov king queen prince princess sheikh sheik pope judge justice colonel col
captain capt major maj lieutenant lt sergeant sgt commander chief secretary ambassador
spokesman spokeswoman mayor imam rev father brother sister saint st lady lord sir
""".split())

LOCATIVE_WORDS = frozenset("""
in at near outside inside into from to toward towards around across through throughout
of within between via beyond off along over under northern southern eastern western
north south east west northeast northwest southeast southwest
""".split())

SPEECH_VERBS = frozenset("""
said says told added stated tweeted wrote explained noted asked replied insisted
""".split())

# Capitalised words that may follow a place name without making it a person's name.
PLACE_FOLLOWERS = frozenset("""
province governorate state oblast region district county city town village prefecture
department division territory valley river mountains mountain lake sea bay gulf strait
airport border camp crossing bridge road highway street square market base university
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""".split())

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _context(place: Place) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(word before, word after, word after that) around the candidate in its sentence."""
    prov = place.provenance
    if prov is None or not prov.sentence:
        return None, None, None
    start = prov.start - prov.sentence_start
    end = prov.end - prov.sentence_start
    if not (0 <= start <= end <= len(prov.sentence)):
        return None, None, None
    before = _WORD.findall(prov.sentence[:start])
    # Punctuation between ends the phrase before the name too ("the minister, Slovenia").
    if re.search(r"[,;:()\[\]\"“”—–]\s*$", prov.sentence[:start]):
        before = []
    after = _WORD.findall(prov.sentence[end:])
    gap = prov.sentence[end:end + 2]
    # A comma or bracket right after the name ends the phrase ("Victoria, Seychelles",
    # "Washington (CNN)"): what follows is no surname.
    if not re.match(r"\s+[A-Za-z]", prov.sentence[end:end + 3]) and not gap[:1].isalpha():
        after = []
    return (before[-1] if before else None, after[0] if after else None,
            after[1] if len(after) > 1 else None)


def _word(token: Optional[str]) -> str:
    return (token or "").strip(".'’").lower()


def is_plausible_toponym(place: Place, famous: bool = False) -> bool:
    """False when the candidate is clearly not a place name (see module docstring).

    ``famous``: the name is also a large place ("Paris", "Washington"), which
    then needs no locative word, only not to read as a person's name.
    """
    # Lower-case direction words go ("northwestern Syria"); "West Bank" stays.
    core = strip_qualifiers(place.text or "")
    if not core or not starts_like_a_name(core):
        return False
    key = name_key(core)
    if key in COMMON_WORDS:
        return False
    if core.isupper() and len(core) > 3:
        return True  # a dateline ("WASHINGTON (Reuters) -"), not a person's name
    before, after, after2 = _context(place)
    if _word(before) in TITLES:
        return False
    if key not in GIVEN_NAMES or country_code(core):
        return True  # countries named like people ("Chad", "Jordan") speak and act as states
    # A first name: "Victoria Nuland", "Mark said", "President Jordan" are people.
    if after and after[0].isupper() and _word(after) not in PLACE_FOLLOWERS:
        return False
    if _word(after) in SPEECH_VERBS:
        return False
    if core != place.text.strip() or famous:  # "northern Georgia": qualified, so a place
        return True
    return _word(before) in LOCATIVE_WORDS
