// How Portier's pages reach their JSON routes (`<rootPath>/portier/...`, see routes/index.ts).
// Bundled into each component that imports it.

declare global {
  interface Window {
    /** AdminJS's initial state, written into the page by its layout: the paths are read from it. */
    REDUX_STATE?: { paths?: { rootPath?: string } };
  }
}

export function rootPath(): string {
  const path = (typeof window !== 'undefined' && window.REDUX_STATE?.paths?.rootPath) || '/admin';
  return path.replace(/\/$/, '');
}

/** The header that confirms a change over the subscription, after its warning (docs/spec/seats.md, routes/respond.ts). */
export const CONFIRM_SEATS_HEADER = 'x-portier-confirm-seats';

/**
 * A route's JSON answer when the caller does not name its type (`portierFetch<T>` does): an error
 * or a change's answer carries `message` (and `error`, a code). Its fields are `any` because the
 * pages read a change's answer (`message`, `id`, `members`…) field by field as they did in JSX;
 * typing each call's answer is left for later (each page's reads of a GET are typed already).
 */
export type ApiBody = Record<string, any>;

/** `{ status, body }` of a call: what portierFetch answers. */
export interface ApiResponse<T = ApiBody> {
  status: number;
  body: T;
}

/**
 * `{ status, body }` of a call to `<rootPath>/portier<path>`; a body that is not JSON is `{}`.
 * `{ confirmSeats: true }` re-sends a change the server answered with 409 `seats`, confirmed.
 */
export async function portierFetch<T = ApiBody>(path: string, init: RequestInit = {}, { confirmSeats = false } = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${rootPath()}/portier${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      ...(confirmSeats ? { [CONFIRM_SEATS_HEADER]: 'yes' } : {}),
      ...((init.headers as Record<string, string> | undefined) ?? {}),
    },
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** The body of a GET, or an error with the server's message. */
export async function portierGet<T = ApiBody>(path: string): Promise<T> {
  const { status, body } = await portierFetch(path);
  if (status < 200 || status >= 300) throw new Error(body.message || body.error || `HTTP ${status}`);
  return body as T;
}

/** A 409 that asks to confirm seats over the subscription: `{ error: 'seats', message, seats }`. */
export const isSeatWarning = (r: ApiResponse | null | undefined): boolean => r?.status === 409 && r.body?.error === 'seats';
