/**
 * The history guard step: which migrations are merged on the base branch and which are new,
 * and whether the pull request rewrites merged history. Without a base branch every migration
 * counts as new and the upgrade path is skipped.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import { checkHistory, type HistoryGuardResult } from '../guard/history-guard.js';
import { repoRoot } from '../guard/git.js';
import { addFindings, runCheck, type Report } from '../report/model.js';
import { CHECK } from './run.js';
import type { MigrationTestSettings, PrCheckEnvironment } from './types.js';
import { plural } from '../report/format.js';

function candidateBaseRefs(settings: MigrationTestSettings, env: PrCheckEnvironment): string[] {
  if (settings.baseRef) return [settings.baseRef];
  return env.prBaseRef ? [`origin/${env.prBaseRef}`] : ['origin/main', 'main', 'origin/master', 'master'];
}

export async function historyGuard(
  report: Report,
  settings: MigrationTestSettings,
  env: PrCheckEnvironment,
): Promise<HistoryGuardResult | undefined> {
  let guard: HistoryGuardResult | undefined;
  const refs = candidateBaseRefs(settings, env);
  await runCheck(report, CHECK.guard, async (check) => {
    let lastError: unknown;
    for (const ref of refs) {
      try {
        guard = await checkHistory({ migrationsDir: settings.migrationsDir, baseRef: ref });
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!guard) {
      check.status = 'skip';
      check.detail = `No base branch to compare with (${refs.join(', ')}): ${describeError(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
      return;
    }
    check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${plural(guard.merged.length, 'merged migration')}, ${guard.added.length} new.`;
    if (guard.problems.length) {
      check.status = 'fail';
      check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
      const root = await repoRoot(settings.migrationsDir);
      addFindings(
        report,
        guard.problems.map((p) => ({
          severity: 'error' as const,
          ruleId: `history/${p.kind}`,
          // Guard paths are relative to the repository root; annotations want the workspace's.
          file: p.file.endsWith('/') ? undefined : path.relative(env.cwd, path.join(root, p.file)).split(path.sep).join('/'),
          line: 1,
          title: `history/${p.kind}`,
          message: p.message,
          fix: p.remedy,
        })),
      );
    }
  }).catch(() => undefined);
  return guard;
}
