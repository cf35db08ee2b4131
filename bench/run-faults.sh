#!/usr/bin/env bash
# Fault suite: the published service on real RabbitMQ and PostgreSQL while things break. Each fault is one run of
# the load tool; every run must end with 0 lost comments (and exactly one stored automatic decision per comment).
#
# Usage: bench/run-faults.sh [--quick] [--soak-rate R] [FAULT...]
#   FAULT: kill-service restart-rabbitmq postgres-down bad-input soak (default: all, in this order)
#   full sizes: 100,000 comments per run, 500 messages per bad-input kind, a 30-minute soak
#   --quick:    5,000 comments, 50 per kind, a 2-minute soak
#   --soak-rate R: the soak's rate per second (default: half the maximum the tool measures first)
#   Servers: those of $MODERATION_SERVERS_DIR when running (they are stopped and started by the faults!), else a
#   pair of its own, stopped at the end. Results: .tmp/loadtest/faults-<time>.txt and results.jsonl.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

tool_args=()
faults=()
while (($#)); do
  case $1 in
    --quick) tool_args+=(--quick) ;;
    --soak-rate)
      [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "run-faults.sh: --soak-rate needs a number of comments per second" >&2; exit 2; }
      tool_args+=(--soak-rate "$2"); shift ;;
    -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    kill-service | restart-rabbitmq | postgres-down | bad-input | soak) faults+=("$1") ;;
    *) echo "run-faults.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
((${#faults[@]})) || faults=(kill-service restart-rabbitmq postgres-down bad-input soak)

trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_build
bench_servers
out=$BENCH_OUT/faults-$(date +%Y%m%d-%H%M%S).txt
summary=()
failed=0
for fault in "${faults[@]}"; do
  bench_uptime
  bench_log "fault: $fault"
  rc=0
  dotnet "$BENCH_TOOL" --service "$BENCH_SERVICE" --logs "$BENCH_OUT/logs-$fault" --fault "$fault" "${tool_args[@]}" 2>&1 | tee -a "$out" || rc=$?
  line=$(grep '^{' "$out" | tail -n 1)
  echo "$line" >>"$BENCH_OUT/results.jsonl"
  if ((rc)); then failed=1; summary+=("FAIL  $fault  $line"); else summary+=("pass  $fault  $line"); fi
done
bench_uptime
echo
printf '%s\n' "${summary[@]}"
exit "$failed"
