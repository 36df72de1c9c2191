import React, { useState } from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { Box, Button, CheckBox, H4, Icon, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import type { Catalog, ProfileRow } from './profiles-types.js';

type Level = 'write' | 'read' | 'none';
const LEVELS: Level[] = ['write', 'read', 'none'];
const LEVEL_ICONS: Record<Level, string> = { write: 'Edit2', read: 'Eye', none: 'Slash' };
const LEVEL_COLOURS: Record<Level, string> = { write: '#3040D6', read: '#0E8A5F', none: '#C20012' };

/** The editable part of a profile, as the PUT route takes it. */
export interface ProfileDraft {
  name: string;
  description: string;
  licenseTier: string;
  viewAll: boolean;
  editAll: boolean;
  capabilities: string[];
  modules: ProfileRow['modules'];
  contactScopes: ProfileRow['contactScopes'];
  fields: ProfileRow['fields'];
}

/** What the editor's parts get: the draft and its setter, the catalog, the translators. */
interface PartProps {
  draft: ProfileDraft;
  set: (draft: ProfileDraft) => void;
  catalog: Catalog;
  tm: TranslateFunction;
  tl: TranslateFunction;
}

export const draftOf = (p: ProfileRow): ProfileDraft => ({
  name: p.name,
  description: p.description ?? '',
  licenseTier: p.tier,
  viewAll: !!p.viewAll,
  editAll: !!p.editAll,
  capabilities: p.capabilities ?? [],
  modules: p.modules ?? {},
  contactScopes: p.contactScopes ?? {},
  fields: p.fields ?? {},
});

/** modules × create/read/edit/delete/export, with a toggle per row and per column. */
const Matrix = ({ draft, set, catalog, tm, tl }: PartProps) => {
  const has = (m: string, a: string) => !!draft.modules[m]?.[a];
  const put = (pairs: [string, string, boolean][]) => {
    const modules = { ...draft.modules };
    for (const [m, a, v] of pairs) modules[m] = { ...Object.fromEntries(catalog.actions.map((x) => [x, !!modules[m]?.[x]])), [a]: v };
    set({ ...draft, modules });
  };
  const names = catalog.modules.map((m) => m.name);
  const rowFull = (m: string) => catalog.actions.every((a) => has(m, a));
  const columnFull = (a: string) => names.every((m) => has(m, a));
  return (
    <Table width={1} data-testid="profile-matrix">
      <TableHead>
        <TableRow>
          <TableCell>Module</TableCell>
          {catalog.actions.map((a) => (
            <TableCell key={a} style={{ textAlign: 'center' }}>
              <Text>{tm(`profilesAction_${a}`)}</Text>
              <CheckBox
                title={tm('profilesAllColumn')}
                data-testid={`column-${a}`}
                checked={columnFull(a)}
                onChange={() => put(names.map((m): [string, string, boolean] => [m, a, !columnFull(a)]))}
              />
            </TableCell>
          ))}
          <TableCell style={{ textAlign: 'center' }}>{tm('profilesAllRow')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {names.map((m) => (
          <TableRow key={m} data-module={m}>
            <TableCell>
              <Text fontWeight="bold">{tl(m, m)}</Text>
            </TableCell>
            {catalog.actions.map((a) => (
              <TableCell key={a} style={{ textAlign: 'center' }}>
                <CheckBox data-testid={`priv-${m}-${a}`} checked={has(m, a)} onChange={() => put([[m, a, !has(m, a)]])} />
              </TableCell>
            ))}
            <TableCell style={{ textAlign: 'center' }}>
              <CheckBox
                data-testid={`row-${m}`}
                checked={rowFull(m)}
                onChange={() => put(catalog.actions.map((a): [string, string, boolean] => [m, a, !rowFull(m)]))}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Three buttons per field: pencil (write), eye (read), no-entry (none); write is the default. */
const FieldLevels = ({
  module,
  field,
  level,
  onChange,
  tm,
}: {
  module: string;
  field: string;
  level: string;
  onChange: (level: Level) => void;
  tm: TranslateFunction;
}) => (
  <Box flex style={{ gap: 4 }} data-field={`${module}.${field}`} data-level={level}>
    {LEVELS.map((l) => (
      <Button
        key={l}
        type="button"
        size="icon"
        rounded
        variant={level === l ? 'contained' : 'text'}
        title={tm(`profilesField_${l}`)}
        data-testid={`field-${module}-${field}-${l}`}
        onClick={() => onChange(l)}
        style={level === l ? { background: LEVEL_COLOURS[l], borderColor: LEVEL_COLOURS[l] } : { color: '#898A9A' }}
      >
        <Icon icon={LEVEL_ICONS[l]} color={level === l ? 'white' : 'grey60'} />
      </Button>
    ))}
  </Box>
);

const Fields = ({ draft, set, catalog, tm, tl, tp }: PartProps & { tp: TranslateFunction }) => {
  const [open, setOpen] = useState<string | null>(null);
  const level = (m: string, f: string) => draft.fields[m]?.[f] ?? 'write';
  const put = (m: string, f: string, l: Level) => {
    const fields = { ...draft.fields, [m]: { ...(draft.fields[m] ?? {}) } };
    if (l === 'write') delete fields[m][f];
    else fields[m][f] = l; // write is the default: only restrictions are kept
    if (!Object.keys(fields[m]).length) delete fields[m];
    set({ ...draft, fields });
  };
  return (
    <Box data-testid="profile-fields">
      <Text color="grey60" mb="default">
        {tm('profilesFieldsHelp')}
      </Text>
      {catalog.modules.map((m) => {
        const restricted = Object.keys(draft.fields[m.name] ?? {}).length;
        return (
          <Box key={m.name} mb="sm" style={{ borderBottom: '1px solid #EEEEEF' }}>
            <Button type="button" variant="text" size="sm" data-testid={`fields-${m.name}`} onClick={() => setOpen(open === m.name ? null : m.name)}>
              <Icon icon={open === m.name ? 'ChevronDown' : 'ChevronRight'} /> {tl(m.name, m.name)}
              {restricted > 0 && (
                <Text as="span" ml="default" color="grey60">
                  ({tm('profilesRestricted', { count: restricted })})
                </Text>
              )}
            </Button>
            {open === m.name && (
              <Box flex flexWrap="wrap" style={{ gap: '8px 32px' }} px="lg" pb="lg">
                {m.fields.map((f) => (
                  <Box key={f} flex alignItems="center" justifyContent="space-between" style={{ width: 300 }}>
                    <Text>{tp(f, m.name)}</Text>
                    <FieldLevels module={m.name} field={f} level={level(m.name, f)} tm={tm} onChange={(l) => put(m.name, f, l)} />
                  </Box>
                ))}
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box mt="xl">
    <H4>{title}</H4>
    {children}
  </Box>
);

/**
 * One internal profile, editable: tier, privilege matrix, global privileges, capabilities,
 * contact scopes and field access. Saved as a whole; a refusal of the server (tier bounds,
 * safeguards) is shown as it comes and nothing is changed.
 */
const ProfileEditor = ({
  profile,
  catalog,
  onSaved,
  onClose,
}: {
  profile: ProfileRow;
  catalog: Catalog;
  onSaved: (message: string) => void;
  onClose: () => void;
}) => {
  const { translateMessage: tm, translateLabel: tl, translateProperty: tp } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const seats = useSeatConfirm();
  // A higher tier may put its holders over the subscription: the seat warning asks first.
  const save = async () => {
    setSaving(true);
    setError(null);
    const r = await seats.send(`/profiles/${profile.id}`, { method: 'PUT', body: JSON.stringify(draft) });
    setSaving(false);
    if (!r) return;
    if (r.status === 200) onSaved(r.body.message);
    else setError(r.body.message);
  };
  const toggle = (list: string[], x: string) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  return (
    <Box p="xl" style={{ border: '1px solid #C0C0CA', background: 'white' }} data-testid="profile-editor">
      <Box flex style={{ gap: 24 }} flexWrap="wrap">
        <Box style={{ minWidth: 280 }}>
          <Label>{tm('profilesName')}</Label>
          <Input
            data-testid="profile-name"
            value={draft.name}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, name: e.target.value })}
            style={{ width: 280 }}
          />
        </Box>
        <Box style={{ minWidth: 360 }}>
          <Label>{tm('profilesDescription')}</Label>
          <Input
            value={draft.description}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, description: e.target.value })}
            style={{ width: 420 }}
          />
        </Box>
        <Box>
          <Label>{tm('profilesTier')}</Label>
          <select
            data-testid="profile-tier"
            value={draft.licenseTier}
            onChange={(e) => setDraft({ ...draft, licenseTier: e.target.value })}
            style={{ padding: '9px 10px', border: '1px solid #C0C0CA', borderRadius: 2, background: 'white' }}
          >
            {catalog.tiers.map((t) => (
              <option key={t} value={t}>
                {tm(`profilesTier_${t}`)}
              </option>
            ))}
          </select>
        </Box>
      </Box>
      <Text variant="sm" color="grey60" mt="sm">
        {tm('profilesTierHelp')}
      </Text>
      {draft.licenseTier !== profile.tier && (
        <MessageBox
          mt="default"
          size="sm"
          variant="info"
          data-testid="tier-change"
          message={tm('profilesTierChange', {
            from: tm(`profilesTier_${profile.tier}`),
            to: tm(`profilesTier_${draft.licenseTier}`),
            users: profile.users,
            roles: profile.roles,
          })}
        />
      )}

      <Section title={tm('profilesMatrix')}>
        <Matrix draft={draft} set={setDraft} catalog={catalog} tm={tm} tl={tl} />
      </Section>

      <Box flex flexWrap="wrap" style={{ gap: 48 }}>
        <Section title={tm('profilesGlobal')}>
          {(['viewAll', 'editAll'] as const).map((k) => (
            <Box key={k} flex alignItems="center" mb="sm">
              <CheckBox id={`global-${k}`} data-testid={`global-${k}`} checked={draft[k]} onChange={() => setDraft({ ...draft, [k]: !draft[k] })} />
              <Label inline htmlFor={`global-${k}`} ml="default">
                {tm(`profiles${k[0].toUpperCase()}${k.slice(1)}`)}
              </Label>
            </Box>
          ))}
        </Section>
        <Section title={tm('profilesCapabilities')}>
          {catalog.capabilities.map((c) => (
            <Box key={c} flex alignItems="center" mb="sm">
              <CheckBox
                id={`cap-${c}`}
                data-testid={`cap-${c}`}
                checked={draft.capabilities.includes(c)}
                onChange={() => setDraft({ ...draft, capabilities: toggle(draft.capabilities, c) })}
              />
              <Label inline htmlFor={`cap-${c}`} ml="default">
                {tm(`profilesCap_${c}`)}
              </Label>
            </Box>
          ))}
        </Section>
        <Section title={tm('profilesContactScopes')}>
          <Box data-testid="profile-contact-scopes">
            {catalog.contactTypes.map((t) => (
              <Box key={t} flex alignItems="center" mb="sm" style={{ gap: 8 }}>
                <Text width="110px">{tm(`profilesContactType_${t}`)}</Text>
                {['none', 'mine', 'all'].map((s) => {
                  const current = draft.contactScopes[t] ?? 'all'; // no scope named: all (the spec's step 5)
                  return (
                    <Button
                      key={s}
                      type="button"
                      size="sm"
                      variant={current === s ? 'contained' : 'outlined'}
                      data-testid={`scope-${t}-${s}`}
                      onClick={() => setDraft({ ...draft, contactScopes: { ...draft.contactScopes, [t]: s } })}
                    >
                      {tm(`profilesScope_${s}`)}
                    </Button>
                  );
                })}
              </Box>
            ))}
          </Box>
        </Section>
      </Box>

      <Section title={tm('profilesFields')}>
        <Fields draft={draft} set={setDraft} catalog={catalog} tm={tm} tl={tl} tp={tp} />
      </Section>

      {seats.warning}
      {error && <MessageBox mt="lg" variant="danger" message={error} data-testid="profile-error" onCloseClick={() => setError(null)} />}
      <Box flex style={{ gap: 12 }} mt="xl">
        <Button variant="contained" data-testid="profile-save" disabled={saving} onClick={save}>
          {tm('profilesSave')}
        </Button>
        <Button variant="outlined" onClick={onClose}>
          {tm('profilesCancel')}
        </Button>
      </Box>
    </Box>
  );
};

export default ProfileEditor;
