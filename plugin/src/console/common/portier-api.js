// How Portier's pages reach their JSON routes (`<rootPath>/portier/...`, see routes/index.ts).
// Bundled into each component that imports it.

export function rootPath() {
  const path = (typeof window !== 'undefined' && window.REDUX_STATE?.paths?.rootPath) || '/admin';
  return path.replace(/\/$/, '');
}

/** The header that confirms a change over the subscription, after its warning (docs/spec/seats.md, routes/respond.ts). */
export const CONFIRM_SEATS_HEADER = 'x-portier-confirm-seats';

/**
 * `{ status, body }` of a call to `<rootPath>/portier<path>`; a body that is not JSON is `{}`.
 * `{ confirmSeats: true }` re-sends a change the server answered with 409 `seats`, confirmed.
 */
export async function portierFetch(path, init = {}, { confirmSeats = false } = {}) {
  const res = await fetch(`${rootPath()}/portier${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      accept: 'application/json', 'content-type': 'application/json',
      ...(confirmSeats ? { [CONFIRM_SEATS_HEADER]: 'yes' } : {}),
      ...(init.headers ?? {}),
    },
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** The body of a GET, or an error with the server's message. */
export async function portierGet(path) {
  const { status, body } = await portierFetch(path);
  if (status < 200 || status >= 300) throw new Error(body.message || body.error || `HTTP ${status}`);
  return body;
}

/** A 409 that asks to confirm seats over the subscription: `{ error: 'seats', message, seats }`. */
export const isSeatWarning = (r) => r?.status === 409 && r.body?.error === 'seats';
