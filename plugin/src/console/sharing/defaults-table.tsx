// The "Partage" page's organisation-wide defaults: one select per module, with the server's reasons.
import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Icon, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { Select } from '../common/choice-select.js';
import type { SharingFollower, SharingModule } from './sharing-types.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const moduleName = (m: Pick<SharingModule, 'module' | 'label'>, lang: string) => cap(m.label?.[lang] ?? m.module);

/** Why a module or a level is locked: the server's own words. */
const Locked = ({ testId, children }: { testId: string; children: React.ReactNode }) => (
  <Box flex alignItems="flex-start" style={{ gap: 6 }}>
    <Box mt="xs">
      <Icon icon="Lock" size={14} color="grey60" />
    </Box>
    <Text data-testid={testId} color="grey80">
      {children}
    </Text>
  </Box>
);

/**
 * The organisation-wide defaults: one select per module. A level the module may not take now is
 * disabled, and the reason (the very message the server would answer) is written beside it.
 */
interface DefaultsTableProps {
  modules: SharingModule[];
  followers: SharingFollower[];
  canWrite: boolean;
  lang: string;
  tm: TranslateFunction;
  tl: TranslateFunction;
  onChange: (module: string, level: string) => void;
}

export const DefaultsTable = ({ modules, followers, canWrite, lang, tm, tl, onChange }: DefaultsTableProps) => (
  <Table width={1} data-testid="sharing-defaults">
    <TableHead>
      <TableRow>
        <TableCell>{tm('sharingModule')}</TableCell>
        <TableCell>{tm('sharingLevel')}</TableCell>
        <TableCell>{tm('sharingWhy')}</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {modules.map((m) => (
        <TableRow key={m.module} data-module={m.module}>
          <TableCell>
            <Text fontWeight="bold">{moduleName(m, lang)}</Text>
          </TableCell>
          <TableCell>
            <Select
              testId={`default-${m.module}`}
              value={m.level}
              disabled={!canWrite || !!m.locked}
              onChange={(level) => level && onChange(m.module, level)}
              options={m.options.map((o) => ({ value: o.level, label: tm(`sharingLevel_${o.level}`), disabled: !!o.refused, title: o.refused ?? undefined }))}
              width={300}
            />
          </TableCell>
          <TableCell>
            {m.locked && <Locked testId={`default-reason-${m.module}`}>{m.locked}</Locked>}
            {m.reasons.map((r) => (
              <Text key={r} variant="sm" color="grey60" data-testid={`default-note-${m.module}`}>
                {r}
              </Text>
            ))}
          </TableCell>
        </TableRow>
      ))}
      {followers.map((f) => (
        <TableRow key={f.module} data-module={f.module}>
          <TableCell>
            <Text fontWeight="bold">{tl(f.module)}</Text>
          </TableCell>
          <TableCell>
            <Text color="grey60">
              {tm('sharingFollows', { module: moduleName(modules.find((m) => m.module === f.follows) ?? { module: f.follows }, lang) })}
            </Text>
          </TableCell>
          <TableCell>
            <Locked testId={`default-reason-${f.module}`}>{f.reason}</Locked>
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
