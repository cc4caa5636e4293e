"""Pair predicted events with gold events, one-to-one (rules in docs/eval.md).

A prediction and a gold event are *compatible* when nothing known contradicts
them being the same event: same ACLED event_type (when typed matching is
asked for), date ranges that overlap with a one-day tolerance, and places that
agree (within 15 km for two points, same admin1 when either side is only known
to admin1 level, same country throughout). A check is skipped when either side
lacks the value. Among compatible pairs an optimal assignment (Hungarian
algorithm) maximises first the number of pairs, then their agreement points.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Optional

from flashpoint.eval.gold import GoldActor, GoldEvent, GoldPlace
from flashpoint.eval.names import same_admin1, same_place_name
from flashpoint.model import Actor, Event, Place

MATCH_KM = 15.0
DATE_TOLERANCE = dt.timedelta(days=1)
# Every compatible pair is worth PAIR_WEIGHT plus at most MAX_POINTS agreement
# points, so the assignment maximises the number of pairs first (for fewer
# than PAIR_WEIGHT / MAX_POINTS = 210 events per article).
PAIR_WEIGHT = 1000.0
MAX_POINTS = 4.75
EARTH_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def predicted_place(event: Event) -> Optional[Place]:
    """The resolved place, else the extractor's first toponym candidate."""
    if event.place is not None:
        return event.place
    return event.locations[0] if event.locations else None


def predicted_dates(event: Event) -> Optional[tuple[dt.date, dt.date]]:
    """The predicted (start, end) or None."""
    return (event.date.start, event.date.end) if event.date else None


def gold_dates(gold: GoldEvent) -> Optional[tuple[dt.date, dt.date]]:
    """The gold (start, end) or None (an open end takes the other end's value)."""
    if gold.start is None and gold.end is None:
        return None
    return (gold.start or gold.end, gold.end or gold.start)


def dates_agree(pred: Optional[tuple], gold: Optional[tuple]) -> Optional[bool]:
    """Ranges overlap once each is widened by a day; None if either is unknown."""
    if pred is None or gold is None:
        return None
    return pred[0] <= gold[1] + DATE_TOLERANCE and gold[0] <= pred[1] + DATE_TOLERANCE


def _admin1_known(value: Optional[str]) -> bool:
    # GeoNames admin1 *codes* ("07") cannot be compared with names.
    return bool(value) and any(ch.isalpha() for ch in value)


def within_km(pred: Optional[Place], gold: Optional[GoldPlace]) -> Optional[bool]:
    """Both points known: True when at most 15 km apart; else None."""
    if pred is None or gold is None or None in (pred.lat, pred.lon, gold.lat, gold.lon):
        return None
    return distance_km(pred.lat, pred.lon, gold.lat, gold.lon) <= MATCH_KM


def places_agree(pred: Optional[Place], gold: Optional[GoldPlace]) -> Optional[bool]:
    """Whether two places can be the same location; None when nothing can be compared."""
    if pred is None or gold is None:
        return None
    if pred.country and gold.country and pred.country.upper() != gold.country.upper():
        return False
    precisions = {pred.precision, gold.precision}
    if "country" in precisions:
        return True if pred.country and gold.country else None
    named_alike = same_place_name(pred.name, [gold.name, *gold.alt_names]) or same_place_name(
        pred.text, [gold.name, *gold.alt_names])
    if pred.precision == "town" and gold.name and named_alike and within_km(pred, gold) is None:
        # one town of one country by name, its admin1 told as a region by one side and as a
        # province by the other (the Philippines' "Zamboanga Peninsula", "Zamboanga del Norte")
        return True
    if _admin1_known(pred.admin1) and _admin1_known(gold.admin1):
        if not same_admin1(pred.admin1, gold.admin1):
            return False
        if "admin1" in precisions:
            return True
    if "admin1" not in precisions:
        near = within_km(pred, gold)
        if near is not None:
            return near
    return True if named_alike else None


def compatible(pred: Event, gold: GoldEvent, require_type: bool = True) -> bool:
    """True when nothing known says ``pred`` and ``gold`` are different events."""
    if require_type and pred.event_type != gold.event_type:
        return False
    if dates_agree(predicted_dates(pred), gold_dates(gold)) is False:
        return False
    return places_agree(predicted_place(pred), gold.location) is not False


def _actor_points(pred: Optional[Actor], gold: Optional[GoldActor]) -> float:
    if pred is None or gold is None:
        return 0.0
    points = 0.25 if gold.kind and pred.kind == gold.kind else 0.0
    return points + (0.25 if gold.country and pred.country == gold.country else 0.0)


def agreement_points(pred: Event, gold: GoldEvent) -> float:
    """Tie-break points for a compatible pair (at most MAX_POINTS; see docs/eval.md)."""
    points = 1.0 if pred.event_type == gold.event_type else 0.0
    points += 1.0 if gold.sub_event_type and pred.sub_event_type == gold.sub_event_type else 0.0
    pred_dates, want_dates = predicted_dates(pred), gold_dates(gold)
    if dates_agree(pred_dates, want_dates):
        points += 0.75 if pred_dates == want_dates else 0.5
    place = predicted_place(pred)
    if within_km(place, gold.location) or (
        place is not None and gold.location is not None
        and same_place_name(place.name, [gold.location.name, *gold.location.alt_names])
    ):
        points += 0.5
    points += _actor_points(pred.actor1, gold.actor1) + _actor_points(pred.actor2, gold.actor2)
    if gold.fatalities is not None and pred.fatalities and pred.fatalities.value == gold.fatalities:
        points += 0.5
    return points


def match_events(
    preds: list[Event], golds: list[GoldEvent], require_type: bool = True
) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs ``(pred_index, gold_index)`` of compatible events."""
    if not preds or not golds:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    weights = np.zeros((len(preds), len(golds)))
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            if compatible(pred, gold, require_type):
                weights[i, j] = PAIR_WEIGHT + agreement_points(pred, gold)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if weights[i, j] > 0)
