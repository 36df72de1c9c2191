import React from 'react';
import { Select as DesignSelect } from '@adminjs/design-system';

// The design system's Select (react-select) over short lists of string or number values, so that
// a page's choices look like AdminJS's own forms.

/** A choice of Select: its value, its label, and when disabled the reason, as tooltip. */
export interface SelectOption {
  value: string | number;
  label: string;
  disabled?: boolean;
  title?: string;
}

interface SelectProps {
  value: string | number | null | undefined;
  /** The chosen value as a string, or null when cleared. */
  onChange: (value: string | null) => void;
  options: SelectOption[];
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
  width?: number;
  /** Whether the choice may be cleared back to the placeholder (only with one). */
  clearable?: boolean;
}

/** The label of an option: `data-value` lets a test pick it; a disabled one says why on hover. */
const optionLabel = (data: unknown) => {
  const o = data as SelectOption;
  return (
    <span data-value={o.value} title={o.title}>
      {o.label}
    </span>
  );
};

/** One choice among short options (string or number values); options may be disabled with a reason as tooltip. */
export const Select = ({ value, onChange, options, placeholder, testId, disabled, width = 220, clearable }: SelectProps) => (
  <div data-testid={testId} data-picker="select" data-value={value ?? ''} style={{ width, maxWidth: '100%' }}>
    <DesignSelect
      options={options}
      value={options.find((o) => String(o.value) === String(value ?? '')) ?? null}
      placeholder={placeholder}
      isDisabled={disabled}
      isClearable={clearable ?? Boolean(placeholder)}
      isOptionDisabled={(o: unknown) => Boolean((o as SelectOption).disabled)}
      formatOptionLabel={optionLabel}
      onChange={(o: SelectOption | null) => onChange(o ? String(o.value) : null)}
    />
  </div>
);
