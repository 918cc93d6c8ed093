#!/usr/bin/env bash
# RocksDB get, hit and miss, in the rocksdbjni the project pins against the one Kafka Streams 4.4 brings (10.1.3),
# whose JNI get throws and catches a C++ exception for every key not found. The processor looks up a missing
# key for the first callback of every transaction. Several alternating rounds per version; one JVM per round.
# Usage: bench/rocksdb-get.sh [--keys N] [--rounds N]. Results: bench/results/rocksdb-get-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=200000
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) KEYS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source bin/java-env.sh
JAVA=$(find_java)
source bench/lib.sh
STREAMS_OWN=10.1.3 # what Kafka Streams 4.4 depends on
PINNED=$(sed -n '/<artifactId>rocksdbjni<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
[ -n "$PINNED" ] || { echo "could not read the pinned rocksdbjni version from the build" >&2; exit 1; }
WORK=bench/work/rocksdb-get
mkdir -p "$WORK" bench/results
for version in "$STREAMS_OWN" "$PINNED"; do
  [ -f "$WORK/rocksdbjni-$version.jar" ] || ./mvnw -B -q dependency:copy -Dartifact="org.rocksdb:rocksdbjni:$version" -DoutputDirectory="$WORK"
done

RESULT=$(todays_results rocksdb-get)
: >"$WORK/rounds.txt"
for round in $(seq "$ROUNDS"); do
  for version in "$STREAMS_OWN" "$PINNED"; do
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$WORK/rocksdbjni-$version.jar" bench/RocksDbGet.java "$KEYS" 5 | tee -a "$WORK/rounds.txt"
  done
done

{
  echo "# RocksDB get, hit and miss: rocksdbjni $STREAMS_OWN against $PINNED ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Command: \`bench/rocksdb-get.sh --keys $KEYS --rounds $ROUNDS\`, at commit $(built_from pom.xml bench/RocksDbGet.java)."
  machine_description
  echo "$KEYS keys of 36 bytes with 600-byte values, compacted, Bloom filter on every level,"
  echo "all in the block cache; each figure is one thread's wall time for a pass over all keys, per key, the median of 5 passes."
  echo
  echo "| round | RocksDB | hit, ns per get | miss, ns per get |"
  echo "|---|---|---|---|"
  awk '{ printf "| %d | %s | %s | %s |\n", int((NR + 1) / 2), $1, $2, $3 }' "$WORK/rounds.txt"
  echo
  awk '{ hit[$1] = hit[$1] " " $2; miss[$1] = miss[$1] " " $3 } END { for (v in hit) printf "- %s: hits%s ns, misses%s ns\n", v, hit[v], miss[v] }' "$WORK/rounds.txt" | sort
} >"$RESULT"
cat "$RESULT"
