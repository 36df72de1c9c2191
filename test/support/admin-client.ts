import { login, signInChangingPassword } from './server.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A signed-in user of the backoffice, speaking AdminJS's REST API like any script would. */
export class AdminClient {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly login: string,
  ) {}

  static async signIn(baseUrl: string, identifier: string, password = 'Portier2024'): Promise<AdminClient> {
    const res = await login(baseUrl, identifier, password);
    if (res.status !== 302 || !res.cookie) throw new Error(`sign-in of ${identifier} refused (${res.status})`);
    return new AdminClient(baseUrl, res.cookie, identifier);
  }

  /**
   * A user whose password someone else set: the sign-in asks for one of their own, which they
   * choose (`chosen`), and then they are signed in (docs/spec/access-model.md, "Own account").
   */
  static async signInChangingPassword(baseUrl: string, identifier: string, given: string, chosen: string): Promise<AdminClient> {
    return new AdminClient(baseUrl, await signInChangingPassword(baseUrl, identifier, given, chosen), identifier);
  }

  /** AdminJS's REST API, under /admin/api. */
  request(method: 'GET' | 'POST', pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.call(method, `/admin/api${pathname}`, body, headers);
  }

  /** Portier's own JSON routes, under /admin/portier. */
  portier(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    pathname: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse & { headers: Headers }> {
    return this.call(method, `/admin/portier${pathname}`, body, headers);
  }

  /** The same call, confirming the seat overrun it was warned of (docs/spec/seats.md). */
  confirmed(method: 'POST' | 'PUT' | 'DELETE', pathname: string, body?: unknown): Promise<ApiResponse & { headers: Headers }> {
    return this.portier(method, pathname, body, { 'x-portier-confirm-seats': 'yes' });
  }

  /** A call with this user's session: the body as JSON when it is JSON (else its text: HTML, CSV or empty). */
  private async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse & { headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Signing out: a POST (a GET only shows the page that asks). */
  async signOut(): Promise<number> {
    const res = await fetch(`${this.baseUrl}/admin/logout`, { method: 'POST', headers: { cookie: this.cookie }, redirect: 'manual' });
    return res.status;
  }

  list(module: string, query: Record<string, string | number> = {}) {
    const qs = new URLSearchParams(Object.entries({ perPage: 500, ...query }).map(([k, v]) => [k, String(v)]));
    return this.request('GET', `/resources/${module}/actions/list?${qs}`);
  }

  show(module: string, id: number | string) {
    return this.request('GET', `/resources/${module}/records/${id}/show`);
  }

  edit(module: string, id: number | string, values: Record<string, unknown>) {
    return this.request('POST', `/resources/${module}/records/${id}/edit`, values);
  }

  create(module: string, values: Record<string, unknown>) {
    return this.request('POST', `/resources/${module}/actions/new`, values);
  }

  delete(module: string, id: number | string, payload?: Record<string, unknown>) {
    return this.request('POST', `/resources/${module}/records/${id}/delete`, payload ?? {});
  }

  bulkDelete(module: string, ids: Array<number | string>, payload?: Record<string, unknown>) {
    return this.request('POST', `/resources/${module}/bulk/bulkDelete?recordIds=${ids.join(',')}`, payload ?? {});
  }

  search(module: string, query: string) {
    return this.request('GET', `/resources/${module}/actions/search/${encodeURIComponent(query)}`);
  }

  export(module: string) {
    return this.request('GET', `/resources/${module}/actions/export`);
  }

  dashboard() {
    return this.request('GET', '/dashboard');
  }
}

/** The references of a list answer. */
export function references(body: { records?: Array<{ params: { reference?: string } }> }): string[] {
  return (body.records ?? []).map((r) => r.params.reference!).sort();
}
