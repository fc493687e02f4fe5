/**
 * Retention in the backup directory: a backup is kept when any rule keeps it (among the newest
 * N, or younger than D days); the backup just made is always kept. Only files named like our
 * backups of this prefix (and their manifests) are ever touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { manifestPathFor, parseBackupName } from './naming.js';
import type { RetentionSettings } from './types.js';
import type { BackupStore } from '../storage/types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

/**
 * Only complete backups count: a file without its manifest (a killed or failed backup, or one
 * still being written by another run) is neither counted toward keep-last nor deleted.
 */
export function planRetention(names: string[], prefix: string, rules: RetentionSettings, current: string, now: Date): RetentionPlan {
  const present = new Set(names);
  const backups = names
    .map((name) => ({ name, madeAt: parseBackupName(prefix, name) }))
    .filter((b): b is { name: string; madeAt: Date } => b.madeAt !== undefined)
    .filter((b) => b.name === current || present.has(path.basename(manifestPathFor(b.name))))
    .sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.name.localeCompare(a.name));
  const plan: RetentionPlan = { keep: [], remove: [] };
  const noRules = rules.keepLast === undefined && rules.maxAgeDays === undefined;
  backups.forEach((backup, index) => {
    const byCount = rules.keepLast !== undefined && index < rules.keepLast;
    const byAge = rules.maxAgeDays !== undefined && now.getTime() - backup.madeAt.getTime() < rules.maxAgeDays * DAY_MS;
    const kept = noRules || backup.name === current || byCount || byAge;
    (kept ? plan.keep : plan.remove).push(backup.name);
  });
  return plan;
}

/** Applies retention in a directory; returns the paths removed (backups and their manifests). */
export function applyRetention(
  dir: string,
  prefix: string,
  rules: RetentionSettings,
  current: string,
  now: Date,
  log?: (line: string) => void,
): string[] {
  const plan = planRetention(fs.readdirSync(dir), prefix, rules, current, now);
  const removed: string[] = [];
  for (const name of plan.remove) {
    const file = path.join(dir, name);
    for (const target of [manifestPathFor(file), file]) {
      if (!fs.existsSync(target)) continue;
      fs.rmSync(target, { recursive: true, force: true });
      removed.push(target);
    }
    log?.(`Retention: removed ${name}`);
  }
  return removed;
}

/** Applies retention in a store (a folder or a bucket prefix); returns the paths or URLs removed. */
export async function applyRetentionIn(
  store: BackupStore,
  prefix: string,
  rules: RetentionSettings,
  current: string,
  now: Date,
  log?: (line: string) => void,
): Promise<string[]> {
  const names = (await store.list()).map((o) => o.name);
  const present = new Set(names);
  const plan = planRetention(names, prefix, rules, current, now);
  const removed: string[] = [];
  for (const name of plan.remove) {
    for (const target of [manifestPathFor(name), name]) {
      if (!present.has(target) && store.kind === 's3') continue;
      if (store.kind === 'folder' && !fs.existsSync(store.locate(target))) continue;
      await store.remove(target);
      removed.push(store.locate(target));
    }
    log?.(`Retention: removed ${store.locate(name)}`);
  }
  return removed;
}
