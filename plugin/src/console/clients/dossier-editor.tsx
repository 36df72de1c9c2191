import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch, rootPath, type ApiResponse } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { AccountPicker, type AccountOption } from './account-picker.js';
import { accountLabel, Choice } from './client-choice.js';
import type { ClientProfile, ClientUser } from './clients-types.js';

interface DossierEditorProps {
  user: ClientUser;
  profiles: ClientProfile[];
  tm: TranslateFunction;
  onSaved: (message: string) => void;
}

/**
 * A client user's dossiers: the profile of each (saved together, "Enregistrer les dossiers"),
 * "Retirer" one after a confirmation, and "Ajouter un dossier" (an Account searched as one types,
 * the default profile proposed). A client holds one seat per dossier, so adding one or raising a
 * profile may go over the subscription: the seat warning asks. The last dossier is not removed (a
 * client user with no dossier cannot sign in): the confirmation offers to deactivate the user.
 */
export const DossierEditor = ({ user, profiles, tm, onSaved }: DossierEditorProps) => {
  const seats = useSeatConfirm();
  const [chosen, setChosen] = useState<Record<number, number>>(Object.fromEntries(user.dossiers.map((d) => [d.accountId, d.profileId])));
  const [removing, setRemoving] = useState<number | null>(null);
  const starred = profiles.find((p) => p.isDefault)?.id ?? null;
  const [account, setAccount] = useState<AccountOption | null>(null);
  const [profileId, setProfileId] = useState<number | null>(starred);
  const [error, setError] = useState<string | null>(null);
  const options = profiles.map((p) => ({ value: p.id, label: `${p.name}${p.isDefault ? ' ★' : ''}` }));
  const changed = user.dossiers.some((d) => chosen[d.accountId] !== d.profileId);
  const last = user.dossiers.length === 1;

  const answer = (r: ApiResponse | null) => {
    if (!r) return; // the seat warning was cancelled: nothing changed
    if (r.status === 200) onSaved(r.body.message);
    else setError(r.body.message);
  };
  const saveProfiles = async () => {
    setError(null);
    const dossiers = user.dossiers.map((d) => ({ accountId: d.accountId, profileId: chosen[d.accountId] }));
    answer(await seats.send(`/clients/users/${user.id}/dossiers`, { method: 'PUT', body: JSON.stringify({ dossiers }) }));
  };
  const add = async () => {
    setError(null);
    answer(await seats.send(`/clients/users/${user.id}/dossiers`, { method: 'POST', body: JSON.stringify({ accountId: account?.value, profileId }) }));
  };
  const remove = async (accountId: number) => {
    setError(null);
    setRemoving(null);
    answer(await portierFetch(`/clients/users/${user.id}/dossiers/${accountId}`, { method: 'DELETE' }));
  };
  const deactivate = async () => {
    setError(null);
    setRemoving(null);
    answer(await portierFetch(`/users/${user.id}/status`, { method: 'POST', body: JSON.stringify({ status: 'inactive' }) }));
  };

  return (
    <Box p="lg" mt="sm" style={{ border: '1px solid #E6E6EE', background: 'white' }} data-testid="dossier-editor">
      {user.dossiers.map((d) => (
        <Box key={d.accountId} mb="sm" data-testid="dossier-row" data-account={d.account}>
          <Box flex alignItems="center" style={{ gap: 12 }}>
            <Text width="320px">{accountLabel(d.account, d.accountName)}</Text>
            <Choice
              value={chosen[d.accountId]}
              onChange={(v) => v && setChosen({ ...chosen, [d.accountId]: v })}
              options={options}
              placeholder={tm('clientsChooseProfile')}
            />
            <Button size="sm" variant="text" onClick={() => setRemoving(d.accountId)} data-testid="dossier-remove">
              {tm('clientsRemoveDossier')}
            </Button>
          </Box>
          {removing === d.accountId && (
            <Box mt="sm" p="md" style={{ borderLeft: '4px solid #E6A700', background: '#FFF8E5' }} data-testid="dossier-remove-confirm" role="alert">
              <Text mb="sm">
                {last
                  ? tm('clientsRemoveLast', { account: d.account, login: user.login })
                  : tm('clientsRemoveConfirm', { account: d.account, login: user.login })}
              </Text>
              <Box flex style={{ gap: 8 }}>
                {last ? (
                  <Button size="sm" variant="contained" onClick={deactivate} data-testid="dossier-deactivate">
                    {tm('clientsDeactivateInstead', { login: user.login })}
                  </Button>
                ) : (
                  <Button size="sm" variant="contained" onClick={() => remove(d.accountId)} data-testid="dossier-remove-go">
                    {tm('clientsRemoveGo')}
                  </Button>
                )}
                <Button size="sm" variant="outlined" onClick={() => setRemoving(null)}>
                  {tm('clientsNewCancel')}
                </Button>
              </Box>
            </Box>
          )}
        </Box>
      ))}
      {user.dossiers.length === 0 && <Text color="grey60">{tm('clientsNoDossier')}</Text>}
      {user.dossiers.length > 0 && (
        <Button mt="sm" size="sm" variant="contained" disabled={!changed} onClick={saveProfiles}>
          {tm('clientsSaveDossiers')}
        </Button>
      )}

      <Label mt="xl">{tm('clientsAddRow')}</Label>
      <Box flex alignItems="center" style={{ gap: 12 }} data-testid="dossier-add">
        <AccountPicker testId="dossier-account" value={account} onChange={setAccount} exclude={user.dossiers.map((d) => d.accountId)} tm={tm} />
        <Choice testId="dossier-add-profile" value={profileId} onChange={setProfileId} options={options} placeholder={tm('clientsChooseProfile')} />
        <Button size="sm" variant="outlined" disabled={!account || !profileId} onClick={add} data-testid="dossier-add-go">
          {tm('clientsAddDossierGo')}
        </Button>
      </Box>
      {error && <MessageBox mt="md" variant="danger" message={error} data-testid="dossier-error" />}
      {seats.warning}
      <Text variant="sm" color="grey60" mt="lg">
        {tm('clientsUserPage')} <a href={`${rootPath()}/resources/User/records/${user.id}/show`}>{user.login}</a>
      </Text>
    </Box>
  );
};
