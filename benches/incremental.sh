#!/usr/bin/env bash
# Starts after files were added to a corpus (issue 19), for BENCHMARKS.md:
#  1. `revue export --format json --no-state DIR > /dev/null` on a corpus of
#     N generated articles whose caches are warm, timed right after ADD new
#     files were copied in (and two seconds left to pass, as in a morning's
#     start: the files are settled, so the whole model is saved too, and the
#     run waits for that save); RUNS runs per ADD, each with other new files,
#     the machine's load average beside each;
#  2. a start on the unchanged corpus (the whole-model cache), RUNS runs;
#  3. with the current build only: one build step by step
#     (examples/buildphases.rs) after ADD more files, through the same
#     per-article cache.
# Between runs the added files are removed again and one untimed start
# brings the caches back to the corpus of N (not for an older revue, which
# rebuilds everything on any change).
#
# Usage: benches/incremental.sh [N [ADD...]]    (default: 10000 1 100)
# Knobs (environment): RUNS=5; OUT=target/bench-incr (corpora, caches; kept
# and reused, delete it when done: 100,000 articles take 555 MB);
# REVUE=path/to/revue to time another build of revue (an older one, for
# "before" figures: step 3 is then skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
[ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then ADDS=("$@"); else ADDS=(1 100); fi
RUNS=${RUNS:-5}
OUT=${OUT:-target/bench-incr}

cargo build --release --bin revue --example gencorpus --example buildphases
BIN=${CARGO_TARGET_DIR:-target}/release
REVUE=${REVUE:-$BIN/revue}
mkdir -p "$OUT"
base=$OUT/corpus-$N
extra=$OUT/extra
sum_add=0
for a in "${ADDS[@]}"; do sum_add=$((sum_add + a)); done
need=$((sum_add * (RUNS + 1)))
[ -d "$base" ] || "$BIN/examples/gencorpus" --out "$base" --articles "$N" --seed 1 >/dev/null
# Files, not articles, are added: some files hold two articles.
if [ ! -d "$extra" ] || [ "$(ls "$extra" | wc -l)" -lt "$need" ]; then
  rm -rf "$extra"
  "$BIN/examples/gencorpus" --out "$extra" --articles $((need * 5 / 4 + 10)) --seed 2 >/dev/null
fi
mapfile -t extras < <(ls "$extra" | sort)

export XDG_CACHE_HOME=$PWD/$OUT/xdg-cache XDG_STATE_HOME=$PWD/$OUT/xdg-state
rm -rf "$XDG_CACHE_HOME"
load() { cut -d' ' -f1-3 /proc/loadavg; }
start() { "$REVUE" export --format json --no-state "$base" >/dev/null; }
timed() {
  local s e
  s=$(date +%s%N)
  start
  e=$(date +%s%N)
  awk -v ns=$((e - s)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}
# Median, min and max of the numbers on stdin.
summary() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %.3f s, min %.3f, max %.3f (%d runs)\n", m, v[1], v[NR], NR }'; }

echo "## $REVUE ($("$REVUE" --version 2>/dev/null)); checkout at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "corpus: $N articles ($(du -sh "$base" | cut -f1)), nproc $(nproc)"
echo "load before the first (full) build: $(load)"
echo "first start, nothing cached: $(timed) s"
sleep 2.5
start # the corpus's files settled: the whole model saved now
next=0
add() {
  local k=$1 i
  added=()
  for ((i = 0; i < k; i++)); do
    cp "$extra/${extras[next]}" "$base/add_${extras[next]}"
    added+=("$base/add_${extras[next]}")
    next=$((next + 1))
  done
}
for k in "${ADDS[@]}"; do
  times=()
  for ((r = 1; r <= RUNS; r++)); do
    add "$k"
    sleep 2.5
    l=$(load)
    t=$(timed)
    times+=("$t")
    echo "add $k, run $r: $t s (load $l)"
    rm -f "${added[@]}"
    # An older revue (REVUE=...) rebuilds the whole model on any change,
    # whatever its caches hold: nothing to bring back for it.
    if [ "$REVUE" = "$BIN/revue" ]; then
      sleep 2.5
      start
    fi
  done
  printf '%s\n' "${times[@]}" | { printf 'add %s: ' "$k"; summary; }
done
# The corpus of N again, its whole model saved: what an unchanged start reads.
sleep 2.5
start
times=()
for ((r = 1; r <= RUNS; r++)); do
  l=$(load)
  t=$(timed)
  times+=("$t")
  echo "unchanged, run $r: $t s (load $l)"
done
printf '%s\n' "${times[@]}" | { printf 'unchanged: '; summary; }

if [ "$REVUE" = "$BIN/revue" ]; then
  for k in "${ADDS[@]}"; do
    add "$k"
    echo "### build step by step after adding $k (load $(load))"
    "$BIN/examples/buildphases" "$base" --store "$XDG_CACHE_HOME/revue/articles"
    rm -f "${added[@]}"
  done
  echo "### the same corpus extracted whole, no cache (load $(load))"
  "$BIN/examples/buildphases" "$base"
fi
echo "store: $(du -sh "$XDG_CACHE_HOME/revue/articles" 2>/dev/null | cut -f1), model files: $(du -ch "$XDG_CACHE_HOME"/revue/*.model 2>/dev/null | tail -1 | cut -f1)"
