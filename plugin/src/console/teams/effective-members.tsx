import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Badge, Box, Button, H4, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { userLabel } from './member-editor.js';
import type { EffectiveMember } from './teams-types.js';

interface EffectiveMembersProps {
  members: EffectiveMember[];
  savedIds: number[];
  dirty: boolean;
  /** User id → name (the saved members who would leave are no longer in `members`). */
  names: Record<number, string>;
  tm: TranslateFunction;
}

const CELL: React.CSSProperties = { paddingTop: 6, paddingBottom: 6 }; // a team may have many members: compact rows
/** The rows drawn at first: a team of 300 is read by its first ones and its count, "et 250 autres". */
export const MEMBERS_SHOWN = 50;

/**
 * The users the team finally contains, as the server resolves them (for the draft when it differs
 * from what is saved), with how each one gets in; who joins or leaves with the unsaved change.
 */
export const EffectiveMembers = ({ members, savedIds, dirty, names, tm }: EffectiveMembersProps) => {
  const viaLabel = (v: EffectiveMember['via'][number]) => tm(`teamsVia_${v.kind}`, { source: v.source });
  const leaving = dirty ? savedIds.filter((id) => !members.some((m) => m.id === id)) : [];
  const name = (id: number) => names[id] ?? `n° ${id}`;
  const [all, setAll] = useState(false);
  // Who joins with the draft first: the change is what the reader checks.
  const ordered = dirty ? [...members.filter((m) => !savedIds.includes(m.id)), ...members.filter((m) => savedIds.includes(m.id))] : members;
  const shown = all ? ordered : ordered.slice(0, MEMBERS_SHOWN);
  const more = ordered.length - shown.length;
  return (
    <Box mt="xl" data-testid="team-effective" data-draft={dirty}>
      <H4>
        {tm(dirty ? 'teamsEffectiveDraft' : 'teamsEffectiveSaved')} ({members.length})
      </H4>
      <Text variant="sm" color="grey60" mb="md">
        {tm('teamsEffectiveHelp')}
      </Text>
      {leaving.length > 0 && <MessageBox mb="md" variant="warning" message={tm('teamsRemoved', { names: leaving.map(name).join(', ') })} />}
      {members.length === 0 ? (
        <Text color="grey60">{tm('teamsNone')}</Text>
      ) : (
        <Table width={1}>
          <TableHead>
            <TableRow>
              <TableCell>{tm('teamsUser')}</TableCell>
              <TableCell>{tm('teamsRole')}</TableCell>
              <TableCell>{tm('teamsVia')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((m) => (
              <TableRow key={m.id} data-testid="team-effective-member" data-login={m.login}>
                <TableCell style={CELL}>
                  {userLabel(m)}
                  {m.status !== 'active' && (
                    <Badge ml="sm" size="sm" variant="secondary">
                      {tm('teamsInactive')}
                    </Badge>
                  )}
                  {dirty && !savedIds.includes(m.id) && (
                    <Badge ml="sm" size="sm" variant="success">
                      {tm('teamsNew_badge')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell style={CELL}>{m.role ?? '—'}</TableCell>
                <TableCell style={CELL}>
                  <Box flex flexWrap="wrap" style={{ gap: 4 }}>
                    {m.via.map((v) => (
                      <Badge key={`${v.kind}-${v.source}`} outline size="sm" variant="info">
                        {viaLabel(v)}
                      </Badge>
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {more > 0 && (
        <Box flex alignItems="center" mt="default" style={{ gap: 12 }} data-testid="team-effective-more">
          <Text color="grey60">{tm(more === 1 ? 'teamsMoreOne' : 'teamsMoreMany', { n: more })}</Text>
          <Button size="sm" variant="text" type="button" onClick={() => setAll(true)}>
            {tm('teamsShowAll')}
          </Button>
        </Box>
      )}
    </Box>
  );
};
