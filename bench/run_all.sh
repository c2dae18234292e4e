#!/usr/bin/env bash
# Runs every benchmark of bench/ against the build folder given as $1.
# The corpus benchmarks need ../shared/data/perf beside the checkout; without
# it they are skipped with a notice.
set -euo pipefail
build=${1:-build}
perf="$(dirname "$0")/../../shared/data/perf/articles.jsonl.zst"
echo "== clean_benchmark (Google Benchmark, generated articles)"
"$build/bench/clean_benchmark" --benchmark_min_time=0.5
echo "== text_benchmark (Google Benchmark, generated English and German text)"
"$build/bench/text_benchmark" --benchmark_min_time=0.3
if [ -f "$perf" ]; then
  echo "== clean_corpus (perf corpus)"
  "$build/bench/clean_corpus" "$perf"
  echo "== ingest_corpus (perf corpus, read and decompress, 2 runs)"
  "$build/bench/ingest_corpus" "$perf"
else
  echo "== clean_corpus, ingest_corpus: skipped (no $perf)"
fi
