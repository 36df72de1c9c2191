import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { useOrgFormats } from '../common/org-formats.js';

/** An amount in a list: currency and grouping, on one line, aligned as figures. */
const AmountList = ({ property, record }: BasePropertyProps) => {
  const f = useOrgFormats();
  const v = record?.params?.[property.path];
  if (v === undefined || v === null || v === '') return null;
  return <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{f.amount(v, property.custom?.currency)}</span>;
};

export default AmountList;
