import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Badge, Box, Button, H4, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { Picker } from '../common/access-pickers.js';
import { portierFetch, rootPath, type ApiResponse } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import type { ProfileRow } from './profiles-types.js';

/** GET /profiles/:id/holders: the roles holding the profile, and their users. */
interface Holders {
  roles: { id: number; name: string; users: number }[];
  users: { id: number; login: string; firstName: string | null; lastName: string | null; status: string; role: string; roleId: number }[];
}

interface ProfileHoldersProps {
  profile: ProfileRow;
  profiles: ProfileRow[];
  roles: { id: number; name: string }[];
  canMoveUsers: boolean;
  done: (r: ApiResponse) => Promise<void>;
}

/**
 * Who holds a profile: its roles and their users. "Remplacer ce profil" puts another profile in
 * every one of those roles (confirmed with the counts); moving one user is changing their role.
 * Either may take seats over the subscription: the seat warning asks first, under the table.
 */
const ProfileHolders = ({ profile, profiles, roles, canMoveUsers, done }: ProfileHoldersProps) => {
  const { translateMessage: tm } = useTranslation();
  const [holders, setHolders] = useState<Holders | null>(null);
  const [to, setTo] = useState<number | null>(null);
  // User id → the role chosen for them.
  const [moves, setMoves] = useState<Record<number, number | null>>({});
  const seats = useSeatConfirm();
  const check = useAccessPreview();
  const sent = async (r: ApiResponse | null) => {
    if (r) await done(r);
  }; // null: the seat warning was cancelled
  useEffect(() => {
    portierFetch<Holders>(`/profiles/${profile.id}/holders`).then((r) => setHolders(r.body));
  }, [profile.id, profile.users, profile.roles]);
  if (!holders) return null;
  // The preview is the confirmation: who gains or loses what when the roles take the other profile.
  const replace = async () => sent(await check.review(`/profiles/${profile.id}/replace`, { method: 'POST', body: JSON.stringify({ to }) }, seats.send));
  const move = async (user: Holders['users'][number]) =>
    sent(await seats.send(`/users/${user.id}/role`, { method: 'POST', body: JSON.stringify({ roleId: moves[user.id] }) }));
  return (
    <Box mt="xl" p="lg" style={{ border: '1px solid #E6E6EE' }} data-testid="profile-holders">
      <H4>{tm('profilesHolders', { name: profile.name })}</H4>
      {holders.roles.length === 0 && <Text color="grey60">{tm('profilesNoHolders')}</Text>}
      <Box flex flexWrap="wrap" style={{ gap: 8 }} mb="lg">
        {holders.roles.map((r) => (
          <Badge key={r.id} outline variant="primary">
            {r.name} · {r.users}
          </Badge>
        ))}
      </Box>
      {holders.users.length > 0 && (
        <Table width={1} mb="lg">
          <TableHead>
            <TableRow>
              <TableCell>{tm('profilesUsers')}</TableCell>
              <TableCell>{tm('profilesRoles')}</TableCell>
              {canMoveUsers && <TableCell>{tm('profilesMoveUser')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {holders.users.map((u) => (
              <TableRow key={u.id} data-user={u.login}>
                <TableCell>
                  <a href={`${rootPath()}/resources/User/records/${u.id}/show`}>
                    {u.firstName} {u.lastName}
                  </a>
                  <Text as="span" color="grey60">
                    {' '}
                    ({u.login}
                    {u.status === 'inactive' ? ', inactif' : ''})
                  </Text>
                </TableCell>
                <TableCell>{u.role}</TableCell>
                {canMoveUsers && (
                  <TableCell>
                    <Picker
                      testId={`move-${u.login}`}
                      value={moves[u.id]}
                      onChange={(v) => setMoves({ ...moves, [u.id]: v })}
                      options={roles.filter((r) => r.id !== u.roleId).map((r) => ({ value: r.id, label: r.name }))}
                      placeholder={tm('profilesChooseRole')}
                    />
                    <Button size="sm" variant="text" disabled={!moves[u.id]} onClick={() => move(u)}>
                      {tm('profilesMove')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {seats.warning}
      {holders.roles.length > 0 && (
        <Box flex alignItems="center" style={{ gap: 12 }}>
          <Label mb={0}>{tm('profilesReplace')}</Label>
          <Picker
            testId="replace-target"
            value={to}
            onChange={setTo}
            placeholder={tm('profilesChooseProfile')}
            options={profiles.filter((p) => p.id !== profile.id).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Button variant="outlined" disabled={!to || check.open} onClick={replace} data-testid="replace-go">
            {tm('profilesReplaceGo')}
          </Button>
        </Box>
      )}
      {check.panel}
    </Box>
  );
};

export default ProfileHolders;
