// What sharing-routes.ts answers (GET /sharing), as the "Partage" page reads it.

/** A module's default: its level, the levels it may take (a refused one with the server's reason), why it is locked. */
export interface SharingModule {
  module: string;
  /** Its name per language (`fr`, `en`); the module's id when missing. */
  label?: Record<string, string>;
  level: string;
  locked: string | null;
  reasons: string[];
  options: { level: string; refused: string | null }[];
  takesRules: boolean;
}

/** A module whose records follow another's sharing (a Contact's follows its Account). */
export interface SharingFollower {
  module: string;
  follows: string;
  reason: string;
}

export type TargetKind = string;

/** A sharing rule as edited: records owned by (`from`) shared with (`to`). */
export interface RuleDraft {
  name: string;
  module: string | null;
  fromKind: TargetKind | null;
  fromRoleId: number | null;
  fromTeamId: number | null;
  toKind: TargetKind | null;
  toRoleId: number | null;
  toTeamId: number | null;
  access: string | null;
}

/** A stored rule, with the sentence that reads it. */
export interface SharingRule extends Omit<RuleDraft, 'name'> {
  id: number;
  name: string | null;
  module: string;
  access: string;
  sentence: string;
}

export interface SharingData {
  modules: SharingModule[];
  followers: SharingFollower[];
  rules: SharingRule[];
  canWrite: boolean;
  kinds: TargetKind[];
  roles: { id: number; name: string }[];
  teams: { id: number; name: string }[];
}
