#!/usr/bin/env bash
# The sync store's test suite on PostgreSQL (issue 16). Installs Debian's
# PostgreSQL when it is missing, starts a throw-away cluster in a temporary
# folder as the unprivileged user `nobody` on a Unix socket only (no TCP
# port), runs the store's tests against it with the same code as on SQLite,
# and removes the cluster whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ]; then
  echo "test-postgres: installing Debian's postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

work=$(mktemp -d /tmp/backstrong-pg.XXXXXX)
chown nobody "$work"
as_nobody() { runuser -u nobody -- "$@"; }
cleanup() {
  as_nobody "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_nobody "$bindir/initdb" -D "$work/data" -U backstrong --auth=trust >/dev/null
as_nobody "$bindir/pg_ctl" -D "$work/data" -w -l "$work/log" \
  -o "-c listen_addresses='' -c unix_socket_directories=$work" start >/dev/null
as_nobody "$bindir/createdb" -h "$work" -U backstrong sync

export BACKSTRONG_TEST_POSTGRES="postgres://backstrong@localhost/sync?host=$work"
echo "test-postgres: the store's suite and the API on PostgreSQL ($("$bindir/postgres" --version))"
BACKSTRONG_BIN="$PWD/target/release/backstrong" cargo test --quiet -p server --test sync
