"""The SQLite store (sqlite-utils), the only package that knows SQL or table names: schema (migrations),
db (open, lock, snapshot), write, read and outbox. Callers own the transaction (`db.atomic()`, which nests)."""
