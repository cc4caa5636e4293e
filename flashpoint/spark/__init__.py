"""The pipeline as an Apache Spark job (optional extra ``flashpoint[spark]``).

``flashpoint spark-extract INPUT OUTPUT`` or ``spark-submit .../flashpoint/spark/submit.py
INPUT OUTPUT`` reads articles, extracts per partition, merges events across
articles with the local merge rule and writes Parquet. ``rows`` and
``partition`` are plain Python; ``job``, ``dedup``, ``schema`` and ``session`` need pyspark.
"""
