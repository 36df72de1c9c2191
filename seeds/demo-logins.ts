/** The demo's well-known logins, printed by `npm start` when it loads the demo. */
export const DEMO_PASSWORD = 'Portier2024';

export const DEMO_LOGINS: Array<{ login: string; description: string }> = [
  { login: 'admin', description: 'Sébastien Roux, administrateur (isAdmin) : tous les droits' },
  { login: 'direction', description: 'François Gauthier, direction générale : voit tout (profil Direction)' },
  { login: 'manager', description: 'Julien Morel, responsable des ventes Auvergne-Rhône-Alpes' },
  { login: 'commercial', description: 'Émilie Durand, commerciale à Lyon : « Mes clients »' },
  { login: 'support', description: 'Marion Lacroix, service client' },
  { login: 'compta', description: 'Sandrine Leclerc, comptabilité' },
  { login: 'client', description: 'Hélène Morel, cliente (Fiduciaire Morel) : deux dossiers, sous deux profils clients' },
  { login: 'g.lebrun', description: "Gilles Lebrun, chef d'équipe partenaire : voit son équipe, demande les changements d'accès" },
  { login: 'consultant', description: 'Arnaud Brunet, consultant accès : utilisateurs, profils, rôles, équipes, partage' },
];
