import React, { useEffect, useState } from 'react';
import { ApiClient, useTranslation } from 'adminjs';
import { Box, H2, H5, Text, Loader } from '@adminjs/design-system';

const api = new ApiClient();

/** dashboard-handler.ts's answer: a count per module the user can read (`capped`: at least that many). */
interface DashboardData {
  modules: { module: string; count: number; capped: boolean }[];
}

/** The dashboard: what the signed-in user can see, module by module (counted through the engine). */
const Dashboard = () => {
  const { translateLabel, translateMessage } = useTranslation();
  const [data, setData] = useState<DashboardData | null>(null);
  useEffect(() => {
    api.getDashboard<DashboardData>().then((res) => setData(res.data));
  }, []);
  if (!data) return <Loader />;
  return (
    <Box variant="grey">
      <Box variant="white" mb="xl">
        <H2>{translateMessage('dashboardTitle')}</H2>
        <Text>{translateMessage('dashboardIntro')}</Text>
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
        {data.modules.map((m) => (
          <Box
            key={m.module}
            variant="white"
            width={[1, 1 / 2, 1 / 4]}
            p="xl"
            as="a"
            href={`${window.location.pathname.replace(/\/$/, '')}/resources/${m.module}`}
            style={{ textDecoration: 'none' }}
          >
            <H5>{translateLabel(m.module)}</H5>
            <H2 data-module={m.module} data-count={m.count}>
              {m.capped ? `${m.count.toLocaleString()}+` : m.count.toLocaleString()}
            </H2>
          </Box>
        ))}
        {data.modules.length === 0 && <Text>{translateMessage('dashboardNothing')}</Text>}
      </Box>
    </Box>
  );
};

export default Dashboard;
