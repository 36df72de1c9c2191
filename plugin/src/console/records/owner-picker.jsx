import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, Label, SelectAsync, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import { portierFetch } from '../common/portier-api.ts';

/**
 * The edit field of a record's owner (owner user, owner team, a Contact's advisors): it offers
 * only the owners this user may choose — active collaborators, or teams — and, on a record they
 * may not transfer, stays as it is with a word saying why (docs/spec/access-model.md, "Transfers").
 * The server decides (GET <rootPath>/portier/owners) and checks the write again.
 */
const OwnerPicker = ({ property, record, resource, onChange }) => {
  const { translateMessage, translateProperty } = useTranslation();
  const recordId = record?.id ? String(record.id) : '';
  const path = property.path;
  const [mayTransfer, setMayTransfer] = useState(null);
  const query = (q) => `/owners?${new URLSearchParams({ module: resource.id, field: path, ...(recordId ? { recordId } : {}), q })}`;
  const load = async (q) => {
    const { status, body } = await portierFetch(query(q ?? ''));
    if (status !== 200) return [];
    setMayTransfer(body.mayTransfer);
    return body.options.map((o) => ({ value: o.id, label: o.label }));
  };
  useEffect(() => { load(''); }, [resource.id, path, recordId]);
  const value = record?.params?.[path];
  const populated = record?.populated?.[path];
  const selected = value ? { value, label: populated?.title ?? `n° ${value}` } : null;
  const error = record?.errors?.[path];
  return (
    <FormGroup error={Boolean(error)} data-testid={`owner-picker-${path}`}>
      <Label htmlFor={path}>{translateProperty(path, resource.id)}</Label>
      <SelectAsync cacheOptions defaultOptions loadOptions={load} value={selected} isClearable={mayTransfer === true}
        isDisabled={mayTransfer !== true || property.isDisabled}
        onChange={(o) => onChange(path, o ? o.value : null)} />
      {mayTransfer === false && <Text variant="sm" color="grey60" mt="sm">{translateMessage('ownerPickerNoTransfer')}</Text>}
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default OwnerPicker;
