// Runs every command README.md shows, as written, in the folder it is started from (CI: a fresh
// clone). The README's `sh` blocks are the source: a command added there is run here too.
//
//   node scripts/readme-commands.mjs            run them all
//   node scripts/readme-commands.mjs --list     print them, with what will be done with each
//
// How each is run:
// - `npm install && npm start`: the install, then the app on the embedded PostgreSQL (no
//   DATABASE_URL, as on a fresh machine), left running until the demo commands are done;
// - the other commands but the tests (organisation files, explain, audit, migrate): against that
//   running demo, through its embedded server, as a user would from a second terminal;
// - then, the app stopped, the test commands (npm test, npm run test:e2e, the small benchmark),
//   with DATABASE_URL as the caller set it;
// - the full-scale benchmark (a million rows, many minutes) is only listed: it is run by hand.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const README = 'README.md';
const FULL_BENCH = 'npm run bench';
/** `npm run access -- explain` answers 3 for "denied", which the README shows as an answer. */
const ALLOWED_EXIT = (command) => (command.startsWith('npm run access -- explain') ? [0, 3] : [0]);

export function readmeCommands(text) {
  const commands = [];
  let inShell = false;
  for (const line of text.split('\n')) {
    if (/^```sh\s*$/.test(line)) inShell = true;
    else if (line.startsWith('```')) inShell = false;
    else if (inShell) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command && !command.startsWith('#')) commands.push(command);
    }
  }
  return commands;
}

const isTest = (c) => c === 'npm test' || c.startsWith('npm run test') || c.startsWith('npm run bench');
const isStart = (c) => /(^|&&\s*)npm start$/.test(c);

function plan(commands) {
  return commands.map((command) => ({
    command,
    phase: isStart(command) ? 'start' : command === FULL_BENCH ? 'by hand' : isTest(command) ? 'tests' : 'demo',
  }));
}

function run(command, env) {
  console.log(`\n== ${command}`);
  const result = spawnSync('bash', ['-c', command], { stdio: 'inherit', env });
  if (!ALLOWED_EXIT(command).includes(result.status)) throw new Error(`README command failed (exit ${result.status}): ${command}`);
}

function startApp(command, env) {
  const install = command.replace(/&&\s*npm start$/, '').trim();
  if (install) run(install, env);
  console.log('\n== npm start (until the demo commands are done)');
  const app = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within 5 minutes:\n${output}`)), 300_000);
    const onData = (d) => {
      output += d;
      process.stdout.write(d);
      if (/Portier is ready at/.test(output)) {
        clearTimeout(timer);
        resolve(app);
      }
    };
    app.stdout.on('data', onData);
    app.stderr.on('data', onData);
    app.on('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
}

// A child killed by a signal keeps exitCode null (signalCode says how it ended): both say "gone".
const gone = (app) => app.exitCode !== null || app.signalCode !== null;

/** Signals the app's process group; a group already gone (ESRCH) is what we wanted. */
function signalGroup(app, signal) {
  try {
    process.kill(-app.pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
}

async function stopApp(app) {
  if (gone(app)) return;
  const exited = new Promise((resolve) => app.once('exit', resolve));
  signalGroup(app, 'SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  if (!gone(app)) signalGroup(app, 'SIGKILL');
}

const steps = plan(readmeCommands(fs.readFileSync(README, 'utf8')));
if (process.argv.includes('--list')) {
  for (const s of steps) console.log(`${s.phase.padEnd(8)} ${s.command}`);
  process.exit(0);
}
if (!steps.some((s) => s.phase === 'start')) {
  console.error('README.md shows no `npm start`: nothing to run the demo commands against.');
  process.exit(1);
}

const embedded = { ...process.env };
delete embedded.DATABASE_URL;
let app;
try {
  app = await startApp(steps.find((s) => s.phase === 'start').command, embedded);
  for (const s of steps.filter((x) => x.phase === 'demo')) run(s.command, embedded);
  await stopApp(app);
  for (const s of steps.filter((x) => x.phase === 'tests')) run(s.command, process.env);
} catch (e) {
  console.error(`\n${e.message}`);
  if (app) await stopApp(app);
  process.exit(1);
}
for (const s of steps.filter((x) => x.phase === 'by hand')) console.log(`\n== not run here (by hand, see the README): ${s.command}`);
console.log('\nEvery command of the README ran as written.');
