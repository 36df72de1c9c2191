import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, Label, Text } from '@adminjs/design-system';
import { readLoginHours } from './login-hours-edit.jsx';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A user's login schedule as sentences: "Lundi : 08:00–19:00", or "Sans restriction". */
const LoginHoursShow = ({ record }) => {
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
          <Text variant="sm" color="grey60">{tm('loginHoursTimeZone')} : {hours.tz}</Text>
        </Box>
      )}
    </Box>
  );
};

export default LoginHoursShow;
