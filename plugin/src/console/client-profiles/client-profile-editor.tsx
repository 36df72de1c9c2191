import React, { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Badge, Box, Button, H3, H4, Icon, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { Select } from '../common/choice-select.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import { MatrixLegend, PrivilegeMatrix } from '../profiles/privilege-matrix.js';
import { FieldAccessEditor } from '../profiles/field-access.js';
import type { ClientProfile } from '../clients/clients-types.js';
import type { ClientProfileCatalog } from './client-profiles-types.js';

/** What PUT /clients/profiles/:id takes: a client profile holds nothing else. */
interface ClientDraft {
  name: string;
  description: string;
  licenseTier: string;
  modules: Record<string, Record<string, boolean>>;
  fields: Record<string, Record<string, string>>;
}

const draftOf = (p: ClientProfile): ClientDraft => ({
  name: p.name,
  description: p.description ?? '',
  licenseTier: p.tier,
  modules: p.modules ?? {},
  fields: p.fields ?? {},
});

/** The price level of a tier: its rank (€ for Connect & pay … €€€€ for the highest). */
export const priceOf = (catalog: ClientProfileCatalog, tier: string) => '€'.repeat(catalog.tiers.indexOf(tier) + 1);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box mt="xl">
    <H4>{title}</H4>
    {children}
  </Box>
);

/**
 * One client profile in the editor: module rights (beyond the tier: greyed, with the tier that
 * includes the right) and field access. The predefined profiles show read-only, with their
 * "Dupliquer pour restreindre". The tier changes only explicitly, saying how many dossiers'
 * price it changes; the server refuses a right past the tier and the refusal shows here.
 */
export const ClientProfileEditor = ({
  profile,
  catalog,
  onSaved,
  onClose,
  onDuplicate,
}: {
  profile: ClientProfile;
  catalog: ClientProfileCatalog;
  onSaved: (message: string) => void;
  onClose: () => void;
  onDuplicate: (p: ClientProfile) => void;
}) => {
  const { translateMessage: tm, translateLabel: tl, translateProperty: tp } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const seats = useSeatConfirm();
  const check = useAccessPreview();
  // Opened from a row, a duplicate or a link: brought into sight.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [profile.id]);
  const readOnly = profile.system;
  const tierName = (t: string) => tm(`tier_${t}`);
  const maximum = catalog.maxima[draft.licenseTier] ?? {};
  const limit = (m: string, a: string) => {
    if ((maximum[m] ?? []).includes(a)) return null;
    const t = catalog.reservedTo[m]?.[a];
    return t ? tm('clientProfilesReservedTo', { tier: tierName(t) }) : tm('clientProfilesNoTier');
  };
  // Field access matters only where the tier lets the profile read: the other modules stay out of sight.
  const fieldModules = catalog.modules.filter((m) => (maximum[m.name] ?? []).length > 0);
  const save = async () => {
    setSaving(true);
    setError(null);
    const r = await check.review(`/clients/profiles/${profile.id}`, { method: 'PUT', body: JSON.stringify(draft) }, seats.send);
    setSaving(false);
    if (!r) return;
    if (r.status === 200) onSaved(r.body.message);
    else setError(r.body.message);
  };
  return (
    <Box ref={ref} mt="xl" p="xl" style={{ border: '1px solid #C0C0CA', background: 'white' }} data-testid="client-profile-editor" data-profile={profile.name}>
      <Box flex alignItems="center" justifyContent="space-between" flexWrap="wrap" style={{ gap: 12 }}>
        <H3 mb={0}>{tm('clientProfilesEditorTitle', { name: profile.name })}</H3>
        <Badge variant="primary" outline data-testid="client-profile-tier">
          {tm('clientProfilesTierPrice', { tier: tierName(profile.tier), price: priceOf(catalog, profile.tier) })}
        </Badge>
      </Box>
      {readOnly ? (
        <Box mt="lg" flex alignItems="center" flexWrap="wrap" style={{ gap: 16 }} data-testid="client-profile-readonly">
          <MessageBox variant="info" size="sm" message={tm('clientProfilesPredefined', { tier: tierName(profile.tier) })} style={{ flex: 1 }} />
          <Button variant="contained" onClick={() => onDuplicate(profile)} data-testid="client-profile-duplicate">
            <Icon icon="Copy" />
            {tm('clientsDuplicate')}
          </Button>
        </Box>
      ) : (
        <Box flex style={{ gap: 24 }} flexWrap="wrap" mt="lg">
          <Box>
            <Label>{tm('profilesName')}</Label>
            <Input
              data-testid="client-profile-name"
              value={draft.name}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, name: e.target.value })}
              style={{ width: 300 }}
            />
          </Box>
          <Box>
            <Label>{tm('profilesDescription')}</Label>
            <Input
              value={draft.description}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, description: e.target.value })}
              style={{ width: 420 }}
            />
          </Box>
          <Box>
            <Label>{tm('clientsTier')}</Label>
            <Select
              testId="client-profile-tier-select"
              value={draft.licenseTier}
              width={280}
              clearable={false}
              onChange={(v) => {
                if (!v) return;
                setDraft({ ...draft, licenseTier: v });
                setError(null); // a refusal was about the tier before
              }}
              options={catalog.tiers.map((t) => ({ value: t, label: `${tierName(t)} (${priceOf(catalog, t)})` }))}
            />
          </Box>
        </Box>
      )}
      {!readOnly && (
        <Text variant="sm" color="grey60" mt="sm">
          {tm('clientProfilesTierLocked')}
        </Text>
      )}
      {draft.licenseTier !== profile.tier && (
        <MessageBox
          mt="default"
          size="sm"
          variant="info"
          data-testid="client-tier-change"
          message={tm('clientProfilesTierChange', {
            from: tierName(profile.tier),
            to: tierName(draft.licenseTier),
            pairs: tm('countDossiers', { count: profile.pairs }),
            users: tm('countClientUsers', { count: profile.users }),
          })}
        />
      )}

      <Section title={tm('clientProfilesRights')}>
        <PrivilegeMatrix
          modules={draft.modules}
          onChange={(modules) => setDraft({ ...draft, modules })}
          moduleNames={catalog.modules.map((m) => m.name)}
          actions={catalog.actions}
          tm={tm}
          tl={tl}
          limit={limit}
          readOnly={readOnly}
        />
        <MatrixLegend text={tm('clientProfilesGreyLegend', { tier: tierName(draft.licenseTier) })} />
      </Section>

      <Section title={tm('profilesFields')}>
        <FieldAccessEditor
          fields={draft.fields}
          onChange={(fields) => setDraft({ ...draft, fields })}
          modules={fieldModules}
          tm={tm}
          tl={tl}
          tp={tp}
          readOnly={readOnly}
        />
      </Section>

      {check.panel}
      {seats.warning}
      {error && <MessageBox mt="lg" variant="danger" message={error} data-testid="client-profile-error" onCloseClick={() => setError(null)} />}
      <Box flex style={{ gap: 12 }} mt="xl">
        {!readOnly && (
          <Button variant="contained" data-testid="client-profile-save" disabled={saving || check.open} onClick={save}>
            {tm('accessPreviewSave')}
          </Button>
        )}
        <Button variant="outlined" onClick={onClose} data-testid="client-profile-close">
          {tm('clientProfilesClose')}
        </Button>
      </Box>
    </Box>
  );
};
