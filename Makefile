# Dealstream — the two commands of the README, plus benchmarks.
#   make serve   install what is missing, build, start the server with demo data
#   make test    install what is missing, build, run every test, then the unit
#                tests once more under ASan/UBSan (make test-asan, build/asan)
#   make test-asan  only that sanitizer run
#   make bench   benchmarks (DESIGN §8); writes build/bench/results.json and docs/benchmarks.md
#   make fuzz    libFuzzer + ASan/UBSan, each target FUZZ_SECONDS (60) s (fuzz/README.md)
#   make soak    long reliability run (R1–R3): 200 kill cycles, in-process and over
#                HTTP, and 32 racers × 10,000 appends; prints a summary (scripts/soak)
BUILD_DIR ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

# The unit-test binaries (no broker, browser or server process) that `make
# test-asan` builds and runs with AddressSanitizer and UndefinedBehaviorSanitizer
# in a build directory of their own; ctest selects them by label (each test
# carries its binary's name, tests/CMakeLists.txt).
ASAN_BUILD_DIR ?= $(BUILD_DIR)/asan
ASAN_TESTS ?= base_test codec_test domain_test commands_test eventstore_test \
  projections_framework_test projections_read_models_test projections_property_test \
  projections_read_models_e2e_test projections_business_models_test projections_insight_test \
  projections_insight_property_test replay_test
# Any report ends the test process with a failure; leaks are reports too.
SANITIZER_ENV = ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
empty :=
space := $(empty) $(empty)

FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build test test-asan serve bench fuzz soak clean schemas

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
	@$(MAKE) --no-print-directory test-asan

# gcc's sanitizers in every library of this build (-DDEALSTREAM_SANITIZE=ON),
# only the ASAN_TESTS binaries built and run.
test-asan: setup
	@if [ ! -f $(ASAN_BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(ASAN_BUILD_DIR) -G Ninja -DDEALSTREAM_SANITIZE=ON $(CMAKE_FLAGS); \
	fi
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS) --target $(ASAN_TESTS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS) \
	  -L '^($(subst $(space),|,$(strip $(ASAN_TESTS))))$$'

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
