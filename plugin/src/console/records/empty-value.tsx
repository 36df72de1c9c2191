import React from 'react';
import { Text } from '@adminjs/design-system';
import type { RecordJSON } from 'adminjs';

/** Whether a record's field holds nothing to show (an array's items are flattened as `path.0`: never empty here). */
export function isEmptyValue(record: RecordJSON | undefined | null, path: string): boolean {
  const params = record?.params ?? {};
  if (Object.keys(params).some((k) => k.startsWith(`${path}.`))) return false;
  const v = params[path];
  return v === undefined || v === null || v === '';
}

/** What a record's page shows for an empty field: a muted dash, so that the label does not stand over nothing. */
export const EmptyDash = () => (
  <Text as="span" color="grey40" data-testid="empty-value" aria-label="—">
    —
  </Text>
);

/** Tells the components inside a record's page that they are there (a reference has the room to wrap). */
export const OnRecordPage = React.createContext(false);
