import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessService, ServiceContext } from '@portier/adminjs';
import { PreviewInProgress, previewChange } from '../../../plugin/src/services/access-preview.js';
import { saveProfile } from '../../../plugin/src/services/profile-writes.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { accessService } from '../../support/engine.js';
import { importDoc } from '../../support/import.js';
import { buildRandomOrg } from '../../support/random-org.js';

/**
 * A preview holds nothing while it is compared (docs/access-preview.md, "Locks"): its transaction
 * holds the change and the reads only, and is rolled back before the engine compiles; no seat lock
 * is taken. One preview at a time per user: a second one asked meanwhile is refused.
 */
let db: TestDatabase;
let service: AccessService;
let admin: ServiceContext;
let other: ServiceContext;
let profiles: Array<{ id: number; modules: Record<string, Record<string, boolean>> }>;

beforeAll(async () => {
  db = await freshDatabase();
  service = accessService(db.ds);
  await importDoc(db.ds, buildRandomOrg(11, { recordsPerModule: 3 }), true);
  const [a] = await db.ds.query(`SELECT id FROM app_user WHERE is_admin AND status = 'active' AND kind = 'internal' ORDER BY id LIMIT 1`);
  const context = async (id: number): Promise<ServiceContext> => ({ actor: (await service.forUser(id))!, ip: null, userAgent: null, confirmSeats: true });
  admin = await context(Number(a.id));
  // Another administrator, for the save made while the first one's preview is being compared.
  const [b] = await db.ds.query(`SELECT min(id) AS id FROM app_user WHERE NOT is_admin AND status = 'active' AND kind = 'internal'`);
  await db.ds.query(`UPDATE app_user SET is_admin = true WHERE id = $1`, [b.id]);
  other = await context(Number(b.id));
  profiles = (await db.ds.query(`SELECT id, modules FROM profile WHERE audience = 'internal' AND NOT system ORDER BY id LIMIT 2`)).map(
    (p: { id: number; modules: Record<string, Record<string, boolean>> }) => ({ id: Number(p.id), modules: p.modules }),
  );
});
afterAll(async () => {
  await db.drop();
});

/** A profile's rights with one privilege turned over: a change that takes no seat and is always allowed. */
const turned = (p: (typeof profiles)[number], module = 'Deal') => ({
  modules: { ...p.modules, [module]: { ...p.modules[module], read: !p.modules[module]?.read } },
});

const advisoryLocks = async (): Promise<number> => Number((await db.ds.query(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'`))[0].n);

describe('previewChange, while it is compared', () => {
  it("holds no lock: another administrator's save goes through, and the same user's second preview is refused", async () => {
    const [first, second] = profiles;
    let during: { locks: number; secondPreview: unknown; saved: unknown } | null = null;
    const preview = await previewChange(service, (inside) => saveProfile(inside, admin, first.id, turned(first)), 'fr', {
      actorId: admin.actor.user.id,
      rolledBack: async () => {
        const locks = await advisoryLocks();
        const secondPreview = await previewChange(service, (inside) => saveProfile(inside, admin, second.id, turned(second)), 'en', {
          actorId: admin.actor.user.id,
        }).catch((e: unknown) => e);
        // Were the preview's transaction still open, this save would wait for it (its version row, the seat lock).
        const saved = await saveProfile(service, other, second.id, turned(second));
        during = { locks, secondPreview, saved };
      },
    });
    expect(during).not.toBeNull();
    const { locks, secondPreview } = during!;
    expect(locks).toBe(0);
    expect(secondPreview).toBeInstanceOf(PreviewInProgress);
    expect((secondPreview as PreviewInProgress).in('en')).toBe(
      'A preview of your changes is already being computed: wait for its answer before asking for another. Nothing was changed.',
    );
    expect((secondPreview as PreviewInProgress).in('fr')).toMatch(/^Un aperçu de vos changements est déjà en cours de calcul/);
    // The other administrator's save is kept; the preview's change is not.
    const [saved] = await db.ds.query(`SELECT modules FROM profile WHERE id = $1`, [second.id]);
    expect(saved.modules.Deal?.read ?? false).toBe(!second.modules.Deal?.read);
    const [previewed] = await db.ds.query(`SELECT modules FROM profile WHERE id = $1`, [first.id]);
    expect(previewed.modules).toEqual(first.modules);
    expect(preview.affected).toBeGreaterThanOrEqual(0);
  });

  it('leaves nothing held once answered: the same user previews again, and saves, at once', async () => {
    const [first] = profiles;
    const actorId = admin.actor.user.id;
    await previewChange(service, (inside) => saveProfile(inside, admin, first.id, turned(first)), 'fr', { actorId });
    expect(await advisoryLocks()).toBe(0);
    await expect(previewChange(service, (inside) => saveProfile(inside, admin, first.id, turned(first)), 'fr', { actorId })).resolves.toHaveProperty('lines');
    // A refused preview frees its user as well.
    await expect(previewChange(service, () => Promise.reject(new Error('refused')), 'fr', { actorId })).rejects.toThrow('refused');
    await expect(previewChange(service, (inside) => saveProfile(inside, admin, first.id, turned(first)), 'fr', { actorId })).resolves.toHaveProperty('lines');
    await saveProfile(service, admin, first.id, turned(first));
    const [saved] = await db.ds.query(`SELECT modules FROM profile WHERE id = $1`, [first.id]);
    expect(saved.modules.Deal?.read ?? false).toBe(!first.modules.Deal?.read);
  });
});
