/**
 * The access set-up as plain data: what the engine compiles. Nothing here knows a database.
 * Ids are the database's integer ids; names are kept for messages and explanations.
 */

export const MODULE_ACTIONS = ['create', 'read', 'edit', 'delete', 'export'] as const;
export type ModuleAction = (typeof MODULE_ACTIONS)[number];
/** Actions decided per record (create and export are decided per module). */
export const RECORD_ACTIONS = ['read', 'edit', 'delete'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export type ModulePrivilege = Partial<Record<ModuleAction, boolean>>;
export type ModulePrivileges = Record<string, ModulePrivilege>;

export const CONTACT_TYPES = ['client', 'prospect', 'supplier', 'other'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export const CONTACT_SCOPES = ['none', 'mine', 'all'] as const;
export type ContactScope = (typeof CONTACT_SCOPES)[number];
export type ContactScopes = Partial<Record<ContactType, ContactScope>>;

export const FIELD_ACCESS = ['write', 'read', 'none'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];
export type FieldAccessMap = Record<string, Record<string, FieldAccess>>;

export const CAPABILITIES = ['manageUsers', 'manageAccess', 'viewAudit', 'viewStats', 'requestAccessChanges'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const PROFILE_AUDIENCES = ['internal', 'client'] as const;
export type ProfileAudience = (typeof PROFILE_AUDIENCES)[number];
export const INTERNAL_TIERS = ['limited', 'standard', 'premium'] as const;
export const CLIENT_TIERS = ['connect', 'invoicing', 'accounting', 'commercial'] as const;
export type InternalTier = (typeof INTERNAL_TIERS)[number];
export type ClientTier = (typeof CLIENT_TIERS)[number];
export type LicenseTier = InternalTier | ClientTier;

export const SHARING_LEVELS = ['private', 'public_read', 'public_read_write', 'public_read_write_delete'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export const RULE_ACCESS = ['read', 'read_write'] as const;
export type RuleAccess = (typeof RULE_ACCESS)[number];
export const RULE_TARGET_KINDS = ['role', 'roleAndSubordinates', 'team'] as const;
export type RuleTargetKind = (typeof RULE_TARGET_KINDS)[number];

export interface ProfileDef {
  id: number;
  name: string;
  audience: ProfileAudience;
  licenseTier: LicenseTier;
  system: boolean;
  isDefault: boolean;
  viewAll: boolean;
  editAll: boolean;
  capabilities: Capability[];
  modules: ModulePrivileges;
  contactScopes: ContactScopes;
  fields: FieldAccessMap;
}

export interface RoleDef {
  id: number;
  name: string;
  parentId: number | null;
  profileIds: number[];
}

export interface TeamDef {
  id: number;
  name: string;
  /** Its members as listed (four kinds); `members(T)` is derived from them by the database (team_member). */
  userIds: number[];
  roleIds: number[];
  subtreeRoleIds: number[];
  teamIds: number[];
}

export type RuleTarget = { kind: 'role'; roleId: number } | { kind: 'roleAndSubordinates'; roleId: number } | { kind: 'team'; teamId: number };

export interface RuleDef {
  id: number;
  name: string | null;
  module: string;
  from: RuleTarget;
  to: RuleTarget;
  access: RuleAccess;
}

/** The organisation's whole access set-up, as loaded from the database. */
export interface AccessSetup {
  version: number;
  profiles: ProfileDef[];
  roles: RoleDef[];
  teams: TeamDef[];
  rules: RuleDef[];
  defaults: Record<string, SharingLevel>;
  /**
   * Per team, the roles held by the users in members(T) (any status), for "strictly above the role
   * of some user in members(T)". members(T) is derived once, by the database (`team_member`, kept
   * by its triggers), and read here as it is for the users' own teams: a listed role nobody holds
   * adds nothing.
   */
  teamMemberRoles: Record<number, number[]>;
}

/** A client user's access to one Account's dossier, under one client access profile (docs/spec/client-access.md). */
export interface DossierGrant {
  accountId: number;
  profileId: number;
}

/** The user being compiled, as the access engine needs them. */
export interface AccessUser {
  id: number;
  login: string;
  isAdmin: boolean;
  status: 'active' | 'inactive';
  kind: 'internal' | 'client';
  roleId: number | null;
  /** Every team the user is a member of, transitively (`members(T)` contains them). */
  teamIds: number[];
  /** A client user's dossier grants (none for internal users). */
  dossiers?: DossierGrant[];
  loginHours?: import('./login-hours.js').LoginHours | null;
}
