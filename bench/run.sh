#!/usr/bin/env bash
# Issue 7 side by side: `flowpol generate` (the whole process, started by ./flowpol) and flowpol's
# full pipeline vs DuckDB's bare aggregation over the same page-cached v2 flow-log file, with
# `cat FILE > /dev/null` and `wc -l` as the page-cache baseline. Prints one Markdown table.
#
# Usage: bench/run.sh [--records "5000000 50000000"] [--threads 2] [--xmx 512m]
# Generated input is kept in .flowpol/bench/<records>/ and reused by later runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sizes="5000000 50000000"
threads=2
xmx=512m
while [ $# -gt 0 ]; do
  case "$1" in
    --records) sizes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--records \"N ...\"] [--threads 1|2] [--xmx 512m]" >&2; exit 2 ;;
  esac
done

echo "bench: building the CLI jar and the DuckDB baseline (mvn package)..." >&2
mvn -B -q -DskipTests package >&2
jar="$root/cli/target/flowpol-all.jar"
# The launcher writes its class-data archive for the new jar now, not inside the timed generate.
"$root/flowpol" --version > /dev/null
duck_cp="$root/bench/target/classes:$root/bench/target/lib/*"

# Wall seconds and peak RSS (MB) of one command, from GNU time -v: `measure PREFIX OUT CMD...`
# sends the command's stdout to OUT (/dev/null when nothing is parsed from it: `cat` must not
# write a copy of the file), its stderr to PREFIX.err and the report to PREFIX.time. Prints
# "failed" instead of the seconds when the command exits non-zero.
measure() {
  local prefix="$1" out="$2"; shift 2
  /usr/bin/time -v -o "$prefix.time" "$@" > "$out" 2> "$prefix.err" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$prefix.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$prefix.time")
  if ! grep -q '^[[:space:]]*Exit status: 0$' "$prefix.time"; then
    echo "bench: failed: $* (see $prefix.err)" >&2
    wall=failed
  fi
  echo "$wall $rss"
}

rows=()
for n in $sizes; do
  dir="$root/.flowpol/bench/$n"
  file="$dir/flowlogs-v2.log"
  if [ ! -f "$file" ]; then
    # About 110 bytes per v2 record plain, plus the generator's gzip files (v2 and v5) and headroom.
    need=$(( n * 140 / 1000000 ))
    avail=$(df -Pm "$root" | awk 'NR == 2 {print $4}')
    if [ "$avail" -lt "$need" ]; then
      echo "bench: skipping $n records: needs ~${need} MB, $avail MB free on $(df -P "$root" | awk 'NR == 2 {print $6}')" >&2
      continue
    fi
    echo "bench: generating $n records into $dir (once)..." >&2
    java -Xmx1g -cp "$jar" io.flowpol.cli.BenchCommand --records "$n" --dir "$dir" --prepare-only >&2
  fi
  mb=$(( $(stat -c %s "$file") / 1000000 ))
  cat "$file" > /dev/null                                   # warm the page cache
  read -r cat_s _ < <(measure "$dir/cat" /dev/null cat "$file")
  read -r wc_s _ < <(measure "$dir/wc" /dev/null wc -l "$file")
  # What issue 7 names: the real `generate` process, through the launcher users run (CDS archive
  # included), with the same heap as the bench column; its output goes to a temporary directory.
  out=$(mktemp -d "${TMPDIR:-/tmp}/flowpol-bench.XXXXXX")
  read -r gen_s gen_rss < <(FLOWPOL_JAVA_OPTS="-Xmx$xmx" measure "$dir/generate" "$dir/generate.out" \
      "$root/flowpol" generate --flow-logs "$file" --cluster "$dir/recording.jsonl" --out "$out/policies")
  rm -rf "$out"
  read -r fp_s fp_rss < <(measure "$dir/flowpol" "$dir/flowpol.out" java "-Xmx$xmx" -cp "$jar" \
      io.flowpol.cli.BenchCommand --file "$file" --threads "$threads" --stages full)
  fp_stage=$(awk -F'|' '/\| full pipeline \|/ {gsub(/ /, "", $6); print $6}' "$dir/flowpol.out")
  read -r dk_s dk_rss < <(measure "$dir/duckdb" "$dir/duckdb.out" java -cp "$duck_cp" \
      io.flowpol.bench.DuckDbAggregation "$file")
  dk_query=$(sed -n 's/.* records in \([0-9.]*\) s$/\1/p' "$dir/duckdb.out")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rows+=("| $n | $mb | $cat_s | $wc_s | $gen_s | $gen_rss | $fp_s ($fp_stage) | $fp_rss | $dk_s ($dk_query) | $dk_rss | $load |")
  cat "$dir/generate.out" "$dir/flowpol.out" "$dir/duckdb.out" >&2
done

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM; generate via ./flowpol with FLOWPOL_JAVA_OPTS=-Xmx$xmx (parses on 2 threads, always); bench -Xmx$xmx --threads $threads; DuckDB default threads."
echo
echo "| records | file MB | cat s | wc -l s | generate s | generate peak RSS MB | bench s (pipeline) | bench peak RSS MB | DuckDB s (query) | DuckDB peak RSS MB | load avg 1/5/15 min |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for row in "${rows[@]}"; do
  echo "$row"
done
