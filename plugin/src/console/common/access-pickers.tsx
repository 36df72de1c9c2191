import React from 'react';
import { Badge, Box, Button, Input, Label, Select } from '@adminjs/design-system';

// The pickers of short, fixed lists (a page's roles, profiles, tiers): the design system's Select
// (react-select, the AdminJS forms' own control) over options the page already holds. Lists that
// may be long (users, records) are searched instead: search-pickers.tsx.

/** A choice of a picker: a record's id and its name. */
export interface Option {
  value: number;
  label: string;
}

/** An option as the menu shows it; `data-value` lets a test pick it by id. */
export const optionLabel = (data: unknown) => {
  const o = data as { value: string | number; label: string };
  return <span data-value={o.value}>{o.label}</span>;
};

interface PickerProps {
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  options: Option[];
  placeholder?: string;
  testId?: string;
  width?: number;
}

/** One choice among options `{ value, label }` (numbers); cleared, it is null. */
export const Picker = ({ value, onChange, options, placeholder, testId, width = 260 }: PickerProps) => (
  <div data-testid={testId} data-picker="select" data-value={value ?? ''} style={{ width, maxWidth: '100%' }}>
    <Select
      options={options}
      value={options.find((o) => o.value === value) ?? null}
      placeholder={placeholder}
      formatOptionLabel={optionLabel}
      onChange={(o: Option | null) => onChange(o ? o.value : null)}
    />
  </div>
);

interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}

/** A free text field: the design system's Input. */
export const TextField = ({ value, onChange, placeholder, testId, width = 260 }: TextFieldProps) => (
  <Input
    data-testid={testId}
    value={value}
    placeholder={placeholder}
    onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    style={{ width }}
  />
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
      <Label key={o.value} mb={0} style={{ display: 'flex', alignItems: 'center', gap: 6, cursor: 'pointer', fontWeight: 'normal' }}>
        <input
          type="checkbox"
          checked={values.includes(o.value)}
          data-option={o.label}
          onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
        />
        {o.label}
      </Label>
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

/** Chosen values as removable badges, and a picker that adds one (a team's roles and teams). */
export const Chips = ({ label, values, onChange, options, placeholder, testId, removeLabel }: ChipsProps) => {
  const labelOf = (v: number) => options.find((o) => o.value === v)?.label ?? `n° ${v}`;
  return (
    <Box data-testid={testId} mb="lg">
      <Label>{label}</Label>
      <ChipList
        values={values.map((v) => ({ value: v, label: labelOf(v) }))}
        removeLabel={removeLabel}
        onRemove={(v) => onChange(values.filter((x) => x !== v))}
      />
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

/** Chosen values as badges, each with its ✕. */
export const ChipList = ({ values, removeLabel, onRemove }: { values: Option[]; removeLabel: string; onRemove: (value: number) => void }) => (
  <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 6 }} mb="sm">
    {values.map((v) => (
      <Badge key={v.value} variant="primary" outline data-chip={v.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {v.label}
        <Button
          size="icon"
          variant="text"
          rounded
          type="button"
          title={removeLabel}
          aria-label={`${removeLabel} ${v.label}`}
          style={{ minWidth: 0, height: 18, padding: '0 4px' }}
          onClick={() => onRemove(v.value)}
        >
          ✕
        </Button>
      </Badge>
    ))}
  </Box>
);
