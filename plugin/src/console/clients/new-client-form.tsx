import React, { useEffect, useState } from 'react';
import { Box, Button, FormGroup, FormMessage, H4, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import type { Translate } from '../common/translate.js';
import { portierFetch } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { AccountPicker, type AccountOption } from './account-picker.js';
import { Choice } from './client-choice.js';
import type { ClientProfile } from './clients-types.js';

/** A dossier row of the form: its Account (picked) and its client profile. */
interface Row {
  key: number;
  account: AccountOption | null;
  profileId: number | null;
}

/** What the server answers a new client: shown once (the temporary password is stored nowhere in clear). */
export interface CreatedClient {
  login: string;
  invitedAddress: string;
  message: string;
}

interface NewClientFormProps {
  profiles: ClientProfile[];
  tm: Translate;
  onCreated: (created: CreatedClient) => void;
  onCancel: () => void;
}

const NAMES = ['firstName', 'lastName', 'email', 'company'] as const;
type Name = (typeof NAMES)[number];

/**
 * "Nouveau client": who the client is, their login (proposed from the names), and one or more
 * dossiers, each an Account and a client profile (the default one, the star, proposed). Saved at
 * once through POST /clients/users, under the seat guard; a refusal names its field and nothing
 * is created.
 */
export const NewClientForm = ({ profiles, tm, onCreated, onCancel }: NewClientFormProps) => {
  const seats = useSeatConfirm();
  const starred = profiles.find((p) => p.isDefault)?.id ?? null;
  const [values, setValues] = useState<Record<Name, string>>({ firstName: '', lastName: '', email: '', company: '' });
  const [login, setLogin] = useState('');
  const [loginTyped, setLoginTyped] = useState(false);
  const [rows, setRows] = useState<Row[]>([{ key: 1, account: null, profileId: starred }]);
  const [error, setError] = useState<{ message: string; property?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The login follows the names until the consultant types one of their own.
  useEffect(() => {
    if (loginTyped || (!values.firstName.trim() && !values.lastName.trim())) return;
    const q = new URLSearchParams({ firstName: values.firstName, lastName: values.lastName });
    const timer = setTimeout(async () => {
      const r = await portierFetch(`/clients/login-suggestion?${q}`);
      if (r.status === 200) setLogin(r.body.login);
    }, 250);
    return () => clearTimeout(timer);
  }, [values.firstName, values.lastName, loginTyped]);

  const setRow = (key: number, change: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const save = async () => {
    setError(null);
    setBusy(true);
    const body = {
      ...values,
      login: login.trim() || null,
      dossiers: rows.filter((r) => r.account).map((r) => ({ accountId: r.account!.value, profileId: r.profileId })),
    };
    const r = await seats.send('/clients/users', { method: 'POST', body: JSON.stringify(body) });
    setBusy(false);
    if (!r) return; // the seat warning was cancelled: nothing was created
    if (r.status === 200) onCreated(r.body as CreatedClient);
    else setError({ message: r.body.message, property: r.body.property });
  };
  const field = (name: Name, required: boolean) => (
    <FormGroup error={error?.property === name} style={{ flex: '1 1 260px' }}>
      <Label htmlFor={`new-client-${name}`} required={required}>
        {tm(`clientsNew_${name}`)}
      </Label>
      <Input
        id={`new-client-${name}`}
        data-testid={`new-client-${name}`}
        value={values[name]}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value })}
      />
      {error?.property === name && <FormMessage>{error.message}</FormMessage>}
    </FormGroup>
  );
  const clientProfiles = profiles.map((p) => ({ value: p.id, label: `${p.name}${p.isDefault ? ' ★' : ''}` }));

  return (
    <Box mt="lg" p="xl" style={{ border: '1px solid #C9CCF5', background: '#FAFAFF' }} data-testid="new-client-form">
      <H4>{tm('clientsNewTitle')}</H4>
      <Text color="grey60" mb="lg">
        {tm('clientsNewHelp')}
      </Text>
      <Box flex flexWrap="wrap" style={{ columnGap: 24 }}>
        {field('firstName', true)}
        {field('lastName', true)}
      </Box>
      <Box flex flexWrap="wrap" style={{ columnGap: 24 }}>
        {field('email', true)}
        {field('company', false)}
      </Box>
      <FormGroup error={error?.property === 'login'} style={{ maxWidth: 420 }}>
        <Label htmlFor="new-client-login">{tm('clientsNew_login')}</Label>
        <Input
          id="new-client-login"
          data-testid="new-client-login"
          value={login}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            setLogin(e.target.value);
            setLoginTyped(true);
          }}
        />
        {error?.property === 'login' ? (
          <FormMessage>{error.message}</FormMessage>
        ) : (
          <Text variant="sm" color="grey60" mt="xs">
            {tm('clientsNewLoginHelp')}
          </Text>
        )}
      </FormGroup>

      <Label mt="lg">{tm('clientsNewDossiers')}</Label>
      <Text variant="sm" color="grey60" mb="md">
        {tm('clientsNewDossiersHelp')}
      </Text>
      {rows.map((r, i) => (
        <Box key={r.key} flex alignItems="center" style={{ gap: 12 }} mb="md" data-testid="new-client-dossier">
          <Text width="24px" color="grey60">
            {i + 1}.
          </Text>
          <AccountPicker
            testId={`new-client-account-${i + 1}`}
            value={r.account}
            onChange={(account) => setRow(r.key, { account })}
            exclude={rows.filter((x) => x.key !== r.key && x.account).map((x) => x.account!.value)}
            tm={tm}
          />
          <Choice
            testId={`new-client-profile-${i + 1}`}
            value={r.profileId}
            onChange={(profileId) => setRow(r.key, { profileId })}
            options={clientProfiles}
            placeholder={tm('clientsChooseProfile')}
          />
          {rows.length > 1 && (
            <Button size="sm" variant="text" onClick={() => setRows(rows.filter((x) => x.key !== r.key))} data-testid={`new-client-remove-${i + 1}`}>
              {tm('clientsRemoveRow')}
            </Button>
          )}
        </Box>
      ))}
      <Button
        size="sm"
        variant="outlined"
        onClick={() => setRows([...rows, { key: Math.max(...rows.map((r) => r.key)) + 1, account: null, profileId: starred }])}
        data-testid="new-client-add-row"
      >
        {tm('clientsAddRow')}
      </Button>
      {error?.property === 'dossiers' && <MessageBox mt="md" variant="danger" message={error.message} />}
      {error && !['dossiers', ...NAMES, 'login'].includes(error.property ?? '') && (
        <MessageBox mt="md" variant="danger" message={error.message} data-testid="new-client-error" />
      )}
      {seats.warning}
      <Box flex style={{ gap: 8 }} mt="xl">
        <Button variant="contained" disabled={busy || rows.some((r) => r.account && !r.profileId)} onClick={save} data-testid="new-client-save">
          {tm('clientsNewSave')}
        </Button>
        <Button variant="text" onClick={onCancel}>
          {tm('clientsNewCancel')}
        </Button>
      </Box>
    </Box>
  );
};
