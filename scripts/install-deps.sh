#!/usr/bin/env bash
# Installs the Debian 12 packages rashomon needs to build, test and benchmark,
# then the Node packages of the browser tests (tests/browser, from the npm
# registry, pinned by its package-lock.json). Idempotent: packages already
# installed are skipped, apt-get runs only when something is missing, and npm
# only when tests/browser/node_modules is missing or older than the lock.
# Needs root (or sudo) when a Debian package is missing.
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config git
  libicu-dev        # Unicode normalisation, sentence segmentation (text)
  libcld2-dev       # language identification (text)
  libstemmer-dev    # Snowball word stems (text)
  libsimdjson-dev   # JSONL parsing (ingest)
  zlib1g-dev        # .gz inputs (ingest)
  libzstd-dev zstd  # .zst inputs (ingest)
  libxxhash-dev     # shingle and band hashes, XXH3 (dedup)
  nlohmann-json3-dev  # JSON output (cli)
  libsqlite3-dev    # the database, with FTS5 (store)
  libcli11-dev      # command line (cli)
  libcpp-httplib-dev  # HTTP server of `rashomon serve` (server)
  libgtest-dev libgmock-dev  # tests
  libbenchmark-dev  # bench/
  chromium          # headless browser tests of the web page (tests/browser)
)
# Node.js (20 or newer, for playwright-core) and npm run the browser tests.
# Machines that have them from their own packages keep those; Debian's are
# installed only when the commands are missing.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  case "$p" in \#*) continue ;; esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "install-deps: missing ${missing[*]}; run as root or install sudo" >&2
      exit 1
    fi
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' Node packages. npm writes node_modules/.package-lock.json
# on every install, so it is the stamp compared with the lock.
browser="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "install-deps: Node.js $(node --version) is too old for the browser tests (playwright-core needs 20 or newer)" >&2
fi
stamp="$browser/node_modules/.package-lock.json"
if [ -f "$browser/package-lock.json" ]; then
  if [ ! -f "$stamp" ] || [ "$browser/package-lock.json" -nt "$stamp" ]; then
    echo "install-deps: npm ci in tests/browser"
    npm ci --prefix "$browser" --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
elif [ ! -d "$browser/node_modules" ]; then
  echo "install-deps: npm install in tests/browser"
  npm install --prefix "$browser" --no-audit --no-fund --loglevel=error
fi
