import { boolLabels, enumLabels, type resourcesFr, type SameKeys } from './resources.fr.js';

const resourceNames = {
  Lead: 'Leads',
  Account: 'Accounts',
  Contact: 'Contacts',
  Deal: 'Deals',
  Ticket: 'Tickets',
  Quote: 'Quotes',
  SalesOrder: 'Sales orders',
  PurchaseOrder: 'Purchase orders',
  Invoice: 'Invoices',
  Activity: 'Activities',
  User: 'Users',
  Profile: 'Permission profiles',
  Role: 'Roles',
  Team: 'Teams',
  SharingRule: 'Sharing rules',
  SharingDefault: 'Sharing defaults',
  AuditEntry: 'Audit trail',
  LoginEvent: 'Logins',
  // Not a resource: the module of the access requests' entries in the audit trail (docs/spec/seats.md).
  AccessRequest: 'Access requests',
};

const crmModules = {
  Lead: 'Leads',
  Account: 'Accounts',
  Contact: 'Contacts',
  Deal: 'Deals',
  Ticket: 'Tickets',
  Quote: 'Quotes',
  SalesOrder: 'Sales orders',
  PurchaseOrder: 'Purchase orders',
  Invoice: 'Invoices',
  Activity: 'Activities',
};

const record = {
  id: 'ID',
  reference: 'Reference',
  name: 'Name',
  createdById: 'Created by',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
};

const owned = {
  ...record,
  ownerUserId: 'Owner',
  ownerTeamId: 'Owner team',
};

const address = {
  street: 'Street',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
};

const ruleKinds = { role: 'Role', roleAndSubordinates: 'Role and subordinates', team: 'Team' };

export const resourcesEn: SameKeys<typeof resourcesFr> = {
  labels: {
    crm: 'CRM',
    ...resourceNames,
  },
  resources: {
    Lead: {
      properties: {
        ...owned,
        company: 'Company',
        email: 'Email',
        phone: 'Phone',
        source: 'Source',
        status: 'Status',
        estimatedValue: 'Estimated value',
      },
      labels: {
        ...enumLabels('source', {
          web: 'Website',
          event: 'Event',
          referral: 'Referral',
          inbound_call: 'Inbound call',
          partner: 'Partner',
        }),
        ...enumLabels('status', {
          new: 'New',
          contacted: 'Contacted',
          qualified: 'Qualified',
          lost: 'Lost',
          converted: 'Converted',
        }),
      },
    },
    Account: {
      properties: {
        ...owned,
        industry: 'Industry',
        siret: 'SIRET',
        email: 'Email',
        phone: 'Phone',
        website: 'Website',
        ...address,
        annualRevenue: 'Annual revenue',
        employees: 'Employees',
      },
    },
    Contact: {
      properties: {
        ...record,
        primaryAdvisorId: 'Primary advisor',
        secondaryAdvisorId: 'Secondary advisor',
        assistantId: 'Assistant',
        accountId: 'Account',
        type: 'Type',
        jobTitle: 'Job title',
        email: 'Email',
        phone: 'Phone',
        mobilePhone: 'Mobile',
        birthDate: 'Date of birth',
        ...address,
      },
      labels: {
        ...enumLabels('type', { client: 'Client', prospect: 'Prospect', supplier: 'Supplier', other: 'Other' }),
      },
    },
    Deal: {
      properties: {
        ...owned,
        accountId: 'Account',
        amount: 'Amount',
        stage: 'Stage',
        probability: 'Probability (%)',
        closeDate: 'Close date',
      },
      labels: {
        ...enumLabels('stage', {
          prospecting: 'Prospecting',
          qualification: 'Qualification',
          proposal: 'Proposal',
          negotiation: 'Negotiation',
          won: 'Won',
          lost: 'Lost',
        }),
      },
    },
    Ticket: {
      properties: {
        ...owned,
        accountId: 'Account',
        priority: 'Priority',
        status: 'Status',
        description: 'Description',
      },
      labels: {
        ...enumLabels('priority', { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' }),
        ...enumLabels('status', {
          open: 'Open',
          in_progress: 'In progress',
          waiting: 'Waiting',
          resolved: 'Resolved',
          closed: 'Closed',
        }),
      },
    },
    Quote: {
      properties: {
        ...owned,
        accountId: 'Account',
        dealId: 'Deal',
        amount: 'Amount',
        status: 'Status',
        validUntil: 'Valid until',
      },
      labels: {
        ...enumLabels('status', { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', refused: 'Refused' }),
      },
    },
    SalesOrder: {
      properties: {
        ...owned,
        accountId: 'Account',
        dealId: 'Deal',
        quoteId: 'Quote',
        amount: 'Amount',
        status: 'Status',
        orderDate: 'Order date',
      },
      labels: {
        ...enumLabels('status', { pending: 'Pending', confirmed: 'Confirmed', delivered: 'Delivered', cancelled: 'Cancelled' }),
      },
    },
    PurchaseOrder: {
      properties: {
        ...owned,
        accountId: 'Account',
        supplier: 'Supplier',
        amount: 'Amount',
        status: 'Status',
        expectedDate: 'Expected delivery date',
      },
      labels: {
        ...enumLabels('status', { draft: 'Draft', ordered: 'Ordered', received: 'Received', cancelled: 'Cancelled' }),
      },
    },
    Invoice: {
      properties: {
        ...owned,
        accountId: 'Account',
        salesOrderId: 'Sales order',
        amount: 'Amount',
        status: 'Status',
        issueDate: 'Issue date',
        dueDate: 'Due date',
      },
      labels: {
        ...enumLabels('status', {
          draft: 'Draft',
          sent: 'Sent',
          paid: 'Paid',
          overdue: 'Overdue',
          cancelled: 'Cancelled',
        }),
      },
    },
    Activity: {
      properties: {
        ...owned,
        accountId: 'Account',
        contactId: 'Contact',
        kind: 'Type',
        dueAt: 'Due',
        done: 'Done',
        description: 'Description',
      },
      labels: {
        ...enumLabels('kind', { call: 'Call', meeting: 'Meeting', email: 'Email', task: 'Task' }),
        ...boolLabels('done', 'Yes', 'No'),
      },
    },
    User: {
      properties: {
        id: 'ID',
        login: 'Username',
        email: 'Email',
        password: 'Password',
        firstName: 'First name',
        lastName: 'Last name',
        fullName: 'Full name',
        isAdmin: 'Administrator',
        status: 'Status',
        roleId: 'Role',
        kind: 'Type',
        company: 'Company',
        title: 'Job title',
        department: 'Department',
        reportsToId: 'Manager',
        phone: 'Phone',
        mobilePhone: 'Mobile',
        locale: 'Language',
        loginHours: 'Login hours',
        system: 'System',
        freeSeat: 'Free seat',
        freeSeatReason: 'Free seat reason',
        createdAt: 'Created at',
        updatedAt: 'Updated at',
      },
      labels: {
        ...enumLabels('status', { active: 'Active', inactive: 'Inactive' }),
        ...enumLabels('kind', { internal: 'Internal', client: 'Client' }),
        ...enumLabels('locale', { fr: 'French', en: 'English' }),
        ...boolLabels('isAdmin', 'Yes', 'No'),
        ...boolLabels('system', 'Yes', 'No'),
        ...boolLabels('freeSeat', 'Yes', 'No'),
      },
    },
    Profile: {
      properties: {
        id: 'ID',
        name: 'Name',
        description: 'Description',
        system: 'System',
        isDefault: 'Default',
        audience: 'Audience',
        licenseTier: 'License',
        viewAll: 'View all',
        editAll: 'Edit all',
        capabilities: 'Special permissions',
        modules: 'Module permissions',
        contactScopes: 'Contact scopes',
        fields: 'Field permissions',
        createdAt: 'Created at',
        updatedAt: 'Updated at',
      },
      labels: {
        ...enumLabels('audience', { internal: 'Internal', client: 'Client' }),
        ...enumLabels('licenseTier', {
          limited: 'Limited',
          standard: 'Standard',
          premium: 'Premium',
          connect: 'Connect & pay',
          invoicing: 'Easy Invoicing',
          accounting: 'Full accounting',
          commercial: 'Advanced sales management',
        }),
        ...enumLabels('capabilities', {
          manageUsers: 'Manage users',
          manageAccess: 'Manage access rights',
          viewAudit: 'View the audit trail',
          viewStats: 'View statistics',
          requestAccessChanges: 'Request access changes',
        }),
        ...boolLabels('system', 'Yes', 'No'),
        ...boolLabels('isDefault', 'Yes', 'No'),
        ...boolLabels('viewAll', 'Yes', 'No'),
        ...boolLabels('editAll', 'Yes', 'No'),
      },
    },
    Role: {
      properties: {
        id: 'ID',
        name: 'Name',
        parentId: 'Parent role',
        profiles: 'Profiles',
      },
    },
    Team: {
      properties: {
        id: 'ID',
        name: 'Name',
        description: 'Description',
        members: 'Members',
        roles: 'Roles',
        rolesAndSubordinates: 'Roles and subordinates',
        teams: 'Teams',
      },
    },
    SharingDefault: {
      properties: {
        module: 'Module',
        level: 'Sharing level',
      },
      labels: {
        ...enumLabels('module', crmModules),
        ...enumLabels('level', {
          private: 'Private',
          public_read: 'Public read only',
          public_read_write: 'Public read/write',
          public_read_write_delete: 'Public read/write/delete',
        }),
      },
    },
    SharingRule: {
      properties: {
        sentence: 'Rule',
        id: 'ID',
        name: 'Name',
        module: 'Module',
        fromKind: 'Records of: type',
        fromRoleId: 'Records of: role',
        fromTeamId: 'Records of: team',
        toKind: 'Shared with: type',
        toRoleId: 'Shared with: role',
        toTeamId: 'Shared with: team',
        access: 'Access',
      },
      labels: {
        ...enumLabels('module', crmModules),
        ...enumLabels('fromKind', ruleKinds),
        ...enumLabels('toKind', ruleKinds),
        ...enumLabels('access', { read: 'Read only', read_write: 'Read/write' }),
      },
    },
    AuditEntry: {
      properties: {
        id: 'ID',
        at: 'Date',
        actorId: 'Actor',
        actorLogin: 'Actor username',
        action: 'Action',
        module: 'Module',
        recordId: 'Record ID',
        reference: 'Reference',
        changes: 'Changes',
        message: 'Message',
        ip: 'IP address',
        userAgent: 'Browser',
        hash: 'Hash',
        prevHash: 'Previous hash',
      },
      labels: {
        ...enumLabels('module', resourceNames),
      },
    },
    LoginEvent: {
      properties: {
        id: 'ID',
        at: 'Date',
        login: 'Username',
        userId: 'User',
        success: 'Succeeded',
        reason: 'Reason',
        ip: 'IP address',
        userAgent: 'Browser',
        company: 'Company',
      },
      labels: {
        ...boolLabels('success', 'Yes', 'No'),
      },
    },
  },
};
