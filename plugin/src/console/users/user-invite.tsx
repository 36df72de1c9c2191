import React, { useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, Button, H4, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch, rootPath } from '../common/portier-api.js';

/** A record action's props: AdminJS gives the record (ActionProps has it optional, for resource actions). */
type Props = ActionProps & { record: RecordJSON };

/** "Renvoyer l'invitation": what it does, then the mail; a refusal is shown as it comes. */
const UserInvite = ({ record }: Props) => {
  const { translateMessage: tm } = useTranslation();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const go = async () => {
    const r = await portierFetch(`/users/${record.id}/invitation`, { method: 'POST', body: '{}' });
    setOutcome({ ok: r.status === 200, message: r.body.message });
  };
  return (
    <Box variant="white" data-testid="user-invite">
      <H4>{tm('usersInviteTitle', { login: record.params.fullName ? `${record.params.fullName} (${record.params.login})` : record.params.login })}</H4>
      <Text mb="lg">{tm('usersInviteHelp', { email: record.params.email })}</Text>
      {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="user-invite-outcome" />}
      {outcome?.ok ? (
        <Button as="a" href={`${rootPath()}/resources/User/records/${record.id}/show`}>
          {tm('usersBackToUser')}
        </Button>
      ) : (
        <Button variant="contained" onClick={go} data-testid="user-invite-go">
          {tm('usersInviteGo')}
        </Button>
      )}
    </Box>
  );
};

export default UserInvite;
