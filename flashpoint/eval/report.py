"""Render a score report (from ``flashpoint.eval.score``) as a rich table."""

from __future__ import annotations

from typing import Any, Optional

from rich.table import Table

FIELD_LABELS = {
    "actor1_kind": "actor1 kind",
    "actor1_country": "actor1 country",
    "actor2_kind": "actor2 kind",
    "actor2_country": "actor2 country",
    "date_exact": "date exact",
    "date_within_range": "date within gold range (±1 day)",
    "fatalities_exact": "fatalities exact",
    "fatalities_within_1": "fatalities within ±1",
    "injuries_exact": "injuries exact",
    "location_within_15km": "location within 15 km",
    "location_admin1": "location admin1 match",
    "location_country": "location country match",
}


def _num(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.3f}"


def _ratio(table: Table, label: str, ratio: dict[str, Any]) -> None:
    table.add_row(label, _num(ratio["value"]), f"{ratio['hits']}/{ratio['total']}")


def _prf(table: Table, label: str, counts: dict[str, Any]) -> None:
    table.add_row(
        f"{label}: F1",
        f"{counts['f1']:.3f}",
        f"P {counts['precision']:.3f} R {counts['recall']:.3f} (tp {counts['tp']} fp {counts['fp']} fn {counts['fn']})",
    )


def _events(table: Table, events: dict[str, Any]) -> None:
    table.add_row("[bold]Events[/bold]", "", f"gold {events['gold']}, predicted {events['predicted']}")
    _prf(table, "event detection", events["detection"])
    _prf(table, "event detection, any type", events["detection_any_type"])
    for key, label in (("event_type", "event type (any-type pairs)"), ("sub_event_type", "sub-event type")):
        part = events[key]
        table.add_row(f"{label}: accuracy", _num(part["accuracy"]), f"{part['pairs']} pairs")
        table.add_row(f"{label}: macro F1", _num(part["macro_f1"]), "")
    for name, ratio in events["fields"].items():
        if name != "sub_event_type":  # already shown as accuracy above
            _ratio(table, FIELD_LABELS.get(name, name), ratio)


def _quotes(table: Table, quotes: dict[str, Any]) -> None:
    table.add_section()
    table.add_row("[bold]Quotes[/bold]", "", f"gold {quotes['gold']}, predicted {quotes['predicted']}")
    _ratio(table, "gold quotes found (recall)", quotes["found"])
    _ratio(table, "predicted quotes in gold (precision)", quotes["precision"])
    _ratio(table, "speaker accuracy, all gold quotes", quotes["speaker_accuracy"])
    _ratio(table, "speaker accuracy, found quotes", quotes["speaker_accuracy_found"])


def _classes(table: Table, part: dict[str, Any]) -> None:
    table.add_section()
    table.add_row("[bold]Snippet classification[/bold]", "", f"{part['snippets']} snippets")
    _prf(table, "event detection (ACLED class vs none)", part["detection"])
    for key, label in (("sub_event_type", "sub-event type"), ("event_type", "event type")):
        scores = part[key]
        table.add_row(f"{label}: accuracy", _num(scores["accuracy"]), f"{len(scores['per_class'])} classes")
        table.add_row(f"{label}: weighted F1", _num(scores["weighted_f1"]), "")
        table.add_row(f"{label}: macro F1", _num(scores["macro_f1"]), "")
    acled = part["sub_event_type_acled_only"]
    table.add_row("sub-event type, ACLED-class snippets: accuracy", _num(acled["accuracy"]), f"{acled['n']} snippets")
    table.add_row("sub-event type, ACLED-class snippets: weighted F1", _num(acled["weighted_f1"]), "")


def _cleaning(table: Table, part: dict[str, Any]) -> None:
    table.add_section()
    table.add_row("[bold]Cleaning checks[/bold]", "", "")
    _ratio(table, "debris strings removed", part["debris_removed"])
    _ratio(table, "subheading kept on its own line", part["subheading_on_own_line"])


def report_table(report: dict[str, Any]) -> Table:
    """One table with a section per scored aspect present in ``report``."""
    title = f"flashpoint eval: {report.get('gold_file', 'gold')} ({report['articles']} articles)"
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("counts", justify="right")
    if "events" in report:
        _events(table, report["events"])
    if "quotes" in report:
        _quotes(table, report["quotes"])
    if "classification" in report:
        _classes(table, report["classification"])
    if "cleaning" in report:
        _cleaning(table, report["cleaning"])
    return table


def error_lines(report: dict[str, Any], limit: int = 30) -> list[str]:
    """Plain lines naming what went wrong: missed and spurious events, wrong
    speakers, and the most frequent snippet-class confusions."""
    lines: list[str] = []
    events = report.get("events")
    if events:
        seen: set[str] = set()
        for miss in events["missed"][:limit]:
            kind = f" ({miss['sub_event_type']})" if miss.get("sub_event_type") else ""
            lines.append(f"missed gold event {miss['gold'] or '?'}{kind} in {miss['article']}")
            if miss["article"] not in seen:  # why the rules passed over that article's other event words
                seen.add(miss["article"])
                lines += [f"    not coded ({n['reason']}): {n['sentence'][:100]!r}" for n in miss.get("not_coded", [])]
        for extra in events["spurious"][:limit]:
            lines.append(f"spurious {extra['event_type']} in {extra['article']}: {extra['evidence'][:100]!r}")
    quotes = report.get("quotes")
    if quotes:
        for item in [d for d in quotes["details"] if not d["correct"]][:limit]:
            lines.append(f"quote {item['starts'][:40]!r}: speaker {item['predicted_speaker']!r}, gold {item['gold_speaker']!r}")
    part = report.get("classification")
    if part:
        for (gold, pred), count in part["confusions"][:limit]:
            lines.append(f"{count:3d} snippets: gold {gold!r} predicted {pred!r}")
    return lines
