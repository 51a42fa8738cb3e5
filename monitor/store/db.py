"""The connection: open (and migrate) the database, the run lock, read snapshots, a full disk as one clear line,
and the insert that returns the new row's id."""

from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from monitor.errors import StoreError
from monitor.store.schema import migrations


def open_db(path: Path, create: bool = True) -> sqlite_utils.Database:
    """Open (and migrate) the database; a read-only view passes create=False to fail clearly on a missing file."""
    if not create and not path.exists():
        raise StoreError(f"{path}: no database yet; run `termwatch run` first")
    try:
        with disk_full_as_error(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            # No sqlite-utils plugins are used; looking them up scans every installed package's entry points.
            db = sqlite_utils.Database(path, execute_plugins=False)
            # Readers at a terminal must not block the cron writer, nor the other way round.
            db.conn.execute("PRAGMA busy_timeout = 10000")
            if db.journal_mode != "wal":
                db.enable_wal()
            # In WAL mode NORMAL cannot corrupt the database; a power cut may roll back the last commits,
            # which the next run fetches again. FULL fsyncs every fetch's transaction, so a run waits on the
            # disk once per fetch; NORMAL only at checkpoints.
            db.conn.execute("PRAGMA synchronous = NORMAL")
            migrations.apply(db)
    except (sqlite3.DatabaseError, OSError) as err:
        raise StoreError(f"{path}: cannot open the database ({err}); check the path in [storage] database") from None
    return db


@contextmanager
def snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    """Reads inside see the database at one moment: a run that commits meanwhile shows up whole or not at all.

    Each statement on its own sees the latest commit, so a view built from several queries (a report, a drift
    check) could otherwise meet a change whose versions it read before they existed. Inside a transaction
    already, that transaction is the moment."""
    if db.conn.in_transaction:
        yield
        return
    db.execute("begin")
    try:
        yield
    finally:
        db.execute("rollback")  # nothing was written: readers only


def is_disk_full(err: BaseException) -> bool:
    return (isinstance(err, sqlite3.OperationalError) and "database or disk is full" in str(err)) or (
        isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT))


@contextmanager
def disk_full_as_error(path: Path) -> Iterator[None]:
    """A full disk becomes one clear line. SQLite has rolled back the transaction that did not fit,
    so every earlier one is intact and the next run records what this one missed."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as err:
        if not is_disk_full(err):
            raise
        raise StoreError(f"{path}: database or disk is full (no space left on {path.parent}); "
                         "free space and run termwatch again") from None


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the database for a whole run, so two cron runs never interleave writes.

    flock is released by the kernel when the process dies, so a killed run never leaves a stale lock.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise StoreError(
                f"{db_path}: another termwatch run is in progress (pid {holder}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


def insert(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row and return its id (a plain insert always sets it)."""
    pk = db.table(table).insert(row).last_pk
    assert isinstance(pk, int)
    return pk
