/** What the pull request check takes: its settings, and what it needs from whoever runs it. */
import type { Engine } from '../migrations/engine.js';
import type { FailOn } from '../report/lint-findings.js';
import type { RehearsalSettings } from '../rehearsal/types.js';

/** migration-test's settings; its rehearsal's `auto` rehearses when the change has statements on existing tables. */
export interface MigrationTestSettings extends RehearsalSettings {
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
}

export interface PrCheckEnvironment {
  /** The workspace: paths in findings and annotations are relative to it. */
  cwd: string;
  log: (line: string) => void;
  /** The pull request's base branch (GITHUB_BASE_REF), when run for one. */
  prBaseRef?: string;
}
