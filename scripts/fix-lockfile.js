#!/usr/bin/env node
// The npm registry reachable from our machines serves only the linux-x64/arm64 builds of
// Biome's native CLI, so `npm install` writes a lockfile without the other platforms'
// optional packages and `npm ci` then refuses it ("Missing: @biomejs/cli-darwin-x64@ from
// lock file"). This adds the standard platform-gated entries (os/cpu/libc), which npm ci
// skips on a non-matching platform without fetching them. Run after every `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pk = lock.packages;
const biome = pk['node_modules/@biomejs/biome'];
if (!biome) throw new Error('no @biomejs/biome in package-lock.json');
const platforms = {
  'android-arm64': [['android'], ['arm64']],
  'android-x64': [['android'], ['x64']],
  'darwin-arm64': [['darwin'], ['arm64']],
  'darwin-x64': [['darwin'], ['x64']],
  'linux-arm64': [['linux'], ['arm64'], ['glibc']],
  'linux-x64': [['linux'], ['x64'], ['glibc']],
  'linux-arm64-musl': [['linux'], ['arm64'], ['musl']],
  'linux-x64-musl': [['linux'], ['x64'], ['musl']],
  'win32-arm64': [['win32'], ['arm64']],
  'win32-x64': [['win32'], ['x64']],
};
let added = 0;
for (const [name, [os, cpu, libc]] of Object.entries(platforms)) {
  const key = `node_modules/@biomejs/cli-${name}`;
  if (pk[key]) continue;
  pk[key] = {
    version: biome.version,
    cpu,
    dev: true,
    license: 'MIT OR Apache-2.0',
    optional: true,
    os,
    ...(libc ? { libc } : {}),
    engines: { node: '>=14.21.3' },
  };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
