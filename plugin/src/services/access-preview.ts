import { accessRights, diffRights, type AccessRights, type RightChange } from '../core/access-reach.js';
import { levelWords, previewSentence } from '../core/access-preview-text.js';
import { compileAccess, type Narrowing } from '../core/compile.js';
import type { Language } from '../core/explain-text.js';
import { SetupIndex } from '../core/setup-index.js';
import { previewScope } from '../core/preview-scope.js';
import type { AccessUser } from '../core/model.js';
import { AccessService } from '../adapters/postgres/access-service.js';
import { pairClasses, previewLines, type ClassPair, type PreviewLine } from '../core/preview-lines.js';
import { Refusal } from '../core/refusal.js';
import { NOTHING_CHANGED_IN } from '../core/refusals.js';
import { classesOfUsers, classesWritten, classUser, insideTransaction, usersByName } from '../adapters/postgres/access-preview.js';
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

/** Previews in progress, per actor: one at a time each (a preview is costly; see previewChange). */
const previewing = new Set<number>();

/** A second preview asked by an actor whose first is still being computed: answered 429 by the routes. */
export class PreviewInProgress extends Refusal {
  constructor(
    text = {
      fr: `Un aperçu de vos changements est déjà en cours de calcul : attendez sa réponse avant d'en demander un autre. ${NOTHING_CHANGED_IN.fr}`,
      en: `A preview of your changes is already being computed: wait for its answer before asking for another. ${NOTHING_CHANGED_IN.en}`,
    },
  ) {
    super('invalid', text.fr, undefined, false, undefined, text);
    this.name = 'PreviewInProgress';
  }
}

/**
 * Other changes of the access set-up kept being saved while the preview read: its snapshot could
 * not take its change (PostgreSQL's serialization failure, 40001) after PREVIEW_ATTEMPTS tries.
 * Answered 429 like a preview in progress (ask again), not as an unexpected error.
 */
export class PreviewCrowded extends PreviewInProgress {
  constructor() {
    super({
      fr: `D'autres changements d'accès viennent d'être enregistrés pendant le calcul de l'aperçu : demandez-le à nouveau. ${NOTHING_CHANGED_IN.fr}`,
      en: `Other access changes were saved while the preview was computed: ask for it again. ${NOTHING_CHANGED_IN.en}`,
    });
    this.name = 'PreviewCrowded';
  }
}

/** Tries of a preview whose snapshot met a change committed meanwhile (each one rolled back). */
export const PREVIEW_ATTEMPTS = 3;

/** PostgreSQL's "could not serialize access due to concurrent update" (REPEATABLE READ), as TypeORM wraps it. */
const isSerializationFailure = (e: unknown): boolean => {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  return err?.code === '40001' || err?.driverError?.code === '40001';
};

/**
 * What a change of the access set-up would do to every user's rights, before it is saved
 * (docs/access-preview.md). `apply` makes the change with the real service, given an AccessService
 * that works inside the preview's transaction: the same checks as the save, the same writes, the
 * database's own triggers (team members, closures). A change the save would refuse is refused here,
 * with the same refusal. One preview at a time per actor (`options.actorId`; PreviewInProgress).
 *
 * The transaction holds only the change and the reads (every user's access class before and after,
 * the set-up before and after, the users' names), then is rolled back: nothing is saved, nothing
 * audited, and no lock is kept while the engine compiles and compares the classes, outside it.
 */
export async function previewChange(
  service: AccessService,
  apply: (inside: AccessService) => Promise<unknown>,
  lang: Language = 'fr',
  options: PreviewOptions = {},
): Promise<AccessPreview> {
  const actorId = options.actorId ?? null;
  if (actorId !== null) {
    if (previewing.has(actorId)) throw new PreviewInProgress();
    previewing.add(actorId);
  }
  try {
    // The snapshot is taken before the change: a save committed meanwhile that the change's writes
    // meet (the set-up version's row, at least) fails the change with 40001. Nothing was kept (it is
    // all rolled back): the preview starts again on a newer snapshot, a few times, then says so.
    let read: PreviewReads | undefined;
    for (let attempt = 1; !read; attempt++) {
      try {
        read = await changeAndRead(service, apply);
      } catch (e) {
        if (!isSerializationFailure(e)) throw e;
        if (attempt >= PREVIEW_ATTEMPTS) throw new PreviewCrowded();
      }
    }
    await options.rolledBack?.();
    return compared(service.catalog, read, lang);
  } finally {
    if (actorId !== null) previewing.delete(actorId);
  }
}

export interface PreviewOptions {
  /** Who asks (a user's id): one preview at a time each. */
  actorId?: number | null;
  /** Called once the transaction is rolled back, before the comparison (tests: what is held meanwhile). */
  rolledBack?: () => Promise<void>;
}

interface PreviewReads {
  before: SetupIndex;
  after: SetupIndex;
  pairs: ClassPair[];
  named: Array<{ id: number; name: string }>;
}

/** Inside one transaction, always rolled back: the change, and what the comparison needs. */
async function changeAndRead(service: AccessService, apply: (inside: AccessService) => Promise<unknown>): Promise<PreviewReads> {
  const runner = service.ds.createQueryRunner();
  await runner.connect();
  try {
    // One snapshot: before and after differ by the change alone, not by what others commit meanwhile.
    await runner.startTransaction('REPEATABLE READ');
    const m = runner.manager;
    const ds = insideTransaction(service.ds, m);
    const classesBefore = await classesOfUsers(m);
    const before = new SetupIndex(await loadSetup(ds));
    await apply(new AccessService(ds, service.registry));
    const after = new SetupIndex(await loadSetup(ds));
    // A change that wrote no user, team member or dossier grant (a profile's rights) leaves every class as it was.
    const pairs = pairClasses(classesBefore, (await classesWritten(m)) ? await classesOfUsers(m) : classesBefore);
    return { before, after, pairs, named: await usersByName(m) };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Outside any transaction: each class compiled once per side, compared, mapped back onto the users. */
function compared(catalog: AccessService['catalog'], { before, after, pairs, named }: PreviewReads, lang: Language): AccessPreview {
  // A change of profiles' contents alone is narrowed (core/preview-scope.ts): a class that holds none
  // of the changed profiles is not compiled at all, a holder's only on the modules and actions the
  // change touches.
  const scope = previewScope(before.setup, after.setup, catalog);
  const users = new Map<string, AccessUser>();
  const userOf = (cls: string): AccessUser => {
    let user = users.get(cls);
    if (!user) users.set(cls, (user = classUser(cls)));
    return user;
  };
  const rightsOf = (index: SetupIndex, cache: Map<string, AccessRights>, cls: string, only?: Narrowing): AccessRights => {
    // A class compiled for a few modules is not the whole class: kept apart.
    const key = only ? `narrowed:${cls}` : cls;
    let rights = cache.get(key);
    if (!rights) {
      const user = userOf(cls);
      rights = accessRights(compileAccess(index, catalog, user, only), catalog, user.teamIds, only);
      cache.set(key, rights);
    }
    return rights;
  };
  const beforeCache = new Map<string, AccessRights>();
  const afterCache = new Map<string, AccessRights>();
  const changes: Array<{ pair: number; change: RightChange }> = [];
  pairs.forEach((p, pair) => {
    const narrowed = scope !== null && p.before === p.after;
    if (narrowed && !holdsAny(before, userOf(p.before), scope.profiles)) return;
    const only = narrowed ? scope.actions : undefined;
    for (const change of diffRights(rightsOf(before, beforeCache, p.before, only), rightsOf(after, afterCache, p.after, only))) changes.push({ pair, change });
  });
  const { affected, lines } = previewLines(pairs, changes, named, PREVIEW_USERS_LISTED);
  return { affected, lines: ordered(lines).map((l) => worded(catalog, l, lang)) };
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
