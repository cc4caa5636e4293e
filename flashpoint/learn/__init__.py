"""The `learn` stage: a second opinion learned from the user's own ACLED export.

`learn()` builds a folder (classifier, combination threshold, actor and place
dictionaries, model card) from ACLED CSV exports; `load_learned()` and
`revise()` apply it to Documents after the geo stage. Nothing here ships
ACLED-derived data: every model is built at the user's site.
"""

from flashpoint.learn.apply import Learned, load_learned, revise
from flashpoint.learn.build import learn, learned_root

__all__ = ["Learned", "learn", "learned_root", "load_learned", "revise"]
