#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: `bash scripts/with-postgres.sh <command…>`.
#
# Installs Debian's `postgresql` when its server binaries are missing (never starts the Debian service), creates a
# cluster in a temporary directory with initdb, starts it on 127.0.0.1 (a free port from 54329 up, sockets in the
# temporary directory, a random password), runs the command with the connection in PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE, and whatever happens stops the server and removes the directory. Exits with the
# command's status. Used by scripts/test.sh for test/postgres/ and by bench/postgres-stream.bench.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-postgres.sh <command…>" >&2
  exit 2
fi

# Root, or sudo when there is one (apt-get needs root).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo > /dev/null; then sudo "$@"
  else echo "with-postgres: PostgreSQL is not installed and this needs root (or sudo) to install it" >&2; return 1
  fi
}

server_bin() { ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1; }

if [ -z "$(server_bin)" ] || [ ! -x "$(server_bin)/initdb" ]; then
  echo "with-postgres: installing Debian's postgresql" >&2
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
bin=$(server_bin)

# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user the package created, in a
# directory that user owns; any other user runs it as itself.
as_server_user() {
  if [ "$(id -u)" -ne 0 ]; then "$@"
  elif command -v runuser > /dev/null; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/shuangsuiji-pg.XXXXXX")
started=no
cleanup() {
  status=$?
  if [ "$started" = yes ]; then
    (cd "$dir" && as_server_user "$bin/pg_ctl" stop -D "$dir/data" -m immediate -s) || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

# A random password, so that other users of a shared machine cannot connect while the server runs.
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
(umask 077 && printf '%s\n' "$password" > "$dir/password")
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/password"; fi
# No locale (byte order, UTF-8): nothing here may depend on the host's settings.
(cd "$dir" && as_server_user "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" --auth=scram-sha-256 \
  --encoding=UTF8 --no-locale --no-sync > "$dir/initdb.log") || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/password"

# A throwaway cluster: durability settings off (a crash loses nothing worth keeping), so loading test data is fast.
port=${SHUANGSUIJI_PG_PORT:-54329}
for attempt in $(seq 1 20); do
  if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    if (cd "$dir" && as_server_user "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -s \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off"); then
      started=yes
      break
    fi
  fi
  port=$((port + 1))  # taken (another run on this machine): try the next one
done
if [ "$started" != yes ]; then
  echo "with-postgres: could not start PostgreSQL" >&2
  cat "$dir/server.log" >&2 2> /dev/null || true
  exit 1
fi

echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres PGPASSWORD="$password" PGDATABASE=postgres
"$@"
