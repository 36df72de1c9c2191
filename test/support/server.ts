import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a project script (`src/server.ts`, `src/cli/org.ts`...) as its own process, like npm would. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) merged[k] = v;
  // A JavaScript script (scripts/start.mjs) runs on node itself, as npm would run it.
  const [command, first] = /\.m?js$/.test(script) ? [process.execPath, []] : [tsx, ['--conditions=portier-source']];
  return spawn(command, [...first, script, ...args], { cwd: root, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the real backoffice (`npm start`'s script) and waits for its "ready" line. */
export async function startServer(env: Record<string, string | undefined>, timeoutMs = 90_000, script = 'src/server.ts'): Promise<RunningServer> {
  const port = await freePort();
  // Servers the tests talk to over HTTP leave the browser bundle to the first page that asks
  // (bundling at start costs 20-40 s of CPU each); the browser tests ask for it at start.
  // Each server bundles into a folder of its own: servers of parallel test files (and a demo left
  // in the clone's data folder) never serve or overwrite one another's bundle.
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bundle-'));
  const child = runScript(script, [], { PORT: String(port), PORTIER_BUNDLE: 'lazy', ADMIN_JS_TMP_DIR: bundleDir, ...env });
  child.on('exit', () => fs.rmSync(bundleDir, { recursive: true, force: true }));
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      if (out.includes('Portier is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  child.on('exit', () => fs.rmSync(bundleDir, { recursive: true, force: true }));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in through AdminJS's form and returns the session cookie (or the refused page). */
export async function login(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ status: number; cookie: string | null; body: string; location: string | null }> {
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });
  const setCookie = res.headers.get('set-cookie');
  return {
    status: res.status,
    cookie: setCookie ? setCookie.split(';')[0] : null,
    body: await res.text(),
    location: res.headers.get('location'),
  };
}

export async function getJson(baseUrl: string, pathname: string, cookie: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${pathname}`, { headers: { cookie }, redirect: 'manual' });
  return { status: res.status, body: jsonOrText(await res.text()) };
}

/** An answer's body: its JSON when it is JSON, else its text (HTML, CSV or empty). */
export function jsonOrText(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A form post as a browser sends it: urlencoded, with the cookie, not following redirects. */
export async function postForm(url: string, fields: Record<string, string>, cookie?: string | null, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, location: res.headers.get('location'), cookie: setCookie ? setCookie.split(';')[0] : null, setCookie, body: await res.text() };
}

/**
 * Signs in a user whose password someone else set: the sign-in leads to the page that asks for a
 * new one, which then opens the session. Returns the session's cookie.
 */
export async function signInChangingPassword(baseUrl: string, login: string, given: string, chosen: string): Promise<string> {
  const first = await postForm(`${baseUrl}/admin/login`, { email: login, password: given });
  if (first.status !== 302 || first.location !== '/admin/password' || !first.cookie)
    throw new Error(`${login}: the sign-in did not ask for a new password (${first.status} ${first.location})`);
  const done = await postForm(`${baseUrl}/admin/password`, { next: chosen, confirm: chosen }, first.cookie);
  if (done.status !== 302 || done.location !== '/admin' || !done.cookie)
    throw new Error(`${login}: the new password was refused (${done.status}): ${done.body.slice(0, 300)}`);
  return done.cookie;
}
