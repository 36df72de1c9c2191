import React, { useEffect, useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON, type TranslateFunction } from 'adminjs';
import { Badge, Box, H3, Loader, MessageBox, Pagination, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import { useOrgTimeZone } from '../common/org-formats.js';

/** GET /users/:id/logins (stats-routes.ts): a page of a user's sign-in attempts. */
interface LoginsPage {
  user: { fullName: string; login: string } | null;
  total: number;
  failures: number;
  lastSuccess: string | null;
  page: number;
  perPage: number;
  items: { id: string; at: string; success: boolean; reason: string | null; ip: string | null; userAgent: string | null }[];
}

export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  const timeZone = useOrgTimeZone();
  return {
    locale,
    dateTime: (v: string | null | undefined) => (v ? new Date(v).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone }) : '—'),
    /** A `YYYY-MM-DD` day, e.g. « lun. 17/11 ». */
    day: (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale, { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' }),
    shortDay: (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }),
    number: (n: number | null | undefined) => Number(n ?? 0).toLocaleString(locale),
  };
}

export function reasonLabel(translateMessage: TranslateFunction, reason: string | null): string | null {
  const key = `statsReason_${reason || 'unknown'}`;
  const text = translateMessage(key);
  return text === key ? reason : text;
}

/** One user's sign-in attempts, latest first, 20 a page. */
export const LoginHistory = ({ userId, showTitle = true }: { userId: string | number; showTitle?: boolean }) => {
  const { translateMessage } = useTranslation();
  const fmt = useDateFormat();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<LoginsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    portierGet<LoginsPage>(`/users/${encodeURIComponent(userId)}/logins?page=${page}&perPage=20`)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [userId, page]);
  useEffect(() => setPage(1), [userId]);

  if (error) return <MessageBox variant="danger" message={translateMessage('statsError', undefined, { message: error })} />;
  if (!data) return <Loader />;
  const name = data.user ? `${data.user.fullName} (${data.user.login})` : `#${userId}`;
  return (
    <Box data-testid="login-history">
      {showTitle && <H3 mb="sm">{translateMessage('statsLoginHistoryOf', undefined, { name })}</H3>}
      <Text mb="lg" color="grey60">
        {translateMessage('statsAttempts', undefined, { total: fmt.number(data.total), failures: fmt.number(data.failures) })}
        {' · '}
        {data.lastSuccess ? translateMessage('statsLastSuccess', undefined, { at: fmt.dateTime(data.lastSuccess) }) : translateMessage('statsNeverSignedIn')}
      </Text>
      {data.items.length === 0 ? (
        <Text>{translateMessage('statsNothing')}</Text>
      ) : (
        <Table width="100%">
          <TableHead>
            <TableRow>
              <TableCell>{translateMessage('statsWhen')}</TableCell>
              <TableCell>{translateMessage('statsResult')}</TableCell>
              <TableCell>{translateMessage('statsReason')}</TableCell>
              <TableCell>{translateMessage('statsIp')}</TableCell>
              <TableCell>{translateMessage('statsBrowser')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{fmt.dateTime(e.at)}</TableCell>
                <TableCell>
                  <Badge size="sm" variant={e.success ? 'success' : 'danger'}>
                    {translateMessage(e.success ? 'statsOk' : 'statsRefused')}
                  </Badge>
                </TableCell>
                <TableCell>{e.success ? '' : reasonLabel(translateMessage, e.reason)}</TableCell>
                <TableCell>{e.ip ?? '—'}</TableCell>
                <TableCell title={e.userAgent ?? ''} style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {e.userAgent ?? '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.total > data.perPage && (
        <Box flex justifyContent="center" mt="lg">
          <Pagination page={data.page} perPage={data.perPage} total={data.total} onChange={(p: number) => setPage(p)} />
        </Box>
      )}
    </Box>
  );
};

/** The User record action "Historique de connexion". */
const UserLoginHistory = ({ record }: ActionProps & { record: RecordJSON }) => (
  <Box variant="white">
    <LoginHistory userId={record.id} />
  </Box>
);

export default UserLoginHistory;
