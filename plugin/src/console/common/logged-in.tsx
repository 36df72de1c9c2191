import React, { useEffect } from 'react';
import { Box, CurrentUserNav } from '@adminjs/design-system';
import { useTranslation, type LoggedInProps } from 'adminjs';
import { portierFetch } from './portier-api.js';

/**
 * AdminJS's user menu, whose "Se déconnecter" signs out by POST (session-routes.ts): a sign-out
 * changes state, so a link, an image or a prefetch can no longer end a session. A plain form
 * post, from this origin, as the server's same-origin check expects.
 */
const LoggedIn = (props: LoggedInProps) => {
  const { session, paths } = props;
  const { translateButton, i18n } = useTranslation();
  // The language chosen in the top bar is the user's (`locale`): saved, then the page is loaded
  // again so that what the server wrote (lists, messages, dates) follows it too.
  useEffect(() => {
    const saved = (session as { locale?: string }).locale;
    const keep = (language: string) => {
      if (language === saved || (language !== 'fr' && language !== 'en')) return;
      void portierFetch('/account/locale', { method: 'POST', body: JSON.stringify({ locale: language }) }).then(({ status }) => {
        if (status === 200) window.location.reload();
      });
    };
    i18n.on('languageChanged', keep);
    return () => i18n.off('languageChanged', keep);
  }, [i18n, session]);
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
