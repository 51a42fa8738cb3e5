"""Use cases: the one place that does I/O around the pure stages (a run, re-extraction and extract's preview,
agreements and drift, comparing stored versions, the alert outbox, the static report, the demo, importing Open
Terms Archive declarations)."""
