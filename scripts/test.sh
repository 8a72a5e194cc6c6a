#!/usr/bin/env bash
# Runs every test of CareCoordination.Sdk on this machine, starting what the tests need:
# a throwaway PostgreSQL cluster on a free loopback port (installed from Debian's packages when missing).
# Ends with one plain line "N passed, N failed", summed over every test project from the TRX results.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t carecoordination-tests-XXXXXX)"
chmod 755 "$work"
pg_bin=""
pg_data="$work/pgdata"

log() { printf '[test] %s\n' "$*" >&2; }

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      pg_bin="$dir"
    fi
  done
  [ -n "$pg_bin" ]
}

install_postgres() {
  log "PostgreSQL is missing: installing it from Debian's packages"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 >&2 \
    || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# PostgreSQL refuses to run as root; as root, run the server as the 'postgres' system user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$work"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_postgres() {
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop_postgres EXIT

start_postgres() {
  find_pg_bin || { install_postgres; find_pg_bin; } || { log "PostgreSQL could not be installed"; exit 1; }
  local port
  port="$(free_port)"
  mkdir -p "$pg_data" "$work/socket"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/postgres.log" -w -t 60 \
    -o "-p $port -k $work/socket -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null
  export CARECOORDINATION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port"
}

start_postgres

results="$work/results"
mkdir -p "$results"
status=0
# One build of everything (benchmarks and samples included), then each test project with its own TRX file.
dotnet build "$root/CareCoordination.Sdk.sln" -c Release --nologo >&2 || status=$?
if [ "$status" -eq 0 ]; then
  for project in "$root"/tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" >&2 || status=$?
  done
fi

passed=0
failed=0
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
