import React from 'react';
import { Badge, Box, Button, Label } from '@adminjs/design-system';

// The pickers of the roles and teams pages: short lists, so native controls styled like the
// design system's inputs (as on the client access page), each with a data-testid for the tests.

const FIELD: React.CSSProperties = { padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, background: 'white' };

/** A choice of a picker: a record's id and its name. */
export interface Option {
  value: number;
  label: string;
}

interface PickerProps {
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  options: Option[];
  placeholder?: string;
  testId?: string;
  width?: number;
}

/** One choice among options `{ value, label }` (numbers); the empty option is the placeholder. */
export const Picker = ({ value, onChange, options, placeholder, testId, width = 260 }: PickerProps) => (
  <select
    data-testid={testId}
    value={value ?? ''}
    onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    style={{ ...FIELD, minWidth: width, maxWidth: 420 }}
  >
    <option value="">{placeholder}</option>
    {options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ))}
  </select>
);

interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}

/** A free text field. */
export const TextField = ({ value, onChange, placeholder, testId, width = 260 }: TextFieldProps) => (
  <input data-testid={testId} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} style={{ ...FIELD, width }} />
);

interface ChecksProps {
  values: number[];
  onChange: (values: number[]) => void;
  options: Option[];
  testId?: string;
}

/** Several values among a few options, as check boxes (a role's profiles). */
export const Checks = ({ values, onChange, options, testId }: ChecksProps) => (
  <Box flex flexWrap="wrap" style={{ gap: '6px 18px' }} data-testid={testId}>
    {options.map((o) => (
      <label key={o.value} style={{ display: 'flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
        <input
          type="checkbox"
          checked={values.includes(o.value)}
          data-option={o.label}
          onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
        />
        {o.label}
      </label>
    ))}
  </Box>
);

interface ChipsProps {
  label: string;
  values: number[];
  onChange: (values: number[]) => void;
  options: Option[];
  placeholder?: string;
  testId: string;
  removeLabel: string;
}

/** Chosen values as removable badges, and a picker that adds one (a team's members of one kind). */
export const Chips = ({ label, values, onChange, options, placeholder, testId, removeLabel }: ChipsProps) => {
  const labelOf = (v: number) => options.find((o) => o.value === v)?.label ?? `n° ${v}`;
  return (
    <Box data-testid={testId} mb="lg">
      <Label>{label}</Label>
      <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 6 }} mb="sm">
        {values.map((v) => (
          <Badge key={v} variant="primary" outline data-chip={labelOf(v)} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            {labelOf(v)}
            <Button
              size="icon"
              variant="text"
              rounded
              title={removeLabel}
              aria-label={`${removeLabel} ${labelOf(v)}`}
              style={{ minWidth: 0, height: 18, padding: '0 4px' }}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              ✕
            </Button>
          </Badge>
        ))}
      </Box>
      <Picker
        testId={`${testId}-add`}
        value={null}
        placeholder={placeholder}
        options={options.filter((o) => !values.includes(o.value))}
        onChange={(v) => v && onChange([...values, v])}
      />
    </Box>
  );
};
