#!/usr/bin/env bash
# Notifier benchmark, on a real (embedded) Kafka broker, the real notifier jar and a local SMTP server
# (GreenMail, in the load generator's JVM): emails/s from a pre-filled transaction-events (a PENDING and a
# SUCCEEDED event per DEBIT, each with its customer) until the server has received one email per transaction.
# Broker, notifier and SMTP server share this machine.
# Usage: bench/notifier.sh [--transactions N]
# Results: bench/results/notifier-<date>.md. NOTIFIER_JAVA_OPTS adds JVM options to the notifier.
set -euo pipefail
cd "$(dirname "$0")/.."
TRANSACTIONS=20000
TARGET=100
while [ $# -gt 0 ]; do
  case "$1" in
    --transactions) TRANSACTIONS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source bin/java-env.sh
JAVA=$(find_java)
JAVA_OPTS=$(java_opts "$JAVA")
./mvnw -B -q -DskipTests package -pl local,notifier -am

# Our own corner of bench/work, with copies of the jars so that a build beside us cannot swap them mid-run.
WORK=bench/work/notifier
rm -rf "$WORK" && mkdir -p "$WORK" bench/results
cp local/target/local-pipeline.jar notifier/target/ixopay-notifier.jar "$WORK/"
LOCAL_JAR=$WORK/local-pipeline.jar
KAFKA_PORT=19292
NOTIFIER_PORT=18290
SMTP_PORT=12525
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
source bench/lib.sh
trap cleanup EXIT

echo "Starting the embedded Kafka broker"
"$JAVA" $JAVA_OPTS -cp "$LOCAL_JAR" net.paycallbacks.local.bench.BenchKafka "$WORK/kafka" $KAFKA_PORT >"$WORK/broker.log" 2>&1 &
PID[broker]=$!
await_line "$WORK/broker.log" "ready"

echo "Filling transaction-events with $TRANSACTIONS DEBITs x (PENDING, SUCCEEDED); SMTP server on 127.0.0.1:$SMTP_PORT"
"$JAVA" $JAVA_OPTS -cp "$LOCAL_JAR" net.paycallbacks.local.bench.BenchEmails "$BOOTSTRAP" "$TRANSACTIONS" "$SMTP_PORT" \
  "http://127.0.0.1:$NOTIFIER_PORT/health/ready" "$WORK/throughput.txt" >"$WORK/BenchEmails.log" 2>&1 &
PID[BenchEmails]=$!
await_line "$WORK/BenchEmails.log" "^filled"
grep "^filled" "$WORK/BenchEmails.log" | sed 's/^/  /'
KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP KAFKA_STATE_DIR="$PWD/$WORK/state" KAFKA_APPLICATION_ID=ixopay-notifier-bench HTTP_PORT=$NOTIFIER_PORT \
  SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT SMTP_STARTTLS=disabled MAIL_FROM="Bench Shop <orders@shop.example>" \
  "$JAVA" $JAVA_OPTS ${NOTIFIER_JAVA_OPTS:-} -jar "$WORK/ixopay-notifier.jar" >"$WORK/notifier.log" 2>&1 &
PID[notifier]=$!
await_line "$WORK/BenchEmails.log" "notifier ready"
snapshot >"$WORK/cpu-start"
await_line "$WORK/BenchEmails.log" "^receiving done"
snapshot >"$WORK/cpu-end"
BENCH_PID=${PID[BenchEmails]}
if ! wait "$BENCH_PID"; then
  unset 'PID[BenchEmails]'
  echo "The notifier did not send exactly one email per transaction:" >&2; cat "$WORK/throughput.txt" >&2 2>/dev/null || tail -20 "$WORK/BenchEmails.log" >&2
  exit 1
fi
unset 'PID[BenchEmails]'
T=$WORK/throughput.txt
stop_processes
EPS=$(value "$T" emails_per_s)
RESULT=$(todays_results notifier)
{
  echo "# Notifier benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Command: \`bench/notifier.sh --transactions $TRANSACTIONS\`"
  echo "on commit $(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- common notifier)" ] || echo ', with uncommitted changes in common/notifier')."
  echo
  echo "\`transaction-events\` (6 partitions) was filled beforehand with $(value "$T" events) events as the processor writes"
  echo "them (key = uuid, CloudEvents headers): a PENDING and a SUCCEEDED event for each of $TRANSACTIONS DEBITs, each with"
  echo "its customer (1,000 distinct addresses). One notifier instance (the jar, one stream thread, exactly_once_v2, fresh"
  echo "state, default settings) sent the payment confirmations over plain SMTP to GreenMail on the same machine, over one kept"
  echo "SMTP connection. Time runs from the notifier's readiness until the server has received the last email."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| emails/s | **$EPS** |"
  echo "| emails/s over the second half only (the JVMs' JIT compilers are busiest in the first) | $(value "$T" second_half_emails_per_s) |"
  echo "| seconds from ready to the last email | $(value "$T" seconds) |"
  echo "| emails received (expected $(value "$T" emails_expected)), distinct Message-IDs | $(value "$T" emails_received), $(value "$T" distinct_message_ids) |"
  echo "| CPU used over the phase, in cores | $(cpu_share "$WORK/cpu-start" "$WORK/cpu-end" "broker notifier BenchEmails") |"
  echo
  echo "Target: at least $TARGET emails/s per notifier instance: $EPS emails/s, $(verdict "$EPS" "$TARGET" ">=")."
  echo
  machine_description
  echo "Broker, notifier and SMTP server share these $(nproc) cores; the broker is the embedded single-node KRaft broker."
} > "$RESULT"
SUCCEEDED=true
echo; cat "$RESULT"
