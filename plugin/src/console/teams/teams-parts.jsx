import React, { useState } from 'react';
import { Badge, Box, Button, H4, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { Chips, Picker } from '../common/access-pickers.tsx';

/** The four kinds of members, as saveTeam names them. */
export const KINDS = ['userIds', 'roleIds', 'subtreeRoleIds', 'teamIds'];

export const userLabel = (u) => `${[u.firstName, u.lastName].filter(Boolean).join(' ') || u.login} (${u.login})`;

/** The server's answer to the last action, shown where that action was made (`where`). */
export const Outcome = ({ outcome, where, onClose }) => (outcome?.where === where
  ? <MessageBox mt="md" mb="md" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} onCloseClick={onClose} data-testid="teams-outcome" />
  : null);

/** A team's own members of the four kinds, edited as a draft. A team cannot nest a team that contains it. */
export const MemberEditor = ({ draft, setDraft, data, containedIn, tm }) => {
  const options = {
    userIds: data.users.map((u) => ({ value: u.id, label: userLabel(u) })),
    roleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    subtreeRoleIds: data.roles.map((r) => ({ value: r.id, label: r.name })),
    teamIds: data.teams.filter((t) => !containedIn.includes(t.id)).map((t) => ({ value: t.id, label: t.name })),
  };
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
      {KINDS.map((kind) => (
        <Chips key={kind} testId={`team-${kind}`} label={tm(`teamsKind_${kind}`)} values={draft[kind]} options={options[kind]}
          placeholder={tm('teamsAdd')} removeLabel={tm('teamsRemove')} onChange={(v) => setDraft({ ...draft, [kind]: v })} />
      ))}
    </Box>
  );
};

const CELL = { paddingTop: 6, paddingBottom: 6 }; // a team may have many members: compact rows

/**
 * The users the team finally contains, as the server resolves them (for the draft when it differs
 * from what is saved), with how each one gets in; who joins or leaves with the unsaved change.
 */
export const EffectiveMembers = ({ members, savedIds, dirty, users, tm }) => {
  const viaLabel = (v) => tm(`teamsVia_${v.kind}`, { source: v.source });
  const leaving = dirty ? savedIds.filter((id) => !members.some((m) => m.id === id)) : [];
  const name = (id) => { const u = users.find((x) => x.id === id); return u ? userLabel(u) : `n° ${id}`; };
  return (
    <Box mt="xl" data-testid="team-effective" data-draft={dirty}>
      <H4>{tm(dirty ? 'teamsEffectiveDraft' : 'teamsEffectiveSaved')} ({members.length})</H4>
      <Text variant="sm" color="grey60" mb="md">{tm('teamsEffectiveHelp')}</Text>
      {leaving.length > 0 && <MessageBox mb="md" variant="warning" message={tm('teamsRemoved', { names: leaving.map(name).join(', ') })} />}
      {members.length === 0 ? <Text color="grey60">{tm('teamsNone')}</Text> : (
        <Table width={1}>
          <TableHead><TableRow><TableCell>{tm('teamsUser')}</TableCell><TableCell>{tm('teamsRole')}</TableCell><TableCell>{tm('teamsVia')}</TableCell></TableRow></TableHead>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.id} data-testid="team-effective-member" data-login={m.login}>
                <TableCell style={CELL}>
                  {userLabel(m)}
                  {m.status !== 'active' && <Badge ml="sm" size="sm" variant="secondary">{tm('teamsInactive')}</Badge>}
                  {dirty && !savedIds.includes(m.id) && <Badge ml="sm" size="sm" variant="success">{tm('teamsNew_badge')}</Badge>}
                </TableCell>
                <TableCell style={CELL}>{m.role ?? '—'}</TableCell>
                <TableCell style={CELL}>
                  <Box flex flexWrap="wrap" style={{ gap: 4 }}>{m.via.map((v) => <Badge key={`${v.kind}-${v.source}`} outline size="sm" variant="info">{viaLabel(v)}</Badge>)}</Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/** Deleting a team: the heir (a user or a team) takes its records; the rules naming it go with it. */
export const DeleteTeam = ({ team, rules, data, tm, onDelete }) => {
  const [heir, setHeir] = useState({ heirUserId: null, heirTeamId: null });
  const named = rules.map((r) => r.name ?? `${r.module} n° ${r.id}`).join(', ');
  return (
    <Box mt="xxl" pt="lg" style={{ borderTop: '1px solid #E6E6EE' }} data-testid="team-delete">
      <H4>{tm('teamsDelete')}</H4>
      <Text variant="sm" color="grey60" mb="md">{tm('teamsHeirHelp')}{named ? ` ${tm('teamsDeleteRules', { rules: named })}` : ''}</Text>
      <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
        <Picker testId="team-heir-user" value={heir.heirUserId} placeholder={tm('teamsHeirUser')}
          options={data.users.map((u) => ({ value: u.id, label: userLabel(u) }))} onChange={(v) => setHeir({ heirUserId: v, heirTeamId: null })} />
        <Picker testId="team-heir-team" value={heir.heirTeamId} placeholder={tm('teamsHeirTeam')}
          options={data.teams.filter((t) => t.id !== team.id).map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => setHeir({ heirUserId: null, heirTeamId: v })} />
        <Button variant="contained" color="danger" data-testid="team-delete-confirm"
          onClick={() => onDelete(Object.fromEntries(Object.entries(heir).filter(([, v]) => v)))}>{tm('teamsDelete')}</Button>
      </Box>
    </Box>
  );
};
