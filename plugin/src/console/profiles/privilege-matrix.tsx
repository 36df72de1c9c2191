import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, CheckBox, Icon, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

/** Module → action → granted, as a profile holds it. */
export type Privileges = Record<string, Record<string, boolean>>;

/** Why a right may not be granted (beyond the profile's licence tier), or null when it may. */
export type Limit = (module: string, action: string) => string | null;

interface MatrixProps {
  modules: Privileges;
  onChange: (modules: Privileges) => void;
  moduleNames: string[];
  actions: string[];
  tm: TranslateFunction;
  tl: TranslateFunction;
  /** Client profiles: a right beyond the tier is greyed out with the reason; one granted anyway stays untickable. */
  limit?: Limit;
  readOnly?: boolean;
}

const GREY = '#F0F0F3';
const EXCESS = '#FDECEC';

/**
 * modules × create/read/edit/delete/export, with a toggle per row and per column (the printer
 * marks export). A row or column toggle sets only the rights the tier allows; a right beyond it
 * that the profile holds (forced past the screen) shows in red and may only be taken away.
 */
export const PrivilegeMatrix = ({ modules, onChange, moduleNames, actions, tm, tl, limit, readOnly }: MatrixProps) => {
  const has = (m: string, a: string) => !!modules[m]?.[a];
  const reason = (m: string, a: string) => (limit ? limit(m, a) : null);
  const settable = (m: string, a: string) => !readOnly && !reason(m, a);
  const put = (pairs: [string, string, boolean][]) => {
    const next = { ...modules };
    for (const [m, a, v] of pairs) next[m] = { ...Object.fromEntries(actions.map((x) => [x, !!next[m]?.[x]])), [a]: v };
    onChange(next);
  };
  const anySettable = (cells: [string, string][]) => cells.some(([m, a]) => settable(m, a));
  // A row or column with nothing to set is never shown as "all ticked".
  const columnFull = (a: string) => anySettable(moduleNames.map((m) => [m, a])) && moduleNames.filter((m) => settable(m, a)).every((m) => has(m, a));
  const rowFull = (m: string) => anySettable(actions.map((a) => [m, a])) && actions.filter((a) => settable(m, a)).every((a) => has(m, a));
  /** The one reason of a row closed whole (a module no tier up to this one includes), said once under its name. */
  const rowReason = (m: string) => {
    const reasons = new Set(actions.map((a) => reason(m, a)));
    const [only] = [...reasons];
    return reasons.size === 1 && only && !actions.some((a) => has(m, a)) ? only : null;
  };
  return (
    <Table width={1} data-testid="profile-matrix">
      <TableHead>
        <TableRow>
          <TableCell>Module</TableCell>
          {actions.map((a) => (
            <TableCell key={a} style={{ textAlign: 'center' }}>
              <Text>
                {a === 'export' && <Icon icon="Printer" mr="sm" />}
                {tm(`profilesAction_${a}`)}
              </Text>
              {!readOnly && (
                <CheckBox
                  title={tm('profilesAllColumn')}
                  data-testid={`column-${a}`}
                  disabled={!anySettable(moduleNames.map((m) => [m, a]))}
                  checked={columnFull(a)}
                  onChange={() => put(moduleNames.filter((m) => settable(m, a)).map((m): [string, string, boolean] => [m, a, !columnFull(a)]))}
                />
              )}
            </TableCell>
          ))}
          {!readOnly && <TableCell style={{ textAlign: 'center' }}>{tm('profilesAllRow')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {moduleNames.map((m) => (
          <TableRow key={m} data-module={m}>
            <TableCell style={rowReason(m) ? { background: GREY } : undefined}>
              <Text fontWeight="bold">{tl(m, m)}</Text>
              {rowReason(m) && (
                <Text variant="xs" color="grey60" data-testid={`row-reason-${m}`}>
                  {rowReason(m)}
                </Text>
              )}
            </TableCell>
            {actions.map((a) => {
              const why = reason(m, a);
              const excess = !!why && has(m, a);
              return (
                <TableCell
                  key={a}
                  title={why ?? undefined}
                  data-testid={`cell-${m}-${a}`}
                  data-beyond-tier={why ? 'true' : undefined}
                  style={{ textAlign: 'center', background: excess ? EXCESS : why ? GREY : undefined }}
                >
                  <CheckBox
                    data-testid={`priv-${m}-${a}`}
                    aria-label={`${tl(m, m)} : ${tm(`profilesAction_${a}`)}${why ? ` — ${why}` : ''}`}
                    checked={has(m, a)}
                    disabled={readOnly || (!!why && !excess)}
                    onChange={() => put([[m, a, !has(m, a)]])}
                  />
                  {why && !rowReason(m) && (
                    <Text variant="xs" color={excess ? 'error' : 'grey60'} mt="xs" style={{ lineHeight: 1.2 }}>
                      {why}
                    </Text>
                  )}
                </TableCell>
              );
            })}
            {!readOnly && (
              <TableCell style={{ textAlign: 'center' }}>
                <CheckBox
                  data-testid={`row-${m}`}
                  disabled={!anySettable(actions.map((a) => [m, a]))}
                  checked={rowFull(m)}
                  onChange={() => put(actions.filter((a) => settable(m, a)).map((a): [string, string, boolean] => [m, a, !rowFull(m)]))}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The matrix's key: what a grey cell means (client profiles). */
export const MatrixLegend = ({ text }: { text: string }) => (
  <Box flex alignItems="center" mt="sm" style={{ gap: 8 }} data-testid="matrix-legend">
    <span style={{ display: 'inline-block', width: 18, height: 14, background: GREY, border: '1px solid #C0C0CA' }} />
    <Text variant="sm" color="grey60">
      {text}
    </Text>
  </Box>
);
