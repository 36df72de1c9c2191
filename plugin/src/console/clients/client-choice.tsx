// What the client screens share: their pickers, and how they name a dossier.
import React from 'react';
import { Picker } from '../common/access-pickers.js';

/** The client screens' pickers are the shared native selects (short lists). */
export const Choice = (props: Omit<React.ComponentProps<typeof Picker>, 'width'>) => <Picker width={220} {...props} />;

/** An Account as a dossier: its reference, and its name when the viewer may read it (the server sends null otherwise). */
export const accountLabel = (reference: string, name: string | null) => (name ? `${reference} ${name}` : reference);
