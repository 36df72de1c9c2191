// `npm run build`: the plugin package (plugin/dist), then the demo against it (dist/), with the
// demo organisation file beside its compiled loader. What `NODE_ENV=production npm start` runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
run([path.join(root, 'plugin/scripts/build.mjs')]);
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')]);
fs.copyFileSync(path.join(root, 'seeds/demo-org.json'), path.join(root, 'dist/seeds/demo-org.json'));
console.log('Built: plugin/dist (the package) and dist/ (the demo). Start it with NODE_ENV=production npm start.');
