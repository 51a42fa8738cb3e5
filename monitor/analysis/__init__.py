"""Pure analysis of extracted text: the vocabulary of the clause rules, the topics a sentence speaks to, a version
cut into clauses, the facts it states, and what a change between two versions touches."""
