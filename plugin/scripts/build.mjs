// Builds the package into dist/: tsc for the server code and its declarations, then a copy of
// what tsc does not emit — the browser components (.tsx, .jsx, .js) and their helpers (the console's
// .ts files tsconfig.build.json excludes), which AdminJS's bundler reads from their sources in the
// host app, and the hand-written declarations (.d.ts) the typings refer to.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
const tsc = path.join(path.dirname(fileURLToPath(import.meta.resolve('typescript/package.json'))), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const isSource = (name) => /\.(tsx|jsx|js|css)$/.test(name) || name.endsWith('.d.ts');
// A browser-only helper (.ts): under console/, and tsc left no .js for it (tsconfig.build.json's exclude).
const notCompiled = (from, to) => from.startsWith(path.join(src, 'console') + path.sep) && /\.ts$/.test(from) && !fs.existsSync(to.replace(/\.ts$/, '.js'));

let copied = 0;
for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(dist, path.relative(src, from));
  if (!(isSource(entry.name) || notCompiled(from, to))) continue;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  copied++;
}
console.log(`@portier/adminjs built in dist/ (${copied} component and declaration files copied beside the compiled code)`);
