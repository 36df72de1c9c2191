import React from 'react';
import { useSelector } from 'react-redux';
import { useTranslation } from 'adminjs';
import { Box, Button, FormGroup, H2, H5, Illustration, Input, Label, MessageBox, Text } from '@adminjs/design-system';

/**
 * AdminJS's sign-in page (its `Login` component, same look), with the link to "Mot de passe
 * oublié ?" under the button: the page that sends a link to choose a new password
 * (adapters/adminjs/password-link-routes.ts), next to this one.
 */
const Login: React.FC = () => {
  const { action, errorMessage: message } = (window as unknown as { __APP_STATE__: { action: string; errorMessage?: string } }).__APP_STATE__;
  const { translateComponent, translateMessage } = useTranslation();
  const branding = useSelector((state: { branding: { companyName: string } }) => state.branding);
  const forgotten = action.replace(/\/login$/, '/forgot-password');
  return (
    <Box flex variant="grey" style={{ alignItems: 'center', justifyContent: 'center', flexDirection: 'column', height: '100%' }}>
      <Box bg="white" height="440px" flex boxShadow="login" width={[1, 2 / 3, 'auto']}>
        <Box bg="primary100" color="white" p="x3" width="380px" flexGrow={0} display={['none', 'none', 'block']} position="relative">
          <H2 fontWeight="lighter">{translateComponent('Login.welcomeHeader')}</H2>
          <Text fontWeight="lighter" mt="default">
            {translateComponent('Login.welcomeMessage')}
          </Text>
          <Box p="xxl" style={{ textAlign: 'center' }}>
            <Illustration variant="FlagInCog" width={82} height={91} />
          </Box>
        </Box>
        <Box as="form" action={action} method="POST" p="x3" flexGrow={1} width={['100%', '100%', '480px']}>
          <H5 marginBottom="xxl">{branding.companyName}</H5>
          {message && <MessageBox my="lg" message={message.split(' ').length > 1 ? message : translateMessage(message)} variant="danger" />}
          <FormGroup>
            <Label required>{translateComponent('Login.properties.email')}</Label>
            <Input name="email" placeholder={translateComponent('Login.properties.email')} autoComplete="username" />
          </FormGroup>
          <FormGroup>
            <Label required>{translateComponent('Login.properties.password')}</Label>
            <Input type="password" name="password" placeholder={translateComponent('Login.properties.password')} autoComplete="current-password" />
          </FormGroup>
          <Text mt="xl" textAlign="center">
            <Button variant="contained">{translateComponent('Login.loginButton')}</Button>
          </Text>
          <Text mt="lg" textAlign="center">
            <a href={forgotten} data-testid="forgot-password-link" style={{ color: '#3040d6' }}>
              {translateComponent('Login.forgotPassword')}
            </a>
          </Text>
        </Box>
      </Box>
    </Box>
  );
};

export default Login;
