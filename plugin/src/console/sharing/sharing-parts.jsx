import React, { useEffect, useState } from 'react';
import {
  Box, Button, Icon, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text,
} from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.ts';

/** A native select (short lists), styled like the design system's inputs; options may be disabled with a reason as tooltip. */
export const Select = ({ value, onChange, options, placeholder, testId, disabled, width = 220 }) => (
  <select data-testid={testId} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value || null)}
    style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, minWidth: width, maxWidth: Math.max(width, 360), background: disabled ? '#F6F7FB' : 'white' }}>
    {placeholder && <option value="">{placeholder}</option>}
    {options.map((o) => <option key={o.value} value={o.value} disabled={o.disabled} title={o.title}>{o.label}</option>)}
  </select>
);

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export const moduleName = (m, lang) => cap(m.label?.[lang] ?? m.module);

/** Why a module or a level is locked: the server's own words. */
const Locked = ({ testId, children }) => (
  <Box flex alignItems="flex-start" style={{ gap: 6 }}>
    <Box mt="xs"><Icon icon="Lock" size={14} color="grey60" /></Box>
    <Text data-testid={testId} color="grey80">{children}</Text>
  </Box>
);

/**
 * The organisation-wide defaults: one select per module. A level the module may not take now is
 * disabled, and the reason (the very message the server would answer) is written beside it.
 */
export const DefaultsTable = ({ modules, followers, canWrite, lang, tm, tl, onChange }) => (
  <Table width={1} data-testid="sharing-defaults">
    <TableHead>
      <TableRow><TableCell>{tm('sharingModule')}</TableCell><TableCell>{tm('sharingLevel')}</TableCell><TableCell>{tm('sharingWhy')}</TableCell></TableRow>
    </TableHead>
    <TableBody>
      {modules.map((m) => (
        <TableRow key={m.module} data-module={m.module}>
          <TableCell><Text fontWeight="bold">{moduleName(m, lang)}</Text><Text variant="sm" color="grey60">{m.module}</Text></TableCell>
          <TableCell>
            <Select testId={`default-${m.module}`} value={m.level} disabled={!canWrite || !!m.locked} onChange={(level) => level && onChange(m.module, level)}
              options={m.options.map((o) => ({ value: o.level, label: tm(`sharingLevel_${o.level}`), disabled: !!o.refused, title: o.refused ?? undefined }))} width={300} />
          </TableCell>
          <TableCell>
            {m.locked && <Locked testId={`default-reason-${m.module}`}>{m.locked}</Locked>}
            {m.reasons.map((r) => <Text key={r} variant="sm" color="grey60" data-testid={`default-note-${m.module}`}>{r}</Text>)}
          </TableCell>
        </TableRow>
      ))}
      {followers.map((f) => (
        <TableRow key={f.module} data-module={f.module}>
          <TableCell><Text fontWeight="bold">{tl(f.module)}</Text><Text variant="sm" color="grey60">{f.module}</Text></TableCell>
          <TableCell><Text color="grey60">{tm('sharingFollows', { module: moduleName(modules.find((m) => m.module === f.follows) ?? { module: f.follows }, lang) })}</Text></TableCell>
          <TableCell><Locked testId={`default-reason-${f.module}`}>{f.reason}</Locked></TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** "Records owned by" / "Shared with": the kind (role, role and subordinates, team), then the role or team. */
const TargetPicker = ({ side, draft, set, kinds, roles, teams, tm }) => {
  const kind = draft[`${side}Kind`];
  const isTeam = kind === 'team';
  return (
    <Box mb="lg">
      <Label>{tm(side === 'from' ? 'sharingFrom' : 'sharingTo')}</Label>
      <Box flex style={{ gap: 12 }}>
        <Select testId={`rule-${side}-kind`} value={kind} placeholder={tm('sharingChooseKind')} onChange={(v) => set({ [`${side}Kind`]: v })}
          options={kinds.map((k) => ({ value: k, label: tm(`sharingKind_${k}`) }))} />
        {kind && (
          <Select testId={`rule-${side}-target`} value={isTeam ? draft[`${side}TeamId`] : draft[`${side}RoleId`]} placeholder={tm(isTeam ? 'sharingChooseTeam' : 'sharingChooseRole')}
            onChange={(v) => set(isTeam ? { [`${side}TeamId`]: v && Number(v), [`${side}RoleId`]: null } : { [`${side}RoleId`]: v && Number(v), [`${side}TeamId`]: null })}
            options={(isTeam ? teams : roles).map((x) => ({ value: x.id, label: x.name }))} width={260} />
        )}
      </Box>
    </Box>
  );
};

const EMPTY = { name: '', module: null, fromKind: null, fromRoleId: null, fromTeamId: null, toKind: null, toRoleId: null, toTeamId: null, access: null };

/**
 * Creating or editing a rule. The sentence under the pickers is the server's (the same function
 * as the list's), asked again at each change of the draft.
 */
export const RuleEditor = ({ rule, data, lang, tm, onSaved, onCancel }) => {
  const [draft, setDraft] = useState(rule ? { ...EMPTY, ...rule, name: rule.name ?? '' } : EMPTY);
  const [preview, setPreview] = useState({ sentence: null, problem: null });
  const [error, setError] = useState(null);
  const set = (patch) => setDraft((d) => ({ ...d, ...patch }));
  const body = () => {
    const { name, module, fromKind, fromRoleId, fromTeamId, toKind, toRoleId, toTeamId, access } = draft;
    return { name: name.trim() || null, module, fromKind, fromRoleId, fromTeamId, toKind, toRoleId, toTeamId, access };
  };
  useEffect(() => {
    let current = true;
    const { name: _name, ...partial } = body(); // the preview does not depend on the rule's name
    const known = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== null && v !== undefined));
    portierFetch(`/sharing/rules/preview?lang=${lang}`, { method: 'POST', body: JSON.stringify(known) })
      .then((r) => current && setPreview(r.status === 200 ? r.body : { sentence: null, problem: r.body.message }));
    return () => { current = false; };
  }, [JSON.stringify(draft), lang]);
  const save = async () => {
    const r = await portierFetch(rule ? `/sharing/rules/${rule.id}?lang=${lang}` : `/sharing/rules?lang=${lang}`, { method: rule ? 'PUT' : 'POST', body: JSON.stringify(body()) });
    if (r.status === 200) onSaved(r.body.message); else setError(r.body.message ?? r.body.error);
  };
  const ruleModules = data.modules.filter((m) => m.takesRules);
  return (
    <Box p="lg" mt="lg" style={{ border: '1px solid #E6E6EE', background: '#FBFBFF' }} data-testid="rule-editor">
      <Text fontWeight="bold" mb="lg">{tm(rule ? 'sharingEditRule' : 'sharingNewRule')}</Text>
      <Box flex style={{ gap: 24 }} mb="lg" flexWrap="wrap">
        <Box>
          <Label>{tm('sharingModule')}</Label>
          <Select testId="rule-module" value={draft.module} placeholder={tm('sharingChooseModule')} onChange={(v) => set({ module: v })}
            options={ruleModules.map((m) => ({ value: m.module, label: `${moduleName(m, lang)} (${m.module})` }))} width={260} />
        </Box>
        <Box>
          <Label>{tm('sharingAccess')}</Label>
          <Select testId="rule-access" value={draft.access} placeholder={tm('sharingChooseAccess')} onChange={(v) => set({ access: v })}
            options={['read', 'read_write'].map((a) => ({ value: a, label: tm(`sharingAccess_${a}`) }))} />
        </Box>
        <Box>
          <Label>{tm('sharingName')}</Label>
          <input data-testid="rule-name" value={draft.name} onChange={(e) => set({ name: e.target.value })}
            style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, width: 280 }} />
        </Box>
      </Box>
      <TargetPicker side="from" draft={draft} set={set} kinds={data.kinds} roles={data.roles} teams={data.teams} tm={tm} />
      <TargetPicker side="to" draft={draft} set={set} kinds={data.kinds} roles={data.roles} teams={data.teams} tm={tm} />
      <Box p="md" mb="lg" style={{ background: 'white', borderLeft: '4px solid #4268F6' }}>
        <Text variant="sm" color="grey60">{tm('sharingPreview')}</Text>
        <Text data-testid="rule-preview" fontWeight={preview.sentence ? 'bold' : 'normal'} color={preview.sentence ? 'grey100' : 'grey60'}>
          {preview.sentence ?? preview.problem ?? tm('sharingPreviewIncomplete')}
        </Text>
      </Box>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="rule-error" />}
      <Box flex style={{ gap: 12 }}>
        <Button variant="contained" data-testid="rule-save" disabled={!preview.sentence} onClick={save}>{tm('sharingSave')}</Button>
        <Button variant="text" onClick={onCancel}>{tm('sharingCancel')}</Button>
      </Box>
    </Box>
  );
};
