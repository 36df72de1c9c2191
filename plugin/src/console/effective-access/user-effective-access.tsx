import React, { useEffect, useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Badge, Box, H4, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import ExplainTool from './explain-tool.js';

/** GET /effective-access/users/:id (effective-access-routes.ts): who the user is, and per module what they reach. */
interface EffectiveAccess {
  user: { login: string; firstName: string | null; lastName: string | null; kind: string; role: string | null; isAdmin: boolean; status: string };
  modules: { module: string; read: number; edit: number; delete: number; total: number }[];
}

/** "12 / 600", with a thin bar: the share of the module's records the user reaches. */
const Count = ({ n, total, testId }: { n: number; total: number; testId: string }) => (
  <Box data-testid={testId}>
    <Text as="span" fontWeight={n ? 'bold' : 'normal'} color={n ? 'grey100' : 'grey40'}>
      {n.toLocaleString()}
    </Text>
    <Box style={{ height: 4, background: '#E6E6EE', marginTop: 4, width: 120 }}>
      <Box style={{ height: 4, width: `${total ? (100 * n) / total : 0}%`, background: '#4268F6' }} />
    </Box>
  </Box>
);

/** A user's "Accès effectif": per module, what they may read, edit and delete, counted by the server; then "why" for one record. */
const UserEffectiveAccess = ({ record }: ActionProps & { record: RecordJSON }) => {
  const { translateMessage: tm, translateLabel: tl } = useTranslation();
  const [data, setData] = useState<EffectiveAccess | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    portierFetch(`/effective-access/users/${record.id}`).then((r) =>
      r.status === 200 ? setData(r.body as EffectiveAccess) : setError(r.body.message ?? r.body.error),
    );
  }, [record.id]);
  if (error) return <MessageBox variant="danger" message={error} data-testid="effective-error" />;
  if (!data) return <Loader />;
  const u = data.user;
  const name = [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;

  return (
    <Box data-testid="user-effective-access">
      <Box variant="white" mb="xl">
        <H4>{tm('effectiveTitle', { name: `${name} (${u.login})` })}</H4>
        <Box flex style={{ gap: 8 }} mb="md">
          <Badge variant={u.kind === 'client' ? 'info' : 'primary'} outline>
            {tm(`effectiveKind_${u.kind}`)}
          </Badge>
          {u.kind !== 'client' && (
            <Badge outline>
              {tm('effectiveRole')} : {u.role ?? tm('effectiveNoRole')}
            </Badge>
          )}
          {u.isAdmin && <Badge variant="danger">{tm('effectiveAdmin')}</Badge>}
        </Box>
        <Text color="grey60" mb="lg">
          {tm('effectiveIntro')}
        </Text>
        {u.status !== 'active' && <MessageBox mb="lg" variant="warning" message={tm('effectiveInactive')} />}
        <Table width={1} data-testid="effective-counts">
          <TableHead>
            <TableRow>
              <TableCell>{tm('effectiveModule')}</TableCell>
              <TableCell>{tm('effectiveRead')}</TableCell>
              <TableCell>{tm('effectiveEdit')}</TableCell>
              <TableCell>{tm('effectiveDelete')}</TableCell>
              <TableCell>{tm('effectiveTotal')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.modules.map((m) => (
              <TableRow key={m.module} data-testid="effective-row" data-module={m.module}>
                <TableCell>
                  <Text fontWeight="bold">{tl(m.module)}</Text>
                </TableCell>
                <TableCell>
                  <Count n={m.read} total={m.total} testId="effective-read" />
                </TableCell>
                <TableCell>
                  <Count n={m.edit} total={m.total} testId="effective-edit" />
                </TableCell>
                <TableCell>
                  <Count n={m.delete} total={m.total} testId="effective-delete" />
                </TableCell>
                <TableCell>
                  <Text color="grey60">{m.total.toLocaleString()}</Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <ExplainTool userId={record.id} userName={name} modules={data.modules.map((m) => m.module)} />
    </Box>
  );
};

export default UserEffectiveAccess;
