# EcoGraph: `make run` (full job on the bundled graph) and `make test` (all tests) on a fresh Debian machine.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
OUT ?= out
BIN := .build/release/ecograph

.PHONY: run test deps build clean

## Installs what is missing: Graphviz's C library and headers (and pkg-config to find them).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc; then \
		echo "installing libgraphviz-dev (Graphviz's C library) ..." >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libgraphviz-dev >&2; \
	fi

## Builds in release mode and runs the main job on the bundled graph: validation, statistics, centrality,
## chokepoints and the what-if scenarios.
run: deps
	$(SWIFT) build -c release --product ecograph
	$(BIN) validate
	$(BIN) stats
	$(BIN) centrality --all --top 20
	$(BIN) chokepoints --top 15
	$(BIN) chokepoints --consumers global-south --model cascade --top 10
	$(BIN) whatif --scenario Graphs/scenarios.yaml --consumers global-south --model cascade

## Builds everything (library, CLI, tests) and runs every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build -c release --product ecograph

clean:
	rm -rf .build $(OUT)
