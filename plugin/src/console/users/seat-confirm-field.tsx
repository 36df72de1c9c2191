import React from 'react';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { Box, CheckBox, Label, Text } from '@adminjs/design-system';

/**
 * The virtual field `confirmSeats` of the User, Profile and Role forms (docs/spec/seats.md). Nothing shows
 * until a save is refused for going over the subscription (the error the server puts on this
 * field); then the warning, and a box to tick: the next save sends `confirmSeats=true`, which
 * confirms the overrun and bills it (errors.ts, `confirmSeatsFromForm`).
 */
const SeatConfirmField = ({ record, property, onChange }: EditPropertyProps) => {
  const { translateMessage: tm } = useTranslation();
  const error = record.errors?.[property.path];
  if (!error) return null;
  const checked = record.params[property.path] === true || record.params[property.path] === 'true';
  return (
    <Box
      mb="xl"
      p="lg"
      data-testid="seat-confirm-field"
      role="alert"
      style={{ border: '1px solid #E6A700', borderLeft: '4px solid #E6A700', background: '#FFF8E5' }}
    >
      <Text fontWeight="bold" mb="sm">
        {tm('seatsFormTitle')}
      </Text>
      <Text mb="md">{error.message}</Text>
      <Box flex alignItems="center">
        <CheckBox id="confirmSeats" data-testid="seat-confirm-checkbox" checked={checked} onChange={() => onChange(property.path, !checked)} />
        <Label inline htmlFor="confirmSeats" ml="default" mb={0}>
          {tm('seatsFormConfirm')}
        </Label>
      </Box>
      <Text variant="sm" color="grey60" mt="sm">
        {tm('seatsFormHelp')}
      </Text>
    </Box>
  );
};

export default SeatConfirmField;
