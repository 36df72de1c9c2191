import React, { useState } from 'react';
import { flat, useTranslation, type EditPropertyProps, type RecordJSON } from 'adminjs';
import { Box, Button, CheckBox, FormGroup, Input, Label, Text } from '@adminjs/design-system';
import type { LoginHours, WeekDay } from '../../core/login-hours.js';

const DAYS: WeekDay[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const OFFICE: LoginHours = { tz: 'Europe/Paris', days: Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, [['08:00', '19:00'] as [string, string]]])) };

/** The schedule held by the record: a JSON string once edited here, flattened params as loaded. */
export function readLoginHours(params: RecordJSON['params'] | undefined): LoginHours | null {
  const raw = params?.loginHours;
  if (typeof raw === 'string') return raw ? JSON.parse(raw) : null;
  const value = flat.get(params ?? {}, 'loginHours');
  return value && typeof value === 'object' && value.tz ? value : null;
}

/**
 * The weekly login schedule of a user: "no restriction", or per day any number of time ranges
 * in one time zone. Sent as a JSON string, which the server checks (times, zone) before saving.
 */
const LoginHoursEdit = ({ property, record, onChange }: EditPropertyProps) => {
  const { translateMessage: tm } = useTranslation();
  const [hours, setHours] = useState<LoginHours | null>(() => readLoginHours(record.params));
  const update = (next: LoginHours | null) => {
    setHours(next);
    onChange(property.path, next ? JSON.stringify(next) : '');
  };
  const setDay = (day: WeekDay, ranges: [string, string][]) => {
    if (!hours) return;
    const days = { ...hours.days };
    if (ranges.length) days[day] = ranges;
    else delete days[day];
    update({ ...hours, days });
  };
  const setRange = (day: WeekDay, i: number, k: 0 | 1, v: string) =>
    setDay(
      day,
      (hours?.days[day] ?? []).map((r, j): [string, string] => (j === i ? (k === 0 ? [v, r[1]] : [r[0], v]) : r)),
    );

  return (
    <FormGroup data-testid="login-hours-editor">
      <Label>{tm('loginHoursLabel')}</Label>
      <Box flex alignItems="center" mb="md">
        <CheckBox id="login-hours-restricted" checked={!!hours} onChange={() => update(hours ? null : OFFICE)} />
        <Label inline htmlFor="login-hours-restricted" ml="default">
          {tm('loginHoursRestricted')}
        </Label>
      </Box>
      {!hours && (
        <Text variant="sm" color="grey60">
          {tm('loginHoursNone')}
        </Text>
      )}
      {hours && (
        <Box>
          <Box flex alignItems="center" mb="md">
            <Label inline mr="default" htmlFor="login-hours-tz">
              {tm('loginHoursTimeZone')}
            </Label>
            <Input id="login-hours-tz" value={hours.tz} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update({ ...hours, tz: e.target.value })} />
          </Box>
          {DAYS.map((day) => {
            const ranges = hours.days[day] ?? [];
            return (
              <Box key={day} flex alignItems="center" mb="sm" data-day={day} style={{ gap: 8, flexWrap: 'wrap' }}>
                <Box width="110px">
                  <CheckBox id={`day-${day}`} checked={ranges.length > 0} onChange={() => setDay(day, ranges.length ? [] : [['08:00', '19:00']])} />
                  <Label inline htmlFor={`day-${day}`} ml="default">
                    {tm(`day_${day}`)}
                  </Label>
                </Box>
                {ranges.map(([start, end], i) => (
                  <Box key={i} flex alignItems="center" style={{ gap: 4 }}>
                    {/* Text, not type=time: the browser's locale would show 08:00 AM to a French user. */}
                    <Input
                      data-time="start"
                      value={start}
                      placeholder="HH:MM"
                      pattern="([01]\d|2[0-3]):[0-5]\d|24:00"
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange(day, i, 0, e.target.value)}
                      style={{ width: 80 }}
                    />
                    <Text>–</Text>
                    <Input
                      data-time="end"
                      value={end}
                      placeholder="HH:MM"
                      pattern="([01]\d|2[0-3]):[0-5]\d|24:00"
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange(day, i, 1, e.target.value)}
                      style={{ width: 80 }}
                    />
                    <Button
                      type="button"
                      size="sm"
                      variant="text"
                      onClick={() =>
                        setDay(
                          day,
                          ranges.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ✕
                    </Button>
                  </Box>
                ))}
                {ranges.length > 0 && (
                  <Button type="button" size="sm" variant="text" onClick={() => setDay(day, [...ranges, ['14:00', '18:00']])}>
                    {tm('loginHoursAddRange')}
                  </Button>
                )}
              </Box>
            );
          })}
          <Text variant="sm" color="grey60" mt="default">
            {tm('loginHoursHelp')}
          </Text>
        </Box>
      )}
    </FormGroup>
  );
};

export default LoginHoursEdit;
