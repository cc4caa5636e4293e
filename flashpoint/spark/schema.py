"""Spark StructTypes for the rows of flashpoint.spark.rows."""

from __future__ import annotations

from pyspark.sql.types import DateType, DoubleType, LongType, StringType, StructField, StructType

from flashpoint.spark.rows import ERROR_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS

_TYPES = {"string": StringType, "double": DoubleType, "long": LongType, "date": DateType}


def struct(columns: list[tuple[str, str]]) -> StructType:
    """A nullable StructType for (name, type) column pairs."""
    return StructType([StructField(name, _TYPES[kind](), True) for name, kind in columns])


EVENT_SCHEMA = struct(EVENT_COLUMNS)
QUOTE_SCHEMA = struct(QUOTE_COLUMNS)
ERROR_SCHEMA = struct(ERROR_COLUMNS)
