"""flashpoint: news articles in, conflict events and attributed quotes out.

The Python API every interface is built on::

    import flashpoint
    doc = flashpoint.extract(text, date="2020-02-10")
    for event in doc.events: ...
    places = flashpoint.geoparse(text)   # every place named, resolved
"""

__version__ = "0.1.0"
__all__ = ["extract", "extract_articles", "geoparse"]


def __getattr__(name: str):
    # Imported lazily so that `import flashpoint.model` stays light (no spaCy).
    if name == "geoparse":
        from flashpoint.geo.parse import geoparse

        return geoparse
    if name in __all__:
        from flashpoint import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
