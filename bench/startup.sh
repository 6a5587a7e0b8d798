#!/usr/bin/env bash
# Time and CPU from starting Assure to the first answered request (/actuator/health = 200), with the embedded
# database already initialised, for `java -jar target/assure.jar` and for `bin/assure` (unpacked jar, class data
# sharing archive, small-server memory settings). CPU is the JVM's user + system time from /proc at that moment:
# on a shared, busy machine it moves far less than the wall time does.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=target/assure.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
data=$(mktemp -d)
port=18080
ticks=$(getconf CLK_TCK)
trap 'rm -rf "$data"' EXIT

# start_once COMMAND...: prints "wall_ms cpu_ms rss_kib"
start_once() {
  local t0 t1 pid cpu rss
  t0=$(date +%s%N)
  ASSURE_DATA_DIR="$data" ASSURE_PORT=$port ASSURE_ADMIN_PASSWORD=benchmark-password-1 "$@" >"$data/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "app exited; see log:" >&2; tail -20 "$data/app.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  cpu=$(awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "first start (initdb, migrations, demo data): $(start_once java -jar "$jar" | cut -d' ' -f1) ms" >&2
# bin/assure's first run unpacks the jar and writes its archive when it stops: not counted
rm -rf "${jar%.jar}-app"
start_once bin/assure >/dev/null
for launcher in "java -jar $jar" "bin/assure"; do
  results=()
  for i in $(seq "$runs"); do
    # shellcheck disable=SC2086 # the launcher is a list of words on purpose
    results+=("$(start_once $launcher)")
    echo "$launcher run $i: ${results[-1]} (wall ms, cpu ms, rss KiB)" >&2
  done
  wall=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
  cpu=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
  rss=$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)
  echo "$launcher: runs=$runs median wall=${wall} ms, cpu=${cpu} ms, rss=$((rss / 1024)) MiB (load $(cut -d' ' -f1 /proc/loadavg))"
done
