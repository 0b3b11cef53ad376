# The two entry points of README.md.  Everything else is CMake.
# The build goes where the CMake preset puts it (CMakePresets.json).
PRESET ?= default
BUILD  := $(if $(filter default,$(PRESET)),build,build-$(PRESET))
JOBS   ?= $(shell nproc)

.PHONY: deps build demo test install clean

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

# Builds everything and runs every test.
test: build
	ctest --preset $(PRESET) -j $(JOBS)

install: build
	cmake --install $(BUILD) $(if $(PREFIX),--prefix $(PREFIX))

clean:
	rm -rf $(BUILD)
