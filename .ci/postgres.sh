#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on loopback for the server's storage tests and prints the URL
# they read from DUCHA_TEST_PG. The tests make a fresh database of their own per test file.
set -euo pipefail
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | grep -q "^${version} main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ducha') THEN CREATE ROLE ducha LOGIN CREATEDB PASSWORD 'ducha'; END IF; END \$\$;" >/dev/null
echo "postgres://ducha:ducha@127.0.0.1:5432/postgres"
