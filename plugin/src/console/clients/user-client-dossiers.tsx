import React, { useEffect, useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, H4, Loader, MessageBox } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { DossierEditor } from './dossier-editor.js';
import type { ClientProfile, ClientUser } from './clients-types.js';

const get = (path: string) => portierFetch(path).then((r) => r.body);

/** A client user's dossier grants, from their page ("Dossiers clients"). */
const UserClientDossiers = ({ record }: ActionProps & { record: RecordJSON }) => {
  const { translateMessage: tm } = useTranslation();
  const [data, setData] = useState<{ user: ClientUser | undefined; profiles: ClientProfile[] } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = async () => {
    const [users, profiles] = await Promise.all([get(`/clients/users?q=${encodeURIComponent(record.params.login)}`), get('/clients/profiles')]);
    setData({ user: ((users.users as ClientUser[]) ?? []).find((u) => u.id === Number(record.id)), profiles: profiles.profiles ?? [] });
  };
  useEffect(() => {
    load();
  }, [record.id]);
  if (!data) return <Loader />;
  return (
    <Box variant="white" data-testid="user-client-dossiers">
      <H4>{tm('clientsUserDossiersTitle', { name: record.params.fullName || record.params.login })}</H4>
      {saved && <MessageBox mb="lg" variant="success" message={saved} />}
      {data.user && (
        <DossierEditor
          key={saved ?? 'initial'}
          user={data.user}
          profiles={data.profiles}
          tm={tm}
          onSaved={async (m) => {
            setSaved(m);
            await load();
          }}
        />
      )}
    </Box>
  );
};

export default UserClientDossiers;
