// Creating or editing a sharing rule, its sentence previewed by the server.
import React, { useEffect, useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import { Select } from '../common/choice-select.js';
import { moduleName } from './defaults-table.js';
import type { RuleDraft, SharingData, SharingRule, TargetKind } from './sharing-types.js';

interface TargetPickerProps {
  side: 'from' | 'to';
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  kinds: TargetKind[];
  roles: SharingData['roles'];
  teams: SharingData['teams'];
  tm: TranslateFunction;
}

/** "Records owned by" / "Shared with": the kind (role, role and subordinates, team), then the role or team. */
const TargetPicker = ({ side, draft, set, kinds, roles, teams, tm }: TargetPickerProps) => {
  const kind = draft[`${side}Kind`];
  const isTeam = kind === 'team';
  return (
    <Box mb="lg">
      <Label>{tm(side === 'from' ? 'sharingFrom' : 'sharingTo')}</Label>
      <Box flex style={{ gap: 12 }}>
        <Select
          testId={`rule-${side}-kind`}
          value={kind}
          placeholder={tm('sharingChooseKind')}
          onChange={(v) => set({ [`${side}Kind`]: v } as Partial<RuleDraft>)}
          options={kinds.map((k) => ({ value: k, label: tm(`sharingKind_${k}`) }))}
        />
        {kind && (
          <Select
            testId={`rule-${side}-target`}
            value={isTeam ? draft[`${side}TeamId`] : draft[`${side}RoleId`]}
            placeholder={tm(isTeam ? 'sharingChooseTeam' : 'sharingChooseRole')}
            onChange={(v) =>
              set(
                (isTeam
                  ? { [`${side}TeamId`]: v && Number(v), [`${side}RoleId`]: null }
                  : { [`${side}RoleId`]: v && Number(v), [`${side}TeamId`]: null }) as Partial<RuleDraft>,
              )
            }
            options={(isTeam ? teams : roles).map((x) => ({ value: x.id, label: x.name }))}
            width={260}
          />
        )}
      </Box>
    </Box>
  );
};

const EMPTY: RuleDraft = {
  name: '',
  module: null,
  fromKind: null,
  fromRoleId: null,
  fromTeamId: null,
  toKind: null,
  toRoleId: null,
  toTeamId: null,
  access: null,
};

/**
 * Creating or editing a rule. The sentence under the pickers is the server's (the same function
 * as the list's), asked again at each change of the draft.
 */
interface RuleEditorProps {
  /** The rule edited; null: a new one. */
  rule: SharingRule | null;
  data: SharingData;
  lang: string;
  tm: TranslateFunction;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export const RuleEditor = ({ rule, data, lang, tm, onSaved, onCancel }: RuleEditorProps) => {
  const [draft, setDraft] = useState<RuleDraft>(rule ? { ...EMPTY, ...rule, name: rule.name ?? '' } : EMPTY);
  const check = useAccessPreview();
  const [preview, setPreview] = useState<{ sentence: string | null; problem: string | null }>({ sentence: null, problem: null });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const body = () => {
    const { name, module, fromKind, fromRoleId, fromTeamId, toKind, toRoleId, toTeamId, access } = draft;
    return { name: name.trim() || null, module, fromKind, fromRoleId, fromTeamId, toKind, toRoleId, toTeamId, access };
  };
  useEffect(() => {
    let current = true;
    const { name: _name, ...partial } = body(); // the preview does not depend on the rule's name
    const known = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== null && v !== undefined));
    portierFetch(`/sharing/rules/preview?lang=${lang}`, { method: 'POST', body: JSON.stringify(known) }).then(
      (r) =>
        current && setPreview(r.status === 200 ? (r.body as { sentence: string | null; problem: string | null }) : { sentence: null, problem: r.body.message }),
    );
    return () => {
      current = false;
    };
  }, [JSON.stringify(draft), lang]);
  const save = async () => {
    setError(null);
    // Who gains or loses what through the rule is shown first; "Annuler" keeps the editor open.
    const r = await check.review(rule ? `/sharing/rules/${rule.id}?lang=${lang}` : `/sharing/rules?lang=${lang}`, {
      method: rule ? 'PUT' : 'POST',
      body: JSON.stringify(body()),
    });
    if (!r) return;
    if (r.status === 200) onSaved(r.body.message);
    else setError(r.body.message ?? r.body.error);
  };
  const ruleModules = data.modules.filter((m) => m.takesRules);
  return (
    <Box p="lg" mt="lg" style={{ border: '1px solid #E6E6EE', background: '#FBFBFF' }} data-testid="rule-editor">
      <Text fontWeight="bold" mb="lg">
        {tm(rule ? 'sharingEditRule' : 'sharingNewRule')}
      </Text>
      <Box flex style={{ gap: 24 }} mb="lg" flexWrap="wrap">
        <Box>
          <Label>{tm('sharingModule')}</Label>
          <Select
            testId="rule-module"
            value={draft.module}
            placeholder={tm('sharingChooseModule')}
            onChange={(v) => set({ module: v })}
            options={ruleModules.map((m) => ({ value: m.module, label: moduleName(m, lang) }))}
            width={260}
          />
        </Box>
        <Box>
          <Label>{tm('sharingAccess')}</Label>
          <Select
            testId="rule-access"
            value={draft.access}
            placeholder={tm('sharingChooseAccess')}
            onChange={(v) => set({ access: v })}
            options={['read', 'read_write'].map((a) => ({ value: a, label: tm(`sharingAccess_${a}`) }))}
          />
        </Box>
        <Box>
          <Label>{tm('sharingName')}</Label>
          <input
            data-testid="rule-name"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, width: 280 }}
          />
        </Box>
      </Box>
      <TargetPicker side="from" draft={draft} set={set} kinds={data.kinds} roles={data.roles} teams={data.teams} tm={tm} />
      <TargetPicker side="to" draft={draft} set={set} kinds={data.kinds} roles={data.roles} teams={data.teams} tm={tm} />
      <Box p="md" mb="lg" style={{ background: 'white', borderLeft: '4px solid #4268F6' }}>
        <Text variant="sm" color="grey60">
          {tm('sharingPreview')}
        </Text>
        <Text data-testid="rule-preview" fontWeight={preview.sentence ? 'bold' : 'normal'} color={preview.sentence ? 'grey100' : 'grey60'}>
          {preview.sentence ?? preview.problem ?? tm('sharingPreviewIncomplete')}
        </Text>
      </Box>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="rule-error" />}
      {check.panel}
      <Box flex style={{ gap: 12 }}>
        <Button variant="contained" data-testid="rule-save" disabled={!preview.sentence || check.open} onClick={save}>
          {tm('accessPreviewSave')}
        </Button>
        <Button variant="text" onClick={onCancel}>
          {tm('sharingCancel')}
        </Button>
      </Box>
    </Box>
  );
};
