# Sourced by ./test.sh and bench scripts: starts a throwaway PostgreSQL on a loopback port unless
# KPIBOT_TEST_POSTGRES already names one, exports KPIBOT_TEST_POSTGRES, and stops it on exit.
# Works as root (runs the server as the postgres user) and as a normal user.

kpibot_pg_work=$(mktemp -d /tmp/kpibot-pg.XXXXXX)
kpibot_pg_started=""

kpibot_as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

kpibot_stop_postgres() {
  if [ -n "$kpibot_pg_started" ]; then
    kpibot_as_pg "$KPIBOT_PGBIN/pg_ctl" -D "$kpibot_pg_work/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$kpibot_pg_work"
}

kpibot_start_postgres() {
  [ -n "${KPIBOT_TEST_POSTGRES:-}" ] && return 0
  KPIBOT_PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$KPIBOT_PGBIN" ] || [ ! -x "$KPIBOT_PGBIN/initdb" ]; then
    echo "PostgreSQL is not installed: apt-get install -y postgresql, or set KPIBOT_TEST_POSTGRES." >&2
    return 1
  fi
  local port=${KPIBOT_TEST_PG_PORT:-55432}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$kpibot_pg_work"
  kpibot_as_pg "$KPIBOT_PGBIN/initdb" -D "$kpibot_pg_work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$kpibot_pg_work/initdb.log"
  kpibot_as_pg "$KPIBOT_PGBIN/pg_ctl" -D "$kpibot_pg_work/data" -l "$kpibot_pg_work/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $kpibot_pg_work -c fsync=off -c max_connections=300" start >/dev/null
  kpibot_pg_started=1
  export KPIBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  echo "PostgreSQL for tests on 127.0.0.1:$port"
}
