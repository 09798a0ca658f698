"""Ingest at scale: the rows of analysed articles by natural keys
(rows.py), a loader that merges a batch of them in one transaction through
staging tables (loader.py), the batch writer used by every ingest (writer.py)
and the Dask engine (dask_engine.py)."""
