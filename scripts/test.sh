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
# README's first command must keep working: the main sample runs twice on one SQLite file (a first run, and a
# second that rebuilds from the file); each run counts as one test.
if [ "$built" -eq 0 ]; then
  for run in first second; do
    if dotnet run --project "$root/samples/QuickStart" -c Release --no-build -- "$pg_work/quickstart.db" >"$pg_work/quickstart-$run.log" 2>&1; then
      passed=$((passed + 1))
    else
      log "the QuickStart sample failed on its $run run; see $pg_work/quickstart-$run.log"
      sed -n '1,40p' "$pg_work/quickstart-$run.log" >&2
      failed=$((failed + 1))
    fi
  done
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
