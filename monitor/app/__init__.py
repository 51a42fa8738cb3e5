"""Use cases: the one place that does I/O around the pure stages (a run, re-extraction, agreements and
drift, the demo, importing Open Terms Archive declarations)."""
