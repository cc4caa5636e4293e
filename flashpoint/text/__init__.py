"""The text stage: read inputs and clean them into ``Article``s.

``clean`` repairs damaged scraped text and maps it back to the raw input;
``make_article`` turns raw text into an Article; ``read_records``,
``read_one`` and ``iter_input_files`` read files, folders and stdin.
"""

from flashpoint.text.article import content_id, make_article, parse_date
from flashpoint.text.clean import clean
from flashpoint.text.limits import MAX_ARTICLE_BYTES
from flashpoint.text.readers import FORMATS, iter_input_files, read_one, read_records

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "clean",
    "content_id",
    "iter_input_files",
    "make_article",
    "parse_date",
    "read_one",
    "read_records",
]
