# Sourced by install-deps.sh and vm-deps.sh: missing_packages PKG... sets
# the array `missing` to the packages dpkg does not have installed.
missing_packages() {
  missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
}
