"""Scoring the resolver on geoparsing gold sets (GeoWebNews, TR-News XML).

Each gold toponym that has a GeoNames id is given to the resolver as a span
of its article (``spans.resolve_spans``). Reported, per set:

* answered: the share of toponyms resolved to a point;
* acc@161: of the answered, the share within 161 km of the gold point; a
  record with the gold GeoNames id counts as 0 km ("entity-aware": a country
  is right wherever its point is); ``raw`` variants use distance only;
* over all: correct / all toponyms (unanswered count as wrong);
* mean error (km) of the answered, and AUC (Gritta et al. 2018: the mean of
  ln(1 + error) / ln(20039), lower is better; unanswered count as the maximum);
* confidence AUC: how well the answers' confidence ranks right answers above
  wrong ones (ROC AUC, 0.5 = no better than chance).

The gold files are read where they are (never copied).
"""

from __future__ import annotations

import bisect
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from flashpoint.errors import InputError
from flashpoint.geo.resolve import distance_km
from flashpoint.geo.spans import resolve_spans
from flashpoint.model import Place

MAX_ERROR_KM = 20039  # half the Earth's circumference


@dataclass
class GoldToponym:
    """One gold toponym: its span and the GeoNames entity it denotes."""

    start: int
    end: int
    text: str
    geonameid: Optional[int]
    lat: float
    lon: float


@dataclass
class GoldArticle:
    """One gold article: its text and toponyms."""

    id: str
    text: str
    toponyms: list[GoldToponym]


def _float(value: Optional[str]) -> Optional[float]:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: Optional[str]) -> Optional[int]:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _gwn_toponym(node: ET.Element) -> Optional[GoldToponym]:
    geonameid = _int(node.findtext("geonamesID"))
    lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
    if geonameid is None or lat is None or lon is None:
        return None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("extractedName") or "", geonameid, lat, lon)


def _trnews_toponym(node: ET.Element) -> Optional[GoldToponym]:
    tag = node.find("gaztag")
    if tag is None:
        return None
    lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
    if lat is None or lon is None:
        return None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("phrase") or "", _int(tag.get("geonameid")), lat, lon)


def _aligned(toponym: GoldToponym, text: str) -> GoldToponym:
    """The toponym with its offsets moved to the nearest occurrence of its name.

    A few TR-News articles' offsets are shifted by some characters against
    the published text; a name found nowhere near keeps its offsets.
    """
    if not toponym.text or text[toponym.start:toponym.end] == toponym.text:
        return toponym
    best = None
    for shift in range(1, 200):
        for start in (toponym.start - shift, toponym.start + shift):
            if 0 <= start and text[start:start + len(toponym.text)] == toponym.text:
                best = start
                break
        if best is not None:
            break
    if best is None:
        return toponym
    return GoldToponym(best, best + len(toponym.text), toponym.text, toponym.geonameid, toponym.lat, toponym.lon)


def read_gold(path: str | Path) -> list[GoldArticle]:
    """The articles of a GeoWebNews or TR-News XML file (toponyms with a GeoNames entity only)."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not a readable gold XML file ({exc})") from None
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = node.find("toponyms")
        if toponyms is None:
            continue
        reader = _gwn_toponym if node.find("toponyms/toponym/gaztag") is None else _trnews_toponym
        gold = [_aligned(t, text) for t in map(reader, toponyms) if t is not None]
        article_id = node.get("file") or node.get("docid") or str(number)
        articles.append(GoldArticle(article_id, text, gold))
    if not articles:
        raise InputError(str(path), "no <article> with <toponyms> (expected GeoWebNews or TR-News XML)")
    return articles


def error_km(place: Optional[Place], gold: GoldToponym, entity_aware: bool = True) -> Optional[float]:
    """Distance from the resolved point to the gold one; 0 for the gold entity; None if unanswered."""
    if place is None or place.lat is None or place.lon is None:
        return None
    if entity_aware and gold.geonameid is not None and place.geonameid == gold.geonameid:
        return 0.0
    return distance_km((place.lat, place.lon), (gold.lat, gold.lon))


def resolved(articles: list[GoldArticle]) -> Iterator[tuple[GoldArticle, GoldToponym, Optional[Place]]]:
    """Every gold toponym with what the resolver made of it in its article."""
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        for toponym, place in zip(article.toponyms, resolve_spans(article.text, spans, article.id)):
            yield article, toponym, place


def summarise(rows: list[tuple[GoldArticle, GoldToponym, Optional[Place]]]) -> dict:
    """The figures (see module docstring) for resolved gold toponyms."""
    total = len(rows)
    report: dict = {"toponyms": total}
    for label, aware in (("", True), ("raw_", False)):
        errors = [error_km(place, gold, aware) for _, gold, place in rows]
        answered = [e for e in errors if e is not None]
        correct = sum(1 for e in answered if e <= 161)
        report[f"{label}answered"] = len(answered) / total if total else 0.0
        report[f"{label}acc161_answered"] = correct / len(answered) if answered else 0.0
        report[f"{label}acc161_all"] = correct / total if total else 0.0
        report[f"{label}mean_error_km"] = sum(answered) / len(answered) if answered else None
        logs = [math.log1p(MAX_ERROR_KM if e is None else min(e, MAX_ERROR_KM)) / math.log1p(MAX_ERROR_KM)
                for e in errors]
        report[f"{label}auc"] = sum(logs) / total if total else None
    return report


def confidence_auc(rows: list[tuple[GoldArticle, GoldToponym, Optional[Place]]]) -> Optional[float]:
    """ROC AUC of the answers' confidence for telling right (within 161 km) from wrong answers."""
    scored = [(p.provenance.confidence, error_km(p, g) <= 161) for _, g, p in rows
              if p is not None and p.provenance is not None and error_km(p, g) is not None]
    right = [c for c, ok in scored if ok]
    wrong = sorted(c for c, ok in scored if not ok)
    if not right or not wrong:
        return None
    below = sum(bisect.bisect_left(wrong, c) + 0.5 * (bisect.bisect_right(wrong, c) - bisect.bisect_left(wrong, c))
                for c in right)
    return below / (len(right) * len(wrong))


def evaluate_file(path: str | Path) -> tuple[dict, list]:
    """(figures, per-toponym rows) for one gold file."""
    rows = list(resolved(read_gold(path)))
    figures = summarise(rows)
    figures["confidence_auc"] = confidence_auc(rows)
    return figures, rows
