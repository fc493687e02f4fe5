/** What the pull request check takes: its settings, and what it needs from whoever runs it. */
import type { Engine } from '../migrations/engine.js';
import type { FailOn } from '../report/lint-findings.js';
import type { ConnectionSettings } from '../postgres/url.js';
import type { RowsSpec } from '../rehearsal/index.js';

export interface MigrationTestSettings {
  databaseUrl?: string;
  postgresVersion?: number;
  migrationsDir: string;
  schemaPath: string;
  baseRef?: string;
  engine: Engine;
  seedRows: number;
  seedSql?: string;
  rollbackRehearsal: boolean;
  failOn: FailOn;
  comment: boolean;
  /** auto: rehearse at production scale when the change has statements on existing tables. */
  rehearsal: 'auto' | 'off';
  /** Read-only database the rehearsal sizes come from. */
  statsDatabase?: ConnectionSettings;
  rehearsalRows: RowsSpec;
  rehearsalBudget: number;
  maxBlockingMs: number;
  rehearsalTimeoutMs: number;
}

export interface PrCheckEnvironment {
  /** The workspace: paths in findings and annotations are relative to it. */
  cwd: string;
  log: (line: string) => void;
  /** The pull request's base branch (GITHUB_BASE_REF), when run for one. */
  prBaseRef?: string;
}
