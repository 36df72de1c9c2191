// What teams-routes.ts answers, as "Équipes" reads it.

/** The four kinds of members, as saveTeam names them. */
export type MemberKind = 'userIds' | 'roleIds' | 'subtreeRoleIds' | 'teamIds';
export type TeamMembers = Record<MemberKind, number[]>;

export interface TeamsUser {
  id: number;
  login: string;
  firstName: string | null;
  lastName: string | null;
}

/** GET /teams: the teams, and the roles their members may be (users are searched: search-pickers.tsx). */
export interface TeamsData {
  teams: { id: number; name: string; description: string; members: number }[];
  roles: { id: number; name: string }[];
}

/** A team as saved, with the teams that contain it and the users it finally contains. */
export interface SavedTeam extends TeamMembers {
  id: number;
  name: string;
  description: string;
  containedIn: number[];
  memberIds: number[];
  /** The names of its own users and saved members. */
  names: { id: number; label: string }[];
}

/** GET /teams/:id: the team, and the sharing rules that name it. */
export interface TeamDetail {
  team: SavedTeam;
  rules: { id: number; name: string | null; module: string }[];
}

/** The team as edited. */
export type TeamDraft = TeamMembers & { name: string; description: string };

/** A user the team contains (POST /teams/preview), and how they get in. */
export interface EffectiveMember extends TeamsUser {
  status: string;
  role: string | null;
  via: { kind: string; source: string }[];
}

/** The server's answer to the last action, and where that action was made. */
export interface TeamsOutcome {
  ok: boolean;
  message: string;
  where: string;
}
