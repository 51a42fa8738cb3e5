"""Pure analysis of extracted text: what a fetch means for a document (decide), whether a change is
substantive or editorial, the clause-level diff and its clause pairs, the topics, clauses and facts of a
version, what a change touches (classify), and drift from a signed baseline."""
