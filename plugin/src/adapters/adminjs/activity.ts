import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { currentAccess } from './request-context.js';
import type { AccessService } from '../postgres/access-service.js';
import { STATS_TIME_ZONE } from '../postgres/connection-stats.js';
import { addModuleActivity, type ModuleActivityCount } from '../postgres/module-activity.js';
import { countEn } from '../../core/refusals.js';

/** `/api/resources/Contact/actions/list`, `/api/resources/Contact/records/12/show`, `/api/resources/Contact/bulk/bulkDelete`. */
const MODULE_API = /^\/api\/resources\/([^/]+)\/(?:actions|records|bulk)\//;

/** How long counts wait in memory before they are written: one upsert a second, whatever the traffic. */
export const FLUSH_DELAY_MS = 1000;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: STATS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day of an instant in the statistics' time zone, `YYYY-MM-DD`. */
export function statsDay(at: Date): string {
  return dayFormat.format(at);
}

/**
 * Requests per module per user per day, aggregated as they arrive: the counts are summed in
 * memory and added to `module_activity` by one upsert (postgres/module-activity.ts) at most every
 * second, so counting costs a request nothing and the statistics never recount logs. Whoever
 * reads the statistics flushes first (`flush()`), so a page shows every request this process
 * has served; another process's requests show within a second. A count is lost only if the
 * process dies within that second.
 */
export class ActivityCounter {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly ds: DataSource) {}

  count(userId: number, module: string, at = new Date()): void {
    const key = `${statsDay(at)}\u0000${userId}\u0000${module}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS).unref();
  }

  /** Writes what is pending; resolves once every count made before the call is in the table. Never rejects. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    // One flush at a time, in order: a reader waiting on this one also waits for the one before.
    this.flushing = this.flushing.then(() => (batch.size ? this.write(batch) : undefined));
    return this.flushing;
  }

  private async write(batch: Map<string, number>): Promise<void> {
    const counts: ModuleActivityCount[] = [];
    for (const [key, n] of batch) {
      const [day, user, module] = key.split('\u0000');
      counts.push({ day, userId: Number(user), module, requests: n });
    }
    try {
      await addModuleActivity(this.ds, counts);
    } catch (e) {
      const lost = counts.reduce((a, c) => a + c.requests, 0);
      console.error(`[stats] ${countEn(lost, 'module request')} could not be counted:`, (e as Error).message);
    }
  }
}

// One counter per database, shared by the middleware that counts and the routes that read.
const counters = new WeakMap<DataSource, ActivityCounter>();

export function activityCounter(ds: DataSource): ActivityCounter {
  let c = counters.get(ds);
  if (!c) counters.set(ds, (c = new ActivityCounter(ds)));
  return c;
}

/**
 * Counts one request per module per signed-in user per day: AdminJS API calls on the resources
 * of the app's declared modules (not the set-up resources, pages or static assets). Mounted
 * right after the access gate, whose request context names the user. Never fails a request.
 */
export function moduleActivity(service: AccessService): RequestHandler {
  const counter = activityCounter(service.ds);
  return (req, _res, next) => {
    try {
      const m = MODULE_API.exec(req.path);
      const store = m && currentAccess();
      if (m && store) {
        const module = decodeURIComponent(m[1]);
        if (service.registry.names.includes(module)) counter.count(store.access.user.id, module);
      }
    } catch (e) {
      console.error('[stats] a module request could not be counted:', (e as Error).message);
    }
    next();
  };
}
