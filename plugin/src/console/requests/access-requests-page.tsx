import React, { useEffect, useState } from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { Box, H2, H4, Loader, MessageBox, Text } from '@adminjs/design-system';
import { portierGet, type ApiResponse } from '../common/portier-api.js';
import { type AccessRequest, say } from './access-requests-text.js';

/** GET /requests/me: which parts of the page this user has. */
interface Me {
  mayRequest: boolean;
  mayHandle: boolean;
}

interface Lists {
  mine: AccessRequest[];
  open: AccessRequest[];
  handled: AccessRequest[];
}

/** The last change's outcome; an approved new user's login and the address their invitation went to. */
interface Outcome {
  ok: boolean;
  message: string;
  login?: string;
  invitedAddress?: string;
}
import { RequestTable } from './access-requests-list.js';
import RequestCard from './access-requests-handle.js';
import TeamSection from './access-requests-team.js';

/** An approval's new user: no password to pass on, their invitation went to their address. */
const InvitationSent = ({ login, address, tm }: { login?: string; address: string; tm: TranslateFunction }) => (
  <Box mt="md" p="lg" style={{ background: '#F2F3FF', border: '1px solid #C9D1FF' }} data-testid="invitation-sent">
    <Text>{say(tm, 'requestsInvitationSent', { login, address })}</Text>
  </Box>
);

/**
 * "Demandes d'accès" (docs/spec/seats.md). A user manager (`manageUsers`) handles the open requests and
 * sees the handled ones; a team lead (`requestAccessChanges`) sees their teams' users, makes
 * requests and follows them in "Mes demandes". Someone with both (an admin) sees both parts.
 */
const AccessRequestsPage = () => {
  const { translateMessage: tm, i18n } = useTranslation();
  const language = i18n?.language;
  const [me, setMe] = useState<Me | null>(null);
  const [lists, setLists] = useState<Lists>({ mine: [], open: [], handled: [] });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  // `who` is known by then: the page shows once /requests/me has answered.
  const load = async (who: Me = me as Me) => {
    const get = (path: string, wanted: boolean) => (wanted ? portierGet<{ requests: AccessRequest[] }>(path).then((b) => b.requests) : Promise.resolve([]));
    const [mine, open, handled] = await Promise.all([
      get('/requests/mine', who.mayRequest),
      get('/requests?status=open', who.mayHandle),
      get('/requests?status=handled', who.mayHandle),
    ]);
    setLists({ mine, open, handled });
  };
  useEffect(() => {
    portierGet<Me>('/requests/me')
      .then(async (who) => {
        setMe(who);
        await load(who);
      })
      .catch((e) => setError(e.message));
  }, []);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!me) return <Loader />;

  // The lists first, then the message: what it says is on the page when it shows.
  const sent = async (message: string) => {
    await load();
    setOutcome({ ok: true, message });
  };
  const handled = async (r: ApiResponse) => {
    await load(); // a refused approval's request now shows its refusal
    setOutcome({ ok: r.status === 200, message: r.body.message, login: r.body.login, invitedAddress: r.body.invitedAddress });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <Box variant="grey" data-testid="access-requests">
      <Box variant="white" mb="xl">
        <H2>{tm('requestsTitle')}</H2>
        <Text color="grey60">{tm(me.mayHandle ? 'requestsIntroHandle' : 'requestsIntroLead')}</Text>
        {outcome && (
          <Box mt="lg" data-testid="requests-outcome">
            <MessageBox variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} onCloseClick={() => setOutcome(null)} />
            {outcome.invitedAddress && <InvitationSent login={outcome.login} address={outcome.invitedAddress} tm={tm} />}
          </Box>
        )}
      </Box>
      {me.mayHandle && (
        <Box variant="white" mb="xl" data-testid="requests-to-handle">
          <H4 mb="lg">{tm('requestsToHandle', { n: lists.open.length })}</H4>
          {lists.open.length === 0 && <Text color="grey60">{tm('requestsToHandleEmpty')}</Text>}
          {lists.open.map((r) => (
            <RequestCard key={r.id} request={r} tm={tm} language={language} onStart={() => setOutcome(null)} onDone={handled} />
          ))}
        </Box>
      )}
      {me.mayRequest && (
        <>
          <Box variant="white" mb="xl">
            <TeamSection tm={tm} onSent={sent} />
          </Box>
          <Box variant="white" mb="xl">
            <H4 mb="lg">{tm('requestsMine')}</H4>
            <RequestTable requests={lists.mine} tm={tm} language={language} empty="requestsMineEmpty" testId="requests-mine" />
          </Box>
        </>
      )}
      {me.mayHandle && (
        <Box variant="white">
          <H4 mb="lg">{tm('requestsHandled')}</H4>
          <RequestTable requests={lists.handled} tm={tm} language={language} showRequester empty="requestsHandledEmpty" testId="requests-handled" />
        </Box>
      )}
    </Box>
  );
};

export default AccessRequestsPage;
