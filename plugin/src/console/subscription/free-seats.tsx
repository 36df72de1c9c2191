import React from 'react';
import type { TranslateFunction } from 'adminjs';
import { UserTable } from './user-table.js';
import type { FreeSeatUser } from './subscription-types.js';

/** The users whose seat is offered, with the reason an admin gave. */
export const FreeSeats = ({ users, tm }: { users: FreeSeatUser[]; tm: TranslateFunction }) => (
  <UserTable
    users={users}
    tm={tm}
    testId="free-seats"
    empty="subscriptionNoFreeSeat"
    keys={['subscriptionKind', 'subscriptionReason', 'subscriptionStatus']}
    extra={(u) => [tm(`subscriptionKind_${u.kind}`), u.reason, tm(`subscriptionStatus_${u.status}`)]}
  />
);
