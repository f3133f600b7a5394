// The registry reachable from our machines serves only Linux builds of packages with
// native binaries, so `npm install` here cannot record other platforms' optional
// packages in package-lock.json, and `npm ci` then refuses the lock as "out of sync".
// This records each missing optional package as a bare optional entry (npm skips an
// optional package it cannot fetch), so `npm ci` works here and on any platform.
// Run it after every `npm install` that changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const entries = lock.packages;
let added = 0;
for (const [key, pkg] of Object.entries(entries)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = key ? `${key}/node_modules/${name}` : `node_modules/${name}`;
    if (entries[nested] || entries[`node_modules/${name}`]) continue;
    entries[`node_modules/${name}`] = {
      version,
      optional: true,
      ...(pkg.dev ? { dev: true } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(entries).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(
  `lock-optional-stubs: recorded ${added} optional package(s) this registry does not serve`,
);
