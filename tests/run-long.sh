#!/bin/sh
# Re-run the long versions of the reliability tests (hundreds of kills, more rounds and examples)
# and print the figures they report. Usage: tests/run-long.sh [extra pytest args]
# Takes about half an hour on two cores; TERMWATCH_SEED=N changes where the kills land.
set -u
cd "$(dirname "$0")/.."
figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
files="tests/test_kill.py tests/test_concurrency.py tests/test_diskfull.py
       tests/test_faults.py tests/test_hostile.py tests/test_properties.py"
TERMWATCH_LONG=1 TERMWATCH_FIGURES="$figures" python -m pytest -q -p no:cacheprovider $files "$@"
status=$?
echo
echo "Figures (one line per test that reports them):"
python - "$figures" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    name = row.pop("test")
    print(f"- {name}: " + ", ".join(f"{k}={json.dumps(v)}" for k, v in sorted(row.items())))
PY
exit $status
