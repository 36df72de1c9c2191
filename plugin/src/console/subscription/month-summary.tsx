import React, { useEffect, useState } from 'react';
import { Box, Button, H3, H4, Label, Loader, MessageBox, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { HeaderRow } from './user-table.js';
import { tierLabel } from './seat-warning.js';
import { SubscriptionChanges } from './seat-packs.js';
import type { MonthSummary as Summary } from './subscription-types.js';

const PARIS = 'Europe/Paris';

/**
 * Printed, the page holds the summary only: every element that neither is the summary, nor is in
 * it, nor contains it (AdminJS's sidebar, top bar, the rest of the page) is left out, and those
 * containing it lose their frames and heights, so that it starts at the top of the first page.
 */
const AREA = '[data-print-area="month-summary"]';
const PRINT_CSS = `
@media print {
  body *:not(:has(${AREA})):not(${AREA}):not(${AREA} *) { display: none !important; }
  body *:has(${AREA}) {
    margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important;
    position: static !important; height: auto !important; min-height: 0 !important; max-height: none !important;
    width: auto !important; max-width: none !important; overflow: visible !important;
  }
  ${AREA} { color: #000; font-size: 11pt; }
  ${AREA} table { width: 100%; border-collapse: collapse; }
  ${AREA} tr { break-inside: avoid; }
  @page { margin: 14mm; }
}`;

interface Formats {
  date: (v: string) => string;
  monthName: (month: string) => string;
}

function formats(language: string | undefined): Formats {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: PARIS });
  // The 15th at noon UTC is in the month whatever the zone.
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: PARIS });
  return { date: (v) => dateTime.format(new Date(v)), monthName: (m) => month.format(new Date(`${m}-15T12:00:00Z`)) };
}

/** The summary itself: heading, totals per tier, billing events, subscription changes. */
const SummaryBody = ({ data, tm, f }: { data: Summary; tm: Translate; f: Formats }) => {
  const heading = tm('summaryHeading', { month: f.monthName(data.month), interpolation: { escapeValue: false } });
  return (
    <Box data-testid="summary-body">
      <H3 mb="xs">{heading.charAt(0).toUpperCase() + heading.slice(1)}</H3>
      <Text variant="sm" color="grey60" mb="lg">
        {tm('summaryPrintedAt', { date: f.date(new Date().toISOString()) })}
      </Text>
      <H4 mb="sm">{tm('summaryTotals')}</H4>
      {data.totals.length === 0 ? (
        <Text color="grey60" mb="lg">
          {tm('summaryNothing')}
        </Text>
      ) : (
        <Table mb="lg" data-testid="summary-totals" style={{ width: 'auto', minWidth: 420 }}>
          <HeaderRow tm={tm} keys={['subscriptionTier', 'summaryBilled', 'summaryAddedSeats']} />
          <TableBody>
            {data.totals.map((t) => (
              <TableRow key={t.tier} data-tier={t.tier}>
                <TableCell>{tierLabel(tm, t.tier)}</TableCell>
                <TableCell>{t.billed}</TableCell>
                <TableCell>{t.added ? `+${t.added}` : 0}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <H4 mb="sm" mt="lg">
        {tm('summaryEvents', { n: data.events.length })}
      </H4>
      {data.events.length === 0 ? (
        <Text color="grey60">{tm('summaryNoEvent')}</Text>
      ) : (
        <Table width={1} data-testid="summary-events">
          <HeaderRow tm={tm} keys={['subscriptionAt', 'subscriptionTier', 'subscriptionUser', 'subscriptionCause', 'subscriptionBy']} />
          <TableBody>
            {data.events.map((e) => (
              <TableRow key={e.id} data-testid="summary-event">
                <TableCell style={{ whiteSpace: 'nowrap' }}>{f.date(e.at)}</TableCell>
                <TableCell>{tierLabel(tm, e.tier)}</TableCell>
                <TableCell>
                  {e.userName || e.userLogin}
                  {e.accountId ? ` — ${tm('subscriptionDossier', { id: e.accountId })}` : ''}
                </TableCell>
                <TableCell>{e.cause}</TableCell>
                <TableCell>{e.actorName || e.actorLogin || tm('subscriptionImport')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <H4 mb="sm" mt="xl">
        {tm('summaryChanges', { n: data.changes.length })}
      </H4>
      {data.changes.length === 0 ? (
        <Text color="grey60">{tm('summaryNoChange')}</Text>
      ) : (
        <SubscriptionChanges changes={data.changes} tm={tm} date={f.date} testId="summary-changes" />
      )}
    </Box>
  );
};

/**
 * "Récapitulatif mensuel" of "Mon abonnement" (docs/seats.md): a month to choose (this one by
 * default), its billing events and subscription changes with totals per tier, dates in Paris
 * time; "Imprimer" prints the summary alone (PRINT_CSS). `version` changes when a pack is added.
 */
const MonthSummary = ({ tm, language, version }: { tm: Translate; language: string | undefined; version: number }) => {
  const [month, setMonth] = useState<string | null>(null);
  const [data, setData] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    portierGet<Summary>(`/subscription/summary${month ? `?month=${month}` : ''}`).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [month, version]);
  const f = formats(language);
  return (
    <Box data-testid="month-summary">
      <style>{PRINT_CSS}</style>
      <Box flex flexWrap="wrap" justifyContent="space-between" alignItems="flex-end" style={{ gap: 16 }} mb="lg">
        <Box>
          <H4>{tm('summaryTitle')}</H4>
          <Text color="grey60">{tm('summaryIntro')}</Text>
        </Box>
        <Box flex alignItems="flex-end" style={{ gap: 12 }}>
          <Box>
            <Label>{tm('summaryMonth')}</Label>
            <input
              type="month"
              data-testid="summary-month"
              value={month ?? data?.month ?? ''}
              max={data?.current}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
              style={{ padding: '7px 10px', border: '1px solid #C0C0CA', borderRadius: 2 }}
            />
          </Box>
          <Button variant="outlined" onClick={() => window.print()} disabled={!data} data-testid="summary-print">
            {tm('summaryPrint')}
          </Button>
        </Box>
      </Box>
      {error && <MessageBox variant="danger" message={error} />}
      {!data && !error && <Loader />}
      {data && (
        <div data-print-area="month-summary">
          <SummaryBody data={data} tm={tm} f={f} />
        </div>
      )}
    </Box>
  );
};

export default MonthSummary;
