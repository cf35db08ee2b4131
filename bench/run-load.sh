#!/usr/bin/env bash
# End-to-end load test: the published service (N replicas) on real RabbitMQ and PostgreSQL, fed generated comments,
# against the raw RabbitMQ.Client baseline on the same broker. Prints a table and one JSON line.
#
# Usage: bench/run-load.sh [--lean] [--quick] [--replicas N] [--count N] [--rate R] [--no-baseline] [other load tool options]
#   --lean: measure bench/Moderation.LeanResponder (the service's pipeline on plain RabbitMQ.Client, no MassTransit;
#   issue #6) instead of the service; published to .tmp/loadtest/lean, logs in .tmp/loadtest/logs-lean, and its JSON
#   line in results.jsonl carries "service":"lean".
#   Every other option goes to the load tool (bench/Moderation.LoadTest, `--help` lists them).
#   Servers: the ones of $MODERATION_SERVERS_DIR/env.sh when running, else started here and stopped at the end.
#   Results: also appended to .tmp/loadtest/results.jsonl (one JSON line per run).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lean=
args=()
for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0; fi
  if [[ $arg == --lean ]]; then lean=1; else args+=("$arg"); fi
done

trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_build
service=$BENCH_SERVICE logs=$BENCH_OUT/logs tag=
if [[ -n $lean ]]; then
  bench_build_lean
  service=$BENCH_LEAN logs=$BENCH_OUT/logs-lean tag=',"service":"lean"'
fi
bench_servers
bench_uptime
out=$BENCH_OUT/run-$(date +%Y%m%d-%H%M%S).txt
rc=0
dotnet "$BENCH_TOOL" --service "$service" --logs "$logs" "${args[@]}" 2>&1 | tee "$out" || rc=$?
tail -n 1 "$out" | grep '^{' | sed "s/}\$/$tag}/" >>"$BENCH_OUT/results.jsonl" || true
bench_uptime
exit "$rc"
