import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { useOrgFormats } from '../common/org-formats.js';
import { dateTimeText } from './date-time-text.js';

/** AdminJS's date and time columns (overrides DefaultDatetimeListProperty): in the organisation's zone, on one line. */
const DateTimeList = (props: BasePropertyProps) => <span style={{ whiteSpace: 'nowrap' }}>{dateTimeText(props, useOrgFormats())}</span>;

export default DateTimeList;
