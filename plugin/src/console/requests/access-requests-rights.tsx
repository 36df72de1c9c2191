import React from 'react';
import { useTranslation } from 'adminjs';
import { Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import type { Translate } from '../common/translate.js';

/**
 * Rights per module as a request speaks of them (docs/spec/seats.md): in words ("Contacts : lire,
 * modifier, exporter"), as check boxes to tick, and side by side for the handler.
 */

export const ACTIONS = ['create', 'read', 'edit', 'delete', 'export'] as const;
export type Action = (typeof ACTIONS)[number];
export type Rights = Record<string, Action[]>;

/** The actions in words, in the usual order: "lire, modifier, exporter". */
export const actionWords = (tm: Translate, actions: readonly string[]): string =>
  ACTIONS.filter((a) => actions.includes(a))
    .map((a) => tm(`requestsAction_${a}`))
    .join(', ');

/** One line per module: "Contacts : lire, modifier" (the module's label as the sidebar says it). */
export const RightsLines = ({ rights, empty, testId }: { rights: Rights; empty: string; testId?: string }) => {
  const { translateMessage: tm, translateLabel: tl } = useTranslation();
  const modules = Object.keys(rights).filter((m) => rights[m].length);
  if (!modules.length)
    return (
      <Text variant="sm" color="grey40" data-testid={testId}>
        {empty}
      </Text>
    );
  return (
    <div data-testid={testId}>
      {modules.map((m) => (
        <Text key={m} variant="sm" data-module={m}>
          <b>{tl(m)}</b>
          {tm('requestsColon')}
          {actionWords(tm, rights[m])}
        </Text>
      ))}
    </div>
  );
};

const CENTER: React.CSSProperties = { textAlign: 'center', padding: '4px 10px' };

/** Per module, a check box per action: what a team lead asks for. */
export const RightsPicker = ({ modules, value, onChange }: { modules: string[]; value: Rights; onChange: (rights: Rights) => void }) => {
  const { translateMessage: tm, translateLabel: tl } = useTranslation();
  const toggle = (module: string, action: Action, on: boolean) => {
    const now = value[module] ?? [];
    const next = on ? ACTIONS.filter((a) => a === action || now.includes(a)) : now.filter((a) => a !== action);
    const rest = { ...value };
    if (next.length) rest[module] = next;
    else delete rest[module];
    onChange(rest);
  };
  return (
    <Table data-testid="rights-picker" style={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{tm('requestsModule')}</TableCell>
          {ACTIONS.map((a) => (
            <TableCell key={a} style={CENTER}>
              {tm(`requestsAction_${a}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {modules.map((m) => (
          <TableRow key={m} data-module={m}>
            <TableCell style={{ padding: '4px 10px', whiteSpace: 'nowrap' }}>{tl(m)}</TableCell>
            {ACTIONS.map((a) => (
              <TableCell key={a} style={CENTER}>
                <input
                  type="checkbox"
                  aria-label={`${tl(m)} : ${tm(`requestsAction_${a}`)}`}
                  data-action={a}
                  checked={(value[m] ?? []).includes(a)}
                  onChange={(e) => toggle(m, a, e.target.checked)}
                />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** One module of the comparison (GET /requests/:id/mapping). */
export interface RightsRow {
  module: string;
  asked: Action[];
  given: Action[];
  missing: Action[];
  extra: Action[];
}

const MISSING: React.CSSProperties = { background: '#FDE8EA', color: '#A3000F', borderRadius: 3, padding: '0 3px', fontWeight: 600 };
const EXTRA: React.CSSProperties = { background: '#FFF1DC', color: '#8A4B00', borderRadius: 3, padding: '0 3px', fontWeight: 600 };

/** The actions of one side, those that differ from the other side marked. */
const Side = ({ actions, marked, style, kind, tm }: { actions: Action[]; marked: Action[]; style: React.CSSProperties; kind: string; tm: Translate }) =>
  actions.length ? (
    <span>
      {ACTIONS.filter((a) => actions.includes(a)).map((a, i) => (
        <React.Fragment key={a}>
          {i > 0 && ', '}
          {marked.includes(a) ? (
            <span style={style} data-diff={kind} title={tm(kind === 'missing' ? 'requestsMapMissing' : 'requestsMapExtra')}>
              {tm(`requestsAction_${a}`)}
            </span>
          ) : (
            tm(`requestsAction_${a}`)
          )}
        </React.Fragment>
      ))}
    </span>
  ) : (
    <Text as="span" color="grey40">
      {tm('requestsMapNone')}
    </Text>
  );

/** Side by side, per module: asked, and given by the role chosen; the differences highlighted. */
export const RightsComparison = ({ rows, tm }: { rows: RightsRow[]; tm: Translate }) => {
  const { translateLabel: tl } = useTranslation();
  return (
    <Table data-testid="rights-comparison" style={{ width: 'auto', minWidth: 520 }}>
      <TableHead>
        <TableRow>
          <TableCell>{tm('requestsModule')}</TableCell>
          <TableCell>{tm('requestsMapAsked')}</TableCell>
          <TableCell>{tm('requestsMapGiven')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.module} data-module={r.module} data-differs={r.missing.length || r.extra.length ? 'yes' : 'no'}>
            <TableCell style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{tl(r.module)}</TableCell>
            <TableCell data-side="asked">
              <Side actions={r.asked} marked={r.missing} style={MISSING} kind="missing" tm={tm} />
            </TableCell>
            <TableCell data-side="given">
              <Side actions={r.given} marked={r.extra} style={EXTRA} kind="extra" tm={tm} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
