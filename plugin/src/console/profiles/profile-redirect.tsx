import React, { useEffect } from 'react';
import { useCurrentAdmin, useTranslation, type BasePropertyProps } from 'adminjs';
import { Box, Loader, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';

/**
 * Where the Profile resource's "new", "edit" and "show" go: a profile is edited in its own editor
 * (internal profiles on "Profils", client profiles on "Accès clients"), never in AdminJS's generic
 * form with its raw columns. Users who cannot open those pages (a profile's name shown as a
 * reference) see its name and tier only.
 */
export function editorUrl(record: { id?: string | number; params?: Record<string, unknown> } | undefined): string {
  if (!record?.id) return `${rootPath()}/pages/profiles`;
  return record.params?.audience === 'client'
    ? `${rootPath()}/pages/clientAccess?profile=${encodeURIComponent(String(record.id))}`
    : `${rootPath()}/pages/profiles?edit=${encodeURIComponent(String(record.id))}`;
}

const ProfileRedirect = ({ record }: Pick<BasePropertyProps, 'record'>) => {
  const [admin] = useCurrentAdmin();
  const { translateMessage: tm } = useTranslation();
  const pages = (admin?.portierPages as string[] | undefined) ?? [];
  const target = record?.params?.audience === 'client' ? 'clientAccess' : 'profiles';
  const allowed = pages.includes(target);
  useEffect(() => {
    if (allowed) window.location.replace(editorUrl(record));
  }, [allowed, record]);
  if (allowed) return <Loader />;
  return (
    <Box variant="white" data-testid="profile-summary">
      <Text fontWeight="bold">{String(record?.params?.name ?? '')}</Text>
      <Text color="grey60">
        {tm('profilesTier')} : {String(record?.params?.licenseTier ?? '')}
      </Text>
    </Box>
  );
};

export default ProfileRedirect;
