#!/usr/bin/env bash
# The processor's parse of one callback, ns and bytes allocated per parse, for this checkout and optionally an
# earlier commit (--against REV, built in a git worktree under bench/work), in alternating rounds of one JVM each.
# Usage: bench/callback-parse.sh [--against REV] [--rounds N] [--bodies N] [--no-build]; a round is one JVM per build.
# Results: bench/results/callback-parse-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
AGAINST=
ROUNDS=3
BODIES=20000
BUILD=true
WARMUP_PASSES=10
MEASURED_PASSES=15
while [ $# -gt 0 ]; do
  case "$1" in
    --against) AGAINST=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --bodies) BODIES=$2; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source bin/java-env.sh
JAVA=$(find_java)
source bench/lib.sh
WORK=bench/work/callback-parse
mkdir -p "$WORK" bench/results
# What the jar holds: the parser, and the benchmarks' callbacks in local/. Taken before a build can change it.
COMMIT=$(built_from processor/src local/src common/src bench/CallbackParse.java)
build() {  # build DIR: the local pipeline's jar, which holds the processor and the benchmarks' callbacks
  (cd "$1" && ./mvnw -B -q -DskipTests package -pl local -am)
}
$BUILD && build .
declare -A JAR=([this]=local/target/local-pipeline.jar)
LABELS=this
if [ -n "$AGAINST" ]; then
  REV=$(git rev-parse --short "$AGAINST")
  JAR[$REV]=$WORK/$REV/local/target/local-pipeline.jar
  if [ ! -f "${JAR[$REV]}" ]; then
    # --force: the worktree may still be registered from an earlier run whose bench/work was deleted since.
    git worktree add --force --detach "$WORK/$REV" "$REV" >/dev/null 2>&1 || [ -d "$WORK/$REV" ]
    build "$WORK/$REV"
  fi
  LABELS="$REV this"
fi

RESULT=$(todays_results callback-parse)
: >"$WORK/rounds.txt"
for round in $(seq "$ROUNDS"); do
  for label in $LABELS; do
    "$JAVA" -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "${JAR[$label]}" bench/CallbackParse.java "$label" "$BODIES" "$WARMUP_PASSES" "$MEASURED_PASSES" | tee -a "$WORK/rounds.txt"
  done
done

{
  echo "# The processor's parse of one callback ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Command: \`bench/callback-parse.sh${AGAINST:+ --against $AGAINST} --rounds $ROUNDS --bodies $BODIES\`, this checkout at commit $COMMIT."
  machine_description
  echo "$BODIES distinct ~1 KB card callbacks of the benchmarks (BenchRequests.body), parsed by CallbackParser.parse on one"
  echo "thread; each figure is the median of $MEASURED_PASSES passes over all bodies after $WARMUP_PASSES warm-up passes, one JVM (1 GiB heap, pre-touched) per round."
  echo
  echo "| round | build | ns per parse | bytes allocated per parse |"
  echo "|---|---|---|---|"
  n=$(echo "$LABELS" | wc -w)
  awk -v n="$n" '{ printf "| %d | %s | %s | %s |\n", int((NR - 1) / n) + 1, $1, $2, $3 }' "$WORK/rounds.txt"
  echo
  awk '{ ns[$1] = ns[$1] " " $2; bytes[$1] = bytes[$1] " " $3 } END { for (b in ns) printf "- %s: ns per parse%s; bytes%s\n", b, ns[b], bytes[b] }' "$WORK/rounds.txt" | sort
} >"$RESULT"
cat "$RESULT"
