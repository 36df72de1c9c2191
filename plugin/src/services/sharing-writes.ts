import type { ModuleCatalog } from '../core/modules.js';
import { moduleLabel, ruleSentence } from '../core/rule-sentence.js';
import { defaultProblem } from '../core/sharing-levels.js';
import type { EntityManager } from 'typeorm';
import { RULE_ACCESS, RULE_TARGET_KINDS, type RuleAccess, type RuleTargetKind, type SharingLevel } from '../core/model.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { auditSetup, snapshot } from './actor.js';
import { invalidIn, missingIn, requireCapability, type Said } from '../core/refusals.js';
import { freeName } from './setup-names.js';
import type { ServiceContext } from './context.js';

/** A rule with the names of its roles or teams, as the screens show it. */
export interface NamedRule {
  id: number;
  name: string | null;
  module: string;
  access: RuleAccess;
  fromKind: RuleTargetKind;
  fromRoleId: number | null;
  fromTeamId: number | null;
  fromName: string | null;
  toKind: RuleTargetKind;
  toRoleId: number | null;
  toTeamId: number | null;
  toName: string | null;
}

/** The rules (all, or those of `ids`) with their roles' and teams' names, by module. */
export function namedRules(m: Pick<EntityManager, 'query'>, ids: number[] | null = null): Promise<NamedRule[]> {
  return m.query(
    `SELECT s.id, s.name, s.module, s.access, s.from_kind AS "fromKind", s.from_role_id AS "fromRoleId", s.from_team_id AS "fromTeamId",
            coalesce(fr.name, ft.name) AS "fromName", s.to_kind AS "toKind", s.to_role_id AS "toRoleId", s.to_team_id AS "toTeamId",
            coalesce(tr.name, tt.name) AS "toName"
       FROM sharing_rule s LEFT JOIN role fr ON fr.id = s.from_role_id LEFT JOIN team ft ON ft.id = s.from_team_id
       LEFT JOIN role tr ON tr.id = s.to_role_id LEFT JOIN team tt ON tt.id = s.to_team_id
      WHERE $1::int[] IS NULL OR s.id = ANY($1::int[])
      ORDER BY s.module, s.id`,
    [ids],
  );
}

/** Its sentence (core/rule-sentence.ts), with the module's label from the app's catalog. */
export function namedRuleSentence(
  catalog: ModuleCatalog,
  r: Pick<NamedRule, 'module' | 'access' | 'fromKind' | 'fromName' | 'toKind' | 'toName'>,
  lang: 'fr' | 'en' = 'fr',
): string {
  return ruleSentence(
    { from: { kind: r.fromKind, name: r.fromName ?? '?' }, to: { kind: r.toKind, name: r.toName ?? '?' }, access: r.access },
    moduleLabel(catalog, r.module),
    lang,
  );
}

export interface RuleInput {
  name?: string | null;
  module?: string;
  fromKind?: RuleTargetKind;
  fromRoleId?: number | null;
  fromTeamId?: number | null;
  toKind?: RuleTargetKind;
  toRoleId?: number | null;
  toTeamId?: number | null;
  access?: RuleAccess;
}

/** A module rules may name: a sharing module that is not always private (not Activity, not Contact). Said in both languages, by the modules' labels. */
export function ruleModuleProblem(catalog: ModuleCatalog, module: string): Said | null {
  const s = catalog.sharingModules.find((x) => x.name === module);
  if (!s) {
    const governed = catalog.modules.find((m) => m.name === module);
    if (governed?.owner.kind === 'none')
      return {
        fr: 'Un catalogue : ses privilèges de module décident seuls, sans règle de partage.',
        en: 'A catalogue: its module privileges alone decide, with no sharing rule.',
      };
    if (!governed) return { fr: `Module de partage inconnu : ${module}.`, en: `Unknown sharing module: ${module}.` };
    const under = moduleLabel(catalog, governed.sharingModule!);
    return { fr: `Pas de règles propres : les règles des ${under.fr} s'y appliquent.`, en: `No rules of its own: the rules of ${under.en} apply.` };
  }
  if (s.alwaysPrivate) {
    const label = moduleLabel(catalog, module);
    const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
    return {
      fr: `Les ${label.fr} sont toujours ${label.feminine ? 'privées' : 'privés'} et ne prennent pas de règle de partage.`,
      en: `${cap(label.en)} are always private and take no sharing rule.`,
    };
  }
  return null;
}

export async function saveRule(service: AccessService, ctx: ServiceContext, id: number | null, input: RuleInput): Promise<number> {
  requireCapability(ctx.actor, 'manageAccess');
  return service.ds.transaction(async (m) => {
    const [current] = id === null ? [null] : await m.query(`SELECT * FROM sharing_rule WHERE id = $1 FOR UPDATE`, [id]);
    if (id !== null && !current) throw missingIn({ fr: `Aucune règle n° ${id}.`, en: `No rule #${id}.` });
    const r = {
      name: input.name === undefined ? (current?.name ?? null) : input.name?.trim() || null,
      module: input.module ?? current?.module,
      fromKind: input.fromKind ?? current?.from_kind,
      toKind: input.toKind ?? current?.to_kind,
      access: input.access ?? current?.access,
      fromRoleId: input.fromRoleId === undefined ? (current?.from_role_id ?? null) : input.fromRoleId,
      fromTeamId: input.fromTeamId === undefined ? (current?.from_team_id ?? null) : input.fromTeamId,
      toRoleId: input.toRoleId === undefined ? (current?.to_role_id ?? null) : input.toRoleId,
      toTeamId: input.toTeamId === undefined ? (current?.to_team_id ?? null) : input.toTeamId,
    };
    const problem = ruleModuleProblem(service.registry.catalog, r.module ?? '');
    if (problem) throw invalidIn(problem, 'module');
    if (!(RULE_ACCESS as readonly string[]).includes(r.access))
      throw invalidIn({ fr: 'Accès attendu : lecture ou lecture et écriture.', en: 'Access expected: read, or read and write.' }, 'access');
    for (const side of ['from', 'to'] as const) {
      const kind = r[`${side}Kind`];
      if (!(RULE_TARGET_KINDS as readonly string[]).includes(kind))
        throw invalidIn(
          {
            fr: `Type de ${side === 'from' ? 'source' : 'destinataire'} attendu : rôle, rôle et subordonnés, ou équipe.`,
            en: `${side === 'from' ? 'Source' : 'Recipient'} type expected: role, role and subordinates, or team.`,
          },
          `${side}Kind`,
        );
      const roleKey = `${side}RoleId` as const;
      const teamKey = `${side}TeamId` as const;
      if (kind === 'team') {
        r[roleKey] = null;
        if (!r[teamKey] || !(await m.query(`SELECT 1 FROM team WHERE id = $1`, [r[teamKey]])).length)
          throw invalidIn(
            {
              fr: `Choisissez une équipe existante (${side === 'from' ? 'source' : 'destinataire'}).`,
              en: `Choose an existing team (${side === 'from' ? 'source' : 'recipient'}).`,
            },
            teamKey,
          );
      } else {
        r[teamKey] = null;
        if (!r[roleKey] || !(await m.query(`SELECT 1 FROM role WHERE id = $1`, [r[roleKey]])).length)
          throw invalidIn(
            {
              fr: `Choisissez un rôle existant (${side === 'from' ? 'source' : 'destinataire'}).`,
              en: `Choose an existing role (${side === 'from' ? 'source' : 'recipient'}).`,
            },
            roleKey,
          );
      }
    }
    if (r.name && input.name !== undefined) r.name = await freeName(m, 'rule', r.name, id);
    const values = [r.name, r.module, r.fromKind, r.fromRoleId, r.fromTeamId, r.toKind, r.toRoleId, r.toTeamId, r.access];
    if (id === null) {
      const [row] = await m.query(
        `INSERT INTO sharing_rule (name, module, from_kind, from_role_id, from_team_id, to_kind, to_role_id, to_team_id, access)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        values,
      );
      await auditSetup(m, ctx, 'create', 'SharingRule', row.id, r.name, null, await snapshot(m, 'sharing_rule', row.id));
      return row.id as number;
    }
    const was = await snapshot(m, 'sharing_rule', id);
    await m.query(
      `UPDATE sharing_rule SET name = $1, module = $2, from_kind = $3, from_role_id = $4, from_team_id = $5, to_kind = $6,
         to_role_id = $7, to_team_id = $8, access = $9 WHERE id = $10`,
      [...values, id],
    );
    await auditSetup(m, ctx, 'update', 'SharingRule', id, r.name, was, await snapshot(m, 'sharing_rule', id));
    return id;
  });
}

export async function deleteRule(service: AccessService, ctx: ServiceContext, id: number): Promise<void> {
  requireCapability(ctx.actor, 'manageAccess');
  await service.ds.transaction(async (m) => {
    const was = await snapshot(m, 'sharing_rule', id);
    const [rows] = await m.query(`DELETE FROM sharing_rule WHERE id = $1 RETURNING id`, [id]);
    if (!rows?.length) throw missingIn({ fr: `Aucune règle n° ${id}.`, en: `No rule #${id}.` });
    await auditSetup(m, ctx, 'delete', 'SharingRule', id, (was?.name as string) ?? null, was, null);
  });
}

/** Sets a module's default; while Account is private, the modules under it must stay private (see defaultProblem). */
export async function setDefault(service: AccessService, ctx: ServiceContext, module: string, level: SharingLevel): Promise<void> {
  requireCapability(ctx.actor, 'manageAccess');
  const catalog = service.registry.catalog;
  // A module or level that can never be set is refused before taking the lock; the dependencies
  // between defaults are checked against the defaults as locked.
  const early = defaultProblem(catalog, {}, module, level);
  if (early && early.kind !== 'dependency') throw invalidIn(early.text, early.kind);
  await service.ds.transaction(async (m) => {
    await m.query(`LOCK TABLE sharing_default IN SHARE ROW EXCLUSIVE MODE`);
    const rows: Array<{ module: string; level: SharingLevel }> = await m.query(`SELECT module, level FROM sharing_default`);
    const problem = defaultProblem(catalog, Object.fromEntries(rows.map((r) => [r.module, r.level])), module, level);
    if (problem) throw invalidIn(problem.text, 'level');
    const was = await snapshot(m, 'sharing_default', module, 'module');
    await m.query(`INSERT INTO sharing_default (module, level) VALUES ($1, $2) ON CONFLICT (module) DO UPDATE SET level = EXCLUDED.level`, [module, level]);
    await auditSetup(m, ctx, was ? 'update' : 'create', 'SharingDefault', module, module, was, { module, level });
  });
}
