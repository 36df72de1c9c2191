import React from 'react';

/** A choice of Select: its value, its label, and when disabled the reason, as tooltip. */
export interface SelectOption {
  value: string | number;
  label: string;
  disabled?: boolean;
  title?: string;
}

interface SelectProps {
  value: string | number | null | undefined;
  /** The chosen value as the select holds it (a string), or null for the placeholder. */
  onChange: (value: string | null) => void;
  options: SelectOption[];
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
  width?: number;
}

/** A native select (short lists), styled like the design system's inputs; options may be disabled with a reason as tooltip. */
export const Select = ({ value, onChange, options, placeholder, testId, disabled, width = 220 }: SelectProps) => (
  <select
    data-testid={testId}
    value={value ?? ''}
    disabled={disabled}
    onChange={(e) => onChange(e.target.value || null)}
    style={{
      padding: '8px 10px',
      border: '1px solid #C0C0CA',
      borderRadius: 2,
      minWidth: width,
      maxWidth: Math.max(width, 360),
      background: disabled ? '#F6F7FB' : 'white',
    }}
  >
    {placeholder && <option value="">{placeholder}</option>}
    {options.map((o) => (
      <option key={o.value} value={o.value} disabled={o.disabled} title={o.title}>
        {o.label}
      </option>
    ))}
  </select>
);
