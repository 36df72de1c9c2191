import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { useOrgFormats } from '../common/org-formats.js';
import { dateTimeText } from './date-time-text.js';
import { EmptyDash } from './empty-value.js';

/** AdminJS's date and time fields on a record's page (overrides DefaultDatetimeShowProperty): in the organisation's zone, not the browser's; a dash when empty. */
const DateTimeShow = (props: BasePropertyProps) => {
  const { translateProperty } = useTranslation();
  const text = dateTimeText(props, useOrgFormats());
  return <ValueGroup label={translateProperty(props.property.label, props.property.resourceId)}>{text || <EmptyDash />}</ValueGroup>;
};

export default DateTimeShow;
