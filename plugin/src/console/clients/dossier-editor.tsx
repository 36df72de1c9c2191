import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { accountLabel, Choice } from './client-choice.js';
import type { ClientProfile, ClientUser } from './clients-types.js';

/** An Account the search found (GET /clients/accounts). */
interface FoundAccount {
  id: number;
  reference: string;
  name: string | null;
}

/** A dossier being edited: its Account, and the profile chosen (none yet for a new one without a default profile). */
interface DossierRow {
  accountId: number;
  label: string;
  profileId: number | null;
}

interface DossierEditorProps {
  user: ClientUser;
  profiles: ClientProfile[];
  tm: TranslateFunction;
  onSaved: (message: string) => void;
}

/**
 * A client user's dossier grants: one client profile per Account, saved at once. A client user
 * holds one seat per dossier, so a grant may go over the subscription: the seat warning asks.
 */
export const DossierEditor = ({ user, profiles, tm, onSaved }: DossierEditorProps) => {
  const seats = useSeatConfirm();
  const [rows, setRows] = useState<DossierRow[]>(
    user.dossiers.map((d) => ({ accountId: d.accountId, label: accountLabel(d.account, d.accountName), profileId: d.profileId })),
  );
  const [found, setFound] = useState<FoundAccount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const search = async (q: string) => setFound((await portierFetch(`/clients/accounts?q=${encodeURIComponent(q)}`)).body.accounts ?? []);
  const save = async () => {
    setError(null);
    const r = await seats.send(`/clients/users/${user.id}/dossiers`, {
      method: 'PUT',
      body: JSON.stringify({ dossiers: rows.map(({ accountId, profileId }) => ({ accountId, profileId })) }),
    });
    if (!r) return;
    if (r.status === 200) onSaved(r.body.message);
    else setError(r.body.message);
  };
  return (
    <Box p="lg" style={{ border: '1px solid #E6E6EE' }} data-testid="dossier-editor">
      {rows.map((r, i) => (
        <Box key={i} flex alignItems="center" style={{ gap: 12 }} mb="sm">
          <Text width="320px">{r.label}</Text>
          <Choice
            value={r.profileId}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, profileId: v } : x)))}
            options={profiles.map((p) => ({ value: p.id, label: p.name }))}
            placeholder={tm('clientsChooseProfile')}
          />
          <Button size="sm" variant="text" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </Box>
      ))}
      <Box flex alignItems="center" style={{ gap: 12 }} mt="md">
        <input
          placeholder={tm('clientsSearchAccount')}
          onChange={(e) => search(e.target.value)}
          data-testid="dossier-account-search"
          style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, width: 260 }}
        />
        <Choice
          testId="dossier-account"
          value={null}
          options={found.filter((a) => !rows.some((r) => r.accountId === a.id)).map((a) => ({ value: a.id, label: accountLabel(a.reference, a.name) }))}
          placeholder={tm('clientsAddDossier')}
          onChange={(v) => {
            const a = found.find((x) => x.id === v);
            if (a) setRows([...rows, { accountId: a.id, label: accountLabel(a.reference, a.name), profileId: profiles.find((p) => p.isDefault)?.id ?? null }]);
          }}
        />
      </Box>
      {error && <MessageBox mt="md" variant="danger" message={error} />}
      {seats.warning}
      <Button mt="lg" variant="contained" disabled={rows.some((r) => !r.profileId)} onClick={save}>
        {tm('clientsSaveDossiers')}
      </Button>
    </Box>
  );
};
