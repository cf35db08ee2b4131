#!/usr/bin/env bash
# The one test command: builds the solution once, starts the RabbitMQ and PostgreSQL servers the
# integration tests use (scripts/servers.sh), runs every test project, stops the servers, and
# exits non-zero on any failure. With CI=true a skipped test is a failure too.
#
# Usage: ./test.sh [--no-servers] [-- DOTNET_TEST_ARGS...]
#   --no-servers  quick local run: no package installs, no servers (tests that need them skip)
#   -- ARGS       passed on to `dotnet test`, e.g. ./test.sh -- --filter Category=Unit
#
# Environment:
#   CI=true                      skipped tests fail the run (exported to the tests unchanged)
#   MODERATION_SERVERS_DIR       the servers' state dir (default .tmp/test-servers)
#   MODERATION_TEST_RESULTS_DIR  TRX files and logs (default artifacts/test-results)
# The tests see the variables of scripts/servers.sh's env file (MODERATION_TEST_RABBITMQ, ...).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo=$PWD

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$repo/test.sh"; }

with_servers=1
test_args=()
while (($#)); do
  case $1 in
    --no-servers) with_servers=0 ;;
    --) shift; test_args=("$@"); break ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (pass dotnet test options after --)" >&2; exit 2 ;;
  esac
  shift
done

results=${MODERATION_TEST_RESULTS_DIR:-$repo/artifacts/test-results}
# A state dir of its own, so servers a developer started by hand (.tmp/servers) are left alone.
export MODERATION_SERVERS_DIR=${MODERATION_SERVERS_DIR:-$repo/.tmp/test-servers}
[[ -v CI ]] && export CI
is_ci=0
[[ ${CI:-} == true ]] && is_ci=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers: an MSBuild node or compiler server outlives the build, keeps this script's
# output pipe open (CI waits on it) and is a process we started but would not stop.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- cleanup: whatever happens (failure, Ctrl-C, SIGTERM), children end and servers stop --------
child_pid=       # the dotnet command running now, in a process group of its own
servers_pid=     # the background job that installs packages and starts the servers
servers_started= # set once that job was launched: only then is there anything to stop
# shellcheck disable=SC2317 # run by the EXIT trap, which shellcheck does not follow
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $child_pid ]] && kill -0 "$child_pid" 2>/dev/null; then
    kill -TERM -- "-$child_pid" "$child_pid" 2>/dev/null || true
    wait "$child_pid" 2>/dev/null || true
  fi
  if [[ -n $servers_pid ]] && kill -0 "$servers_pid" 2>/dev/null; then
    kill -TERM "$servers_pid" 2>/dev/null || true
    wait "$servers_pid" 2>/dev/null || true
  fi
  if [[ -n $servers_started ]]; then
    scripts/servers.sh stop >>"$results/servers.log" 2>&1 ||
      { log "stopping the servers failed:"; tail -n 20 "$results/servers.log" >&2; ((rc)) || rc=1; }
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in its own process group and waits for it, so that a signal to this script can
# end the whole tree (dotnet test -> testhost) in cleanup; `wait` also lets traps run at once.
run() {
  setsid --wait "$@" &
  child_pid=$!
  local rc=0
  wait "$child_pid" || rc=$?
  child_pid=
  return "$rc"
}

rm -rf "$results"
mkdir -p "$results"
t0=$SECONDS

# --- servers (and Chromium for the browser tests) start while the solution builds --------------
if ((with_servers)); then
  log "installing missing packages and starting RabbitMQ and PostgreSQL in the background (log: $results/servers.log)"
  (
    # apt allows one install at a time: one transaction for everything; then fresh servers (a
    # run killed without its trap may have left some behind in this state dir).
    scripts/servers.sh install rabbitmq postgres chromium &&
      scripts/servers.sh stop &&
      scripts/servers.sh start rabbitmq postgres
  ) >"$results/servers.log" 2>&1 </dev/null &
  servers_pid=$!
  servers_started=1
fi

log "dotnet build Moderation.sln -c Release"
run dotnet build Moderation.sln -c Release
t_build=$((SECONDS - t0))

if ((with_servers)); then
  servers_rc=0
  wait "$servers_pid" || servers_rc=$?
  servers_pid=
  if ((servers_rc)); then
    log "starting the servers failed; last lines of $results/servers.log:"
    tail -n 60 "$results/servers.log" >&2
    exit 1
  fi
  grep '^\[servers\]' "$results/servers.log" >&2 || true
  # shellcheck source=/dev/null
  . "$MODERATION_SERVERS_DIR/env.sh"
fi
t_ready=$((SECONDS - t0))

# --- tests -------------------------------------------------------------------------------------
test_rc=0
# -m:1 runs the test projects one after another (the tests inside each still run in parallel). Side by side on two
# cores they slow each other down unevenly, and the 2-minute soak's "latency flat" compares one minute with the next:
# another project's load in one of them can decide it (seen with a busy loop next to the suite).
log "dotnet test Moderation.sln -c Release --no-build -m:1 ${test_args[*]}"
run dotnet test Moderation.sln -c Release --no-build -m:1 \
  --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=normal" \
  "${test_args[@]}" || test_rc=$?
t_tests=$((SECONDS - t0 - t_ready))

# --- summary from the TRX files (plain shell: no python on a clean machine) ---------------------
xml_unescape() {
  local s=$1
  s=${s//&quot;/\"}
  s=${s//&apos;/\'}
  s=${s//&lt;/<}
  s=${s//&gt;/>}
  s=${s//&amp;/&}
  printf '%s' "$s"
}
attr() { # attr NAME TAG: the value of NAME="..." in TAG
  local re="[[:space:]]$1=\"([^\"]*)\""
  [[ $2 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"
}

declare -A passed=() failed=() skipped=()
total_passed=0 total_failed=0 total_skipped=0
skipped_tests=() failed_tests=()
outcome_re='[[:space:]]outcome="([^"]*)"'
shopt -s nullglob globstar
for trx in "$results"/**/*.trx; do
  # The test assembly (codeBase of the first test method) names the project.
  project=$(grep -o -m 1 'codeBase="[^"]*"' "$trx" | head -n 1 || true)
  project=${project#codeBase=\"}
  project=${project%\"}
  project=$(basename "${project:-$trx}")
  project=${project%.dll}
  p=0 f=0 s=0
  # Each result's outcome: Passed, NotExecuted (skipped), or anything else (Failed, Error,
  # Timeout, Aborted...), which counts as a failure. Attribute values escape '>', so [^>]* holds.
  while IFS= read -r result; do
    outcome=
    [[ $result =~ $outcome_re ]] && outcome=${BASH_REMATCH[1]} # no subshell: runs per test
    case $outcome in
      Passed) p=$((p + 1)) ;;
      NotExecuted)
        s=$((s + 1))
        skipped_tests+=("$project: $(xml_unescape "$(attr testName "$result")")")
        ;;
      *)
        f=$((f + 1))
        failed_tests+=("$project: $(xml_unescape "$(attr testName "$result")") ($outcome)")
        ;;
    esac
  done < <(grep -o '<UnitTestResult [^>]*>' "$trx" || true)
  ((p + f + s)) || continue # a project none of whose tests matched a --filter
  passed[$project]=$((${passed[$project]:-0} + p))
  failed[$project]=$((${failed[$project]:-0} + f))
  skipped[$project]=$((${skipped[$project]:-0} + s))
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_skipped=$((total_skipped + s))
done

echo
echo "Test results ($results), build ${t_build}s, servers ready at ${t_ready}s, tests ${t_tests}s:"
if ((${#passed[@]} == 0)); then
  echo "  no test ran"
else
  while IFS= read -r project; do
    printf '  %-50s passed %5d   failed %4d   skipped %4d\n' "$project" \
      "${passed[$project]}" "${failed[$project]}" "${skipped[$project]}"
  done < <(printf '%s\n' "${!passed[@]}" | sort)
fi

rc=$test_rc
if ((total_failed > 0 && rc == 0)); then rc=1; fi
if ((${#skipped_tests[@]})); then
  if ((is_ci)); then
    echo "FAILED: CI=true and ${#skipped_tests[@]} test(s) were skipped:"
    rc=1
  else
    echo "Skipped (a failure when CI=true):"
  fi
  printf '  %s\n' "${skipped_tests[@]}"
fi
if ((${#failed_tests[@]})); then
  # Named again here, with the start of each message, because CI logs keep only the tail of the output.
  echo "Failed:"
  printf '  %s\n' "${failed_tests[@]}"
  for trx in "$results"/**/*.trx; do
    awk '/<UnitTestResult / && !/outcome="(Passed|NotExecuted)"/ { keep = 1; n = 0 }
         keep && n < 25 && !/<UnitTestResult / { print "    " $0; n++ }
         /<\/UnitTestResult>/ { keep = 0 }' "$trx" | grep -v -E '^\s*(</?(Output|ErrorInfo|UnitTestResult)>)?\s*$' || true
  done
fi
((test_rc == 0)) || echo "dotnet test exited with code $test_rc"
# The closing line, in the plain form CI reads.
echo "Total: $total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$rc"
