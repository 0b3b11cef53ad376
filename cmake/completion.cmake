# The bash completion script (completion/xtrace.bash.in) with the syscall
# names of the architecture xtrace is built for, read from the kernel's
# tables in syscall_tables/kernel/ (the abis the native table uses).
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(_table ${XTRACE_TABLES_DIR}/kernel/syscall.tbl)
  set(_abis "common|64|renameat|rlimit|memfd_secret")
else()
  set(_table ${XTRACE_TABLES_DIR}/kernel/syscall_64.tbl)
  set(_abis "common|64")
endif()
set(_names "")
foreach(_file ${_table} ${XTRACE_TABLES_DIR}/kernel/newer.tbl)
  file(STRINGS ${_file} _rows REGEX "^[0-9]+[ \t]+(${_abis})[ \t]+[a-z0-9_]+")
  foreach(_row IN LISTS _rows)
    string(REGEX REPLACE "^[0-9]+[ \t]+[a-z0-9_]+[ \t]+([a-z0-9_]+).*" "\\1" _name "${_row}")
    list(APPEND _names ${_name})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES _names)
list(SORT _names)
string(REPLACE ";" " " XTRACE_COMPLETION_SYSCALLS "${_names}")
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/completion/xtrace.bash.in
               ${CMAKE_CURRENT_BINARY_DIR}/completion/xtrace @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${_table} ${XTRACE_TABLES_DIR}/kernel/newer.tbl)
