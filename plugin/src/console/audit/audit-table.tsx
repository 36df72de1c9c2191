// The audit entries as a table: the audit page's, and (compact) a record's "Historique".
import React from 'react';
import { Badge, Box, Icon, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import type { AuditEntryRow } from './audit-api.js';
import type { AuditFormat } from './audit-format.js';
import { Changes } from './audit-changes.js';
import { summariseUserAgent } from '../common/user-agent.js';

/** The filters a click on an actor or a record applies to the audit page. */
export type AuditFilter = Record<string, string | undefined>;

interface CellProps {
  entry: AuditEntryRow;
  format: AuditFormat;
  onFilter?: (filter: AuditFilter) => void;
}

const BADGE: Record<string, 'success' | 'info' | 'danger' | 'primary'> = {
  create: 'success',
  update: 'info',
  delete: 'danger',
  signIn: 'primary',
  signOut: 'primary',
  signInRefused: 'danger',
  refused: 'danger',
  safeguardRefused: 'danger',
};

export const ActionBadge = ({ action, format }: { action: string; format: AuditFormat }) => (
  <Badge size="sm" variant={BADGE[action]} outline={!BADGE[action]} style={{ whiteSpace: 'nowrap' }}>
    {format.actionLabel(action)}
  </Badge>
);

const recordUrl = (e: AuditEntryRow) => `${rootPath()}/resources/${encodeURIComponent(e.module ?? '')}/records/${encodeURIComponent(e.recordId ?? '')}/show`;

const RecordCell = ({ entry, format, onFilter }: CellProps) => {
  if (!entry.recordId) return <Text color="grey40">—</Text>;
  const label = format.recordLabel(entry);
  const linkable = (entry.kind === 'record' || entry.kind === 'setup') && entry.action !== 'delete';
  return (
    <Box style={{ whiteSpace: 'nowrap' }}>
      {linkable ? <Link href={recordUrl(entry)}>{label}</Link> : <Text as="span">{label}</Text>}
      {onFilter && (
        <Link
          href="#"
          ml="sm"
          title={format.m('auditFilterOnRecord')}
          aria-label={format.m('auditFilterOnRecord')}
          onClick={(ev: React.MouseEvent) => {
            ev.preventDefault();
            onFilter({ module: entry.module ?? undefined, recordId: entry.recordId ?? undefined });
          }}
          style={{ verticalAlign: 'middle' }}
        >
          <Icon icon="Filter" size={14} color="grey60" />
        </Link>
      )}
    </Box>
  );
};

const ActorCell = ({ entry, format, onFilter }: CellProps) => {
  const name = entry.actorName || entry.actorLogin;
  if (!name) return <Text color="grey40">{format.m('auditSystem')}</Text>;
  const actor = entry.actorId ?? entry.actorLogin;
  return (
    <Box style={{ whiteSpace: 'nowrap' }}>
      {onFilter ? (
        <Link
          href="#"
          title={format.m('auditFilterOnActor')}
          onClick={(ev: React.MouseEvent) => {
            ev.preventDefault();
            onFilter({ actor: String(actor) });
          }}
        >
          {name}
        </Link>
      ) : (
        <Text as="span">{name}</Text>
      )}
      {entry.actorLogin && entry.actorLogin !== name && (
        <Text variant="xs" color="grey60">
          {entry.actorLogin}
        </Text>
      )}
    </Box>
  );
};

const nowrap: React.CSSProperties = { whiteSpace: 'nowrap' };

/** The entries as a table; `compact` (a record's history) leaves out the module and record columns. */
interface AuditTableProps {
  entries: AuditEntryRow[];
  format: AuditFormat;
  compact?: boolean;
  onFilter?: (filter: AuditFilter) => void;
}

export const AuditTable = ({ entries, format, compact = false, onFilter }: AuditTableProps) => (
  <Box style={{ overflowX: 'auto' }}>
    <Table style={{ width: '100%' }} data-testid="audit-table">
      <TableHead>
        <TableRow>
          <TableCell style={nowrap}>{format.m('auditColumnDate')}</TableCell>
          <TableCell>{format.m('auditColumnActor')}</TableCell>
          <TableCell>{format.m('auditColumnAction')}</TableCell>
          {!compact && <TableCell>{format.m('auditColumnModule')}</TableCell>}
          {!compact && <TableCell>{format.m('auditColumnRecord')}</TableCell>}
          <TableCell style={{ width: '45%' }}>{format.m('auditColumnChanges')}</TableCell>
          <TableCell style={nowrap}>{format.m('auditColumnIp')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} data-entry={e.id} style={{ verticalAlign: 'top' }}>
            <TableCell style={nowrap} title={format.date(e.at)}>
              <Text as="div">{format.day(e.at)}</Text>
              <Text as="div" variant="sm" color="grey60">
                {format.time(e.at)}
              </Text>
            </TableCell>
            <TableCell>
              <ActorCell entry={e} format={format} onFilter={onFilter} />
            </TableCell>
            <TableCell style={nowrap}>
              <ActionBadge action={e.action} format={format} />
            </TableCell>
            {!compact && (
              <TableCell style={nowrap}>
                {e.module ? (
                  format.moduleLabel(e.module)
                ) : (
                  <Text as="span" color="grey40">
                    —
                  </Text>
                )}
              </TableCell>
            )}
            {!compact && (
              <TableCell>
                <RecordCell entry={e} format={format} onFilter={onFilter} />
              </TableCell>
            )}
            <TableCell style={{ minWidth: 320 }}>
              <Changes entry={e} format={format} />
            </TableCell>
            <TableCell style={nowrap}>
              <Text variant="sm" color="grey60" title={e.userAgent ?? undefined}>
                {e.ip ? e.ip.replace(/^::ffff:/, '') : '—'}
              </Text>
              {e.userAgent && (
                <Text variant="xs" color="grey60">
                  {summariseUserAgent(e.userAgent, format.language === 'en-GB' ? 'en' : 'fr')}
                </Text>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);
