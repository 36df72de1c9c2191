import { type Request, type Router } from 'express';
import { z } from 'zod';
import { RULE_TARGET_KINDS, SHARING_LEVELS, type RuleAccess, type RuleTargetKind, type SharingLevel } from '../../core/model.js';
import { moduleLabel } from '../../core/rule-sentence.js';
import { defaultProblem, LEVEL_LABELS } from '../../core/sharing-levels.js';
import { languageOf } from '../../adapters/web/language.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { deleteRule, namedRules, namedRuleSentence, ruleModuleProblem, saveRule, setDefault, type RuleInput } from '../../services/sharing-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, holds, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { roleChoices, roleName } from '../../adapters/postgres/read-models/roles.js';
import { sharingDefaults } from '../../adapters/postgres/read-models/sharing.js';
import { teamChoices, teamName } from '../../adapters/postgres/read-models/teams.js';
import { answerPreview, wantsPreview } from '../access-preview/preview-answer.js';

// Shapes only: the values (module, kinds, access, existing role or team) are checked by saveRule,
// whose French messages are the ones the consultant should read.
const ruleBody = z.strictObject({
  name: z.string().max(200).nullable().optional(),
  module: z.string().max(100),
  fromKind: z.string().max(40),
  fromRoleId: id.nullable().optional(),
  fromTeamId: id.nullable().optional(),
  toKind: z.string().max(40),
  toRoleId: id.nullable().optional(),
  toTeamId: id.nullable().optional(),
  access: z.string().max(40),
});
type RuleBody = z.infer<typeof ruleBody>;
const levelBody = z.strictObject({ level: z.string().max(40) });

/** The page's language: the one it asks for, else the user's own (their `locale`). */
const language = (req: Request): 'fr' | 'en' => (req.query.lang === 'en' || req.query.lang === 'fr' ? req.query.lang : languageOf(req));

/**
 * The sharing page: the organisation-wide defaults (each level a module may not take now comes
 * with the reason setDefault would give), the rules as sentences, and their writes. Reading needs
 * manageUsers or manageAccess (like every set-up resource); writing, manageAccess, which the
 * services check again. Every write goes through setDefault, saveRule or deleteRule.
 */
export function sharingRoutes(service: AccessService): Router {
  const router = newRouter();
  const catalog = service.registry.catalog;
  const reading = guardedBy(['manageUsers', 'manageAccess']);
  const writing = guardedBy(['manageAccess']);
  const handle = (write: boolean, fn: Parameters<typeof reading>[0]) => (write ? writing : reading)(fn);

  router.get(
    '/sharing',
    handle(false, async (req, res) => {
      const lang = language(req);
      const rows = await sharingDefaults(service.ds);
      const defaults = Object.fromEntries(rows.map((r) => [r.module, r.level]));
      const modules = catalog.sharingModules.map((s) => {
        const level = s.alwaysPrivate ? 'private' : (defaults[s.name] ?? 'private');
        // Each other level with the reason setDefault would refuse it for, now.
        const options = SHARING_LEVELS.map((l) => ({
          level: l,
          refused: l === level ? null : (defaultProblem(catalog, defaults, s.name, l)?.text[lang] ?? null),
        }));
        const others = options.filter((o) => o.level !== level);
        const reasons = [...new Set(others.map((o) => o.refused).filter((m): m is string => !!m))];
        // Locked: no other level is possible (Activity; a module under Account while Account is private).
        const locked = others.every((o) => o.refused) ? (s.alwaysPrivate ? (ruleModuleProblem(catalog, s.name)?.[lang] ?? null) : reasons.join(' ')) : null;
        return {
          module: s.name,
          label: moduleLabel(catalog, s.name),
          level,
          options,
          locked,
          reasons: locked ? [] : reasons,
          takesRules: !ruleModuleProblem(catalog, s.name),
        };
      });
      // Modules without a default of their own (Contact follows Account), with setDefault's and saveRule's words.
      const followers = catalog.modules
        .filter((m) => m.sharingModule !== undefined && m.sharingModule !== m.name)
        .map((m) => ({
          module: m.name,
          follows: m.sharingModule,
          reason: [defaultProblem(catalog, defaults, m.name, 'private')?.text[lang], ruleModuleProblem(catalog, m.name)?.[lang]].filter(Boolean).join(' '),
        }));
      const list = (await namedRules(service.ds)).map((r) => ({ ...r, sentence: namedRuleSentence(catalog, r, lang) }));
      const roles = await roleChoices(service.ds);
      const teams = await teamChoices(service.ds);
      res.json({ modules, followers, rules: list, roles, teams, kinds: RULE_TARGET_KINDS, levels: SHARING_LEVELS, canWrite: holds('manageAccess') });
    }),
  );

  router.put(
    '/sharing/defaults/:module',
    handle(true, async (req, res) => {
      const module = z.string().max(100).parse(req.params.module);
      const { level } = levelBody.parse(req.body);
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) => setDefault(inside, { ...serviceContext(), confirmSeats: true }, module, level as SharingLevel));
      await setDefault(service, serviceContext(), module, level as SharingLevel);
      const label = moduleLabel(catalog, module);
      const saved = LEVEL_LABELS[language(req)][level as SharingLevel];
      res.json({
        ok: true,
        message: language(req) === 'en' ? `Default sharing of ${label.en} saved: ${saved}.` : `Partage par défaut des ${label.fr} enregistré : ${saved}.`,
      });
    }),
  );

  // The draft's sentence, as the list will show it once saved; incomplete drafts have none yet.
  router.post(
    '/sharing/rules/preview',
    handle(false, async (req, res) => {
      const r = ruleBody.partial().parse(req.body);
      const name = async (kind: string | undefined, roleId?: number | null, teamId?: number | null): Promise<string | null> => {
        if (kind === 'team') return teamId ? teamName(service.ds, teamId) : null;
        if (kind === 'role' || kind === 'roleAndSubordinates') return roleId ? roleName(service.ds, roleId) : null;
        return null;
      };
      const fromName = await name(r.fromKind, r.fromRoleId, r.fromTeamId);
      const toName = await name(r.toKind, r.toRoleId, r.toTeamId);
      const problem = r.module ? ruleModuleProblem(catalog, r.module) : null;
      const complete = r.module && !problem && fromName && toName && (r.access === 'read' || r.access === 'read_write');
      res.json({
        sentence: complete
          ? namedRuleSentence(
              catalog,
              {
                module: r.module!,
                access: r.access as RuleAccess,
                fromKind: r.fromKind as RuleTargetKind,
                fromName,
                toKind: r.toKind as RuleTargetKind,
                toName,
              },
              language(req),
            )
          : null,
        problem: problem?.[language(req)] ?? null,
      });
    }),
  );

  const input = (b: RuleBody): RuleInput => ({
    name: b.name ?? null,
    module: b.module,
    access: b.access as RuleAccess,
    fromKind: b.fromKind as RuleTargetKind,
    fromRoleId: b.fromRoleId ?? null,
    fromTeamId: b.fromTeamId ?? null,
    toKind: b.toKind as RuleTargetKind,
    toRoleId: b.toRoleId ?? null,
    toTeamId: b.toTeamId ?? null,
  });
  const saved = async (ruleId: number, lang: 'fr' | 'en') => {
    const [r] = await namedRules(service.ds, [ruleId]);
    return { ...r, sentence: namedRuleSentence(catalog, r, lang) };
  };

  router.post(
    '/sharing/rules',
    handle(true, async (req, res) => {
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) =>
          saveRule(inside, { ...serviceContext(), confirmSeats: true }, null, input(ruleBody.parse(req.body))),
        );
      const ruleId = await saveRule(service, serviceContext(), null, input(ruleBody.parse(req.body)));
      const rule = await saved(ruleId, language(req));
      res.json({ rule, message: `Règle créée : ${rule.sentence}` });
    }),
  );

  router.put(
    '/sharing/rules/:id',
    handle(true, async (req, res) => {
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) =>
          saveRule(inside, { ...serviceContext(), confirmSeats: true }, id.parse(req.params.id), input(ruleBody.parse(req.body))),
        );
      const ruleId = await saveRule(service, serviceContext(), id.parse(req.params.id), input(ruleBody.parse(req.body)));
      const rule = await saved(ruleId, language(req));
      res.json({ rule, message: `Règle enregistrée : ${rule.sentence}` });
    }),
  );

  router.delete(
    '/sharing/rules/:id',
    handle(true, async (req, res) => {
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) => deleteRule(inside, { ...serviceContext(), confirmSeats: true }, id.parse(req.params.id)));
      await deleteRule(service, serviceContext(), id.parse(req.params.id));
      res.json({ ok: true, message: 'Règle supprimée.' });
    }),
  );

  return router;
}
