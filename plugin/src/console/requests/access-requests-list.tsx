import React from 'react';
import { Badge, Box, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import type { Translate } from '../common/translate.js';
import { RightsLines, type Rights } from './access-requests-rights.js';
import { type AccessRequest, STATUS_VARIANTS, dateOf, detailsOf, nameOf, say, subjectOf } from './access-requests-text.js';

/** What a request asks for: its type in bold, whom it is about, then one line per detail. */
export const RequestSummary = ({ request, tm }: { request: AccessRequest; tm: Translate }) => (
  <Box>
    <Text fontWeight="bold">{tm(`requestsType_${request.type}`)}</Text>
    <Text data-testid="request-subject">{subjectOf(request)}</Text>
    {request.payload.wantedRights && (
      <Box my="xs">
        <Text variant="sm" color="grey60">
          {tm('requestsDetailWanted')}
        </Text>
        <RightsLines rights={request.payload.wantedRights as Rights} empty={tm('requestsNoModule')} testId="request-wanted-rights" />
      </Box>
    )}
    {detailsOf(request, tm).map((line) => (
      <Text key={line} variant="sm" color="grey60">
        {line}
      </Text>
    ))}
  </Box>
);

/**
 * Where a request stands: its state, who handled it and when, their answer (a rejection's
 * reason); while open, the refusal of its last approval, if a rule refused it.
 */
export const RequestState = ({ request, tm, language }: { request: AccessRequest; tm: Translate; language: string | undefined }) => (
  <Box data-testid="request-state">
    <Badge variant={STATUS_VARIANTS[request.status]} outline={request.status === 'open'}>
      {tm(`requestsStatus_${request.status}`)}
    </Badge>
    {request.handler && (
      <Text variant="sm" color="grey60" mt="sm">
        {say(tm, 'requestsHandledBy', { name: nameOf(request.handler), date: dateOf(request.handledAt, language) })}
      </Text>
    )}
    {request.handlerNote && (
      <Text variant="sm" mt="xs" data-testid="request-answer">
        {say(tm, 'requestsHandlerNote', { note: request.handlerNote })}
      </Text>
    )}
    {request.resultUser && request.status === 'approved' && (
      <Text variant="sm" mt="xs">
        {say(tm, 'requestsResultUser', { login: request.resultUser.login })}
      </Text>
    )}
    {request.status === 'open' && request.refusal && (
      <Text variant="sm" mt="xs" color="error" data-testid="request-refusal">
        {say(tm, 'requestsRefusal', { message: request.refusal })}
      </Text>
    )}
  </Box>
);

/**
 * Requests as a table: "Mes demandes" (the requester is oneself, so not shown) or the handled
 * ones of the user managers' view.
 */
interface RequestTableProps {
  requests: AccessRequest[];
  tm: Translate;
  language: string | undefined;
  showRequester?: boolean;
  /** The message key shown when there is none. */
  empty: string;
  testId: string;
}

export const RequestTable = ({ requests, tm, language, showRequester, empty, testId }: RequestTableProps) =>
  requests.length === 0 ? (
    <Text color="grey60" data-testid={`${testId}-empty`}>
      {tm(empty)}
    </Text>
  ) : (
    <Table width={1} data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{tm('requestsColNumber')}</TableCell>
          <TableCell>{tm('requestsColRequest')}</TableCell>
          {showRequester && <TableCell>{tm('requestsColRequester')}</TableCell>}
          <TableCell>{tm('requestsColDate')}</TableCell>
          <TableCell>{tm('requestsColStatus')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {requests.map((r) => (
          <TableRow key={r.id} data-testid="request-row" data-request={r.id} data-status={r.status} style={{ verticalAlign: 'top' }}>
            <TableCell>{r.id}</TableCell>
            <TableCell style={{ minWidth: 280 }}>
              <RequestSummary request={r} tm={tm} />
            </TableCell>
            {showRequester && <TableCell>{nameOf(r.requester)}</TableCell>}
            <TableCell style={{ whiteSpace: 'nowrap' }}>{dateOf(r.createdAt, language)}</TableCell>
            <TableCell style={{ maxWidth: 420 }}>
              <RequestState request={r} tm={tm} language={language} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
