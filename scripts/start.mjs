// `npm start`. In production (NODE_ENV=production) the compiled build (`npm run build`): no
// TypeScript compiler at run time. Otherwise the sources through tsx, the plugin read from its
// TypeScript (the `portier-source` export condition), so that nothing needs building first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV === 'production';
const compiled = path.join(root, 'dist/src/server.js');
if (production && !fs.existsSync(compiled)) {
  console.error('NODE_ENV=production runs the compiled build, and there is none: run `npm run build` first.');
  process.exit(1);
}
const [command, args] = production
  ? [process.execPath, ['--enable-source-maps', compiled]]
  : [path.join(root, 'node_modules/.bin/tsx'), ['--conditions=portier-source', path.join(root, 'src/server.ts')]];
// The compiled build reads the compiled package: no `portier-source` condition inherited from a
// development shell (NODE_OPTIONS) may send it back to the TypeScript sources.
const env = { ...process.env };
if (production && env.NODE_OPTIONS) env.NODE_OPTIONS = env.NODE_OPTIONS.replace(/(--conditions|-C)[= ]portier-source/g, '').trim();
const app = spawn(command, args, { cwd: root, stdio: 'inherit', env });
// The app stops itself cleanly on SIGINT / SIGTERM: pass them on, and end as it ends.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
