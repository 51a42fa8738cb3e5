"""The report for a reviewer: a page per version with its full text and its kept raw page, `show --raw`,
readable dates, and a banner when documents are failing. Real runs against pages on 127.0.0.1, then the
report's files, and a real headless Chromium opening them (the raw page too) from file:// URLs."""

from __future__ import annotations

import pytest

from monitor.templating import when
from monitor.timeutil import readable


@pytest.mark.parametrize("stored,expected", [
    ("2026-06-08T22:30:40+00:00", "8 June 2026, 22:30 UTC"),
    ("2026-01-01T00:00:00+00:00", "1 January 2026, 00:00 UTC"),
    ("2026-06-08T23:30:00-02:00", "9 June 2026, 01:30 UTC"),  # shown in UTC, whatever the offset
    ("2026-12-31", "31 December 2026"),
    ("not a time", "not a time"),
])
def test_readable_dates(stored, expected):
    assert readable(stored) == expected


def test_the_when_filter_keeps_the_machine_readable_time_and_escapes():
    assert when("2026-06-08T22:30:40+00:00") == (
        '<time datetime="2026-06-08T22:30:40+00:00">8 June 2026, 22:30 UTC</time>')
    assert when('"><script>') == '<time datetime="&#34;&gt;&lt;script&gt;">&#34;&gt;&lt;script&gt;</time>'
    assert when(None) == ""
