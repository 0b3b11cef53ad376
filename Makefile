# The two entry points of README.md.  Everything else is CMake.
# The build goes where the CMake preset puts it (CMakePresets.json).
PRESET ?= default
BUILD  := $(if $(filter default,$(PRESET)),build,build-$(PRESET))
JOBS   ?= $(shell nproc)

.PHONY: deps build demo test tidy fuzz test-aarch64 test-i386 install clean

deps:
	scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

# Builds xtrace alone (not the tests) and traces a real program.
demo: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS) --target xtrace
	$(BUILD)/xtrace -c ls /usr

# Builds everything and runs every test; with the default preset, then
# again with AddressSanitizer and UndefinedBehaviorSanitizer on xtrace and
# its unit tests (build-sanitize/).  bench_smoke is left out there: it
# preloads a library into the tracer, which ASan's runtime refuses.
# After each run, the tests that skipped and why (.ci/run makes a skipped
# comparison with strace fail instead).
test: build
	ctest --preset $(PRESET) -j $(JOBS); status=$$?; scripts/skipped_tests.py $(BUILD); exit $$status
ifeq ($(PRESET),default)
	cmake --preset sanitize
	cmake --build --preset sanitize -j $(JOBS)
	ctest --preset sanitize -j $(JOBS) -E '^(bench_smoke|deb_package)$$'; status=$$?; \
	  scripts/skipped_tests.py build-sanitize; exit $$status
endif

# clang-tidy (.clang-tidy's checks) over every source file of src/; fails on
# any finding (scripts/clang-tidy.sh).  ~8 min of 2 cores.
tidy: deps
	scripts/clang-tidy.sh

# Builds the libFuzzer targets of tests/fuzz/ with clang, ASan and UBSan
# (build-fuzz/) and runs each for FUZZ_SECONDS from its seed corpus in
# tests/fuzz/corpus/ (scripts/fuzz.sh); fails on any crash, leak or hang.
FUZZ_SECONDS ?= 40
fuzz: deps
	JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

# Cross-builds xtrace and its tests for aarch64 (build-aarch64/) and runs
# them in an emulated arm64 machine (tests/vm/run.sh); installs the cross
# toolchain, the arm64 libraries and qemu on first use.  SUITE=smoke runs
# the short suite.
SUITE ?= full
test-aarch64: deps
	scripts/vm-deps.sh aarch64
	cmake --preset aarch64
	cmake --build --preset aarch64 -j $(JOBS)
	tests/vm/run.sh aarch64 build-aarch64 tests/vm/aarch64/$(SUITE).suite

# The i386 tests (int $0x80 from a 64-bit process) of the build, in an
# emulated x86_64 machine whose kernel has the IA32 emulation this one may
# lack (tests/vm/run.sh); installs qemu on first use.  They must run there:
# a skip fails it.
test-i386: build
	scripts/vm-deps.sh x86_64
	tests/vm/run.sh x86_64 $(BUILD) tests/vm/x86_64/i386.suite

# The stripped binary, the man page, the bash completion, the JSON schema.
install: build
	cmake --install $(BUILD) --strip $(if $(PREFIX),--prefix $(PREFIX))

clean:
	rm -rf $(BUILD)
