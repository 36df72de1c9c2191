import { accessRights, diffRights, type AccessRights, type RightChange } from '../core/access-reach.js';
import { levelWords, previewSentence } from '../core/access-preview-text.js';
import { compileAccess } from '../core/compile.js';
import type { Language } from '../core/explain-text.js';
import { SetupIndex } from '../core/setup-index.js';
import { previewScope } from '../core/preview-scope.js';
import type { AccessUser } from '../core/model.js';
import { AccessService } from '../adapters/postgres/access-service.js';
import { classPairsAfter, classUser, insideTransaction, previewLines, recordClassesBefore, type PreviewLine } from '../adapters/postgres/access-preview.js';
import { loadSetup } from '../adapters/postgres/load-setup.js';

/** One line of the preview, in the reader's language, with the users it concerns. */
export interface AccessPreviewLine extends PreviewLine {
  sentence: string;
  users: Array<PreviewLine['users'][number] & { fromText: string; toText: string }>;
}

export interface AccessPreview {
  /** Users whose rights change in any way. */
  affected: number;
  lines: AccessPreviewLine[];
}

/** Users named per line at most (the count says how many there are). */
export const PREVIEW_USERS_LISTED = 200;

/**
 * What a change of the access set-up would do to every user's rights, before it is saved
 * (docs/access-preview.md). `apply` makes the change with the real service, given an AccessService
 * that works inside the preview's transaction: the same checks as the save, the same writes, the
 * database's own triggers (team members, closures). Then PostgreSQL and the engine compare every
 * access class before and after, and the transaction is rolled back: nothing is saved, nothing
 * audited. A change the save would refuse is refused here, with the same refusal.
 */
export async function previewChange(service: AccessService, apply: (inside: AccessService) => Promise<unknown>, lang: Language = 'fr'): Promise<AccessPreview> {
  const runner = service.ds.createQueryRunner();
  await runner.connect();
  try {
    // One snapshot: before and after differ by the change alone, not by what others commit meanwhile.
    await runner.startTransaction('REPEATABLE READ');
    const m = runner.manager;
    const ds = insideTransaction(service.ds, m);
    await recordClassesBefore(m);
    const before = new SetupIndex(await loadSetup(ds));
    await apply(new AccessService(ds, service.registry));
    const after = new SetupIndex(await loadSetup(ds));
    const pairs = await classPairsAfter(m);

    // Each access class compiled once per side, whatever the number of users. A change of profiles'
    // contents alone is narrowed (core/preview-scope.ts): a class that holds none of the changed
    // profiles is not compiled at all, a holder's only on the modules the change touches.
    const catalog = service.catalog;
    const scope = previewScope(before.setup, after.setup, catalog);
    const rightsOf = (index: SetupIndex, cache: Map<string, AccessRights>, cls: string, only?: ReadonlySet<string>): AccessRights => {
      // A class compiled for a few modules is not the whole class: kept apart.
      const key = only ? `narrowed:${cls}` : cls;
      let rights = cache.get(key);
      if (!rights) {
        const user = classUser(cls);
        rights = accessRights(compileAccess(index, catalog, user, only), catalog, user.teamIds, only);
        cache.set(key, rights);
      }
      return rights;
    };
    const beforeCache = new Map<string, AccessRights>();
    const afterCache = new Map<string, AccessRights>();
    const changes: Array<RightChange & { before: string; after: string }> = [];
    for (const p of pairs) {
      const narrowed = scope !== null && p.before === p.after;
      if (narrowed && !holdsAny(before, classUser(p.before), scope.profiles)) continue;
      const only = narrowed ? scope.modules : undefined;
      for (const c of diffRights(rightsOf(before, beforeCache, p.before, only), rightsOf(after, afterCache, p.after, only)))
        changes.push({ ...c, before: p.before, after: p.after });
    }
    const lines = await previewLines(m, changes, PREVIEW_USERS_LISTED);
    const [{ affected }] = changes.length
      ? await m.query(
          `SELECT count(*)::int AS affected FROM portier_preview_user p
            WHERE (p.before_class, p.after_class) IN (SELECT b, a FROM unnest($1::text[], $2::text[]) AS c(b, a))`,
          [changes.map((c) => c.before), changes.map((c) => c.after)],
        )
      : [{ affected: 0 }];
    return { affected, lines: ordered(lines).map((l) => worded(catalog, l, lang)) };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Whether a user of this class holds one of these profiles: through their role, or a client's dossiers. */
function holdsAny(index: SetupIndex, user: AccessUser, profiles: ReadonlySet<number>): boolean {
  const held = user.kind === 'client' ? (user.dossiers ?? []).map((d) => d.profileId) : (index.roles.get(user.roleId ?? -1)?.profileIds ?? []);
  return held.some((id) => profiles.has(id));
}

const DIRECTION = { loss: 0, change: 1, gain: 2 } as const;

/** Losses first (what the reader must not miss), then by module in the catalog's order and action. */
function ordered(lines: PreviewLine[]): PreviewLine[] {
  return [...lines].sort(
    (a, b) =>
      DIRECTION[a.change] - DIRECTION[b.change] ||
      b.count - a.count ||
      a.module.localeCompare(b.module) ||
      a.action.localeCompare(b.action) ||
      (a.detail ?? '').localeCompare(b.detail ?? ''),
  );
}

function worded(catalog: AccessService['catalog'], line: PreviewLine, lang: Language): AccessPreviewLine {
  return {
    ...line,
    sentence: previewSentence(catalog, line, lang),
    users: line.users.map((u) => ({ ...u, fromText: levelWords(catalog, line, u.from, lang), toText: levelWords(catalog, line, u.to, lang) })),
  };
}
