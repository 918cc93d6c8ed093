#!/usr/bin/env bash
# Ingress benchmark: requests/s and p50/p99 latency of the real ingress jar in front of a real
# (embedded) Kafka broker, against the ceiling of a bare Vert.x route with no Kafka, both loaded by
# wrk with the same validly signed ~1 KB callbacks. Broker, ingress and wrk share this machine.
# Usage: bench/ingress.sh [--duration SECONDS] [--warmup SECONDS] [--connections N] [--rounds N] [--no-ceiling] [--result FILE] [--no-build]
# Results: bench/results/ingress-<date>.md (-2.md, ... for later runs that day), or FILE. --no-ceiling measures the ingress alone (bench/processor.sh
# uses it for the ingress's maximum); --no-build takes the jars as they are. INGRESS_JAVA_OPTS adds JVM options
# to the ingress (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=20
CONNECTIONS=64
# A profile (perf) 15 s into a run still found the ingress's and broker's C2 compiler threads using
# 44% of the machine; after 60 s, 3-9%. A shorter warm-up measures the JIT, not the ingress.
WARMUP=60
ROUNDS=3
CEILING=true
BUILD=true
source bench/lib.sh
RESULT=$(todays_results ingress)
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --no-ceiling) CEILING=false; shift ;;
    --result) RESULT=$2; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source bin/java-env.sh
JAVA=$(find_java)
JAVA_OPTS=$(java_opts "$JAVA")
if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages"
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
BUILT_FROM=$(built_from common embedded-kafka service-http ingress local)
if $BUILD; then ./mvnw -B -q -DskipTests package -pl ingress,local -am; fi

# Our own corner of bench/work, with copies of the jars so that a build beside us cannot swap them mid-run.
WORK=bench/work/ingress
rm -rf "$WORK" && mkdir -p "$WORK" "$(dirname "$RESULT")"
cp local/target/local-pipeline.jar ingress/target/ixopay-ingress.jar "$WORK/"
LOCAL_JAR=$WORK/local-pipeline.jar
SECRET=bench-secret-$RANDOM$RANDOM
KAFKA_PORT=19092
INGRESS_PORT=18080
CEILING_PORT=18081
TARGETS="ingress"
$CEILING && TARGETS="ingress ceiling"
trap cleanup EXIT

measure() {  # measure NAME PORT ROUND: one measured run, kept as $WORK/NAME-ROUND.txt, with CPU snapshots NAME-ROUND.cpu0/.cpu1
  snapshot > "$WORK/$1-$3.cpu0"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/requests.lua" "http://127.0.0.1:$2" > "$WORK/$1-$3.txt"
  snapshot > "$WORK/$1-$3.cpu1"
  if grep -q "Non-2xx" "$WORK/$1-$3.txt"; then
    echo "$1 answered something other than 200 OK: the run is not valid" >&2
    cat "$WORK/$1-$3.txt" >&2
    exit 1
  fi
  echo "  $1 round $3: $(awk '/^Requests\/sec/ {print $2}' "$WORK/$1-$3.txt") requests/s"
}
port() { [ "$1" = ingress ] && echo $INGRESS_PORT || echo $CEILING_PORT; }

"$JAVA" -cp "$LOCAL_JAR" net.paycallbacks.local.bench.BenchRequests 2000 bench "$SECRET" "$WORK/requests.lua"

echo "Starting the embedded Kafka broker, the ingress jar$($CEILING && echo " and the ceiling server")"
"$JAVA" $JAVA_OPTS -cp "$LOCAL_JAR" net.paycallbacks.local.bench.BenchKafka "$WORK/kafka" $KAFKA_PORT >"$WORK/broker.log" 2>&1 &
PID[broker]=$!
await_line "$WORK/broker.log" "ready"
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT IXOPAY_SHARED_SECRETS="bench:$SECRET" HTTP_PORT=$INGRESS_PORT \
  "$JAVA" $JAVA_OPTS ${INGRESS_JAVA_OPTS:-} -jar "$WORK/ixopay-ingress.jar" >"$WORK/ingress.log" 2>&1 &
PID[ingress]=$!
if $CEILING; then
  "$JAVA" $JAVA_OPTS -cp "$LOCAL_JAR" net.paycallbacks.local.bench.CeilingServer $CEILING_PORT >"$WORK/ceiling.log" 2>&1 &
  PID[ceiling]=$!
  await_line "$WORK/ceiling.log" "ready"
fi
await_http "http://127.0.0.1:$INGRESS_PORT/health/ready"

# This machine's speed drifts (shared host): warm both up, then alternate ingress and ceiling
# runs and compare medians, so that both see the same conditions.
echo "Warming up (${WARMUP} s each)"
for target in $TARGETS; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/requests.lua" "http://127.0.0.1:$(port "$target")" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do measure "$target" "$(port "$target")" "$round"; done
done
curl -s "http://127.0.0.1:$INGRESS_PORT/metrics" >"$WORK/metrics.txt"
ACCEPTED=$(awk '/^ixopay_callbacks_total\{connector="bench",outcome="accepted"\}/ {printf "%d", $2}' "$WORK/metrics.txt")
REJECTED=$(awk '/^ixopay_callbacks_total/ && !/outcome="accepted"/ {n += $2} END {printf "%d", n}' "$WORK/metrics.txt")
stop_processes

rps() { awk '/^Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
pct() {  # pct FILE 50|99 -> milliseconds
  awk -v p="$2%" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : 1; printf "%.2f", v * f }' "$WORK/$1.txt"
}
median_round() {  # the round whose requests/s is the median, for NAME
  for r in $(seq 1 "$ROUNDS"); do echo "$(rps "$1-$r") $r"; done | sort -n | awk '{a[NR] = $2} END {print a[int((NR + 1) / 2)]}'
}
# cores SERVER RUN -> "broker | server | rest | idle%": the cores each used over the run; the rest is wrk and anything
# else on the machine. Idle cores mean the server waited (for the broker's answer) with CPU to spare.
cores() {
  cpu_share "$WORK/$2.cpu0" "$WORK/$2.cpu1" "broker $1 @busy @idle" | awk -v server="$1" -F', ' '
    { for (i = 1; i <= NF; i++) { split($i, kv, " "); c[kv[1]] = kv[2] } }
    END { printf "%.2f | %.2f | %.2f | %.0f%%", c["broker"], c[server], c["@busy"] - c["broker"] - c[server],
          100 * c["@idle"] / (c["@busy"] + c["@idle"]) }'
}
row() { echo "| $1 round $2 | $(rps "$1-$2") | $(pct "$1-$2" 50) | $(pct "$1-$2" 99) | $(cores "$1" "$1-$2") |"; }
I=$(median_round ingress)
I_RPS=$(rps "ingress-$I")
if $CEILING; then
  C=$(median_round ceiling)
  C_RPS=$(rps "ceiling-$C")
  SHARE=$(awk -v i="$I_RPS" -v c="$C_RPS" 'BEGIN { printf "%.1f", 100 * i / c }')
fi
{
  echo "# Ingress benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Command: \`bench/ingress.sh --duration $DURATION --warmup $WARMUP --connections $CONNECTIONS --rounds $ROUNDS$($CEILING || echo " --no-ceiling")\` (wrk -t2, ${WARMUP} s warm-up each, then ${DURATION} s per measured run),"
  echo "on commit $BUILT_FROM$($BUILD || echo " (jars built by the caller)")."
  echo
  echo "Medians of $ROUNDS$($CEILING && echo " alternating") rounds:"
  echo
  echo "| target | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
  echo "| ingress (signature check, Kafka acks=all) | $I_RPS | $(pct "ingress-$I" 50) | $(pct "ingress-$I" 99) |"
  if $CEILING; then
    echo "| ceiling (bare Vert.x route, no Kafka) | $C_RPS | $(pct "ceiling-$C" 50) | $(pct "ceiling-$C" 99) |"
    echo
    echo "Ingress reached **${SHARE}%** of the ceiling's requests/s (target: at least 35%, with p99 under 15 ms)."
  fi
  echo
  echo "Every round:"
  echo
  echo "| run | requests/s | p50 ms | p99 ms | cores: broker | ingress or ceiling | the rest (wrk) | machine idle |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in $(seq 1 "$ROUNDS"); do for target in $TARGETS; do row "$target" "$r"; done; done
  echo
  echo "The ingress counted $ACCEPTED callbacks accepted (acknowledged by Kafka) and $REJECTED refused over warm-up and runs."
  echo
  machine_description "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "Broker, ingress and wrk share the machine; the broker is the embedded single-node KRaft broker."
} > "$RESULT"
SUCCEEDED=true
echo; cat "$RESULT"
