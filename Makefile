# The two commands of the README, and the developer targets behind them.
#   make demo   install what is missing, build, run the main job on examples/
#   make test   install what is missing, build with ASan+UBSan, run every test
.PHONY: demo test deps build build-asan fuzz bench clean

JOBS ?= $(shell nproc)
CORPUS ?= $(abspath $(CURDIR)/../shared/corpus)
FUZZ_SECONDS ?= 60
HILLCOACH := build/release/src/app/hillcoach

deps:
	./scripts/install-deps
	./scripts/install-node-deps

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

demo: build
	./scripts/demo $(HILLCOACH)

build-asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)

# Corpus tests read ../shared/corpus where it exists; elsewhere they skip visibly (and fail under CI=true).
test: build-asan
	@if [ -d "$(CORPUS)" ]; then export HILLCOACH_CORPUS="$(CORPUS)"; \
	  else echo "note: $(CORPUS) not found: corpus tests will skip"; fi; \
	  ctest --preset asan -j $(JOBS)

# Real fuzzing with libFuzzer (clang-14): each target for FUZZ_SECONDS, starting from its kept corpus.
fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	./scripts/run-fuzzers build/fuzz/fuzz $(FUZZ_SECONDS)

bench: build
	./bench/run.sh

clean:
	rm -rf build
