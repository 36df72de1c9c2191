import React from 'react';
import { Box } from '@adminjs/design-system';

const BLUE = '#4268F6';
const RED = '#C20012';

/**
 * Used against included seats: the seats within the subscription in blue, those over it in red,
 * the seats still free in grey. The bar's whole is the larger of used and included.
 */
export const SeatBar = ({ used, included }: { used: number; included: number }) => {
  const whole = Math.max(used, included, 1);
  const within = Math.min(used, included);
  const over = Math.max(0, used - included);
  const pct = (n: number) => `${(100 * n) / whole}%`;
  return (
    <Box flex style={{ height: 12, width: '100%', background: '#E6E6EE', borderRadius: 6, overflow: 'hidden' }} data-testid="seat-bar">
      <Box style={{ width: pct(within), background: BLUE }} />
      <Box style={{ width: pct(over), background: RED }} />
    </Box>
  );
};
