# Sourced by the scripts in bin/ and bench/: finds a JDK 21 or newer. Only run_local_tool builds (the
# local jar, when it is missing).
# Order: $JAVA_HOME if it is 21+, then `java` on the PATH, then the JDKs under /usr/lib/jvm.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME, java on the PATH and /usr/lib/jvm)." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) and run again." >&2
  return 1
}

# JVM options for running the project's jars: Kafka still calls sun.misc.Unsafe, which JDK 24+
# warns about on every start.
java_opts() {
  # RocksDB (the processor's store) loads a native library: allow it without the JDK's warning.
  local opts="--enable-native-access=ALL-UNNAMED"
  if [ "$(java_major "$1")" -ge 24 ]; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  echo "$opts"
}

# Runs a main class of the local module's jar, building the jar first if it is missing: the tools
# beside bin/local-pipeline (bin/demo, bin/send-callback, bin/watch-events). Usage: run_local_tool CLASS ARGS...
run_local_tool() {
  local root jar java
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  jar="$root/local/target/local-pipeline.jar"
  java=$(find_java)
  [ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package -pl local -am)
  exec "$java" $(java_opts "$java") -cp "$jar" "$@"
}
