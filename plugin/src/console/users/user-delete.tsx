import React, { useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, Button, H4, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch, rootPath } from '../common/portier-api.js';
import { UserPicker, type Found } from '../common/search-pickers.js';

/** A record action's props: AdminJS gives the record (ActionProps has it optional, for resource actions). */
type Props = ActionProps & { record: RecordJSON };

/** Deleting a user names the heir who takes over all their records (nothing is orphaned). */
const UserDelete = ({ record }: Props) => {
  const { translateMessage: tm } = useTranslation();
  // The heir is searched among the internal users (there may be thousands); the server checks it again.
  const [heir, setHeir] = useState<Found | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const go = async () => {
    const r = await portierFetch(`/users/${record.id}`, { method: 'DELETE', body: JSON.stringify({ heirId: heir?.value }) });
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
      <H4>{tm('usersDeleteTitle', { login: record.params.fullName || record.params.login })}</H4>
      <Text mb="lg">{tm('usersDeleteHelp')}</Text>
      <Label>{tm('usersHeir')}</Label>
      <UserPicker
        testId="user-heir"
        kind="internal"
        exclude={[Number(record.id)]}
        value={heir}
        onChange={setHeir}
        placeholder={tm('usersChooseHeir')}
        width={420}
      />
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
