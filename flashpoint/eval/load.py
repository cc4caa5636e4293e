"""Read gold sets from disk: seed JSON, JSON lines, and CASE 2021 task 2 TSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.eval.gold import GoldArticle, GoldClass, parse_article


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Load a gold set, choosing the reader by file name (.json, .jsonl, .tsv)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such gold file")
    name = path.name.lower()
    if name.endswith(".jsonl"):
        return load_jsonl(path)
    if name.endswith(".json"):
        return [load_seed_json(path)]
    if name.endswith(".tsv"):
        return load_case_tsv(path)
    raise InputError(str(path), "unknown gold format (expected .json, .jsonl or .tsv)")


def _read_text(path: Path, relative: str, where: str) -> str:
    # The seed gold sits in shared/gold/ and names shared/seed_article.txt, so
    # the gold file's folder is tried first, then the folder above it.
    for folder in (path.parent, path.parent.parent):
        target = folder / relative
        if target.is_file():
            try:
                return target.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(where, f"cannot read article {relative!r} ({exc})") from None
    raise InputError(where, f"article {relative!r} not found next to the gold file or above it")


def _article_text(path: Path, data: dict[str, Any], where: str) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    if isinstance(data.get("article"), str):
        return _read_text(path, data["article"], where)
    raise InputError(where, 'needs "text" or "article" (a path relative to the gold file)')


def load_seed_json(path: Path) -> GoldArticle:
    """One article in the seed gold layout (``article`` names a text file next to it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "expected one JSON object")
    text = _article_text(path, data, str(path))
    default_id = Path(data.get("article") or path.stem).stem
    return parse_article(data, text, default_id, str(path))


def load_jsonl(path: Path) -> list[GoldArticle]:
    """One gold article per line (docs/gold-format.md); blank lines are skipped."""
    articles = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except ValueError as exc:
            raise InputError(where, f"not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise InputError(where, "each line must be a JSON object")
        articles.append(parse_article(data, _article_text(path, data, where), f"line-{number}", where))
    return articles


def find_labels_file(path: Path) -> Path:
    """The ``*_labels.json`` that maps a CASE TSV's classes to ACLED, found next to it."""
    parts = path.name[: -len(".tsv")].split("_")
    while parts:
        candidate = path.with_name("_".join(parts) + "_labels.json")
        if candidate.is_file():
            return candidate
        parts.pop()
    raise InputError(str(path), "no matching *_labels.json next to it")


def load_case_tsv(path: Path) -> list[GoldArticle]:
    """CASE 2021 task 2 snippets (id, EventSnippet, SubType) as classification records."""
    labels = json.loads(find_labels_file(path).read_text(encoding="utf-8"))
    acled: dict[str, list[str]] = labels.get("acled", {})
    outside: dict[str, str] = labels.get("outside_acled", {})
    articles = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"id", "EventSnippet", "SubType"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(str(path), f"missing columns {sorted(missing)}")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            label = (row["SubType"] or "").strip()
            if label in acled:
                gold_class = GoldClass(acled[label][0], acled[label][1], label)
            elif label in outside:
                gold_class = GoldClass(None, None, label)
            else:
                raise InputError(where, f"label {label!r} is not in the labels file")
            articles.append(GoldArticle(id=row["id"], text=row["EventSnippet"] or "", event_class=gold_class))
    return articles
