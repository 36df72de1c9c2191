import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, H4, Text } from '@adminjs/design-system';
import { Picker } from '../common/access-pickers.js';
import { userLabel } from './member-editor.js';
import type { SavedTeam, TeamDetail, TeamsData } from './teams-types.js';

/** Who takes a deleted team's records: a user or a team, one of them. */
export interface Heir {
  heirUserId?: number | null;
  heirTeamId?: number | null;
}

interface DeleteTeamProps {
  team: SavedTeam;
  rules: TeamDetail['rules'];
  data: TeamsData;
  tm: TranslateFunction;
  onDelete: (heir: Heir) => void;
}

/** Deleting a team: the heir (a user or a team) takes its records; the rules naming it go with it. */
export const DeleteTeam = ({ team, rules, data, tm, onDelete }: DeleteTeamProps) => {
  const [heir, setHeir] = useState<Heir>({ heirUserId: null, heirTeamId: null });
  const named = rules.map((r) => r.name ?? `${r.module} n° ${r.id}`).join(', ');
  return (
    <Box mt="xxl" pt="lg" style={{ borderTop: '1px solid #E6E6EE' }} data-testid="team-delete">
      <H4>{tm('teamsDelete')}</H4>
      <Text variant="sm" color="grey60" mb="md">
        {tm('teamsHeirHelp')}
        {named ? ` ${tm('teamsDeleteRules', { rules: named })}` : ''}
      </Text>
      <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
        <Picker
          testId="team-heir-user"
          value={heir.heirUserId}
          placeholder={tm('teamsHeirUser')}
          options={data.users.map((u) => ({ value: u.id, label: userLabel(u) }))}
          onChange={(v) => setHeir({ heirUserId: v, heirTeamId: null })}
        />
        <Picker
          testId="team-heir-team"
          value={heir.heirTeamId}
          placeholder={tm('teamsHeirTeam')}
          options={data.teams.filter((t) => t.id !== team.id).map((t) => ({ value: t.id, label: t.name }))}
          onChange={(v) => setHeir({ heirUserId: null, heirTeamId: v })}
        />
        <Button
          variant="contained"
          color="danger"
          data-testid="team-delete-confirm"
          onClick={() => onDelete(Object.fromEntries(Object.entries(heir).filter(([, v]) => v)))}
        >
          {tm('teamsDelete')}
        </Button>
      </Box>
    </Box>
  );
};
