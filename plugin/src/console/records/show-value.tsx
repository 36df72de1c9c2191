import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { EmptyDash, isEmptyValue, OnRecordPage } from './empty-value.js';

type Props = BasePropertyProps & { OriginalComponent?: React.ComponentType<BasePropertyProps> };

/**
 * AdminJS's fields on a record's page (overrides DefaultShowProperty, DefaultReferenceShowProperty
 * and the text ones): an empty field shows a muted dash under its label (« Équipe propriétaire »,
 * « Créé par » without one); a filled one is AdminJS's own, told it is on a record's page.
 */
const ShowValue = ({ OriginalComponent, ...props }: Props) => {
  const { translateProperty } = useTranslation();
  const { property, record } = props;
  if (isEmptyValue(record, property.path))
    return (
      <ValueGroup label={translateProperty(property.label, property.resourceId)}>
        <EmptyDash />
      </ValueGroup>
    );
  if (!OriginalComponent) return null;
  return (
    <OnRecordPage.Provider value>
      <OriginalComponent {...props} />
    </OnRecordPage.Provider>
  );
};

export default ShowValue;
