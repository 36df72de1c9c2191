import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box } from '@adminjs/design-system';
import { Chips } from '../common/access-pickers.js';
import type { MemberKind, TeamDraft, TeamsData, TeamsUser } from './teams-types.js';

/** The four kinds of members, as saveTeam names them. */
export const KINDS: MemberKind[] = ['userIds', 'roleIds', 'subtreeRoleIds', 'teamIds'];

export const userLabel = (u: Pick<TeamsUser, 'firstName' | 'lastName' | 'login'>) =>
  `${[u.firstName, u.lastName].filter(Boolean).join(' ') || u.login} (${u.login})`;

interface MemberEditorProps {
  draft: TeamDraft;
  setDraft: (draft: TeamDraft) => void;
  data: TeamsData;
  /** The teams that contain this one: it may not nest them. */
  containedIn: number[];
  tm: TranslateFunction;
}

/** A team's own members of the four kinds, edited as a draft. A team cannot nest a team that contains it. */
export const MemberEditor = ({ draft, setDraft, data, containedIn, tm }: MemberEditorProps) => {
  const options: Record<MemberKind, { value: number; label: string }[]> = {
    userIds: data.users.map((u) => ({ value: u.id, label: userLabel(u) })),
    roleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    subtreeRoleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    teamIds: data.teams.filter((t) => !containedIn.includes(t.id)).map((t) => ({ value: t.id, label: t.name })),
  };
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
      {KINDS.map((kind) => (
        <Chips
          key={kind}
          testId={`team-${kind}`}
          label={tm(`teamsKind_${kind}`)}
          values={draft[kind]}
          options={options[kind]}
          placeholder={tm('teamsAdd')}
          removeLabel={tm('teamsRemove')}
          onChange={(v) => setDraft({ ...draft, [kind]: v })}
        />
      ))}
    </Box>
  );
};
