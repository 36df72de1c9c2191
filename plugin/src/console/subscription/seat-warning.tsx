import React, { useState } from 'react';
import { useTranslation } from 'adminjs';
import type { Translate } from '../common/translate.js';
import { Box, Button, Text } from '@adminjs/design-system';
import { isSeatWarning, portierFetch, type ApiResponse } from '../common/portier-api.js';

/**
 * The seat overrun warning (docs/spec/seats.md). A change that would put a licence tier over the
 * subscription comes back as 409 `{ error: 'seats', seats: [{ tier, included, after, over, users }] }`
 * and nothing is changed; the screen says what it would cost, and "Confirmer et facturer" sends
 * the very same call again with `X-Portier-Confirm-Seats: yes`.
 */

/** A licence tier the change would put over the subscription. */
export interface SeatOverrun {
  tier: string;
  included: number;
  after: number;
  over: number;
  /** The users who would take the seats. */
  users: { login: string }[];
}

/** "1 licence" / "9 licences": French is singular up to 1, English only at 1. */
export function counted(tm: Translate, language: string | undefined, key: string, n: number): string {
  const many = language === 'en' ? n !== 1 : n > 1;
  return tm(many ? `${key}Many` : key, { n });
}

const INTERNAL_TIERS = ['limited', 'standard', 'premium'];

/** A tier's name as the profile and client screens say it. */
export const tierLabel = (tm: Translate, tier: string): string => tm(INTERNAL_TIERS.includes(tier) ? `profilesTier_${tier}` : `tier_${tier}`);

/** "Premium : 9 licences utilisées pour 8 incluses — 1 licence facturée en plus (bob)". */
export function overrunLine(o: SeatOverrun, tm: Translate, language: string | undefined): string {
  const logins = [...new Set(o.users.map((u) => u.login))].join(', ');
  return tm('seatsOverrunLine', {
    tier: tierLabel(tm, o.tier),
    used: counted(tm, language, 'seatsUsed', o.after),
    included: counted(tm, language, 'seatsIncluded', o.included),
    over: counted(tm, language, 'seatsOver', o.over),
    users: logins,
    interpolation: { escapeValue: false },
  });
}

/** The warning box: one line per tier over, then "Confirmer et facturer" / "Annuler". */
interface SeatWarningProps {
  seats: SeatOverrun[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export const SeatWarning = ({ seats, busy, onConfirm, onCancel }: SeatWarningProps) => {
  const { translateMessage: tm, i18n } = useTranslation();
  return (
    <Box
      mt="md"
      mb="md"
      p="lg"
      data-testid="seat-warning"
      role="alert"
      style={{ border: '1px solid #E6A700', borderLeft: '4px solid #E6A700', background: '#FFF8E5', maxWidth: 760 }}
    >
      <Text fontWeight="bold" mb="sm">
        {tm('seatsWarningTitle')}
      </Text>
      {seats.map((o) => (
        <Text key={o.tier} mb="xs" data-testid="seat-overrun" data-tier={o.tier}>
          {overrunLine(o, tm, i18n?.language)}
        </Text>
      ))}
      <Text variant="sm" color="grey60" mt="sm">
        {tm('seatsWarningHelp')}
      </Text>
      <Box flex style={{ gap: 8 }} mt="md">
        <Button variant="contained" disabled={busy} onClick={onConfirm} data-testid="seat-confirm">
          {tm('seatsConfirm')}
        </Button>
        <Button variant="outlined" disabled={busy} onClick={onCancel} data-testid="seat-cancel">
          {tm('seatsCancel')}
        </Button>
      </Box>
    </Box>
  );
};

/**
 * `send(path, init)` is `portierFetch` for a change that may take seats: on a seat warning it
 * waits for the user, then resolves with the confirmed call's answer, or with `null` when they
 * cancel (nothing changed, nothing to say). `warning` is the box to render where the change was made.
 */
export function useSeatConfirm() {
  const [pending, setPending] = useState<{ seats: SeatOverrun[]; confirm: () => void; cancel: () => void } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (path: string, init: RequestInit = {}): Promise<ApiResponse | null> => {
    const r = await portierFetch(path, init);
    if (!isSeatWarning(r)) return r;
    return new Promise<ApiResponse | null>((resolve) =>
      setPending({
        seats: r.body.seats ?? [],
        confirm: async () => {
          setBusy(true);
          const confirmed = await portierFetch(path, init, { confirmSeats: true });
          setBusy(false);
          setPending(null);
          resolve(confirmed);
        },
        cancel: () => {
          setPending(null);
          resolve(null);
        },
      }),
    );
  };
  const warning = pending && <SeatWarning seats={pending.seats} busy={busy} onConfirm={pending.confirm} onCancel={pending.cancel} />;
  return { send, warning };
}

export default SeatWarning;
