import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, H2, Loader, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { INDENT, NodeLine } from './role-node-line.js';
import { NodePanel, type PanelKind, type RoleChange } from './role-panels.js';
import { childrenMap, type RoleNode, type RolesData } from './role-tree-order.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';

/**
 * "Rôles": the role tree. Each node shows its profiles and users, and opens one action panel at a
 * time (sub-role, rename, move, profiles, delete with an heir). Every action is the server's call:
 * a refusal (a move under a subordinate, a role without a profile, …) stays in the panel with the
 * server's message, and nothing changes. A change over the subscription (a role's profiles)
 * shows the seat warning in the panel first.
 */
const RoleTreePage = () => {
  const { translateMessage: tm } = useTranslation();
  const [data, setData] = useState<RolesData | null>(null);
  const [expanded, setExpanded] = useState(new Set<number>());
  const [panel, setPanel] = useState<{ id: number; kind: PanelKind } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const seats = useSeatConfirm();
  const check = useAccessPreview();

  const load = async (first = false) => {
    const r = await portierFetch<RolesData & { message: string }>('/roles');
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message });
    setData(r.body);
    // At first the roots are open: the first level shows.
    if (first) setExpanded(new Set(r.body.roles.filter((x) => x.parentId === null).map((x) => x.id)));
  };
  useEffect(() => {
    load(true);
  }, []);
  if (!data) return outcome ? <MessageBox variant="danger" message={outcome.message} /> : <Loader />;

  const children = childrenMap(data.roles);
  const toggle = (id: number) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const open = (id: number, kind: PanelKind) => {
    setOutcome(null);
    setPanel(panel?.id === id && panel.kind === kind ? null : { id, kind });
  };
  // A refusal stays in the open panel; a success closes it and is announced once the tree shows it.
  const submit = async (method: string, path: string, body: RoleChange) => {
    // A role's profiles or its place in the tree change rights: who gains or loses what is shown first.
    const init = { method, body: JSON.stringify(body) };
    const r = method === 'PUT' && (body.profileIds || body.parentId) ? await check.review(path, init, seats.send) : await seats.send(path, init);
    if (!r) return; // the preview or the seat warning cancelled: nothing changed
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message ?? `HTTP ${r.status}` });
    // A new or moved role shows at once: its (new) parent opens.
    const parentId = body.parentId;
    if (parentId) setExpanded((s) => new Set([...s, parentId]));
    await load();
    setPanel(null);
    setOutcome({ ok: true, message: r.body.message });
  };

  const render = (role: RoleNode, depth: number): React.ReactNode => {
    const kids = children.get(role.id) ?? [];
    const isOpen = expanded.has(role.id);
    return (
      <Box key={role.id}>
        <NodeLine
          role={role}
          depth={depth}
          hasChildren={kids.length > 0}
          open={isOpen}
          tm={tm}
          onToggle={() => toggle(role.id)}
          onAction={(kind) => open(role.id, kind)}
        />
        {panel?.id === role.id && (
          <Box style={{ paddingLeft: depth * INDENT }}>
            <NodePanel
              kind={panel.kind}
              outcome={outcome}
              warning={
                // The panel waits while either asks (a fragment would always be truthy).
                check.panel || seats.warning ? (
                  <>
                    {check.panel}
                    {seats.warning}
                  </>
                ) : null
              }
              role={role}
              roles={data.roles}
              profiles={data.profiles}
              tm={tm}
              submit={submit}
              close={() => {
                setPanel(null);
                setOutcome(null);
              }}
            />
          </Box>
        )}
        {isOpen && kids.map((k) => render(k, depth + 1))}
      </Box>
    );
  };

  return (
    <Box variant="grey" data-testid="role-tree-page">
      <Box variant="white" mb="xl">
        <H2>{tm('rolesTitle')}</H2>
        <Text color="grey60">{tm('rolesIntro')}</Text>
        {outcome?.ok && <MessageBox mt="lg" variant="success" message={outcome.message} onCloseClick={() => setOutcome(null)} data-testid="roles-outcome" />}
      </Box>
      <Box variant="white">
        <Box flex style={{ gap: 8 }} mb="lg">
          <Button size="sm" variant="outlined" data-testid="roles-expand-all" onClick={() => setExpanded(new Set(data.roles.map((r) => r.id)))}>
            {tm('rolesExpandAll')}
          </Button>
          <Button size="sm" variant="outlined" data-testid="roles-collapse-all" onClick={() => setExpanded(new Set())}>
            {tm('rolesCollapseAll')}
          </Button>
        </Box>
        <Box data-testid="role-tree">{(children.get(null) ?? []).map((r) => render(r, 0))}</Box>
      </Box>
    </Box>
  );
};

export default RoleTreePage;
