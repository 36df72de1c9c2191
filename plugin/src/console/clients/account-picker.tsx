import React from 'react';
import { SelectAsync } from '@adminjs/design-system';
import type { Translate } from '../common/translate.js';
import { portierFetch } from '../common/portier-api.js';
import { accountLabel } from './client-choice.js';

/** An Account the search found (GET /clients/accounts): only those the viewer may read. */
interface FoundAccount {
  id: number;
  reference: string;
  name: string | null;
}

export interface AccountOption {
  value: number;
  label: string;
}

interface AccountPickerProps {
  value: AccountOption | null;
  onChange: (o: AccountOption | null) => void;
  tm: Translate;
  /** Accounts not to offer again (the other dossiers of the form). */
  exclude?: number[];
  testId?: string;
}

/**
 * The Account of a dossier, searched as one types (reference or name): the server answers at most
 * 50 of the Accounts the consultant may read, so the list stays short among thousands.
 */
export const AccountPicker = ({ value, onChange, tm, exclude = [], testId }: AccountPickerProps) => {
  const load = async (q: string): Promise<AccountOption[]> => {
    const { status, body } = await portierFetch<{ accounts: FoundAccount[] }>(`/clients/accounts?q=${encodeURIComponent(q)}`);
    if (status !== 200) return [];
    return body.accounts.filter((a) => !exclude.includes(a.id)).map((a) => ({ value: a.id, label: accountLabel(a.reference, a.name) }));
  };
  return (
    <div data-testid={testId} style={{ width: 340 }}>
      <SelectAsync
        defaultOptions
        loadOptions={load}
        value={value}
        isClearable
        placeholder={tm('clientsSearchAccount')}
        noOptionsMessage={() => tm('clientsNoAccountFound')}
        loadingMessage={() => tm('clientsSearching')}
        onChange={(o: AccountOption | null) => onChange(o)}
      />
    </div>
  );
};
