#!/usr/bin/env bash
# Installs the third-party editors the e2e tier drives (scripts/editors/run.mjs): Debian's Neovim,
# Emacs with eglot and markdown-mode, and Vim with ALE. Debian packages only. Idempotent: when all
# are installed it only asks dpkg, in well under a second. Called by install-code-server.sh.
#
# Usage: bash scripts/e2e/install-editors.sh
set -euo pipefail

PACKAGES=(neovim emacs-nox elpa-eglot elpa-markdown-mode vim vim-ale)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[install-editors] already installed: $(nvim --version | head -1), $(emacs --version | head -1), $(vim --version | head -1 | cut -d'(' -f1)"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "[install-editors] ERROR: Debian packages missing (${missing[*]}) and not root: run as root or install them first" >&2; exit 1; }
echo "[install-editors] apt: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -q -o DPkg::Lock::Timeout=300 update > /dev/null
apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${missing[@]}" > /dev/null
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || { echo "[install-editors] ERROR: $p is still not installed" >&2; exit 1; }
done
echo "[install-editors] done: $(nvim --version | head -1), $(emacs --version | head -1), $(vim --version | head -1 | cut -d'(' -f1)"
