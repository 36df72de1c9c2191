import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, Label, SelectAsync, Text } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { portierFetch } from '../common/portier-api.js';

/** GET /owners (owners-routes.ts): the owners one may choose, and whether one may change this record's. */
interface OwnersAnswer {
  mayTransfer: boolean;
  options: { id: number | string; label: string }[];
}

interface OwnerOption {
  value: number | string;
  label: string;
}

/**
 * The edit field of a record's owner (owner user, owner team, a Contact's advisors): it offers
 * only the owners this user may choose — active collaborators, or teams — and, on a record they
 * may not transfer, stays as it is with a word saying why (docs/spec/access-model.md, "Transfers").
 * The server decides (GET <rootPath>/portier/owners) and checks the write again.
 */
const OwnerPicker = ({ property, record, resource, onChange }: EditPropertyProps) => {
  const { translateMessage, translateProperty } = useTranslation();
  const recordId = record?.id ? String(record.id) : '';
  const path = property.path;
  const [mayTransfer, setMayTransfer] = useState<boolean | null>(null);
  const query = (q: string) => `/owners?${new URLSearchParams({ module: resource.id, field: path, ...(recordId ? { recordId } : {}), q })}`;
  const load = async (q?: string): Promise<OwnerOption[]> => {
    const { status, body } = await portierFetch<OwnersAnswer>(query(q ?? ''));
    if (status !== 200) return [];
    setMayTransfer(body.mayTransfer);
    return body.options.map((o): OwnerOption => ({ value: o.id, label: o.label }));
  };
  useEffect(() => {
    load('');
  }, [resource.id, path, recordId]);
  const value = record?.params?.[path];
  const populated = record?.populated?.[path];
  const selected = value ? { value, label: populated?.title ?? `n° ${value}` } : null;
  const error = record?.errors?.[path];
  return (
    <FormGroup error={Boolean(error)} data-testid={`owner-picker-${path}`}>
      <Label htmlFor={path}>{translateProperty(path, resource.id)}</Label>
      <SelectAsync
        cacheOptions
        defaultOptions
        loadOptions={load}
        value={selected}
        isClearable={mayTransfer === true}
        isDisabled={mayTransfer !== true || property.isDisabled}
        onChange={(o: OwnerOption | null) => onChange(path, o ? o.value : null)}
      />
      {mayTransfer === false && (
        <Text variant="sm" color="grey60" mt="sm">
          {translateMessage('ownerPickerNoTransfer')}
        </Text>
      )}
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default OwnerPicker;
