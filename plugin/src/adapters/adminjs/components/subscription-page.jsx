import React from 'react';
import { Box } from '@adminjs/design-system';

const SubscriptionPage = () => <Box variant="grey" />;

export default SubscriptionPage;
