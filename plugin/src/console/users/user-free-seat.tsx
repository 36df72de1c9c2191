import React from 'react';
import { useCurrentAdmin, useTranslation, type EditPropertyProps } from 'adminjs';
import { Box, CheckBox, FormGroup, FormMessage, Input, Label, Text } from '@adminjs/design-system';

const yes = (v: unknown) => v === true || v === 'true';

/**
 * `freeSeat` and `freeSeatReason` in the user form (docs/spec/seats.md): only an admin offers a seat or
 * takes it back, with a reason, so only an admin may change them here; others read them. The
 * reason field shows once the seat is offered (the service refuses a free seat without one).
 */
const UserFreeSeat = ({ record, property, onChange }: EditPropertyProps) => {
  const [admin] = useCurrentAdmin();
  const { translateProperty: tp, translateMessage: tm } = useTranslation();
  const { path } = property;
  const value = record.params[path];
  const error = record.errors?.[path];
  const free = yes(record.params.freeSeat);
  if (path === 'freeSeatReason' && !free && !value) return null;
  if (!admin?.isAdmin) {
    return (
      <FormGroup>
        <Label>{tp(path, 'User')}</Label>
        <Text color="grey60" data-testid={`${path}-readonly`}>
          {path === 'freeSeat' ? `${free ? tm('seatsFreeYes') : tm('seatsFreeNo')} — ${tm('seatsFreeOnlyAdmins')}` : value}
        </Text>
      </FormGroup>
    );
  }
  if (path === 'freeSeat') {
    return (
      <FormGroup error={!!error}>
        <Box flex alignItems="center">
          <CheckBox id="freeSeat" data-testid="free-seat" checked={free} onChange={() => onChange(path, !free)} />
          <Label inline htmlFor="freeSeat" ml="default" mb={0}>
            {tp(path, 'User')}
          </Label>
        </Box>
        <FormMessage>{error?.message}</FormMessage>
      </FormGroup>
    );
  }
  return (
    <FormGroup error={!!error}>
      <Label required>{tp(path, 'User')}</Label>
      <Input
        id={path}
        data-testid="free-seat-reason"
        value={value ?? ''}
        placeholder={tm('seatsFreeReasonPlaceholder')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(path, e.target.value)}
        style={{ width: 420 }}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default UserFreeSeat;
