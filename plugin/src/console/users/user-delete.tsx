import React, { useEffect, useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, Button, H4, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch, rootPath } from '../common/portier-api.js';

/** A user who may inherit the records (users-routes.ts, GET /users/:id/heirs). */
interface Heir {
  id: number;
  login: string;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  status: string;
}

/** A record action's props: AdminJS gives the record (ActionProps has it optional, for resource actions). */
type Props = ActionProps & { record: RecordJSON };

/** Deleting a user names the heir who takes over all their records (nothing is orphaned). */
const UserDelete = ({ record }: Props) => {
  const { translateMessage: tm } = useTranslation();
  const [heirs, setHeirs] = useState<Heir[]>([]);
  const [heir, setHeir] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => {
    portierFetch(`/users/${record.id}/heirs`).then((r) => (r.status === 200 ? setHeirs(r.body.heirs) : setOutcome({ ok: false, message: r.body.message })));
  }, [record.id]);
  const go = async () => {
    const r = await portierFetch(`/users/${record.id}`, { method: 'DELETE', body: JSON.stringify({ heirId: Number(heir) }) });
    setOutcome({ ok: r.status === 200, message: r.body.message });
  };
  if (outcome?.ok) {
    return (
      <Box variant="white">
        <MessageBox mb="lg" variant="success" message={outcome.message} data-testid="user-delete-outcome" />
        <Button as="a" href={`${rootPath()}/resources/User`}>
          {tm('usersBackToList')}
        </Button>
      </Box>
    );
  }
  return (
    <Box variant="white" data-testid="user-delete">
      <H4>{tm('usersDeleteTitle', { login: record.params.login })}</H4>
      <Text mb="lg">{tm('usersDeleteHelp')}</Text>
      <Label>{tm('usersHeir')}</Label>
      <select
        data-testid="user-heir"
        value={heir}
        onChange={(e) => setHeir(e.target.value)}
        style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, minWidth: 320, background: 'white' }}
      >
        <option value="">{tm('usersChooseHeir')}</option>
        {heirs.map((h) => (
          <option key={h.id} value={h.id}>
            {h.firstName} {h.lastName} ({h.login}
            {h.role ? `, ${h.role}` : ''}
            {h.status === 'inactive' ? ', inactif' : ''})
          </option>
        ))}
      </select>
      {outcome && <MessageBox mt="lg" variant="danger" message={outcome.message} data-testid="user-delete-outcome" />}
      <Box mt="lg">
        <Button variant="contained" color="danger" disabled={!heir} onClick={go} data-testid="user-delete-go">
          {tm('usersDeleteGo')}
        </Button>
      </Box>
    </Box>
  );
};

export default UserDelete;
