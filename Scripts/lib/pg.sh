# shellcheck shell=bash
# BorderCore: the project's private PostgreSQL cluster. Sourced by Scripts/pg, Scripts/test
# and Scripts/demo (which all run with `set -euo pipefail`); not meant to be executed.
#
# Layout of a cluster folder (default <repo>/.border/pg):
#   data/      PGDATA (initdb runs once; later runs reuse it)
#   socket/    unix socket directory (PGHOST)
#   log/       postgresql.log, initdb.log
#   port       the TCP port chosen on first start (127.0.0.1 only), reused on later starts
#
# Inputs (environment, all optional):
#   BORDER_PG_DIR            cluster folder (default <repo>/.border/pg)
#   BORDER_PG_PORT           the port to use, over the remembered one, when it is free (else the
#                            next free one above it); without it the remembered port, else 5433
#   BORDER_PG_DATABASE       database created on start and put in PGDATABASE (default border)
#   BORDER_PG_FAST=1         throwaway cluster: initdb --no-sync, fsync/synchronous_commit off.
#                            Never use it for a cluster whose data you want to keep.
#   BORDER_PG_START_TIMEOUT  seconds to wait for start/stop (default 60)
#   BORDER_PG_BINDIR         PostgreSQL bin directory (default: pg_config --bindir, else the
#                            highest /usr/lib/postgresql/*/bin)
#   BORDER_PG_OS_USER        when run as root, the unprivileged user that runs PostgreSQL
#                            (default bordercore; created if missing)
#
# After border_pg_init: BPG_REPO BPG_DIR BPG_DATA BPG_SOCKET BPG_LOGDIR BPG_LOG BPG_PORTFILE
# BPG_BIN BPG_DATABASE BPG_OWNER (empty unless run as root).

BPG_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BPG_SUPERUSER=postgres
BPG_FALLBACK_BASE=/var/lib/bordercore

_bpg_say() { printf 'pg: %s\n' "$*" >&2; }
_bpg_die() {
  printf 'pg: error: %s\n' "$*" >&2
  return 1
}

_bpg_sha() { printf '%s' "$1" | sha256sum | cut -c1-16; }

# Run a command as the OS user that owns the cluster (PostgreSQL refuses to run as root).
# cwd is / so that the unprivileged user never needs to read the caller's cwd.
_bpg_as_owner() {
  if [[ -z "$BPG_OWNER" ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u "$BPG_OWNER" -- "$@")
  else
    (cd / && setpriv --reuid="$BPG_OWNER" --regid="$BPG_OWNER" --init-groups -- "$@")
  fi
}

_bpg_find_bindir() {
  local d
  if [[ -n "${BORDER_PG_BINDIR:-}" ]]; then
    d=$BORDER_PG_BINDIR
  else
    d=""
    if command -v pg_config >/dev/null 2>&1; then
      d=$(pg_config --bindir 2>/dev/null || true)
    fi
    if [[ -z "$d" || ! -x "$d/initdb" || ! -x "$d/pg_ctl" ]]; then
      d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null \
        | sort -V | tail -n 1)
    fi
    if [[ -z "$d" || ! -x "$d/initdb" ]] && command -v initdb >/dev/null 2>&1; then
      d=$(dirname "$(command -v initdb)")
    fi
  fi
  if [[ -z "$d" || ! -x "$d/initdb" || ! -x "$d/pg_ctl" || ! -x "$d/postgres" ]]; then
    _bpg_die "PostgreSQL server binaries not found (run Scripts/install-deps, or set BORDER_PG_BINDIR)"
    return 1
  fi
  # An existing cluster must be run by the major version that created it.
  if [[ -f "$BPG_DATA/PG_VERSION" ]]; then
    local want have
    want=$(<"$BPG_DATA/PG_VERSION")
    have=$("$d/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
    if [[ "$want" != "$have" ]]; then
      if [[ -x "/usr/lib/postgresql/$want/bin/postgres" ]]; then
        d=/usr/lib/postgresql/$want/bin
      else
        _bpg_die "$BPG_DATA was created by PostgreSQL $want but only $have is installed"
        return 1
      fi
    fi
  fi
  BPG_BIN=$d
}

_bpg_ensure_os_user() {
  local u=$BPG_OWNER
  id -u "$u" >/dev/null 2>&1 && return 0
  local group_opt=(--user-group)
  if getent group "$u" >/dev/null 2>&1; then group_opt=(--gid "$u"); fi
  _bpg_say "creating system user $u to run PostgreSQL (it refuses to run as root)"
  useradd --system --no-create-home --home-dir "$BPG_FALLBACK_BASE" \
    --shell /usr/sbin/nologin "${group_opt[@]}" "$u" || id -u "$u" >/dev/null 2>&1
}

# Can the cluster owner reach (search) this directory?
_bpg_owner_can_reach() { _bpg_as_owner test -x "$1" 2>/dev/null; }

# Resolve the cluster folder, create it, and when root hand it to the unprivileged owner,
# falling back to /var/lib/bordercore/<sha>/<name> when the owner cannot reach the project.
_bpg_prepare_dir() {
  local dir=$1
  if [[ -z "$BPG_OWNER" ]]; then
    mkdir -p "$dir"
    BPG_DIR=$dir
    return 0
  fi
  _bpg_ensure_os_user
  local probe=$dir
  while [[ ! -e "$probe" ]]; do probe=$(dirname "$probe"); done
  if _bpg_owner_can_reach "$probe"; then
    (umask 022 && mkdir -p "$dir")
    if [[ "$(stat -c %U "$dir")" != "$BPG_OWNER" ]]; then
      chown "$BPG_OWNER:" "$dir"
    fi
    if _bpg_owner_can_reach "$dir" && _bpg_as_owner test -w "$dir"; then
      BPG_DIR=$dir
      return 0
    fi
  fi
  # Fallback. Do not chmod the user's directories; use a folder the owner can reach.
  local key name fallback
  if [[ "$(dirname "$dir")" == "$BPG_REPO/.border" ]]; then
    key=$(_bpg_sha "$BPG_REPO")
  else
    key=$(_bpg_sha "$dir")
  fi
  name=$(basename "$dir")
  fallback=$BPG_FALLBACK_BASE/$key/$name
  install -d -o "$BPG_OWNER" -g "$BPG_OWNER" -m 0755 "$BPG_FALLBACK_BASE"
  install -d -o "$BPG_OWNER" -g "$BPG_OWNER" -m 0700 "$BPG_FALLBACK_BASE/$key" "$fallback"
  _bpg_say "$dir is not reachable by user $BPG_OWNER; using $fallback instead"
  BPG_DIR=$fallback
}

border_pg_init() {
  local dir=${BORDER_PG_DIR:-$BPG_REPO/.border/pg}
  dir=$(realpath -m -- "$dir")
  BPG_DATABASE=${BORDER_PG_DATABASE:-border}
  BPG_OWNER=""
  if [[ "$(id -u)" -eq 0 ]]; then
    BPG_OWNER=${BORDER_PG_OS_USER:-bordercore}
    if ! command -v runuser >/dev/null 2>&1 && ! command -v setpriv >/dev/null 2>&1; then
      _bpg_die "running as root needs runuser or setpriv (util-linux) to start PostgreSQL as $BPG_OWNER"
      return 1
    fi
  fi
  _bpg_prepare_dir "$dir"
  BPG_DATA=$BPG_DIR/data
  BPG_LOGDIR=$BPG_DIR/log
  BPG_LOG=$BPG_LOGDIR/postgresql.log
  BPG_PORTFILE=$BPG_DIR/port
  BPG_SOCKET=$BPG_DIR/socket
  # A unix socket path is limited to 107 bytes ("<dir>/.s.PGSQL.NNNNN"); for very deep
  # project folders put only the socket in a short private directory under /tmp.
  if ((${#BPG_SOCKET} > 90)); then
    BPG_SOCKET=/tmp/bordercore-$(_bpg_sha "$BPG_DIR")
  fi
  _bpg_find_bindir
}

# ---- locking (serialises start/stop of one cluster) ----------------------------------------

_bpg_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>>"$BPG_DIR/.lock"
  flock -w "${BORDER_PG_START_TIMEOUT:-60}" 9 || _bpg_die "timed out waiting for lock $BPG_DIR/.lock"
}
_bpg_unlock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>&-
}

# ---- state ------------------------------------------------------------------------------------

border_pg_is_running() {
  [[ -f "$BPG_DATA/PG_VERSION" ]] || return 1
  _bpg_as_owner "$BPG_BIN/pg_ctl" status -D "$BPG_DATA" >/dev/null 2>&1
}

# Line N of postmaster.pid (1 pid, 4 port, 5 socket directory).
_bpg_pidfile_line() { sed -n "${1}p" "$BPG_DATA/postmaster.pid" 2>/dev/null; }

# Port and socket directory of the running server, else the remembered ones.
_bpg_current() {
  BPG_CUR_PORT="" BPG_CUR_SOCKET=""
  if border_pg_is_running; then
    BPG_CUR_PORT=$(_bpg_pidfile_line 4)
    BPG_CUR_SOCKET=$(_bpg_pidfile_line 5)
  fi
  if [[ -z "$BPG_CUR_PORT" && -f "$BPG_PORTFILE" ]]; then
    BPG_CUR_PORT=$(<"$BPG_PORTFILE")
  fi
  BPG_CUR_SOCKET=${BPG_CUR_SOCKET:-$BPG_SOCKET}
  [[ -n "$BPG_CUR_PORT" ]]
}

_bpg_port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# BORDER_PG_PORT when set and free; else the remembered port if free; else the preferred one
# (BORDER_PG_PORT or 5433), else the next free one above it.
_bpg_choose_port() {
  local remembered="" preferred=${BORDER_PG_PORT:-5433} p
  # No leading zero (bash would read 08000 as octal, PostgreSQL refuses it): 1024 to 65535.
  if [[ ! "$preferred" =~ ^[1-9][0-9]{3,4}$ ]] || ((10#$preferred > 65535)); then
    _bpg_die "BORDER_PG_PORT must be a TCP port from 1024 to 65535"
    return 1
  fi
  if [[ -f "$BPG_PORTFILE" ]]; then remembered=$(<"$BPG_PORTFILE"); fi
  if [[ -n "${BORDER_PG_PORT:-}" && "$BORDER_PG_PORT" != "$remembered" ]]; then
    if ! _bpg_port_busy "$BORDER_PG_PORT"; then
      [[ -z "$remembered" ]] || _bpg_say "using BORDER_PG_PORT=$BORDER_PG_PORT instead of the remembered port $remembered"
      echo "$BORDER_PG_PORT"
      return 0
    fi
    _bpg_say "BORDER_PG_PORT=$BORDER_PG_PORT is in use by another program; choosing another"
  fi
  if [[ "$remembered" =~ ^[0-9]+$ ]]; then
    if ! _bpg_port_busy "$remembered"; then
      echo "$remembered"
      return 0
    fi
    _bpg_say "remembered port $remembered is in use by another program; choosing another"
  fi
  for ((p = preferred; p < preferred + 500 && p < 65536; p++)); do
    if ! _bpg_port_busy "$p"; then
      echo "$p"
      return 0
    fi
  done
  _bpg_die "no free TCP port found in $preferred..$((preferred + 499))"
}

# ---- configuration ------------------------------------------------------------------------------

_bpg_conf_block() {
  local port=$1 socket=${2//\'/\'\'}
  echo "# BEGIN bordercore (managed by Scripts/lib/pg.sh, rewritten on every start)"
  echo "listen_addresses = '127.0.0.1'"
  echo "port = $port"
  echo "unix_socket_directories = '$socket'"
  echo "max_connections = 200"
  echo "shared_buffers = 256MB"
  if [[ "${BORDER_PG_FAST:-0}" == 1 ]]; then
    echo "# throwaway test cluster: speed over durability"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
  else
    echo "synchronous_commit = on"
    echo "fsync = on"
    echo "full_page_writes = on"
  fi
  echo "# END bordercore"
}

_bpg_hba() {
  cat <<'HBA'
# BorderCore private development cluster (written by Scripts/lib/pg.sh at initdb).
# "trust" means no password. That is acceptable ONLY because this cluster is private to one
# checkout: it listens on 127.0.0.1 and on a unix socket inside its own folder, and holds
# development data. A real deployment points `border` at its own PostgreSQL with real auth.
# TYPE  DATABASE     USER  ADDRESS       METHOD
local   all          all                 trust
host    all          all   127.0.0.1/32  trust
local   replication  all                 trust
host    replication  all   127.0.0.1/32  trust
HBA
}

_bpg_initdb() {
  if [[ -f "$BPG_DATA/PG_VERSION" ]]; then return 0; fi
  if [[ -d "$BPG_DATA" ]] && [[ -n "$(ls -A "$BPG_DATA")" ]]; then
    _bpg_die "$BPG_DATA exists, is not empty and is not a PostgreSQL data folder"
    return 1
  fi
  local ctype=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then ctype=C.UTF-8; fi
  local args=(-D "$BPG_DATA" -U "$BPG_SUPERUSER" --auth-local=trust --auth-host=reject
    --encoding=UTF8 --locale=C --lc-ctype="$ctype")
  if [[ "${BORDER_PG_FAST:-0}" == 1 ]]; then
    args+=(--no-sync)
  else
    args+=(--data-checksums)
  fi
  _bpg_say "initialising a new cluster in $BPG_DATA"
  if ! _bpg_as_owner "$BPG_BIN/initdb" "${args[@]}" >"$BPG_LOGDIR/initdb.log" 2>&1; then
    cat "$BPG_LOGDIR/initdb.log" >&2
    _bpg_die "initdb failed (log: $BPG_LOGDIR/initdb.log)"
    return 1
  fi
  _bpg_hba | _bpg_as_owner tee "$BPG_DATA/pg_hba.conf" >/dev/null
}

_bpg_write_conf() {
  local conf=$BPG_DATA/postgresql.conf
  _bpg_as_owner sed -i '/^# BEGIN bordercore/,/^# END bordercore/d' "$conf"
  _bpg_conf_block "$1" "$BPG_SOCKET" | _bpg_as_owner tee -a "$conf" >/dev/null
}

# ---- clients -------------------------------------------------------------------------------------

_bpg_psql() {
  PGHOST=$BPG_CUR_SOCKET PGPORT=$BPG_CUR_PORT PGUSER=$BPG_SUPERUSER \
    "$BPG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

# border_pg_create_db NAME: create a database if it does not exist (server must be running).
border_pg_create_db() {
  local name=$1 exists
  _bpg_current || _bpg_die "cluster in $BPG_DIR is not running"
  # psql interpolates :'name' / :"name" only in input read from stdin, not in -c.
  exists=$(echo "select 1 from pg_database where datname = :'name'" \
    | _bpg_psql -d postgres -At -v name="$name") || return 1
  if [[ "$exists" != 1 ]]; then
    echo 'create database :"name"' | _bpg_psql -d postgres -v name="$name"
    _bpg_say "created database $name"
  fi
}

# ---- commands --------------------------------------------------------------------------------------

border_pg_env() {
  _bpg_current || _bpg_die "cluster in $BPG_DIR has never been started (run Scripts/pg start)"
  printf 'export PGHOST=%q\n' "$BPG_CUR_SOCKET"
  printf 'export PGPORT=%q\n' "$BPG_CUR_PORT"
  printf 'export PGUSER=%q\n' "$BPG_SUPERUSER"
  printf 'export PGDATABASE=%q\n' "$BPG_DATABASE"
  printf 'export BORDER_DATABASE_URL=%q\n' \
    "postgresql://$BPG_SUPERUSER@127.0.0.1:$BPG_CUR_PORT/$BPG_DATABASE"
}

_bpg_wait_ready() {
  local port=$1 deadline=$((SECONDS + ${BORDER_PG_START_TIMEOUT:-60}))
  while :; do
    if "$BPG_BIN/pg_isready" -q -h "$BPG_SOCKET" -p "$port" -U "$BPG_SUPERUSER" -d postgres \
      && "$BPG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$BPG_SUPERUSER" -d postgres; then
      return 0
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "$BPG_LOG" >&2 || true
      _bpg_die "server did not accept connections within ${BORDER_PG_START_TIMEOUT:-60}s"
      return 1
    fi
    sleep 0.1
  done
}

# Start (idempotent), wait until ready, create the database, print the env on stdout.
border_pg_start() {
  _bpg_lock
  if border_pg_is_running; then
    _bpg_current
    _bpg_say "already running on port $BPG_CUR_PORT (data $BPG_DATA)"
  else
    _bpg_as_owner mkdir -p "$BPG_LOGDIR"
    _bpg_initdb
    local port
    port=$(_bpg_choose_port) || {
      _bpg_unlock
      return 1
    }
    _bpg_as_owner mkdir -p -m 0755 "$BPG_SOCKET"
    _bpg_write_conf "$port"
    printf '%s\n' "$port" | _bpg_as_owner tee "$BPG_PORTFILE" >/dev/null
    _bpg_say "starting PostgreSQL on 127.0.0.1:$port (data $BPG_DATA, log $BPG_LOG)"
    # 9>&- : the postmaster must not inherit the lock.
    if ! _bpg_as_owner "$BPG_BIN/pg_ctl" start -D "$BPG_DATA" -l "$BPG_LOG" -s -w \
      -t "${BORDER_PG_START_TIMEOUT:-60}" 9>&-; then
      tail -n 20 "$BPG_LOG" >&2 || true
      _bpg_unlock
      _bpg_die "pg_ctl start failed (log: $BPG_LOG)"
      return 1
    fi
    _bpg_wait_ready "$port"
    _bpg_current
  fi
  border_pg_create_db "$BPG_DATABASE"
  _bpg_unlock
  border_pg_env
}

# Fast shutdown (rolls back open transactions, checkpoint), waiting for it to finish.
border_pg_stop() {
  _bpg_lock
  if ! border_pg_is_running; then
    _bpg_say "not running (data $BPG_DATA)"
    _bpg_unlock
    return 0
  fi
  _bpg_say "stopping PostgreSQL (data $BPG_DATA)"
  if ! _bpg_as_owner "$BPG_BIN/pg_ctl" stop -D "$BPG_DATA" -m fast -s -w \
    -t "${BORDER_PG_START_TIMEOUT:-60}"; then
    _bpg_say "fast shutdown timed out; using immediate shutdown"
    _bpg_as_owner "$BPG_BIN/pg_ctl" stop -D "$BPG_DATA" -m immediate -s -w -t 30 || true
  fi
  _bpg_unlock
  ! border_pg_is_running || _bpg_die "server in $BPG_DATA is still running"
}

border_pg_status() {
  if [[ ! -f "$BPG_DATA/PG_VERSION" ]]; then
    echo "not initialised (data $BPG_DATA)"
    return 4
  fi
  if border_pg_is_running; then
    _bpg_current
    echo "running: pid $(_bpg_pidfile_line 1), 127.0.0.1:$BPG_CUR_PORT, socket $BPG_CUR_SOCKET, data $BPG_DATA"
    return 0
  fi
  echo "stopped (data $BPG_DATA)"
  return 3
}

# Run psql against the cluster; arguments pass through (default database: BPG_DATABASE).
border_pg_psql() {
  _bpg_current || _bpg_die "cluster in $BPG_DIR has never been started (run Scripts/pg start)"
  PGHOST=$BPG_CUR_SOCKET PGPORT=$BPG_CUR_PORT PGUSER=$BPG_SUPERUSER \
    PGDATABASE=$BPG_DATABASE "$BPG_BIN/psql" "$@"
}

# Stop and delete the whole cluster folder (throwaway test clusters only).
border_pg_destroy() {
  border_pg_stop || return 1
  case "$BPG_DIR" in
    "" | / | "$BPG_REPO" | "$HOME") _bpg_die "refusing to delete '$BPG_DIR'"; return 1 ;;
  esac
  rm -rf -- "$BPG_DIR"
  if [[ "$BPG_SOCKET" == /tmp/bordercore-* ]]; then rm -rf -- "$BPG_SOCKET"; fi
  if [[ "$BPG_DIR" == "$BPG_FALLBACK_BASE"/* ]]; then
    rmdir -- "$(dirname "$BPG_DIR")" 2>/dev/null || true
  fi
}
