#!/usr/bin/env bash
# End-to-end time and peak memory of `netweb suggest --limit 20` (loading included) on
# generated networks of 1k, 10k and 100k people, and on the shipped sample.
# Usage: benches/suggest_e2e.sh [RUNS]   (needs /usr/bin/time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet --bin netweb --example generate
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %8s %10s %12s\n' network file_MB best_s peak_RSS_MB
measure() {
  local name=$1 file=$2 best=999 peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$dir/t" target/release/netweb --file "$file" --json suggest --limit 20 >/dev/null
    read -r secs kb <"$dir/t"
    best=$(echo "$secs $best" | awk '{print ($1 < $2) ? $1 : $2}')
    peak=$(( kb / 1024 > peak ? kb / 1024 : peak ))
  done
  printf '%-10s %8.1f %10s %12s\n' "$name" "$(stat -c %s "$file" | awk '{print $1 / 1048576}')" "$best" "$peak"
}
measure sample examples/network.json
for n in 1000 10000 100000; do
  target/release/examples/generate "$n" >"$dir/net.json" 2>/dev/null
  measure "$n" "$dir/net.json"
done
