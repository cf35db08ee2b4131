#!/usr/bin/env bash
# Throw-away RabbitMQ and PostgreSQL servers on loopback, for the integration tests.
#
# No Docker engine and no systemd on our machines: the servers run from Debian's packages as
# plain processes, on free ports, with all their data under one state directory, so parallel
# runs (other worktrees, CI) never collide and nothing outside that directory is touched.
#
# Usage: scripts/servers.sh COMMAND [ARGS]
#   install [rabbitmq] [postgres] [chromium]  install the missing Debian packages (root)
#   start [rabbitmq] [postgres]     install what is missing, start (both by default) on free
#                                   ports, write $STATE/env.sh; a server that already runs
#                                   from this state dir is kept
#   stop                            stop everything this state dir started; idempotent
#   stop-rabbitmq [graceful|kill]   fault tests: stop the broker (kill = SIGKILL, a crash)
#   start-rabbitmq                  fault tests: start it again, same ports and data
#   stop-postgres [fast|immediate]  fault tests: stop PostgreSQL (immediate = crash-like)
#   start-postgres                  fault tests: start it again, same port and data
#   status                          what runs, on which ports
#   env                             print the env file's path
#   rabbitmqctl ARGS... | psql ARGS...   run the client against our servers
#
# State dir: $MODERATION_SERVERS_DIR, else <repo>/.tmp/servers. Every command acts on it only.
# Sourcing this file defines the servers_* functions without running anything; fatal errors
# exit, so call them in a subshell.

SERVERS_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVERS_SCRIPT="$SERVERS_REPO/scripts/$(basename "${BASH_SOURCE[0]}")"
SERVERS_STATE=${MODERATION_SERVERS_DIR:-$SERVERS_REPO/.tmp/servers}
SERVERS_RABBITMQ_BIN=/usr/lib/rabbitmq/bin
SERVERS_PG_BIN=/usr/lib/postgresql/15/bin
# How long a server may take to come up or go down before we call it a failure.
SERVERS_START_TIMEOUT=${MODERATION_SERVERS_START_TIMEOUT:-120}
SERVERS_STOP_TIMEOUT=${MODERATION_SERVERS_STOP_TIMEOUT:-60}

servers_log() { printf '[servers] %s\n' "$*" >&2; }
servers_die() { servers_log "ERROR: $*"; exit 1; }

# Prints the last lines of each log file given, so a failure explains itself.
servers_log_tail() {
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    printf '[servers] ---- last lines of %s ----\n' "$f" >&2
    tail -n 40 "$f" >&2 || true
  done
}

# ---------------------------------------------------------------------------------------------
# Debian packages

_servers_apt_updated=0

# Installs the packages behind the given components when their programs are missing.
# One `apt-get update` per run, and only when something is missing, so a ready machine pays nothing.
servers_install() {
  local component pkgs=()
  for component in "$@"; do
    case $component in
      rabbitmq) [[ -x $SERVERS_RABBITMQ_BIN/rabbitmq-server ]] || pkgs+=(rabbitmq-server) ;;
      postgres) [[ -x $SERVERS_PG_BIN/initdb ]] || pkgs+=(postgresql) ;;
      # Without recommends Chromium brings no font at all; pages then render without text.
      chromium) [[ -x /usr/bin/chromium ]] || pkgs+=(chromium fonts-liberation) ;;
      *) servers_die "unknown component '$component' (rabbitmq, postgres, chromium)" ;;
    esac
  done
  ((${#pkgs[@]})) || return 0

  [[ $(id -u) == 0 ]] || servers_die "missing packages: ${pkgs[*]}; run as root or: sudo apt-get install -y ${pkgs[*]}"
  command -v apt-get >/dev/null || servers_die "missing packages ${pkgs[*]} and no apt-get to install them"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (a parallel job, another worktree) may hold the lock: wait rather than fail.
  local apt=(apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0 -q)
  local started=$SECONDS
  if ((!_servers_apt_updated)); then
    servers_log "apt-get update"
    "${apt[@]}" update >&2 9>&- || servers_die "apt-get update failed"
    _servers_apt_updated=1
  fi
  # Recommends would add printers, udev, sysstat...: nothing the tests use, and minutes of install.
  # Debian's maintainer scripts may try to start the packaged services; a policy-rc.d (present on
  # our images) refuses that, and we never use those services anyway.
  servers_log "apt-get install ${pkgs[*]}"
  # (fd 9 closed: an apt run outliving an interrupted start must not keep our lock)
  "${apt[@]}" install -y --no-install-recommends "${pkgs[@]}" >&2 9>&- ||
    servers_die "apt-get install ${pkgs[*]} failed"
  servers_log "installed ${pkgs[*]} in $((SECONDS - started)) s"
}

# ---------------------------------------------------------------------------------------------
# Free ports

# Prints N distinct free TCP ports on 127.0.0.1, separated by spaces.
servers_free_ports() {
  local n=$1 out
  # Binding to port 0 lets the kernel choose; all sockets stay open until every port is chosen,
  # so the N ports are distinct.
  if command -v python3 >/dev/null 2>&1 &&
    out=$(python3 - "$n" 2>/dev/null <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
    ) && [[ -n $out ]]; then
    echo "$out"
    return 0
  fi
  _servers_free_ports_bash "$n"
}

# Ports that have any socket (listening, connected, TIME_WAIT) on this machine, space separated.
_servers_ports_in_use() {
  local f addr
  for f in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $f ]] || continue
    {
      read -r _ || true
      while read -r _ addr _; do printf '%d ' "$((16#${addr##*:}))"; done
    } <"$f"
  done
}

# True when something listens on the TCP port (read from the kernel's table: connecting to a
# server just to see whether it is up makes some of them log a broken request).
_servers_listening() {
  local f state addr hex
  hex=$(printf ':%04X' "$1")
  for f in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $f ]] || continue
    while read -r _ addr _ state _; do
      [[ $state == 0A && $addr == *"$hex" ]] && return 0
    done <"$f"
  done
  return 1
}

# Fallback without python3 (a clean machine may lack it): bash cannot bind, so pick random ports
# that the kernel's socket table does not show and that refuse a connection. They come from
# below the ephemeral range, so the kernel never hands them to an outgoing connection meanwhile.
_servers_free_ports_bash() {
  local n=$1 low=32768 lowest=10000 port tries=0 used picked=' '
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range || true
  ((low > lowest + 1000)) || { lowest=1024; low=$((low > 2048 ? low : 65535)); }
  used=" $(_servers_ports_in_use) "
  while ((n > 0)); do
    ((++tries <= 2000)) || servers_die "found no free port"
    port=$((lowest + (RANDOM * 32768 + RANDOM) % (low - lowest)))
    [[ $used == *" $port "* || $picked == *" $port "* ]] && continue
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    picked+="$port "
    n=$((n - 1))
  done
  picked=${picked# }
  echo "${picked% }"
}

# ---------------------------------------------------------------------------------------------
# Processes: every process we launch carries MODERATION_SERVERS_ID=<run id>/<component> in its
# environment, so `stop` can find and end exactly ours (also after a half-failed start, when no
# pid file was written yet) and never anybody else's.

_servers_id() {
  [[ -s $SERVERS_STATE/id ]] || { mkdir -p "$SERVERS_STATE" && echo "$(date +%s)-$$-$RANDOM" >"$SERVERS_STATE/id"; }
  cat "$SERVERS_STATE/id"
}

_servers_tag() { echo "MODERATION_SERVERS_ID=$(_servers_id)/$1"; }

# A killed daemon whose parent is gone stays a zombie until PID 1 reaps it, and kill -0 still
# answers for it: count zombies as dead.
_servers_pid_alive() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] && { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  [[ ${stat##*) } != Z* && ${stat##*) } != X* ]]
}

_servers_pid_has_tag() {
  local vars var
  { mapfile -d '' -t vars <"/proc/$1/environ"; } 2>/dev/null || return 1
  for var in "${vars[@]}"; do [[ $var == "$2" ]] && return 0; done
  return 1
}

# Prints the pids carrying the component's tag, and their children: PostgreSQL's backends
# overwrite their environment with their process titles, so only the postmaster shows the tag.
_servers_tagged_pids() {
  [[ -s $SERVERS_STATE/id ]] || return 0
  local tag d pid stat fields tagged=' '
  local -A parent_of=()
  tag=$(_servers_tag "$1")
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    { read -r stat <"$d/stat"; } 2>/dev/null || continue
    read -r -a fields <<<"${stat##*) }" # the name in parentheses may hold spaces
    parent_of[$pid]=${fields[1]}
    if _servers_pid_has_tag "$pid" "$tag"; then tagged+="$pid "; fi
  done
  for pid in "${!parent_of[@]}"; do
    if [[ $tagged == *" $pid "* || $tagged == *" ${parent_of[$pid]} "* ]]; then echo "$pid"; fi
  done
}

# Sends TERM, waits up to $1 seconds, then KILL; to the pids given.
_servers_kill() {
  local wait=$1 pid left i
  shift
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do
    left=0
    for pid in "$@"; do _servers_pid_alive "$pid" && left=1; done
    ((left)) || return 0
    sleep 0.1
  done
  servers_log "still running after ${wait}s, sending KILL to: $*"
  kill -KILL "$@" 2>/dev/null || true
  sleep 0.2
}

# Ends whatever still carries the component's tag. When it finds some, it looks again half a
# second later: a daemon that was forking meanwhile (a start interrupted mid-way) shows up then.
_servers_sweep() {
  local pids
  mapfile -t pids < <(_servers_tagged_pids "$1")
  while ((${#pids[@]})); do
    servers_log "ending leftover $1 processes: ${pids[*]}"
    _servers_kill 10 "${pids[@]}"
    sleep 0.5
    mapfile -t pids < <(_servers_tagged_pids "$1")
  done
}

# Runs a program that starts a daemon (pg_ctl, rabbitmq-server -detached) in its own session, so
# Ctrl-C in the test run does not reach the server (we stop it ourselves), and with fd 9 (our
# lock) closed. Call it in the foreground only: `_servers_launch ... &` would leave a subshell
# holding fd 9 for the daemon's whole life.
_servers_launch() {
  setsid --wait "$@" </dev/null 9>&-
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ: a throw-away node run with Debian's unwrapped scripts as the current user.

_rabbit_dir() { echo "$SERVERS_STATE/rabbitmq"; }

# Loads the node's name and ports (written once by a fresh start, reused by restarts).
_rabbit_load() {
  local d
  d=$(_rabbit_dir)
  [[ -s $d/ports.env ]] || return 1
  # shellcheck source=/dev/null
  . "$d/ports.env"
}

# Runs a RabbitMQ script with our node's environment: everything lives under the state dir, and
# epmd/distribution only on loopback and on our own ports, so a system node, someone else's epmd
# or another worktree's node never see ours. Erlang starts an `epmd -daemon` by itself whenever
# none answers; -start_epmd false stops that (we run our own), and the tag would let `stop` find
# one anyway.
_rabbit_cmd() {
  local d
  d=$(_rabbit_dir)
  (
    exec 9>&- # a CLI call orphaned by an interrupted start must not keep our lock
    cd "$d" &&
      env HOME="$d/home" \
        RABBITMQ_NODENAME="$RABBIT_NODENAME" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$RABBIT_PORT" \
        RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        ERL_EPMD_PORT="$RABBIT_EPMD_PORT" \
        RABBITMQ_CONF_ENV_FILE="$d/rabbitmq-env.conf" \
        RABBITMQ_CONFIG_FILE="$d/rabbitmq" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$d/advanced.config" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins" \
        RABBITMQ_MNESIA_BASE="$d/mnesia" \
        RABBITMQ_LOG_BASE="$d/log" \
        RABBITMQ_PID_FILE="$d/rabbit.pid" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false" \
        RABBITMQ_CTL_ERL_ARGS="-start_epmd false" \
        ERL_CRASH_DUMP="$d/log/erl_crash.dump" \
        "$(_servers_tag rabbitmq)" \
        "$@"
  )
}

_rabbitmqctl() { _rabbit_cmd "$SERVERS_RABBITMQ_BIN/rabbitmqctl" -q -n "$RABBIT_NODENAME" "$@"; }

# The same, killed after $1 seconds: a wedged node must not hang a test run.
_rabbitmqctl_within() {
  local seconds=$1
  shift
  _rabbit_cmd timeout "$seconds" "$SERVERS_RABBITMQ_BIN/rabbitmqctl" -q -n "$RABBIT_NODENAME" "$@"
}

_rabbit_pid() {
  local d pid
  d=$(_rabbit_dir)
  pid=$(cat "$d/rabbit.pid" 2>/dev/null) || return 1
  _servers_pid_alive "$pid" && echo "$pid"
}

_rabbit_running() {
  _rabbit_load && _rabbit_pid >/dev/null && _rabbitmqctl_within 20 await_startup --timeout 10 >/dev/null 2>&1
}

# Writes a fresh node: new data dir, new free ports, config files.
_rabbit_prepare_fresh() {
  local d ports
  d=$(_rabbit_dir)
  rm -rf "$d"
  mkdir -p "$d/home" "$d/mnesia" "$d/log"
  # amqp, management, distribution, epmd
  read -r -a ports <<<"$(servers_free_ports 4)"
  ((${#ports[@]} == 4)) || servers_die "could not pick free ports for RabbitMQ"
  cat >"$d/ports.env" <<EOF
RABBIT_NODENAME=rabbit-$(_servers_id | tr -c 'a-zA-Z0-9\n' '-')@localhost
RABBIT_PORT=${ports[0]}
RABBIT_MANAGEMENT_PORT=${ports[1]}
RABBIT_DIST_PORT=${ports[2]}
RABBIT_EPMD_PORT=${ports[3]}
EOF
  _rabbit_load
  cat >"$d/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MANAGEMENT_PORT
# Queue depths in the management API (load tool, KEDA docs) refresh every second, not every 5.
collect_statistics_interval = 1000
log.console = false
log.file.level = info
EOF
  echo '[].' >"$d/advanced.config"
  echo '[rabbitmq_management].' >"$d/enabled_plugins"
  # Empty on purpose: keeps /etc/rabbitmq/rabbitmq-env.conf from changing our node.
  : >"$d/rabbitmq-env.conf"
  # Our own cookie, so the CLI and node agree and no ~/.erlang.cookie of the user is touched.
  LC_ALL=C tr -dc '[:upper:]' </dev/urandom | head -c 32 >"$d/home/.erlang.cookie" || true
  chmod 400 "$d/home/.erlang.cookie"
}

# Starts the node on the ports and data recorded in the state dir (fresh start or restart).
_rabbit_boot() {
  local d tag epmd_pid started=$SECONDS
  d=$(_rabbit_dir)
  tag=$(_servers_tag rabbitmq)
  rm -f "$d/rabbit.pid"
  # Our own epmd on our own port: nobody else's epmd (port 4369) is used or disturbed, and we
  # stop ours by its PID. A plain command with & (no function, no --wait): the forked child execs
  # straight into setsid and then epmd, so $! is epmd's PID and no shell lingers holding our
  # lock or stdout.
  setsid env "$tag" "$(command -v epmd || echo /usr/bin/epmd)" \
    -port "$RABBIT_EPMD_PORT" -address 127.0.0.1 </dev/null >>"$d/log/epmd.log" 2>&1 9>&- &
  epmd_pid=$!
  echo "$epmd_pid" >"$d/epmd.pid"
  for ((i = 0; ; i++)); do
    _servers_listening "$RABBIT_EPMD_PORT" && break
    if ! _servers_pid_alive "$epmd_pid" || ((i > 100)); then
      servers_log_tail "$d/log/epmd.log"
      servers_die "epmd did not start on 127.0.0.1:$RABBIT_EPMD_PORT"
    fi
    sleep 0.1
  done

  # -detached: erl daemonizes itself; the node writes its pid file early in its boot.
  _rabbit_cmd setsid --wait "$SERVERS_RABBITMQ_BIN/rabbitmq-server" -detached \
    </dev/null >>"$d/log/start.log" 2>&1 9>&- ||
    { servers_log_tail "$d/log/start.log"; servers_die "rabbitmq-server -detached failed"; }

  # await_startup fails at once while the node is not reachable yet, so poll it (keeping only the
  # last answer), and give up early when the node died (a bad config or a taken port ends it).
  while ! _rabbitmqctl_within 30 await_startup --timeout 10 >"$d/log/await.log" 2>&1; do
    if ! _rabbit_beam_alive; then
      _rabbit_explain_failure
      servers_die "RabbitMQ node $RABBIT_NODENAME exited during start-up (logs in $d/log)"
    fi
    if ((SECONDS - started > SERVERS_START_TIMEOUT)); then
      _rabbit_explain_failure
      servers_die "RabbitMQ did not start within ${SERVERS_START_TIMEOUT}s (logs in $d/log)"
    fi
    sleep 0.5
  done
  servers_log "RabbitMQ up in $((SECONDS - started)) s: amqp 127.0.0.1:$RABBIT_PORT, management http://127.0.0.1:$RABBIT_MANAGEMENT_PORT/ (node $RABBIT_NODENAME)"
}

# With -detached the node's console goes nowhere, so an early death (bad config, taken port)
# shows only in the crash dump's first lines and the node's log, if it got that far.
_rabbit_explain_failure() {
  local d
  d=$(_rabbit_dir)
  if [[ -s $d/log/erl_crash.dump ]]; then
    servers_log "the Erlang VM died: $(grep -m 1 '^Slogan:' "$d/log/erl_crash.dump" | cut -c 1-600)"
  fi
  servers_log_tail "$d/log/start.log"
  if [[ -s $d/log/$RABBIT_NODENAME.log ]]; then
    servers_log "errors in $d/log/$RABBIT_NODENAME.log:"
    grep -E -A 3 '\[(error|critical)\]' "$d/log/$RABBIT_NODENAME.log" | head -n 30 | cut -c 1-400 >&2 || true
  fi
  [[ -s $d/log/await.log ]] && { servers_log "last rabbitmqctl await_startup answer:"; head -n 12 "$d/log/await.log" >&2; }
  servers_log "config: $d/rabbitmq.conf; ports: $(tr '\n' ' ' <"$d/ports.env")"
}

# True while a beam process of ours exists (the pid file may not be written yet).
_rabbit_beam_alive() {
  local pid
  for pid in $(_servers_tagged_pids rabbitmq); do
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == beam* ]] && return 0
  done
  return 1
}

servers_start_rabbitmq() {
  local mode=${1:-fresh} # fresh: new data unless it already runs; restart: same ports and data
  [[ -x $SERVERS_RABBITMQ_BIN/rabbitmq-server ]] ||
    servers_die "RabbitMQ is not installed (scripts/servers.sh install rabbitmq)"
  if _rabbit_running; then
    servers_log "RabbitMQ already running (port $RABBIT_PORT, node $RABBIT_NODENAME)"
    _servers_write_env
    return 0
  fi
  _servers_stop_rabbitmq_processes teardown # leftovers of an earlier start that failed
  if [[ $mode == fresh ]] || ! _rabbit_load; then
    _rabbit_prepare_fresh
  fi
  _rabbit_boot
  _servers_write_env
}

# Stops the node and its epmd; keeps ports and data so start-rabbitmq brings the same node back.
#   graceful: SIGTERM, which Erlang turns into an orderly init:stop (queues and messages are
#             flushed); the VM then lingers ~5 s with the management plugin; we wait for it.
#             Same shutdown as `rabbitmqctl stop`, without the CLI's own 1-2 s start-up.
#   teardown: the same, but after 3 s the VM gets SIGKILL: the app has long stopped by then and
#             the data is deleted right after anyway.
#   kill:     SIGKILL at once, a crash (fault tests).
_servers_stop_rabbitmq_processes() {
  local how=${1:-graceful} d pid tag
  d=$(_rabbit_dir)
  tag=$(_servers_tag rabbitmq)
  if _rabbit_load && pid=$(_rabbit_pid) && _servers_pid_has_tag "$pid" "$tag"; then
    case $how in
      kill) kill -KILL "$pid" 2>/dev/null || true ;;
      teardown) _servers_kill 3 "$pid" ;;
      *) _servers_kill "$SERVERS_STOP_TIMEOUT" "$pid" ;;
    esac
    servers_log "RabbitMQ stopped ($how)"
  fi
  # epmd holds no state worth a graceful exit (and takes 1.5 s to honour SIGTERM).
  if pid=$(cat "$d/epmd.pid" 2>/dev/null) && _servers_pid_alive "$pid" && _servers_pid_has_tag "$pid" "$tag"; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Anything of a start that failed before the node wrote its pid file, or a stray epmd.
  _servers_sweep rabbitmq
  rm -f "$d/rabbit.pid" "$d/epmd.pid"
}

servers_stop_rabbitmq() {
  case ${1:-graceful} in graceful | kill) ;; *) servers_die "stop-rabbitmq takes graceful or kill" ;; esac
  _servers_stop_rabbitmq_processes "${1:-graceful}"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL 15: refuses to run as root, so initdb/pg_ctl run as the postgres user on a folder it
# owns. Debian's default cluster (5432) is neither used nor touched.

# Our cluster's folder. Normally <state>/postgres; elsewhere when the postgres user cannot reach
# the state dir (a repo under /root) or the socket path would pass the 107-byte limit.
_pg_dir() {
  if [[ -s $SERVERS_STATE/postgres.path ]]; then cat "$SERVERS_STATE/postgres.path"; else echo "$SERVERS_STATE/postgres"; fi
}

_pg_load() {
  local d
  d=$(_pg_dir)
  [[ -s $d/port ]] || return 1
  PG_PORT=$(cat "$d/port")
}

_pg_as_postgres() { (cd / && runuser -u postgres -- "$@" 9>&-); }

_pg_ctl() { _pg_as_postgres "$SERVERS_PG_BIN/pg_ctl" -D "$(_pg_dir)/data" "$@"; }

_pg_pid() {
  local pid
  pid=$(head -n 1 "$(_pg_dir)/data/postmaster.pid" 2>/dev/null) || return 1
  _servers_pid_alive "$pid" && echo "$pid"
}

_pg_running() { _pg_load && _pg_pid >/dev/null && _pg_ctl status >/dev/null 2>&1; }

_pg_prepare_fresh() {
  local d port
  # Forget an earlier cluster, wherever it was.
  d=$(_pg_dir)
  rm -rf "$d" "$SERVERS_STATE/postgres"
  rm -f "$SERVERS_STATE/postgres.path"
  d="$SERVERS_STATE/postgres"
  mkdir -p "$d"
  chown postgres:postgres "$d"
  if ((${#d} + 20 > 107)) || ! runuser -u postgres -- test -w "$d" 2>/dev/null; then
    rm -rf "$d"
    d=$(mktemp -d "${TMPDIR:-/tmp}/moderation-pg.XXXXXX")
    chown postgres:postgres "$d"
    echo "$d" >"$SERVERS_STATE/postgres.path"
    servers_log "PostgreSQL folder is $d (the postgres user cannot use $SERVERS_STATE)"
  fi
  port=$(servers_free_ports 1)
  [[ $port =~ ^[0-9]+$ ]] || servers_die "could not pick a free port for PostgreSQL"
  # --no-sync and fsync=off: throw-away data; only a machine crash could lose it. A killed server
  # still recovers (fault tests), because every write reaches the OS.
  _pg_as_postgres "$SERVERS_PG_BIN/initdb" -D "$d/data" -A trust -U postgres -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$d/initdb.log" 2>&1 ||
    { servers_log_tail "$d/initdb.log"; servers_die "initdb failed"; }
  # Settings go into the cluster's own config, so a restart (start-postgres) needs no options.
  cat >>"$d/data/postgresql.conf" <<EOF

# --- scripts/servers.sh ---
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$d'
# Scale-out tests run three replicas, each with its own connection pool.
max_connections = 300
fsync = off
EOF
  echo "$port" >"$d/port"
  PG_PORT=$port
}

_pg_boot() {
  local d started=$SECONDS
  d=$(_pg_dir)
  # pg_ctl -w returns once the server accepts connections, or fails with the reason in the log.
  if ! _servers_launch env "$(_servers_tag postgres)" bash -c 'cd / && exec runuser -u postgres -- "$@"' _ \
    "$SERVERS_PG_BIN/pg_ctl" -D "$d/data" -l "$d/postgres.log" -w -t "$SERVERS_START_TIMEOUT" start \
    >>"$d/pg_ctl.log" 2>&1; then
    servers_log_tail "$d/pg_ctl.log" "$d/postgres.log"
    servers_die "PostgreSQL did not start (logs in $d)"
  fi
  servers_log "PostgreSQL up in $((SECONDS - started)) s: 127.0.0.1:$PG_PORT"
}

servers_start_postgres() {
  local mode=${1:-fresh}
  [[ -x $SERVERS_PG_BIN/initdb ]] || servers_die "PostgreSQL 15 is not installed (scripts/servers.sh install postgres)"
  id postgres >/dev/null 2>&1 || servers_die "no postgres user (the postgresql package creates it)"
  if _pg_running; then
    servers_log "PostgreSQL already running (port $PG_PORT)"
    _servers_write_env
    return 0
  fi
  _servers_stop_postgres_processes fast
  if [[ $mode == fresh ]] || ! _pg_load; then
    _pg_prepare_fresh
  fi
  _pg_boot
  _servers_write_env
}

_servers_stop_postgres_processes() {
  local how=${1:-fast} d pid
  d=$(_pg_dir)
  if pid=$(_pg_pid) && _servers_pid_has_tag "$pid" "$(_servers_tag postgres)"; then
    if ! _pg_ctl -m "$how" -w -t "$SERVERS_STOP_TIMEOUT" stop >>"$d/pg_ctl.log" 2>&1; then
      servers_log "pg_ctl stop failed; ending the server by its pid $pid"
      servers_log_tail "$d/pg_ctl.log"
      _servers_kill 20 "$pid"
    fi
    servers_log "PostgreSQL stopped ($how)"
  fi
  _servers_sweep postgres
}

servers_stop_postgres() {
  case ${1:-fast} in fast | immediate) ;; *) servers_die "stop-postgres takes fast or immediate" ;; esac
  _servers_stop_postgres_processes "${1:-fast}"
}

# ---------------------------------------------------------------------------------------------
# The env file the tests read.

_servers_write_env() {
  local env=$SERVERS_STATE/env.sh tmp cmd
  mkdir -p "$SERVERS_STATE"
  tmp=$(mktemp "$SERVERS_STATE/.env.XXXXXX")
  # Self-contained command lines (for `bash -c`), for tests that stop and start servers mid-run.
  cmd="MODERATION_SERVERS_DIR=$(printf %q "$SERVERS_STATE") bash $(printf %q "$SERVERS_SCRIPT")"
  {
    echo "# Written by scripts/servers.sh; source it. Servers in $SERVERS_STATE"
    printf 'export MODERATION_SERVERS_DIR=%q\n' "$SERVERS_STATE"
    printf 'export MODERATION_SERVERS_SCRIPT=%q\n' "$SERVERS_SCRIPT"
    if _rabbit_load; then
      printf 'export MODERATION_TEST_RABBITMQ=%q\n' "amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
      printf 'export MODERATION_TEST_RABBITMQ_MANAGEMENT=%q\n' "http://127.0.0.1:$RABBIT_MANAGEMENT_PORT/"
      printf 'export MODERATION_TEST_RABBITMQ_PORT=%q\n' "$RABBIT_PORT"
      printf 'export MODERATION_TEST_RABBITMQ_MANAGEMENT_PORT=%q\n' "$RABBIT_MANAGEMENT_PORT"
      printf 'export MODERATION_TEST_RABBITMQ_NODE=%q\n' "$RABBIT_NODENAME"
      printf 'export MODERATION_TEST_RABBITMQ_STOP=%q\n' "$cmd stop-rabbitmq"
      printf 'export MODERATION_TEST_RABBITMQ_KILL=%q\n' "$cmd stop-rabbitmq kill"
      printf 'export MODERATION_TEST_RABBITMQ_START=%q\n' "$cmd start-rabbitmq"
    fi
    if _pg_load; then
      printf 'export MODERATION_TEST_POSTGRES=%q\n' "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
      printf 'export MODERATION_TEST_POSTGRES_PORT=%q\n' "$PG_PORT"
      printf 'export MODERATION_TEST_POSTGRES_STOP=%q\n' "$cmd stop-postgres"
      printf 'export MODERATION_TEST_POSTGRES_KILL=%q\n' "$cmd stop-postgres immediate"
      printf 'export MODERATION_TEST_POSTGRES_START=%q\n' "$cmd start-postgres"
    fi
  } >"$tmp"
  mv -f "$tmp" "$env"
}

# ---------------------------------------------------------------------------------------------
# Commands

servers_start() {
  local components=("$@") c started=$SECONDS
  ((${#components[@]})) || components=(rabbitmq postgres)
  for c in "${components[@]}"; do
    case $c in rabbitmq | postgres) ;; *) servers_die "unknown server '$c' (rabbitmq, postgres)" ;; esac
  done
  servers_install "${components[@]}"
  for c in "${components[@]}"; do "servers_start_$c" fresh; done
  _servers_write_env
  servers_log "ready in $((SECONDS - started)) s; env: . $SERVERS_STATE/env.sh"
}

# Stops everything this state dir started and drops the data (logs stay for a post-mortem).
servers_stop() {
  [[ -d $SERVERS_STATE ]] || return 0
  local started=$SECONDS pg_dir
  _servers_stop_postgres_processes fast
  _servers_stop_rabbitmq_processes teardown
  pg_dir=$(_pg_dir)
  rm -rf "$pg_dir/data" "$SERVERS_STATE/rabbitmq/mnesia"
  if [[ -s $SERVERS_STATE/postgres.path ]]; then
    cp -f "$pg_dir/postgres.log" "$SERVERS_STATE/postgres.log" 2>/dev/null || true
    rm -rf "$pg_dir"
    rm -f "$SERVERS_STATE/postgres.path"
  fi
  rm -f "$SERVERS_STATE/rabbitmq/ports.env" "$pg_dir/port" "$SERVERS_STATE/env.sh"
  servers_log "stopped in $((SECONDS - started)) s"
}

servers_status() {
  if _rabbit_load; then
    if _rabbit_running; then
      echo "rabbitmq: running, amqp 127.0.0.1:$RABBIT_PORT, management 127.0.0.1:$RABBIT_MANAGEMENT_PORT, node $RABBIT_NODENAME"
    else echo "rabbitmq: stopped (ports $RABBIT_PORT/$RABBIT_MANAGEMENT_PORT kept)"; fi
  else echo "rabbitmq: not set up"; fi
  if _pg_load; then
    if _pg_running; then echo "postgres: running, 127.0.0.1:$PG_PORT"; else echo "postgres: stopped (port $PG_PORT kept)"; fi
  else echo "postgres: not set up"; fi
}

servers_main() {
  local cmd=${1:-help}
  (($#)) && shift
  case $cmd in
    help | -h | --help)
      sed -n '2,/^$/s/^# \{0,1\}//p' "$SERVERS_SCRIPT"
      return 0
      ;;
    install) servers_install "$@"; return ;;
    env) echo "$SERVERS_STATE/env.sh"; return ;;
    status) servers_status; return ;;
    rabbitmqctl) _rabbit_load || servers_die "no RabbitMQ in $SERVERS_STATE"; _rabbitmqctl "$@"; return ;;
    psql) _pg_load || servers_die "no PostgreSQL in $SERVERS_STATE"; psql -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; return ;;
    start | stop | stop-rabbitmq | start-rabbitmq | stop-postgres | start-postgres) ;;
    *) servers_die "unknown command '$cmd' (see: $0 help)" ;;
  esac

  # One command at a time per state dir: a fault test's restart must not race a stop.
  mkdir -p "$SERVERS_STATE"
  exec 9>"$SERVERS_STATE/.lock"
  flock -w 600 9 || servers_die "another servers.sh holds $SERVERS_STATE/.lock"
  case $cmd in
    start) servers_start "$@" ;;
    stop) servers_stop ;;
    stop-rabbitmq) servers_stop_rabbitmq "$@"; _servers_write_env ;;
    start-rabbitmq) servers_start_rabbitmq restart ;;
    stop-postgres) servers_stop_postgres "$@"; _servers_write_env ;;
    start-postgres) servers_start_postgres restart ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  servers_main "$@"
fi
