import React, { useEffect, useState } from 'react';
import { Box, Loader, MessageBox, Pagination, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { HeaderRow, userLink } from './user-table.js';
import { tierLabel } from './seat-warning.js';
import { useAuditFormat } from '../audit/audit-format.js';
import type { BillingEvent, BillingEventsPage } from './subscription-types.js';

const PER_PAGE = 20;

/** The user of a billing line: a link while they exist, their login and name as recorded once deleted. */
const BilledUser = ({ e, tm }: { e: BillingEvent; tm: Translate }) => {
  const name = e.userName ? `${e.userName} (${e.userLogin})` : e.userLogin;
  return (
    <>
      {e.userExists ? <a href={userLink(e.userId)}>{name}</a> : <span>{name}</span>}
      {!e.userExists && (
        <Text as="span" color="grey60" data-testid="billed-user-deleted">
          {' '}
          {tm('subscriptionDeleted')}
        </Text>
      )}
      {e.accountId && (
        <Text variant="sm" color="grey60">
          {tm('subscriptionDossier', { id: e.accountId })}
        </Text>
      )}
    </>
  );
};

/**
 * The billing events, newest first, a page at a time: when, which tier, whose seat, why, confirmed
 * by whom, and the seats used / included just after. They are never changed or deleted.
 */
const BillingEvents = ({ total }: { total: number }) => {
  const format = useAuditFormat();
  const tm = format.m;
  const [page, setPage] = useState(1);
  const [data, setData] = useState<BillingEventsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    portierGet<BillingEventsPage>(`/subscription/billing-events?page=${page}&perPage=${PER_PAGE}`).then(
      (d) => live && setData(d),
      (e) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [page, total]);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!data) return <Loader />;
  if (data.total === 0) return <Text color="grey60">{tm('subscriptionNoBilling')}</Text>;
  return (
    <Box>
      <Table width={1} data-testid="billing-events">
        <HeaderRow tm={tm} keys={['subscriptionAt', 'subscriptionTier', 'subscriptionUser', 'subscriptionCause', 'subscriptionBy', 'subscriptionSeatsThen']} />
        <TableBody>
          {data.events.map((e) => (
            <TableRow key={e.id} data-testid="billing-event" data-login={e.userLogin}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{format.date(e.at)}</TableCell>
              <TableCell>{tierLabel(tm, e.tier)}</TableCell>
              <TableCell>
                <BilledUser e={e} tm={tm} />
              </TableCell>
              <TableCell>{e.cause}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{e.actorLogin ?? tm('subscriptionImport')}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {e.seatsUsed} / {e.seatsIncluded}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.total > PER_PAGE && (
        <Box flex alignItems="center" justifyContent="space-between" mt="lg">
          <Text color="grey60">{tm('subscriptionPageOf', { page: data.page, pages: Math.ceil(data.total / PER_PAGE) })}</Text>
          <Pagination page={data.page} perPage={PER_PAGE} total={data.total} onChange={setPage} />
        </Box>
      )}
    </Box>
  );
};

export default BillingEvents;
