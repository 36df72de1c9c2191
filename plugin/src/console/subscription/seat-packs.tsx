import React, { useState } from 'react';
import { Box, Button, H4, Input, Label, MessageBox, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { Picker } from '../common/access-pickers.js';
import { portierFetch } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { HeaderRow } from './user-table.js';
import { tierLabel } from './seat-warning.js';
import type { SeatTier, SubscriptionChange } from './subscription-types.js';

interface SeatPacksProps {
  tiers: SeatTier[];
  changes: SubscriptionChange[];
  mayAdd: boolean;
  tm: Translate;
  date: (value: string) => string;
  /** Told after a pack is added, to read the subscription again. */
  onAdded: () => Promise<void>;
}

/**
 * "Packs utilisateurs supplémentaires" (docs/seats.md): an admin chooses a tier and a number of seats,
 * reads what the tier will include, and confirms; the latest additions are listed below, for
 * everyone who sees the page. The server checks everything (admins only, the number, the tier).
 */
export const SeatPacks = ({ tiers, changes, mayAdd, tm, date, onAdded }: SeatPacksProps) => {
  const [tier, setTier] = useState<string | null>(null);
  const [seats, setSeats] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const index = tier === null ? -1 : tiers.findIndex((t) => t.tier === tier);
  const chosen = tiers[index];
  const n = Number(seats);
  const send = async () => {
    setBusy(true);
    // The number as typed: "1.5" or "0" are the server's to refuse, with the field named.
    const r = await portierFetch('/subscription/seat-packs', { method: 'POST', body: JSON.stringify({ tier, seats: seats.trim() === '' ? null : n }) });
    setBusy(false);
    setConfirming(false);
    setOutcome({ ok: r.status === 201, message: r.body.message });
    if (r.status === 201) {
      setSeats('');
      await onAdded();
    }
  };
  return (
    <Box data-testid="seat-packs">
      <H4>{tm('packsTitle')}</H4>
      <Text color="grey60" mb="lg">
        {tm(mayAdd ? 'packsIntro' : 'packsOnlyAdmins')}
      </Text>
      {outcome && (
        <MessageBox
          mb="lg"
          variant={outcome.ok ? 'success' : 'danger'}
          message={outcome.message}
          onCloseClick={() => setOutcome(null)}
          data-testid="packs-outcome"
        />
      )}
      {mayAdd && (
        <Box flex flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }} mb="lg">
          <Box>
            <Label required>{tm('packsTier')}</Label>
            {/* Picker takes numbers: the tiers are offered by their position. */}
            <Picker
              testId="pack-tier"
              value={index >= 0 ? index : null}
              onChange={(v) => {
                setTier(v === null ? null : tiers[v].tier);
                setConfirming(false);
              }}
              placeholder={tm('packsChooseTier')}
              options={tiers.map((t, i) => ({ value: i, label: `${tierLabel(tm, t.tier)} (${t.included})` }))}
            />
          </Box>
          <Box>
            <Label required>{tm('packsSeats')}</Label>
            <Input
              data-testid="pack-seats"
              type="number"
              min={1}
              step={1}
              value={seats}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                setSeats(e.target.value);
                setConfirming(false);
              }}
              style={{ width: 140 }}
            />
          </Box>
          {!confirming && (
            <Button variant="contained" disabled={!chosen || seats.trim() === ''} onClick={() => setConfirming(true)} data-testid="pack-add">
              {tm('packsAdd')}
            </Button>
          )}
        </Box>
      )}
      {mayAdd && confirming && chosen && (
        <Box p="lg" mb="lg" style={{ background: '#F2F3FF', border: '1px solid #C9D1FF' }} data-testid="pack-confirm-box">
          <Text mb="md">
            {tm('packsConfirmText', {
              n: Number.isFinite(n) ? tm('countSeats', { count: n }) : seats,
              tier: tierLabel(tm, chosen.tier),
              before: tm('countIncluded', { count: chosen.included }),
              after: Number.isFinite(n) ? chosen.included + n : '—',
              interpolation: { escapeValue: false },
            })}
          </Text>
          <Box flex style={{ gap: 8 }}>
            <Button variant="contained" disabled={busy} onClick={send} data-testid="pack-confirm">
              {tm('packsConfirm')}
            </Button>
            <Button variant="outlined" disabled={busy} onClick={() => setConfirming(false)}>
              {tm('packsCancel')}
            </Button>
          </Box>
        </Box>
      )}
      <Text fontWeight="bold" mb="sm">
        {tm('packsRecent')}
      </Text>
      {changes.length === 0 ? (
        <Text color="grey60">{tm('packsNone')}</Text>
      ) : (
        <SubscriptionChanges changes={changes} tm={tm} date={date} testId="recent-changes" />
      )}
    </Box>
  );
};

/** Subscription changes as a table: when, which tier, how many, included before → after, by whom. */
export const SubscriptionChanges = ({
  changes,
  tm,
  date,
  testId,
}: {
  changes: SubscriptionChange[];
  tm: Translate;
  date: (v: string) => string;
  testId: string;
}) => (
  <Table width={1} data-testid={testId}>
    <HeaderRow tm={tm} keys={['subscriptionAt', 'subscriptionTier', 'packsAdded', 'packsIncludedThen', 'subscriptionBy']} />
    <TableBody>
      {changes.map((c) => (
        <TableRow key={c.id} data-testid="subscription-change">
          <TableCell style={{ whiteSpace: 'nowrap' }}>{date(c.at)}</TableCell>
          <TableCell>{tierLabel(tm, c.tier)}</TableCell>
          <TableCell>+{c.seatsAdded}</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {c.includedBefore} → {c.includedAfter}
          </TableCell>
          <TableCell>{c.actorName || c.actorLogin}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
