#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: `scripts/with-postgres.sh
# cargo test --test core clinic`. The server is a new cluster in a temporary
# folder, listening on 127.0.0.1 only, on a free port; the command finds it in
# MYOCHART_TEST_POSTGRES (the superuser's URL, with a password made up for this
# run). It also speaks TLS, with a certificate for the name localhost made for
# this run, which MYOCHART_TEST_POSTGRES_CA names (to connect with
# sslmode=verify-full&sslrootcert=...); other connections are plain. The server
# is stopped and its folder removed afterwards, whatever the command did; the
# command's exit status is passed on.
#
# Needs Debian's `postgresql` package (`scripts/setup.sh test` installs it).
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user the package creates.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

# Debian installs the server's programs outside PATH, one folder per version.
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: run scripts/setup.sh test (Debian's postgresql package)" >&2
  exit 1
fi

as_server=()
if [ "$(id -u)" -eq 0 ]; then
  as_server=(runuser -u postgres --)
fi

folder=$(mktemp -d -t myochart-postgres.XXXXXX)
# Only the server reads the cluster: its data folder must be its own, mode 0700.
chmod 0700 "$folder"
[ ${#as_server[@]} -gt 0 ] && chown postgres: "$folder"

stop_server() {
  if [ -f "$folder/data/postmaster.pid" ]; then
    "${as_server[@]}" "$bindir/pg_ctl" stop -D "$folder/data" -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop_server EXIT

password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$folder/password"
[ ${#as_server[@]} -gt 0 ] && chown postgres: "$folder/password"
# Passwords over TCP (so each person's password is really checked), trust on the
# folder's own socket, which only the server's user can reach. A throwaway
# needn't wait for its files to reach the disk (--no-sync).
"${as_server[@]}" "$bindir/initdb" -D "$folder/data" -U postgres --pwfile="$folder/password" \
  --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null

# A self-signed certificate for localhost (not for 127.0.0.1): a client that
# checks names accepts the one and refuses the other.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost \
  -keyout "$folder/server.key" -out "$folder/server.crt" 2>/dev/null
chmod 0600 "$folder/server.key"
[ ${#as_server[@]} -gt 0 ] && chown postgres: "$folder/server.key" "$folder/server.crt"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port another program takes between the check and the start makes the start
# fail: then try another one.
started=
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  port_in_use "$port" && continue
  # Durability is not needed for a throwaway: fsync off makes tests faster.
  if "${as_server[@]}" "$bindir/pg_ctl" start -D "$folder/data" -w -t 60 -l "$folder/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$folder/server.crt -c ssl_key_file=$folder/server.key" \
    >/dev/null; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  cat "$folder/server.log" >&2 || true
  echo "could not start a PostgreSQL server on 127.0.0.1" >&2
  exit 1
fi

export MYOCHART_TEST_POSTGRES="postgres://postgres:$password@127.0.0.1:$port/postgres"
export MYOCHART_TEST_POSTGRES_CA="$folder/server.crt"
# Plain connections unless a URL asks for TLS (sslmode=...): a TLS handshake
# costs each of the tests' many connections tens of milliseconds.
export PGSSLMODE=disable
set +e
"$@"
status=$?
set -e
exit "$status"
