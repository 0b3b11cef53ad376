# The two entry points of README.md.  Everything else is CMake.
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?= -DXTRACE_WERROR=ON

.PHONY: deps build demo test install clean

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

# Builds xtrace and traces a real program.
demo: build
	$(BUILD)/xtrace -c ls /usr

# Builds everything and runs every test.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD) $(if $(PREFIX),--prefix $(PREFIX))

clean:
	rm -rf $(BUILD)
