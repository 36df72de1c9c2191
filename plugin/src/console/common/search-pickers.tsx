import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, SelectAsync, Text } from '@adminjs/design-system';
import { portierFetch } from './portier-api.js';
import { ChipList } from './access-pickers.js';

// Searchable pickers for lists that may be long (10,000 users): the page never holds the list;
// each keystroke asks the server (common/search-routes.ts) for the first names containing the
// text, found and cut by PostgreSQL among what the caller may read.

/** A found name: the id the page saves, the label it shows, a detail (a user's role) when readable. */
export interface Found {
  value: number;
  label: string;
  detail?: string;
}

interface Answer {
  options: Array<{ id: number; label: string; detail?: string | null }>;
}

interface SearchPickerProps {
  /** The search route and its fixed parameters, without `q` (`/search/users?kind=internal`). */
  source: string;
  value: Found | null;
  onChange: (value: Found | null) => void;
  placeholder?: string;
  testId?: string;
  width?: number | string;
  /** Ids not to offer (already chosen). */
  exclude?: number[];
  disabled?: boolean;
}

/** An option as the menu shows it; `data-value` lets a test pick it by id. */
const OptionLabel = (data: unknown) => {
  const o = data as Found;
  return (
    <span data-value={o.value}>
      {o.label}
      {o.detail && (
        <Text as="span" variant="sm" color="grey60">
          {' · '}
          {o.detail}
        </Text>
      )}
    </span>
  );
};

/** One choice found by searching; the server answers at most a page of names. */
export const SearchPicker = ({ source, value, onChange, placeholder, testId, width = 320, exclude = [], disabled }: SearchPickerProps) => {
  const { translateMessage: tm } = useTranslation();
  const load = async (text: string): Promise<Found[]> => {
    const sep = source.includes('?') ? '&' : '?';
    const { status, body } = await portierFetch<Answer>(`${source}${sep}q=${encodeURIComponent(text)}`);
    if (status !== 200) return [];
    return body.options.filter((o) => !exclude.includes(o.id)).map((o) => ({ value: o.id, label: o.label, detail: o.detail ?? undefined }));
  };
  return (
    <div data-testid={testId} data-picker="search" style={{ width, maxWidth: '100%' }}>
      <SelectAsync
        // A new source or exclusion: load again rather than offer a stale first page.
        key={`${source}|${exclude.join(',')}`}
        defaultOptions
        loadOptions={load}
        value={value}
        isClearable
        isDisabled={disabled}
        placeholder={placeholder ?? tm('pickerSearch')}
        loadingMessage={() => tm('pickerSearching')}
        noOptionsMessage={({ inputValue }: { inputValue: string }) => (inputValue ? tm('pickerNothingFor', { text: inputValue }) : tm('pickerNothing'))}
        formatOptionLabel={OptionLabel}
        onChange={(o: Found | null) => onChange(o)}
      />
    </div>
  );
};

type Preset = Omit<SearchPickerProps, 'source'>;

/** Users (name or login); `kind` and `activeOnly` narrow the search on the server. */
export const UserPicker = ({ kind, activeOnly, ...props }: Preset & { kind?: 'internal' | 'client'; activeOnly?: boolean }) => {
  const params = new URLSearchParams({ ...(kind ? { kind } : {}), ...(activeOnly ? { active: '1' } : {}) }).toString();
  return <SearchPicker source={`/search/users${params ? `?${params}` : ''}`} {...props} />;
};

export const RolePicker = (props: Preset) => <SearchPicker source="/search/roles" {...props} />;

export const TeamPicker = (props: Preset) => <SearchPicker source="/search/teams" {...props} />;

/** A module's records the user may read, by reference or name. */
export const RecordPicker = ({ module, ...props }: Preset & { module: string }) => (
  <SearchPicker source={`/search/records?module=${encodeURIComponent(module)}`} {...props} />
);

interface SearchChipsProps {
  /** The chosen ones, with their names (the page has them from its own read). */
  values: Found[];
  onChange: (values: Found[]) => void;
  /** The picker that adds one: it receives the exclusion, the value and onChange. */
  picker: (props: Preset) => React.ReactElement;
  testId: string;
  placeholder?: string;
}

/** Chosen values as removable badges, and a searchable picker that adds one (a team's users). */
export const SearchChips = ({ values, onChange, picker, testId, placeholder }: SearchChipsProps) => {
  const { translateMessage: tm } = useTranslation();
  return (
    <Box data-testid={testId}>
      <ChipList values={values} removeLabel={tm('pickerRemove')} onRemove={(v) => onChange(values.filter((x) => x.value !== v))} />
      {picker({
        testId: `${testId}-add`,
        value: null,
        placeholder,
        exclude: values.map((v) => v.value),
        onChange: (v) => v && onChange([...values, v]),
      })}
    </Box>
  );
};
