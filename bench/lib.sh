# Shared by the benchmark scripts (its functions use WORK, and machine_description JAVA: set them before calling them): the day's results file, processes started
# by name, waits, the commit a run is built from, CPU and memory per process, results files of name=value
# lines, and the verdict on a target.
# shellcheck shell=bash

todays_results() {  # todays_results NAME: bench/results/NAME-<UTC date>.md, or -2.md, -3.md... if an earlier run of the day wrote it
  local base file n=2
  base="bench/results/$1-$(date -u +%Y-%m-%d)"
  file="$base.md"
  while [ -e "$file" ]; do file="$base-$n.md"; n=$((n + 1)); done
  echo "$file"
}

machine_description() {  # machine_description [TOOLS]: the two lines every results file describes the machine with
  local jdk
  # Without the options a JVM picks up from the environment: their notice would take -version's first line.
  jdk=$(env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS "$JAVA" -version 2>&1 | head -1)
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM,"
  echo "$(uname -sr), $jdk${1:+, $1}."
}

declare -A PID        # name -> pid of every process a benchmark started; its log is $WORK/<name>.log
SUCCEEDED=false       # set to true at the end of a successful run: then $WORK is removed, unless KEEP_LOGS is set
stop_processes() { for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done; wait 2>/dev/null || true; PID=(); }
cleanup() {
  stop_processes
  # The broker's data and the stores are large; the logs stay when the run failed or KEEP_LOGS is set.
  if $SUCCEEDED && [ -z "${KEEP_LOGS:-}" ]; then rm -rf "$WORK"; else rm -rf "$WORK/kafka" "$WORK/state" "$WORK"/*.jar; echo "logs kept in $WORK" >&2; fi
}

await_line() {  # await_line FILE TEXT: until FILE contains TEXT, failing if any process we started has stopped
  until grep -q "$2" "$1" 2>/dev/null; do
    for name in "${!PID[@]}"; do
      kill -0 "${PID[$name]}" 2>/dev/null || { echo "$name stopped unexpectedly; its log:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    done
    sleep 0.2
  done
}
await_http() {  # await_http URL: until it answers 2xx, at most 60 s
  local url=$1 deadline=$((SECONDS + 60))
  until curl -sf -o /dev/null "$url"; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for $url" >&2; exit 1; }
    sleep 0.5
  done
}

# CPU use per process over a phase, from /proc: which of the co-located processes used the 2 cores.
CLK_TCK=$(getconf CLK_TCK)
# utime + stime: fields 14 and 15 of stat, counted after the name in brackets, which may hold spaces ("C2 CompilerThre").
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13} END { if (NR == 0) print 0 }'; }
# CPU ticks of a JVM's JIT compiler threads: steady state is when these are near zero. A lower bound
# on machines with more cores, where the JVM may stop extra compiler threads (with 2 it has one C1
# and one C2 thread, which never stop).
jit_ticks() {
  local total=0 task comm
  for task in /proc/"$1"/task/*; do
    read -r comm <"$task/comm" 2>/dev/null || continue
    case "$comm" in "C1 CompilerThre"*|"C2 CompilerThre"*) total=$((total + $(cpu_ticks "${task#/proc/}"))) ;; esac
  done
  echo "$total"
}
snapshot() {  # NAME TICKS and NAME.jit TICKS per process, the machine's @busy and @idle TICKS (all cores), then @wall SECONDS
  for name in "${!PID[@]}"; do echo "$name $(cpu_ticks "${PID[$name]}")"; echo "$name.jit $(jit_ticks "${PID[$name]}")"; done
  # The cpu line of /proc/stat: user nice system idle iowait irq softirq steal.
  awk '$1 == "cpu" { print "@busy", $2 + $3 + $4 + $7 + $8 + $9; print "@idle", $5 + $6 }' /proc/stat
  date +%s.%N | sed 's/^/@wall /'
}
cpu_share() {  # cpu_share BEFORE_FILE AFTER_FILE "NAME ..." -> "broker 0.81, processor 0.95, ..." in cores, in that order
  awk -v hz="$CLK_TCK" -v order="$3" 'NR == FNR { before[$1] = $2; next } { after[$1] = $2 }
    END { wall = after["@wall"] - before["@wall"]; n = split(order, names, " "); sep = "";
          for (i = 1; i <= n; i++) if (names[i] in before && names[i] in after) {
            printf "%s%s %.2f", sep, names[i], (after[names[i]] - before[names[i]]) / hz / wall; sep = ", " } }' "$1" "$2"
}

jit_share() {  # jit_share BEFORE_FILE AFTER_FILE "NAME ...": as cpu_share, for the JIT compiler threads of each
  cpu_share "$1" "$2" "$(for name in $3; do printf '%s.jit ' "$name"; done)" | sed 's/\.jit / /g'
}

cpu_per() {  # cpu_per BEFORE_FILE AFTER_FILE "NAME ..." COUNT -> "broker 38, processor 71, ..." CPU microseconds per item
  awk -v hz="$CLK_TCK" -v order="$3" -v count="$4" 'NR == FNR { before[$1] = $2; next } { after[$1] = $2 }
    END { n = split(order, names, " "); sep = "";
          for (i = 1; i <= n; i++) if (names[i] in before && names[i] in after) {
            printf "%s%s %.0f", sep, names[i], (after[names[i]] - before[names[i]]) / hz / count * 1e6; sep = ", " } }' "$1" "$2"
}

# processor_memory PID METRICS_URL STATE_DIR: name=value lines in MiB for a Streams service (see bench/processor.sh).
processor_memory() {
  local status=/proc/$1/status
  # A failed scrape gives n/a in the JVM and RocksDB rows rather than failing the whole run.
  { curl -sf "$2" || true; } | awk -v rss="$(awk '/^VmRSS/ {print $2}' "$status")" -v peak="$(awk '/^VmHWM/ {print $2}' "$status")" \
      -v disk="$(du -sk "$3" | cut -f1)" '
    function mib(bytes) { return scraped ? sprintf("%.0f", bytes / 1048576) : "n/a" }
    /^jvm_memory_committed_bytes/ { scraped = 1 }
    /^jvm_memory_committed_bytes\{area="heap"/ { heap += $NF }
    /^jvm_memory_committed_bytes\{area="nonheap"/ { nonheap += $NF }
    /^kafka_stream_state_cur_size_all_mem_tables\{/ { memtables += $NF }
    /^kafka_stream_state_estimate_table_readers_mem\{/ { readers += $NF }
    /^kafka_stream_state_block_cache_usage\{/ { usage += $NF; if ($NF > largest) largest = $NF }
    /^kafka_stream_state_block_cache_capacity\{/ { capacity = capacity == "" ? $NF : (capacity == $NF ? capacity : "differs") }
    END { print "rss_mib=" sprintf("%.0f", rss / 1024); print "peak_rss_mib=" sprintf("%.0f", peak / 1024); print "heap_mib=" mib(heap)
          print "nonheap_mib=" mib(nonheap); print "outside_jvm_mib=" mib(rss * 1024 - heap - nonheap)
          print "memtables_mib=" mib(memtables); print "table_readers_mib=" mib(readers)
          print "cache_usage_largest_mib=" mib(largest); print "cache_usage_sum_mib=" mib(usage)
          print "cache_capacity_mib=" (capacity == "differs" || capacity == "" ? "differs or none" : mib(capacity))
          print "state_on_disk_mib=" sprintf("%.0f", disk / 1024) }'
}

# built_from MODULE_OR_PATH...: the commit, and whether those paths had uncommitted changes. Take it before
# building: the tree may change while the run goes on.
built_from() {
  echo "$(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- "$@" bench/*.sh)" ] \
    || echo ', with uncommitted changes in the services or the benchmarks')"
}

value() { sed -n "s/^$2=//p" "$1"; }  # value FILE NAME: NAME's value in a file of name=value lines

verdict() {  # verdict VALUE LIMIT OPERATOR; a value like ">60000" or "n/a" is never met
  if [[ "$1" =~ ^[0-9.]+$ ]] && awk -v a="$1" -v b="$2" "BEGIN { exit !(a $3 b) }"; then echo "met"; else echo "**not met**"; fi
}
