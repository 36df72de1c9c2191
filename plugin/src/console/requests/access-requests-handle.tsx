import React, { useState } from 'react';
import { Box, Button, Label, Text } from '@adminjs/design-system';
import { TextField } from '../common/access-pickers.js';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { RequestState, RequestSummary } from './access-requests-list.js';
import { type AccessRequest, dateOf, nameOf, say } from './access-requests-text.js';
import RoleMapping from './access-requests-mapping.js';

interface RequestCardProps {
  request: AccessRequest;
  tm: Translate;
  language: string | undefined;
  onStart: () => void;
  onDone: (answer: ApiResponse) => void;
}

/**
 * One open request in the user manager's queue: what it asks for, who asked and when, the
 * refusal of a previous approval if a rule refused it; for rights asked, the role to map them
 * onto and the side-by-side comparison; "Approuver" (with an optional note) and
 * "Rejeter" (its reason required). An approval over the subscription shows the seat warning
 * here, and is sent again confirmed. `onStart()` is told of a call, `onDone(answer)` gets the
 * server's answer, whatever it is.
 */
const RequestCard = ({ request, tm, language, onStart, onDone }: RequestCardProps) => {
  const seats = useSeatConfirm();
  const [note, setNote] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // A new user or a role change is mapped onto a role: the one chosen in the comparison below.
  const [roleId, setRoleId] = useState<number | null>(null);
  const mapped = request.type !== 'deactivation' && !!request.payload.wantedRights;
  const post = async (action: string, body: object, send: (path: string, init: RequestInit) => Promise<ApiResponse | null> = portierFetch) => {
    onStart();
    setBusy(true);
    const r = await send(`/requests/${request.id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    setBusy(false);
    if (r) onDone(r); // null: the seat warning was cancelled, nothing changed, nothing to say
  };
  return (
    <Box
      p="lg"
      mb="lg"
      style={{ border: '1px solid #E6E6EE', borderLeft: `4px solid ${request.refusal ? '#C20012' : '#4268F6'}` }}
      data-testid="request-card"
      data-request={request.id}
      data-type={request.type}
    >
      <Box flex flexWrap="wrap" justifyContent="space-between" style={{ gap: 16 }}>
        <Box style={{ flex: '1 1 360px' }}>
          <Text variant="sm" color="grey60" mb="sm">
            n° {request.id} — {say(tm, 'requestsRequestedBy', { name: nameOf(request.requester), date: dateOf(request.createdAt, language) })}
          </Text>
          <RequestSummary request={request} tm={tm} />
        </Box>
        <Box style={{ flex: '0 1 420px' }}>
          <RequestState request={request} tm={tm} language={language} />
        </Box>
      </Box>
      {mapped && !rejecting && <RoleMapping requestId={request.id} tm={tm} onRole={setRoleId} />}
      {seats.warning}
      {!seats.warning && !rejecting && (
        <Box flex flexWrap="wrap" alignItems="flex-end" mt="lg" style={{ gap: 12 }}>
          <Box>
            <Label>{tm('requestsApproveNote')}</Label>
            <TextField testId="approve-note" value={note} onChange={setNote} width={320} />
          </Box>
          <Button
            variant="contained"
            disabled={busy || (mapped && roleId === null)}
            onClick={() => post('approve', mapped ? { note, roleId } : { note }, seats.send)}
            data-testid="request-approve"
          >
            {tm('requestsApprove')}
          </Button>
          <Button variant="outlined" color="danger" disabled={busy} onClick={() => setRejecting(true)} data-testid="request-reject">
            {tm('requestsReject')}
          </Button>
        </Box>
      )}
      {rejecting && (
        <Box flex flexWrap="wrap" alignItems="flex-end" mt="lg" style={{ gap: 12 }} data-testid="reject-form">
          <Box>
            <Label required>{tm('requestsRejectReason')}</Label>
            <TextField testId="reject-reason" value={reason} onChange={setReason} width={420} />
          </Box>
          <Button variant="contained" color="danger" disabled={busy || !reason.trim()} onClick={() => post('reject', { reason })} data-testid="reject-confirm">
            {tm('requestsConfirmReject')}
          </Button>
          <Button variant="outlined" disabled={busy} onClick={() => setRejecting(false)}>
            {tm('requestsCancel')}
          </Button>
        </Box>
      )}
    </Box>
  );
};

export default RequestCard;
