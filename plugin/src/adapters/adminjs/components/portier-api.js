// How Portier's pages reach their JSON routes (`<rootPath>/portier/...`, see routes/index.ts).
// Marked as the UI's own calls (api-status.ts). Bundled into each component that imports it.

export function rootPath() {
  const path = (typeof window !== 'undefined' && window.REDUX_STATE?.paths?.rootPath) || '/admin';
  return path.replace(/\/$/, '');
}

/** `{ status, body }` of a call to `<rootPath>/portier<path>`; a body that is not JSON is `{}`. */
export async function portierFetch(path, init = {}) {
  const res = await fetch(`${rootPath()}/portier${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-portier-ui': '1', ...(init.headers ?? {}) },
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** The body of a GET, or an error with the server's message. */
export async function portierGet(path) {
  const { status, body } = await portierFetch(path);
  if (status < 200 || status >= 300) throw new Error(body.message || body.error || `HTTP ${status}`);
  return body;
}
