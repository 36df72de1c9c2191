import React from 'react';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { FormGroup, FormMessage, Input, Label, Text } from '@adminjs/design-system';

/**
 * "Identifiant" in the user form: typed once, at creation; read-only afterwards (the sign-in,
 * the audit trail and the statistics know the user by it). The service refuses a change anyway.
 */
const UserLogin = ({ record, property, onChange }: EditPropertyProps) => {
  const { translateProperty: tp, translateMessage: tm } = useTranslation();
  const value = String(record.params[property.path] ?? '');
  const error = record.errors?.[property.path];
  if (record.id) {
    return (
      <FormGroup data-testid="user-login-readonly">
        <Label>{tp(property.path, 'User')}</Label>
        <Text fontWeight="bold">{value}</Text>
        <Text variant="sm" color="grey60" mt="xs">
          {tm('usersLoginFixed')}
        </Text>
      </FormGroup>
    );
  }
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={property.path} required>
        {tp(property.path, 'User')}
      </Label>
      <Input
        id={property.path}
        name={property.path}
        value={value}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default UserLogin;
