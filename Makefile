# EcoGraph: `make run` (full job on the bundled graph) and `make test` (all tests) on a fresh Debian machine.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
OUT ?= out
BIN := .build/release/ecograph

.PHONY: run test deps browser-deps build clean docs examples fuzz fuzz-build fuzz-replay

## Installs what is missing: Graphviz's C library and headers (and pkg-config to find them), the fonts
## that draw Chinese labels and the kind glyphs in PNG and PDF output, and Node.js and Python's tinycss2
## (Debian's nodejs and python3-tinycss2), which `make test` uses to parse the report's script and stylesheet.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc; then \
		echo "installing libgraphviz-dev (Graphviz's C library) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libgraphviz-dev >&2; \
	fi
	@if ! dpkg -s fonts-noto-cjk fonts-noto-color-emoji >/dev/null 2>&1; then \
		echo "installing fonts-noto-cjk fonts-noto-color-emoji (labels and glyphs in PNG/PDF) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-noto-cjk fonts-noto-color-emoji >&2; \
	fi
	@if ! command -v node >/dev/null 2>&1; then \
		echo "installing nodejs (Tests/Syntax/check_assets.sh: node --check of the report's script) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs >&2; \
	fi
	@if ! python3 -c 'import tinycss2' >/dev/null 2>&1 && ! /usr/bin/python3 -c 'import tinycss2' >/dev/null 2>&1; then \
		echo "installing python3-tinycss2 (Tests/Syntax/check_assets.sh: CSS parse of the report's stylesheet) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-tinycss2 >&2; \
	fi

## Installs Chromium, for the headless-browser check of the HTML report.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "installing chromium (headless browser check of the HTML report) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >&2; \
	fi

## Builds in release mode and runs the main job on the bundled graph: validation, statistics, centrality,
## chokepoints, the what-if scenarios and a robustness curve.
run: deps browser-deps
	$(SWIFT) build -c release --product ecograph
	$(BIN) validate
	$(BIN) stats
	$(BIN) centrality --all --top 20
	$(BIN) chokepoints --top 15
	$(BIN) chokepoints --consumers global-south --model cascade --top 10
	$(BIN) whatif --scenario Graphs/scenarios.yaml --consumers global-south --model cascade
	mkdir -p $(OUT)
	$(BIN) render -o $(OUT)/ecosystem.svg --size-by pagerank
	$(BIN) robustness --order impact --steps 23 --chart $(OUT)/robustness.svg
	$(BIN) report -o $(OUT)/report.html --scenario Graphs/scenarios.yaml
	$$(command -v chromium || command -v chromium-browser) --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir=$(CURDIR)/$(OUT)/.chromium --virtual-time-budget=5000 --window-size=1400,1000 \
		--screenshot=$(CURDIR)/$(OUT)/report.png file://$(CURDIR)/$(OUT)/report.html 2>/dev/null
	@echo "wrote $(OUT)/ecosystem.svg, $(OUT)/robustness.svg, $(OUT)/report.html and its screenshot $(OUT)/report.png" >&2

## Builds everything (library, CLI, tests, examples, the benchmark harness), runs every test and example, then
## checks the report's script and stylesheet and opens the report in
## headless Chromium.
test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	Fuzz/run-regressions.sh .build/debug/ecograph
	$(MAKE) fuzz-replay
	$(MAKE) examples
	$(SWIFT) build --package-path Benchmarks --scratch-path .build-bench
	Tests/Syntax/check_assets.sh
	Tests/Browser/check_report.sh .build/debug/ecograph $(OUT)/browser-check

## Builds the example programs (a nested package with its own build folder) and runs each; checks that the
## analysis-only one links no Graphviz.
examples: deps
	$(SWIFT) build --package-path Examples --scratch-path .build-examples
	mkdir -p $(OUT)
	.build-examples/debug/RankInCode
	@# RankInCode imports EcoGraphAnalysis alone: its binary must need no Graphviz library.
	@if readelf -d .build-examples/debug/RankInCode | grep -E 'NEEDED.*lib(gvc|cgraph|cdt|pathplan)\.'; then \
		echo "FAIL - RankInCode (import EcoGraphAnalysis) links Graphviz" >&2; exit 1; \
	else echo "ok - RankInCode (import EcoGraphAnalysis) links no Graphviz library" >&2; fi
	.build-examples/debug/ExportControlImpact $(OUT)/export-controls.svg
	.build-examples/debug/SoftwareChokepoints
	.build-examples/debug/GettingStarted

## Builds the API documentation (DocC) of the analysis library, EcoGraphAnalysis; fails on any warning.
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --target EcoGraphAnalysis --warnings-as-errors

## Fuzzes every reader with libFuzzer (FUZZING.md): builds the harnesses of the nested package Fuzz/ with
## -sanitize=fuzzer,address into .build-fuzz, then runs each for FUZZ_SECONDS, seeded with Tests/Fixtures and
## Fuzz/corpus/READER. Findings land in .build-fuzz/findings/READER; exit status 1 when there are any.
FUZZ_SECONDS ?= 120
FUZZ_READERS ?= ecosystem-yaml ecosystem-json scenario theme edgelist csv graphml dot
fuzz: fuzz-build
	Fuzz/run-fuzzers.sh $(FUZZ_SECONDS) $(FUZZ_READERS)

fuzz-build: deps
	$(SWIFT) build -c debug --package-path Fuzz --scratch-path .build-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

## Runs every harness once over its committed corpus and regression files (no new inputs): the harnesses build
## and run, and no committed input crashes a reader under AddressSanitizer. Part of `make test`.
fuzz-replay: fuzz-build
	@for reader in $(FUZZ_READERS); do \
		inputs="Fuzz/corpus/$$reader"; [ -d "Fuzz/regressions/$$reader" ] && inputs="$$inputs Fuzz/regressions/$$reader"; \
		SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan-suppressions.txt \
			.build-fuzz/debug/fuzz-$$reader -runs=0 -timeout=10 -rss_limit_mb=2048 $$inputs > .build-fuzz/replay-$$reader.log 2>&1 \
			|| { echo "FAIL - fuzz-$$reader on its corpus (.build-fuzz/replay-$$reader.log)" >&2; tail -20 .build-fuzz/replay-$$reader.log >&2; exit 1; }; \
		echo "ok - fuzz-$$reader replays $$(cat $$inputs/* 2>/dev/null | wc -c | tr -d ' ') bytes of corpus without a finding" >&2; \
	done

build: deps
	$(SWIFT) build -c release --product ecograph

clean:
	rm -rf .build $(OUT)
