// The subscription page's tables of users: each row a user (a link to them), then its own cells.
import React from 'react';
import type { Translate } from '../common/translate.js';
import { Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';

export const userLink = (id: number) => `${rootPath()}/resources/User/records/${id}/show`;

/** A table's header row from message keys. */
export const HeaderRow = ({ keys, tm }: { keys: string[]; tm: Translate }) => (
  <TableHead>
    <TableRow>
      {keys.map((k) => (
        <TableCell key={k}>{tm(k)}</TableCell>
      ))}
    </TableRow>
  </TableHead>
);

interface TableUser {
  id: number;
  login: string;
  fullName: string | null;
}

interface UserTableProps<U extends TableUser> {
  users: U[];
  /** The message keys of the extra columns' headers. */
  keys: string[];
  extra: (user: U) => React.ReactNode[];
  /** The message key shown when there is no one. */
  empty: string;
  testId: string;
  tm: Translate;
  mt?: string;
}

/** Users as a table: name (a link to the user), login, then the cells `extra(user)` gives. */
export const UserTable = <U extends TableUser>({ users, keys, extra, empty, testId, tm, mt }: UserTableProps<U>) =>
  users.length === 0 ? (
    <Text color="grey60" mt={mt}>
      {tm(empty)}
    </Text>
  ) : (
    <Table width={1} mt={mt} data-testid={testId}>
      <HeaderRow tm={tm} keys={['subscriptionName', 'subscriptionLogin', ...keys]} />
      <TableBody>
        {users.map((u) => (
          <TableRow key={u.id} data-login={u.login}>
            <TableCell>
              <a href={userLink(u.id)}>{u.fullName || u.login}</a>
            </TableCell>
            <TableCell>{u.login}</TableCell>
            {extra(u).map((cell, i) => (
              <TableCell key={i}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
