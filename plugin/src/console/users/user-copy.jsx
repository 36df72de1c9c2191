import React, { useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, FormGroup, H4, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.ts';
import { useSeatConfirm } from '../subscription/seat-warning.tsx';

const FIELDS = [['login', 'text'], ['email', 'email'], ['firstName', 'text'], ['lastName', 'text'], ['password', 'password']];

/**
 * "Copier": a new user with this one's role, company, title, department, manager and login hours.
 * A copy that takes a seat over the subscription shows the seat warning first.
 */
const UserCopy = ({ record }) => {
  const { translateMessage: tm, translateProperty: tp } = useTranslation();
  const [values, setValues] = useState({ login: '', email: '', firstName: '', lastName: '', password: '' });
  const [outcome, setOutcome] = useState(null);
  const seats = useSeatConfirm();
  const go = async () => {
    const r = await seats.send(`/users/${record.id}/copy`, { method: 'POST', body: JSON.stringify(values) });
    if (r) setOutcome({ ok: r.status === 200, message: r.body.message, id: r.body.id });
  };
  return (
    <Box variant="white" data-testid="user-copy">
      <H4>{tm('usersCopyTitle', { login: record.params.login })}</H4>
      <Text mb="lg" color="grey60">{tm('usersCopyHelp')}</Text>
      {FIELDS.map(([name, type]) => (
        <FormGroup key={name}>
          <Label required={name !== 'firstName' && name !== 'lastName'}>{tp(name, 'User')}</Label>
          <Input type={type} name={name} data-testid={`copy-${name}`} value={values[name]} onChange={(e) => setValues({ ...values, [name]: e.target.value })} style={{ width: 360 }} />
        </FormGroup>
      ))}
      {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="user-copy-outcome" />}
      {seats.warning}
      {outcome?.ok
        ? <Button as="a" href={`${rootPath()}/resources/User/records/${outcome.id}/edit`}>{tm('usersOpenCopy')}</Button>
        : !seats.warning && <Button variant="contained" onClick={go} data-testid="user-copy-go">{tm('usersCopyGo')}</Button>}
    </Box>
  );
};

export default UserCopy;
