#!/usr/bin/env bash
# Builds and runs the Dockerfile's image with podman on a machine that reaches Debian's
# and npm's registries but no image registry (issue 20). The `node:24-bookworm-slim`
# base it cannot pull is stood in for by Debian bookworm from debootstrap, with the
# Node 24 binary of the npm package `node`, this machine's npm, a `node` user (uid
# 1000, as in the official image) and this machine's CA bundle (a proxy that inspects
# TLS signs the registries' certificates here). Then `podman build` (chroot isolation:
# no cgroups needed) and, with runc, a run of the app against DATABASE_URL.
# Needs: apt-get install -y podman debootstrap runc. Run as root from the project root:
#   tools/image/local-build.sh [DATABASE_URL]
set -euo pipefail
rootfs="${ROOTFS:-/tmp/purwantara-rootfs-bookworm}"
base="localhost/node:24-bookworm-slim"
image="localhost/purwantara-dashboard:local"

if ! podman image exists "$base"; then
  [[ -x "$rootfs/bin/sh" ]] || debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian
  node24="$(npx -y node@24 -p process.execPath)"
  install -m 755 "$node24" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  chroot "$rootfs" /bin/sh -c 'id node >/dev/null 2>&1 || { groupadd -g 1000 node && useradd -u 1000 -g node -m node; }'
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  tar -C "$rootfs" -c . | podman import --change 'CMD ["node"]' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' - "$base"
fi

src="$(mktemp -d)"
git archive HEAD | tar -x -C "$src"
podman build --isolation=chroot --pull=never --build-arg "NODE_IMAGE=$base" --target app -t "$image" "$src"
rm -rf "$src"

database="${1:-}"
[[ -n "$database" ]] || { echo "built $image; pass a migrated DATABASE_URL to run it"; exit 0; }
port="${PORT:-3999}"
podman rm -f purwantara-local >/dev/null 2>&1 || true
podman --runtime runc run -d --name purwantara-local --network host \
  --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 \
  -e PORT="$port" -e DATABASE_URL="$database" -e APP_URL="http://127.0.0.1:$port" \
  -e AUTH_SECRET="$(openssl rand -hex 32)" -e SETTINGS_ENCRYPTION_KEY="$(openssl rand -base64 32)" \
  "$image" >/dev/null
for _ in $(seq 30); do curl -fs "http://127.0.0.1:$port/api/ready" && break; sleep 1; done
echo
podman exec purwantara-local id
podman --runtime runc stop -t 30 purwantara-local >/dev/null
echo "exit code after SIGTERM: $(podman inspect purwantara-local --format '{{.State.ExitCode}}')"
