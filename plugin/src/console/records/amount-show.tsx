import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { useOrgFormats } from '../common/org-formats.js';
import { EmptyDash } from './empty-value.js';

/** An amount on a record's page: its currency (the property's `custom.currency`) and grouping, "19 212,90 €". */
const AmountShow = ({ property, record }: BasePropertyProps) => {
  const { translateProperty } = useTranslation();
  const f = useOrgFormats();
  const v = record?.params?.[property.path];
  const text = v === undefined || v === null || v === '' ? '' : f.amount(v, property.custom?.currency);
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{text || <EmptyDash />}</ValueGroup>;
};

export default AmountShow;
