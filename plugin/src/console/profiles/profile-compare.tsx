import React, { useState } from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { Box, CheckBox, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { Picker } from '../common/access-pickers.js';
import type { Catalog, ProfileRow } from './profiles-types.js';

interface Translators {
  tm: TranslateFunction;
  tl: TranslateFunction;
  tp: TranslateFunction;
}

/** Every comparable line of a profile: label and value, in the same order for any two profiles. */
function lines(p: ProfileRow, catalog: Catalog, t: Translators, restricted: Set<string>): [string, string][] {
  const { tm, tl, tp } = t;
  const yes = (v: boolean) => (v ? tm('profilesYes') : tm('profilesNo'));
  const rows: [string, string][] = [
    [tm('profilesTier'), tm(`profilesTier_${p.tier}`)],
    [tm('profilesViewAll'), yes(p.viewAll)],
    [tm('profilesEditAll'), yes(p.editAll)],
  ];
  for (const c of catalog.capabilities) rows.push([tm(`profilesCap_${c}`), yes((p.capabilities ?? []).includes(c))]);
  for (const m of catalog.modules) {
    const granted = catalog.actions.filter((a) => p.modules?.[m.name]?.[a]).map((a) => tm(`profilesAction_${a}`));
    rows.push([tl(m.name, m.name), granted.join(', ') || '—']);
  }
  for (const ct of catalog.contactTypes)
    rows.push([`${tm('profilesContactScopes')} : ${tm(`profilesContactType_${ct}`)}`, tm(`profilesScope_${p.contactScopes?.[ct] ?? 'all'}`)]);
  for (const m of catalog.modules) {
    for (const f of m.fields.filter((x) => restricted.has(`${m.name}.${x}`)))
      rows.push([`${tl(m.name, m.name)} · ${tp(f, m.name)}`, tm(`profilesField_${p.fields?.[m.name]?.[f] ?? 'write'}`)]);
  }
  return rows;
}

/** The fields either profile restricts: the others are at write in both, nothing to compare. */
const restrictedFields = (...profiles: (ProfileRow | undefined)[]) =>
  new Set(profiles.flatMap((p) => Object.entries(p?.fields ?? {}).flatMap(([m, f]) => Object.keys(f).map((k) => `${m}.${k}`))));

/** "Comparer": two profiles side by side, every difference highlighted (or only the differences). */
const ProfileCompare = ({ profiles, catalog, initial }: { profiles: ProfileRow[]; catalog: Catalog; initial?: number }) => {
  const { translateMessage: tm, translateLabel: tl, translateProperty: tp } = useTranslation();
  const [a, setA] = useState<number | null>(initial ?? null);
  const [b, setB] = useState<number | null>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const options = profiles.map((p) => ({ value: p.id, label: p.name }));
  const pa = profiles.find((p) => p.id === a);
  const pb = profiles.find((p) => p.id === b);
  const restricted = restrictedFields(pa, pb);
  const left = pa ? lines(pa, catalog, { tm, tl, tp }, restricted) : [];
  const right = pb ? lines(pb, catalog, { tm, tl, tp }, restricted) : [];
  const rows = left.map(([label, x], i) => ({ label, x, y: right[i]?.[1], different: x !== right[i]?.[1] }));
  const count = rows.filter((r) => r.different).length;
  return (
    <Box data-testid="profile-compare">
      <Box flex alignItems="center" style={{ gap: 12 }} mb="lg" flexWrap="wrap">
        <Picker testId="compare-a" value={a} onChange={setA} options={options} placeholder={tm('profilesChooseProfile')} />
        <Picker testId="compare-b" value={b} onChange={setB} options={options} placeholder={tm('profilesChooseProfile')} />
        <CheckBox id="only-differences" checked={onlyDifferences} onChange={() => setOnlyDifferences(!onlyDifferences)} />
        <Label inline htmlFor="only-differences" ml="sm" mb={0}>
          {tm('profilesOnlyDifferences')}
        </Label>
        {pa && pb && (
          <Text fontWeight="bold" data-testid="compare-count">
            {tm('profilesDifferences', { count })}
          </Text>
        )}
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
            {rows
              .filter((r) => !onlyDifferences || r.different)
              .map((r) => (
                <TableRow key={r.label} data-different={r.different} style={r.different ? { background: '#FFF4E5' } : undefined}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell style={r.different ? { fontWeight: 'bold' } : undefined}>{r.x}</TableCell>
                  <TableCell style={r.different ? { fontWeight: 'bold' } : undefined}>{r.y}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default ProfileCompare;
