# syntax=docker/dockerfile:1
# The dashboard's image (issue 20). Stages: `deps` (npm ci), `build` (next build,
# standalone output), `tools` (the whole checkout with its packages: `npm run
# db:migrate`, and in compose's demo profile the emulator and the mail catcher), and
# the final `app`: Next.js's standalone server files on Node 24, run by
# scripts/start.mjs (timeouts, graceful stop) as the unprivileged `node` user.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# The npm workspaces (README, Architecture): npm ci links them from their manifests.
COPY packages/purwantara-contract/package.json packages/purwantara-contract/
COPY packages/emulator/package.json packages/emulator/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM build AS tools
RUN chown -R node:node /src
USER node
CMD ["npm", "run", "db:migrate"]

FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    BIND_ADDRESS=0.0.0.0 \
    PORT=3000
# The QRIS poster's text is drawn by sharp's librsvg with the system's fonts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /src/.next/standalone ./
COPY --from=build --chown=node:node /src/.next/static ./.next/static
COPY --from=build --chown=node:node /src/public ./public
COPY --from=build --chown=node:node /src/scripts/start.mjs /src/scripts/app-server.mjs ./scripts/
USER node
EXPOSE 3000
# Liveness: the process answers and reaches its database. A proxy routes by /api/ready.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains (SHUTDOWN_GRACE_SECONDS, default 20) and exits 0: give it that long.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs"]
