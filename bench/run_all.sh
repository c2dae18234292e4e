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
echo "== html_benchmark (Google Benchmark, HTML parsing of extraction-dev pages and a generated page)"
"$build/bench/html_benchmark" --benchmark_min_time=0.5
echo "== extract_benchmark (Google Benchmark, generated page and extraction-dev pages)"
"$build/bench/extract_benchmark" --benchmark_min_time=0.5
dev="$(dirname "$0")/../../shared/data/extraction-dev"
if [ -d "$dev" ]; then
  echo "== extract_corpus (extraction-dev pages, HTML to article, 1 thread)"
  "$build/bench/extract_corpus" "$dev"
  echo "== extraction_eval (extraction-dev and fundus-dev quality)"
  "$build/bench/extraction_eval"
else
  echo "== extract_corpus, extraction_eval: skipped (no $dev)"
fi
if [ -f "$perf" ]; then
  echo "== clean_corpus (perf corpus)"
  "$build/bench/clean_corpus" "$perf"
  echo "== ingest_corpus (perf corpus, read and decompress, 2 runs)"
  "$build/bench/ingest_corpus" "$perf"
else
  echo "== clean_corpus, ingest_corpus: skipped (no $perf)"
fi
if [ -f "$perf" ]; then
  echo "== stories_corpus (perf corpus, story clustering, 1 thread and all cores)"
  "$build/bench/stories_corpus" "$perf"
  echo "== analyze_corpus (perf corpus, 5,000 documents: load, analysis by stage, report; 1 thread and all cores)"
  "$build/bench/analyze_corpus" "$perf" 5000
  echo "== ingest_store (perf corpus, 5,000 documents into a new database in batches of 500; reopen; again)"
  "$build/bench/ingest_store" "$perf" 5000
  echo "== api_latency (perf corpus, 5,000 documents ingested, GET /api/stories/{id} over loopback; run it with LIMIT 0 for the whole corpus)"
  "$build/bench/api_latency" "$perf" 5000
fi
echo "== stories_eval (roundups-dev story clustering quality)"
"$build/bench/stories_eval" || echo "stories_eval: skipped (no roundups-dev)"
echo "== dedup_benchmark (perf corpus: shingles, MinHash/SimHash signatures, LSH, FindCopies)"
"$build/bench/dedup_benchmark" --benchmark_min_time=0.5
