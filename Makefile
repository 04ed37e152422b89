# Thin verbs over CMake. `make demo` and `make check` set up their own dependencies.
BUILD      ?= build
ASAN_BUILD ?= build-asan
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
SCENARIO   ?= scenarios/g7-kananaskis-2025.yaml

.PHONY: memory all setup setup-build demo check test asan fuzz bench backtest validate install clean man

all: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Build and test dependencies (setup), or only what building and installing needs.
setup:
	@sh scripts/setup-deps.sh
setup-build:
	@sh scripts/setup-deps.sh build

demo: all
	./$(BUILD)/concert run $(SCENARIO)
	./$(BUILD)/concert report $(SCENARIO) --runs 1000 -o $(BUILD)/kananaskis-report.html
	@echo "demo: report written to $(BUILD)/kananaskis-report.html"
	@sh scripts/screenshots.sh ./$(BUILD)/concert $(BUILD)

# All tests under AddressSanitizer + UndefinedBehaviorSanitizer, then the one check a
# sanitizer build cannot make (its address space is unbounded): the memory budget of
# docs/limits.md against the release tool.
check: asan memory

memory: all
	sh tests/memory-check.sh ./$(BUILD)/concert .

asan: setup
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCONCERT_SANITIZE=ON -DCONCERT_TESTS=ON \
	  -DCONCERT_WERROR=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Plain (optimised) build and tests, warnings as errors.
test: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCONCERT_TESTS=ON -DCONCERT_WERROR=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

fuzz: setup
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCONCERT_FUZZ=ON -DCONCERT_TESTS=OFF >/dev/null
	cmake --build build-fuzz -j $(JOBS)

bench: all
	sh bench/run.sh $(BUILD)

# The backtest of the summit record (docs/backtest.md) into docs/backtest-results.md.
backtest: all
	sh scripts/backtest.sh $(BUILD)

# Every model against the DEU decisions, cross-validated over proposals
# (docs/validation.md), into docs/validation-results.md.
validate: all
	sh scripts/validate.sh $(BUILD)

# Builds no tests and needs no test tools (Check, python3, g++): the library, the tool, the
# man page, the Python package's files, the data.
install: setup-build
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) \
	  -DCONCERT_TESTS=OFF >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
