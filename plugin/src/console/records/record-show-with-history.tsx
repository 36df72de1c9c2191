import React, { useEffect, useState } from 'react';
import { Show, useCurrentAdmin, type ActionProps } from 'adminjs';
import { Box, Button, H5, Loader, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import { AUDIT_PAGE, fetchAudit, objectToQuery, type AuditState } from '../audit/audit-api.js';
import { useAuditFormat } from '../audit/audit-format.js';
import { AuditTable } from '../audit/audit-table.js';
import WhoHasAccess from './who-has-access.js';

const SHOWN = 10;

/** The record's "Historique": its latest audit entries, for every collaborator who may read the record. */
const RecordHistory = ({ module, recordId, mayOpenTrail }: { module: string; recordId: string; mayOpenTrail: boolean }) => {
  const [state, setState] = useState<AuditState>({ status: 'loading' });
  const format = useAuditFormat(state.data?.timeZone);
  useEffect(() => {
    let live = true;
    fetchAudit({ perPage: SHOWN }, `/history/${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`).then((r) => live && setState(r));
    return () => {
      live = false;
    };
  }, [module, recordId]);
  if (state.status === 'forbidden' || state.status === 'error') return null;
  const { m } = format;
  const seeAll = `${rootPath()}/pages/${AUDIT_PAGE}${objectToQuery({ module, recordId })}`;
  return (
    <Box variant="white" mt="xl" data-testid="record-history">
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center" mb="lg">
        <H5 mb={0}>{m('auditHistoryTitle')}</H5>
        {mayOpenTrail && (state.data?.total ?? 0) > 0 && (
          <Button as="a" href={seeAll} variant="text" size="sm">
            {m('auditHistorySeeAll')} ({state.data?.total})
          </Button>
        )}
      </Box>
      {state.status === 'loading' && <Loader />}
      {state.data &&
        (state.data.entries.length ? (
          <AuditTable entries={state.data.entries} format={format} compact />
        ) : (
          <Text color="grey60">{m('auditHistoryEmpty')}</Text>
        ))}
    </Box>
  );
};

/**
 * A module record's page: AdminJS's own show view, untouched (same properties, same hidden
 * fields), with the record's history below it.
 */
const RecordShowWithHistory = (props: ActionProps) => {
  const { resource, record } = props;
  const [admin] = useCurrentAdmin();
  // Client users see no history; the server decides anyway (a 403 shows nothing).
  const mayView = !!admin && admin.kind !== 'client';
  return (
    <>
      <Show {...props} />
      {mayView && record?.id !== undefined && record?.id !== null && (
        <RecordHistory
          module={resource.id}
          recordId={String(record.id)}
          mayOpenTrail={((admin.portierPages as string[] | undefined) ?? []).includes(AUDIT_PAGE)}
        />
      )}
      {mayView && record?.id != null && <WhoHasAccess module={resource.id} recordId={String(record.id)} reference={record.params?.reference} />}
    </>
  );
};

export default RecordShowWithHistory;
