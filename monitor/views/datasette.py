"""Datasette metadata for a termwatch database: what each table, view and column holds, and ready-made queries.

Pure: `termwatch datasette-metadata` writes it; `datasette snapshots/termwatch.db -m metadata.json` reads it.
"""

from __future__ import annotations

_FLAGS = {
    "training": "1 when the clause or change touches training on customer data",
    "retention": "1 when the clause or change touches data retention or deletion",
    "access": "1 when the clause or change touches who can see or receive the data (human review, sharing, "
              "government requests, access controls)",
}
_DOCUMENT = {
    "document": "Document id, as in [[documents]] of config.toml",
    "vendor": "Vendor that publishes the document",
    "audience": "commercial (business customers) or consumer",
    "type": "Kind of document, e.g. Terms of Service, Privacy Policy, Data Processing Addendum",
    "url": "Address termwatch fetches",
}
_CHANGE = {
    "from_version": "Version before the change (versions.id)",
    "to_version": "Version after the change (versions.id)",
    "detected_at": "When the fetch that found the new wording ran (ISO-8601 UTC)",
    "significance": "substantive (a change of terms) or editorial (case, punctuation, spelling, a date stamp: "
                    "never alerted)",
    **_FLAGS,
    "summary": "One-sentence description of what changed",
    "facts": 'JSON list of facts that changed: {"kind", "subject", "before", "after"}',
    "clauses": 'JSON list of the changed training/retention/access clauses, each {"op": changed|added|removed|moved, '
                '"heading", "from_heading", "before", "after", "labels", "evidence", "words"}',
}

TABLES: dict[str, dict] = {
    "changes_with_flags": {
        "description": "Every recorded change, newest first, with its document, vendor and "
                       "training/retention/access flags.",
        "columns": {"change_id": "Change id (changes.id)", **_DOCUMENT, **_CHANGE},
        "facets": ["vendor", "audience", "training", "retention", "access"],
    },
    "current_clauses": {
        "description": "What each document says today about training on customer data, data retention and access: "
                       "one row per clause and label, from the version in force now.",
        "columns": {
            **{k: _DOCUMENT[k] for k in ("document", "vendor", "audience", "type")},
            "version_id": "The version in force now (versions.id)",
            "label": "training, retention or access",
            "position": "Order of the clause among the labelled clauses of the version",
            "heading": "Section heading the clause sits under",
            "clause": "Text of the clause",
            "evidence": "JSON list of the words that made the classifier label it",
        },
        "facets": ["vendor", "label", "audience"],
    },
    "answers": {
        "description": "The answer sheet (termwatch answers) without its quotes: one row per vendor, audience and "
                       "question, over the version of each document in force now. A question nobody answers reads "
                       "stated 0 with no facts: not stated, never a guess. Documents not fetched yet are left out.",
        "columns": {
            "vendor": _DOCUMENT["vendor"],
            "audience": _DOCUMENT["audience"],
            "question": "training (on customer data), retention (of the data) or access (who can see or receive it)",
            "stated": "1 when a current clause of the vendor's documents for this audience speaks of the question "
                      "or states a fact on it; 0 when none does",
            "facts": 'What those documents state, "subject: value" joined by "; " (e.g. "Customer Content: not '
                     'used"); each subject and value once, in reading order; empty when none is stated',
            "documents": "Ids of the vendor's documents for this audience that have a current version, comma-separated",
            "clauses": "How many current clauses of those documents speak of the question",
        },
        "facets": ["vendor", "audience", "question", "stated"],
    },
    "documents": {
        "description": "The watched pages, as declared in config.toml.",
        "columns": {"id": _DOCUMENT["document"], **{k: _DOCUMENT[k] for k in ("vendor", "audience", "type", "url")}},
        "facets": ["vendor", "audience", "type"],
    },
    "versions": {
        "description": "Each distinct wording of a document. Full-text search covers the text.",
        "columns": {
            "id": "Version id",
            "document": _DOCUMENT["document"],
            "text_sha256": "SHA-256 of the normalised text, which decides whether two fetches read the same",
            "text": "Extracted text of the page",
            "length": "Length of the text in characters",
            "extractor_version": "Version of termwatch's extractor that produced the text",
            "first_seen": "First fetch that showed this wording (ISO-8601 UTC)",
            "last_seen": "Latest fetch that showed this wording (ISO-8601 UTC)",
            "fetch_id": "The fetch that first showed it (fetches.id)",
            "page_sha256": "SHA-256 of the raw page kept as evidence (pages.sha256)",
            "fallback": "1 when the document's select matched nothing and the text is the automatically found "
                        "main content",
        },
        "facets": ["document"],
    },
    "version_clauses": {
        "description": "The training and retention clauses of every version, found by termwatch's classifier.",
        "columns": {
            "id": "Row id",
            "version_id": "Version the clause belongs to (versions.id)",
            "document": _DOCUMENT["document"],
            "position": "Order of the clause among the labelled clauses of the version",
            "heading": "Section heading the clause sits under",
            "text": "Text of the clause",
            **_FLAGS,
            "evidence": "JSON list of the words that made the classifier label it",
        },
        "facets": ["document", "training", "retention", "access"],
    },
    "version_facts": {
        "description": "The facts every version states, found by termwatch's classifier: training stances, retention "
                       "periods and who may receive the data.",
        "columns": {
            "id": "Row id",
            "version_id": "Version that states the fact (versions.id)",
            "document": _DOCUMENT["document"],
            "position": "Order of the fact in the version's text",
            "question": "The question it answers: training, retention or access",
            "kind": "training_stance, retention_period or access",
            "subject": "What it applies to (e.g. Customer Content, deleted conversations); for access, who receives it",
            "value": 'What is stated, e.g. "not used", "used unless you opt out", "30 days", "may receive", "not sold"',
            "clause": "Text of the clause that states it",
        },
        "facets": ["document", "question", "kind"],
    },
    "fetches": {
        "description": "Every fetch attempt, usable or not. A failed fetch is never a version.",
        "columns": {
            "id": "Fetch id",
            "document": _DOCUMENT["document"],
            "fetched_at": "When the fetch ran (ISO-8601 UTC)",
            "ok": "1 when the page was usable terms text",
            "outcome": "new, unchanged, known (an earlier wording again), not-modified, failed or suspect",
            "status": "HTTP status, when a response arrived",
            "reason": "Why the fetch was not usable",
            "url": "Address requested",
            "final_url": "Address after redirects",
            "page_sha256": "SHA-256 of the raw page kept as evidence (pages.sha256)",
            "text_sha256": "SHA-256 of the normalised text",
            "version_id": "The version this fetch showed (versions.id)",
            "etag": "ETag header, sent back as If-None-Match",
            "last_modified": "Last-Modified header, sent back as If-Modified-Since",
        },
        "facets": ["outcome", "document"],
    },
    "changes": {
        "description": "Changes between consecutive versions of a document (see changes_with_flags for a joined view).",
        "columns": {"id": "Change id", "document": _DOCUMENT["document"], **_CHANGE},
        "facets": ["document", "training", "retention", "access"],
    },
    "findings": {
        "description": "Drift of a signed agreement's document: its baseline wording against a later version.",
        "columns": {
            "id": "Finding id",
            "key": "Identity of the finding (agreement, document, baseline and current version)",
            "agreement": "Agreement id, as in [[agreements]] of config.toml",
            "document": _DOCUMENT["document"],
            "baseline": "How the baseline was chosen: pinned-version, pinned-file, signed-on or earliest",
            "baseline_version": "Baseline version (versions.id), empty for a pinned file",
            "current_version": "Version compared with the baseline (versions.id)",
            "detected_at": "When the drift was first found (ISO-8601 UTC)",
            **_FLAGS,
            "summary": "One-sentence description of the drift",
            "facts": _CHANGE["facts"],
            "clauses": _CHANGE["clauses"],
        },
        "facets": ["agreement", "training", "retention", "access"],
    },
    "pins": {
        "description": "What was signed, pinned with `termwatch agreements pin`.",
        "columns": {
            "agreement": "Agreement id",
            "document": _DOCUMENT["document"],
            "version_id": "Pinned version (versions.id), or empty for a signed copy",
            "text": "Text of the pinned signed copy",
            "source": "Where the pin came from: a file path or a version",
            "pinned_at": "When it was pinned (ISO-8601 UTC)",
        },
    },
    "events": {
        "description": "Alert events: changes, drift, fetch failures and renewals, each stored once.",
        "columns": {
            "id": "Event id",
            "key": "Idempotency key: the same cause is never stored twice",
            "kind": "change, drift, fetch-failure (also sent on recovery), renewal or test",
            "created_at": "When the event was created (ISO-8601 UTC)",
            "document": _DOCUMENT["document"],
            "vendor": _DOCUMENT["vendor"],
            "agreement": "Agreement id, for drift and renewal events",
            **_FLAGS,
            "subject": "Subject line of the alert",
            "text": "Plain-text body of the alert",
            "html": "HTML body of the alert (email)",
            "short": "Short form for chat services",
        },
        "facets": ["kind"],
    },
    "deliveries": {
        "description": "Each alert event's delivery to each destination, with its status.",
        "columns": {
            "id": "Delivery id",
            "event": "The event delivered (events.id)",
            "channel": "Alert channel id, as in [[alerts]] of config.toml",
            "destination": "Position of the URL in the channel's urls",
            "target": "Destination URL in apprise's privacy form (secrets masked)",
            "status": "pending, failed or sent",
            "attempts": "Delivery attempts so far",
            "last_error": "Redacted error of the latest failed attempt",
            "next_attempt_at": "When the next attempt is due (ISO-8601 UTC)",
            "sent_at": "When it was delivered (ISO-8601 UTC)",
        },
        "facets": ["status", "channel"],
    },
    # Raw pages are compressed bytes, evidence for `termwatch reextract`, not for reading.
    "pages": {"hidden": True, "description": "Raw pages, zlib-compressed, addressed by SHA-256."},
    "_sqlite_migrations": {"hidden": True},
}

_SORT_DESC = {"changes_with_flags": "detected_at", "changes": "detected_at", "versions": "first_seen",
              "fetches": "fetched_at", "findings": "detected_at", "events": "created_at"}

QUERIES: dict[str, dict] = {
    "recent_training_retention_changes": {
        "title": "Training, retention or access changes in the last 90 days",
        "sql": "select * from changes_with_flags where significance = 'substantive' "
               "and (training or retention or access) "
               "and detected_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-90 days') order by detected_at desc",
    },
    "vendor_clauses": {
        "title": "What a vendor says today about training, retention and access",
        "sql": "select document, type, label, heading, clause from current_clauses "
               "where vendor = :vendor collate nocase order by document, position, label",
    },
    "vendor_answers": {
        "title": "A vendor's answers today on training, retention and access, per audience",
        "description": "Vendor name, any case (e.g. Anthropic). Stated 0: the documents say nothing on it.",
        "sql": "select audience, question, stated, facts, documents, clauses from answers "
               "where vendor = :vendor collate nocase "
               "order by audience, case question when 'training' then 1 when 'retention' then 2 else 3 end",
    },
    "search_versions": {
        "title": "Search every version's text",
        "description": "A word or phrase, found with stemming (train also finds training).",
        # Quoted as one FTS5 phrase, so punctuation such as opt-out is searched, not parsed as an operator.
        "sql": "select v.id as version_id, v.document, v.first_seen, v.last_seen, "
               "snippet(versions_fts, 0, '[', ']', '…', 16) as snippet from versions_fts "
               "join versions v on v.rowid = versions_fts.rowid "
               "where versions_fts match '\"' || replace(:q, '\"', '\"\"') || '\"' order by rank",
    },
    "failing_documents": {
        "title": "Documents whose latest fetch failed",
        "sql": "select d.id as document, d.vendor, d.url, f.fetched_at, f.outcome, f.status, f.reason "
               "from documents d join fetches f on f.id = (select id from fetches g where g.document = d.id "
               "order by fetched_at desc, id desc limit 1) where not f.ok order by d.vendor, d.id",
    },
}


def metadata(database: str) -> dict:
    """Datasette metadata for the termwatch database that Datasette names `database` (the file name's stem)."""
    tables = {}
    for name, table in TABLES.items():
        tables[name] = dict(table)
        if name in _SORT_DESC:
            tables[name]["sort_desc"] = _SORT_DESC[name]
    return {
        "title": "termwatch",
        "description": "Versions of AI vendors' terms pages recorded by termwatch, the changes between them, "
                       "whether a change touches training on customer data or data retention, and drift from "
                       "signed agreements.",
        "source": "The vendors' published terms pages, fetched by termwatch; the flags, summaries and facts "
                  "are termwatch's automatic reading, not legal advice",
        "about": "termwatch",
        "about_url": "https://github.com/termwatch/termwatch",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }
