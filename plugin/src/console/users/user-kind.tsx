import React from 'react';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { Button, FormGroup, Label, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';

/**
 * The user's type in the user form, never edited there: this form creates collaborators
 * (internal users); a client user is created with their dossiers on "Accès clients" ("Nouveau
 * client"), and the type never changes afterwards (the service refuses it).
 */
const UserKind = ({ record, property }: EditPropertyProps) => {
  const { translateProperty: tp, translateMessage: tm } = useTranslation();
  const client = record.params[property.path] === 'client';
  const created = Boolean(record.id);
  return (
    <FormGroup data-testid="user-kind">
      <Label>{tp(property.path, 'User')}</Label>
      <Text>{client ? tm('usersKindClient') : tm('usersKindInternal')}</Text>
      <Text variant="sm" color="grey60" mt="xs">
        {created ? tm('usersKindFixed') : tm('usersKindNewInternal')}
      </Text>
      {!created && (
        <Button mt="sm" size="sm" variant="outlined" as="a" href={`${rootPath()}/pages/clientAccess?nouveau=1`} data-testid="new-client-link">
          {tm('usersNewClient')}
        </Button>
      )}
      {created && client && (
        <Button mt="sm" size="sm" variant="outlined" as="a" href={`${rootPath()}/resources/User/records/${record.id}/clientDossiers`}>
          {tm('usersClientDossiers')}
        </Button>
      )}
    </FormGroup>
  );
};

export default UserKind;
