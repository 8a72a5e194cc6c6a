#!/usr/bin/env bash
# Runs every test of CareCoordination.Sdk on this machine, starting what the tests need:
# a throwaway PostgreSQL cluster on a free loopback port (installed from Debian's packages when missing).
# Ends with one plain line "N passed, N failed", summed over every test project from the TRX results.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"
start_postgres CARECOORDINATION_TEST_POSTGRES

results="$pg_work/results"
mkdir -p "$results"
status=0
# One build of everything (benchmarks and samples included), then each test project with its own TRX file.
dotnet build "$root/CareCoordination.Sdk.sln" -c Release --nologo >&2 || status=$?
built=$status
if [ "$built" -eq 0 ]; then
  for project in "$root"/tests/*/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" >&2 || status=$?
  done
fi

passed=0
failed=0
# README's first command must keep working: exactly that command, from the repository root, twice (a first run, and a
# second that rebuilds from the file it left); each run counts as one test. The sample keeps its file in the working
# folder, so the test starts without one and removes it afterwards. A third run tells the story in Dutch.
quickstart_db="$root/quickstart.db"
# Counts characters, not bytes (mawk's length() counts bytes, and the story has "—", "…" and "ö").
longer_than_120() { LC_ALL=C.UTF-8 grep -q '^.\{121\}' "$1"; }
remove_quickstart_db() { rm -f "$quickstart_db" "$quickstart_db-wal" "$quickstart_db-shm" "$quickstart_db-journal" "$quickstart_db.checkpoints"; }
if [ "$built" -eq 0 ]; then
  remove_quickstart_db
  for run in first second; do
    expected="empty: a first run"
    [ "$run" = second ] && expected="from an earlier run, rebuilt from the file"
    log_file="$pg_work/quickstart-$run.log"
    # README's command, under an English-neutral locale so that a host whose LANG is Dutch still checks the English story.
    if (cd "$root" && LANG=C.UTF-8 LC_ALL=C.UTF-8 dotnet run --project samples/QuickStart) >"$log_file" 2>&1 \
      && grep -q "$expected" "$log_file" \
      && ! longer_than_120 "$log_file"; then
      passed=$((passed + 1))
    else
      log "the QuickStart sample failed on its $run run (exit code, '$expected', or a line over 120 characters); see $log_file"
      sed -n '1,40p' "$log_file" >&2
      failed=$((failed + 1))
    fi
  done
  remove_quickstart_db
  # The story in Dutch: one more run of the build the two above made, on a file of its own; one test.
  log_file="$pg_work/quickstart-nl.log"
  if (cd "$root" && dotnet run --project samples/QuickStart --no-build -- --culture nl-NL "$pg_work/quickstart-nl.db") >"$log_file" 2>&1 \
    && grep -q "leeg: een eerste run" "$log_file" \
    && grep -q "regel R1 eigen signalen" "$log_file" \
    && ! grep -q -e "own signals" -e "shared details" -e "Parenting" -e "Debt" "$log_file" \
    && ! longer_than_120 "$log_file"; then
    passed=$((passed + 1))
  else
    log "the QuickStart sample failed in Dutch (exit code, 'leeg: een eerste run', an English rule or problem area, or a line over 120 characters); see $log_file"
    sed -n '1,40p' "$log_file" >&2
    failed=$((failed + 1))
  fi
  # An unknown culture is refused with a message that says what to pass, not with .NET's exception; one test.
  log_file="$pg_work/quickstart-culture.log"
  culture_rc=0
  (cd "$root" && dotnet run --project samples/QuickStart --no-build -- --culture xx-QQ "$pg_work/quickstart-culture.db") >"$log_file" 2>&1 || culture_rc=$?
  if [ "$culture_rc" -eq 2 ] && grep -q "try --culture nl-NL" "$log_file" && ! grep -q "CultureNotFoundException" "$log_file"; then
    passed=$((passed + 1))
  else
    log "the QuickStart sample did not refuse an unknown culture with its own message and exit code 2; see $log_file"
    failed=$((failed + 1))
  fi
fi

# The packages as a vendor gets them: packed, installed from a local folder into a fresh console project, README's
# program run as written (scripts/check-packages.sh); one test.
if [ "$built" -eq 0 ]; then
  if bash "$root/scripts/check-packages.sh" "$pg_work/packages-check" >&2; then
    passed=$((passed + 1))
  else
    log "the package check failed; see the lines above"
    failed=$((failed + 1))
  fi
fi

shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "${#trx_files[@]}" -eq 0 ]; then
  log "no test results were written (the build failed?)"
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with $status without a failed test: counting it as a failure"
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
