"""Alerts: what each event says (messages) and its delivery through apprise from the outbox (deliver)."""
