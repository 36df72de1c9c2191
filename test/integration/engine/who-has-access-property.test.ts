import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AccessService, whoHasAccess } from '@portier/adminjs';
import { ACTIONS, MODULES } from '../../support/engine.js';
import { extendedDatabase, type ExtendedDatabase } from '../../support/extended-database.js';
import { buildRandomOrg, rng } from '../../support/random-org.js';
import { decide, type RefOrg, type RefRecord } from '../../support/reference-evaluator.js';

/**
 * "Qui a accès ?" (issue 20, item 5): for random organisations and random records, the users the
 * panel lists with the actions it gives them are exactly the pairs (user, action) the plain
 * evaluator of test/support allows; and where the spec leaves one reason only (an admin, the
 * owner user of a record without global privileges), the panel gives that reason.
 */
const RUNS = Number(process.env.PORTIER_PROPERTY_RUNS ?? 40);
const RECORDS_PER_ORG = 8;
const PROPERTY_TIMEOUT = 360_000;

let db: ExtendedDatabase;
let service: AccessService;
beforeAll(async () => {
  db = await extendedDatabase();
  service = new AccessService(db.ds, db.registry);
});
afterAll(async () => {
  await db.drop();
});

interface Seen {
  pairs: number;
  owners: number;
  admins: number;
  clients: number;
}

/** The organisation's profiles of a user's role, as the document names them. */
function globalPrivileges(doc: RefOrg, login: string): boolean {
  const user = doc.users!.find((u) => u.login === login)!;
  const role = doc.roles?.find((r) => r.name === user.role);
  return (role?.profiles ?? []).some((name) => {
    const p = doc.profiles?.find((x) => x.name === name);
    return !!(p?.viewAll || p?.editAll);
  });
}

async function checkOrganisation(seed: number, seen: Seen): Promise<unknown[]> {
  const doc = buildRandomOrg(seed, { recordsPerModule: 5 }) as RefOrg;
  await db.importDoc(doc, true);
  const [{ id: adminId }] = await db.ds.query(`SELECT id FROM app_user WHERE is_admin AND status = 'active' ORDER BY id LIMIT 1`);
  const viewer = (await service.forUser(adminId))!;
  const logins = new Map<number, string>((await db.ds.query(`SELECT id, login FROM app_user`)).map((u: { id: number; login: string }) => [u.id, u.login]));
  const pick = rng(seed);
  const problems: unknown[] = [];
  for (let n = 0; n < RECORDS_PER_ORG; n++) {
    const module = pick.pick(MODULES);
    const records: RefRecord[] = doc.records?.[module] ?? [];
    if (!records.length) continue;
    const record = pick.pick(records);
    const [{ id }] = await db.ds.query(`SELECT id FROM "${service.table(module).table}" WHERE reference = $1`, [record.reference]);
    const answer = (await whoHasAccess(service, viewer, module, String(id), { page: 1, search: '', lang: 'fr' }))!;
    // Random organisations have fewer users than a page: the page is the whole list.
    expect(answer.total).toBe(answer.holders.length);
    const listed = answer.holders.flatMap((h) => ACTIONS.filter((a) => h[a]).map((a) => `${logins.get(h.id)} ${a}`)).sort();
    const expected = [...logins.values()]
      .flatMap((login) => ACTIONS.filter((a) => decide(doc, login, module, record.reference, a)).map((a) => `${login} ${a}`))
      .sort();
    seen.pairs += expected.length;
    if (JSON.stringify(listed) !== JSON.stringify(expected)) problems.push({ seed, module, reference: record.reference, listed, expected });

    for (const h of answer.holders) {
      const login = logins.get(h.id)!;
      const user = doc.users!.find((u) => u.login === login)!;
      const because = (action: string) => h.reasons.filter((r) => r.actions.includes(action as never)).map((r) => r.text);
      if (user.isAdmin) {
        seen.admins++;
        if (ACTIONS.some((a) => JSON.stringify(because(a)) !== JSON.stringify(['administrateur'])))
          problems.push({ seed, login, module, reference: record.reference, reasons: h.reasons, want: 'administrateur' });
      } else if (user.kind === 'client') {
        seen.clients++;
        if (!because('read').some((t) => t.startsWith('client : dossier '))) problems.push({ seed, login, module, reasons: h.reasons, want: 'dossier' });
      } else if (record.owner && 'user' in record.owner && record.owner.user === login && !globalPrivileges(doc, login) && h.read) {
        seen.owners++;
        if (!because('read').includes('propriétaire'))
          problems.push({ seed, login, module, reference: record.reference, reasons: h.reasons, want: 'propriétaire' });
      }
      // Every action listed has a reason in words.
      for (const a of ACTIONS.filter((x) => h[x])) if (!because(a).length) problems.push({ seed, login, module, action: a, reasons: h.reasons });
    }
  }
  return problems;
}

describe('Qui a accès ? agrees with the spec on random organisations', () => {
  it(
    `lists exactly the users and actions the plain evaluator allows (${RUNS} organisations)`,
    async () => {
      const seen: Seen = { pairs: 0, owners: 0, admins: 0, clients: 0 };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          const problems = await checkOrganisation(seed, seen);
          expect(problems.slice(0, 3)).toEqual([]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      console.log(`who has access property test: ${RUNS} organisations, ${JSON.stringify(seen)}`);
      // Not vacuous: the runs met admins, owners and client users, and allowed pairs.
      if (RUNS >= 20) expect([seen.pairs > 0, seen.admins > 0, seen.owners > 0, seen.clients > 0]).toEqual([true, true, true, true]);
    },
    PROPERTY_TIMEOUT,
  );
});
