import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
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
  return spawn(tsx, [script, ...args], { cwd: root, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the real backoffice (`npm start`'s script) and waits for its "ready" line. */
export async function startServer(env: Record<string, string | undefined>, timeoutMs = 90_000, script = 'src/server.ts'): Promise<RunningServer> {
  const port = await freePort();
  const child = runScript(script, [], { PORT: String(port), ...env });
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
export async function login(baseUrl: string, email: string, password: string): Promise<{ status: number; cookie: string | null; body: string; location: string | null }> {
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
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}
