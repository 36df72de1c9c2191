import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Box, Button, Icon, Text } from '@adminjs/design-system';

export type Level = 'write' | 'read' | 'none';
const LEVELS: Level[] = ['write', 'read', 'none'];
/** The manual's icons: a pencil (write), an eye (read), a no-entry sign (hidden). */
export const LEVEL_ICONS: Record<Level, string> = { write: 'Edit2', read: 'Eye', none: 'MinusCircle' };
const LEVEL_COLOURS: Record<Level, string> = { write: '#3040D6', read: '#0E8A5F', none: '#C20012' };

/** Module → field → `read` or `none` (write, the default, is not kept). */
export type FieldAccess = Record<string, Record<string, string>>;

/** Three buttons per field, each with its name for screen readers; write is the default. */
const FieldLevels = ({
  module,
  field,
  label,
  level,
  onChange,
  tm,
  readOnly,
}: {
  module: string;
  field: string;
  label: string;
  level: string;
  onChange: (level: Level) => void;
  tm: TranslateFunction;
  readOnly?: boolean;
}) => (
  <Box flex style={{ gap: 4 }} role="radiogroup" aria-label={label} data-field={`${module}.${field}`} data-level={level}>
    {LEVELS.map((l) => (
      <Button
        key={l}
        type="button"
        size="icon"
        rounded
        role="radio"
        aria-checked={level === l}
        aria-label={`${label} : ${tm(`profilesField_${l}`)}`}
        variant={level === l ? 'contained' : 'text'}
        title={tm(`profilesField_${l}`)}
        data-testid={`field-${module}-${field}-${l}`}
        disabled={readOnly && level !== l}
        onClick={() => !readOnly && onChange(l)}
        style={level === l ? { background: LEVEL_COLOURS[l], borderColor: LEVEL_COLOURS[l] } : { color: '#898A9A' }}
      >
        <Icon icon={LEVEL_ICONS[l]} color={level === l ? 'white' : 'grey60'} />
      </Button>
    ))}
  </Box>
);

/** The icons' key, in words. */
export const FieldLegend = ({ tm }: { tm: TranslateFunction }) => (
  <Box flex style={{ gap: 20 }} mb="default" data-testid="field-legend">
    {LEVELS.map((l) => (
      <Box key={l} flex alignItems="center" style={{ gap: 6 }}>
        <Icon icon={LEVEL_ICONS[l]} color={LEVEL_COLOURS[l]} />
        <Text variant="sm">{tm(`profilesField_${l}`)}</Text>
      </Box>
    ))}
  </Box>
);

/** Field access per module, one module open at a time, with the count of restricted fields. */
export const FieldAccessEditor = ({
  fields,
  onChange,
  modules,
  tm,
  tl,
  tp,
  readOnly,
}: {
  fields: FieldAccess;
  onChange: (fields: FieldAccess) => void;
  modules: { name: string; fields: string[] }[];
  tm: TranslateFunction;
  tl: TranslateFunction;
  tp: TranslateFunction;
  readOnly?: boolean;
}) => {
  const [open, setOpen] = useState<string | null>(null);
  const level = (m: string, f: string) => fields[m]?.[f] ?? 'write';
  const put = (m: string, f: string, l: Level) => {
    const next = { ...fields, [m]: { ...(fields[m] ?? {}) } };
    if (l === 'write') delete next[m][f];
    else next[m][f] = l; // write is the default: only restrictions are kept
    if (!Object.keys(next[m]).length) delete next[m];
    onChange(next);
  };
  return (
    <Box data-testid="profile-fields">
      <Text color="grey60" mb="default">
        {tm('profilesFieldsHelp')}
      </Text>
      <FieldLegend tm={tm} />
      {modules.map((m) => {
        const restricted = Object.keys(fields[m.name] ?? {}).length;
        return (
          <Box key={m.name} mb="sm" style={{ borderBottom: '1px solid #EEEEEF' }}>
            <Button
              type="button"
              variant="text"
              size="sm"
              aria-expanded={open === m.name}
              data-testid={`fields-${m.name}`}
              onClick={() => setOpen(open === m.name ? null : m.name)}
            >
              <Icon icon={open === m.name ? 'ChevronDown' : 'ChevronRight'} /> {tl(m.name, m.name)}
              {restricted > 0 && (
                <Text as="span" ml="default" color="grey60">
                  ({tm('profilesRestricted', { count: restricted })})
                </Text>
              )}
            </Button>
            {open === m.name && (
              <Box flex flexWrap="wrap" style={{ gap: '8px 32px' }} px="lg" pb="lg">
                {m.fields.map((f) => (
                  <Box key={f} flex alignItems="center" justifyContent="space-between" style={{ width: 300 }}>
                    <Text>{tp(f, m.name)}</Text>
                    <FieldLevels
                      module={m.name}
                      field={f}
                      label={`${tl(m.name, m.name)} · ${tp(f, m.name)}`}
                      level={level(m.name, f)}
                      tm={tm}
                      readOnly={readOnly}
                      onChange={(l) => put(m.name, f, l)}
                    />
                  </Box>
                ))}
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
};
