"""Pairwise merge precision and recall on a real multi-outlet set kept outside the
project (third-party text): FLASHPOINT_MERGE_SET names its folder (articles.jsonl,
incidents.jsonl, gold.jsonl; docs/merge.md, "Merge accuracy"). Skipped without it.

The target is 0.95 for both; the floors asserted are just under the figures measured on
the set (docs/merge.md), so a change that merges worse fails here."""

from __future__ import annotations

import os

import pytest

from flashpoint.eval.merge_pairs import run_merge_set

FOLDER = os.environ.get("FLASHPOINT_MERGE_SET")
# measured 0.798 and 0.870 on the ninth and tenth sets together (197 pages, 63 incidents,
# 100 scorable pairs; docs/merge.md); the seventh and eighth, lost with their machine, measured
# 0.767 and 0.765 (98 scorable pairs), the fifth and sixth 0.780 and 0.773, the fourth 0.956 and 0.836
PRECISION_FLOOR, RECALL_FLOOR = 0.78, 0.85

pytestmark = pytest.mark.skipif(not FOLDER, reason="FLASHPOINT_MERGE_SET not set")


def test_pairwise_merge_precision_and_recall_on_real_outlets():
    result, events, set_id = run_merge_set(FOLDER)
    assert len(set_id) >= 190 and result.scorable >= 95, "the set is smaller than the one measured"
    assert result.precision >= PRECISION_FLOOR, result.summary()
    assert result.recall >= RECALL_FLOOR, result.summary()
