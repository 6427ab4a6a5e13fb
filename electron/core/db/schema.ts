import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Single-row settings (key/value), e.g. the idle-lock minutes and the vault id. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** The charity's own details: exactly one row (id = 1). */
export const charity = sqliteTable('charity', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address'),
  charityNumber: text('charity_number'),
  phone: text('phone'),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  login: text('login').notNull().unique(),
  role: text('role', { enum: ['admin', 'caseworker', 'volunteer'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  lastLoginAt: text('last_login_at'),
});

export const clients = sqliteTable('clients', {
  id: integer('id').primaryKey(),
  reference: text('reference').notNull().unique(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth'),
  phone: text('phone'),
  address: text('address'),
  postcode: text('postcode'),
  preferredLanguage: text('preferred_language'),
  /** Folded "last first", so Łęcka sorts with Lecka rather than after Z. */
  sortName: text('sort_name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Folded search tokens of a client (names, reference, phone digits, postcode): a B-tree prefix range finds them. */
export const clientSearchTokens = sqliteTable(
  'client_search_tokens',
  {
    token: text('token').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.token, t.clientId] })],
);

/** Append-only record of who did what, chained by hash (see audit/chain.ts). */
export const auditEvents = sqliteTable('audit_events', {
  id: integer('id').primaryKey(),
  at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  hash: text('hash'),
  userId: integer('user_id').references(() => users.id),
  action: text('action').notNull(),
  clientId: integer('client_id'),
  /** What changed (field names, never old secret values), as JSON. */
  detail: text('detail'),
});
