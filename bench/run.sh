#!/usr/bin/env bash
# Issue 7 side by side: `flowpol generate` (the whole process, started by ./flowpol) and flowpol's
# full pipeline vs DuckDB's bare aggregation over the same page-cached v2 flow-log file, with
# `cat FILE > /dev/null` and `wc -l` as the page-cache baseline. Prints one Markdown table.
# Issue 13 adds the layouts flow logs really come in, from the samples generator, each against
# DuckDB's same GROUP BY over the same files (second table):
#   per-eni-custom   one file per ENI (as CloudWatch streams and their exports are), the 23-field
#                    custom format with pkt-* fields, plus the recording
#   per-eni-v2       the same traffic in the default v2 format (the two-ENI join)
#   high-cardinality the S3 layout, v2, a public service with --clients distinct internet clients
#                    (client IP preserved): millions of distinct address pairs
#   per-eni-custom-long  per-eni-custom's files, each its window's records --copies times over, copy k
#                    shifted k windows later in log time (10 copies: 50 M records, 30 h): the same
#                    traffic rate ten times as long, for item 3 (heap flat from 5 M to 50 M records).
#                    Only the flow records are repeated, not the recording: pods replaced during the
#                    first window appear as bare addresses in the later copies.
# Each layout's row also has generate's heap: the most the heap held after a collection (-Xlog:gc).
#
# Usage: bench/run.sh [--records "5000000 50000000"] [--threads 2] [--xmx 512m]
#                     [--layouts "single per-eni-custom per-eni-v2 high-cardinality"]
#                     [--window 3h] [--density 8000] [--clients 1500000] [--copies 10] [--reps 3]
# --records "" skips the single-file case. Generated input is kept in .flowpol/bench/ and reused.
# The layouts run `generate` with the launcher's defaults (no -Xmx), as a user runs it; the
# times are medians of --reps runs alternating flowpol and DuckDB, with user+system CPU seconds
# beside the wall time (on a shared machine, CPU seconds are what compares).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sizes="5000000 50000000"
threads=2
xmx=512m
layouts="single per-eni-custom per-eni-v2 high-cardinality per-eni-custom-long"
window=3h
density=8000
clients=1500000
copies=10
reps=3
usage="usage: bench/run.sh [--records \"N ...\"] [--threads 1|2] [--xmx 512m] [--layouts \"L ...\"] [--window 3h] [--density 8000] [--clients N] [--copies N] [--reps N]"
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
  case "$1" in
    --records) sizes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --layouts) layouts="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --density) density="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
case "$copies" in
  ''|*[!0-9]*|0) echo "bench: --copies: expected a whole number of at least 1, found '$copies'" >&2; exit 2 ;;
esac
case " $layouts " in *" single "*) ;; *) sizes="" ;; esac

echo "bench: building the CLI jar and the bench jar (mvn package)..." >&2
rm -rf "$root/bench/target/lib"                            # no jar of an older version beside the new one
mvn -B -q -DskipTests package >&2
# The bench command, the samples generator and the DuckDB baseline, with their classpath in
# bench/target/lib (issue 17: none of them is in the user's jar, cli/target/flowpol-all.jar).
bench_jar="$root/bench/target/flowpol-bench.jar"
# The launcher writes its class-data archive for the new jar now, not inside the timed generate.
"$root/flowpol" --version > /dev/null

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

# CPU seconds (user + system) of the last `measure PREFIX ...`.
cpu_of() {
  awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1.time"
}

# The median of the numbers given (the lower middle one for an even count); "failed" wins.
median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} /failed/ {f = 1} END {print f ? "failed" : v[int((NR + 1) / 2)]}'
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
    java -Xmx1g -jar "$bench_jar" --records "$n" --dir "$dir" --prepare-only >&2
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
  read -r fp_s fp_rss < <(measure "$dir/flowpol" "$dir/flowpol.out" java "-Xmx$xmx" -jar "$bench_jar" \
      --file "$file" --threads "$threads" --stages full)
  fp_stage=$(awk -F'|' '/\| full pipeline \|/ {gsub(/ /, "", $6); print $6}' "$dir/flowpol.out")
  read -r dk_s dk_rss < <(measure "$dir/duckdb" "$dir/duckdb.out" java -cp "$bench_jar" \
      io.flowpol.bench.DuckDbAggregation "$file")
  dk_query=$(sed -n 's/.* records in \([0-9.]*\) s$/\1/p' "$dir/duckdb.out")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rows+=("| $n | $mb | $cat_s | $wc_s | $gen_s | $gen_rss | $fp_s ($fp_stage) | $fp_rss | $dk_s ($dk_query) | $dk_rss | $load |")
  cat "$dir/generate.out" "$dir/flowpol.out" "$dir/duckdb.out" >&2
done


# Seconds in a --window value as the samples generator takes it: 90m, 3h, 1d.
window_seconds() {
  case "$1" in
    *m) echo $(( ${1%m} * 60 )) ;;
    *h) echo $(( ${1%h} * 3600 )) ;;
    *d) echo $(( ${1%d} * 86400 )) ;;
    *) echo "bench: --window: expected 90m, 3h or 1d, found $1" >&2; exit 2 ;;
  esac
}

# `repeat_in_time IN OUT SECONDS COPIES`: each file of IN written to OUT COPIES times over, copy k
# with start and end (fields 11 and 12 of both v2 and the custom format) k*SECONDS later, so a
# file stays in time order. Written to OUT.tmp and renamed, so a stopped run leaves no half input.
repeat_in_time() {
  local in="$1" out="$2" shift_s="$3" n="$4" need avail f k
  need=$(( $(du -sm "$in" | cut -f1) * n ))
  avail=$(df -Pm "$root" | awk 'NR == 2 {print $4}')
  if [ "$avail" -lt "$need" ]; then
    echo "bench: per-eni-custom-long needs ~${need} MB, $avail MB free; try --copies 2" >&2
    exit 1
  fi
  echo "bench: writing $n copies of $in one window apart into $out (once, ~${need} MB)..." >&2
  rm -rf "$out.tmp"
  mkdir -p "$out.tmp"
  for f in "$in"/*; do
    for ((k = 0; k < n; k++)); do
      awk -v off=$(( k * shift_s )) '$11 ~ /^[0-9]+$/ && $12 ~ /^[0-9]+$/ {$11 += off; $12 += off} {print}' "$f"
    done > "$out.tmp/${f##*/}"
  done
  mv "$out.tmp" "$out"
}

# The most the heap held after a collection, in MB, from a -Xlog:gc file ("-" without one).
heap_after_gc() {
  sed -n 's/.*Pause.* [0-9]*M->\([0-9]*\)M(.*/\1/p' "$1" 2>/dev/null | sort -n | tail -1 | grep . || echo -
}

# Issue 13's layouts: generated once per size into .flowpol/bench/, then `generate` (launcher
# defaults) and DuckDB alternating, --reps times each.
layout_rows=()
gen() { java -Xmx2g -cp "$bench_jar" "$@" >&2; }
for layout in $layouts; do
  [ "$layout" != single ] || continue
  fmt_args=()
  # Issue 13's DuckDB groups by server port (the lower port), not by dstport (issue 7's query).
  duck_args=(--server-port)
  case "$layout" in
    per-eni-custom|per-eni-v2|per-eni-custom-long)
      scen="$root/.flowpol/bench/scenario-$window-$density"
      if [ ! -f "$scen/recording.jsonl" ]; then
        echo "bench: generating a $window scenario at density $density into $scen (once)..." >&2
        rm -rf "$scen"
        gen io.flowpol.samples.ScenarioGenerator --out "$scen" --seed 11 --window "$window" --density "$density" \
            --enis-per-node 3 --extra-workloads 60
      fi
      f=v2; [ "$layout" != per-eni-v2 ] && f=v5
      input="$scen/per/$f"
      if [ ! -d "$input" ]; then
        gen io.flowpol.samples.PerEniExport --in "$scen/flowlogs/$f" --out "$input.tmp" && mv "$input.tmp" "$input"
      fi
      if [ "$layout" = per-eni-custom-long ]; then
        long="$input-x$copies"
        [ -d "$long" ] || repeat_in_time "$input" "$long" "$(window_seconds "$window")" "$copies"
        input="$long"
      fi
      recording="$scen/recording.jsonl"
      glob="$input/*.log"
      duck_args+=(--no-header)
      if [ "$f" = v5 ]; then
        format="$(cat "$scen/format-v5.txt")"
        fmt_args=(--flow-log-format "$format")
        duck_args+=(--format "$format")
      fi ;;
    high-cardinality)
      scen="$root/.flowpol/bench/clients-$clients"
      if [ ! -f "$scen/recording.jsonl" ]; then
        # 1.5 connections per client must fit in 90 % of the density (InternetClientTraffic).
        d=$(( clients * 3 / 2 / 60 * 10 / 9 + 2000 ))
        echo "bench: generating 1 h with $clients internet clients (density $d) into $scen (once)..." >&2
        rm -rf "$scen"
        gen io.flowpol.samples.ScenarioGenerator --out "$scen" --seed 11 --window 1h --density "$d" \
            --internet-clients "$clients"
      fi
      input="$scen/flowlogs/v2"
      recording="$scen/recording.jsonl"
      glob="$input/**/*.log.gz" ;;
    *) echo "bench: unknown layout $layout ($usage)" >&2; exit 2 ;;
  esac
  files=$(find "$input" -type f | wc -l)
  find "$input" -type f -exec cat {} + > /dev/null            # warm the page cache
  gw=(); gc=(); gr=(); gh=(); dw=(); dc=(); dr=()
  for ((r = 1; r <= reps; r++)); do
    out=$(mktemp -d "${TMPDIR:-/tmp}/flowpol-bench.XXXXXX")
    read -r w m < <(FLOWPOL_JAVA_OPTS="${FLOWPOL_JAVA_OPTS:-} -Xlog:gc:file=$out/gc.log" \
        measure "$scen/$layout-generate" "$scen/$layout-generate.out" "$root/flowpol" generate --flow-logs "$input" --cluster "$recording" --out "$out/policies" ${fmt_args[@]+"${fmt_args[@]}"})
    gw+=("$w"); gr+=("$m"); gc+=("$(cpu_of "$scen/$layout-generate")"); gh+=("$(heap_after_gc "$out/gc.log")")
    rm -rf "$out"
    read -r w m < <(measure "$scen/$layout-duckdb" "$scen/$layout-duckdb.out" java -cp "$bench_jar" \
        io.flowpol.bench.DuckDbAggregation "$glob" "$threads" ${duck_args[@]+"${duck_args[@]}"})
    dw+=("$w"); dr+=("$m"); dc+=("$(cpu_of "$scen/$layout-duckdb")")
  done
  records=$(sed -n 's/.* groups, \([0-9]*\) records in .*/\1/p' "$scen/$layout-duckdb.out")
  g_w=$(median "${gw[@]}"); d_w=$(median "${dw[@]}"); g_c=$(median "${gc[@]}"); d_c=$(median "${dc[@]}")
  ratio=$(awk -v g="$g_w" -v d="$d_w" 'BEGIN {if (g + 0 > 0 && d + 0 > 0) printf "%.2f", g / d; else print "-"}')
  cratio=$(awk -v g="$g_c" -v d="$d_c" 'BEGIN {if (g + 0 > 0 && d + 0 > 0) printf "%.2f", g / d; else print "-"}')
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  layout_rows+=("| $layout | $records | $files | $g_w | $g_c | $(median "${gr[@]}") | $(median "${gh[@]}") | $d_w | $d_c | $(median "${dr[@]}") | $ratio | $cratio | $load |")
  cat "$scen/$layout-generate.out" "$scen/$layout-duckdb.out" >&2
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM; generate via ./flowpol with FLOWPOL_JAVA_OPTS=-Xmx$xmx (parses on 2 threads, always); bench -Xmx$xmx --threads $threads; DuckDB default threads."
echo
echo "| records | file MB | cat s | wc -l s | generate s | generate peak RSS MB | bench s (pipeline) | bench peak RSS MB | DuckDB s (query) | DuckDB peak RSS MB | load avg 1/5/15 min |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for row in "${rows[@]}"; do
  echo "$row"
done
if [ ${#layout_rows[@]} -gt 0 ]; then
  echo
  echo "Issue 13 layouts: generate through ./flowpol with the launcher's defaults; DuckDB with $threads threads; medians of $reps alternating runs."
  echo
  echo "| layout | records | files | generate s | generate CPU s | generate peak RSS MB | generate heap after GC MB | DuckDB s | DuckDB CPU s | DuckDB peak RSS MB | wall ratio | CPU ratio | load avg 1/5/15 min |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for row in "${layout_rows[@]}"; do
    echo "$row"
  done
fi
