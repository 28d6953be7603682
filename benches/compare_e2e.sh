#!/usr/bin/env bash
# Two builds of netweb, the same command, alternated runs: median wall time and median
# CPU time of each (perf task-clock: user and system, all threads), and their ratio. Each
# run works on a fresh copy of the file (no .bak or .history left from the run before), so
# a command that writes saves the same amount every time. CPU time is the steadier number
# on a shared machine. The system time is also shown on its own: first touches of huge
# pages could cost up to a second of it on this VM (docs/benchmarks.md, "Session 9").
#
# Usage: benches/compare_e2e.sh OLD_BINARY NEW_BINARY FILE RUNS -- NETWEB ARGS...
# e.g.:  benches/compare_e2e.sh /tmp/netweb-old target/release/netweb net.json 5 -- --json suggest --limit 20
# (needs perf for CPU time in milliseconds: apt-get install linux-perf; wall time is
# measured by the shell, peak memory by /usr/bin/time: apt-get install time)
set -euo pipefail
if [ $# -lt 6 ] || [ "$5" != "--" ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
old=$1 new=$2 file=$3 runs=$4
shift 5
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: netweb $*  on $(basename "$file") ($(stat -c %s "$file" | awk '{printf "%.1f", $1 / 1048576}') MB), $runs alternated runs"
for _ in $(seq "$runs"); do
  for which in old new; do
    bin=$old
    [ "$which" = new ] && bin=$new
    cp "$file" "$dir/run.json"
    rm -f "$dir/run.json.bak" "$dir/run.json.history"
    start=$(date +%s%N)
    perf stat -x, -e task-clock -o "$dir/cpu" \
      /usr/bin/time -f '%M %S' -o "$dir/mem" "$bin" --file "$dir/run.json" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    cpu=$(awk -F, '/task-clock/ {printf "%.4f", $1 / 1000}' "$dir/cpu")
    echo "$(( (end - start) / 1000000 )) $cpu $(cat "$dir/mem")" | awk '{printf "%.4f %s %s %s\n", $1 / 1000, $2, $3, $4}' >>"$dir/$which"
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf '%-4s %12s %12s %12s %12s\n' build wall_median_s cpu_median_s sys_median_s peak_RSS_MB
for which in old new; do
  wall=$(cut -d' ' -f1 "$dir/$which" | median)
  cpu=$(cut -d' ' -f2 "$dir/$which" | median)
  sys=$(cut -d' ' -f4 "$dir/$which" | median)
  peak=$(cut -d' ' -f3 "$dir/$which" | sort -n | tail -1 | awk '{printf "%d", $1 / 1024}')
  printf '%-4s %12s %12s %12s %12s\n' "$which" "$wall" "$cpu" "$sys" "$peak"
  eval "${which}_wall=$wall ${which}_cpu=$cpu"
done
awk -v ow="$old_wall" -v nw="$new_wall" -v ou="$old_cpu" -v nu="$new_cpu" \
  'BEGIN {printf "new/old: wall %.2f, CPU %.2f\n", (ow > 0 ? nw / ow : 0), (ou > 0 ? nu / ou : 0)}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
