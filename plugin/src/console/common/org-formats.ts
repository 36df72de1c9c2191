// The organisation's formats for the signed-in user (org-format-text.ts): their language, the organisation's zone.
import { useMemo } from 'react';
import { useCurrentAdmin, useTranslation } from 'adminjs';
import { DEFAULT_TIME_ZONE, orgFormats, type OrgFormats } from './org-format-text.js';

export type { OrgFormats };

/** The organisation's zone (`createPortier({ timeZone })`), which every date of the interface is shown in. */
export function useOrgTimeZone(): string {
  const [admin] = useCurrentAdmin();
  return (admin?.timeZone as string | undefined) ?? DEFAULT_TIME_ZONE;
}

export function useOrgFormats(): OrgFormats {
  const { i18n } = useTranslation();
  const zone = useOrgTimeZone();
  return useMemo(() => orgFormats(i18n?.language, zone), [i18n?.language, zone]);
}
