// The organisation's formats for the signed-in user (org-format-text.ts): their language, the organisation's zone.
import { useMemo } from 'react';
import { useCurrentAdmin, useTranslation } from 'adminjs';
import { DEFAULT_TIME_ZONE, orgFormats, type OrgFormats } from './org-format-text.js';

export type { OrgFormats };

export function useOrgFormats(): OrgFormats {
  const [admin] = useCurrentAdmin();
  const { i18n } = useTranslation();
  const zone = (admin?.timeZone as string | undefined) ?? DEFAULT_TIME_ZONE;
  return useMemo(() => orgFormats(i18n?.language, zone), [i18n?.language, zone]);
}
