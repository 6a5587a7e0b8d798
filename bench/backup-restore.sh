#!/usr/bin/env bash
# The restore drill with the jar, timed: the app runs on a new data folder with the demo partnership (and the seed
# plans from ../shared/seeds when they are there); `assure backup` while it runs; the app stops; `assure restore`
# into another new folder; the app starts on it; `assure audit verify`. Prints each step's time and the sizes.
# Usage: bench/backup-restore.sh   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/target/assure.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d)
port=18081
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
seeds=
[ -d ../shared/seeds ] && seeds=$(cd ../shared/seeds && pwd)

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# each command's wall time, and the CPU time it and its children used (the load on a shared machine stretches the
# first; the second hardly moves)
TIMEFORMAT='  %R s wall, %U s user + %S s system CPU'
quiet() { grep -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T|^\+|^\||^$' || true; }

start_app() {
  ASSURE_DATA_DIR="$1" ASSURE_PORT=$port ASSURE_ADMIN_PASSWORD=benchmark-password-1 ASSURE_FIRST_RUN_IMPORT="$seeds" \
    java -jar "$jar" >"$1.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "app exited; see log:" >&2; tail -20 "$1.log" >&2; exit 1; }
    sleep 0.2
  done
}
stop_app() { kill $pid; wait $pid 2>/dev/null || true; pid=; }

start_app "$work/live"
{ time ASSURE_DATA_DIR="$work/live" java -jar "$jar" backup "$work/assure.zip" | quiet ; } 2>&1
echo "^ backup while the app runs" >&2
stop_app

{ time ASSURE_DATA_DIR="$work/live" java -jar "$jar" backup "$work/assure-stopped.zip" | quiet ; } 2>&1
echo "^ backup with the app stopped (starts and stops its server)" >&2

{ time java -jar "$jar" restore --check "$work/assure.zip" | quiet ; } 2>&1
echo "^ restore --check" >&2

{ time ASSURE_DATA_DIR="$work/restored" java -jar "$jar" restore "$work/assure.zip" | quiet ; } 2>&1
echo "^ restore into a new data folder" >&2

t=$(date +%s%N)
start_app "$work/restored"
echo "app start on the restored folder: $(ms $t) ms" >&2
stop_app
ASSURE_DATA_DIR="$work/restored" java -jar "$jar" audit verify | quiet

echo "backup file: $(stat -c %s "$work/assure.zip") bytes; data.sql inside: $(unzip -p "$work/assure.zip" data.sql | wc -c) bytes" >&2
echo "data folders: live $(du -sm "$work/live" | cut -f1) MB, restored $(du -sm "$work/restored" | cut -f1) MB" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
