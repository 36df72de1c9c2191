import React, { useEffect, useState } from 'react';
import { Box, H5, Label, Loader, MessageBox, Text } from '@adminjs/design-system';
import { Picker } from '../common/access-pickers.js';
import { portierGet } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { RightsComparison, type RightsRow } from './access-requests-rights.js';

/** GET /requests/:id/mapping. */
interface Mapping {
  roles: Array<{ id: number; name: string; holdsProfile: boolean; exact: boolean }>;
  roleId: number | null;
  rows: RightsRow[];
  exact: boolean;
}

interface RoleMappingProps {
  requestId: number;
  tm: Translate;
  /** Told the role chosen (null: none yet), for the approval to send. */
  onRole: (roleId: number | null) => void;
}

/**
 * The handler maps a request onto a role (users get their profiles through their role): a role to
 * choose — those holding the profile asked for, or giving exactly the ask, said so — and, side by
 * side per module, what was asked and what that role gives, the differences highlighted. The
 * comparison is the server's (the engine's compilation), asked again at each choice.
 */
const RoleMapping = ({ requestId, tm, onRole }: RoleMappingProps) => {
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [roleId, setRoleId] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const query = roleId ? `?roleId=${roleId}` : '';
    portierGet<Mapping>(`/requests/${requestId}/mapping${query}`).then(
      (m) => {
        if (!live) return;
        setMapping(m);
        onRole(m.roleId);
      },
      (e) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [requestId, roleId]);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!mapping) return <Loader />;
  const label = (r: Mapping['roles'][number]) =>
    [r.name, r.holdsProfile && tm('requestsMapHoldsProfile'), r.exact && tm('requestsMapExact')].filter(Boolean).join(' — ');
  const chosen = mapping.roleId !== null;
  return (
    <Box mt="lg" p="md" style={{ background: '#FAFAFC', border: '1px solid #E6E6EE' }} data-testid="role-mapping">
      <H5 mb="xs">{tm('requestsMapTitle')}</H5>
      <Text variant="sm" color="grey60" mb="md">
        {tm('requestsMapIntro')}
      </Text>
      <Box mb="md">
        <Label required>{tm('requestsMapRole')}</Label>
        <Picker
          testId="mapping-role"
          width={420}
          value={mapping.roleId}
          onChange={(v) => setRoleId(v)}
          placeholder={tm('requestsChooseRole')}
          options={mapping.roles.map((r) => ({ value: r.id, label: label(r) }))}
        />
      </Box>
      <RightsComparison rows={mapping.rows} tm={tm} />
      <Text variant="sm" mt="sm" color={chosen && mapping.exact ? 'success' : 'grey60'} data-testid="mapping-verdict">
        {!chosen ? tm('requestsMapChoose') : mapping.exact ? tm('requestsMapSame') : tm('requestsMapDiffers')}
      </Text>
    </Box>
  );
};

export default RoleMapping;
