# Cross-building for aarch64 on Debian with g++-aarch64-linux-gnu and the
# arm64 builds of the libraries (multiarch: libfmt-dev:arm64 ...).
# scripts/vm-deps.sh aarch64 installs both; the "aarch64" preset uses this file.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# find_package and find_library then look in /usr/lib/aarch64-linux-gnu
# (and its cmake/ folder) before the host's folders.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Programs the build runs (python3 for the tables) are the host's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# Debian has no aarch64-linux-gnu-pkg-config wrapper: point the host's
# pkg-config at the arm64 .pc files only, or it would find the host's
# libunwind-ptrace.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
