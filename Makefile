# Dealstream — the two commands of the README, plus benchmarks.
#   make serve   install what is missing, build, start the server with demo data
#   make test    install what is missing, build, run every test
#   make bench   benchmarks (DESIGN §8); writes build/bench/results.json and docs/benchmarks.md
#   make fuzz    libFuzzer + ASan/UBSan, each target FUZZ_SECONDS (60) s (fuzz/README.md)
#   make soak    long reliability run (R1–R3): 200 kill cycles, in-process and over
#                HTTP, and 32 racers × 10,000 appends; prints a summary (scripts/soak)
BUILD_DIR ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build test serve bench fuzz soak clean schemas

all: build

setup:
	@scripts/setup

configure: setup
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS); \
	fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

serve: build
	./$(BUILD_DIR)/dealstream serve --data ./data --listen 127.0.0.1:8080 --demo

bench:
	@scripts/setup --bench
	@$(MAKE) --no-print-directory build
	BUILD_DIR=$(BUILD_DIR) scripts/bench

soak: build
	BUILD_DIR=$(BUILD_DIR) scripts/soak

# A clang build of its own (sanitizers and coverage in every library), then
# each fuzz target for FUZZ_SECONDS; fails on any crash or sanitizer report.
fuzz:
	@scripts/setup --fuzz
	@if [ ! -f $(FUZZ_BUILD_DIR)/build.ninja ]; then \
	  CC=clang-19 CXX=clang++-19 cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DDEALSTREAM_FUZZ=ON; \
	fi
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target fuzzers
	FUZZ_BUILD_DIR=$(FUZZ_BUILD_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

# Regenerates schemas/ (the JSON Schema of every command and event) from the
# code; the codec's drift test fails until this has been run after a change.
schemas: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target ds_schema_gen
	./$(BUILD_DIR)/codec/ds_schema_gen schemas

clean:
	rm -rf $(BUILD_DIR)
