#!/usr/bin/env bash
# Whole-process measurements for BENCHMARKS.md, on generated corpora:
#  1. startup proxy: `revue --no-cache export --format json DIR > /dev/null` (files to
#     model to JSON) timed by hyperfine, each run under /usr/bin/time for its
#     peak resident memory (MB = 10^6 bytes, compared with the bytes of the
#     article files);
#  2. in-process phases and per-query latency, one call at a time, median
#     and p99 (examples/querytime.rs);
#  3. the reference: `fzf --filter QUERY` over the same articles, one
#     article per line, for the same queries, and the ratio revue/fzf.
#
# Usage: benches/startup.sh [SIZE...]     (default 1000 10000;
#        REVUE_BENCH_100K=1 adds 100000)
# Knobs (environment): RUNS=3 revue export runs, FZF_RUNS=3 fzf runs per
# query, QUERY_RUNS=30 calls per query in querytime, SEED=1,
# OUT=target/bench-corpus (corpora are kept there and reused).
# Needs hyperfine and fzf (`apt-get install -y hyperfine fzf`).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
FZF_RUNS=${FZF_RUNS:-3}
QUERY_RUNS=${QUERY_RUNS:-30}
SEED=${SEED:-1}
OUT=${OUT:-target/bench-corpus}
if [ $# -gt 0 ]; then
  SIZES=("$@")
else
  SIZES=(1000 10000)
  [ "${REVUE_BENCH_100K:-}" = 1 ] && SIZES+=(100000)
fi

for tool in hyperfine fzf /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "startup.sh: needs $tool (apt-get install -y hyperfine fzf time)" >&2
    exit 2
  }
done

cargo build --release --bin revue --example gencorpus --example querytime
BIN=${CARGO_TARGET_DIR:-target}/release
mkdir -p "$OUT"

echo "## Machine"
echo "nproc: $(nproc)"
lscpu | head -n 16
free -h | head -n 2
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "revue: commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (src modified)')"
else
  echo "revue: not a git checkout"
fi
echo "$(hyperfine --version), fzf $(fzf --version)"
# The machine may be shared: say how busy it was around each measurement.
load() { echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"; }

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

for n in "${SIZES[@]}"; do
  dir=$OUT/$n
  lines=$OUT/$n.lines
  if [ ! -f "$OUT/$n.done" ]; then
    rm -rf "$dir" "$lines"
    "$BIN/examples/gencorpus" --out "$dir" --articles "$n" --seed "$SEED" --lines "$lines"
    touch "$OUT/$n.done"
  fi
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  files=$(find "$dir" -type f | wc -l)
  echo
  echo "## $n articles: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text"
  load

  # 1. Startup proxy, with each run's peak RSS appended to rss-N.txt.
  rm -f "$OUT/rss-$n.txt"
  hyperfine --style basic --warmup 0 --runs "$RUNS" --export-csv "$OUT/startup-$n.csv" \
    --command-name "revue export ($n)" \
    "/usr/bin/time -f %M -a -o $OUT/rss-$n.txt $BIN/revue --no-cache --no-state export --format json $dir > /dev/null"
  sort -n "$OUT/rss-$n.txt" | awk -v b="$bytes" '
    { kb[NR] = $1 }
    END { m = kb[int((NR + 1) / 2)];
          printf "peak RSS (median of %d runs): %.1f MB = %.2f x the corpus text (max %.1f MB)\n",
                 NR, m * 1024 / 1e6, m * 1024 / b, kb[NR] * 1024 / 1e6 }'

  # 2. In-process phases and per-query latencies.
  "$BIN/examples/querytime" "$dir" --runs "$QUERY_RUNS" > "$OUT/query-$n.tsv"
  column -t -s $'\t' "$OUT/query-$n.tsv"

  # 3. fzf on the same articles for the same queries; revue/fzf per query.
  echo
  echo "| query | revue median ms | revue p99 ms | revue matches | fzf query | fzf median ms | fzf matches | revue/fzf |"
  echo "|---|---:|---:|---:|---|---:|---:|---:|"
  awk -F'\t' 'NR > 1 && $1 != "phase" && $9 != "" { print $2 "\t" $4 "\t" $5 "\t" $8 "\t" $9 }' \
    "$OUT/query-$n.tsv" |
    while IFS=$'\t' read -r q med p99 hits fq; do
      hyperfine --style none --ignore-failure --warmup 1 --runs "$FZF_RUNS" \
        --export-csv "$OUT/fzf.csv" "fzf --filter '$fq' < $lines > /dev/null" > /dev/null 2>&1
      fzf_s=$(awk -F, 'NR == 2 { print $4 }' "$OUT/fzf.csv") # median, seconds
      fzf_hits=$(fzf --filter "$fq" < "$lines" | wc -l || true)
      ratio=$(awk -v r="$med" -v f="$fzf_s" 'BEGIN { printf "%.4f", r / (f * 1000) }')
      echo "| \`$q\` | $med | $p99 | $hits | \`$fq\` | $(ms "$fzf_s") | $fzf_hits | $ratio |"
    done
  rm -f "$OUT/fzf.csv"
  load
done
