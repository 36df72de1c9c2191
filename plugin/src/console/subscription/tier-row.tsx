// One licence tier of "Mon abonnement": its seats used and included, and who holds them.
import React, { useState } from 'react';
import type { TranslateFunction } from 'adminjs';
import { Badge, Box, Button, Text } from '@adminjs/design-system';
import { counted, tierLabel } from './seat-warning.js';
import { SeatBar } from './seat-bar.js';
import { UserTable } from './user-table.js';
import type { SeatHolder, SeatTier } from './subscription-types.js';

const RED = '#C20012';

/** Who holds a tier's seats: name, login, role, admin, and for a client user the seats (one per dossier). */
const Holders = ({ holders, tm }: { holders: SeatHolder[]; tm: TranslateFunction }) => (
  <UserTable
    users={holders}
    tm={tm}
    mt="md"
    testId="seat-holders"
    empty="subscriptionNoHolder"
    keys={['subscriptionRole', 'subscriptionAdmin', 'subscriptionSeats']}
    extra={(h) => [
      h.kind === 'client' ? (
        <Text as="span" color="grey60">
          {tm('subscriptionKind_client')}
        </Text>
      ) : (
        (h.role ?? '—')
      ),
      h.isAdmin ? (
        <Badge size="sm" variant="primary" outline>
          {tm('subscriptionAdmin')}
        </Badge>
      ) : (
        ''
      ),
      h.seats,
    ]}
  />
);

/** One tier: its name, used / included with the bar, what is over (red) or still free, and its holders on demand. */
export const TierRow = ({ tier, tm, language }: { tier: SeatTier; tm: TranslateFunction; language: string | undefined }) => {
  const [open, setOpen] = useState(false);
  const free = tier.included - tier.used;
  return (
    <Box py="lg" style={{ borderBottom: '1px solid #F0F0F5' }} data-testid="seat-tier" data-tier={tier.tier}>
      <Box flex alignItems="center" style={{ gap: 16 }}>
        <Text fontWeight="bold" style={{ width: 230, flexShrink: 0 }}>
          {tierLabel(tm, tier.tier)}
        </Text>
        <Text style={{ width: 70, flexShrink: 0, color: tier.over ? RED : undefined }} fontWeight="bold" data-testid="seat-used">
          {tm('subscriptionUsedOf', { used: tier.used, included: tier.included })}
        </Text>
        <Box style={{ flex: '1 1 200px', maxWidth: 420 }}>
          <SeatBar used={tier.used} included={tier.included} />
        </Box>
        <Text style={{ width: 170, flexShrink: 0, color: tier.over ? RED : undefined }} variant="sm" data-testid="seat-state">
          {tier.over
            ? counted(tm, language, 'subscriptionOverBy', tier.over)
            : free > 0
              ? counted(tm, language, 'subscriptionFree', free)
              : tm('subscriptionFull')}
        </Text>
        <Button size="sm" variant="text" disabled={!tier.holders.length} onClick={() => setOpen(!open)} data-testid="seat-holders-toggle">
          {open ? tm('subscriptionHide') : tm('subscriptionHolders', { n: tier.holders.length })}
        </Button>
      </Box>
      {open && <Holders holders={tier.holders} tm={tm} />}
    </Box>
  );
};
