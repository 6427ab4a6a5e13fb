import type { Migration } from './index';

/**
 * Migration 4: the casework itself. Support plans with SMART goals and their progress updates,
 * tasks, case notes with every earlier version kept, safety plans, and the goal changes a review
 * makes. Every table about one client references it with ON DELETE CASCADE (erasure takes it all;
 * merge moves it all). Indexes serve the caseload home screen and the client timeline.
 */
const SQL = /* sql */ `
CREATE TABLE support_plans (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  agreed_on TEXT NOT NULL,
  summary TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on TEXT,
  end_reason TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((status = 'ended') = (ended_on IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX support_plans_one_active ON support_plans(client_id) WHERE status = 'active';
CREATE INDEX support_plans_client ON support_plans(client_id, agreed_on);

CREATE TABLE goals (
  id INTEGER PRIMARY KEY NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES support_plans(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  measure TEXT NOT NULL,
  target_date TEXT NOT NULL,
  owner TEXT NOT NULL CHECK (owner IN ('client', 'caseworker', 'agency')),
  owner_detail TEXT,
  area_id INTEGER REFERENCES need_areas(id),
  status TEXT NOT NULL DEFAULT 'notStarted' CHECK (status IN ('notStarted', 'inProgress', 'achieved', 'partlyAchieved', 'notAchieved', 'dropped')),
  status_since TEXT NOT NULL,
  added_on TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX goals_plan ON goals(plan_id, position);
CREATE INDEX goals_client ON goals(client_id);

CREATE TABLE goal_updates (
  id INTEGER PRIMARY KEY NOT NULL,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  updated_on TEXT NOT NULL,
  from_status TEXT,
  status TEXT,
  note TEXT,
  review_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX goal_updates_goal ON goal_updates(goal_id, updated_on);
CREATE INDEX goal_updates_client ON goal_updates(client_id, updated_on);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  note TEXT,
  due_on TEXT NOT NULL,
  assigned_to INTEGER NOT NULL REFERENCES users(id),
  done_on TEXT,
  done_by INTEGER REFERENCES users(id),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX tasks_open_by_assignee ON tasks(assigned_to, due_on) WHERE done_on IS NULL;
CREATE INDEX tasks_client ON tasks(client_id, due_on);

CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  occurred_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'officeVisit', 'homeVisit', 'online', 'letter', 'email', 'other')),
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
  present TEXT,
  body TEXT NOT NULL,
  goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  written_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  edited_by INTEGER REFERENCES users(id),
  edited_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX case_notes_client ON case_notes(client_id, occurred_at);
CREATE INDEX case_notes_goal ON case_notes(goal_id) WHERE goal_id IS NOT NULL;

CREATE TABLE case_note_versions (
  id INTEGER PRIMARY KEY NOT NULL,
  note_id INTEGER NOT NULL REFERENCES case_notes(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  duration_minutes INTEGER,
  present TEXT,
  body TEXT NOT NULL,
  goal_id INTEGER,
  sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
  written_by INTEGER REFERENCES users(id),
  replaced_by INTEGER REFERENCES users(id),
  replaced_at TEXT NOT NULL,
  UNIQUE (note_id, version)
) STRICT;
CREATE INDEX case_note_versions_client ON case_note_versions(client_id);

CREATE TABLE safety_plans (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  warning_signs TEXT NOT NULL,
  coping_steps TEXT NOT NULL,
  keeping_safe TEXT,
  contacts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contacts)),
  agreed_on TEXT NOT NULL,
  review_on TEXT NOT NULL,
  written_by INTEGER REFERENCES users(id),
  written_at TEXT NOT NULL
) STRICT;
CREATE INDEX safety_plans_client ON safety_plans(client_id, written_at);

`;

export const migration0004: Migration = {
  version: 4,
  name: 'casework',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
