import React from 'react';
import { MessageBox } from '@adminjs/design-system';
import type { TeamsOutcome } from './teams-types.js';

/** The server's answer to the last action, shown where that action was made (`where`). */
export const Outcome = ({ outcome, where, onClose }: { outcome: TeamsOutcome | null; where: string; onClose: () => void }) =>
  outcome?.where === where ? (
    <MessageBox mt="md" mb="md" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} onCloseClick={onClose} data-testid="teams-outcome" />
  ) : null;
