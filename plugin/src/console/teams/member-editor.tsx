import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Label } from '@adminjs/design-system';
import { Chips } from '../common/access-pickers.js';
import { SearchChips, UserPicker } from '../common/search-pickers.js';
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
  /** User id → name, for the chips: the team's own users, and those added since. */
  names: Record<number, string>;
  addNames: (found: Array<{ value: number; label: string }>) => void;
  tm: TranslateFunction;
}

/**
 * A team's own members of the four kinds, edited as a draft. Users are searched on the server
 * (there may be thousands); roles and teams are the page's short lists. A team cannot nest a team
 * that contains it.
 */
export const MemberEditor = ({ draft, setDraft, data, containedIn, names, addNames, tm }: MemberEditorProps) => {
  const options: Record<Exclude<MemberKind, 'userIds'>, { value: number; label: string }[]> = {
    roleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    subtreeRoleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    teamIds: data.teams.filter((t) => !containedIn.includes(t.id)).map((t) => ({ value: t.id, label: t.name })),
  };
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
      <Box mb="lg">
        <Label>{tm('teamsKind_userIds')}</Label>
        <SearchChips
          testId="team-userIds"
          placeholder={tm('teamsAddUser')}
          values={draft.userIds.map((id) => ({ value: id, label: names[id] ?? `n° ${id}` }))}
          picker={(p) => <UserPicker kind="internal" {...p} />}
          onChange={(found) => {
            addNames(found);
            setDraft({ ...draft, userIds: found.map((f) => f.value) });
          }}
        />
      </Box>
      {(['roleIds', 'subtreeRoleIds', 'teamIds'] as const).map((kind) => (
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
