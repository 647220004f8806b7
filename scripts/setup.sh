#!/usr/bin/env bash
# npm run setup: installs what the build needs on Debian 12, skipping what is already there.
#   - Debian packages: Chromium (prints the PDFs), poppler-utils and qpdf (PDF checks in the tests),
#     Ghostscript, free ICC profiles and ArgyllCMS (press PDFs: the FOGRA39 profile is built from
#     icc-profiles-free's FOGRA39L.ti3 with argyll's colprof, once, into node_modules/.cache/press-icc/).
#   - npm packages, including Node 24 for every npm script (the machine's Node may be older).
# Runs with the machine's own Node and npm, so it uses nothing from node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-dejavu-core: a system font for pages that name no web font (the layout tests).
packages=(chromium poppler-utils qpdf ghostscript icc-profiles-free argyll fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root, then run npm run setup again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages present (${packages[*]})"
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.press-setup-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "setup: npm packages up to date"
else
  echo "setup: installing npm packages"
  # npm install, not npm ci: npm records no lock entries for other platforms' optional
  # binaries (compiler bindings), and npm ci refuses such a lock file.
  npm install --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

node_version=$(node_modules/.bin/node --version)
case "$node_version" in
  v2[4-9].*|v[3-9][0-9].*) echo "setup: npm scripts run on Node $node_version" ;;
  *) echo "setup: expected Node 24 in node_modules/.bin, found $node_version; delete node_modules and run npm run setup again" >&2; exit 1 ;;
esac

# The FOGRA39 press profile (a few minutes, once; kept in node_modules/.cache/press-icc/).
node_modules/.bin/node scripts/press-profile.ts | sed 's/^/setup: /'

echo "setup: done. Next: npm run build (site and PDFs into dist/), npm test"
