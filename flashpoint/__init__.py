"""flashpoint: news articles in, conflict events and attributed quotes out.

The Python API every interface is built on::

    import flashpoint
    doc = flashpoint.extract(text, date="2020-02-10")
    for event in doc.events: ...
"""

__version__ = "0.1.0"
__all__ = ["extract", "extract_articles"]


def __getattr__(name: str):
    # Imported lazily so that `import flashpoint.model` stays light (no spaCy).
    if name in __all__:
        from flashpoint import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
