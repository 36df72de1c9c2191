import React from 'react';
import { Box } from '@adminjs/design-system';

const AccessRequestsPage = () => <Box variant="grey" />;

export default AccessRequestsPage;
