import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, H4, Text } from '@adminjs/design-system';
import { TeamPicker, UserPicker, type Found } from '../common/search-pickers.js';
import type { SavedTeam, TeamDetail } from './teams-types.js';

/** Who takes a deleted team's records: a user or a team, one of them. */
export interface Heir {
  heirUserId?: number | null;
  heirTeamId?: number | null;
}

interface DeleteTeamProps {
  team: SavedTeam;
  rules: TeamDetail['rules'];
  tm: TranslateFunction;
  onDelete: (heir: Heir) => void;
}

/** Deleting a team: the heir (a user or a team) takes its records; the rules naming it go with it. */
export const DeleteTeam = ({ team, rules, tm, onDelete }: DeleteTeamProps) => {
  // One heir: choosing a user clears the team, and the other way round.
  const [heir, setHeir] = useState<{ user: Found | null; team: Found | null }>({ user: null, team: null });
  const named = rules.map((r) => r.name ?? `${r.module} n° ${r.id}`).join(', ');
  return (
    <Box mt="xxl" pt="lg" style={{ borderTop: '1px solid #E6E6EE' }} data-testid="team-delete">
      <H4>{tm('teamsDelete')}</H4>
      <Text variant="sm" color="grey60" mb="md">
        {tm('teamsHeirHelp')}
        {named ? ` ${tm('teamsDeleteRules', { rules: named })}` : ''}
      </Text>
      <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
        <UserPicker
          testId="team-heir-user"
          kind="internal"
          activeOnly
          value={heir.user}
          placeholder={tm('teamsHeirUser')}
          onChange={(v) => setHeir({ user: v, team: null })}
        />
        <TeamPicker
          testId="team-heir-team"
          value={heir.team}
          exclude={[team.id]}
          placeholder={tm('teamsHeirTeam')}
          onChange={(v) => setHeir({ user: null, team: v })}
        />
        <Button
          variant="contained"
          color="danger"
          data-testid="team-delete-confirm"
          onClick={() => onDelete(heir.user ? { heirUserId: heir.user.value } : heir.team ? { heirTeamId: heir.team.value } : {})}
        >
          {tm('teamsDelete')}
        </Button>
      </Box>
    </Box>
  );
};
