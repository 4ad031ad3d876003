#!/usr/bin/env bash
# How long `./x build` takes on a machine that has only rustup, the pinned
# toolchain and Node: a clone of HEAD, an empty CARGO_HOME (wasm-bindgen-cli
# compiled, every crate downloaded), an empty target dir,
# no node_modules. Prints the minutes of each step ./x announces (and the
# build's own times, tools/build.mjs's `build: [Ns]` lines); the log,
# every line with its time, is kept with `keep`.
#   npm run bench:fresh-build [-- keep]   (keep: leave the scratch dir)
# About twenty minutes on two cores: run it on an idle machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=$(mktemp -d /tmp/pyplay-fresh-XXXX)
trap '[ "${1:-}" = keep ] || rm -rf "$SCRATCH"' EXIT
git clone -q "$ROOT" "$SCRATCH/repo"
cd "$SCRATCH/repo"
LOG="$SCRATCH/build.log"
start=$(date +%s)
# Of the old CARGO_HOME's programs only rustup's proxies stay on PATH (not
# the tools installed there); everything cargo installs or downloads goes to
# the empty CARGO_HOME.
RUSTUP=$(command -v rustup)
mkdir "$SCRATCH/rustup-bin"
for tool in cargo rustc rustdoc rustfmt cargo-clippy clippy-driver rustup; do
  ln -s "$RUSTUP" "$SCRATCH/rustup-bin/$tool"
done
path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$RUSTUP")" | paste -sd:)
env -u CARGO_TARGET_DIR CARGO_HOME="$SCRATCH/cargo-home" PATH="$SCRATCH/rustup-bin:$path" \
  ./x build 2>&1 | while IFS= read -r line; do printf '%(%T)T %s\n' -1 "$line"; done | tee "$LOG" |
  grep --line-buffered -E '==>|build: \[' || true
total=$(( $(date +%s) - start ))
[ -f dist/index.html ] || { echo "fresh build failed; log: $LOG" >&2; trap - EXIT; exit 1; }
# The steps from ./x's "==> [  Ns] what" lines: each lasts until the next.
grep -o '==> \[ *[0-9]*s\] .*' "$LOG" | sed 's/\x1b\[[0-9;]*m//g' |
  awk -v total="$total" '
    { match($0, /\[ *[0-9]+s\]/); t = substr($0, RSTART + 1, RLENGTH - 3) + 0
      sub(/^==> \[ *[0-9]+s\] /, ""); if (n) secs[n] = t - at; at = t; step[++n] = $0 }
    END { secs[n] = total - at
          for (i = 1; i <= n; i++) printf "%6.1f min  %s\n", secs[i] / 60, step[i]
          printf "%6.1f min  in all\n", total / 60 }'
