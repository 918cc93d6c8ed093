#!/usr/bin/env bash
# CPU profile of the ingress under the ingress benchmark's load: runs bench/ingress.sh --no-ceiling for one
# round, attaches async-profiler (downloaded from Maven Central) to the ingress jar for SECONDS in the middle
# of the measured round, and prints the CPU per request of its thread groups and the frames that took most
# of its event loops' time, inclusive. The collapsed stacks stay in bench/work/profile/ for flame graphs.
# Usage: bench/profile-ingress.sh [--seconds 15] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PROFILED=15
BUILD_FLAG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PROFILED=$2; shift 2 ;;
    --no-build) BUILD_FLAG=--no-build; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source bin/java-env.sh
JAVA=$(find_java)
JCMD="$(dirname "$(readlink -f "$JAVA")")/jcmd"
OUT=bench/work/profile
AP_VERSION=4.2
AGENT=$OUT/async-profiler-$AP_VERSION/linux-x64/libasyncProfiler.so
mkdir -p "$OUT"
if [ ! -f "$AGENT" ]; then
  echo "Downloading async-profiler $AP_VERSION from Maven Central"
  curl -sSfL --retry 3 -o "$OUT/async-profiler.jar" \
    "https://repo1.maven.org/maven2/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
  (mkdir -p "$OUT/async-profiler-$AP_VERSION" && cd "$OUT/async-profiler-$AP_VERSION" && "$(dirname "$(readlink -f "$JAVA")")/jar" xf ../async-profiler.jar linux-x64/libasyncProfiler.so)
fi

# The measured round outlasts the profile by 10 s on each side, so warm-up and wind-down stay out of it.
bash bench/ingress.sh --no-ceiling $BUILD_FLAG --rounds 1 --duration $((SECONDS_PROFILED + 20)) \
  --result "$OUT/ingress-round.md" >"$OUT/ingress-round.log" 2>&1 &
BENCH=$!
# Ctrl-C reaches us, not the background benchmark: stop it (its own trap stops broker, ingress and wrk).
trap 'kill $BENCH 2>/dev/null || true; exit 130' INT TERM
# Only the benchmark's own children: wrk and the ingress JVM are started by bench/ingress.sh itself.
until pgrep -P $BENCH -f "wrk.*--latency" >/dev/null; do
  kill -0 $BENCH 2>/dev/null || { echo "bench/ingress.sh stopped; see $OUT/ingress-round.log" >&2; exit 1; }
  sleep 0.5
done
sleep 10
INGRESS=$(pgrep -P $BENCH -f "ixopay-ingress.jar" | head -1 || true)
[ -n "$INGRESS" ] || { echo "the ingress of bench/ingress.sh was not found" >&2; kill $BENCH; exit 1; }
# jcmd parses a=b as its own option, so the profiler's options go in one quoted word.
"$JCMD" "$INGRESS" JVMTI.agent_load "$PWD/$AGENT" "\"start,event=cpu,interval=1ms,threads\"" | grep -v -e "^$INGRESS:$" -e "^return code: 0$" || true
sleep "$SECONDS_PROFILED"
"$JCMD" "$INGRESS" JVMTI.agent_load "$PWD/$AGENT" "\"stop,collapsed,file=$PWD/$OUT/ingress-collapsed.txt\"" | grep -v -e "^$INGRESS:$" -e "^return code: 0$" || true
wait $BENCH || { echo "bench/ingress.sh failed; see $OUT/ingress-round.log" >&2; exit 1; }
RPS=$(awk -F'|' '/ingress round 1/ {gsub(/ /, "", $3); print $3}' "$OUT/ingress-round.md")

echo "Ingress at $RPS requests/s, profiled for $SECONDS_PROFILED s (one sample per ms of CPU)."
echo "CPU per request, microseconds, by thread:"
awk -v rps="$RPS" -v secs="$SECONDS_PROFILED" '{ n = $NF; group = "other threads"
    if ($0 ~ /^\[vert\.x-eventloop/) group = "event loops"; else if ($0 ~ /^\[kafka-producer/) group = "Kafka producer thread"
    us[group] += n }
  END { for (g in us) printf "  %-22s %6.1f\n", g, us[g] / secs / rps * 1000 }' "$OUT/ingress-collapsed.txt"
echo "Frames by share of the event loops' samples, inclusive (top 60):"
awk '/^\[vert\.x-eventloop/ { n = $NF; total += n; sub(/ [0-9]+$/, ""); k = split($0, frames, ";"); delete seen
    for (i = 1; i <= k; i++) if (!(frames[i] in seen)) { seen[frames[i]] = 1; incl[frames[i]] += n } }
  END { for (f in incl) if (f !~ /^\[/) printf "%6.2f%% %s\n", 100 * incl[f] / total, substr(f, 1, 140) }' "$OUT/ingress-collapsed.txt" \
  | sort -rn | head -60
echo "Collapsed stacks: $OUT/ingress-collapsed.txt"
