#!/usr/bin/env bash
# Sourced by CI: puts a Node.js of the given major version first on PATH, from the npm
# package `node` (cached by npx under ~/.npm/_npx), so a machine with another Node
# (this one has 20, which is past its end of life) runs npm, the test launcher, the
# embedded PostgreSQL's launcher, every vitest worker, `next build` and `next start` on
# a supported one. The native parts (@node-rs/argon2, @node-rs/bcrypt, sharp) are
# N-API: one install serves every Node version.
# Usage: source scripts/use-node.sh 24
want="${1:?usage: source scripts/use-node.sh <major>}"
binary="$(npx -y "node@${want}" -p process.execPath)"
export PATH="$(dirname "$binary"):$PATH"
major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$major" != "$want" ]]; then
  echo "use-node: expected Node $want first on PATH, got $(node --version)" >&2
  exit 1
fi
echo "use-node: $(node --version) ($binary)"
