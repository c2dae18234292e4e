# rashomon: `make run` and `make test` are the two set-up commands.
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
OUT ?= rashomon-out
RSH := $(BUILD)/apps/rashomon

.PHONY: deps build run test test-release test-asan bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > $(BUILD).configure.log 2>&1 || (cat $(BUILD).configure.log; exit 1)
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p $(OUT)
	@$(RSH) clean examples/ --json --out $(OUT)/clean.jsonl
	@$(RSH) clean examples/ > $(OUT)/clean.txt
	@echo "rashomon: cleaned text in $(OUT)/clean.txt, with the audit trail in $(OUT)/clean.jsonl"
	@$(RSH) extract examples/html examples/archive.warc.gz --json --out $(OUT)/extract.jsonl
	@$(RSH) extract examples/html examples/archive.warc.gz > $(OUT)/extract.txt
	@echo "rashomon: articles of the HTML and WARC examples in $(OUT)/extract.txt, with metadata and audit trail in $(OUT)/extract.jsonl"
	@$(RSH) dedup examples/ --json > $(OUT)/dedup.json
	@$(RSH) stories examples/ --json > $(OUT)/stories.json
	@$(RSH) stories examples/ > $(OUT)/stories.txt 2>/dev/null
	@echo "rashomon: copy groups in $(OUT)/dedup.json; stories in $(OUT)/stories.txt and $(OUT)/stories.json"
	@rm -f $(OUT)/rashomon.db $(OUT)/rashomon.db-wal $(OUT)/rashomon.db-shm
	@$(RSH) analyze examples/ --out $(OUT)/report --db $(OUT)/rashomon.db
	@echo "rashomon: the cross-checked report of examples/: $(OUT)/report/report.html (also report.md and report.json)"
	@echo "rashomon: to explore the stories in a browser, run"
	@echo "    $(RSH) serve --db $(OUT)/rashomon.db"
	@echo "  and open http://127.0.0.1:8080/"

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRSH_SANITIZE=ON \
	  -DRSH_BUILD_BENCHMARKS=OFF > $(ASAN_BUILD).configure.log 2>&1 || (cat $(ASAN_BUILD).configure.log; exit 1)
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 600

test: test-release test-asan

bench: build
	@bash bench/run_all.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(OUT) $(BUILD).configure.log $(ASAN_BUILD).configure.log
