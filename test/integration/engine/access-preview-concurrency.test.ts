import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessService, ServiceContext } from '@portier/adminjs';
import { PREVIEW_ATTEMPTS, PreviewCrowded, PreviewInProgress, previewChange } from '../../../plugin/src/services/access-preview.js';
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

// This database's only: other test files (and other runs on the machine) hold their own meanwhile.
const advisoryLocks = async (): Promise<number> =>
  Number(
    (
      await db.ds.query(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    )[0].n,
  );

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

describe('previewChange, while others save', () => {
  // The preview reads in one REPEATABLE READ snapshot: a save committed after it was taken makes the
  // change's own bump of the set-up version fail with 40001. That is no unexpected error (a 500).
  const meanwhile = (p: (typeof profiles)[number]) => saveProfile(service, other, p.id, turned(p, 'Ticket'));

  it('starts again on a newer snapshot when a save was committed meanwhile', async () => {
    const [first, second] = profiles;
    const modulesOf = async (id: number) => (await db.ds.query(`SELECT modules FROM profile WHERE id = $1`, [id]))[0].modules;
    const before = await modulesOf(first.id);
    let attempts = 0;
    const preview = await previewChange(
      service,
      async (inside) => {
        attempts++;
        if (attempts === 1) await meanwhile(second);
        return saveProfile(inside, admin, first.id, turned(first));
      },
      'fr',
      { actorId: admin.actor.user.id },
    );
    expect(attempts).toBe(2);
    expect(preview).toHaveProperty('lines');
    // The preview's change is not kept; the save made meanwhile is.
    expect(await modulesOf(first.id)).toEqual(before);
    expect((await modulesOf(second.id)).Ticket?.read ?? false).toBe(!second.modules.Ticket?.read);
  });

  it('says "ask again" (a preview refusal, answered 429) when saves keep coming, and frees its user', async () => {
    const [first, second] = profiles;
    let attempts = 0;
    const refused = await previewChange(
      service,
      async (inside) => {
        attempts++;
        await meanwhile(second);
        return saveProfile(inside, admin, first.id, turned(first));
      },
      'en',
      { actorId: admin.actor.user.id },
    ).catch((e: unknown) => e);
    expect(attempts).toBe(PREVIEW_ATTEMPTS);
    expect(refused).toBeInstanceOf(PreviewCrowded);
    expect(refused).toBeInstanceOf(PreviewInProgress);
    expect((refused as PreviewCrowded).in('en')).toBe('Other access changes were saved while the preview was computed: ask for it again. Nothing was changed.');
    await expect(
      previewChange(service, (inside) => saveProfile(inside, admin, first.id, turned(first)), 'fr', { actorId: admin.actor.user.id }),
    ).resolves.toHaveProperty('lines');
  });
});
