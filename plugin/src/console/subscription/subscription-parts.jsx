import React, { useState } from 'react';
import { Badge, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import { counted, tierLabel } from './seat-warning.jsx';

const BLUE = '#4268F6';
const RED = '#C20012';
export const userLink = (id) => `${rootPath()}/resources/User/records/${id}/show`;

/** A table's header row from message keys. */
export const HeaderRow = ({ keys, tm }) => (
  <TableHead><TableRow>{keys.map((k) => <TableCell key={k}>{tm(k)}</TableCell>)}</TableRow></TableHead>
);

/**
 * Used against included seats: the seats within the subscription in blue, those over it in red,
 * the seats still free in grey. The bar's whole is the larger of used and included.
 */
export const SeatBar = ({ used, included }) => {
  const whole = Math.max(used, included, 1);
  const within = Math.min(used, included);
  const over = Math.max(0, used - included);
  const pct = (n) => `${(100 * n) / whole}%`;
  return (
    <Box flex style={{ height: 12, width: '100%', background: '#E6E6EE', borderRadius: 6, overflow: 'hidden' }} data-testid="seat-bar">
      <Box style={{ width: pct(within), background: BLUE }} />
      <Box style={{ width: pct(over), background: RED }} />
    </Box>
  );
};

/** Users as a table: name (a link to the user), login, then the cells `extra(user)` gives. */
const UserTable = ({ users, keys, extra, empty, testId, tm, mt }) => (
  users.length === 0 ? <Text color="grey60" mt={mt}>{tm(empty)}</Text> : (
    <Table width={1} mt={mt} data-testid={testId}>
      <HeaderRow tm={tm} keys={['subscriptionName', 'subscriptionLogin', ...keys]} />
      <TableBody>
        {users.map((u) => (
          <TableRow key={u.id} data-login={u.login}>
            <TableCell><a href={userLink(u.id)}>{u.fullName || u.login}</a></TableCell>
            <TableCell>{u.login}</TableCell>
            {extra(u).map((cell, i) => <TableCell key={i}>{cell}</TableCell>)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
);

/** Who holds a tier's seats: name, login, role, admin, and for a client user the seats (one per dossier). */
const Holders = ({ holders, tm }) => (
  <UserTable users={holders} tm={tm} mt="md" testId="seat-holders" empty="subscriptionNoHolder"
    keys={['subscriptionRole', 'subscriptionAdmin', 'subscriptionSeats']}
    extra={(h) => [
      h.kind === 'client' ? <Text as="span" color="grey60">{tm('subscriptionKind_client')}</Text> : h.role ?? '—',
      h.isAdmin ? <Badge size="sm" variant="primary" outline>{tm('subscriptionAdmin')}</Badge> : '',
      h.seats,
    ]} />
);

/** One tier: its name, used / included with the bar, what is over (red) or still free, and its holders on demand. */
export const TierRow = ({ tier, tm, language }) => {
  const [open, setOpen] = useState(false);
  const free = tier.included - tier.used;
  return (
    <Box py="lg" style={{ borderBottom: '1px solid #F0F0F5' }} data-testid="seat-tier" data-tier={tier.tier}>
      <Box flex alignItems="center" style={{ gap: 16 }}>
        <Text fontWeight="bold" style={{ width: 230, flexShrink: 0 }}>{tierLabel(tm, tier.tier)}</Text>
        <Text style={{ width: 70, flexShrink: 0, color: tier.over ? RED : undefined }} fontWeight="bold" data-testid="seat-used">
          {tm('subscriptionUsedOf', { used: tier.used, included: tier.included })}
        </Text>
        <Box style={{ flex: '1 1 200px', maxWidth: 420 }}><SeatBar used={tier.used} included={tier.included} /></Box>
        <Text style={{ width: 170, flexShrink: 0, color: tier.over ? RED : undefined }} variant="sm" data-testid="seat-state">
          {tier.over ? counted(tm, language, 'subscriptionOverBy', tier.over) : free > 0 ? counted(tm, language, 'subscriptionFree', free) : tm('subscriptionFull')}
        </Text>
        <Button size="sm" variant="text" disabled={!tier.holders.length} onClick={() => setOpen(!open)} data-testid="seat-holders-toggle">
          {open ? tm('subscriptionHide') : tm('subscriptionHolders', { n: tier.holders.length })}
        </Button>
      </Box>
      {open && <Holders holders={tier.holders} tm={tm} />}
    </Box>
  );
};

/** The users whose seat is offered, with the reason an admin gave. */
export const FreeSeats = ({ users, tm }) => (
  <UserTable users={users} tm={tm} testId="free-seats" empty="subscriptionNoFreeSeat"
    keys={['subscriptionKind', 'subscriptionReason', 'subscriptionStatus']}
    extra={(u) => [tm(`subscriptionKind_${u.kind}`), u.reason, tm(`subscriptionStatus_${u.status}`)]} />
);
