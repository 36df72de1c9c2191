import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Text } from '@adminjs/design-system';
import type { ClientProfile } from '../clients/clients-types.js';

const ACTIONS = ['create', 'read', 'edit', 'delete', 'export'];

/** "C L M" for what a profile grants on one module, in the letters of the legend. */
export const letters = (tm: TranslateFunction, granted: Record<string, boolean> | undefined) =>
  ACTIONS.filter((a) => granted?.[a])
    .map((a) => tm(`clientProfilesLetter_${a}`))
    .join(' ');

/**
 * A client profile on one line: each module it grants something on, with the letters of its
 * rights, then how many fields it restricts. The condensed view's "Droits" column.
 */
export const RightsSummary = ({ profile, order, tm, tl }: { profile: ClientProfile; order?: string[]; tm: TranslateFunction; tl: TranslateFunction }) => {
  // Every row in the app's module order, so that the profiles read alike line under line.
  const rank = (m: string) => (order?.includes(m) ? order.indexOf(m) : Number.MAX_SAFE_INTEGER);
  const modules = Object.entries(profile.modules ?? {})
    .filter(([, g]) => ACTIONS.some((a) => g[a]))
    .sort(([a], [b]) => rank(a) - rank(b));
  const levels = Object.values(profile.fields ?? {}).flatMap((f) => Object.values(f));
  const hidden = levels.filter((l) => l === 'none').length;
  const readOnly = levels.filter((l) => l === 'read').length;
  return (
    <Box flex flexWrap="wrap" style={{ gap: '2px 12px' }} data-testid="rights-summary">
      {modules.length === 0 && <Text color="grey60">{tm('clientProfilesNone')}</Text>}
      {modules.map(([m, g]) => (
        <Text as="span" key={m} variant="sm" style={{ whiteSpace: 'nowrap' }} data-module={m}>
          {tl(m, m)} <span style={{ fontFamily: 'monospace', fontWeight: 600, color: '#3040D6' }}>{letters(tm, g)}</span>
        </Text>
      ))}
      {hidden > 0 && (
        <Text as="span" variant="sm" color="error" style={{ whiteSpace: 'nowrap' }}>
          {tm('clientProfilesHiddenFields', { count: hidden })}
        </Text>
      )}
      {readOnly > 0 && (
        <Text as="span" variant="sm" color="grey60" style={{ whiteSpace: 'nowrap' }}>
          {tm('clientProfilesReadFields', { count: readOnly })}
        </Text>
      )}
    </Box>
  );
};
