// The action panels under a node of the role tree: sub-role, rename, move, profiles, delete with an heir.
import React, { useEffect, useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { Checks, Picker, TextField } from '../common/access-pickers.js';
import { indented, type RoleNode, type RoleProfile } from './role-tree-order.js';

export type PanelKind = 'child' | 'rename' | 'move' | 'profiles' | 'delete';

/** What a panel sends (POST /roles, PUT or DELETE /roles/:id). */
export interface RoleChange {
  name?: string;
  parentId?: number | null;
  profileIds?: number[];
  heirId?: number | null;
}

export interface PanelProps {
  role: RoleNode;
  roles: RoleNode[];
  profiles: RoleProfile[];
  tm: TranslateFunction;
  submit: (method: string, path: string, body: RoleChange) => void;
  close: () => void;
}

/** What deleting a role does (GET /roles/:id/deletion). */
interface Deletion {
  users: number;
  children: number;
  rules: { id: number; name: string | null; module: string }[];
}

const Buttons = ({ children }: { children: React.ReactNode }) => (
  <Box flex style={{ gap: 8 }} mt="md">
    {children}
  </Box>
);

/** The action panels under a node. `submit(method, path, body)` sends the change; the page shows the server's answer. */
const ChildPanel = ({ role, profiles, tm, submit, close }: PanelProps) => {
  const preset = profiles.filter((p) => p.isDefault).map((p) => p.id);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState(preset.length ? preset : role.profiles.map((p) => p.id));
  return (
    <>
      <Label>{tm('rolesChildName', { name: role.name })}</Label>
      <TextField testId="role-child-name" value={name} onChange={setName} />
      <Text mt="md" mb="sm">
        {tm('rolesChildProfiles')}
      </Text>
      <Checks testId="role-child-profiles" values={chosen} onChange={setChosen} options={profileOptions(profiles, tm)} />
      <Buttons>
        <Button
          variant="contained"
          data-testid="role-child-create"
          disabled={!name.trim()}
          onClick={() => submit('POST', '/roles', { name, parentId: role.id, profileIds: chosen })}
        >
          {tm('rolesCreate')}
        </Button>
        <Button variant="outlined" onClick={close}>
          {tm('rolesCancel')}
        </Button>
      </Buttons>
    </>
  );
};

const profileOptions = (profiles: RoleProfile[], tm: TranslateFunction) =>
  profiles.map((p) => ({ value: p.id, label: p.isDefault ? `${p.name} ${tm('rolesDefault')}` : p.name }));

const RenamePanel = ({ role, tm, submit, close }: PanelProps) => {
  const [name, setName] = useState(role.name);
  return (
    <>
      <Label>{tm('rolesNewName', { name: role.name })}</Label>
      <TextField testId="role-rename-input" value={name} onChange={setName} />
      <Buttons>
        <Button variant="contained" data-testid="role-rename-save" onClick={() => submit('PUT', `/roles/${role.id}`, { name })}>
          {tm('rolesSave')}
        </Button>
        <Button variant="outlined" onClick={close}>
          {tm('rolesCancel')}
        </Button>
      </Buttons>
    </>
  );
};

// Every other role is offered, its own subordinates included: the server is the one that refuses
// a loop, and the page shows its message (nothing hidden here is a rule).
const MovePanel = ({ role, roles, tm, submit, close }: PanelProps) => {
  const [parentId, setParentId] = useState<number | null>(null);
  const options = indented(roles)
    .filter((o) => o.value !== role.id)
    .map((o) => (o.value === role.parentId ? { ...o, label: `${o.label} ${tm('rolesCurrentParent')}` } : o));
  return (
    <>
      <Label>{tm('rolesMoveUnder', { name: role.name })}</Label>
      <Picker testId="role-move-parent" value={parentId} onChange={setParentId} options={options} placeholder={tm('rolesChooseRole')} width={320} />
      <Text variant="sm" color="grey60" mt="sm">
        {tm('rolesMoveHelp')}
      </Text>
      <Buttons>
        <Button variant="contained" data-testid="role-move-save" disabled={!parentId} onClick={() => submit('PUT', `/roles/${role.id}`, { parentId })}>
          {tm('rolesMove')}
        </Button>
        <Button variant="outlined" onClick={close}>
          {tm('rolesCancel')}
        </Button>
      </Buttons>
    </>
  );
};

const ProfilesPanel = ({ role, profiles, tm, submit, close }: PanelProps) => {
  const [chosen, setChosen] = useState(role.profiles.map((p) => p.id));
  return (
    <>
      <Text mb="sm">{tm('rolesProfilesOf', { name: role.name })}</Text>
      <Checks testId="role-profiles" values={chosen} onChange={setChosen} options={profileOptions(profiles, tm)} />
      <Buttons>
        <Button variant="contained" data-testid="role-profiles-save" onClick={() => submit('PUT', `/roles/${role.id}`, { profileIds: chosen })}>
          {tm('rolesSave')}
        </Button>
        <Button variant="outlined" onClick={close}>
          {tm('rolesCancel')}
        </Button>
      </Buttons>
    </>
  );
};

// The server says what a deletion does (users and sub-roles handed over, rules deleted with it).
const DeletePanel = ({ role, roles, tm, submit, close }: PanelProps) => {
  const [what, setWhat] = useState<Deletion | null>(null);
  const [heirId, setHeirId] = useState<number | null>(role.parentId);
  useEffect(() => {
    portierFetch<Deletion>(`/roles/${role.id}/deletion`).then((r) => setWhat(r.body));
  }, [role.id]);
  const rules = (what?.rules ?? []).map((r) => r.name ?? `${r.module} n° ${r.id}`).join(', ');
  return (
    <>
      {what && (
        <Text mb="sm">
          {tm('rolesDeleteWhat', { name: role.name, users: tm('countUsers', { count: what.users }), children: tm('countSubRoles', { count: what.children }) })}
        </Text>
      )}
      {what && (
        <Text mb="md" color="grey60">
          {rules ? tm('rolesDeleteRules', { rules }) : tm('rolesDeleteNoRules')}
        </Text>
      )}
      <Label>{tm('rolesHeir')}</Label>
      <Picker
        testId="role-delete-heir"
        value={heirId}
        onChange={setHeirId}
        options={indented(roles).filter((o) => o.value !== role.id)}
        placeholder={tm('rolesChooseRole')}
        width={320}
      />
      <Buttons>
        <Button variant="contained" color="danger" data-testid="role-delete-confirm" onClick={() => submit('DELETE', `/roles/${role.id}`, { heirId })}>
          {tm('rolesConfirmDelete')}
        </Button>
        <Button variant="outlined" onClick={close}>
          {tm('rolesCancel')}
        </Button>
      </Buttons>
    </>
  );
};

const PANELS: Record<PanelKind, React.ComponentType<PanelProps>> = {
  child: ChildPanel,
  rename: RenamePanel,
  move: MovePanel,
  profiles: ProfilesPanel,
  delete: DeletePanel,
};
interface NodePanelProps extends PanelProps {
  kind: PanelKind;
  outcome: { ok: boolean; message: string } | null;
  /** The seat warning, while it asks. */
  warning: React.ReactNode;
}

/** The open panel of a node, with the server's answer to its last submission (a refusal stays here). */
export const NodePanel = ({ kind, outcome, warning, ...props }: NodePanelProps) => {
  const Panel = PANELS[kind];
  return (
    <Box ml="xl" mt="sm" mb="md" p="lg" style={{ border: '1px solid #E6E6EE', background: '#FAFAFF', maxWidth: 760 }} data-testid={`role-panel-${kind}`}>
      {/* While the seat warning asks, the panel waits: its answer is the warning's buttons. */}
      <Box style={warning ? { opacity: 0.5, pointerEvents: 'none' } : undefined}>
        <Panel {...props} />
      </Box>
      {warning}
      {outcome && !outcome.ok && <MessageBox mt="md" variant="danger" message={outcome.message} data-testid="role-refusal" />}
    </Box>
  );
};
