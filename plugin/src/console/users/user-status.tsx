import React, { useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, Button, H4, MessageBox, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';

/** A record action's props: AdminJS gives the record (ActionProps has it optional, for resource actions). */
type Props = ActionProps & { record: RecordJSON };

/**
 * "Désactiver" / "Réactiver": what it does, then the change; a safeguard's refusal is shown as it
 * comes, and a reactivation over the subscription shows the seat warning first.
 */
const UserStatus = ({ record }: Props) => {
  const { translateMessage: tm } = useTranslation();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const seats = useSeatConfirm();
  const active = record.params.status === 'active';
  const go = async () => {
    const r = await seats.send(`/users/${record.id}/status`, { method: 'POST', body: JSON.stringify({ status: active ? 'inactive' : 'active' }) });
    if (r) setOutcome({ ok: r.status === 200, message: r.body.message });
  };
  return (
    <Box variant="white" data-testid="user-status">
      <H4>{tm(active ? 'usersDeactivateTitle' : 'usersReactivateTitle', { login: record.params.fullName || record.params.login })}</H4>
      <Text mb="lg">{tm(active ? 'usersDeactivateHelp' : 'usersReactivateHelp')}</Text>
      {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="user-status-outcome" />}
      {seats.warning}
      {outcome?.ok ? (
        <Button as="a" href={`${rootPath()}/resources/User/records/${record.id}/show`}>
          {tm('usersBackToUser')}
        </Button>
      ) : (
        !seats.warning && (
          <Button variant="contained" color={active ? 'danger' : 'primary'} onClick={go} data-testid="user-status-go">
            {tm(active ? 'usersDeactivate' : 'usersReactivate')}
          </Button>
        )
      )}
    </Box>
  );
};

export default UserStatus;
