// What the audit page and the records' "Historique" panel share: the API call, the formats and
// the table of entries. Bundled into each component that imports it.
import React, { useMemo, useState } from 'react';
import { useTranslation } from 'adminjs';
import { portierFetch, rootPath } from '../common/portier-api.js';
import { Badge, Box, Button, Icon, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

export const AUDIT_PAGE = 'auditTrail';

export { rootPath };

/** `?a=1&b=` → `{ a: '1' }`: the filters of a URL, blanks dropped. */
export function queryToObject(search, keys) {
  const params = new URLSearchParams(search);
  const out = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v !== null && v !== '') out[k] = v;
  }
  return out;
}

export function objectToQuery(o) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** GET `<rootPath>/portier/audit`: `{ status: 'ok', data }`, `{ status: 'forbidden' }` or `{ status: 'error', message }`. */
export async function fetchAudit(query, path = '/audit') {
  try {
    const { status, body } = await portierFetch(`${path}${objectToQuery(query)}`);
    if (status === 403 || status === 401) return { status: 'forbidden' };
    if (status < 200 || status >= 300) return { status: 'error', message: body.message ?? `HTTP ${status}` };
    return { status: 'ok', data: body };
  } catch (e) {
    return { status: 'error', message: e?.message ?? String(e) };
  }
}

/** Set-up snapshots are rows (`first_name`); the labels are keyed by property (`firstName`). */
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function useAuditFormat(timeZone = 'Europe/Paris') {
  const { translateMessage, translateLabel, translateProperty, i18n } = useTranslation();
  const language = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone });
    const dayOnly = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone });
    const timeOnly = new Intl.DateTimeFormat(language, { timeStyle: 'medium', timeZone });
    // React escapes what it renders: i18next's own HTML escaping would show "&amp;" in names.
    const m = (key, options) => translateMessage(key, undefined, options && { ...options, interpolation: { escapeValue: false } });
    const actionLabel = (action) => {
      const key = `auditAction_${action}`;
      const label = translateMessage(key);
      return label === key ? action : label;
    };
    const moduleLabel = (module) => (module ? translateLabel(module) : '—');
    const fieldLabel = (field, module) => {
      const property = camel(field);
      return module ? translateProperty(property, module) : property;
    };
    const value = (v) => {
      if (v === null || v === undefined || v === '') return { text: m('auditEmptyValue'), muted: true };
      if (v === '***') return { text: m('auditSecretValue'), muted: true };
      if (v === true) return { text: m('auditYes') };
      if (v === false) return { text: m('auditNo') };
      if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return { text: dateTime.format(new Date(v)) };
      if (typeof v === 'object') return { text: JSON.stringify(v) };
      return { text: String(v) };
    };
    return {
      m, language, actionLabel, moduleLabel, fieldLabel, value,
      date: (iso) => dateTime.format(new Date(iso)),
      day: (iso) => dayOnly.format(new Date(iso)),
      time: (iso) => timeOnly.format(new Date(iso)),
    };
    // The translate functions are rebuilt on every render; they change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n, language, timeZone]);
}

const BADGE = {
  create: 'success',
  update: 'info',
  delete: 'danger',
  signIn: 'primary',
  signOut: 'primary',
  signInRefused: 'danger',
  refused: 'danger',
  safeguardRefused: 'danger',
};

export const ActionBadge = ({ action, format }) => (
  <Badge size="sm" variant={BADGE[action]} outline={!BADGE[action]} style={{ whiteSpace: 'nowrap' }}>
    {format.actionLabel(action)}
  </Badge>
);

const Value = ({ v, format, strike }) => {
  const { text, muted } = format.value(v);
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return (
    <span
      title={text.length > 120 ? text : undefined}
      style={{ fontStyle: muted ? 'italic' : undefined, color: muted ? '#898A9A' : undefined, textDecoration: strike ? 'line-through' : undefined, wordBreak: 'break-word' }}
    >
      {shown}
    </span>
  );
};

const FOLDED = 4;

/**
 * The field changes, one line each: "champ : avant → après" for an update, "champ : valeur"
 * for a creation, the value struck through for a deletion. Long lists fold.
 */
export const Changes = ({ entry, format }) => {
  const [open, setOpen] = useState(false);
  // The record column already names the record; its id among the fields is noise.
  // The record column already names the record; a creation's or deletion's empty fields say nothing.
  const blank = (v) => v === null || v === undefined || v === '';
  const changes = Object.entries(entry.changes ?? {}).filter(([field, [before, after]]) => field !== 'id'
    && !(entry.action === 'create' && blank(after)) && !(entry.action === 'delete' && blank(before)));
  if (!changes.length) {
    return entry.message ? <Text variant="sm" color="grey60" style={{ wordBreak: 'break-word' }}>{entry.message}</Text> : <Text color="grey40">—</Text>;
  }
  const shown = open ? changes : changes.slice(0, FOLDED);
  return (
    <Box as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {shown.map(([field, [before, after]]) => (
        <li key={field} style={{ marginBottom: 2, lineHeight: '1.45' }} data-field={field}>
          <strong style={{ fontWeight: 600 }}>{format.fieldLabel(field, entry.module)}</strong>{' : '}
          {before === '***' && after === '***' ? <Text as="span" color="grey60" style={{ fontStyle: 'italic' }}>{format.m('auditSecretChanged')}</Text>
            : entry.action === 'create' ? <Value v={after} format={format} />
            : entry.action === 'delete' ? <Value v={before} format={format} strike />
              : (
                <>
                  <Value v={before} format={format} />
                  <span style={{ color: '#898A9A', margin: '0 6px' }}>→</span>
                  <Value v={after} format={format} />
                </>
              )}
        </li>
      ))}
      {changes.length > FOLDED && (
        <li>
          <Button type="button" variant="text" size="sm" onClick={() => setOpen(!open)} style={{ paddingLeft: 0, paddingRight: 0, minHeight: 0, height: 'auto' }}>
            {open ? format.m('auditLessChanges') : format.m('auditMoreChanges', { count: changes.length - FOLDED })}
          </Button>
        </li>
      )}
    </Box>
  );
};

const recordUrl = (e) => `${rootPath()}/resources/${encodeURIComponent(e.module)}/records/${encodeURIComponent(e.recordId)}/show`;

const RecordCell = ({ entry, format, onFilter }) => {
  if (!entry.recordId) return <Text color="grey40">—</Text>;
  const label = entry.reference || format.m('auditRecordNumber', { id: entry.recordId });
  const linkable = (entry.kind === 'record' || entry.kind === 'setup') && entry.action !== 'delete';
  return (
    <Box style={{ whiteSpace: 'nowrap' }}>
      {linkable ? <Link href={recordUrl(entry)}>{label}</Link> : <Text as="span">{label}</Text>}
      {onFilter && (
        <Link
          href="#" ml="sm" title={format.m('auditFilterOnRecord')} aria-label={format.m('auditFilterOnRecord')}
          onClick={(ev) => { ev.preventDefault(); onFilter({ module: entry.module, recordId: entry.recordId }); }}
          style={{ verticalAlign: 'middle' }}
        >
          <Icon icon="Filter" size={14} color="grey60" />
        </Link>
      )}
    </Box>
  );
};

const ActorCell = ({ entry, format, onFilter }) => {
  const name = entry.actorName || entry.actorLogin;
  if (!name) return <Text color="grey40">{format.m('auditSystem')}</Text>;
  const actor = entry.actorId ?? entry.actorLogin;
  return (
    <Box style={{ whiteSpace: 'nowrap' }}>
      {onFilter
        ? <Link href="#" title={format.m('auditFilterOnActor')} onClick={(ev) => { ev.preventDefault(); onFilter({ actor: String(actor) }); }}>{name}</Link>
        : <Text as="span">{name}</Text>}
      {entry.actorLogin && entry.actorLogin !== name && <Text variant="xs" color="grey60">{entry.actorLogin}</Text>}
    </Box>
  );
};

const nowrap = { whiteSpace: 'nowrap' };

/** The entries as a table; `compact` (a record's history) leaves out the module and record columns. */
export const AuditTable = ({ entries, format, compact = false, onFilter }) => (
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
              <Text as="div" variant="sm" color="grey60">{format.time(e.at)}</Text>
            </TableCell>
            <TableCell><ActorCell entry={e} format={format} onFilter={onFilter} /></TableCell>
            <TableCell style={nowrap}><ActionBadge action={e.action} format={format} /></TableCell>
            {!compact && <TableCell style={nowrap}>{e.module ? format.moduleLabel(e.module) : <Text as="span" color="grey40">—</Text>}</TableCell>}
            {!compact && <TableCell><RecordCell entry={e} format={format} onFilter={onFilter} /></TableCell>}
            <TableCell style={{ minWidth: 320 }}><Changes entry={e} format={format} /></TableCell>
            <TableCell style={nowrap}><Text variant="sm" color="grey60" title={e.userAgent ?? undefined}>{e.ip ? e.ip.replace(/^::ffff:/, '') : '—'}</Text></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);
