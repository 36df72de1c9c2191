import React, { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'adminjs';
import {
  Box,
  Button,
  H2,
  H3,
  H4,
  Input,
  Label,
  Loader,
  MessageBox,
  Pagination,
  Select,
  SelectAsync,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { portierGet } from '../common/portier-api.js';
import { LoginHistory, reasonLabel, useDateFormat } from './user-login-history.js';

/** GET /stats (stats-routes.ts): a period's sign-ins, active users, failures and activity by module. */
interface StatsData {
  period: { from: string; to: string };
  signIns: { success: number; failure: number; perDay: { day: string; success: number; failure: number }[] };
  activeUsers: { total: number; perDay: { day: string; users: number }[]; perWeek: { isoWeek: string; week: string; users: number }[] };
  failures: {
    byReason: { reason: string; count: number }[];
    latest: { id: string; at: string; login: string; fullName: string | null; reason: string | null; company: string | null; ip: string | null }[];
  };
  activity: {
    requests: number;
    byModule: { module: string; requests: number }[];
    perDay: { day: string; byModule: Record<string, number> }[];
    topUsers: { userId: number; fullName: string | null; login: string | null; company: string | null; requests: number; byModule: Record<string, number> }[];
    detail: { day: string; userId: number; fullName: string | null; login: string | null; module: string; requests: number }[];
  };
  options: { modules: string[]; companies: string[] };
}

/** A choice of the filters' pickers. */
interface Choice<V> {
  value: V;
  label: string;
}

/** GET /stats/users: the users the user filter offers. */
interface StatsUser {
  id: number;
  fullName: string;
  login: string;
  company: string | null;
}

interface Filters {
  from: string;
  to: string;
  module: string;
  company: string;
  user: Choice<number> | null;
}

// The design system's colours (theme.colors), and a palette for the modules.
const SUCCESS = '#007D7F';
const FAILURE = '#C20012';
const PRIMARY = '#3040D6';
const WEEK = '#6483F8';
// One colour per module, the same in every chart; no red (the failures' colour, read as an error).
const PALETTE = ['#3040D6', '#007D7F', '#E0803C', '#8E44AD', '#2E86C1', '#A14F17', '#16A085', '#D4AC0D', '#5D6D7E', '#7CB342', '#6483F8', '#3B3552'];

/** Rows of the detail table per page: the page scrolls, the table never scrolls inside it. */
const DETAIL_PER_PAGE = 15;

const CHART_HEIGHT = 260;

const Card = ({ children, ...props }: React.ComponentProps<typeof Box>) => (
  <Box variant="white" p="xl" style={{ borderRadius: 4, boxShadow: '0 1px 3px rgba(12,30,41,0.08)' }} {...props}>
    {children}
  </Box>
);

const Figure = ({ label, value, color, testId }: { label: string; value: string; color: string; testId: string }) => (
  <Box
    variant="white"
    style={{ flex: '1 1 200px', padding: '20px 24px', borderRadius: 4, borderTop: `4px solid ${color}`, boxShadow: '0 1px 3px rgba(12,30,41,0.08)' }}
  >
    <Text color="grey60">{label}</Text>
    <Text data-testid={testId} style={{ color, fontSize: 32, fontWeight: 300, lineHeight: '40px', marginTop: 8 }}>
      {value}
    </Text>
  </Box>
);

const UserName = ({ fullName, login, id }: { fullName: string | null; login: string | null; id: number }) => (
  <Box>
    <Text style={{ whiteSpace: 'nowrap' }}>{fullName ?? `#${id}`}</Text>
    <Text color="grey60" fontSize="sm">
      {login ?? '—'}
    </Text>
  </Box>
);

const Empty = () => {
  const { translateMessage } = useTranslation();
  return (
    <Text color="grey60" py="lg">
      {translateMessage('statsNothing')}
    </Text>
  );
};

/** Connection statistics (capability viewStats): sign-ins, active users, failures, activity by module. */
const ConnectionStatsPage = () => {
  const { translateMessage: tm, translateLabel } = useTranslation();
  const fmt = useDateFormat();
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', module: '', company: '', user: null });
  const [data, setData] = useState<StatsData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [detailPage, setDetailPage] = useState(1);

  const query = useMemo(() => {
    const q = new URLSearchParams();
    if (filters.from) q.set('from', filters.from);
    if (filters.to) q.set('to', filters.to);
    if (filters.module) q.set('module', filters.module);
    if (filters.company) q.set('company', filters.company);
    if (filters.user) q.set('userId', String(filters.user.value));
    return q.toString();
  }, [filters]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    portierGet<StatsData>(`/stats?${query}`)
      .then((d) => {
        if (!live) return;
        setData(d);
        setDetailPage(1);
        setError(null);
        // The server chose the default period: show it in the date fields.
        setFilters((f) => (f.from && f.to ? f : { ...f, from: d.period.from, to: d.period.to }));
      })
      .catch((e) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const lastDays = (n: number) => {
    const to = data?.period?.to ?? filters.to;
    if (!to) return;
    const d = new Date(`${to}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - (n - 1));
    set({ from: d.toISOString().slice(0, 10), to });
  };
  const moduleLabel = (m: string) => translateLabel(m);
  const loadUsers = (text?: string) =>
    portierGet<{ users: StatsUser[] }>(`/stats/users?q=${encodeURIComponent(text ?? '')}`).then((r) =>
      r.users.map((u): Choice<number> => ({ value: u.id, label: `${u.fullName} (${u.login})${u.company ? ` · ${u.company}` : ''}` })),
    );

  if (!data && error)
    return (
      <Box variant="grey">
        <MessageBox variant="danger" message={tm('statsError', undefined, { message: error })} />
      </Box>
    );
  if (!data)
    return (
      <Box variant="grey">
        <Loader />
      </Box>
    );

  const { signIns, activeUsers, failures, activity, options } = data;
  const modulesInData = activity.byModule.map((m) => m.module);
  const colorOf = (m: string) => PALETTE[Math.max(0, options.modules.indexOf(m)) % PALETTE.length];
  const perDayByModule = activity.perDay.map((d) => ({ day: d.day, ...d.byModule }));
  const moduleOptions = options.modules.map((m) => ({ value: m, label: moduleLabel(m) }));
  const companyOptions = options.companies.map((c) => ({ value: c, label: c }));
  const tooltipDay = (d: string) => fmt.day(d);
  const weekNumber = (w: string) => String(w).replace(/^\d{4}-W/, '');
  const weekLabel = (w: string) => tm('statsWeek', undefined, { week: weekNumber(w) });

  return (
    <Box variant="grey" data-testid="connection-stats">
      <Card mb="xl">
        <Box flex justifyContent="space-between" alignItems="center" flexWrap="wrap">
          <H2 mb="sm">{tm('statsTitle')}</H2>
          {loading && <Text color="grey60">{tm('statsLoading')}</Text>}
        </Box>
        <Text color="grey60" mb="lg">
          {tm('statsIntro')}
        </Text>

        <Box flex flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }}>
          <Box style={{ width: 160 }}>
            <Label>{tm('statsFrom')}</Label>
            <Input
              type="date"
              name="from"
              width="100%"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => e.target.value && set({ from: e.target.value })}
            />
          </Box>
          <Box style={{ width: 160 }}>
            <Label>{tm('statsTo')}</Label>
            <Input
              type="date"
              name="to"
              width="100%"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => e.target.value && set({ to: e.target.value })}
            />
          </Box>
          <Box style={{ width: 200 }}>
            <Label>{tm('statsModule')}</Label>
            <Select
              inputId="stats-module"
              placeholder={tm('statsAllModules')}
              options={moduleOptions}
              value={moduleOptions.find((o) => o.value === filters.module) ?? null}
              onChange={(o: Choice<string> | null) => set({ module: o?.value ?? '' })}
            />
          </Box>
          <Box style={{ width: 200 }}>
            <Label>{tm('statsCompany')}</Label>
            <Select
              inputId="stats-company"
              placeholder={tm('statsAllCompanies')}
              options={companyOptions}
              value={companyOptions.find((o) => o.value === filters.company) ?? null}
              onChange={(o: Choice<string> | null) => set({ company: o?.value ?? '' })}
            />
          </Box>
          <Box style={{ width: 300 }}>
            <Label>{tm('statsUser')}</Label>
            <SelectAsync
              inputId="stats-user"
              cacheOptions
              defaultOptions
              loadOptions={loadUsers}
              isClearable
              placeholder={tm('statsAllUsers')}
              noOptionsMessage={() => tm('statsNoOptions')}
              value={filters.user}
              onChange={(o: Choice<number> | null) => set({ user: o ?? null })}
            />
          </Box>
          <Box flex style={{ gap: 8 }}>
            <Button size="sm" variant="outlined" type="button" onClick={() => lastDays(7)}>
              {tm('statsLast7')}
            </Button>
            <Button size="sm" variant="outlined" type="button" onClick={() => lastDays(30)}>
              {tm('statsLast30')}
            </Button>
            <Button size="sm" variant="outlined" type="button" onClick={() => lastDays(90)}>
              {tm('statsLast90')}
            </Button>
            <Button size="sm" variant="text" type="button" onClick={() => setFilters({ from: '', to: '', module: '', company: '', user: null })}>
              {tm('statsReset')}
            </Button>
          </Box>
        </Box>
        {error && <MessageBox mt="lg" variant="danger" message={tm('statsError', undefined, { message: error })} />}
      </Card>

      <Box flex flexWrap="wrap" mb="xl" style={{ gap: 16 }}>
        <Figure label={tm('statsSignInsOk')} value={fmt.number(signIns.success)} color={SUCCESS} testId="stats-sign-ins" />
        <Figure label={tm('statsSignInsFailed')} value={fmt.number(signIns.failure)} color={FAILURE} testId="stats-failures" />
        <Figure label={tm('statsActiveUsers')} value={fmt.number(activeUsers.total)} color={WEEK} testId="stats-active-users" />
        <Figure label={tm('statsModuleRequests')} value={fmt.number(activity.requests)} color={PRIMARY} testId="stats-requests" />
      </Box>

      {filters.user && (
        <Card mb="xl">
          <LoginHistory userId={filters.user.value} />
        </Card>
      )}

      <Card mb="xl">
        <H3>{tm('statsSignInsPerDay')}</H3>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={signIns.perDay} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={fmt.shortDay} minTickGap={12} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={tooltipDay} />
            <Legend />
            <Bar dataKey="success" name={tm('statsSuccess')} stackId="s" fill={SUCCESS} />
            <Bar dataKey="failure" name={tm('statsFailure')} stackId="s" fill={FAILURE} />
          </BarChart>
        </ResponsiveContainer>
      </Card>

      <Box flex flexWrap="wrap" mb="xl" style={{ gap: 16 }}>
        <Card style={{ flex: '2 1 480px', minWidth: 0 }}>
          <H3 mb="sm">{tm('statsActivePerDay')}</H3>
          <Text color="grey60" fontSize="sm" mb="lg">
            {tm('statsActiveHint')}
          </Text>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <AreaChart data={activeUsers.perDay} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={fmt.shortDay} minTickGap={12} />
              <YAxis allowDecimals={false} />
              <Tooltip labelFormatter={tooltipDay} />
              <Legend />
              <Area type="monotone" dataKey="users" name={tm('statsUsers')} stroke={PRIMARY} fill="#DDE2F9" strokeWidth={2} />
            </AreaChart>
          </ResponsiveContainer>
        </Card>
        <Card style={{ flex: '1 1 320px', minWidth: 0 }}>
          <H3 mb="sm">{tm('statsActivePerWeek')}</H3>
          <Text color="grey60" fontSize="sm" mb="lg">
            {tm('statsActivePerWeekHint')}
          </Text>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={activeUsers.perWeek} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="isoWeek" tickFormatter={(w: string) => tm('statsWeekShort', undefined, { week: weekNumber(w) })} interval={0} />
              <YAxis allowDecimals={false} />
              <Tooltip labelFormatter={(w, p) => `${weekLabel(w)} (${fmt.day(p?.[0]?.payload?.week ?? '')})`} />
              <Legend />
              <Bar dataKey="users" name={tm('statsUsers')} fill={WEEK} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Box>

      <Box flex flexWrap="wrap" mb="xl" style={{ gap: 16 }}>
        <Card style={{ flex: '1 1 320px', minWidth: 0 }}>
          <H3>{tm('statsActivityByModule')}</H3>
          {activity.byModule.length === 0 ? (
            <Empty />
          ) : (
            <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, activity.byModule.length * 34)}>
              <BarChart
                data={activity.byModule.map((m) => ({ ...m, label: moduleLabel(m.module) }))}
                layout="vertical"
                margin={{ top: 8, right: 24, left: 8, bottom: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={110} />
                <Tooltip />
                {/* Each module in its colour, as in the chart per day: the bars are that chart's key. */}
                <Bar dataKey="requests" name={tm('statsRequests')}>
                  {activity.byModule.map((m) => (
                    <Cell key={m.module} fill={colorOf(m.module)} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
        <Card style={{ flex: '2 1 480px', minWidth: 0 }}>
          <H3>{tm('statsActivityPerDay')}</H3>
          {modulesInData.length === 0 ? (
            <Empty />
          ) : (
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={perDayByModule} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tickFormatter={fmt.shortDay} minTickGap={12} />
                <YAxis allowDecimals={false} />
                <Tooltip labelFormatter={tooltipDay} />
                <Legend />
                {modulesInData.map((m) => (
                  <Bar key={m} dataKey={m} name={moduleLabel(m)} stackId="m" fill={colorOf(m)} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Box>

      <Box flex flexWrap="wrap" mb="xl" style={{ gap: 16 }}>
        <Card style={{ flex: '1 1 420px', minWidth: 0 }}>
          <H3>{tm('statsTopUsers')}</H3>
          {activity.topUsers.length === 0 ? (
            <Empty />
          ) : (
            <Table width="100%">
              <TableHead>
                <TableRow>
                  <TableCell>{tm('statsUser')}</TableCell>
                  <TableCell>{tm('statsCompany')}</TableCell>
                  <TableCell>{tm('statsTopModule')}</TableCell>
                  <TableCell style={{ textAlign: 'right' }}>{tm('statsRequests')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {activity.topUsers.map((u) => {
                  const [top] = Object.entries(u.byModule).sort((a, b) => b[1] - a[1]);
                  return (
                    <TableRow
                      key={u.userId}
                      style={{ cursor: 'pointer' }}
                      onClick={() => set({ user: { value: u.userId, label: `${u.fullName ?? '#' + u.userId} (${u.login ?? '—'})` } })}
                    >
                      <TableCell>
                        <UserName fullName={u.fullName} login={u.login} id={u.userId} />
                      </TableCell>
                      <TableCell>{u.company ?? '—'}</TableCell>
                      <TableCell>{top ? `${moduleLabel(top[0])} (${fmt.number(top[1])})` : '—'}</TableCell>
                      <TableCell style={{ textAlign: 'right' }}>{fmt.number(u.requests)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </Card>
        <Card style={{ flex: '1 1 420px', minWidth: 0 }}>
          <H3>{tm('statsActivityDetail')}</H3>
          {activity.detail.length === 0 ? (
            <Empty />
          ) : (
            <Box data-testid="stats-detail">
              <Table width="100%">
                <TableHead>
                  <TableRow>
                    <TableCell>{tm('statsDay')}</TableCell>
                    <TableCell>{tm('statsUser')}</TableCell>
                    <TableCell>{tm('statsModule')}</TableCell>
                    <TableCell style={{ textAlign: 'right' }}>{tm('statsRequests')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {activity.detail.slice((detailPage - 1) * DETAIL_PER_PAGE, detailPage * DETAIL_PER_PAGE).map((r) => (
                    <TableRow key={`${r.day}-${r.userId}-${r.module}`}>
                      <TableCell style={{ whiteSpace: 'nowrap' }}>{fmt.day(r.day)}</TableCell>
                      <TableCell>
                        <UserName fullName={r.fullName} login={r.login} id={r.userId} />
                      </TableCell>
                      <TableCell>{moduleLabel(r.module)}</TableCell>
                      <TableCell style={{ textAlign: 'right' }}>{fmt.number(r.requests)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {activity.detail.length > DETAIL_PER_PAGE && (
                <Box flex justifyContent="center" mt="lg">
                  <Pagination page={detailPage} perPage={DETAIL_PER_PAGE} total={activity.detail.length} onChange={setDetailPage} />
                </Box>
              )}
            </Box>
          )}
        </Card>
      </Box>

      <Card mb="xl">
        <H3>{tm('statsFailures')}</H3>
        <Box>
          <Box style={{ maxWidth: 520 }}>
            <H4 mt="lg">{tm('statsFailuresByReason')}</H4>
            {failures.byReason.length === 0 ? (
              <Empty />
            ) : (
              <Table width="100%">
                <TableBody>
                  {failures.byReason.map((r) => (
                    <TableRow key={r.reason}>
                      <TableCell>{reasonLabel(tm, r.reason)}</TableCell>
                      <TableCell style={{ textAlign: 'right', color: FAILURE, fontWeight: 600 }}>{fmt.number(r.count)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
          <Box>
            <H4 mt="xl">{tm('statsLatestFailures')}</H4>
            {failures.latest.length === 0 ? (
              <Empty />
            ) : (
              <Table width="100%">
                <TableHead>
                  <TableRow>
                    <TableCell>{tm('statsWhen')}</TableCell>
                    <TableCell>{tm('statsLogin')}</TableCell>
                    <TableCell>{tm('statsUser')}</TableCell>
                    <TableCell>{tm('statsReason')}</TableCell>
                    <TableCell>{tm('statsCompany')}</TableCell>
                    <TableCell>{tm('statsIp')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {failures.latest.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</TableCell>
                      <TableCell>{e.login || '—'}</TableCell>
                      <TableCell>{e.fullName ?? '—'}</TableCell>
                      <TableCell>{reasonLabel(tm, e.reason)}</TableCell>
                      <TableCell>{e.company ?? '—'}</TableCell>
                      <TableCell>{e.ip ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        </Box>
      </Card>
    </Box>
  );
};

export default ConnectionStatsPage;
