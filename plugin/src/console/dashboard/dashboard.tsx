import React, { useEffect, useState } from 'react';
import { useSelector } from 'react-redux';
import { ApiClient, useTranslation, ViewHelpers, type ReduxState } from 'adminjs';
import { Box, H2, H3, H5, Text, Loader } from '@adminjs/design-system';
import type { DashboardData } from './dashboard-handler.js';
import { MENU_GROUPS, RESOURCE_ENTRY } from '../menu/menu-groups.js';
import { fetchAudit, type AuditEntryRow } from '../audit/audit-api.js';
import { AuditTable } from '../audit/audit-table.js';
import { useAuditFormat } from '../audit/audit-format.js';

const api = new ApiClient();
const h = new ViewHelpers();
const RECENT_CHANGES = 8;

/** The configuration pages and the set-up count each one shows (overview: dashboard-handler.ts). */
const COUNTED: Record<string, keyof NonNullable<DashboardData['overview']>> = {
  [`${RESOURCE_ENTRY}User`]: 'activeUsers',
  profiles: 'profiles',
  roles: 'roles',
  teams: 'teams',
  sharing: 'sharingRules',
  clientAccess: 'activeClients',
};

const Card = ({ href, children, data }: { href: string; children: React.ReactNode; data?: Record<string, string | number> }) => (
  <Box variant="white" width={[1, 1 / 2, 1 / 4]} p="xl" as="a" href={href} style={{ textDecoration: 'none' }} {...data}>
    {children}
  </Box>
);

/**
 * Each user's home page shows what their work is (dashboard-handler.ts): a client their dossiers;
 * those who configure access the configuration pages with the set-up's counts and the recent
 * changes they may read in the audit trail; everyone their modules, with the records they see and
 * those they own ("dont 12 à vous").
 */
const Dashboard = () => {
  const { translateLabel, translateMessage, translatePage, i18n } = useTranslation();
  const resources = useSelector((state: ReduxState) => state.resources);
  const format = useAuditFormat();
  const [data, setData] = useState<DashboardData | null>(null);
  const [recent, setRecent] = useState<AuditEntryRow[] | null>(null);
  useEffect(() => {
    api.getDashboard<DashboardData>().then((res) => {
      setData(res.data);
      if (res.data.pages?.includes('auditTrail'))
        void fetchAudit({ perPage: RECENT_CHANGES, only: 'changes' }).then((state) => setRecent(state.status === 'ok' ? (state.data?.entries ?? []) : []));
    });
  }, []);
  if (!data) return <Loader />;

  // The access configuration's entries this user may open, as the menu shows them (menu-groups.ts).
  const config = MENU_GROUPS[0].entries.filter((e) =>
    e.startsWith(RESOURCE_ENTRY) ? !!resources.find((r) => r.id === e.slice(RESOURCE_ENTRY.length))?.href : data.pages.includes(e),
  );
  const locale = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  const number = (n: number, capped = false) => `${n.toLocaleString(locale)}${capped ? '+' : ''}`;
  const counted = (key: string, n: number) => translateMessage(`${key}${n === 1 ? 'One' : 'Many'}`, undefined, { n: number(n) });
  const intro = data.kind === 'client' ? 'homeIntroClient' : config.length ? 'homeIntroConfiguration' : 'dashboardIntro';
  const nothing = !data.modules.length && !config.length && !data.dossiers.length;
  return (
    <Box variant="grey">
      <Box variant="white" mb="xl">
        <H2>{translateMessage('dashboardTitle')}</H2>
        <Text>{translateMessage(intro)}</Text>
      </Box>

      {data.dossiers.length > 0 && (
        <Box mb="xl" data-home="dossiers">
          <H3>{translateMessage('homeDossiers')}</H3>
          <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
            {data.dossiers.map((d) => (
              <Card key={d.id} href={h.recordActionUrl({ resourceId: d.module, recordId: String(d.id), actionName: 'show' })}>
                <H5>{d.title}</H5>
                <Text>{translateMessage('homeDossierProfile', undefined, { profile: d.profile })}</Text>
              </Card>
            ))}
          </Box>
        </Box>
      )}

      {config.length > 0 && (
        <Box mb="xl" data-home="configuration">
          <H3>{translateLabel('accessConfiguration')}</H3>
          <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
            {config.map((entry) => {
              const resource = entry.startsWith(RESOURCE_ENTRY) ? entry.slice(RESOURCE_ENTRY.length) : null;
              const count = COUNTED[entry] && data.overview ? (data.overview[COUNTED[entry]] ?? null) : null;
              return (
                <Card key={entry} href={resource ? h.resourceUrl({ resourceId: resource }) : h.pageUrl(entry)} data={{ 'data-entry': entry }}>
                  <H5>{resource ? translateLabel(resource) : translatePage(entry)}</H5>
                  {count !== null && <Text data-count={count}>{counted(`homeCount_${COUNTED[entry]}`, count)}</Text>}
                </Card>
              );
            })}
          </Box>
        </Box>
      )}

      {recent && (
        <Box variant="white" mb="xl" data-home="recent">
          <H3>{translateMessage('homeRecentChanges')}</H3>
          {recent.length ? <AuditTable entries={recent} format={format} compact /> : <Text>{translateMessage('homeNoRecentChanges')}</Text>}
          <Box mt="lg" as="a" href={h.pageUrl('auditTrail')}>
            {translateMessage('homeWholeTrail')}
          </Box>
        </Box>
      )}

      {data.modules.length > 0 && (
        <Box mb="xl" data-home="modules">
          <H3>{translateMessage(data.kind === 'client' ? 'homeDossierRecords' : 'homeModules')}</H3>
          <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
            {data.modules.map((m) => (
              <Card key={m.module} href={h.resourceUrl({ resourceId: m.module })}>
                <H5>{translateLabel(m.module)}</H5>
                <H2 data-module={m.module} data-count={m.count}>
                  {number(m.count, m.capped)}
                </H2>
                {m.mine !== null && <Text data-mine={m.mine}>{m.mine ? counted('homeMine', m.mine) : translateMessage('homeMineNone')}</Text>}
              </Card>
            ))}
          </Box>
        </Box>
      )}
      {nothing && <Text>{translateMessage('dashboardNothing')}</Text>}
    </Box>
  );
};

export default Dashboard;
