// An audit entry's field changes, as the audit table's "Modifications" column shows them.
import React, { useState } from 'react';
import { Box, Button, Text } from '@adminjs/design-system';
import type { AuditEntryRow } from './audit-api.js';
import type { AuditFormat } from './audit-format.js';

const Value = ({ v, field, entry, format, strike }: { v: unknown; field: string; entry: AuditEntryRow; format: AuditFormat; strike?: boolean }) => {
  const { text, muted } = format.fieldValue(entry, field, v);
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return (
    <span
      title={text.length > 120 ? text : undefined}
      style={{
        fontStyle: muted ? 'italic' : undefined,
        color: muted ? '#898A9A' : undefined,
        textDecoration: strike ? 'line-through' : undefined,
        wordBreak: 'break-word',
      }}
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
export const Changes = ({ entry, format }: { entry: AuditEntryRow; format: AuditFormat }) => {
  const [open, setOpen] = useState(false);
  // The record column already names the record; a creation's or deletion's empty fields say nothing.
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  const changes = Object.entries(entry.changes ?? {}).filter(
    ([field, [before, after]]) => field !== 'id' && !(entry.action === 'create' && blank(after)) && !(entry.action === 'delete' && blank(before)),
  );
  if (!changes.length) {
    return entry.message ? (
      <Text variant="sm" color="grey60" style={{ wordBreak: 'break-word' }}>
        {format.message(entry)}
      </Text>
    ) : (
      <Text color="grey40">—</Text>
    );
  }
  const shown = open ? changes : changes.slice(0, FOLDED);
  return (
    <Box as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {shown.map(([field, [before, after]]) => (
        <li key={field} style={{ marginBottom: 2, lineHeight: '1.45' }} data-field={field}>
          <strong style={{ fontWeight: 600 }}>{format.fieldLabel(field, entry.module)}</strong>
          {format.language === 'en-GB' ? ': ' : ' : '}
          {before === '***' && after === '***' ? (
            <Text as="span" color="grey60" style={{ fontStyle: 'italic' }}>
              {format.m('auditSecretChanged')}
            </Text>
          ) : entry.action === 'create' ? (
            <Value v={after} field={field} entry={entry} format={format} />
          ) : entry.action === 'delete' ? (
            <Value v={before} field={field} entry={entry} format={format} strike />
          ) : (
            <>
              <Value v={before} field={field} entry={entry} format={format} />
              <span style={{ color: '#898A9A', margin: '0 6px' }}>→</span>
              <Value v={after} field={field} entry={entry} format={format} />
            </>
          )}
        </li>
      ))}
      {changes.length > FOLDED && (
        <li>
          <Button
            type="button"
            variant="text"
            size="sm"
            onClick={() => setOpen(!open)}
            style={{ paddingLeft: 0, paddingRight: 0, minHeight: 0, height: 'auto' }}
          >
            {open ? format.m('auditLessChanges') : format.m('auditMoreChanges', { count: changes.length - FOLDED })}
          </Button>
        </li>
      )}
    </Box>
  );
};
