"""Re-merge after new reports arrive, touching only what they can change (the store's merge).

``cluster`` (``assign``) decides in two steps, and each step's decisions depend on
little of the compatibility graph:

1. Specific reports are agglomerated only with specific reports they are compatible
   with: the groups of one connected component of that *specific* graph depend on
   that component alone. New specific reports can only change the groups of their
   own specific components (``specific_closure``).
2. Coarse reports are then taken one at a time in a fixed order (``coarse_order``);
   each one's choice depends only on the groups, at its turn, of the reports it is
   compatible with (specific ones, and coarse ones earlier in the order).

So, given the groups ``cluster`` made of the stored reports, adding new reports
changes a coarse report's choice only if it is new, or if one of its compatible
reports is in a group whose members, at its turn, differ from before. ``remerge``
replays exactly those: it re-agglomerates the new specific reports' specific
components, then walks the coarse reports that may be affected in ``coarse_order``,
and marks a group *dirty* (its members changed from some turn on) when a report joins
or leaves it, putting every later coarse report compatible with one of its members
in the queue. A coarse report not in the queue sees the same candidate groups with
the same members as before, so it makes the same choice. The result is exactly the
groups of ``cluster(stored + new)``; only the dirty groups are returned to rewrite.

The stored side is reached through a ``StoredView`` (the store answers it from the
database; ``MemoryView`` answers it from lists, for tests).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from flashpoint.merge.assign import _agglomerate, _link, _Scores, choose, coarse_order, is_specific
from flashpoint.merge.cluster import compatible_pairs
from flashpoint.merge.combine import event_order
from flashpoint.model import Event

Label = str  # a stored group's label (its stored event id), or NEW_LABEL + a report id
NEW_LABEL = "\x00new:"  # fresh group labels cannot collide with stored event ids


class StoredView(Protocol):
    """What ``remerge`` needs to know of the stored reports and their groups."""

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        """The reports (stored or new) with these ids."""

    def neighbours(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """For each id, the ids of every report (stored or new) compatible with it."""

    def labels(self, ids: Iterable[str]) -> dict[str, Label | None]:
        """The stored group of each report (None for a new report)."""

    def members(self, labels: Iterable[Label]) -> dict[Label, set[str]]:
        """The stored members of each stored group."""


@dataclass
class Remerge:
    """What changed: the groups to (re)write, and the stored groups they replace."""

    groups: list[list[Event]]
    replaced: set[Label]
    reevaluated: int = 0  # coarse reports whose choice was replayed
    specific: int = 0  # specific reports re-agglomerated
    looked_at: set[str] = field(default_factory=set)  # every report whose neighbours were read


class _State:
    def __init__(self, view: StoredView, new_ids: set[str]):
        self.view = view
        self.new_ids = new_ids
        self.event: dict[str, Event] = {}
        self.adj: dict[str, set[str]] = {}
        self.old: dict[str, Label | None] = {}
        self.old_members: dict[Label, set[str]] = {}
        self.order: dict[str, tuple] = {}

    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self.event]
        if missing:
            found = self.view.events(missing)
            self.event.update(found)
            labels = self.view.labels([i for i in missing if i not in self.new_ids])
            for i in missing:
                self.old[i] = None if i in self.new_ids else labels.get(i)
                self.order[i] = _MIN if is_specific(found[i]) else coarse_order(found[i])

    def neighbours(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self.adj]
        if missing:
            self.adj.update(self.view.neighbours(missing))
            self.load({n for i in missing for n in self.adj[i]})

    def members(self, labels: Iterable[Label]) -> None:
        missing = [lb for lb in labels if lb is not None and lb not in self.old_members]
        if missing:
            found = self.view.members(missing)
            for lb in missing:
                self.old_members[lb] = set(found.get(lb, ()))
            self.load({m for lb in missing for m in self.old_members[lb]})


_MIN: tuple = ()  # the order key of specific reports: before every coarse one


def specific_closure(state: _State, start: Iterable[str]) -> set[str]:
    """The union of the specific components of ``start`` (specific reports), with the
    specific members of their stored groups (one component, unless the store was
    merged by an older rule)."""
    closure = set(start)
    frontier = sorted(closure)
    while frontier:
        state.neighbours(frontier)
        state.members({state.old[i] for i in frontier})
        reached = {n for i in frontier for n in state.adj[i] if is_specific(state.event[n])}
        reached |= {m for i in frontier if state.old[i] is not None for m in state.old_members[state.old[i]]
                    if is_specific(state.event[m])}
        frontier = sorted(reached - closure)
        closure |= reached
    return closure


def remerge(new_events: list[Event], view: StoredView) -> Remerge:
    """The groups that change when ``new_events`` join the stored reports (see the module doc)."""
    new_ids = {e.id for e in new_events}
    state = _State(view, new_ids)
    state.load(sorted(new_ids))
    old, order, event = state.old, state.order, state.event

    # -- 1. specific reports: re-agglomerate the new ones' specific components
    closure = specific_closure(state, sorted(i for i in new_ids if is_specific(event[i])))
    new_label: dict[str, Label] = {}
    joined: dict[Label, set[str]] = {}
    left: dict[Label, set[str]] = {}
    dirty: set[Label] = set()
    queue: list[tuple[tuple, str]] = []
    seen: set[str] = set()  # coarse reports queued (or replayed)
    spread: set[str] = set()  # reports whose later compatible coarse reports are queued
    scores = _Scores(event, state.adj)

    def enqueue(ids: Iterable[str], after: tuple) -> None:
        for i in ids:
            if i not in seen and order[i] > after:  # a specific report's order is () (never later)
                seen.add(i)
                heapq.heappush(queue, (order[i], i))

    def spread_from(ids: Iterable[str], after: tuple) -> None:
        # ``after`` never decreases, so the first call for a report covers the later ones
        ids = sorted(set(ids) - spread)
        spread.update(ids)
        state.neighbours(ids)
        enqueue(sorted({n for i in ids for n in state.adj[i]}), after)

    def stored_members(label: Label) -> set[str]:
        if label.startswith(NEW_LABEL):
            return set()
        state.members([label])
        return state.old_members[label]

    def mark(label: Label, after: tuple) -> None:
        """The group's members differ from ``after`` on: replay every later coarse
        report compatible with one of its members, and its own later members."""
        if label in dirty:
            return
        dirty.add(label)
        stored = stored_members(label)
        enqueue(sorted(stored), after)
        spread_from(stored | joined.get(label, set()), after)

    def move(report: str, label: Label, after: tuple) -> None:
        new_label[report] = label
        before = old[report]
        joined.setdefault(label, set()).add(report)
        if before != label:
            if before is not None:
                left.setdefault(before, set()).add(report)
                mark(before, after)
            mark(label, after)
        if label in dirty:
            spread_from([report], after)

    specific_ids = sorted(closure)
    state.members({old[i] for i in specific_ids})
    stored_specific = {lb: frozenset(m for m in state.old_members[lb] if order[m] == _MIN)
                       for lb in {old[i] for i in specific_ids} if lb is not None}
    label_of_set = {members: lb for lb, members in stored_specific.items()}
    groups = _agglomerate(specific_ids, scores)
    for group in sorted(groups):
        label = label_of_set.get(frozenset(group), NEW_LABEL + group[0])
        for m in group:
            new_label[m] = label
    for m in specific_ids:  # record joins and leaves once every label is known
        move(m, new_label[m], _MIN)

    # -- 2. coarse reports: replay, in coarse_order, those whose choice may change
    enqueue(sorted(new_ids), _MIN)
    reevaluated = 0
    while queue:
        turn, c = heapq.heappop(queue)
        reevaluated += 1
        state.neighbours([c])
        before = [n for n in state.adj[c] if order[n] < turn]
        candidates = {new_label[n] if n in new_label else old[n] for n in before}
        candidates.discard(None)  # a new coarse report later in the order
        state.members(lb for lb in candidates if not lb.startswith(NEW_LABEL))
        options = []
        for label in sorted(candidates):
            members = _members_at(state, label, turn, new_label, joined, left)
            if not members:
                continue
            link = _link(scores, [c], members)
            if link is not None:
                options.append((link, members[0], label))
        best_label = choose(state.event[c], options)
        if best_label is None:
            mine = old[c]
            if mine is not None:
                stored_members(mine)
            free = mine is not None and not _members_at(state, mine, turn, new_label, joined, left)
            best_label = mine if free else NEW_LABEL + c
        move(c, best_label, turn)

    # -- 3. the dirty groups, as they now are
    changed: list[list[Event]] = []
    for label in sorted(dirty):
        stored = state.old_members.get(label, set()) if not label.startswith(NEW_LABEL) else set()
        final = (stored - left.get(label, set())) | joined.get(label, set())
        final = {m for m in final if new_label.get(m, old[m]) == label}
        if final:
            changed.append([event[m] for m in sorted(final)])
    replaced = {lb for lb in dirty if not lb.startswith(NEW_LABEL)}
    return Remerge(changed, replaced, reevaluated, len(closure), set(state.adj))


def _members_at(state: _State, label: Label, turn: tuple, new_label, joined, left) -> list[str]:
    """The group's members when the coarse report at ``turn`` is taken, sorted."""
    stored = state.old_members.get(label, set()) if not label.startswith(NEW_LABEL) else set()
    members = (stored - left.get(label, set())) | joined.get(label, set())
    order = state.order
    return sorted(m for m in members if new_label.get(m, state.old[m]) == label and order[m] < turn)


class MemoryView:
    """A ``StoredView`` over reports in memory and the groups ``cluster`` made of them (tests)."""

    def __init__(self, stored_groups: list[list[Event]], new_events: list[Event]):
        everything = [e for g in stored_groups for e in g] + list(new_events)
        self.by_id = {e.id: e for e in everything}
        self.adjacency = compatible_pairs(everything)
        self.label = {e.id: min(g, key=event_order).id for g in stored_groups for e in g}
        self.groups: dict[str, set[str]] = {}
        for report, label in self.label.items():
            self.groups.setdefault(label, set()).add(report)
        self.asked: set[str] = set()

    def events(self, ids):
        return {i: self.by_id[i] for i in ids}

    def neighbours(self, ids):
        ids = list(ids)
        self.asked.update(ids)
        return {i: set(self.adjacency[i]) for i in ids}

    def labels(self, ids):
        return {i: self.label.get(i) for i in ids}

    def members(self, labels):
        return {lb: set(self.groups.get(lb, ())) for lb in labels}

