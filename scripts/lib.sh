# Shared by scripts/run and scripts/test: find the Swift toolchain and install missing Debian packages.

# Puts a Swift 6 toolchain on PATH (the machine's /opt/swift when it is not there already).
vigil_find_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    for d in /opt/swift/usr/bin /usr/share/swift/usr/bin /usr/local/swift/usr/bin; do
      [ -x "$d/swift" ] && export PATH="$d:$PATH" && break
    done
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "vigil: no Swift toolchain found. Install Swift 6 (https://www.swift.org/install/linux/) and retry." >&2
    exit 1
  fi
}

# Installs the named Debian packages that are not installed yet (apt-get, as root).
vigil_apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null || { echo "apt-get update failed" >&2; return 1; }
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "apt-get install ${missing[*]} failed" >&2; return 1; }
}
