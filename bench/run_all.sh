#!/usr/bin/env bash
# Runs every benchmark of bench/ against the build folder given as $1.
set -euo pipefail
build=${1:-build}
echo "== clean_benchmark (Google Benchmark, generated articles)"
"$build/bench/clean_benchmark" --benchmark_min_time=0.5
echo "== clean_corpus (perf corpus)"
"$build/bench/clean_corpus"
echo "== text_benchmark (Google Benchmark, generated English and German text)"
"$build/bench/text_benchmark" --benchmark_min_time=0.3
echo "== ingest_corpus (perf corpus, read and decompress, 2 runs)"
"$build/bench/ingest_corpus"
