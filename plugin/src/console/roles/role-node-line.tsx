import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Badge, Box, Button, Text } from '@adminjs/design-system';
import type { PanelKind } from './role-panels.js';
import type { RoleNode } from './role-tree-order.js';

/** How far a level is indented, in pixels. */
export const INDENT = 28;

/** The actions of a node: its panel, and its button's message key. */
export const ACTIONS: [PanelKind, string][] = [
  ['child', 'rolesAddChild'],
  ['rename', 'rolesRename'],
  ['move', 'rolesMove'],
  ['profiles', 'rolesProfiles'],
  ['delete', 'rolesDelete'],
];

interface NodeLineProps {
  role: RoleNode;
  depth: number;
  hasChildren: boolean;
  open: boolean;
  onToggle: () => void;
  onAction: (kind: PanelKind) => void;
  tm: TranslateFunction;
}

/** One line of the tree: toggle, name, profiles as badges, users, actions; columns aligned whatever the depth. */
export const NodeLine = ({ role, depth, hasChildren, open, onToggle, onAction, tm }: NodeLineProps) => (
  <Box
    flex
    alignItems="center"
    py="sm"
    data-testid="role-node"
    data-role={role.name}
    style={{ gap: 8, paddingLeft: depth * INDENT, borderBottom: '1px solid #F0F0F5' }}
  >
    <Button
      size="icon"
      variant="text"
      data-testid="role-toggle"
      aria-expanded={open}
      disabled={!hasChildren}
      style={{ visibility: hasChildren ? 'visible' : 'hidden', width: 24, flexShrink: 0 }}
      onClick={onToggle}
    >
      {open ? '▾' : '▸'}
    </Button>
    <Text fontWeight="bold" style={{ width: 225 - depth * INDENT, flexShrink: 0 }}>
      {role.name}
    </Text>
    <Box flex flexWrap="wrap" style={{ gap: 4, width: 170, flexShrink: 0 }}>
      {role.profiles.map((p) => (
        <Badge key={p.id} variant="info" outline size="sm">
          {p.name}
        </Badge>
      ))}
    </Box>
    <Text color="grey60" variant="sm" data-testid="role-users" style={{ flex: '1 1 120px', minWidth: 0 }}>
      {tm('rolesUsers', { count: role.users })}
      {hasChildren ? ` · ${tm('rolesSubtreeUsers', { count: role.subtreeUsers })}` : ''}
    </Text>
    <Box flex style={{ flexShrink: 0 }}>
      {ACTIONS.map(([kind, label]) => (
        <Button key={kind} size="sm" variant="text" style={{ padding: '4px 8px' }} data-testid={`role-action-${kind}`} onClick={() => onAction(kind)}>
          {tm(label)}
        </Button>
      ))}
    </Box>
  </Box>
);
