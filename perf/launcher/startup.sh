#!/usr/bin/env bash
# Start-up time and memory of the whole shop as bin/eshop runs it: a first start on a new data
# directory (demo data loaded), then warm starts on the same directory. For each: seconds to
# "Eshop is ready", then RSS and PSS per process and in total, 5 s after ready.
# Usage: perf/launcher/startup.sh [warm starts, default 2] [launcher flags, e.g. --auth-port=9100]
# (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
warm=${1:-2}
shift || true
flags=("$@")
data=$(mktemp -d /tmp/eshop-startup.XXXXXX)
jar=$(ls launcher/target/launcher-*.jar | head -n 1)
launcher=""
stop_launcher() {
    if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
        kill -TERM "$launcher"
        wait "$launcher" || true
    fi
}
trap 'stop_launcher; rm -rf "$data"' EXIT

# kB of RSS and PSS of one process, from /proc (PSS shares pages between the processes that map them).
memory() {
    awk '/^Rss:/ {r+=$2} /^Pss:/ {p+=$2} END {print r+0, p+0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo "0 0"
}

# Every process below one, at any depth (a service's children count as the service's).
descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do
        echo "$child"
        descendants "$child"
    done
}

name_of() {
    local cmd
    cmd=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true)
    case "$cmd" in
        *launcher-*.jar*) echo launcher ;;
        *s3mock*) echo s3mock ;;
        *mariadbd*|*mysqld*) echo mariadb ;;
        *redis-server*) echo redis ;;
        *postgres*) echo postgres ;;
        *services/*/target/*|*data/aot/*|*web/*/target/*)
            echo "$cmd" | grep -o -E '(services|web)/[a-z-]+/target|aot/[a-z-]+-[0-9a-f]+' | head -n 1 \
                | sed -E 's#(services|web)/([a-z-]+)/target#\2#; s#aot/([a-z-]+)-[0-9a-f]+#\1#' ;;
        *) echo "other" ;;
    esac
}

run() {
    local label=$1 log="$data/launcher-${1// /-}.out" started ready pid
    : > "$log"
    started=$(date +%s.%N)
    "$JAVA_HOME/bin/java" -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
        -jar "$jar" --data-dir="$data/data" --quiet "${flags[@]}" > "$log" 2>&1 &
    pid=$!
    launcher=$pid
    until grep -q "Eshop is ready" "$log"; do
        kill -0 "$pid" 2>/dev/null || { echo "launcher exited:"; tail -20 "$log"; exit 1; }
        sleep 0.2
    done
    ready=$(awk "BEGIN {print $(date +%s.%N) - $started}")
    sleep 5
    local pids total_rss=0 total_pss=0
    local postmaster
    postmaster=$(head -n 1 "$data/data/postgres/postmaster.pid" 2>/dev/null || true)
    # PostgreSQL's server detaches from the launcher (pg_ctl): counted with its backends.
    pids="$pid $(descendants "$pid") ${postmaster} $([ -n "$postmaster" ] && descendants "$postmaster")"
    declare -A rss pss
    for p in $(echo "$pids" | tr ' ' '\n' | sort -u); do
        read -r r s < <(memory "$p")
        n=$(name_of "$p")
        rss[$n]=$(( ${rss[$n]:-0} + r )); pss[$n]=$(( ${pss[$n]:-0} + s ))
        total_rss=$((total_rss + r)); total_pss=$((total_pss + s))
    done
    printf '%s start: ready in %.1f s; total RSS %d MB, PSS %d MB (load %s)\n' "$label" "$ready" \
        $((total_rss / 1024)) $((total_pss / 1024)) "$(cut -d' ' -f1-3 /proc/loadavg)"
    for n in $(printf '%s\n' "${!rss[@]}" | sort); do
        printf '    %-14s RSS %5d MB  PSS %5d MB\n' "$n" $((rss[$n] / 1024)) $((pss[$n] / 1024))
    done
    local stopping=$(date +%s.%N)
    kill -TERM "$pid"
    wait "$pid" || true
    printf '    stopped %.1f s after SIGTERM\n' "$(awk "BEGIN {print $(date +%s.%N) - $stopping}")"
}

run first
for i in $(seq 1 "$warm"); do
    run "warm $i"
done
