// `npm run test:package`: the plugin as a developer gets it. Packs plugin/ (its `prepack` builds
// dist/), installs the tarball into an empty app folder beside its peer dependencies, and checks
// there that the public face loads from the compiled code and that the browser components AdminJS
// bundles are in the package. The example app (examples/) goes further, on a database.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const pluginPackage = JSON.parse(fs.readFileSync(path.join(root, 'plugin/package.json'), 'utf8'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-package-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  console.log(`== npm pack (plugin/) into ${work}`);
  // `prepack` (the build) prints before npm's JSON answer: read from where the answer starts.
  const answer = npm(['pack', '--json', '--pack-destination', work], path.join(root, 'plugin'));
  const packed = JSON.parse(answer.slice(answer.search(/^\[/m)))[0];
  const tarball = path.join(work, packed.filename);
  const files = packed.files.map((f) => f.path);
  console.log(`${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KiB`);
  for (const must of ['dist/index.js', 'dist/index.d.ts', 'README.md']) {
    if (!files.includes(must)) throw new Error(`the tarball lacks ${must}`);
  }
  if (files.some((f) => f.startsWith('src/') || f.endsWith('.test.js'))) throw new Error('the tarball carries sources or tests');

  // An app that is not the demo: the example workshop (examples/workshop), the plugin taken from
  // the tarball instead of the repository, installed with its peers as a developer would.
  const app = path.join(work, 'app');
  fs.cpSync(path.join(root, 'examples/workshop'), app, { recursive: true, filter: (f) => !f.includes('node_modules') });
  const manifest = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
  manifest.dependencies['@portier/adminjs'] = `file:${tarball}`;
  for (const peer of Object.keys(pluginPackage.peerDependencies)) {
    if (!manifest.dependencies[peer]) throw new Error(`examples/workshop/package.json lacks the peer dependency ${peer}`);
  }
  manifest.allowScripts = rootPackage.allowScripts;
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  console.log('== npm install (the example workshop, the tarball and its peers)');
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline'], app);

  fs.writeFileSync(
    path.join(app, 'check.mjs'),
    `
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import * as portier from '@portier/adminjs';
const expected = ['createPortier', 'ModuleRegistry', 'accessMigrations', 'bundleComponents', 'ScopedResource', 'importOrg', 'exportOrg'];
const missing = expected.filter((name) => !(name in portier));
if (missing.length) throw new Error('missing from the public face: ' + missing.join(', '));
const where = path.dirname(new URL(import.meta.resolve('@portier/adminjs')).pathname);
// The browser components AdminJS bundles from their sources: shipped beside the compiled code.
const components = fs.readdirSync(where, { recursive: true }).filter((f) => /\\.(tsx|jsx)$/.test(String(f)));
if (components.length < 20) throw new Error('the browser components are not in the package: ' + components.length);
console.log('public face: ' + Object.keys(portier).length + ' exports; ' + components.length + ' components');
`,
  );
  console.log(execFileSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf8' }).trim());
  console.log('The packed plugin installs and loads in an app of its own.');

  // The workshop's own tests, on a database they create and drop (DATABASE_URL: a server they may create databases on).
  // `npm run test:package` sets it (scripts/with-database.ts: an embedded server when none is given).
  if (!process.env.DATABASE_URL)
    throw new Error("The example workshop's tests need DATABASE_URL: run `npm run test:package`, which starts an embedded PostgreSQL when it is unset.");
  console.log("== the example workshop's tests (node --test), on the installed tarball");
  execFileSync(process.execPath, ['--test', 'test/'], { cwd: app, stdio: 'inherit' });
  console.log('The example workshop passes its tests on the packed plugin.');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
