#!/usr/bin/env bash
# Installs the Debian 12 packages rashomon needs to build, test and benchmark.
# Idempotent: packages already installed are skipped, and apt-get runs only
# when something is missing. Needs root (or sudo).
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
)

missing=()
for p in "${PACKAGES[@]}"; do
  case "$p" in \#*) continue ;; esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

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
