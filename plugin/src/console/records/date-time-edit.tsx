import React from 'react';
import { DatePicker, FormGroup, FormMessage, Label } from '@adminjs/design-system';
import { useCurrentAdmin, useTranslation, type EditPropertyProps } from 'adminjs';
import { DEFAULT_TIME_ZONE } from '../common/org-format-text.js';
import { instantOfPicked, pickerDateOf } from './zoned-wall-clock.js';

type Props = EditPropertyProps & { OriginalComponent?: React.ComponentType<EditPropertyProps> };

/**
 * AdminJS's date and time fields in a form (overrides DefaultDatetimeEditProperty): the picker
 * shows and saves the organisation's time (createPortier's `timeZone`), as the record's page shows
 * it, not the browser's. A day alone has no zone: AdminJS's own field.
 */
const DateTimeEdit = ({ OriginalComponent, ...props }: Props) => {
  const { property, onChange, record } = props;
  const { translateProperty, tm } = useTranslation();
  const [admin] = useCurrentAdmin();
  const zone = (admin?.timeZone as string | undefined) ?? DEFAULT_TIME_ZONE;
  if (property.type !== 'datetime') return OriginalComponent ? <OriginalComponent {...props} /> : null;
  const raw = record.params?.[property.path] as string | undefined | null;
  const value = raw ? (pickerDateOf(raw, zone) ?? undefined) : undefined;
  const error = record.errors?.[property.path];
  return (
    <FormGroup error={!!error}>
      <Label htmlFor={property.path} required={property.isRequired} disabled={property.isDisabled}>
        {translateProperty(property.label, property.resourceId)}
      </Label>
      <DatePicker
        value={value}
        disabled={property.isDisabled}
        propertyType="datetime"
        // The picker answers its choice as the browser's instant: the same day and time, read on the organisation's clock.
        onChange={(picked) => onChange(property.path, picked ? instantOfPicked(new Date(picked), zone) : '')}
        {...property.props}
      />
      <FormMessage>{error && tm(error.message, property.resourceId)}</FormMessage>
    </FormGroup>
  );
};

export default DateTimeEdit;
