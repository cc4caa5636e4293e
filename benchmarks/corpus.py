"""Build a benchmark corpus: the seed article, the tests' articles, and variants.

Variants recombine paragraphs of the real articles and swap place names and
small numbers, so the pipeline sees many distinct texts of realistic shape.
Generation is seeded: the same ``n`` always gives the same corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO.parent / "shared" / "seed_article.txt"

# Place names that occur in the seed and test articles, and real places to put
# in their stead (GeoNames spellings).
SWAPPABLE = ("Idlib", "Taftanaz", "Saraqeb", "Aleppo", "Ankara", "Damascus", "Maiduguri", "Kabul")
REPLACEMENTS = (
    "Maiduguri", "Bama", "Kandahar", "Mosul", "Goma", "Mogadishu", "Kidal", "Tripoli",
    "Sanaa", "Aden", "Homs", "Hama", "Deir ez-Zor", "Kherson", "Juba", "Bunia",
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
# 1-3 digit numbers that are not part of a date, time or decimal.
_SMALL_NUMBER = re.compile(r"(?<![\d\-/:.,])\b\d{1,3}\b(?![\-/:]\d|[.,]\d)")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")


def base_articles() -> list[tuple[str, str]]:
    """(name, raw text) of the seed article and every .txt article under tests/."""
    found = []
    if SEED_ARTICLE.is_file():
        found.append(("seed_article.txt", SEED_ARTICLE.read_text(encoding="utf-8")))
    for path in sorted((REPO / "tests").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if len(text.split()) >= 20:  # skip fixtures that are not articles
            found.append((str(path.relative_to(REPO)), text))
    if not found:
        raise SystemExit("no articles found: need ../shared/seed_article.txt or tests/**/*.txt")
    return found


def _paragraphs(text: str) -> list[str]:
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    # Date headers and similar one-liners would be misplaced mid-article.
    return [p for p in paras if len(p.split()) >= 8]


def make_variant(bases: list[str], rng: random.Random) -> str:
    """One new article: 4-10 paragraphs drawn from the bases, places and numbers swapped."""
    pool = [p for text in bases for p in _paragraphs(text)]
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(4, 10)))
    text = "\n\n".join(chosen)
    for name in SWAPPABLE:
        if name in text and rng.random() < 0.7:
            text = re.sub(rf"\b{re.escape(name)}\b", rng.choice(REPLACEMENTS), text)
    text = _SMALL_NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 7))), text)
    text = _NUMBER_WORD.sub(lambda m: rng.choice(NUMBER_WORDS), text)
    day = rng.randint(1, 28)
    return f"date 2021-{rng.randint(1, 12):02d}-{day:02d}\n\n{text}\n"


def build_corpus(n: int, seed: int = 3) -> list[tuple[str, str]]:
    """``n`` (name, raw text) pairs: the real articles first, then generated variants."""
    bases = base_articles()
    corpus = bases[:n]
    rng = random.Random(seed)
    texts = [text for _, text in bases]
    while len(corpus) < n:
        corpus.append((f"variant-{len(corpus)}", make_variant(texts, rng)))
    return corpus
