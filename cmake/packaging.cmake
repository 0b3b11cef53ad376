# `cpack -G DEB` in the build folder: a Debian package of what the install
# target installs (the stripped binary, the man page, the bash completion
# and the JSON schema), its dependencies found by dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME xtrace)
set(CPACK_PACKAGE_VENDOR "The xtrace developers")
set(CPACK_PACKAGE_CONTACT "The xtrace developers <xtrace@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "system call tracer and fault injector, a drop-in reimplementation of strace")
set(CPACK_PACKAGE_DESCRIPTION
    "xtrace traces the system calls and signals of a program, line for line as strace 7.2 prints them,\nand adds JSON output, a timeline, latency percentiles and reproducible fault injection.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/xtrace/xtrace")
include(CPack)
