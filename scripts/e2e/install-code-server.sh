#!/usr/bin/env bash
# Installs what the browser end-to-end tests need, without any download other
# than Debian packages and the npm registry:
#   - Debian packages: chromium, ripgrep, libkrb5-dev (+ build tools, fonts), and
#     (install-editors.sh) neovim, emacs-nox, elpa-eglot, elpa-markdown-mode, vim, vim-ale;
#   - code-server@4.100.3 (VS Code 1.100.3, runs on Node 20) and playwright-core
#     into .tools/code-server (git-ignored), NOT into the repo's package.json.
#
# code-server's own postinstall downloads a ripgrep binary, which fails here,
# so it is installed with --ignore-scripts and its postinstall is re-done by
# hand (see /work/shared/notes/real-vscode-here.md).
#
# Idempotent and non-interactive: each step leaves a stamp in
# .tools/code-server/.e2e-steps/, and a run whose final stamp matches exits in
# well under a second. Set E2E_FORCE=1 to redo everything.
#
# Usage: bash scripts/e2e/install-code-server.sh
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
APT_PACKAGES=(chromium ripgrep libkrb5-dev python3 make g++ fonts-dejavu-core)

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TOOLS="${E2E_TOOLS_DIR:-$REPO_ROOT/.tools/code-server}"
STEPS="$TOOLS/.e2e-steps"
LOGS="$TOOLS/.e2e-logs"
CS="$TOOLS/node_modules/code-server"
VSC="$CS/lib/vscode"
# Everything that, if changed, must invalidate the stamps.
FINGERPRINT="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION apt=${APT_PACKAGES[*]} node=$(node -p 'process.versions.modules' 2>/dev/null || echo none)"

T0=$(date +%s%N)
say() { local ms=$(( ($(date +%s%N) - T0) / 1000000 )); printf '[install-code-server %3d.%01ds] %s\n' $((ms / 1000)) $((ms % 1000 / 100)) "$*"; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && printf "[install-code-server] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

# ---------------------------------------------------------------- checks
command -v node >/dev/null || die "node is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || die "code-server@$CODE_SERVER_VERSION needs Node 20; this is Node $(node --version)"
command -v npm >/dev/null || die "npm is not on PATH"

# The third-party editors the e2e tier also drives (Neovim, Emacs + eglot, Vim + ALE): their own
# script, so their packages do not change this one's fingerprint.
bash "$SCRIPT_DIR/install-editors.sh"

apt_missing() {
  local p missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  echo "${missing[*]:-}"
}

mkdir -p "$STEPS" "$LOGS"
if [ "${E2E_FORCE:-}" = 1 ]; then rm -f "$STEPS"/*; fi
# Stamps made for other versions are worthless.
if [ -f "$STEPS/fingerprint" ] && [ "$(cat "$STEPS/fingerprint")" != "$FINGERPRINT" ]; then
  say "versions changed; redoing every step"
  rm -f "$STEPS"/*
fi
echo "$FINGERPRINT" > "$STEPS/fingerprint"
done_() { [ -f "$STEPS/$1" ]; }
mark() { touch "$STEPS/$1"; }
# A stamp whose work was removed since (e.g. node_modules deleted) does not count.
[ -f "$CS/out/node/entry.js" ] && [ -d "$TOOLS/node_modules/playwright-core" ] || rm -f "$STEPS"/{npm-top,npm-vscode,links,native,all}
[ -d "$VSC/node_modules/@vscode/spdlog" ] || rm -f "$STEPS"/{npm-vscode,links,native,all}

# ---------------------------------------------------------------- fast path
MISSING_APT="$(apt_missing)"
if done_ all && [ -z "$MISSING_APT" ] && [ -x "$CS/out/node/entry.js" ] \
   && [ -e "$VSC/node_modules.asar" ] && [ -x /usr/bin/chromium ] \
   && [ -d "$TOOLS/node_modules/playwright-core" ]; then
  say "already installed: code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_CORE_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1) (E2E_FORCE=1 to redo)"
  exit 0
fi
rm -f "$STEPS/all"

# ---------------------------------------------------------------- 1. apt (in the background)
APT_PID=""
if [ -n "$MISSING_APT" ]; then
  [ "$(id -u)" = 0 ] || die "Debian packages missing ($MISSING_APT) and not root: run as root or install them first"
  say "apt: installing $MISSING_APT (in the background; log: $LOGS/apt.log)"
  (
    export DEBIAN_FRONTEND=noninteractive
    apt-get -q -o DPkg::Lock::Timeout=300 update &&
      apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends $MISSING_APT
  ) > "$LOGS/apt.log" 2>&1 < /dev/null &
  APT_PID=$!
else
  say "apt: ${APT_PACKAGES[*]} already installed"
fi
wait_apt() {
  [ -n "$APT_PID" ] || return 0
  say "apt: waiting for the package install to finish"
  if ! wait "$APT_PID"; then
    tail -n 30 "$LOGS/apt.log" >&2
    die "apt-get install of ($MISSING_APT) failed; full log: $LOGS/apt.log"
  fi
  APT_PID=""
  local still; still="$(apt_missing)"
  [ -z "$still" ] || die "apt finished but these packages are still not installed: $still"
  say "apt: done"
}

# ---------------------------------------------------------------- 2. npm packages, no scripts
if ! done_ npm-top; then
  say "npm: code-server@$CODE_SERVER_VERSION + playwright-core@$PLAYWRIGHT_CORE_VERSION into $TOOLS (--ignore-scripts)"
  cat > "$TOOLS/package.json" <<EOF
{
  "name": "reflect-lint-e2e-tools",
  "private": true,
  "description": "Written by scripts/e2e/install-code-server.sh; not part of the extension.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
  (cd "$TOOLS" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error) < /dev/null \
    || die "npm install of code-server/playwright-core failed"
  mark npm-top
fi

if ! done_ npm-vscode; then
  say "npm: lib/vscode dependencies (--omit=dev --ignore-scripts)"
  (cd "$VSC" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error) < /dev/null \
    || die "npm install in $VSC failed"
  mark npm-vscode
fi

# ---------------------------------------------------------------- 3. what postinstall.sh would do (links)
if ! done_ links; then
  say "links: node_modules.asar, remote-cli and helper scripts, rg -> /usr/bin/rg"
  (
    cd "$VSC"
    rm -rf node_modules.asar && ln -s node_modules node_modules.asar
    (cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
    (cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
    mkdir -p node_modules/@vscode/ripgrep/bin
    # The Debian rg may not exist yet (apt may still be running): the link is
    # checked after apt.
    rm -f node_modules/@vscode/ripgrep/bin/rg && ln -s /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  ) || die "making the links in $VSC failed"
  mark links
fi

# ---------------------------------------------------------------- 4. native modules (need apt)
wait_apt
[ -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ] || die "ripgrep link $VSC/node_modules/@vscode/ripgrep/bin/rg is broken (is /usr/bin/rg installed?)"

NATIVE_VSCODE=(@parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid)
if ! done_ native; then
  say "native: npm rebuild ${NATIVE_VSCODE[*]} (lib/vscode) and argon2 (top), in parallel; logs in $LOGS"
  (cd "$VSC" && npm_config_jobs=max npm rebuild "${NATIVE_VSCODE[@]}" --foreground-scripts) \
    > "$LOGS/rebuild-vscode.log" 2>&1 < /dev/null &
  P1=$!
  P2=""
  # argon2 ships no usable binary with --ignore-scripts unless a prebuild loads.
  if (cd "$TOOLS" && node -e 'require("argon2")') >/dev/null 2>&1; then
    say "native: argon2 loads as shipped; no rebuild needed"
  else
    (cd "$TOOLS" && npm_config_jobs=max npm rebuild argon2 --build-from-source --foreground-scripts) \
      > "$LOGS/rebuild-argon2.log" 2>&1 < /dev/null &
    P2=$!
  fi
  ok=1
  wait "$P1" || { tail -n 30 "$LOGS/rebuild-vscode.log" >&2; echo "npm rebuild in lib/vscode failed; full log: $LOGS/rebuild-vscode.log" >&2; ok=0; }
  if [ -n "$P2" ]; then
    wait "$P2" || { tail -n 30 "$LOGS/rebuild-argon2.log" >&2; echo "npm rebuild argon2 failed; full log: $LOGS/rebuild-argon2.log" >&2; ok=0; }
  fi
  [ $ok = 1 ] || die "building the native modules failed"
  # Check they load for real (a silent build failure would only show at run time).
  (cd "$VSC" && node --input-type=module -e '
    import { createRequire } from "node:module";
    const require = createRequire(process.cwd() + "/");
    for (const m of ["@parcel/watcher", "@vscode/spdlog", "kerberos", "native-watchdog", "@vscode/deviceid"]) require(m);
  ') || die "a rebuilt native module in lib/vscode does not load"
  (cd "$TOOLS" && node -e 'require("argon2")') || die "argon2 does not load after its rebuild"
  mark native
fi

# ---------------------------------------------------------------- 5. check
# XDG_* keep code-server from writing ~/.config/code-server/config.yaml.
V="$(XDG_CONFIG_HOME="$TOOLS/.xdg/config" XDG_DATA_HOME="$TOOLS/.xdg/data" "$CS/out/node/entry.js" --version 2>&1 | tail -n 1)" \
  || die "code-server --version failed: $V"
case "$V" in "$CODE_SERVER_VERSION "*) ;; *) die "unexpected code-server --version output: $V" ;; esac
(cd "$TOOLS" && node -e 'require("playwright-core")') || die "playwright-core does not load from $TOOLS"
mark all
say "done: code-server $V; playwright-core $PLAYWRIGHT_CORE_VERSION; $(/usr/bin/chromium --version 2>/dev/null | head -1)"
say "code-server binary: $CS/out/node/entry.js"
