"""The `incidents` stage: one event per real incident in an article.

An article tells one incident several times (headline, lead, a later detail
sentence, "local media also reported the strikes", a photo caption); the events
stage reads each telling. This stage groups the tellings of one incident
(``identity``, ``group``), combines them into one Event with every telling kept
as provenance (``combine``), and fills what no telling gives from the article
(``fallbacks``). It runs after geo, on resolved places.
"""

from flashpoint.incidents.group import group_incidents
from flashpoint.incidents.identity import same_incident

__all__ = ["group_incidents", "same_incident"]
