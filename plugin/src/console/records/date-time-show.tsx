import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { useOrgFormats } from '../common/org-formats.js';
import { dateTimeText } from './date-time-text.js';

/** AdminJS's date and time fields on a record's page (overrides DefaultDatetimeShowProperty): in the organisation's zone, not the browser's. */
const DateTimeShow = (props: BasePropertyProps) => {
  const { translateProperty } = useTranslation();
  return <ValueGroup label={translateProperty(props.property.label, props.property.resourceId)}>{dateTimeText(props, useOrgFormats())}</ValueGroup>;
};

export default DateTimeShow;
