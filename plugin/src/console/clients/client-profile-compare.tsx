import React, { useState } from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@adminjs/design-system';
import { Choice } from './client-choice.js';
import type { ClientProfile } from './clients-types.js';

const ACTIONS = ['create', 'read', 'edit', 'delete', 'export'];

/** Two client profiles side by side: every module right and field access, differences highlighted. */
export const Compare = ({ profiles, tm }: { profiles: ClientProfile[]; tm: TranslateFunction }) => {
  // Modules and fields by their labels in the reader's language, never by their codes.
  const { translateLabel, translateProperty } = useTranslation();
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const pa = profiles.find((p) => p.id === a);
  const pb = profiles.find((p) => p.id === b);
  const options = profiles.map((p) => ({ value: p.id, label: p.name }));
  const modules = pa && pb ? [...new Set([...Object.keys(pa.modules ?? {}), ...Object.keys(pb.modules ?? {})])].sort() : [];
  const rights = (p: ClientProfile, m: string) =>
    ACTIONS.filter((x) => p.modules?.[m]?.[x])
      .map((x) => tm(`clientsAction_${x}`))
      .join(', ') || '—';
  const fields =
    pa && pb
      ? [
          ...new Set([...Object.entries(pa.fields ?? {}), ...Object.entries(pb.fields ?? {})].flatMap(([m, f]) => Object.keys(f).map((k) => `${m}.${k}`))),
        ].sort()
      : [];
  const field = (p: ClientProfile, key: string) => {
    const [m, f] = key.split('.');
    return p.fields?.[m]?.[f] ?? 'write';
  };
  const fieldLabel = (key: string) => {
    const [m, f] = key.split('.');
    return `${translateLabel(m)} · ${translateProperty(f, m)}`;
  };
  const row = (label: string, x: string, y: string) => (
    <TableRow key={label} style={x !== y ? { background: '#FFF4E5' } : undefined} data-different={x !== y}>
      <TableCell>{label}</TableCell>
      <TableCell>{x}</TableCell>
      <TableCell>{y}</TableCell>
    </TableRow>
  );
  return (
    <Box data-testid="client-compare">
      <Box flex style={{ gap: 12 }} mb="lg">
        <Choice testId="compare-a" value={a} onChange={setA} options={options} placeholder={tm('clientsChooseProfile')} />
        <Choice testId="compare-b" value={b} onChange={setB} options={options} placeholder={tm('clientsChooseProfile')} />
      </Box>
      {pa && pb && (
        <Table width={1}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{pa.name}</TableCell>
              <TableCell>{pb.name}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {row(tm('clientsTier'), tm(`tier_${pa.tier}`), tm(`tier_${pb.tier}`))}
            {modules.map((m) => row(translateLabel(m), rights(pa, m), rights(pb, m)))}
            {fields.map((k) => row(fieldLabel(k), tm(`clientsField_${field(pa, k)}`), tm(`clientsField_${field(pb, k)}`)))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
