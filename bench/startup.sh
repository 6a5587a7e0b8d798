#!/usr/bin/env bash
# Time from `java -jar target/assure.jar` to the first answered request (/actuator/health = 200), with the
# embedded database already initialised. Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=target/assure.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
data=$(mktemp -d)
port=18080
trap 'rm -rf "$data"' EXIT

start_once() {
  local t0 t1 pid
  t0=$(date +%s%N)
  ASSURE_DATA_DIR="$data" ASSURE_PORT=$port ASSURE_ADMIN_PASSWORD=benchmark-password-1 \
    java -jar "$jar" >"$data/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "app exited; see log:" >&2; tail -20 "$data/app.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

echo "first start (initdb, migrations, demo data): $(start_once) ms" >&2
times=()
for i in $(seq "$runs"); do
  times+=("$(start_once)")
  echo "run $i: ${times[-1]} ms" >&2
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "runs=$runs min=$(echo "$sorted" | head -1) median=$median max=$(echo "$sorted" | tail -1) (ms, java -jar to first answered request)"
