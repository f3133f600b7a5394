#!/usr/bin/env bash
# CI, issue 20: the vitest suite again on Node 24 (the machine itself has Node 20), then
# the app built on Node 24 and run as three replicas behind nginx (the cluster suite:
# `next build`, `npm start` and Playwright all on Node 24).
# The binary comes from the npm package `node` (cached by npx under ~/.npm/_npx); put
# first on PATH, it runs npm, the test launcher, the embedded PostgreSQL's launcher and
# every vitest worker. The native parts (@node-rs/argon2, @node-rs/bcrypt: N-API, so
# one build serves every Node version) load in the password tests; embedded-postgres
# starts its server from the test launcher.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${NODE24_VERSION:-24}"
node24="$(npx -y "node@${version}" -p process.execPath)"
export PATH="$(dirname "$node24"):$PATH"
major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$major" != 24 ]]; then
  echo "ci-node24: expected Node 24 first on PATH, got $(node --version)" >&2
  exit 1
fi
echo "ci-node24: vitest on $(node --version) ($node24)"
started=$SECONDS
npm run test:unit
echo "ci-node24: vitest on Node 24 took $((SECONDS - started)) s"
started=$SECONDS
npm run test:cluster
echo "ci-node24: build and cluster suite on Node 24 took $((SECONDS - started)) s"
