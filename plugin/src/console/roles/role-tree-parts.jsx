import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.ts';
import { Checks, Picker, TextField } from '../common/access-pickers.tsx';

/** The roles in tree order (parents first, siblings by name), each with its depth. */
export function treeOrder(roles) {
  const children = childrenMap(roles);
  const out = [];
  const walk = (parentId, depth) => (children.get(parentId) ?? []).forEach((r) => { out.push({ ...r, depth }); walk(r.id, depth + 1); });
  walk(null, 0);
  return out;
}

export function childrenMap(roles) {
  const map = new Map();
  for (const r of [...roles].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) map.set(r.parentId, [...(map.get(r.parentId) ?? []), r]);
  return map;
}

const indented = (roles) => treeOrder(roles).map((r) => ({ value: r.id, label: `${'\u00a0\u00a0\u00a0'.repeat(r.depth)}${r.name}` }));

/** How far a level is indented, in pixels. */
export const INDENT = 28;

const Buttons = ({ children }) => <Box flex style={{ gap: 8 }} mt="md">{children}</Box>;

/** The action panels under a node. `submit(method, path, body)` answers true when the server accepted. */
const ChildPanel = ({ role, profiles, tm, submit, close }) => {
  const preset = profiles.filter((p) => p.isDefault).map((p) => p.id);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState(preset.length ? preset : role.profiles.map((p) => p.id));
  return (
    <>
      <Label>{tm('rolesChildName', { name: role.name })}</Label>
      <TextField testId="role-child-name" value={name} onChange={setName} />
      <Text mt="md" mb="sm">{tm('rolesChildProfiles')}</Text>
      <Checks testId="role-child-profiles" values={chosen} onChange={setChosen} options={profileOptions(profiles, tm)} />
      <Buttons>
        <Button variant="contained" data-testid="role-child-create" disabled={!name.trim()}
          onClick={() => submit('POST', '/roles', { name, parentId: role.id, profileIds: chosen })}>{tm('rolesCreate')}</Button>
        <Button variant="outlined" onClick={close}>{tm('rolesCancel')}</Button>
      </Buttons>
    </>
  );
};

const profileOptions = (profiles, tm) => profiles.map((p) => ({ value: p.id, label: p.isDefault ? `${p.name} ${tm('rolesDefault')}` : p.name }));

const RenamePanel = ({ role, tm, submit, close }) => {
  const [name, setName] = useState(role.name);
  return (
    <>
      <Label>{tm('rolesNewName', { name: role.name })}</Label>
      <TextField testId="role-rename-input" value={name} onChange={setName} />
      <Buttons>
        <Button variant="contained" data-testid="role-rename-save" onClick={() => submit('PUT', `/roles/${role.id}`, { name })}>{tm('rolesSave')}</Button>
        <Button variant="outlined" onClick={close}>{tm('rolesCancel')}</Button>
      </Buttons>
    </>
  );
};

// Every other role is offered, its own subordinates included: the server is the one that refuses
// a loop, and the page shows its message (nothing hidden here is a rule).
const MovePanel = ({ role, roles, tm, submit, close }) => {
  const [parentId, setParentId] = useState(null);
  const options = indented(roles).filter((o) => o.value !== role.id)
    .map((o) => (o.value === role.parentId ? { ...o, label: `${o.label} ${tm('rolesCurrentParent')}` } : o));
  return (
    <>
      <Label>{tm('rolesMoveUnder', { name: role.name })}</Label>
      <Picker testId="role-move-parent" value={parentId} onChange={setParentId} options={options} placeholder={tm('rolesChooseRole')} width={320} />
      <Text variant="sm" color="grey60" mt="sm">{tm('rolesMoveHelp')}</Text>
      <Buttons>
        <Button variant="contained" data-testid="role-move-save" disabled={!parentId} onClick={() => submit('PUT', `/roles/${role.id}`, { parentId })}>{tm('rolesMove')}</Button>
        <Button variant="outlined" onClick={close}>{tm('rolesCancel')}</Button>
      </Buttons>
    </>
  );
};

const ProfilesPanel = ({ role, profiles, tm, submit, close }) => {
  const [chosen, setChosen] = useState(role.profiles.map((p) => p.id));
  return (
    <>
      <Text mb="sm">{tm('rolesProfilesOf', { name: role.name })}</Text>
      <Checks testId="role-profiles" values={chosen} onChange={setChosen} options={profileOptions(profiles, tm)} />
      <Buttons>
        <Button variant="contained" data-testid="role-profiles-save" onClick={() => submit('PUT', `/roles/${role.id}`, { profileIds: chosen })}>{tm('rolesSave')}</Button>
        <Button variant="outlined" onClick={close}>{tm('rolesCancel')}</Button>
      </Buttons>
    </>
  );
};

// The server says what a deletion does (users and sub-roles handed over, rules deleted with it).
const DeletePanel = ({ role, roles, tm, submit, close }) => {
  const [what, setWhat] = useState(null);
  const [heirId, setHeirId] = useState(role.parentId);
  useEffect(() => { portierFetch(`/roles/${role.id}/deletion`).then((r) => setWhat(r.body)); }, [role.id]);
  const rules = (what?.rules ?? []).map((r) => r.name ?? `${r.module} n° ${r.id}`).join(', ');
  return (
    <>
      {what && <Text mb="sm">{tm('rolesDeleteWhat', { name: role.name, users: what.users, children: what.children })}</Text>}
      {what && <Text mb="md" color="grey60">{rules ? tm('rolesDeleteRules', { rules }) : tm('rolesDeleteNoRules')}</Text>}
      <Label>{tm('rolesHeir')}</Label>
      <Picker testId="role-delete-heir" value={heirId} onChange={setHeirId} options={indented(roles).filter((o) => o.value !== role.id)} placeholder={tm('rolesChooseRole')} width={320} />
      <Buttons>
        <Button variant="contained" color="danger" data-testid="role-delete-confirm" onClick={() => submit('DELETE', `/roles/${role.id}`, { heirId })}>{tm('rolesConfirmDelete')}</Button>
        <Button variant="outlined" onClick={close}>{tm('rolesCancel')}</Button>
      </Buttons>
    </>
  );
};

const PANELS = { child: ChildPanel, rename: RenamePanel, move: MovePanel, profiles: ProfilesPanel, delete: DeletePanel };
export const ACTIONS = [['child', 'rolesAddChild'], ['rename', 'rolesRename'], ['move', 'rolesMove'], ['profiles', 'rolesProfiles'], ['delete', 'rolesDelete']];

/** The open panel of a node, with the server's answer to its last submission (a refusal stays here). */
export const NodePanel = ({ kind, outcome, warning, ...props }) => {
  const Panel = PANELS[kind];
  return (
    <Box ml="xl" mt="sm" mb="md" p="lg" style={{ border: '1px solid #E6E6EE', background: '#FAFAFF', maxWidth: 760 }} data-testid={`role-panel-${kind}`}>
      {/* While the seat warning asks, the panel waits: its answer is the warning's buttons. */}
      <Box style={warning ? { opacity: 0.5, pointerEvents: 'none' } : undefined}><Panel {...props} /></Box>
      {warning}
      {outcome && !outcome.ok && <MessageBox mt="md" variant="danger" message={outcome.message} data-testid="role-refusal" />}
    </Box>
  );
};

/** One line of the tree: toggle, name, profiles as badges, users, actions; columns aligned whatever the depth. */
export const NodeLine = ({ role, depth, hasChildren, open, onToggle, onAction, tm }) => (
  <Box flex alignItems="center" py="sm" data-testid="role-node" data-role={role.name}
    style={{ gap: 8, paddingLeft: depth * INDENT, borderBottom: '1px solid #F0F0F5' }}>
    <Button size="icon" variant="text" data-testid="role-toggle" aria-expanded={open} disabled={!hasChildren}
      style={{ visibility: hasChildren ? 'visible' : 'hidden', width: 24, flexShrink: 0 }} onClick={onToggle}>{open ? '▾' : '▸'}</Button>
    <Text fontWeight="bold" style={{ width: 225 - depth * INDENT, flexShrink: 0 }}>{role.name}</Text>
    <Box flex flexWrap="wrap" style={{ gap: 4, width: 170, flexShrink: 0 }}>
      {role.profiles.map((p) => <Badge key={p.id} variant="info" outline size="sm">{p.name}</Badge>)}
    </Box>
    <Text color="grey60" variant="sm" data-testid="role-users" style={{ flex: '1 1 120px', minWidth: 0 }}>
      {tm('rolesUsers', { count: role.users })}{hasChildren ? ` · ${tm('rolesSubtreeUsers', { count: role.subtreeUsers })}` : ''}
    </Text>
    <Box flex style={{ flexShrink: 0 }}>
      {ACTIONS.map(([kind, label]) => (
        <Button key={kind} size="sm" variant="text" style={{ padding: '4px 8px' }} data-testid={`role-action-${kind}`} onClick={() => onAction(kind)}>{tm(label)}</Button>
      ))}
    </Box>
  </Box>
);
