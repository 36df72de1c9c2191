import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, H4, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import type { TranslateFunction } from 'adminjs';
import { say } from './access-requests-text.js';
import RequestForm from './access-requests-form.js';
import { RightsLines, type Rights } from './access-requests-rights.js';

/** A user of the lead's teams (GET /requests/team). */
export interface TeamUser {
  id: number;
  login: string;
  fullName: string;
  email: string;
  role: string | null;
  roleId: number | null;
  isAdmin: boolean;
  /** The modules they may use. */
  modules: string[];
  /** Per module, the actions they may take. */
  rights: Rights;
  teams: string[];
}

interface TeamData {
  teams: { id: number; name: string }[];
  users: TeamUser[];
  roles: { id: number; name: string }[];
  profiles: { id: number; name: string }[];
  modules: string[];
}

type RequestType = 'newUser' | 'roleChange' | 'deactivation';

const NOWRAP: React.CSSProperties = { whiteSpace: 'nowrap' };

/** An e-mail that may wrap after its "@" only, not at a hyphen (a <wbr>, which copying leaves out). */
const Email = ({ address }: { address: string }) => {
  const at = address.indexOf('@') + 1;
  return (
    <>
      <span style={NOWRAP}>{address.slice(0, at)}</span>
      <wbr />
      <span style={NOWRAP}>{address.slice(at)}</span>
    </>
  );
};

/**
 * A team lead's view (docs/spec/seats.md): the users with access of their teams, read-only — name,
 * e-mail, login, role, per module the actions they may take, in words — with, per user, a request to change their role
 * or deactivate them; and a request for a new user. `onSent` is told each request sent.
 */
const TeamSection = ({ tm, onSent }: { tm: TranslateFunction; onSent: (message: string) => void }) => {
  const [data, setData] = useState<TeamData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The open form: { type, user } (user null for a new user).
  const [asking, setAsking] = useState<{ type: RequestType; user: TeamUser | null } | null>(null);
  useEffect(() => {
    portierGet<TeamData>('/requests/team').then(setData, (e) => setError(e.message));
  }, []);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!data) return <Loader />;
  const several = data.teams.length > 1;
  const sent = (message: string) => {
    setAsking(null);
    onSent(message);
  };
  const form = (type: RequestType, user: TeamUser | null) => (
    <RequestForm
      key={`${type}-${user?.id ?? 'new'}`}
      type={type}
      user={user}
      roles={data.roles}
      profiles={data.profiles}
      modules={data.modules}
      tm={tm}
      onSent={sent}
      onCancel={() => setAsking(null)}
    />
  );
  const ask = (type: RequestType, user: TeamUser | null) => setAsking({ type, user });
  const cols = several ? 6 : 5;
  return (
    <Box data-testid="requests-team">
      <Box flex justifyContent="space-between" alignItems="flex-start" style={{ gap: 16 }}>
        <Box>
          <H4>{tm('requestsTeam')}</H4>
          <Text color="grey60" mb="lg">
            {data.teams.length ? say(tm, 'requestsTeamOf', { teams: data.teams.map((t) => t.name).join(', ') }) : tm('requestsNoTeam')}
          </Text>
        </Box>
        <Button variant="contained" onClick={() => ask('newUser', null)} data-testid="request-new-user">
          {tm('requestsNewUser')}
        </Button>
      </Box>
      {asking?.type === 'newUser' && form('newUser', null)}
      {data.users.length > 0 && (
        <Table width={1} mt="lg" data-testid="team-users">
          <TableHead>
            <TableRow>
              {[
                'requestsColName',
                'requestsColLogin',
                'requestsColRole',
                'requestsColRights',
                ...(several ? ['requestsColTeams'] : []),
                'requestsColActions',
              ].map((k) => (
                <TableCell key={k}>{tm(k)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.users.map((u) => (
              <React.Fragment key={u.id}>
                <TableRow data-testid="team-user" data-login={u.login} style={{ verticalAlign: 'top' }}>
                  <TableCell>
                    <Text fontWeight="bold" style={NOWRAP}>
                      {u.fullName}
                    </Text>
                    <Text variant="sm" color="grey60">
                      <Email address={u.email} />
                    </Text>
                  </TableCell>
                  <TableCell style={NOWRAP}>{u.login}</TableCell>
                  <TableCell style={{ minWidth: 100 }}>
                    {u.role ?? '—'}
                    {u.isAdmin && (
                      <Box>
                        <Badge size="sm" variant="primary" outline>
                          {tm('requestsAdmin')}
                        </Badge>
                      </Box>
                    )}
                  </TableCell>
                  <TableCell style={{ minWidth: 220 }} data-testid="team-user-modules">
                    <RightsLines rights={u.rights} empty={tm('requestsNoModule')} />
                  </TableCell>
                  {several && (
                    <TableCell style={NOWRAP}>
                      {u.teams.map((t) => (
                        <Text key={t} variant="sm" mb="xs">
                          {t}
                        </Text>
                      ))}
                    </TableCell>
                  )}
                  <TableCell style={NOWRAP}>
                    <Box flex flexDirection="column" alignItems="flex-start">
                      <Button size="sm" variant="text" onClick={() => ask('roleChange', u)} data-testid="ask-role-change">
                        {tm('requestsAskRole')}
                      </Button>
                      <Button size="sm" variant="text" color="danger" onClick={() => ask('deactivation', u)} data-testid="ask-deactivation">
                        {tm('requestsAskDeactivation')}
                      </Button>
                    </Box>
                  </TableCell>
                </TableRow>
                {asking?.user?.id === u.id && (
                  <TableRow>
                    <TableCell colSpan={cols} style={{ paddingTop: 0 }}>
                      {form(asking.type, u)}
                    </TableCell>
                  </TableRow>
                )}
              </React.Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default TeamSection;
