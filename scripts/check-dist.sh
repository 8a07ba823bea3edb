#!/usr/bin/env bash
# Fails when dist/ differs from a fresh `npm run package` of src/, new untracked chunks included.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s package
changes=$(git status --porcelain -- dist)
if [ -n "$changes" ]; then
  echo "dist/ is not what 'npm run package' builds from src/. Run it and commit dist/:" >&2
  echo "$changes" >&2
  exit 1
fi
echo "dist/ is up to date"
