import React, { useEffect, useState } from 'react';
import { Show, useCurrentAdmin } from 'adminjs';
import { Box, Button, H5, Loader, Text } from '@adminjs/design-system';
import { AUDIT_PAGE, AuditTable, fetchAudit, objectToQuery, rootPath, useAuditFormat } from './audit-parts.jsx';

const SHOWN = 10;

/** The record's "Historique": its latest audit entries, for viewers with `viewAudit` (nothing for others). */
const RecordHistory = ({ module, recordId }) => {
  const [state, setState] = useState({ status: 'loading' });
  const format = useAuditFormat(state.data?.timeZone);
  useEffect(() => {
    let live = true;
    fetchAudit({ module, recordId, perPage: SHOWN }).then((r) => live && setState(r));
    return () => { live = false; };
  }, [module, recordId]);
  if (state.status === 'forbidden' || state.status === 'error') return null;
  const { m } = format;
  const seeAll = `${rootPath()}/pages/${AUDIT_PAGE}${objectToQuery({ module, recordId })}`;
  return (
    <Box variant="white" mt="xl" data-testid="record-history">
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center" mb="lg">
        <H5 mb={0}>{m('auditHistoryTitle')}</H5>
        {state.data?.total > 0 && (
          <Button as="a" href={seeAll} variant="text" size="sm">{m('auditHistorySeeAll')} ({state.data.total})</Button>
        )}
      </Box>
      {state.status === 'loading' && <Loader />}
      {state.data && (state.data.entries.length
        ? <AuditTable entries={state.data.entries} format={format} compact />
        : <Text color="grey60">{m('auditHistoryEmpty')}</Text>)}
    </Box>
  );
};

/**
 * A module record's page: AdminJS's own show view, untouched (same properties, same hidden
 * fields), with the record's history below it.
 */
const RecordShowWithHistory = (props) => {
  const { resource, record } = props;
  const [admin] = useCurrentAdmin();
  // Whether the audit page is in the user's menu (pages.ts) only spares a request: the server decides.
  const mayView = !!admin && (admin.portierPages ?? []).includes(AUDIT_PAGE);
  return (
    <>
      <Show {...props} />
      {mayView && record?.id !== undefined && record?.id !== null && <RecordHistory module={resource.id} recordId={String(record.id)} />}
    </>
  );
};

export default RecordShowWithHistory;
