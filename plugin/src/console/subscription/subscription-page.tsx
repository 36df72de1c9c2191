import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, H2, H4, Loader, MessageBox, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import { FreeSeats } from './free-seats.js';
import { TierRow } from './tier-row.js';
import type { SubscriptionData } from './subscription-types.js';
import BillingEvents from './subscription-billing.js';
import { SeatPacks } from './seat-packs.js';
import MonthSummary from './month-summary.js';
import { useAuditFormat } from '../audit/audit-format.js';

const INTERNAL = ['limited', 'standard', 'premium'];

/**
 * "Mon abonnement" (docs/spec/seats.md, `manageUsers`): per licence tier the seats used and included and
 * who holds them, internal tiers then client tiers; the seats offered; the seat packs (added by
 * admins); a month's printable summary; the billing events.
 */
const SubscriptionPage = () => {
  const { translateMessage: tm, i18n } = useTranslation();
  const [data, setData] = useState<SubscriptionData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when a pack is added: the summary reads its month again.
  const [version, setVersion] = useState(0);
  const format = useAuditFormat();
  const load = () => portierGet<SubscriptionData>('/subscription').then(setData, (e) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!data) return <Loader />;
  const group = (internal: boolean) => data.tiers.filter((t) => INTERNAL.includes(t.tier) === internal);
  const tiers = (internal: boolean) => group(internal).map((t) => <TierRow key={t.tier} tier={t} tm={tm} language={i18n?.language} />);
  return (
    <Box variant="grey" data-testid="subscription-page">
      <Box variant="white" mb="xl">
        <H2>{tm('subscriptionTitle')}</H2>
        <Text color="grey60">{tm('subscriptionIntro')}</Text>
      </Box>
      <Box variant="white" mb="xl">
        <H4>{tm('subscriptionInternal')}</H4>
        {tiers(true)}
        <H4 mt="xxl">{tm('subscriptionClient')}</H4>
        {tiers(false)}
      </Box>
      <Box variant="white" mb="xl">
        <H4>{tm('subscriptionFreeSeats')}</H4>
        <Text color="grey60" mb="lg">
          {tm('subscriptionFreeSeatsIntro')}
        </Text>
        <FreeSeats users={data.freeSeats} tm={tm} />
      </Box>
      <Box variant="white" mb="xl">
        <SeatPacks
          tiers={data.tiers}
          changes={data.changes}
          mayAdd={data.mayAddSeats}
          tm={tm}
          date={format.date}
          onAdded={async () => {
            await load();
            setVersion((v) => v + 1);
          }}
        />
      </Box>
      <Box variant="white" mb="xl">
        <MonthSummary tm={tm} language={i18n?.language} version={version} />
      </Box>
      <Box variant="white">
        <H4>{tm('subscriptionBilling', { n: data.billingEvents })}</H4>
        <BillingEvents total={data.billingEvents} />
      </Box>
    </Box>
  );
};

export default SubscriptionPage;
