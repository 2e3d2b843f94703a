"""newsgraph: turn news articles into traceable event data.

The engine is Rust (``newsgraph._native``); this package gives it to Python and to Apache Spark
(``python -m newsgraph.spark``). Build one :class:`Pipeline` per process (it loads the lexicons
once) and reuse it::

    import newsgraph

    pipeline = newsgraph.Pipeline()
    record = pipeline.extract(
        "Police arrested 12 protesters in Lagos on Monday, officials said.",
        published="2024-05-06",
    )
    for event in record["events"]:
        print(event["cameo"], event["source"], event["target"])

A record is a dict of the ``newsgraph.article/1`` schema: the same JSON object that
``newsgraph extract`` prints. Calls that analyse text release the GIL.
"""

from ._native import SCHEMA, InputError, NewsgraphError, Pipeline, Records, __version__

__all__ = ["Pipeline", "Records", "NewsgraphError", "InputError", "SCHEMA", "__version__"]
