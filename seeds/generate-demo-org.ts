/**
 * Generates seeds/demo-org.json: the demo organisation of "Maison Verdier", a B2B distributor of
 * bakery and catering equipment (head office in Lyon, sales offices in Paris, Marseille, Grenoble
 * and Nice). Deterministic: a seeded PRNG (mulberry32), no clock, no locale-dependent sorting, so
 * that two runs write byte-identical files.
 *
 *   npx tsx --conditions=portier-source seeds/generate-demo-org.ts   (from the repository root)
 *
 * The file is written in the exporter's canonical form (plugin/src/services/org/export.ts): every key the
 * exporter always writes is present, optional keys only when they differ from their default, so
 * that importing it and exporting it back gives the same document (test/integration/org/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-org.json');
const PASSWORD = 'Portier2024';
const COMPANY = 'Maison Verdier';
const PARTNER_COMPANY = 'Fournil Partenaire';
const DOMAIN = 'maison-verdier.test';
const PARTNER_DOMAIN = 'boulangerie-partenaire.test';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(0x5eed2024);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}
function shuffled<T>(list: readonly T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Code-unit order: the same on every machine, whatever the ICU data. */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Dates (all computed from a fixed "today", never from the clock)

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 2, 2); // Monday 2 March 2026
const dateStr = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysFromToday = (d: number) => TODAY + d * DAY;
function weekday(ms: number): number {
  const w = new Date(ms).getUTCDay();
  return w === 6 ? ms + 2 * DAY : w === 0 ? ms + DAY : ms;
}

// ---------------------------------------------------------------------------------------------
// Geography: the three sales regions and their cities

type Region = 'ARA-Lyon' | 'ARA-Alpes' | 'IDF' | 'SE-Provence' | 'SE-Azur';
interface City {
  name: string;
  postalCodes: string[];
  phone: string[];
  region: Region;
  country?: string;
}

const CITIES: City[] = [
  {
    name: 'Lyon',
    postalCodes: ['69001', '69002', '69003', '69004', '69005', '69006', '69007', '69008', '69009'],
    phone: ['+33 4 72', '+33 4 78', '+33 4 37'],
    region: 'ARA-Lyon',
  },
  { name: 'Villeurbanne', postalCodes: ['69100'], phone: ['+33 4 72', '+33 4 78'], region: 'ARA-Lyon' },
  { name: 'Vénissieux', postalCodes: ['69200'], phone: ['+33 4 78'], region: 'ARA-Lyon' },
  { name: 'Caluire-et-Cuire', postalCodes: ['69300'], phone: ['+33 4 78'], region: 'ARA-Lyon' },
  { name: 'Villefranche-sur-Saône', postalCodes: ['69400'], phone: ['+33 4 74'], region: 'ARA-Lyon' },
  { name: 'Saint-Étienne', postalCodes: ['42000', '42100'], phone: ['+33 4 77'], region: 'ARA-Lyon' },
  { name: 'Roanne', postalCodes: ['42300'], phone: ['+33 4 77'], region: 'ARA-Lyon' },
  { name: 'Bourg-en-Bresse', postalCodes: ['01000'], phone: ['+33 4 74'], region: 'ARA-Lyon' },
  { name: 'Clermont-Ferrand', postalCodes: ['63000', '63100'], phone: ['+33 4 73'], region: 'ARA-Lyon' },
  { name: 'Vienne', postalCodes: ['38200'], phone: ['+33 4 74'], region: 'ARA-Lyon' },
  { name: 'Valence', postalCodes: ['26000'], phone: ['+33 4 75'], region: 'ARA-Alpes' },
  { name: 'Grenoble', postalCodes: ['38000', '38100'], phone: ['+33 4 76'], region: 'ARA-Alpes' },
  { name: 'Échirolles', postalCodes: ['38130'], phone: ['+33 4 76'], region: 'ARA-Alpes' },
  { name: 'Annecy', postalCodes: ['74000'], phone: ['+33 4 50'], region: 'ARA-Alpes' },
  { name: 'Chambéry', postalCodes: ['73000'], phone: ['+33 4 79'], region: 'ARA-Alpes' },
  { name: 'Aix-les-Bains', postalCodes: ['73100'], phone: ['+33 4 79'], region: 'ARA-Alpes' },
  {
    name: 'Paris',
    postalCodes: ['75002', '75003', '75005', '75009', '75010', '75011', '75012', '75014', '75015', '75017', '75018', '75020'],
    phone: ['+33 1 42', '+33 1 43', '+33 1 44', '+33 1 45', '+33 1 47'],
    region: 'IDF',
  },
  { name: 'Boulogne-Billancourt', postalCodes: ['92100'], phone: ['+33 1 46'], region: 'IDF' },
  { name: 'Nanterre', postalCodes: ['92000'], phone: ['+33 1 47'], region: 'IDF' },
  { name: 'Versailles', postalCodes: ['78000'], phone: ['+33 1 39'], region: 'IDF' },
  { name: 'Saint-Denis', postalCodes: ['93200'], phone: ['+33 1 48'], region: 'IDF' },
  { name: 'Montreuil', postalCodes: ['93100'], phone: ['+33 1 48'], region: 'IDF' },
  { name: 'Créteil', postalCodes: ['94000'], phone: ['+33 1 43'], region: 'IDF' },
  { name: 'Vincennes', postalCodes: ['94300'], phone: ['+33 1 43'], region: 'IDF' },
  { name: 'Argenteuil', postalCodes: ['95100'], phone: ['+33 1 39'], region: 'IDF' },
  {
    name: 'Marseille',
    postalCodes: ['13001', '13002', '13004', '13005', '13006', '13008', '13009', '13012', '13013'],
    phone: ['+33 4 91'],
    region: 'SE-Provence',
  },
  { name: 'Aix-en-Provence', postalCodes: ['13090', '13100'], phone: ['+33 4 42'], region: 'SE-Provence' },
  { name: 'Aubagne', postalCodes: ['13400'], phone: ['+33 4 42'], region: 'SE-Provence' },
  { name: 'Toulon', postalCodes: ['83000', '83100'], phone: ['+33 4 94'], region: 'SE-Provence' },
  { name: 'Avignon', postalCodes: ['84000'], phone: ['+33 4 90'], region: 'SE-Provence' },
  { name: 'Arles', postalCodes: ['13200'], phone: ['+33 4 90'], region: 'SE-Provence' },
  { name: 'Nîmes', postalCodes: ['30000'], phone: ['+33 4 66'], region: 'SE-Provence' },
  { name: 'Montpellier', postalCodes: ['34000', '34070'], phone: ['+33 4 67'], region: 'SE-Provence' },
  { name: 'Nice', postalCodes: ['06000', '06100', '06300'], phone: ['+33 4 93'], region: 'SE-Azur' },
  { name: 'Cannes', postalCodes: ['06400'], phone: ['+33 4 93'], region: 'SE-Azur' },
  { name: 'Antibes', postalCodes: ['06600'], phone: ['+33 4 93'], region: 'SE-Azur' },
  { name: 'Grasse', postalCodes: ['06130'], phone: ['+33 4 93'], region: 'SE-Azur' },
  { name: 'Menton', postalCodes: ['06500'], phone: ['+33 4 93'], region: 'SE-Azur' },
  { name: 'Monaco', postalCodes: ['98000'], phone: ['+377 93'], region: 'SE-Azur', country: 'Monaco' },
];

const STREET_TYPES = ['rue', 'rue', 'rue', 'avenue', 'boulevard', 'place', 'quai', 'chemin', 'cours', 'impasse', 'allée'];
const STREET_NAMES = [
  'de la République',
  'Victor-Hugo',
  'Jean-Jaurès',
  'des Tanneurs',
  'du Commerce',
  'de la Gare',
  'Pasteur',
  'Gambetta',
  'de la Liberté',
  'du Marché',
  'des Boulangers',
  'Saint-Jean',
  'du Général-de-Gaulle',
  'Paul-Bert',
  'des Capucins',
  'de la Paix',
  'Émile-Zola',
  'Carnot',
  'Voltaire',
  'des Lilas',
  'Sainte-Catherine',
  'de Verdun',
  'Anatole-France',
  'Lamartine',
  'des Écoles',
  'du Moulin',
  'Henri-Barbusse',
  'des Halles',
  'Jules-Ferry',
  'Thiers',
  'Alsace-Lorraine',
  'Félix-Faure',
  'Aristide-Briand',
  'du 8-Mai-1945',
  'de la Fontaine',
  'des Artisans',
];
/** Streets that only exist in one city, used there only. */
const LOCAL_STREETS: Record<string, string[]> = {
  Lyon: [
    'rue Mercière',
    'rue de la Charité',
    'rue du Président-Édouard-Herriot',
    'rue Garibaldi',
    'grande rue de la Croix-Rousse',
    'cours Franklin-Roosevelt',
    'rue Paul-Bert',
    'quai Saint-Antoine',
  ],
  Paris: [
    'rue de Vaugirard',
    'rue Oberkampf',
    'rue de Charonne',
    'rue de Belleville',
    'rue du Faubourg-Saint-Antoine',
    'rue Lecourbe',
    'rue de la Roquette',
    'rue des Martyrs',
  ],
  Marseille: ['la Canebière', 'rue Paradis', 'rue de Rome', 'rue Saint-Ferréol', 'boulevard Longchamp', 'rue Sainte'],
  Nice: ['avenue Jean-Médecin', 'rue Masséna', 'rue de France', 'rue Gioffredo', 'boulevard Gambetta'],
  Grenoble: ['cours Berriat', 'rue Félix-Poulat', 'avenue Alsace-Lorraine', 'cours Jean-Jaurès'],
  Monaco: ['boulevard des Moulins', 'rue Grimaldi', 'boulevard Princesse-Charlotte'],
};
function street(city: City): string {
  const local = LOCAL_STREETS[city.name];
  const name = local && chance(0.5) ? pick(local) : `${pick(STREET_TYPES)} ${pick(STREET_NAMES)}`;
  return `${int(1, 148)}${chance(0.08) ? ' bis' : ''} ${name}`;
}
const phoneIn = (c: City) => `${pick(c.phone)} ${digits(2)} ${digits(2)} ${digits(2)}`;
const mobile = () => `+33 ${pick(['6', '6', '7'])} ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;

function luhnCheckDigit(body: string): string {
  // The digit that makes body + digit pass the Luhn check.
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let n = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}
const usedSirets = new Set<string>();
function siret(): string {
  for (;;) {
    const siren = String(int(3, 9)) + digits(7);
    const full = siren + luhnCheckDigit(siren);
    const nic = '000' + String(int(1, 5));
    const s = full + nic + luhnCheckDigit(full + nic);
    if (s.length === 14 && !usedSirets.has(s)) {
      usedSirets.add(s);
      return s;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// People

const FIRST_F = [
  'Adèle',
  'Agathe',
  'Agnès',
  'Amélie',
  'Anaïs',
  'Annabelle',
  'Aurélie',
  'Bérénice',
  'Brigitte',
  'Capucine',
  'Céline',
  'Chloé',
  'Clémence',
  'Danièle',
  'Delphine',
  'Éléonore',
  'Élise',
  'Élodie',
  'Émilie',
  'Estelle',
  'Éva',
  'Fanny',
  'Françoise',
  'Gaëlle',
  'Geneviève',
  'Hélène',
  'Inès',
  'Isabelle',
  'Joëlle',
  'Julie',
  'Laëtitia',
  'Léa',
  'Léonie',
  'Lucie',
  'Maëlle',
  'Manon',
  'Margaux',
  'Marie',
  'Marion',
  'Mélanie',
  'Mylène',
  'Nathalie',
  'Noémie',
  'Océane',
  'Pauline',
  'Renée',
  'Sandrine',
  'Sophie',
  'Stéphanie',
  'Sylvie',
  'Thérèse',
  'Valérie',
  'Virginie',
  'Zoé',
];
const FIRST_M = [
  'Adrien',
  'Alexandre',
  'Antoine',
  'Arnaud',
  'Benoît',
  'Bertrand',
  'Cédric',
  'Christophe',
  'Clément',
  'Damien',
  'Denis',
  'Didier',
  'Émile',
  'Éric',
  'Étienne',
  'Fabrice',
  'François',
  'Frédéric',
  'Gaël',
  'Gérald',
  'Grégoire',
  'Guillaume',
  'Hervé',
  'Hugo',
  'Jérémie',
  'Jérôme',
  'Joël',
  'Julien',
  'Laurent',
  'Loïc',
  'Lucas',
  'Marc',
  'Mathéo',
  'Mathieu',
  'Maxime',
  'Michaël',
  'Noël',
  'Olivier',
  'Pascal',
  'Philippe',
  'Raphaël',
  'Rémi',
  'Sébastien',
  'Stéphane',
  'Théo',
  'Thibault',
  'Valentin',
  'Xavier',
  'Yannick',
  'Yves',
];
const LAST = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefèvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefebvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
  'Dufour',
  'Meunier',
  'Brun',
  'Blanchard',
  'Giraud',
  'Joly',
  'Rivière',
  'Lucas',
  'Brunet',
  'Gaillard',
  'Barbier',
  'Arnaud',
  'Martinez',
  'Gérard',
  'Roche',
  'Renard',
  'Schmitt',
  'Roy',
  'Leroux',
  'Colin',
  'Vidal',
  'Caron',
  'Picard',
  'Roger',
  'Fabre',
  'Aubert',
  'Lemoine',
  'Renaud',
  'Dumas',
  'Lacroix',
  'Olivier',
  'Philippe',
  'Bourgeois',
  'Pierre',
  'Benoît',
  'Rey',
  'Leclerc',
  'Payet',
  'Rolland',
  'Leclercq',
  'Guillaume',
  'Lecomte',
  'Lopez',
  'Jean',
  'Dupuy',
  'Guillot',
  'Hubert',
  'Berger',
  'Carpentier',
  'Dupuis',
  'Moulin',
  'Louis',
  'Deschamps',
  'Huet',
  'Vasseur',
  'Perez',
  'Boucher',
  'Fleury',
  'Royer',
  'Klein',
  'Jacquet',
  'Adam',
  'Paris',
  'Poirier',
  'Marty',
  'Aubry',
  'Guyot',
  'Carré',
  'Charles',
  'Renault',
  'Charpentier',
  'Ménard',
  'Maillard',
  'Baron',
  'Bertin',
  'Bailly',
  'Hervé',
  'Schneider',
  'Fernandez',
  'Le Gall',
  'Collet',
  'Léger',
  'Bouvier',
  'Julien',
  'Prévost',
  'Millet',
  'Perrot',
  'Daniel',
  'Le Roux',
  'Cousin',
  'Germain',
  'Breton',
  'Besson',
  'Langlois',
  'Rémy',
  'Le Goff',
  'Pelletier',
  'Lévêque',
  'Perrier',
  'Leblanc',
  'Barré',
  'Lebrun',
  'Marchal',
  'Weber',
  'Mallet',
  'Hamel',
  'Boulanger',
  'Jacob',
  'Monnier',
  'Michaud',
  'Rodriguez',
  'Guichard',
  'Gillet',
  'Étienne',
  'Grondin',
  'Poulain',
  'Tessier',
  'Chevallier',
  'Collin',
  'Chauvin',
  'Da Silva',
  'Bouchet',
  'Gay',
  'Lemaître',
  'Bénard',
  'Maréchal',
  'Humbert',
  'Reynaud',
  'Antoine',
  'Hoarau',
  'Perret',
  'Barthélemy',
  'Cordier',
  'Pichon',
  'Lejeune',
  'Gilbert',
  'Lamy',
  'Delaunay',
  'Pasquier',
  'Carlier',
  'Laporte',
  'Benali',
  'Haddad',
  'Nguyen',
  'Chabert',
  'Vallée',
  'Ferrand',
  'Delorme',
  'Jourdan',
];
const personFirst = () => (chance(0.5) ? pick(FIRST_F) : pick(FIRST_M));

// ---------------------------------------------------------------------------------------------
// Access set-up: profiles

const MODULES = ['Lead', 'Account', 'Contact', 'Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice', 'Activity'] as const;
type Module = (typeof MODULES)[number];
type Priv = { create: boolean; read: boolean; edit: boolean; delete: boolean; export: boolean };

/** "crude" letters: c r e d x (x = export). */
function priv(spec: string): Priv {
  return { create: spec.includes('c'), read: spec.includes('r'), edit: spec.includes('e'), delete: spec.includes('d'), export: spec.includes('x') };
}
function modules(spec: Partial<Record<Module, string>>): Record<string, Priv> {
  return Object.fromEntries(MODULES.filter((m) => spec[m] !== undefined).map((m) => [m, priv(spec[m]!)]));
}
const everyModule = (spec: string) => modules(Object.fromEntries(MODULES.map((m) => [m, spec])) as Record<Module, string>);

interface Profile {
  name: string;
  description: string;
  system: boolean;
  default: boolean;
  licenseTier: 'limited' | 'standard' | 'premium';
  viewAll: boolean;
  editAll: boolean;
  capabilities: string[];
  modules: Record<string, Priv>;
  contactScopes: Record<string, string>;
  fields: Record<string, Record<string, string>>;
}
const profile = (p: Partial<Profile> & Pick<Profile, 'name' | 'description' | 'licenseTier'>): Profile => ({
  name: p.name,
  description: p.description,
  system: p.system ?? false,
  default: p.default ?? false,
  licenseTier: p.licenseTier,
  viewAll: p.viewAll ?? false,
  editAll: p.editAll ?? false,
  capabilities: p.capabilities ?? [],
  modules: p.modules ?? {},
  contactScopes: p.contactScopes ?? {},
  fields: p.fields ?? {},
});

const profiles: Profile[] = [
  profile({
    name: 'Administrateur',
    description: 'Tous les droits : paramétrage, utilisateurs, données de tous les modules',
    system: true,
    licenseTier: 'premium',
    viewAll: true,
    editAll: true,
    capabilities: ['manageUsers', 'manageAccess', 'viewAudit', 'viewStats', 'requestAccessChanges'],
    modules: everyModule('credx'),
  }),
  profile({
    name: 'Direction',
    description: 'Comité de direction : voit toutes les données, consulte le journal et les statistiques, ne supprime rien',
    licenseTier: 'premium',
    viewAll: true,
    capabilities: ['viewAudit', 'viewStats'],
    modules: everyModule('crex'),
  }),
  profile({
    name: 'Commercial',
    description: 'Commerciaux terrain et sédentaires : pistes, comptes, contacts, affaires, devis et commandes',
    default: true,
    licenseTier: 'standard',
    modules: modules({
      Lead: 'cred',
      Account: 'cre',
      Contact: 'cred',
      Deal: 'cred',
      Quote: 'cred',
      SalesOrder: 'cre',
      Ticket: 'cr',
      Invoice: 'r',
      Activity: 'cred',
    }),
    contactScopes: { client: 'mine', prospect: 'all', supplier: 'none', other: 'all' },
    fields: { Contact: { phone: 'read' } },
  }),
  profile({
    name: 'Support',
    description: 'Service client et SAV : tickets, interventions, suivi des clients',
    licenseTier: 'standard',
    modules: modules({ Ticket: 'credx', Activity: 'cred', Account: 'r', Contact: 're', SalesOrder: 'r', Invoice: 'r' }),
    contactScopes: { client: 'all', prospect: 'none', supplier: 'all', other: 'all' },
    fields: { Contact: { birthDate: 'none' } },
  }),
  profile({
    name: 'Comptabilité',
    description: 'Comptabilité, recouvrement et achats : commandes, factures, bons de commande fournisseurs',
    licenseTier: 'standard',
    modules: modules({
      Invoice: 'credx',
      SalesOrder: 'credx',
      PurchaseOrder: 'credx',
      Account: 'crex',
      Contact: 'cre',
      Quote: 'r',
      Deal: 'r',
      Activity: 'cre',
    }),
    contactScopes: { client: 'all', prospect: 'none', supplier: 'all', other: 'all' },
    fields: { Contact: { birthDate: 'none' } },
  }),
  profile({
    name: 'Assistant commercial',
    description: 'Administration des ventes : prépare devis et commandes pour les commerciaux',
    licenseTier: 'standard',
    modules: modules({
      Lead: 'cre',
      Account: 're',
      Contact: 'cre',
      Deal: 're',
      Quote: 'cre',
      SalesOrder: 'crex',
      Ticket: 'cr',
      Invoice: 'r',
      Activity: 'cred',
    }),
    contactScopes: { client: 'all', prospect: 'all', supplier: 'none', other: 'all' },
    fields: { Deal: { probability: 'read' } },
  }),
  profile({
    name: 'Gestion des accès',
    description:
      'Consultant intégrateur : gère les utilisateurs, les profils, les rôles et le partage ; lit les comptes, pour ouvrir les dossiers des clients, et aucune autre donnée',
    licenseTier: 'premium',
    capabilities: ['manageUsers', 'manageAccess', 'viewAudit'],
    // A dossier is opened only on an Account one may read (docs/client-access.md, "Créer un client").
    modules: modules({ Account: 'r' }),
  }),
  profile({
    name: 'Lecture seule',
    description: 'Consultation et export, sans modification ; les montants des affaires sont masqués',
    licenseTier: 'limited',
    modules: modules({ Account: 'rx', Contact: 'r', Deal: 'rx', Quote: 'r', SalesOrder: 'rx', Invoice: 'rx', Ticket: 'r' }),
    fields: { Deal: { amount: 'none' } },
  }),
  profile({
    name: "Chef d'équipe partenaire",
    description: "Responsable d'un réseau partenaire : consulte son équipe et demande les changements d'accès",
    licenseTier: 'premium',
    capabilities: ['requestAccessChanges'],
    modules: modules({ Lead: 'r', Account: 'r', Contact: 'r', Deal: 'r' }),
    contactScopes: { client: 'none', prospect: 'all', supplier: 'none', other: 'all' },
  }),
];

// ---------------------------------------------------------------------------------------------
// Roles

const R = {
  DG: 'Direction générale',
  DC: 'Direction commerciale',
  ARA: 'Ventes Auvergne-Rhône-Alpes',
  LYON: 'Ventes Lyon',
  ALPES: 'Ventes Alpes',
  IDF: 'Ventes Île-de-France',
  PARIS: 'Ventes Paris',
  SE: 'Ventes Sud-Est',
  MARS: 'Ventes Marseille',
  AZUR: "Ventes Côte d'Azur",
  ADV: 'Administration des ventes',
  PART: 'Partenaires',
  PART_T: 'Partenaires terrain',
  SC: 'Service client',
  N2: 'Support niveau 2',
  AF: 'Administration et finances',
  COMPTA: 'Comptabilité',
  ACHATS: 'Achats',
  CDG: 'Contrôle de gestion',
  CONS: 'Consultants accès',
} as const;

const roles: Array<{ name: string; parent: string | null; profiles: string[] }> = [
  { name: R.DG, parent: null, profiles: ['Direction'] },
  { name: R.DC, parent: R.DG, profiles: ['Commercial', 'Direction'] },
  { name: R.ARA, parent: R.DC, profiles: ['Commercial'] },
  { name: R.LYON, parent: R.ARA, profiles: ['Commercial'] },
  { name: R.ALPES, parent: R.ARA, profiles: ['Commercial'] },
  { name: R.IDF, parent: R.DC, profiles: ['Commercial'] },
  { name: R.PARIS, parent: R.IDF, profiles: ['Commercial'] },
  { name: R.SE, parent: R.DC, profiles: ['Commercial'] },
  { name: R.MARS, parent: R.SE, profiles: ['Commercial'] },
  { name: R.AZUR, parent: R.SE, profiles: ['Commercial'] },
  { name: R.ADV, parent: R.DC, profiles: ['Assistant commercial'] },
  { name: R.PART, parent: R.DC, profiles: ["Chef d'équipe partenaire"] },
  { name: R.PART_T, parent: R.PART, profiles: ['Lecture seule'] },
  { name: R.SC, parent: R.DG, profiles: ['Support'] },
  { name: R.N2, parent: R.SC, profiles: ['Support'] },
  { name: R.AF, parent: R.DG, profiles: ['Comptabilité', 'Direction'] },
  { name: R.COMPTA, parent: R.AF, profiles: ['Comptabilité'] },
  { name: R.ACHATS, parent: R.AF, profiles: ['Comptabilité'] },
  { name: R.CDG, parent: R.AF, profiles: ['Lecture seule'] },
  { name: R.CONS, parent: R.DG, profiles: ['Gestion des accès'] },
];

// ---------------------------------------------------------------------------------------------
// Users

type Schedule = { tz: string; days: Record<string, Array<[string, string]>> };
interface UserDef {
  login: string;
  first: string;
  last: string;
  role: string | null;
  title: string;
  department: string;
  reportsTo?: string;
  isAdmin?: boolean;
  inactive?: boolean;
  partner?: boolean;
  office?: 'Lyon' | 'Paris' | 'Marseille' | 'Grenoble' | 'Nice';
  mobile?: boolean;
  noPhone?: boolean;
  loginHours?: Schedule;
  email?: string;
}

const OFFICE_HOURS: Schedule = {
  tz: 'Europe/Paris',
  days: { mon: [['08:00', '19:00']], tue: [['08:00', '19:00']], wed: [['08:00', '19:00']], thu: [['08:00', '19:00']], fri: [['08:00', '18:00']] },
};
const SUPPORT_HOURS: Schedule = {
  tz: 'Europe/Paris',
  days: {
    mon: [
      ['07:30', '12:30'],
      ['13:30', '18:00'],
    ],
    tue: [
      ['07:30', '12:30'],
      ['13:30', '18:00'],
    ],
    wed: [
      ['07:30', '12:30'],
      ['13:30', '18:00'],
    ],
    thu: [
      ['07:30', '12:30'],
      ['13:30', '18:00'],
    ],
    fri: [
      ['07:30', '12:30'],
      ['13:30', '17:00'],
    ],
    sat: [['08:00', '12:00']],
  },
};

const userDefs: UserDef[] = [
  // Direction générale
  { login: 'h.verdier', first: 'Hélène', last: 'Verdier', role: R.DG, title: 'Présidente-directrice générale', department: 'Direction générale', mobile: true },
  {
    login: 'direction',
    first: 'François',
    last: 'Gauthier',
    role: R.DG,
    title: 'Directeur général délégué',
    department: 'Direction générale',
    reportsTo: 'h.verdier',
    mobile: true,
  },
  {
    login: 'admin',
    first: 'Sébastien',
    last: 'Roux',
    role: R.DG,
    isAdmin: true,
    title: "Responsable des systèmes d'information",
    department: "Systèmes d'information",
    reportsTo: 'direction',
    mobile: true,
  },
  {
    login: 'j.fabre',
    first: 'Josiane',
    last: 'Fabre',
    role: null,
    title: "Chargée d'accueil et standard",
    department: 'Services généraux',
    reportsTo: 'h.verdier',
  },
  // Direction commerciale
  {
    login: 'o.chevalier',
    first: 'Olivier',
    last: 'Chevalier',
    role: R.DC,
    title: 'Directeur commercial',
    department: 'Direction commerciale',
    reportsTo: 'direction',
    mobile: true,
  },
  {
    login: 'manager',
    first: 'Julien',
    last: 'Morel',
    role: R.ARA,
    title: 'Responsable des ventes Auvergne-Rhône-Alpes',
    department: 'Ventes Auvergne-Rhône-Alpes',
    reportsTo: 'o.chevalier',
    mobile: true,
  },
  {
    login: 'commercial',
    first: 'Émilie',
    last: 'Durand',
    role: R.LYON,
    title: 'Attachée commerciale',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
    mobile: true,
  },
  {
    login: 'c.petit',
    first: 'Clément',
    last: 'Petit',
    role: R.LYON,
    title: 'Ingénieur commercial grands comptes',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
    mobile: true,
  },
  {
    login: 'a.lemaire',
    first: 'Aurélie',
    last: 'Lemaire',
    role: R.LYON,
    title: 'Attachée commerciale',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
    mobile: true,
  },
  {
    login: 't.bonnet',
    first: 'Thomas',
    last: 'Bonnet',
    role: R.LYON,
    title: 'Commercial terrain',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
    mobile: true,
  },
  { login: 'm.faure', first: 'Manon', last: 'Faure', role: R.LYON, title: 'Commerciale sédentaire', department: 'Ventes Lyon', reportsTo: 'manager' },
  {
    login: 'y.benali',
    first: 'Yanis',
    last: 'Benali',
    role: R.LYON,
    title: 'Animateur du réseau partenaires',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
    mobile: true,
  },
  {
    login: 'p.mercier',
    first: 'Pierre',
    last: 'Mercier',
    role: R.LYON,
    inactive: true,
    title: 'Commercial terrain',
    department: 'Ventes Lyon',
    reportsTo: 'manager',
  },
  {
    login: 's.gauthier',
    first: 'Sophie',
    last: 'Gauthier',
    role: R.ALPES,
    title: 'Responsable de secteur Alpes',
    department: 'Ventes Alpes',
    reportsTo: 'manager',
    office: 'Grenoble',
    mobile: true,
  },
  {
    login: 'l.roussel',
    first: 'Léa',
    last: 'Roussel',
    role: R.ALPES,
    title: 'Attachée commerciale',
    department: 'Ventes Alpes',
    reportsTo: 's.gauthier',
    office: 'Grenoble',
    mobile: true,
  },
  {
    login: 'b.perrin',
    first: 'Baptiste',
    last: 'Perrin',
    role: R.ALPES,
    title: 'Commercial terrain',
    department: 'Ventes Alpes',
    reportsTo: 's.gauthier',
    office: 'Grenoble',
    mobile: true,
  },
  {
    login: 'n.dubois',
    first: 'Nicolas',
    last: 'Dubois',
    role: R.IDF,
    title: 'Responsable des ventes Île-de-France',
    department: 'Ventes Île-de-France',
    reportsTo: 'o.chevalier',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'i.laurent',
    first: 'Inès',
    last: 'Laurent',
    role: R.PARIS,
    title: 'Ingénieure commerciale grands comptes',
    department: 'Ventes Paris',
    reportsTo: 'n.dubois',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'm.simon',
    first: 'Maxime',
    last: 'Simon',
    role: R.PARIS,
    title: 'Commercial terrain',
    department: 'Ventes Paris',
    reportsTo: 'n.dubois',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'j.michel',
    first: 'Juliette',
    last: 'Michel',
    role: R.PARIS,
    title: 'Attachée commerciale',
    department: 'Ventes Paris',
    reportsTo: 'n.dubois',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'k.nguyen',
    first: 'Kévin',
    last: 'Nguyen',
    role: R.PARIS,
    title: 'Commercial sédentaire',
    department: 'Ventes Paris',
    reportsTo: 'n.dubois',
    office: 'Paris',
  },
  {
    login: 's.lefebvre',
    first: 'Sarah',
    last: 'Lefebvre',
    role: R.PARIS,
    title: 'Commerciale terrain',
    department: 'Ventes Paris',
    reportsTo: 'n.dubois',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'f.garnier',
    first: 'Frédéric',
    last: 'Garnier',
    role: R.SE,
    title: 'Responsable des ventes Sud-Est',
    department: 'Ventes Sud-Est',
    reportsTo: 'o.chevalier',
    office: 'Marseille',
    mobile: true,
  },
  {
    login: 'r.fontaine',
    first: 'Romain',
    last: 'Fontaine',
    role: R.MARS,
    title: 'Ingénieur commercial grands comptes',
    department: 'Ventes Marseille',
    reportsTo: 'f.garnier',
    office: 'Marseille',
    mobile: true,
  },
  {
    login: 'e.blanc',
    first: 'Élodie',
    last: 'Blanc',
    role: R.MARS,
    title: 'Attachée commerciale',
    department: 'Ventes Marseille',
    reportsTo: 'f.garnier',
    office: 'Marseille',
    mobile: true,
  },
  {
    login: 'h.guerin',
    first: 'Hugo',
    last: 'Guérin',
    role: R.MARS,
    title: 'Commercial terrain',
    department: 'Ventes Marseille',
    reportsTo: 'f.garnier',
    office: 'Marseille',
    mobile: true,
  },
  {
    login: 'v.muller',
    first: 'Valérie',
    last: 'Muller',
    role: R.MARS,
    inactive: true,
    title: 'Commerciale sédentaire',
    department: 'Ventes Marseille',
    reportsTo: 'f.garnier',
    office: 'Marseille',
  },
  {
    login: 'm.andre',
    first: 'Mathieu',
    last: 'André',
    role: R.AZUR,
    title: 'Commercial terrain',
    department: "Ventes Côte d'Azur",
    reportsTo: 'f.garnier',
    office: 'Nice',
    mobile: true,
  },
  {
    login: 'c.robin',
    first: 'Capucine',
    last: 'Robin',
    role: R.AZUR,
    title: 'Attachée commerciale',
    department: "Ventes Côte d'Azur",
    reportsTo: 'f.garnier',
    office: 'Nice',
    mobile: true,
  },
  {
    login: 'v.bertrand',
    first: 'Véronique',
    last: 'Bertrand',
    role: R.ADV,
    title: "Responsable de l'administration des ventes",
    department: 'Administration des ventes',
    reportsTo: 'o.chevalier',
  },
  {
    login: 'a.moulin',
    first: 'Agnès',
    last: 'Moulin',
    role: R.ADV,
    title: 'Assistante commerciale',
    department: 'Administration des ventes',
    reportsTo: 'v.bertrand',
  },
  {
    login: 'c.renaud',
    first: 'Cédric',
    last: 'Renaud',
    role: R.ADV,
    title: 'Assistant commercial',
    department: 'Administration des ventes',
    reportsTo: 'v.bertrand',
  },
  {
    login: 'l.colin',
    first: 'Laëtitia',
    last: 'Colin',
    role: R.ADV,
    title: 'Assistante commerciale',
    department: 'Administration des ventes',
    reportsTo: 'v.bertrand',
    loginHours: OFFICE_HOURS,
  },
  {
    login: 'g.lambert',
    first: 'Gérard',
    last: 'Lambert',
    role: null,
    title: 'Chauffeur-livreur installateur',
    department: 'Logistique',
    reportsTo: 'v.bertrand',
    mobile: true,
    noPhone: true,
  },
  // Partner network
  {
    login: 'g.lebrun',
    first: 'Gilles',
    last: 'Lebrun',
    role: R.PART,
    partner: true,
    title: "Chef d'équipe du réseau partenaire",
    department: 'Réseau partenaires',
    reportsTo: 'o.chevalier',
    mobile: true,
  },
  {
    login: 's.carpentier',
    first: 'Stéphane',
    last: 'Carpentier',
    role: R.PART_T,
    partner: true,
    title: 'Conseiller boulangerie partenaire',
    department: 'Réseau partenaires',
    reportsTo: 'g.lebrun',
    mobile: true,
    noPhone: true,
  },
  {
    login: 'a.huet',
    first: 'Amandine',
    last: 'Huet',
    role: R.PART_T,
    partner: true,
    title: 'Conseillère boulangerie partenaire',
    department: 'Réseau partenaires',
    reportsTo: 'g.lebrun',
    mobile: true,
    noPhone: true,
  },
  // Service client
  {
    login: 'b.rousseau',
    first: 'Béatrice',
    last: 'Rousseau',
    role: R.SC,
    title: 'Directrice du service client',
    department: 'Service client',
    reportsTo: 'direction',
    mobile: true,
  },
  { login: 'support', first: 'Marion', last: 'Lacroix', role: R.SC, title: 'Chargée de clientèle', department: 'Service client', reportsTo: 'b.rousseau' },
  {
    login: 'q.robert',
    first: 'Quentin',
    last: 'Robert',
    role: R.SC,
    title: 'Technicien SAV',
    department: 'Service client',
    reportsTo: 'b.rousseau',
    mobile: true,
  },
  {
    login: 'l.henry',
    first: 'Laura',
    last: 'Henry',
    role: R.SC,
    title: 'Chargée de clientèle',
    department: 'Service client',
    reportsTo: 'b.rousseau',
    loginHours: SUPPORT_HOURS,
  },
  {
    login: 'd.masson',
    first: 'Damien',
    last: 'Masson',
    role: R.SC,
    title: 'Technicien SAV itinérant',
    department: 'Service client',
    reportsTo: 'b.rousseau',
    office: 'Paris',
    mobile: true,
  },
  {
    login: 'j.picard',
    first: 'Jérôme',
    last: 'Picard',
    role: R.SC,
    inactive: true,
    title: 'Technicien SAV',
    department: 'Service client',
    reportsTo: 'b.rousseau',
    office: 'Marseille',
  },
  {
    login: 'r.marchand',
    first: 'Rémi',
    last: 'Marchand',
    role: R.N2,
    title: 'Technicien expert fours et cuisson',
    department: 'Support niveau 2',
    reportsTo: 'b.rousseau',
    mobile: true,
  },
  {
    login: 'g.dupuis',
    first: 'Guillaume',
    last: 'Dupuis',
    role: R.N2,
    title: 'Technicien frigoriste',
    department: 'Support niveau 2',
    reportsTo: 'r.marchand',
    mobile: true,
  },
  {
    login: 's.vidal',
    first: 'Sylvie',
    last: 'Vidal',
    role: R.N2,
    title: 'Technicienne méthodes et pièces détachées',
    department: 'Support niveau 2',
    reportsTo: 'r.marchand',
  },
  // Administration et finances
  {
    login: 'p.aubert',
    first: 'Patrick',
    last: 'Aubert',
    role: R.AF,
    title: 'Directeur administratif et financier',
    department: 'Administration et finances',
    reportsTo: 'h.verdier',
    mobile: true,
  },
  { login: 'm.barbier', first: 'Martine', last: 'Barbier', role: R.COMPTA, title: 'Responsable comptable', department: 'Comptabilité', reportsTo: 'p.aubert' },
  { login: 'compta', first: 'Sandrine', last: 'Leclerc', role: R.COMPTA, title: 'Comptable clients', department: 'Comptabilité', reportsTo: 'm.barbier' },
  { login: 'n.caron', first: 'Nadia', last: 'Caron', role: R.COMPTA, title: 'Comptable fournisseurs', department: 'Comptabilité', reportsTo: 'm.barbier' },
  {
    login: 'f.schmitt',
    first: 'Florian',
    last: 'Schmitt',
    role: R.COMPTA,
    title: 'Chargé de recouvrement',
    department: 'Comptabilité',
    reportsTo: 'm.barbier',
  },
  {
    login: 'e.giraud',
    first: 'Étienne',
    last: 'Giraud',
    role: R.ACHATS,
    title: 'Responsable des achats',
    department: 'Achats',
    reportsTo: 'p.aubert',
    mobile: true,
  },
  { login: 'c.boyer', first: 'Coralie', last: 'Boyer', role: R.ACHATS, title: 'Acheteuse', department: 'Achats', reportsTo: 'e.giraud' },
  {
    login: 'o.meunier',
    first: 'Océane',
    last: 'Meunier',
    role: R.CDG,
    title: 'Contrôleuse de gestion',
    department: 'Contrôle de gestion',
    reportsTo: 'p.aubert',
  },
  // Consultant
  {
    login: 'consultant',
    first: 'Arnaud',
    last: 'Brunet',
    role: R.CONS,
    title: 'Consultant intégrateur CRM',
    department: "Systèmes d'information",
    reportsTo: 'admin',
    mobile: true,
    noPhone: true,
  },
  // Partner network, joined later: listed last, with no phone drawn, so that the random draws
  // (phones, records) of everyone before them stay as they were.
  {
    login: 'n.marchand',
    first: 'Nadia',
    last: 'Marchand',
    role: R.PART_T,
    partner: true,
    title: 'Conseillère boulangerie partenaire',
    department: 'Réseau partenaires',
    reportsTo: 'g.lebrun',
    noPhone: true,
  },
  {
    login: 'j.perrin',
    first: 'Julien',
    last: 'Perrin',
    role: R.PART_T,
    partner: true,
    title: 'Conseiller boulangerie partenaire',
    department: 'Réseau partenaires',
    reportsTo: 'g.lebrun',
    noPhone: true,
  },
];

const OFFICE_PHONE: Record<string, string> = {
  Lyon: '+33 4 72 10',
  Paris: '+33 1 44 52',
  Marseille: '+33 4 91 37',
  Grenoble: '+33 4 76 21',
  Nice: '+33 4 93 62',
};
const usedEmails = new Set<string>();
const users = userDefs.map((u, i) => {
  const domain = u.partner ? PARTNER_DOMAIN : DOMAIN;
  let email = `${slug(u.first).replace(/-/g, '')}.${slug(u.last).replace(/-/g, '')}@${domain}`;
  if (usedEmails.has(email)) email = email.replace('@', `${i}@`);
  usedEmails.add(email);
  const office = u.office ?? 'Lyon';
  const out: Record<string, unknown> = {
    login: u.login,
    email,
    password: PASSWORD,
    firstName: u.first,
    lastName: u.last,
    isAdmin: u.isAdmin ?? false,
    status: u.inactive ? 'inactive' : 'active',
    role: u.role,
    company: u.partner ? PARTNER_COMPANY : COMPANY,
    loginHours: u.loginHours ?? null,
    title: u.title,
    department: u.department,
  };
  if (u.reportsTo) out.reportsTo = u.reportsTo;
  if (!u.noPhone) out.phone = u.partner ? `+33 4 78 ${digits(2)} ${digits(2)} ${digits(2)}` : `${OFFICE_PHONE[office]} ${pad(10 + i, 2)} ${digits(2)}`;
  if (u.mobile) out.mobilePhone = mobile();
  return out;
});
const userByLogin = new Map(userDefs.map((u) => [u.login, u]));

// ---------------------------------------------------------------------------------------------
// Teams

const T = {
  GC: 'Grands comptes',
  FRA: 'Force de vente Rhône-Alpes',
  CN: 'Comptes nationaux',
  SAV: 'Astreinte SAV',
  RECO: 'Cellule recouvrement',
  RP: 'Réseau partenaires',
  FP: 'Équipe Fournil Partenaire',
  SALONS: 'Salons et événements',
  CODIR: 'Comité de direction',
} as const;

const teams = [
  {
    name: T.GC,
    description: 'Clients stratégiques multi-sites : chaînes de boulangeries, hôtellerie, restauration collective',
    users: ['c.petit', 'i.laurent', 'r.fontaine', 'v.bertrand'],
    roles: [],
    rolesAndSubordinates: [],
    teams: [],
  },
  {
    name: T.FRA,
    description: 'Tous les commerciaux de la région Auvergne-Rhône-Alpes et leur responsable',
    users: [],
    roles: [],
    rolesAndSubordinates: [R.ARA],
    teams: [],
  },
  {
    name: T.CN,
    description: "Grands comptes et force de vente Rhône-Alpes réunis pour les appels d'offres nationaux",
    users: ['o.chevalier'],
    roles: [],
    rolesAndSubordinates: [],
    teams: [T.GC, T.FRA],
  },
  {
    name: T.SAV,
    description: 'Interventions urgentes : pannes de fours et de froid, week-ends et jours fériés',
    users: ['q.robert', 'support'],
    roles: [R.N2],
    rolesAndSubordinates: [],
    teams: [],
  },
  {
    name: T.RECO,
    description: 'Relances des factures impayées et litiges de facturation',
    users: ['l.henry', 'v.bertrand'],
    roles: [R.COMPTA],
    rolesAndSubordinates: [],
    teams: [],
  },
  {
    name: T.RP,
    description: 'Boulangeries partenaires qui apportent des pistes en échange de remises',
    users: ['y.benali'],
    roles: [R.PART_T],
    rolesAndSubordinates: [],
    teams: [],
  },
  {
    // The partner company's own team: its lead (requestAccessChanges) sees and asks for its
    // advisors only, not the firm's staff (docs/access-requests.md). Listed by name, so that an
    // advisor given another role stays in it; and by role, so that a new advisor joins it.
    name: T.FP,
    description: 'Les conseillers de la société Fournil Partenaire et leur chef d’équipe',
    users: ['g.lebrun', 's.carpentier', 'a.huet', 'n.marchand', 'j.perrin'],
    roles: [],
    rolesAndSubordinates: [R.PART],
    teams: [],
  },
  {
    name: T.SALONS,
    description: 'Sirha Lyon, Europain Paris, salons régionaux : préparation et suivi des contacts',
    users: ['a.moulin', 'commercial', 'm.simon'],
    roles: [],
    rolesAndSubordinates: [],
    teams: [T.RP],
  },
  {
    name: T.CODIR,
    description: 'Comité de direction hebdomadaire',
    users: ['b.rousseau', 'direction', 'h.verdier', 'o.chevalier', 'p.aubert'],
    roles: [],
    rolesAndSubordinates: [],
    teams: [],
  },
].map((t) => ({
  ...t,
  users: [...t.users].sort(byString),
  roles: [...t.roles].sort(byString),
  rolesAndSubordinates: [...t.rolesAndSubordinates].sort(byString),
  teams: [...t.teams].sort(byString),
}));

// ---------------------------------------------------------------------------------------------
// Sharing

const sharingDefaults: Record<string, string> = {
  Lead: 'private',
  Account: 'public_read',
  Deal: 'private',
  Ticket: 'public_read_write',
  Quote: 'public_read',
  SalesOrder: 'public_read',
  PurchaseOrder: 'private',
  Invoice: 'private',
};

type Target = { role: string } | { roleAndSubordinates: string } | { team: string };
const rules: Array<{ name?: string; module: string; from: Target; to: Target; access: 'read' | 'read_write' }> = [
  { name: "Grands comptes modifiables par l'ADV", module: 'Account', from: { team: T.GC }, to: { role: R.ADV }, access: 'read_write' },
  { name: 'Affaires des Alpes visibles à Lyon', module: 'Deal', from: { role: R.ALPES }, to: { role: R.LYON }, access: 'read' },
  { module: 'Deal', from: { roleAndSubordinates: R.DC }, to: { role: R.ADV }, access: 'read_write' },
  { name: 'Devis Île-de-France pour les salons', module: 'Quote', from: { roleAndSubordinates: R.IDF }, to: { team: T.SALONS }, access: 'read_write' },
  {
    name: 'Commandes clients vers la comptabilité',
    module: 'SalesOrder',
    from: { roleAndSubordinates: R.DC },
    to: { roleAndSubordinates: R.AF },
    access: 'read_write',
  },
  {
    name: 'Factures en recouvrement visibles par le service client',
    module: 'Invoice',
    from: { team: T.RECO },
    to: { roleAndSubordinates: R.SC },
    access: 'read',
  },
  { name: 'Factures des ventes pour les comptes nationaux', module: 'Invoice', from: { roleAndSubordinates: R.DC }, to: { team: T.CN }, access: 'read' },
  { module: 'Lead', from: { team: T.RP }, to: { roleAndSubordinates: R.SE }, access: 'read_write' },
  { module: 'PurchaseOrder', from: { role: R.ACHATS }, to: { role: R.COMPTA }, access: 'read_write' },
];

// ---------------------------------------------------------------------------------------------
// Owner pools

type Owner = { user: string } | { team: string };
const U = (login: string): Owner => ({ user: login });
const TEAM = (name: string): Owner => ({ team: name });

const SALES: Record<Region, Array<[string, number]>> = {
  'ARA-Lyon': [
    ['commercial', 9],
    ['c.petit', 8],
    ['a.lemaire', 5],
    ['t.bonnet', 5],
    ['m.faure', 3],
    ['y.benali', 3],
    ['manager', 2],
  ],
  'ARA-Alpes': [
    ['s.gauthier', 4],
    ['l.roussel', 5],
    ['b.perrin', 4],
  ],
  IDF: [
    ['i.laurent', 8],
    ['m.simon', 5],
    ['j.michel', 5],
    ['k.nguyen', 3],
    ['s.lefebvre', 4],
    ['n.dubois', 2],
  ],
  'SE-Provence': [
    ['r.fontaine', 6],
    ['e.blanc', 5],
    ['h.guerin', 4],
    ['f.garnier', 2],
  ],
  'SE-Azur': [
    ['m.andre', 5],
    ['c.robin', 4],
  ],
};
const ADV = [
  ['v.bertrand', 2],
  ['a.moulin', 5],
  ['c.renaud', 4],
  ['l.colin', 3],
] as Array<[string, number]>;
const SUPPORT = [
  ['support', 10],
  ['q.robert', 6],
  ['l.henry', 6],
  ['d.masson', 4],
  ['r.marchand', 4],
  ['g.dupuis', 3],
  ['s.vidal', 2],
  ['b.rousseau', 1],
] as Array<[string, number]>;
const COMPTA_POOL = [
  ['compta', 10],
  ['m.barbier', 3],
  ['n.caron', 4],
  ['f.schmitt', 4],
] as Array<[string, number]>;
const ACHATS_POOL = [
  ['e.giraud', 5],
  ['c.boyer', 6],
  ['n.caron', 2],
  ['compta', 1],
] as Array<[string, number]>;
const salesRep = (r: Region) => weighted(SALES[r]);
const regionOfLogin = new Map<string, Region>();
for (const [r, list] of Object.entries(SALES) as Array<[Region, Array<[string, number]>]>) for (const [l] of list) regionOfLogin.set(l, r);

// ---------------------------------------------------------------------------------------------
// Records

type Rec = Record<string, unknown>;
const ref = (prefix: string, n: number) => `${prefix}-${pad(n, 4)}`;

/** Adds the key only when the value is non-null and differs from the column's default. */
function put(rec: Rec, key: string, value: unknown, fallback: unknown = null): void {
  if (value !== null && value !== undefined && value !== fallback) rec[key] = value;
}

// --- Accounts ------------------------------------------------------------------------------------

type Kind = 'customer' | 'prospect' | 'supplier';
interface AccountInfo {
  rec: Rec;
  ref: string;
  name: string;
  kind: Kind;
  region: Region;
  city: City;
  ownerLogin: string | null;
  ownerTeam: string | null;
  domain: string;
  contacts: ContactInfo[];
  deals: DealInfo[];
  industry: string;
}
interface ContactInfo {
  ref: string;
  name: string;
  account: AccountInfo | null;
  advisor: string;
}
interface DealInfo {
  ref: string;
  account: AccountInfo;
  amount: number;
  stage: string;
  product: string;
  owner: Owner;
  ownerLogin: string | null;
  closeDay: number;
}

const PLACES = [
  'des Halles',
  'du Marché',
  'de la Gare',
  'du Château',
  'de la Place',
  'du Port',
  'des Remparts',
  'du Parc',
  'Saint-Paul',
  'du Faubourg',
  'de la Fontaine',
  'du Pont',
  'des Quais',
  'de la Colline',
  "de l'Église",
  'du Moulin',
  'des Arts',
  'de la Mairie',
  'du Vieux Bourg',
  'des Tilleuls',
  'du Lavoir',
  'de la Halle',
];
const NOUNS = [
  'Le Comptoir',
  'Le Bouchon',
  'La Table',
  "L'Atelier",
  'Le Petit Zinc',
  'La Fourchette',
  'Le Grand Café',
  'La Terrasse',
  'Le Relais',
  "L'Auberge",
  'Le Bistrot',
  'La Brasserie',
  'Le Cellier',
  'La Guinguette',
  'Le Chalet',
];
const TREES = ['Tilleuls', 'Glycines', 'Chênes', 'Platanes', 'Oliviers', 'Cèdres', 'Mimosas', 'Marronniers', 'Acacias', 'Peupliers'];
const HOTEL = [
  'Hôtel du Parc',
  'Hôtel des Voyageurs',
  'Grand Hôtel',
  'Hôtel Bellevue',
  'Hôtel de la Poste',
  'Hôtel du Lac',
  'Hôtel Le Régent',
  'Hôtel des Arts',
];
const SUPPLIER_NAMES = [
  'Fours Delaroche SAS',
  'Pétrins Mécaniques du Forez',
  'Froid Industriel Rhodanien',
  'Inox Concept Savoie',
  'Thermique Bresse Équipements',
  'Ateliers Lussac Cuisson',
  'Bouvard Agencement',
  'Frigéco Méditerranée',
  'Vitrines Lemercier',
  'Laminoirs Tessier & Fils',
  'Cuisines Pro Ferrand',
  'Électro-Cuisson Dauphiné',
  'Moules et Plaques Guichard',
  'Ventilation Hotte Service',
  'Pièces Détachées Chabert',
  'Balances Rolland',
  'Emballages Alimentaires du Rhône',
  'Transports Jourdan',
  'Tissus et Couches Boulangères Marty',
  'Céramiques de Four Besson',
  'Hygiène Pro Delorme',
  'Lavage Industriel Collet',
  'Chambres Froides Pelletier',
  'Automatismes Weber',
  'Formation Boulangère Lamy',
];

const accounts: AccountInfo[] = [];
const usedAccountNames = new Set<string>();

function customerName(city: City): { name: string; industry: string } {
  const industry = weighted([
    ['Boulangerie-pâtisserie', 40],
    ['Pâtisserie-chocolaterie', 10],
    ['Restauration traditionnelle', 14],
    ['Hôtellerie-restauration', 7],
    ['Traiteur', 8],
    ['Restauration collective', 8],
    ['Grande distribution', 4],
    ['Boulangerie industrielle', 5],
    ['Enseignement et formation', 2],
    ['Café-snacking', 2],
  ] as const);
  const surname = pick(LAST);
  const first = personFirst();
  let name: string;
  switch (industry) {
    case 'Boulangerie-pâtisserie':
      name = weighted([
        [`Boulangerie ${surname}`, 4],
        [`Maison ${surname}`, 2],
        [`Le Fournil ${pick(PLACES)}`, 2],
        [`Au Pain ${pick(PLACES)}`, 1],
        [`Boulangerie ${pick(PLACES)}`, 2],
        [`Le Fournil de ${first}`, 1],
        [`Aux Délices de ${first}`, 1],
        [`Boulangerie-pâtisserie ${surname} & Fils`, 1],
        [`La Mie ${pick(['Dorée', 'Câline', 'du Village', 'Gourmande', 'Rustique'])}`, 1],
      ] as const);
      break;
    case 'Pâtisserie-chocolaterie':
      name = weighted([
        [`Pâtisserie ${surname}`, 3],
        [`Chocolaterie ${surname}`, 2],
        [`Les Gourmandises de ${first}`, 1],
        [`Pâtisserie ${pick(PLACES)}`, 1],
      ] as const);
      break;
    case 'Restauration traditionnelle':
      name = weighted([
        [`${pick(NOUNS)} ${pick(PLACES)}`, 3],
        [`Restaurant ${surname}`, 1],
        [`Chez ${first}`, 1],
        [`Brasserie ${surname}`, 1],
      ] as const);
      break;
    case 'Hôtellerie-restauration':
      name = `${pick(HOTEL)} ${city.name}`;
      break;
    case 'Traiteur':
      name = weighted([
        [`Traiteur ${surname}`, 3],
        [`${surname} Réceptions`, 2],
        [`Saveurs et Buffets ${surname}`, 1],
      ] as const);
      break;
    case 'Restauration collective':
      name = weighted([
        [`Cuisine centrale de ${city.name}`, 2],
        [`EHPAD Les ${pick(TREES)}`, 2],
        [`Restaurant scolaire ${pick(['Jean-Moulin', 'Jules-Ferry', 'Victor-Hugo', 'Louis-Pasteur', 'Marie-Curie'])}`, 1],
        [`Clinique des ${pick(TREES)}`, 1],
      ] as const);
      break;
    case 'Grande distribution':
      name = `Supermarché ${city.name} ${pick(['Centre', 'Nord', 'Sud', 'Est', 'Ouest', 'Gare'])} – rayon boulangerie`;
      break;
    case 'Boulangerie industrielle':
      name = weighted([
        [`Les Pains de ${pick(['Provence', 'Savoie', 'Bresse', 'Dauphiné', 'Forez', 'Beaujolais', 'Brie'])}`, 1],
        [`${surname} Viennoiserie Industrielle`, 1],
        [`Terminal de cuisson ${surname}`, 1],
      ] as const);
      break;
    case 'Enseignement et formation':
      name = `Lycée hôtelier de ${city.name}`;
      break;
    default:
      name = weighted([
        [`Snack ${pick(PLACES).replace(/^(du|de la|des|de l'|de) /, '')}`, 1],
        [`Café ${surname}`, 1],
        [`Sandwicherie ${first}`, 1],
      ] as const);
  }
  return { name, industry };
}

function uniqueName(base: string, city: City): string {
  if (!usedAccountNames.has(base)) return base;
  const withCity = `${base} – ${city.name}`;
  if (!usedAccountNames.has(withCity)) return withCity;
  for (let i = 2; ; i++) if (!usedAccountNames.has(`${withCity} ${i}`)) return `${withCity} ${i}`;
}

function makeAccount(kind: Kind): AccountInfo {
  const region =
    kind === 'supplier'
      ? weighted([
          ['ARA-Lyon', 6],
          ['ARA-Alpes', 3],
          ['SE-Provence', 1],
        ] as const)
      : weighted([
          ['ARA-Lyon', 30],
          ['ARA-Alpes', 14],
          ['IDF', 30],
          ['SE-Provence', 18],
          ['SE-Azur', 8],
        ] as const);
  const city =
    kind === 'supplier'
      ? pick(CITIES.filter((c) => c.region === region && !c.country))
      : weighted(CITIES.filter((c) => c.region === region).map((c) => [c, c.country ? 1 : c.postalCodes.length > 3 ? 6 : 2] as const));
  let name: string;
  let industry: string;
  if (kind === 'supplier') {
    name = SUPPLIER_NAMES[accounts.filter((a) => a.kind === 'supplier').length % SUPPLIER_NAMES.length];
    industry = "Fabricant d'équipements";
    if (/Transports/.test(name)) industry = 'Transport et logistique';
    if (/Emballages|Tissus|Hygiène|Moules/.test(name)) industry = 'Fournitures et consommables';
    if (/Formation/.test(name)) industry = 'Formation professionnelle';
  } else {
    ({ name, industry } = customerName(city));
  }
  name = uniqueName(name, city);
  usedAccountNames.add(name);
  const n = accounts.length + 1;
  const domain = `${slug(name).slice(0, 40).replace(/-+$/, '')}.test`;
  const rec: Rec = { reference: ref('ACC', n), name };
  let ownerLogin: string | null = null;
  let ownerTeam: string | null = null;
  if (kind === 'supplier')
    ownerLogin = weighted([
      ['e.giraud', 3],
      ['c.boyer', 2],
    ] as const);
  else if (kind === 'customer' && chance(0.06) && ['ARA-Lyon', 'IDF', 'SE-Provence'].includes(region)) ownerTeam = T.GC;
  else ownerLogin = salesRep(region);
  rec.owner = ownerTeam ? TEAM(ownerTeam) : U(ownerLogin!);
  put(rec, 'industry', industry);
  if (chance(0.92)) put(rec, 'siret', siret());
  if (chance(0.8)) put(rec, 'email', `${pick(['contact', 'contact', 'bonjour', 'commandes', 'direction'])}@${domain}`);
  if (chance(0.9)) put(rec, 'phone', phoneIn(city));
  if (chance(0.45)) put(rec, 'website', `https://www.${domain}`);
  if (chance(0.93)) put(rec, 'street', street(city));
  put(rec, 'postalCode', pick(city.postalCodes));
  put(rec, 'city', city.name);
  put(rec, 'country', city.country ?? 'France', 'France');
  const size =
    industry === 'Boulangerie industrielle' || industry === 'Grande distribution' || industry === 'Restauration collective'
      ? 8
      : industry === "Fabricant d'équipements"
        ? 10
        : industry === 'Hôtellerie-restauration'
          ? 4
          : 1;
  if (chance(0.7)) put(rec, 'annualRevenue', round2(int(18, 160) * 10_000 * size + int(0, 99) * 100));
  if (chance(0.82)) put(rec, 'employees', Math.max(1, Math.round(int(2, 14) * size * (0.6 + rand()))));
  const info: AccountInfo = { rec, ref: rec.reference as string, name, kind, region, city, ownerLogin, ownerTeam, domain, contacts: [], deals: [], industry };
  accounts.push(info);
  return info;
}

const ACCOUNT_KINDS: Kind[] = [];
for (let i = 0; i < 400; i++) ACCOUNT_KINDS.push(i < 25 ? 'supplier' : i < 280 ? 'customer' : 'prospect');
for (const kind of shuffled(ACCOUNT_KINDS)) makeAccount(kind);

// --- Contacts ------------------------------------------------------------------------------------

const JOB = {
  customer: [
    'Directeur',
    'Responsable des achats',
    'Responsable technique',
    'Comptable',
    'Responsable de rayon',
    'Chef de cuisine',
    'Responsable de production',
  ],
  bakery: ['Gérant', 'Gérant', 'Chef boulanger', 'Chef pâtissier', 'Responsable de laboratoire', 'Comptable', 'Vendeuse responsable de boutique'],
  kitchen: ['Gérant', 'Directeur', 'Chef de cuisine', 'Second de cuisine', 'Responsable des achats', 'Économe', 'Responsable technique'],
  supplier: ['Responsable grands comptes', 'Technico-commercial', 'Responsable SAV', 'Chargée de clientèle', 'Directeur commercial', 'Responsable logistique'],
  other: ['Expert-comptable', 'Conseiller bancaire', "Architecte d'intérieur", 'Formateur CAP boulangerie', 'Journaliste', 'Consultant en hygiène alimentaire'],
};
const contacts: ContactInfo[] = [];
const contactRecs: Rec[] = [];
const usedContactEmails = new Set<string>();
const ASSISTANTS = ADV.map(([l]) => l);

function makeContact(account: AccountInfo | null, type: 'client' | 'prospect' | 'supplier' | 'other', regionHint?: Region): ContactInfo {
  const female = chance(0.5);
  const first = female ? pick(FIRST_F) : pick(FIRST_M);
  const last = pick(LAST);
  const name = `${first} ${last}`;
  const n = contacts.length + 1;
  const region = account?.region ?? regionHint ?? 'ARA-Lyon';
  let primary: string;
  if (type === 'supplier')
    primary = weighted([
      ['e.giraud', 3],
      ['c.boyer', 3],
      ['n.caron', 1],
    ] as const);
  else if (account?.ownerLogin && account.kind !== 'supplier' && chance(0.85)) primary = account.ownerLogin;
  else if (account?.ownerTeam === T.GC) primary = pick(['c.petit', 'i.laurent', 'r.fontaine']);
  else primary = salesRep(region);
  let secondary: string | null = null;
  if (type !== 'supplier' && chance(0.22)) {
    const s = salesRep(region);
    if (s !== primary) secondary = s;
  }
  let assistant: string | null = null;
  if ((type === 'client' || type === 'prospect') && chance(0.18)) assistant = pick(ASSISTANTS);
  const rec: Rec = {
    reference: ref('CON', n),
    name,
    type,
    account: account?.ref ?? null,
    primaryAdvisor: primary,
    secondaryAdvisor: secondary,
    assistant,
  };
  const customerJobs = !account
    ? JOB.customer
    : /Boulangerie|Pâtisserie|Café/.test(account.industry)
      ? JOB.bakery
      : /Restauration|Hôtellerie|Traiteur|Enseignement/.test(account.industry)
        ? JOB.kitchen
        : JOB.customer;
  const job =
    type === 'supplier'
      ? pick(JOB.supplier)
      : type === 'other'
        ? pick(JOB.other)
        : pick(customerJobs)
            .replace(/^Gérant$/, female ? 'Gérante' : 'Gérant')
            .replace(/^Directeur$/, female ? 'Directrice' : 'Directeur')
            .replace(/^Chef (boulanger|de cuisine|pâtissier)$/, (m, x) =>
              female ? `Cheffe ${x === 'boulanger' ? 'boulangère' : x === 'pâtissier' ? 'pâtissière' : x}` : m,
            );
  if (chance(0.9)) put(rec, 'jobTitle', job);
  const domain = account?.domain ?? `${slug(pick(['orange', 'free', 'laposte', 'wanadoo', 'sfr']))}.test`;
  let email = `${slug(first).replace(/-/g, '')}.${slug(last).replace(/-/g, '')}@${domain}`;
  if (usedContactEmails.has(email)) email = email.replace('@', `${n}@`);
  usedContactEmails.add(email);
  if (chance(0.85)) put(rec, 'email', email);
  const city = account?.city ?? pick(CITIES.filter((c) => c.region === region));
  if (chance(0.7)) put(rec, 'phone', phoneIn(city));
  if (chance(0.55)) put(rec, 'mobilePhone', mobile());
  if (chance(0.35)) put(rec, 'birthDate', dateStr(Date.UTC(int(1958, 2000), int(0, 11), int(1, 28))));
  if (!account || chance(0.25)) {
    put(rec, 'street', street(city));
    put(rec, 'postalCode', pick(city.postalCodes));
    put(rec, 'city', city.name);
    put(rec, 'country', city.country ?? 'France', 'France');
  }
  contactRecs.push(rec);
  const info: ContactInfo = { ref: rec.reference as string, name, account, advisor: primary };
  contacts.push(info);
  account?.contacts.push(info);
  return info;
}

for (const a of accounts) {
  const count = a.kind === 'customer' ? int(2, 5) : a.kind === 'prospect' ? int(1, 3) : int(1, 3);
  for (let i = 0; i < count; i++) {
    const type = a.kind === 'supplier' ? 'supplier' : a.kind === 'customer' ? (chance(0.9) ? 'client' : 'other') : chance(0.9) ? 'prospect' : 'other';
    makeContact(a, type);
  }
}
while (contacts.length < 1200) {
  const region = weighted([
    ['ARA-Lyon', 4],
    ['ARA-Alpes', 2],
    ['IDF', 3],
    ['SE-Provence', 2],
    ['SE-Azur', 1],
  ] as const);
  makeContact(
    null,
    weighted([
      ['prospect', 6],
      ['other', 3],
      ['supplier', 1],
    ] as const),
    region,
  );
}

// --- Leads ---------------------------------------------------------------------------------------

const NEEDS = [
  "Ouverture d'une boulangerie",
  'Renouvellement du four',
  'Agrandissement du laboratoire',
  'Devis pétrin à spirale',
  'Équipement froid',
  "Création d'un point chaud",
  'Reprise de fonds de commerce',
  'Mise aux normes du laboratoire',
  'Projet snacking',
  'Contrat de maintenance',
  'Remplacement de la vitrine',
  'Cuisine centrale à équiper',
  'Chambre de pousse',
  'Ligne de viennoiserie',
  'Démonstration four ventilé',
];
const leadRecs: Rec[] = [];
const usedLeadCompanies = new Set<string>();
for (let n = 1; n <= 300; n++) {
  const region = weighted([
    ['ARA-Lyon', 30],
    ['ARA-Alpes', 13],
    ['IDF', 30],
    ['SE-Provence', 18],
    ['SE-Azur', 9],
  ] as const);
  const city = pick(CITIES.filter((c) => c.region === region && !c.country));
  let { name: company } = customerName(city);
  if (usedLeadCompanies.has(company) || usedAccountNames.has(company)) company = `${company} – ${city.name}`;
  if (usedLeadCompanies.has(company)) company = `${company} (${pick(city.postalCodes)})`;
  usedLeadCompanies.add(company);
  const source = weighted([
    ['web', 30],
    ['event', 18],
    ['referral', 15],
    ['inbound_call', 20],
    ['partner', 17],
  ] as const);
  let owner: Owner;
  if (source === 'partner' && chance(0.45)) owner = TEAM(T.RP);
  else if (source === 'event' && chance(0.2)) owner = TEAM(T.SALONS);
  else if (chance(0.12)) owner = U(weighted(ADV));
  else owner = U(source === 'partner' && region.startsWith('ARA') && chance(0.5) ? 'y.benali' : salesRep(region));
  const rec: Rec = { reference: ref('LEA', n), name: `${pick(NEEDS)} – ${company}`, owner };
  put(rec, 'company', company);
  const domain = `${slug(company).slice(0, 40).replace(/-+$/, '')}.test`;
  if (chance(0.85)) put(rec, 'email', `${slug(personFirst()).replace(/-/g, '')}.${slug(pick(LAST)).replace(/-/g, '')}@${domain}`);
  if (chance(0.75)) put(rec, 'phone', phoneIn(city));
  put(rec, 'source', source);
  put(
    rec,
    'status',
    weighted([
      ['new', 25],
      ['contacted', 25],
      ['qualified', 20],
      ['lost', 15],
      ['converted', 15],
    ] as const),
    'new',
  );
  if (chance(0.8)) put(rec, 'estimatedValue', int(15, 900) * 100);
  leadRecs.push(rec);
}

// --- Deals ---------------------------------------------------------------------------------------

const PRODUCTS: Array<[string, number, number, number]> = [
  // name, min price, max price, weight
  ['Four à sole électrique 4 bouches', 28_000, 46_000, 5],
  ['Four ventilé 10 niveaux', 8_500, 16_000, 10],
  ['Four rotatif gaz', 32_000, 52_000, 3],
  ['Pétrin à spirale 80 kg', 6_500, 12_500, 8],
  ['Diviseuse-bouleuse hydraulique', 7_800, 14_500, 5],
  ['Façonneuse à baguettes', 5_200, 9_800, 5],
  ['Chambre de pousse contrôlée', 9_500, 21_000, 5],
  ['Laminoir de table', 3_200, 6_800, 5],
  ['Batteur-mélangeur 40 litres', 3_800, 7_900, 5],
  ['Cellule de refroidissement rapide', 6_900, 15_800, 5],
  ['Vitrine réfrigérée pâtisserie', 4_200, 11_500, 6],
  ['Armoire de fermentation', 3_900, 8_200, 4],
  ['Trancheuse à pain', 2_400, 4_900, 3],
  ['Chambre froide positive', 8_000, 24_000, 4],
  ['Piano de cuisson', 9_000, 28_000, 4],
  ['Four mixte 10 niveaux', 11_000, 19_500, 5],
  ['Lave-vaisselle à capot', 4_500, 8_900, 3],
  ['Agencement complet de laboratoire', 45_000, 160_000, 3],
  ['Contrat de maintenance annuel', 1_200, 6_500, 6],
  ['Ligne de production viennoiserie', 60_000, 180_000, 1],
];
const STAGE_PROBABILITY: Record<string, number> = { prospecting: 10, qualification: 25, proposal: 50, negotiation: 75, won: 100, lost: 0 };
const deals: DealInfo[] = [];
const dealRecs: Rec[] = [];
const shortName = (a: AccountInfo) => a.name.replace(/ – rayon boulangerie$/, '');

const customers = accounts.filter((a) => a.kind === 'customer');
const prospects = accounts.filter((a) => a.kind === 'prospect');
for (let n = 1; n <= 600; n++) {
  const account = chance(0.8) ? pick(customers) : pick(prospects);
  const [product, lo, hi] = weighted(PRODUCTS.map((p) => [p, p[3]] as const));
  const qty = lo < 10_000 && chance(0.3) ? int(2, 3) : 1;
  const amount = round2(Math.round(int(lo, hi) / 10) * 10 * qty);
  const stage =
    account.kind === 'prospect'
      ? weighted([
          ['prospecting', 30],
          ['qualification', 25],
          ['proposal', 18],
          ['negotiation', 10],
          ['lost', 17],
        ] as const)
      : weighted([
          ['prospecting', 10],
          ['qualification', 12],
          ['proposal', 14],
          ['negotiation', 12],
          ['won', 37],
          ['lost', 15],
        ] as const);
  const closed = stage === 'won' || stage === 'lost';
  const closeDay = closed ? -int(5, 700) : int(3, 200);
  let owner: Owner;
  let ownerLogin: string | null = null;
  if (account.ownerTeam && chance(0.6)) owner = TEAM(account.ownerTeam);
  else {
    ownerLogin =
      account.ownerLogin && chance(0.8) ? account.ownerLogin : account.ownerTeam ? pick(['c.petit', 'i.laurent', 'r.fontaine']) : salesRep(account.region);
    owner = U(ownerLogin);
  }
  if (!account.ownerTeam && account.region.startsWith('ARA') && amount > 30_000 && chance(0.35)) {
    owner = TEAM(T.CN);
    ownerLogin = null;
  }
  const name = `${qty > 1 ? `${qty} × ` : ''}${product} – ${shortName(account)}`;
  const rec: Rec = { reference: ref('DEA', n), name, account: account.ref, owner };
  put(rec, 'amount', amount);
  put(rec, 'stage', stage, 'prospecting');
  if (chance(0.9)) put(rec, 'probability', STAGE_PROBABILITY[stage]);
  put(rec, 'closeDate', dateStr(weekday(daysFromToday(closeDay))));
  dealRecs.push(rec);
  const info: DealInfo = { ref: rec.reference as string, account, amount, stage, product, owner, ownerLogin, closeDay };
  deals.push(info);
  account.deals.push(info);
}

// --- Quotes --------------------------------------------------------------------------------------

interface QuoteInfo {
  ref: string;
  account: AccountInfo;
  deal: DealInfo | null;
  amount: number;
  status: string;
  day: number;
  product: string;
  owner: Owner;
}
const quotes: QuoteInfo[] = [];
const quoteRecs: Rec[] = [];
const quotable = shuffled(deals.filter((d) => ['proposal', 'negotiation', 'won', 'lost'].includes(d.stage)));
const quoteSources: Array<DealInfo | null> = [...quotable.slice(0, 282)];
for (let i = 0; i < 18; i++) quoteSources.splice(int(0, quoteSources.length), 0, null);
let quoteNumber = 1000;
for (const deal of quoteSources.slice(0, 300)) {
  const n = quotes.length + 1;
  const account = deal?.account ?? pick(customers);
  const product = deal?.product ?? weighted(PRODUCTS.filter((p) => p[1] < 10_000).map((p) => [p[0], p[3]] as const));
  const amount = deal ? round2(Math.round(deal.amount * (0.92 + rand() * 0.08) * 100) / 100) : round2(int(400, 9000) + int(0, 99) / 100);
  const status = !deal
    ? weighted([
        ['draft', 2],
        ['sent', 3],
        ['accepted', 4],
        ['refused', 1],
      ] as const)
    : deal.stage === 'won'
      ? 'accepted'
      : deal.stage === 'lost'
        ? chance(0.8)
          ? 'refused'
          : 'sent'
        : deal.stage === 'negotiation'
          ? 'sent'
          : weighted([
              ['draft', 1],
              ['sent', 2],
            ] as const);
  const day = deal ? Math.min(deal.closeDay - int(10, 45), -1) : -int(2, 400);
  let owner: Owner;
  if (chance(0.35)) owner = U(weighted(ADV));
  else if (deal) owner = deal.owner;
  else owner = account.ownerLogin ? U(account.ownerLogin) : TEAM(account.ownerTeam!);
  quoteNumber += int(1, 3);
  const year = new Date(daysFromToday(day)).getUTCFullYear();
  const rec: Rec = {
    reference: ref('QUO', n),
    name: `Devis DV-${year}-${pad(quoteNumber, 4)} – ${product}`,
    account: account.ref,
    deal: deal?.ref ?? null,
    owner,
  };
  put(rec, 'amount', amount);
  put(rec, 'status', status, 'draft');
  put(rec, 'validUntil', dateStr(daysFromToday(day + 30)));
  quoteRecs.push(rec);
  quotes.push({ ref: rec.reference as string, account, deal, amount, status, day, product, owner });
}

// --- Sales orders --------------------------------------------------------------------------------

interface OrderInfo {
  ref: string;
  account: AccountInfo;
  amount: number;
  status: string;
  day: number;
  label: string;
}
const orders: OrderInfo[] = [];
const orderRecs: Rec[] = [];
const accepted = quotes.filter((q) => q.status === 'accepted');
const wonWithoutQuote = deals.filter((d) => d.stage === 'won' && !quotes.some((q) => q.deal === d));
const orderSources: Array<{ quote: QuoteInfo | null; deal: DealInfo | null; account: AccountInfo }> = [
  ...accepted.map((q) => ({ quote: q, deal: q.deal, account: q.account })),
  ...wonWithoutQuote.map((d) => ({ quote: null, deal: d, account: d.account })),
];
while (orderSources.length < 250) orderSources.push({ quote: null, deal: null, account: pick(customers) });
let orderNumber = 2000;
for (const src of shuffled(orderSources).slice(0, 250)) {
  const n = orders.length + 1;
  const label =
    src.quote?.product ??
    src.deal?.product ??
    pick([
      'Pièces détachées',
      'Consommables de cuisson',
      'Toiles et couches de fermentation',
      'Plaques et moules perforés',
      'Kit de joints de porte',
      'Résistances de four',
    ]);
  const amount = src.quote?.amount ?? src.deal?.amount ?? round2(int(80, 3500) + int(0, 99) / 100);
  const day = src.quote ? src.quote.day + int(3, 25) : src.deal ? src.deal.closeDay + int(0, 10) : chance(0.4) ? -int(0, 20) : -int(1, 500);
  const age = -day;
  const status =
    age > 60
      ? weighted([
          ['delivered', 17],
          ['cancelled', 1],
          ['confirmed', 1],
        ] as const)
      : age > 14
        ? weighted([
            ['delivered', 5],
            ['confirmed', 5],
            ['pending', 1],
            ['cancelled', 1],
          ] as const)
        : weighted([
            ['pending', 5],
            ['confirmed', 4],
          ] as const);
  let owner: Owner;
  const r = rand();
  if (r < 0.5) owner = U(weighted(ADV));
  else if (r < 0.7) owner = U(weighted(COMPTA_POOL));
  else owner = src.quote?.owner ?? src.deal?.owner ?? U(src.account.ownerLogin ?? 'v.bertrand');
  orderNumber += int(1, 4);
  const rec: Rec = {
    reference: ref('SO', n),
    name: `Commande CC-${new Date(daysFromToday(Math.min(day, 0))).getUTCFullYear()}-${pad(orderNumber, 4)} – ${label}`,
    account: src.account.ref,
    deal: src.deal?.ref ?? null,
    quote: src.quote?.ref ?? null,
    owner,
  };
  put(rec, 'amount', amount);
  put(rec, 'status', status, 'pending');
  put(rec, 'orderDate', dateStr(weekday(daysFromToday(Math.min(day, 0)))));
  orderRecs.push(rec);
  orders.push({ ref: rec.reference as string, account: src.account, amount, status, day: Math.min(day, 0), label });
}

// --- Invoices ------------------------------------------------------------------------------------

const invoiceRecs: Rec[] = [];
let invoiceNumber = 5000;
function addInvoice(account: AccountInfo, order: OrderInfo | null, label: string, amount: number, issueDay: number): void {
  const n = invoiceRecs.length + 1;
  const age = -issueDay;
  const status =
    age > 75
      ? weighted([
          ['paid', 14],
          ['overdue', 2],
          ['cancelled', 1],
        ] as const)
      : age > 30
        ? weighted([
            ['paid', 6],
            ['sent', 2],
            ['overdue', 3],
          ] as const)
        : age > 3
          ? weighted([
              ['sent', 6],
              ['paid', 2],
            ] as const)
          : weighted([
              ['draft', 3],
              ['sent', 2],
            ] as const);
  let owner: Owner;
  if (status === 'overdue' && chance(0.6)) owner = TEAM(T.RECO);
  else if (chance(0.04)) owner = U('p.aubert');
  else owner = U(weighted(COMPTA_POOL));
  invoiceNumber += int(1, 3);
  const year = new Date(daysFromToday(issueDay)).getUTCFullYear();
  const rec: Rec = {
    reference: ref('INV', n),
    name: `Facture FA-${year}-${pad(invoiceNumber, 5)} – ${label}`,
    account: account.ref,
    salesOrder: order?.ref ?? null,
    owner,
  };
  put(rec, 'amount', round2(amount));
  put(rec, 'status', status, 'draft');
  if (status !== 'draft') {
    put(rec, 'issueDate', dateStr(weekday(daysFromToday(issueDay))));
    put(rec, 'dueDate', dateStr(daysFromToday(issueDay + pick([30, 30, 45, 60]))));
  }
  invoiceRecs.push(rec);
}
for (const o of orders) {
  if (invoiceRecs.length >= 270) break;
  if (o.status === 'pending' || o.status === 'cancelled') continue;
  if (o.amount >= 15_000 && chance(0.55)) {
    addInvoice(o.account, o, `Acompte 30 % ${o.label}`, o.amount * 0.3, o.day + int(0, 5));
    if (o.status === 'delivered') addInvoice(o.account, o, `Solde ${o.label}`, o.amount - round2(o.amount * 0.3), o.day + int(15, 45));
  } else if (o.status !== 'confirmed' || chance(0.3)) {
    addInvoice(o.account, o, o.label, o.amount, Math.min(o.day + int(5, 40), 0));
  }
}
while (invoiceRecs.length < 300) {
  const a = pick(customers);
  addInvoice(
    a,
    null,
    pick([
      'Contrat de maintenance annuel',
      'Intervention SAV hors garantie',
      'Déplacement technicien',
      'Formation à la prise en main',
      'Location de four de remplacement',
    ]),
    int(150, 4200) + int(0, 99) / 100,
    chance(0.5) ? -int(0, 45) : -int(0, 420),
  );
}

// --- Purchase orders -----------------------------------------------------------------------------

const suppliers = accounts.filter((a) => a.kind === 'supplier');
const poRecs: Rec[] = [];
const PO_ITEMS: Array<[RegExp, string[]]> = [
  [
    /Fours|Cuisson|Thermique|Céramiques/,
    [
      'Réassort fours ventilés',
      'Fours à sole pour stock',
      'Résistances et thermostats',
      'Soles réfractaires de rechange',
      'Four de démonstration pour le showroom',
    ],
  ],
  [
    /Pétrins|Laminoirs|Automatismes|Balances/,
    ['Pétrins à spirale pour stock', 'Laminoirs de table', 'Cartes électroniques de rechange', 'Diviseuses pour commandes clients', 'Balances de laboratoire'],
  ],
  [
    /Froid|Frigéco|Chambres Froides|Vitrines/,
    ['Chambres froides sur mesure', 'Vitrines réfrigérées', 'Compresseurs de rechange', 'Cellules de refroidissement pour stock'],
  ],
  [
    /Inox|Agencement|Cuisines|Ventilation|Lavage/,
    ['Plans de travail inox', 'Hottes et extraction', 'Lave-vaisselle pour commandes clients', 'Agencement sur mesure'],
  ],
  [/Pièces|Moules|Tissus/, ['Pièces détachées SAV', 'Kit de joints et sondes', 'Plaques et moules perforés', 'Toiles et couches de fermentation']],
  [/Transports/, ['Transport et livraison', 'Affrètement semi-remorque', 'Livraisons express SAV']],
  [/Emballages|Hygiène/, ['Emballages et palettes', "Produits d'hygiène pour le showroom", 'Consommables de démonstration']],
  [/Formation/, ['Formation des techniciens', 'Session de formation clients']],
];
const poItem = (supplier: string) => pick((PO_ITEMS.find(([re]) => re.test(supplier)) ?? PO_ITEMS[4])[1]);
for (let n = 1; n <= 100; n++) {
  const supplier = pick(suppliers);
  const linked = chance(0.75);
  const day = -int(0, 420) + int(0, 60);
  const status =
    day > 0
      ? weighted([
          ['draft', 2],
          ['ordered', 5],
        ] as const)
      : day > -30
        ? weighted([
            ['ordered', 5],
            ['received', 3],
            ['draft', 1],
          ] as const)
        : weighted([
            ['received', 12],
            ['cancelled', 1],
          ] as const);
  const owner = chance(0.05) ? U('p.aubert') : U(weighted(ACHATS_POOL));
  const rec: Rec = {
    reference: ref('PO', n),
    name: `${poItem(supplier.name)} – BC-${pad(700 + n * 3, 4)}`,
    account: linked ? supplier.ref : null,
    owner,
  };
  put(rec, 'supplier', supplier.name);
  put(rec, 'amount', round2(int(300, 48_000) + (chance(0.5) ? int(0, 99) / 100 : 0)));
  put(rec, 'status', status, 'draft');
  if (status !== 'cancelled' || chance(0.5)) put(rec, 'expectedDate', dateStr(weekday(daysFromToday(day + int(7, 45)))));
  poRecs.push(rec);
}

// --- Tickets -------------------------------------------------------------------------------------

const TICKETS: Array<[string, string]> = [
  ['Four ventilé : sonde de température défectueuse', 'La température affichée dérive de 15 °C en cours de cuisson.'],
  ['Four à sole : une bouche ne chauffe plus', 'La sole de la bouche 3 reste froide ; disjoncteur vérifié par le client.'],
  ['Pétrin : bruit anormal du moteur', 'Grincement au démarrage en première vitesse, depuis la semaine dernière.'],
  ['Chambre froide : température instable', 'Alarme haute température la nuit ; le groupe se met en sécurité.'],
  ['Chambre de pousse : humidité insuffisante', 'Les pâtons croûtent ; le générateur de vapeur semble entartré.'],
  ['Vitrine réfrigérée : condensation sur la vitre', 'Buée permanente côté clients, ventilateur à contrôler.'],
  ['Diviseuse : pesées irrégulières', 'Écarts de poids de 20 g entre les pâtons.'],
  ['Laminoir : tapis déchiré', 'Remplacement du tapis à prévoir, pièce à commander.'],
  ['Demande de formation à l’utilisation', 'Nouvel apprenti à former sur le programmateur du four.'],
  ['Facture : écart de montant', "Le client conteste l'éco-participation facturée."],
  ['Livraison incomplète', 'Il manque les grilles inox de la commande.'],
  ['Mise en service à planifier', 'Installation terminée, mise en service avec le technicien à caler.'],
  ['Remplacement du joint de porte', 'Joint de porte usé, perte de chaleur importante.'],
  ['Cellule de refroidissement : erreur E04', 'Code E04 affiché à chaque cycle de surgélation.'],
  ['Lave-vaisselle : fuite sous la machine', "Flaque d'eau après chaque cycle."],
  ['Demande de contrat de maintenance', 'Le client souhaite une visite préventive deux fois par an.'],
  ['Four rotatif : brûleur qui se met en défaut', 'Mise en sécurité du brûleur après dix minutes de chauffe.'],
  ['Batteur : fouet déformé', 'Fouet à remplacer, le client demande un prêt en attendant.'],
];
const ticketRecs: Rec[] = [];
for (let n = 1; n <= 300; n++) {
  const account = chance(0.95) ? pick(customers) : pick(prospects);
  const [title, description] = pick(TICKETS);
  const day = chance(0.3) ? -int(0, 21) : -int(0, 365);
  const age = -day;
  const status =
    age > 60
      ? weighted([
          ['closed', 12],
          ['resolved', 3],
          ['waiting', 1],
        ] as const)
      : age > 10
        ? weighted([
            ['resolved', 4],
            ['closed', 3],
            ['in_progress', 3],
            ['waiting', 2],
            ['open', 1],
          ] as const)
        : weighted([
            ['open', 4],
            ['in_progress', 4],
            ['waiting', 1],
          ] as const);
  const urgent = /Chambre froide|brûleur|ne chauffe plus|fuite/.test(title);
  const priority = urgent
    ? weighted([
        ['urgent', 3],
        ['high', 3],
        ['normal', 1],
      ] as const)
    : weighted([
        ['low', 2],
        ['normal', 6],
        ['high', 2],
      ] as const);
  let owner: Owner;
  if (priority === 'urgent' && chance(0.6)) owner = TEAM(T.SAV);
  else if (/Facture/.test(title) && chance(0.5)) owner = U(weighted(COMPTA_POOL));
  else owner = U(weighted(SUPPORT));
  const rec: Rec = { reference: ref('TIC', n), name: `${title} – ${shortName(account)}`, account: chance(0.97) ? account.ref : null, owner };
  put(rec, 'priority', priority, 'normal');
  put(rec, 'status', status, 'open');
  if (chance(0.85)) put(rec, 'description', `${description} Ouvert le ${dateStr(daysFromToday(day)).split('-').reverse().join('/')}.`);
  ticketRecs.push(rec);
}

// --- Activities ----------------------------------------------------------------------------------

const activityRecs: Rec[] = [];
const ACT: Record<string, string[]> = {
  call: ['Appel de suivi', 'Relance du devis', 'Appel de prise de rendez-vous', 'Point sur la livraison', 'Appel de satisfaction après installation'],
  meeting: [
    'Démonstration du four ventilé',
    'Visite du laboratoire',
    'Rendez-vous de présentation',
    'Réunion de chantier',
    'Mise en service sur site',
    'Essai de cuisson en showroom',
  ],
  email: [
    'Envoi de la documentation technique',
    'Envoi du devis révisé',
    'Envoi des conditions de financement',
    'Confirmation du rendez-vous',
    'Envoi du plan d’implantation',
  ],
  task: [
    "Préparer l'offre de reprise",
    'Planifier la mise en service',
    'Vérifier le financement',
    'Mettre à jour la fiche client',
    'Préparer le bon de livraison',
  ],
};
function addActivity(owner: Owner, account: AccountInfo | null, contact: ContactInfo | null, forced?: { kind: string; name: string }): void {
  const n = activityRecs.length + 1;
  const kind =
    forced?.kind ??
    weighted([
      ['call', 40],
      ['meeting', 22],
      ['email', 23],
      ['task', 15],
    ] as const);
  const day = int(-240, 45);
  const slot = int(0, 19); // 07:00 to 16:30 UTC, every half hour
  const due = weekday(daysFromToday(day)) + (7 * 60 + slot * 30) * 60_000;
  const who = contact?.name ?? (account ? shortName(account) : null);
  const name = forced?.name ?? `${pick(ACT[kind])}${who ? ` – ${who}` : ''}`;
  const rec: Rec = { reference: ref('ACT', n), name, account: account?.ref ?? null, contact: contact?.ref ?? null, owner };
  put(rec, 'kind', kind, 'call');
  if (chance(0.95)) put(rec, 'dueAt', new Date(due).toISOString());
  put(rec, 'done', day < 0 ? chance(0.88) : false, false);
  if (chance(0.4)) {
    put(
      rec,
      'description',
      pick([
        'Client intéressé, rappeler après le conseil de gestion.',
        'Prévoir un technicien pour le relevé des cotes.',
        'Demande une remise pour un paiement comptant.',
        'Compare avec une offre concurrente, rester attentif au délai.',
        'Souhaite un financement en crédit-bail sur 5 ans.',
        'A confirmé la date de livraison.',
        'Laisser un message au secrétariat.',
        'Apporter des échantillons de toiles de couche.',
        'Relancer la facture en attente avant le rendez-vous.',
      ]),
    );
  }
  activityRecs.push(rec);
}
const salesContacts = contacts.filter((c) => c.account && c.account.kind !== 'supplier');
while (activityRecs.length < 780) {
  const r = rand();
  if (r < 0.68) {
    const c = pick(salesContacts);
    const owner = chance(0.85) ? U(c.advisor) : U(weighted(ADV));
    addActivity(owner, c.account, c);
  } else if (r < 0.82) {
    const a = pick(customers);
    addActivity(U(weighted(SUPPORT)), a, a.contacts.length && chance(0.6) ? pick(a.contacts) : null, {
      kind: pick(['call', 'meeting', 'task']),
      name: `${pick(['Intervention SAV', 'Rappel client après intervention', 'Diagnostic à distance', 'Visite de maintenance préventive'])} – ${shortName(a)}`,
    });
  } else if (r < 0.9) {
    const a = pick(accounts);
    addActivity(a.ownerLogin ? U(a.ownerLogin) : TEAM(a.ownerTeam!), a, null);
  } else if (r < 0.95) {
    const c = pick(contacts.filter((x) => !x.account));
    addActivity(U(c.advisor), null, c);
  } else if (r < 0.98) {
    const a = pick(customers);
    addActivity(U(weighted(COMPTA_POOL)), a, null, { kind: pick(['call', 'email']), name: `Relance de paiement – ${shortName(a)}` });
  } else {
    addActivity(TEAM(T.SALONS), null, null, {
      kind: 'task',
      name: pick([
        'Préparer le stand du Sirha',
        'Commander les plaquettes pour Europain',
        'Inviter les clients au salon régional',
        'Bilan des contacts du salon',
      ]),
    });
  }
}
// A few internal tasks of people who cannot sign in (collaborators without access still own records).
addActivity(U('g.lambert'), pick(customers), null, { kind: 'task', name: 'Livraison et installation du four – tournée du mardi' });
addActivity(U('g.lambert'), pick(customers), null, { kind: 'task', name: 'Reprise de l’ancien pétrin chez le client' });
addActivity(U('j.fabre'), null, null, { kind: 'call', name: 'Rappeler le transporteur pour le retard de livraison' });
while (activityRecs.length < 800) {
  const c = pick(salesContacts);
  addActivity(U(c.advisor), c.account, c);
}

// --- A handful of records of inactive users (their records stay reachable by their superiors) ---

function reassign(list: Rec[], count: number, login: string, filter: (r: Rec) => boolean): void {
  let done = 0;
  for (const r of list) {
    if (done >= count) break;
    if (filter(r)) {
      r.owner = U(login);
      done++;
    }
  }
}
const regionOfAccount = new Map(accounts.map((a) => [a.ref, a.region]));
reassign(dealRecs, 3, 'p.mercier', (r) => regionOfAccount.get(r.account as string) === 'ARA-Lyon' && r.stage === 'lost');
reassign(leadRecs, 2, 'p.mercier', (r) => r.status === 'lost' && (r.owner as { user?: string }).user === 'commercial');
reassign(leadRecs, 2, 'v.muller', (r) => r.status === 'lost' && regionOfLogin.get((r.owner as { user?: string }).user ?? '') === 'SE-Provence');
reassign(dealRecs, 1, 'v.muller', (r) => regionOfAccount.get(r.account as string) === 'SE-Provence' && r.stage === 'lost');
reassign(ticketRecs, 3, 'j.picard', (r) => r.status === 'closed');

// ---------------------------------------------------------------------------------------------
// The document

// ---------------------------------------------------------------------------------------------
// Client access (docs/spec/client-access.md): the firm's clients in their own dossiers. Picked without the
// PRNG, after everything else, so that the rest of the demo stays the same.

/** A consultant's restriction of Easy Invoicing for one client: same tier (and price), read only. */
profiles.push({
  name: 'Easy Invoicing – lecture seule',
  description: 'Easy Invoicing restreint : consulter devis et factures, échanger par tickets',
  system: false,
  default: false,
  audience: 'client',
  licenseTier: 'invoicing',
  viewAll: false,
  editAll: false,
  capabilities: [],
  modules: modules({ Account: 'r', Quote: 'r', Invoice: 'r', SalesOrder: 'r', Ticket: 'cre' }),
  contactScopes: {},
  fields: { Invoice: { amount: 'read' } },
} as unknown as Profile);

const invoiced = (a: AccountInfo) => invoiceRecs.filter((r) => r.account === a.ref).length;
const clientAccounts = accounts
  .filter((a) => a.kind === 'customer' && a.ownerLogin !== null && invoiced(a) > 0)
  .sort((a, b) => invoiced(b) - invoiced(a) || byString(a.ref, b.ref));
const clientUser = (login: string, first: string, last: string, company: string, dossiers: Array<[AccountInfo, string]>) => ({
  login,
  email: `${slug(first)}.${slug(last)}@${slug(company).slice(0, 30)}.test`,
  password: PASSWORD,
  firstName: first,
  lastName: last,
  isAdmin: false,
  status: 'active',
  role: null,
  kind: 'client',
  company,
  loginHours: null,
  title: 'Client',
  dossiers: dossiers.map(([a, profile]) => ({ account: a.ref, profile })),
});
// The accountant of two bakeries, under two different profiles; three clients with one dossier each.
users.push(
  clientUser('client', 'Hélène', 'Morel', 'Fiduciaire Morel', [
    [clientAccounts[0], 'Comptabilité complète'],
    [clientAccounts[1], 'Easy Invoicing'],
  ]),
  clientUser('client.gerant', 'Bruno', 'Vasseur', clientAccounts[2].name, [[clientAccounts[2], 'Connect & pay']]),
  clientUser('client.gestion', 'Amélie', 'Roussel', clientAccounts[3].name, [[clientAccounts[3], 'Easy Invoicing – lecture seule']]),
  clientUser('client.commercial', 'Karim', 'Haddad', clientAccounts[4].name, [[clientAccounts[4], 'Gestion commerciale avancée']]),
);

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => byString(a.name, b.name));
const byRef = (list: Rec[]) => [...list].sort((a, b) => byString(a.reference as string, b.reference as string));

const doc = {
  version: 1,
  profiles: byName(profiles),
  roles: byName(roles),
  teams: byName(teams),
  users: [...users].sort((a, b) => byString(a.login as string, b.login as string)),
  subscription: { seats: { limited: 8, premium: 8, standard: 40, connect: 10, invoicing: 10, accounting: 5, commercial: 5 } },
  sharing: {
    defaults: Object.fromEntries(Object.entries(sharingDefaults).sort(([a], [b]) => byString(a, b))),
    rules,
  },
  records: {
    Lead: byRef(leadRecs),
    Account: byRef(accounts.map((a) => a.rec)),
    Contact: byRef(contactRecs),
    Deal: byRef(dealRecs),
    Ticket: byRef(ticketRecs),
    Quote: byRef(quoteRecs),
    SalesOrder: byRef(orderRecs),
    PurchaseOrder: byRef(poRecs),
    Invoice: byRef(invoiceRecs),
    Activity: byRef(activityRecs),
  },
};

// Sanity checks that the importer would also make, reported early with a clear message.
{
  const logins = new Set(users.map((u) => u.login as string));
  for (const u of users) if (u.reportsTo && !logins.has(u.reportsTo as string)) throw new Error(`reportsTo of ${u.login}: no user ${u.reportsTo}`);
  for (const u of userDefs) if (u.role && !roles.some((r) => r.name === u.role)) throw new Error(`role of ${u.login}: no role ${u.role}`);
  void userByLogin;
}

fs.writeFileSync(OUT, JSON.stringify(doc, null, 2) + '\n');
const counts = Object.fromEntries(Object.entries(doc.records).map(([m, l]) => [m, l.length]));
console.log(
  `Wrote ${path.relative(process.cwd(), OUT)}: ${profiles.length} profiles, ${roles.length} roles, ${teams.length} teams, ${users.length} users, ${rules.length} rules`,
);
console.log(`Records: ${JSON.stringify(counts)}`);
