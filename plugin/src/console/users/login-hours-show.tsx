import React from 'react';
import { useTranslation, type RecordJSON } from 'adminjs';
import type { WeekDay } from '../../core/login-hours.js';
import { Box, Label, Text } from '@adminjs/design-system';
import { readLoginHours } from './login-hours-edit.js';

const DAYS: WeekDay[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A user's login schedule as sentences: "Lundi : 08:00–19:00", or "Sans restriction". */
// Only the record's params are read: the account page passes its own (AdminJS's show view, a whole record).
const LoginHoursShow = ({ record }: { record: { params: RecordJSON['params'] } }) => {
  const { translateMessage: tm } = useTranslation();
  const hours = readLoginHours(record.params);
  return (
    <Box mb="xl" data-testid="login-hours-show">
      <Label>{tm('loginHoursLabel')}</Label>
      {!hours && <Text>{tm('loginHoursNone')}</Text>}
      {hours && (
        <Box>
          {DAYS.map((day) => (
            <Text key={day}>
              {tm(`day_${day}`)} : {(hours.days[day] ?? []).map(([s, e]) => `${s}–${e}`).join(', ') || tm('loginHoursClosed')}
            </Text>
          ))}
          <Text variant="sm" color="grey60">
            {tm('loginHoursTimeZone')} : {hours.tz}
          </Text>
        </Box>
      )}
    </Box>
  );
};

export default LoginHoursShow;
