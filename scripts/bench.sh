#!/usr/bin/env bash
# Benchmark: jixiao collect vs its floor (examples/floor: read every cell, write the same
# outputs' cells) vs a bare calamine+rayon read vs openpyxl, on N synthetic returns.
# Usage: scripts/bench.sh [N] [RUNS]   (default N=2000, RUNS=3)
# Prints medians, ratios and peak memory; data lives under target/bench/N (regenerated only
# when missing). Not run by CI: performance is measured here, never by a timed test.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
RUNS=${2:-3}
DIR=target/bench/$N
BIN=target/release

cargo build --release --quiet --bin jixiao --example synth --example bare_read --example floor
if [ ! -d "$DIR/回收" ] || [ "$(ls "$DIR/回收" | wc -l)" -ne "$N" ]; then
  rm -rf "$DIR"
  "$BIN/examples/synth" --departments "$N" -o "$DIR"
fi

# A Python with openpyxl, in a local virtual environment.
VENV=target/bench/venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet openpyxl
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { # run a command, print its wall time in seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# Each timed run writes into a fresh folder, as a department's first run of the year does;
# the folders are removed at the end. (Removing the previous run's outputs just before a
# run makes ext4 skip the freed inodes while creating the new files: seconds of system time
# that belong to the removal, not to jixiao. The "again" line shows that case: `issue`
# replacing every template of the folder it wrote before.)
OUTS=$(mktemp -d "$DIR/runs.XXXXXX")
trap 'rm -rf "$OUTS"' EXIT
fresh() { mktemp -d "$OUTS/out.XXXXXX"; }
collect() { "$BIN/jixiao" collect --plan "$DIR/评价方案.xlsx" -o "$1" "$DIR/回收"; }
bare() { "$BIN/examples/bare_read" "$DIR/回收"; }
check() { "$BIN/jixiao" check --plan "$DIR/评价方案.xlsx" "$DIR/回收"; }
floor() { "$BIN/examples/floor" run "$DIR/回收" "$SHAPE" "$1"; }
issue() { "$BIN/jixiao" issue --plan "$DIR/评价方案.xlsx" -o "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
echo "data: $N returns, $(du -sh "$DIR/回收" | cut -f1)"
sync
# The floor writes what a collect run wrote: learn that run's shape once (not timed).
SHAPE="$OUTS/shape.tsv"
REF=$(fresh); collect "$REF" >/dev/null 2>&1; "$BIN/examples/floor" shape "$REF" "$SHAPE" >/dev/null
rm -rf "$REF"; sync
# collect and its floor alternate, so that both see the same drift of the machine.
PAIRS=$(mktemp)
for _ in $(seq "$RUNS"); do
  c=$(seconds collect "$(fresh)"); sync
  f=$(seconds floor "$(fresh)"); sync
  echo "$c $f" >>"$PAIRS"
done
t_collect=$(awk '{print $1}' "$PAIRS" | median)
t_floor=$(awk '{print $2}' "$PAIRS" | median)
r_floor=$(awk '{print $1 / $2}' "$PAIRS" | median)
rm -f "$PAIRS"
t_bare=$(for _ in $(seq "$RUNS"); do seconds bare; done | median)
t_check=$(for _ in $(seq "$RUNS"); do seconds check; done | median)
t_issue=$(for _ in $(seq "$RUNS"); do seconds issue "$(fresh)"; sync; done | median)
ISSUED=$(fresh); issue "$ISSUED" >/dev/null 2>&1; sync
t_issue_again=$(seconds issue "$ISSUED")
# One more collect for peak memory, with the phase times jixiao reports under JIXIAO_TIMINGS.
PHASES=$(mktemp)
JIXIAO_TIMINGS=1 /usr/bin/time -f "%M" "$BIN/jixiao" collect --plan "$DIR/评价方案.xlsx" \
  -o "$(fresh)" "$DIR/回收" >/dev/null 2>"$PHASES"
m_collect=$(tail -1 "$PHASES" | awk '{printf "%.0f", $1/1024}')
# openpyxl is slow: one run, over at most 400 files, scaled to N.
SAMPLE=$(( N < 400 ? N : 400 ))
t_py_sample=$(seconds "$VENV/bin/python" scripts/bench/openpyxl_read.py "$DIR/回收" "$SAMPLE")
t_py=$(echo "$t_py_sample * $N / $SAMPLE" | bc -l)

printf '%-34s %8.2f s\n' "jixiao collect (median of $RUNS)" "$t_collect"
printf '%-34s %8.2f s\n' "floor (read + same outputs)" "$t_floor"
printf '%-34s %8.2f s\n' "bare calamine+rayon read" "$t_bare"
printf '%-34s %8.2f s\n' "jixiao check" "$t_check"
printf '%-34s %8.2f s  (%d files measured, scaled)\n' "openpyxl read" "$t_py" "$SAMPLE"
printf '%-34s %8.2f s\n' "jixiao issue ($N templates)" "$t_issue"
printf '%-34s %8.2f s\n' "  again, replacing them" "$t_issue_again"
printf '%-34s %8d MB\n' "collect peak memory" "$m_collect"
echo "collect phases (elapsed since start):"
grep '耗时' "$PHASES" | sed 's/^/  /'
rm -f "$PHASES"
printf '%-34s %8.2f×  (target ≤ 1.25, median of paired runs)\n' "collect / floor" "$r_floor"
printf '%-34s %8.2f×\n' "collect / bare read" "$(echo "$t_collect / $t_bare" | bc -l)"
printf '%-34s %8.2f×  (target ≤ 1.3)\n' "check / bare read" "$(echo "$t_check / $t_bare" | bc -l)"
printf '%-34s %8.1f×\n' "openpyxl / collect" "$(echo "$t_py / $t_collect" | bc -l)"
