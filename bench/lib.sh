# Shared by bench/run-load.sh and bench/run-faults.sh (sourced): builds the published service and the load tool,
# starts RabbitMQ and PostgreSQL through scripts/servers.sh when none are running, and stops only what it started.

BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_OUT=${MODERATION_BENCH_OUT:-$BENCH_REPO/.tmp/loadtest}
BENCH_TOOL=$BENCH_REPO/bench/Moderation.LoadTest/bin/Release/net10.0/Moderation.LoadTest.dll
BENCH_SERVICE=$BENCH_OUT/service/Moderation.Service.dll
BENCH_LEAN=$BENCH_OUT/lean/Moderation.LeanResponder.dll
bench_servers_started=

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers lingering after the script (they would be processes we started and did not stop).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

bench_log() { printf '[bench] %s\n' "$*" >&2; }

# The service as it is deployed: a published Release build run with `dotnet`, not `dotnet run`.
bench_build() {
  mkdir -p "$BENCH_OUT"
  # Nothing changed since the last publish (a series of runs): skip the minute a publish takes on a busy machine.
  if [[ -f $BENCH_SERVICE && -f $BENCH_TOOL ]] && [[ -z $(find "$BENCH_REPO/src" "$BENCH_REPO/bench/Moderation.LoadTest" "$BENCH_REPO/models" \
    "$BENCH_REPO/Directory.Packages.props" "$BENCH_REPO/Directory.Build.props" \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f \
    \( -newer "$BENCH_SERVICE" -o -newer "$BENCH_TOOL" \) -print -quit) ]]; then
    bench_log "service and load tool are up to date"
    return 0
  fi
  bench_log "publishing the service (Release) to $BENCH_OUT/service"
  dotnet publish "$BENCH_REPO/src/Moderation.Service" -c Release -o "$BENCH_OUT/service" --nologo -v q >"$BENCH_OUT/publish.log" 2>&1 ||
    { tail -n 30 "$BENCH_OUT/publish.log" >&2; return 1; }
  bench_log "building the load tool"
  dotnet build "$BENCH_REPO/bench/Moderation.LoadTest" -c Release --nologo -v q >"$BENCH_OUT/build.log" 2>&1 ||
    { tail -n 30 "$BENCH_OUT/build.log" >&2; return 1; }
}

# The lean responder (bench/Moderation.LeanResponder: the service's pipeline on plain RabbitMQ.Client), published like
# the service and skipped the same way when nothing it is built from changed.
bench_build_lean() {
  if [[ -f $BENCH_LEAN ]] && [[ -z $(find "$BENCH_REPO/src" "$BENCH_REPO/bench/Moderation.LeanResponder" "$BENCH_REPO/models" \
    "$BENCH_REPO/Directory.Packages.props" "$BENCH_REPO/Directory.Build.props" \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f \
    -newer "$BENCH_LEAN" -print -quit) ]]; then
    bench_log "lean responder is up to date"
    return 0
  fi
  bench_log "publishing the lean responder (Release) to $BENCH_OUT/lean"
  dotnet publish "$BENCH_REPO/bench/Moderation.LeanResponder" -c Release -o "$BENCH_OUT/lean" --nologo -v q >"$BENCH_OUT/publish-lean.log" 2>&1 ||
    { tail -n 30 "$BENCH_OUT/publish-lean.log" >&2; return 1; }
  # Publish keeps an unchanged dll's old time, which would make every later run publish again.
  touch "$BENCH_LEAN"
}

# Uses the servers of $MODERATION_SERVERS_DIR (default .tmp/bench-servers) when they run; otherwise starts them
# there and stops them at the end. servers.sh keeps a server that already runs, so its log tells what it started.
bench_servers() {
  export MODERATION_SERVERS_DIR=${MODERATION_SERVERS_DIR:-$BENCH_REPO/.tmp/bench-servers}
  "$BENCH_REPO/scripts/servers.sh" start rabbitmq postgres >"$BENCH_OUT/servers.log" 2>&1 ||
    { tail -n 40 "$BENCH_OUT/servers.log" >&2; return 1; }
  if grep -q ' up in ' "$BENCH_OUT/servers.log"; then
    bench_servers_started=1
    bench_log "started RabbitMQ and/or PostgreSQL in $MODERATION_SERVERS_DIR (stopped at the end)"
  else
    bench_log "using the running servers of $MODERATION_SERVERS_DIR"
  fi
  # shellcheck source=/dev/null
  . "$MODERATION_SERVERS_DIR/env.sh"
}

bench_cleanup() {
  if [[ -n $bench_servers_started ]]; then
    bench_log "stopping the servers this script started"
    "$BENCH_REPO/scripts/servers.sh" stop >>"$BENCH_OUT/servers.log" 2>&1 || true
  fi
}

bench_uptime() { bench_log "load average: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"; }
