// The npm registry this project is built from serves the native packages for Linux x64 only:
// `npm install` silently leaves the other platforms' optional packages (@swc/core-darwin-arm64,
// @rollup/rollup-win32-x64-msvc, ...) out of package-lock.json, and `npm ci` then refuses the
// lock as out of sync. This adds them back with their os / cpu / libc, so that `npm ci` skips
// them as it would anywhere else. Run after `npm install` changes the lock:
//   node scripts/complete-lockfile.mjs
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'openharmony', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const child = `node_modules/${name}`;
    if (lock.packages[child] || lock.packages[`${location}/${child}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu =
      CPU.find((c) => parts.includes(c)) ?? (parts.includes('eabi') || parts.includes('gnueabihf') || parts.includes('musleabihf') ? 'arm' : undefined);
    if (!os) continue; // not a platform package: leave it to npm
    lock.packages[child] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os === 'linux' && parts.some((p) => p.startsWith('musl')) ? { libc: ['musl'] } : {}),
      ...(os === 'linux' && parts.some((p) => p.startsWith('gnu')) ? { libc: ['glibc'] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} optional platform package(s) added`);
