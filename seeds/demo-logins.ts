/** The demo's well-known logins, printed by `npm start` when it loads the demo. */
export const DEMO_PASSWORD = 'Portier2024';

export const DEMO_LOGINS: Array<{ login: string; description: string }> = [
  { login: 'admin', description: 'administrateur (isAdmin): tous les droits' },
];
