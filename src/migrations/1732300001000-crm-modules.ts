import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo CRM's ten modules. Every table has the access paths the engine's SQL walks:
 * owners (with `updated_at` for sorted pages), links, and the unique reference.
 */

interface TableDef {
  table: string;
  prefix: string;
  /** `owner`: owner_user_id / owner_team_id; `advisors`: a Contact's three advisors. */
  ownership: 'owner' | 'advisors';
  links: Array<[column: string, table: string]>;
  columns: string[];
}

const enums: Record<string, string[]> = {
  contact_type: ['client', 'prospect', 'supplier', 'other'],
  lead_source: ['web', 'event', 'referral', 'inbound_call', 'partner'],
  lead_status: ['new', 'contacted', 'qualified', 'lost', 'converted'],
  deal_stage: ['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost'],
  ticket_priority: ['low', 'normal', 'high', 'urgent'],
  ticket_status: ['open', 'in_progress', 'waiting', 'resolved', 'closed'],
  quote_status: ['draft', 'sent', 'accepted', 'refused'],
  sales_order_status: ['pending', 'confirmed', 'delivered', 'cancelled'],
  purchase_order_status: ['draft', 'ordered', 'received', 'cancelled'],
  invoice_status: ['draft', 'sent', 'paid', 'overdue', 'cancelled'],
  activity_kind: ['call', 'meeting', 'email', 'task'],
};

const address = ['street varchar(200)', 'postal_code varchar(10)', 'city varchar(120)', "country varchar(80) DEFAULT 'France'"];

const tables: TableDef[] = [
  {
    table: 'account',
    prefix: 'ACC',
    ownership: 'owner',
    links: [],
    columns: [
      'industry varchar(120)',
      'siret varchar(14)',
      'email varchar(254)',
      'phone varchar(40)',
      'website varchar(200)',
      ...address,
      'annual_revenue numeric(14,2)',
      'employees integer',
    ],
  },
  {
    table: 'lead',
    prefix: 'LEA',
    ownership: 'owner',
    links: [],
    columns: [
      'company varchar(200)',
      'email varchar(254)',
      'phone varchar(40)',
      'source lead_source',
      "status lead_status NOT NULL DEFAULT 'new'",
      'estimated_value numeric(12,2)',
    ],
  },
  {
    table: 'contact',
    prefix: 'CON',
    ownership: 'advisors',
    links: [['account_id', 'account']],
    columns: [
      "type contact_type NOT NULL DEFAULT 'prospect'",
      'job_title varchar(120)',
      'email varchar(254)',
      'phone varchar(40)',
      'mobile_phone varchar(40)',
      'birth_date date',
      ...address,
    ],
  },
  {
    table: 'deal',
    prefix: 'DEA',
    ownership: 'owner',
    links: [['account_id', 'account']],
    columns: [
      'amount numeric(12,2)',
      "stage deal_stage NOT NULL DEFAULT 'prospecting'",
      'probability integer CHECK (probability BETWEEN 0 AND 100)',
      'close_date date',
    ],
  },
  {
    table: 'ticket',
    prefix: 'TIC',
    ownership: 'owner',
    links: [['account_id', 'account']],
    columns: ["priority ticket_priority NOT NULL DEFAULT 'normal'", "status ticket_status NOT NULL DEFAULT 'open'", 'description text'],
  },
  {
    table: 'quote',
    prefix: 'QUO',
    ownership: 'owner',
    links: [
      ['account_id', 'account'],
      ['deal_id', 'deal'],
    ],
    columns: ['amount numeric(12,2)', "status quote_status NOT NULL DEFAULT 'draft'", 'valid_until date'],
  },
  {
    table: 'sales_order',
    prefix: 'SO',
    ownership: 'owner',
    links: [
      ['account_id', 'account'],
      ['deal_id', 'deal'],
      ['quote_id', 'quote'],
    ],
    columns: ['amount numeric(12,2)', "status sales_order_status NOT NULL DEFAULT 'pending'", 'order_date date'],
  },
  {
    table: 'purchase_order',
    prefix: 'PO',
    ownership: 'owner',
    links: [['account_id', 'account']],
    columns: ['supplier varchar(200)', 'amount numeric(12,2)', "status purchase_order_status NOT NULL DEFAULT 'draft'", 'expected_date date'],
  },
  {
    table: 'invoice',
    prefix: 'INV',
    ownership: 'owner',
    links: [
      ['account_id', 'account'],
      ['sales_order_id', 'sales_order'],
    ],
    columns: ['amount numeric(12,2)', "status invoice_status NOT NULL DEFAULT 'draft'", 'issue_date date', 'due_date date'],
  },
  {
    table: 'activity',
    prefix: 'ACT',
    ownership: 'owner',
    links: [
      ['account_id', 'account'],
      ['contact_id', 'contact'],
    ],
    columns: ["kind activity_kind NOT NULL DEFAULT 'call'", 'due_at timestamptz', 'done boolean NOT NULL DEFAULT false', 'description text'],
  },
];

function createTable(t: TableDef): string {
  const owner =
    t.ownership === 'owner'
      ? [
          'owner_user_id integer REFERENCES app_user (id) ON DELETE RESTRICT',
          'owner_team_id integer REFERENCES team (id) ON DELETE RESTRICT',
          'CHECK ((owner_user_id IS NULL) <> (owner_team_id IS NULL))',
        ]
      : [
          'primary_advisor_id integer NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT',
          'secondary_advisor_id integer REFERENCES app_user (id) ON DELETE SET NULL',
          'assistant_id integer REFERENCES app_user (id) ON DELETE SET NULL',
        ];
  const cols = [
    'id serial PRIMARY KEY',
    'reference varchar(40) NOT NULL',
    'name varchar(200) NOT NULL',
    ...t.columns,
    ...t.links.map(([c, target]) => `${c} integer REFERENCES ${target} (id) ON DELETE SET NULL`),
    'created_by_id integer REFERENCES app_user (id) ON DELETE SET NULL',
    'created_at timestamptz NOT NULL DEFAULT now()',
    'updated_at timestamptz NOT NULL DEFAULT now()',
    ...owner,
  ];
  const ownerIndexes =
    t.ownership === 'owner'
      ? [
          `CREATE INDEX ${t.table}_owner_user_idx ON ${t.table} (owner_user_id, updated_at DESC)`,
          `CREATE INDEX ${t.table}_owner_team_idx ON ${t.table} (owner_team_id, updated_at DESC) WHERE owner_team_id IS NOT NULL`,
        ]
      : [
          `CREATE INDEX ${t.table}_primary_advisor_idx ON ${t.table} (primary_advisor_id, updated_at DESC)`,
          `CREATE INDEX ${t.table}_secondary_advisor_idx ON ${t.table} (secondary_advisor_id) WHERE secondary_advisor_id IS NOT NULL`,
          `CREATE INDEX ${t.table}_assistant_idx ON ${t.table} (assistant_id) WHERE assistant_id IS NOT NULL`,
        ];
  return [
    `CREATE SEQUENCE ${t.table}_reference_seq`,
    `CREATE TABLE "${t.table}" (\n  ${cols.join(',\n  ')}\n)`,
    `CREATE UNIQUE INDEX ${t.table}_reference_key ON "${t.table}" (reference)`,
    `CREATE INDEX ${t.table}_updated_idx ON "${t.table}" (updated_at DESC, id DESC)`,
    `CREATE INDEX ${t.table}_name_idx ON "${t.table}" (name)`,
    ...ownerIndexes,
    ...t.links.map(([c]) => `CREATE INDEX ${t.table}_${c}_idx ON "${t.table}" (${c})`),
    `CREATE TRIGGER ${t.table}_reference BEFORE INSERT ON "${t.table}" FOR EACH ROW
       EXECUTE FUNCTION portier_assign_reference('${t.prefix}', '${t.table}_reference_seq')`,
  ].join(';\n');
}

export class CrmModules1732300001000 implements MigrationInterface {
  name = 'CrmModules1732300001000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, values] of Object.entries(enums)) {
      await q.query(`CREATE TYPE ${name} AS ENUM (${values.map((v) => `'${v}'`).join(', ')})`);
    }
    for (const t of tables) await q.query(createTable(t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...tables].reverse()) {
      await q.query(`DROP TABLE IF EXISTS "${t.table}" CASCADE; DROP SEQUENCE IF EXISTS ${t.table}_reference_seq`);
    }
    for (const name of Object.keys(enums)) await q.query(`DROP TYPE IF EXISTS ${name}`);
  }
}
