import { z } from 'zod';
import {
  CAPABILITIES,
  CLIENT_TIERS,
  CONTACT_SCOPES,
  FIELD_ACCESS,
  INTERNAL_TIERS,
  MODULE_ACTIONS,
  PROFILE_AUDIENCES,
  RULE_ACCESS,
  SHARING_LEVELS,
} from '../../core/model.js';
import { WEEK_DAYS } from '../../core/login-hours.js';

/**
 * The organisation file's shape (docs/spec/org-format.md). Fields a file leaves out stay undefined here:
 * a new row then takes its default and an existing row keeps its value.
 */

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters`).nullable().optional();

const modulePrivilege = z.strictObject(
  Object.fromEntries(MODULE_ACTIONS.map((a) => [a, z.boolean().optional()])) as Record<(typeof MODULE_ACTIONS)[number], z.ZodOptional<z.ZodBoolean>>,
);

const contactScopes = z.strictObject({
  client: z.enum(CONTACT_SCOPES).optional(),
  prospect: z.enum(CONTACT_SCOPES).optional(),
  supplier: z.enum(CONTACT_SCOPES).optional(),
  other: z.enum(CONTACT_SCOPES).optional(),
});

export const profileSchema = z.strictObject({
  name,
  description: z.string().max(2000).optional(),
  system: z.boolean().optional(),
  default: z.boolean().optional(),
  audience: z.enum(PROFILE_AUDIENCES).optional(),
  licenseTier: z.enum([...INTERNAL_TIERS, ...CLIENT_TIERS]).optional(),
  viewAll: z.boolean().optional(),
  editAll: z.boolean().optional(),
  capabilities: z.array(z.enum(CAPABILITIES)).optional().describe('Administration rights; replaces the stored list whole.'),
  modules: z.record(z.string(), modulePrivilege).optional().describe('Per module: create, read, edit, delete, export. A module left out: no privilege.'),
  contactScopes: contactScopes.optional().describe('Per contact type: none, mine ("Mes clients") or all (the default).'),
  fields: z
    .record(z.string(), z.record(z.string(), z.enum(FIELD_ACCESS)))
    .optional()
    .describe('Per module and field: write (the default), read or none.'),
});

export const roleSchema = z.strictObject({
  name,
  parent: z.string().nullable().optional().describe('The parent role by name; null or left out: a root of the tree.'),
  profiles: z.array(z.string()).min(1, 'a role needs at least one profile').describe('Profile names; a user may do what any one of them allows.'),
});

export const teamSchema = z.strictObject({
  name,
  description: z.string().max(2000).optional(),
  users: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  rolesAndSubordinates: z.array(z.string()).optional(),
  teams: z.array(z.string()).optional(),
});

const timeRange = z.tuple([z.string(), z.string()]);
export const loginHoursSchema = z.strictObject({
  tz: z.string(),
  days: z.strictObject(
    Object.fromEntries(WEEK_DAYS.map((d) => [d, z.array(timeRange).optional()])) as Record<
      (typeof WEEK_DAYS)[number],
      z.ZodOptional<z.ZodArray<typeof timeRange>>
    >,
  ),
});

export const dossierSchema = z.strictObject({ account: z.string(), profile: z.string() });

export const userSchema = z.strictObject({
  login: z.string(),
  email: z
    .string()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
  password: z.string().optional().describe('Required for a new user; an existing user keeps theirs when left out. Never exported.'),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  isAdmin: z.boolean().optional(),
  status: z.enum(['active', 'inactive']).optional(),
  role: z.string().nullable().optional(),
  kind: z.enum(['internal', 'client']).optional(),
  dossiers: z.array(dossierSchema).optional().describe('Client users only: one grant per Account (by reference), each under a client profile.'),
  company: optionalText(200),
  title: optionalText(200),
  department: optionalText(200),
  reportsTo: z.string().nullable().optional(),
  phone: optionalText(40),
  mobilePhone: optionalText(40),
  locale: z.enum(['fr', 'en']).optional(),
  loginHours: loginHoursSchema.nullable().optional(),
  system: z.boolean().optional(),
  freeSeat: z.boolean().optional(),
  freeSeatReason: optionalText(200),
});

/** `{ role: R }`, `{ roleAndSubordinates: R }` or `{ team: T }`: exactly one key. */
export const targetSchema = z
  .strictObject({ role: z.string().optional(), roleAndSubordinates: z.string().optional(), team: z.string().optional() })
  .refine((t) => Object.values(t).filter((v) => v !== undefined).length === 1, {
    message: 'must be exactly one of { "role": R }, { "roleAndSubordinates": R }, { "team": T }',
  });

export const ruleSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  module: z.string(),
  from: targetSchema,
  to: targetSchema,
  access: z.enum(RULE_ACCESS),
});

export const orgDocumentSchema = z.strictObject({
  version: z.literal(1, 'must be 1'),
  profiles: z.array(profileSchema).optional().describe('Matched by name; the predefined system profiles exist in every database.'),
  roles: z.array(roleSchema).optional().describe('Matched by name; one tree, in any order.'),
  teams: z.array(teamSchema).optional().describe('Matched by name; members by login, role or team name.'),
  users: z.array(userSchema).optional().describe('Matched by login.'),
  subscription: z
    .strictObject({
      seats: z.partialRecord(z.enum([...INTERNAL_TIERS, ...CLIENT_TIERS]), z.number().int().min(0)).optional(),
    })
    .optional(),
  sharing: z
    .strictObject({
      defaults: z.record(z.string(), z.enum(SHARING_LEVELS)).optional(),
      rules: z.array(ruleSchema).optional(),
    })
    .optional(),
  records: z
    .record(z.string(), z.array(z.record(z.string(), z.unknown())))
    .optional()
    .describe('Per module: records matched by reference; links and owners by reference and login, other fields by property name.'),
});

export type OrgDocument = z.infer<typeof orgDocumentSchema>;
export type OrgProfile = z.infer<typeof profileSchema>;
export type OrgRole = z.infer<typeof roleSchema>;
export type OrgTeam = z.infer<typeof teamSchema>;
export type OrgUser = z.infer<typeof userSchema>;
export type OrgRule = z.infer<typeof ruleSchema>;
export type OrgTarget = z.infer<typeof targetSchema>;
export type OrgRecord = Record<string, unknown>;
