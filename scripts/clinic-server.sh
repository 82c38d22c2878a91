#!/usr/bin/env bash
# Sets up a PostgreSQL server for a clinic on a Debian machine: a new cluster
# in a folder, listening where the clinic's computers reach it, then the
# clinic's database with Myochart's schema and its first owner.
#
#   sudo scripts/clinic-server.sh --data /srv/myochart/pg --port 5432 \
#       --listen '*' --allow 192.168.1.0/24 --owner somchai --owner-name 'Somchai J.'
#
# The owner's password is asked for (or read from standard input), never
# given on the command line. Options:
#   --data DIR          the cluster's folder (created; must not exist yet)
#   --port PORT         its port [5432]
#   --listen ADDRESSES  where it listens: localhost, an address, or '*' [localhost]
#   --allow CIDR        a network whose computers may sign in with a password
#                       (repeatable); the machine itself always may
#   --database NAME     the clinic's database [myochart]
#   --owner LOGIN --owner-name NAME   the first owner
# With MYOCHART_CLINIC_SERVER set to a running server's administrator URL
# (postgres://postgres:...@host:port), no cluster is made: only the database.
#
# Needs Debian's `postgresql` package and the `myochart` command (or MYOCHART
# set to it). Run as root: the server runs as the `postgres` user.
set -euo pipefail

data= port=5432 listen=localhost database=myochart owner= owner_name=
allow=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2 ;;
    --port) port=$2 ;;
    --listen) listen=$2 ;;
    --allow) allow+=("$2") ;;
    --database) database=$2 ;;
    --owner) owner=$2 ;;
    --owner-name) owner_name=$2 ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
if [ -z "$owner" ] || [ -z "$owner_name" ]; then
  echo "--owner LOGIN and --owner-name NAME are required (see the top of $0)" >&2
  exit 2
fi
myochart=${MYOCHART:-myochart}

server=${MYOCHART_CLINIC_SERVER:-}
if [ -z "$server" ]; then
  if [ -z "$data" ]; then
    echo "--data DIR is required to make a cluster (see the top of $0)" >&2
    exit 2
  fi
  if [ -e "$data" ]; then
    echo "$data exists already: choose a new folder for the cluster" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "run as root: the server runs as the postgres user" >&2
    exit 1
  fi
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
  fi
  as_postgres=(runuser -u postgres --)
  # Installing the package starts Debian's own cluster, `main`, on 5432.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is taken (by Debian's cluster main? see pg_lsclusters): choose another" \
      "with --port, or stop that one" >&2
    exit 1
  fi

  mkdir -p "$data"
  chown postgres: "$data"
  chmod 0700 "$data"
  # The administrator signs in over the machine's own socket as the postgres
  # user (`sudo -u postgres psql`); this password, made up here and never
  # shown, lets this script sign in once over TCP to create the database.
  password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  password_file=$(mktemp)
  trap 'rm -f "$password_file"' EXIT
  printf '%s\n' "$password" >"$password_file"
  chown postgres: "$password_file"
  "${as_postgres[@]}" "$bindir/initdb" -D "$data" -U postgres --pwfile="$password_file" \
    --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  cat >>"$data/postgresql.conf" <<EOF

# Myochart clinic server
listen_addresses = '$listen'
port = $port
password_encryption = scram-sha-256
EOF
  for network in "${allow[@]}"; do
    printf 'host all all %s scram-sha-256\n' "$network" >>"$data/pg_hba.conf"
  done
  "${as_postgres[@]}" "$bindir/pg_ctl" start -D "$data" -l "$data/server.log" -w >/dev/null
  echo "PostgreSQL started: $data, port $port (start it again with:" \
    "runuser -u postgres -- $bindir/pg_ctl start -D $data -l $data/server.log)"
  server="postgres://postgres:$password@127.0.0.1:$port"
fi

# The administrator's URL goes to myochart in its environment, not its
# arguments, which anyone on the machine can list.
MYOCHART_DB="${server%/}/$database" "$myochart" clinic setup --owner "$owner" --owner-name "$owner_name"
