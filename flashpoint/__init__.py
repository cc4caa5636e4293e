"""flashpoint: news articles in, conflict events and attributed quotes out.

The Python API every interface is built on::

    import flashpoint
    doc = flashpoint.extract(text, date="2020-02-10")
    for event in doc.events: ...
"""

from flashpoint.model import Document
from flashpoint.pipeline import extract, extract_articles

__all__ = ["Document", "extract", "extract_articles"]
__version__ = "0.1.0"
