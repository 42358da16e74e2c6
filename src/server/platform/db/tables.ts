/**
 * The row types of the platform's tables, for Kysely, and the one `Database` interface. Each
 * module declares its own tables in `modules/<name>/tables.ts`, merged into `Database` by
 * declaration merging (`declare module '…/platform/db/tables.ts'`, ADR 13). Conventions that keep
 * SQLite and PostgreSQL in step: ids are text (time-ordered, made by the app), times are ISO-8601
 * UTC text, booleans are 0/1, JSON is text.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  display_name_folded: string;
  password_hash: string;
  locale: string;
  is_active: number;
  must_change_password: number;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  /** The person this account belongs to (organisation module). */
  person_id?: string | null;
}

export interface SessionsTable {
  /** sha256 of the token that only the browser holds. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  /** For an account + address pair: no attempt is admitted before this time (growing delays). */
  blocked_until: string | null;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  /** null: the grant covers every unit. */
  unit_id: string | null;
  granted_at: string;
  granted_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Platform: uploaded files, their bytes beside their metadata (ADR 9). */
export interface StoredFilesTable {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  name: string;
  owner_type: string | null;
  owner_id: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
  content: Uint8Array;
}

/** Every table: the platform's here, each module's merged in from its `tables.ts`. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  role_grants: RoleGrantsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  stored_files: StoredFilesTable;
}
