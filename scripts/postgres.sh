#!/usr/bin/env bash
# Sourced by test.sh and benchmark.sh: starts a throwaway PostgreSQL cluster on a free loopback port, installing
# PostgreSQL from Debian's packages when it is missing, and stops and deletes it when the calling script exits.
# Usage: start_postgres VARIABLE  — exports VARIABLE as the Npgsql connection string.

pg_work="$(mktemp -d -t carecoordination-XXXXXX)"
chmod 755 "$pg_work"
pg_bin=""
pg_data="$pg_work/pgdata"

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }

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
    chown -R postgres "$pg_work"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_postgres() {
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_work"
}
trap stop_postgres EXIT

start_postgres() {
  local variable="$1" port
  find_pg_bin || { install_postgres; find_pg_bin; } || { log "PostgreSQL could not be installed"; exit 1; }
  port="$(free_port)"
  mkdir -p "$pg_data" "$pg_work/socket"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_work/postgres.log" -w -t 60 \
    -o "-p $port -k $pg_work/socket -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null
  export "$variable=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port"
}
