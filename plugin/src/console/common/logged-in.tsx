import React from 'react';
import { Box, CurrentUserNav } from '@adminjs/design-system';
import { useTranslation, type LoggedInProps } from 'adminjs';

/**
 * AdminJS's user menu, whose "Se déconnecter" signs out by POST (session-routes.ts): a sign-out
 * changes state, so a link, an image or a prefetch can no longer end a session. A plain form
 * post, from this origin, as the server's same-origin check expects.
 */
const LoggedIn = (props: LoggedInProps) => {
  const { session, paths } = props;
  const { translateButton } = useTranslation();
  const signOut = (event: React.MouseEvent) => {
    event.preventDefault();
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = paths.logoutPath;
    document.body.appendChild(form);
    form.submit();
  };
  return (
    <Box flexShrink={0} data-css="logged-in">
      <CurrentUserNav
        name={session.email}
        title={session.title}
        avatarUrl={session.avatarUrl}
        dropActions={[{ label: translateButton('logout'), onClick: signOut, icon: 'LogOut' }]}
      />
    </Box>
  );
};

export default LoggedIn;
