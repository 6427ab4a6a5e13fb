import { boolean, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { CASE_STATUSES, CLOSURE_REASONS, REFERRAL_SOURCES } from '../../shared/domain/client';
import { ROLES } from '../../shared/domain/user';

/**
 * The spike of docs/growth.md: the clients domain's tables in PostgreSQL, through drizzle's pg-core,
 * column for column as `electron/core/db/schema.ts` has them in SQLite. Dates stay ISO text, as in
 * SQLite, so that the same contract schemas read them; a real port would use `date` and `timestamptz`.
 */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  active: boolean('active').notNull().default(true),
});

export const clients = pgTable('clients', {
  /** From the table's sequence, taken before the row is written, so the reference can be made from it. */
  id: integer('id').primaryKey(),
  reference: text('reference').notNull().unique(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth'),
  phone: text('phone'),
  address: text('address'),
  postcode: text('postcode'),
  preferredLanguage: text('preferred_language'),
  preferredName: text('preferred_name'),
  estimatedBirthYear: integer('estimated_birth_year'),
  gender: text('gender'),
  genderWithheld: boolean('gender_withheld').notNull().default(false),
  pronouns: text('pronouns'),
  email: text('email'),
  interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
  referralSource: text('referral_source', { enum: REFERRAL_SOURCES }),
  referredBy: text('referred_by'),
  intakeDate: text('intake_date'),
  caseworkerId: integer('caseworker_id').references(() => users.id),
  status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
  statusSince: text('status_since'),
  closureReason: text('closure_reason', { enum: CLOSURE_REASONS }),
  sortName: text('sort_name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export const clientSearchTokens = pgTable(
  'client_search_tokens',
  {
    token: text('token').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.token, t.clientId] })],
);

export const auditEvents = pgTable('audit_events', {
  id: serial('id').primaryKey(),
  at: text('at').notNull(),
  userId: integer('user_id').references(() => users.id),
  action: text('action').notNull(),
  clientId: integer('client_id'),
  detail: text('detail'),
});

/**
 * The tables, written by hand as the core's own migrations are. The database is made with the "C"
 * collation (byte order), which the folded sort names and search tokens are built for, as in SQLite.
 */
export const CREATE_TABLES = `
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'caseworker', 'volunteer')),
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE clients (
  id integer PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  date_of_birth text,
  phone text,
  address text,
  postcode text,
  preferred_language text,
  preferred_name text,
  estimated_birth_year integer,
  gender text,
  gender_withheld boolean NOT NULL DEFAULT false,
  pronouns text,
  email text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  referral_source text,
  referred_by text,
  intake_date text,
  caseworker_id integer REFERENCES users (id),
  status text NOT NULL DEFAULT 'open',
  status_since text,
  closure_reason text,
  sort_name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by integer REFERENCES users (id),
  updated_at text NOT NULL,
  updated_by integer REFERENCES users (id)
);
CREATE SEQUENCE clients_id_seq OWNED BY clients.id;
CREATE INDEX clients_sort_name ON clients (sort_name, id);
CREATE TABLE client_search_tokens (
  token text NOT NULL,
  client_id integer NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  PRIMARY KEY (token, client_id)
);
CREATE INDEX client_search_tokens_client ON client_search_tokens (client_id);
CREATE TABLE audit_events (
  id serial PRIMARY KEY,
  at text NOT NULL,
  user_id integer REFERENCES users (id),
  action text NOT NULL,
  client_id integer,
  detail text
);
`;
