"""
Whole columns at once: pandas, Arrow, Polars, Spark and Dask.

One module per library, each importing it only when a helper runs (a missing
library raises an `ImportError` that names the extra to install):

- `regionkit.columns.pandas`: a Series of text to a Series of codes, or to a
  DataFrame of details (``pip install regionkit[pandas]``);
- `regionkit.columns.arrow`: a pyarrow array to an array of codes, or to a
  struct array of details (``pip install regionkit[arrow]``);
- `regionkit.columns.polars`: the ``regionkit`` namespace of Polars expressions
  and Series (``pl.col("region").regionkit.code()``) (``regionkit[polars]``);
- `regionkit.columns.spark`: a Spark DataFrame gains a column of codes, through
  ``mapInArrow`` (``regionkit[spark]``);
- `regionkit.columns.dask`: a Dask Series or DataFrame column, partition by
  partition (``regionkit[dask]``).

Each resolves every distinct value of a column once and broadcasts the
results: a column of a million rows and five thousand distinct values costs
five thousand lookups. Missing values (``None``, NaN, ``pd.NA``, Arrow nulls)
give missing results, never an error. The options are `regionkit.lookup_many`'s.
"""
