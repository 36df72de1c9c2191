import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, H4, Icon, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { LEVEL_ICONS, type Level } from '../profiles/field-access.js';
import type { ClientProfile } from '../clients/clients-types.js';
import type { ClientProfileCatalog } from './client-profiles-types.js';
import { priceOf } from './client-profile-editor.js';

const RESTRICTED = '#FFF1D6';
/** Dense rows: the table is read across, one line per right. */
const CELL: React.CSSProperties = { padding: '4px 10px', whiteSpace: 'nowrap' };
const BEYOND = '#FDECEC';

/** Printing shows this table alone: the menu, the other boxes and the buttons stay on screen. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-print-area], [data-print-area] * { visibility: visible; }
  [data-print-area] { position: absolute; left: 0; top: 0; width: 100%; }
  [data-print-area] [data-no-print] { display: none; }
}`;

/**
 * "Tout afficher": every right of every client profile side by side — modules × actions rows,
 * one column per profile — with what differs from the profile's tier maximum highlighted (a right
 * taken away, or one beyond the tier); then the fields any profile restricts. Printable.
 */
export const AllRightsTable = ({
  profiles,
  catalog,
  tm,
  tl,
  tp,
}: {
  profiles: ClientProfile[];
  catalog: ClientProfileCatalog;
  tm: TranslateFunction;
  tl: TranslateFunction;
  tp: TranslateFunction;
}) => {
  // Modules no client tier includes (the firm's internal notes) would be a row of dashes everywhere.
  const modules = catalog.modules.map((m) => m.name).filter((m) => catalog.tiers.some((t) => (catalog.maxima[t]?.[m] ?? []).length));
  const inTier = (p: ClientProfile, m: string, a: string) => (catalog.maxima[p.tier]?.[m] ?? []).includes(a);
  const fieldKeys = [...new Set(profiles.flatMap((p) => Object.entries(p.fields ?? {}).flatMap(([m, f]) => Object.keys(f).map((k) => `${m}.${k}`))))].sort();
  return (
    <Box data-print-area data-testid="all-rights" mt="lg">
      <style>{PRINT_CSS}</style>
      <Box flex alignItems="center" justifyContent="space-between">
        <H4 mb={0}>{tm('clientProfilesAllTitle')}</H4>
        <Button size="sm" variant="outlined" onClick={() => window.print()} data-no-print data-testid="all-rights-print">
          <Icon icon="Printer" />
          {tm('clientProfilesPrint')}
        </Button>
      </Box>
      <Text variant="sm" color="grey60" my="default">
        {tm('clientProfilesAllHelp')}
      </Text>
      <Box style={{ overflowX: 'auto' }}>
        <Table width={1}>
          <TableHead>
            <TableRow>
              <TableCell>Module</TableCell>
              <TableCell />
              {profiles.map((p) => (
                <TableCell key={p.id} style={{ textAlign: 'center', verticalAlign: 'bottom', minWidth: 110, maxWidth: 160, whiteSpace: 'normal' }}>
                  <Text fontWeight="bold">
                    {p.name}
                    {p.isDefault ? ' ★' : ''}
                  </Text>
                  <Text variant="xs" color="grey60">
                    {tm(`tier_${p.tier}`)} · {priceOf(catalog, p.tier)}
                  </Text>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {modules.flatMap((m) =>
              catalog.actions.map((a, i) => (
                <TableRow key={`${m}.${a}`} style={i === 0 ? { borderTop: '2px solid #C0C0CA' } : undefined}>
                  <TableCell style={CELL}>{i === 0 ? <Text fontWeight="bold">{tl(m, m)}</Text> : null}</TableCell>
                  <TableCell style={CELL}>
                    {a === 'export' && <Icon icon="Printer" mr="sm" />}
                    {tm(`profilesAction_${a}`)}
                  </TableCell>
                  {profiles.map((p) => {
                    const granted = !!p.modules?.[m]?.[a];
                    const tier = inTier(p, m, a);
                    const state = granted && !tier ? 'beyond' : !granted && tier ? 'restricted' : granted ? 'granted' : 'absent';
                    return (
                      <TableCell
                        key={p.id}
                        data-cell={`${p.name}|${m}|${a}`}
                        data-state={state}
                        style={{ ...CELL, textAlign: 'center', background: state === 'beyond' ? BEYOND : state === 'restricted' ? RESTRICTED : undefined }}
                      >
                        {granted ? '✓' : state === 'restricted' ? '✗' : '—'}
                      </TableCell>
                    );
                  })}
                </TableRow>
              )),
            )}
            {fieldKeys.length > 0 && (
              <TableRow style={{ borderTop: '2px solid #C0C0CA' }}>
                <TableCell colSpan={2 + profiles.length}>
                  <Text fontWeight="bold">{tm('clientProfilesFieldsRows')}</Text>
                </TableCell>
              </TableRow>
            )}
            {fieldKeys.map((k) => {
              const [m, f] = k.split('.');
              return (
                <TableRow key={k}>
                  <TableCell style={CELL}>{tl(m, m)}</TableCell>
                  <TableCell style={CELL}>{tp(f, m)}</TableCell>
                  {profiles.map((p) => {
                    const level = (p.fields?.[m]?.[f] ?? 'write') as Level;
                    return (
                      <TableCell
                        key={p.id}
                        data-field-cell={`${p.name}|${k}`}
                        data-level={level}
                        title={tm(`profilesField_${level}`)}
                        style={{ ...CELL, textAlign: 'center', background: level === 'write' ? undefined : RESTRICTED }}
                      >
                        <Icon icon={LEVEL_ICONS[level]} />
                        <span style={{ position: 'absolute', left: -9999 }}>{tm(`profilesField_${level}`)}</span>
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};
