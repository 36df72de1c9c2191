import React from 'react';
import { useCurrentAdmin, useTranslation, type EditPropertyProps } from 'adminjs';
import { Box, CheckBox, FormGroup, Label, Text } from '@adminjs/design-system';

/** The admin flag in the user form: only an admin may give or take it, so only an admin sees the box. */
const UserAdminFlag = ({ record, property, onChange }: EditPropertyProps) => {
  const [admin] = useCurrentAdmin();
  const { translateProperty: tp, translateMessage: tm } = useTranslation();
  const value = record.params[property.path] === true || record.params[property.path] === 'true';
  if (!admin?.isAdmin) {
    return (
      <FormGroup>
        <Label>{tp(property.path, 'User')}</Label>
        <Text color="grey60" data-testid="admin-flag-readonly">
          {value ? tm('usersAdminYes') : tm('usersAdminNo')} — {tm('usersAdminOnlyAdmins')}
        </Text>
      </FormGroup>
    );
  }
  return (
    <FormGroup>
      <Box flex alignItems="center">
        <CheckBox id="isAdmin" data-testid="admin-flag" checked={value} onChange={() => onChange(property.path, !value)} />
        <Label inline htmlFor="isAdmin" ml="default" mb={0}>
          {tp(property.path, 'User')}
        </Label>
      </Box>
    </FormGroup>
  );
};

export default UserAdminFlag;
