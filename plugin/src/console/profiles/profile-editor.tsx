import React, { useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, CheckBox, H4, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { Select } from '../common/choice-select.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import { PrivilegeMatrix } from './privilege-matrix.js';
import { FieldAccessEditor } from './field-access.js';
import type { Catalog, ProfileRow } from './profiles-types.js';

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
  const check = useAccessPreview();
  // Who gains or loses what is shown first; a higher tier may then put its holders over the subscription: the seat warning asks.
  const save = async () => {
    setSaving(true);
    setError(null);
    const r = await check.review(`/profiles/${profile.id}`, { method: 'PUT', body: JSON.stringify(draft) }, seats.send);
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
          <Select
            testId="profile-tier"
            value={draft.licenseTier}
            clearable={false}
            onChange={(v) => v && setDraft({ ...draft, licenseTier: v })}
            options={catalog.tiers.map((t) => ({ value: t, label: tm(`profilesTier_${t}`) }))}
          />
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
            users: tm('countUsers', { count: profile.users }),
            roles: tm('countRoles', { count: profile.roles }),
          })}
        />
      )}

      <Section title={tm('profilesMatrix')}>
        <PrivilegeMatrix
          modules={draft.modules}
          onChange={(modules) => setDraft({ ...draft, modules })}
          moduleNames={catalog.modules.map((m) => m.name)}
          actions={catalog.actions}
          tm={tm}
          tl={tl}
        />
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
        <FieldAccessEditor fields={draft.fields} onChange={(fields) => setDraft({ ...draft, fields })} modules={catalog.modules} tm={tm} tl={tl} tp={tp} />
      </Section>

      {check.panel}
      {seats.warning}
      {error && <MessageBox mt="lg" variant="danger" message={error} data-testid="profile-error" onCloseClick={() => setError(null)} />}
      <Box flex style={{ gap: 12 }} mt="xl">
        <Button variant="contained" data-testid="profile-save" disabled={saving || check.open} onClick={save}>
          {tm('accessPreviewSave')}
        </Button>
        <Button variant="outlined" onClick={onClose}>
          {tm('profilesCancel')}
        </Button>
      </Box>
    </Box>
  );
};

export default ProfileEditor;
