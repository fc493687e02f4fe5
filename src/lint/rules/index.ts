/**
 * The rule catalogue, assembled from the family files (each holds its rules' entries next to
 * their detectors). `RuleId` is derived from it, so a detector cannot name a rule that does not
 * exist. The docs pages under docs/rules/ are rendered from it (see ../docs.ts).
 */
import type { RuleFamily, RuleMeta } from '../rule.js';
import { BATCH_RULES, batch } from './batch.js';
import { COMPAT_RULES, compat } from './compat.js';
import { DATA_LOSS_RULES, dataLoss } from './data-loss.js';
import { DATA_RULES, data } from './data.js';
import { LOCK_TABLE_RULES, lockTable } from './lock-table.js';
import { LOCK_RULES, lock } from './lock.js';
import { META_RULES, meta } from './meta.js';
import { NAMING_RULES, naming } from './naming.js';
import { REVIEW_RULES, review } from './review.js';
import { TRANSACTION_RULES, transaction } from './transaction.js';
import { TYPES_RULES, types } from './types.js';

type IdOf<T extends readonly { id: string }[]> = T[number]['id'];

export type RuleId =
  | IdOf<typeof LOCK_RULES>
  | IdOf<typeof LOCK_TABLE_RULES>
  | IdOf<typeof TRANSACTION_RULES>
  | IdOf<typeof DATA_LOSS_RULES>
  | IdOf<typeof COMPAT_RULES>
  | IdOf<typeof DATA_RULES>
  | IdOf<typeof REVIEW_RULES>
  | IdOf<typeof TYPES_RULES>
  | IdOf<typeof NAMING_RULES>
  | IdOf<typeof BATCH_RULES>
  | IdOf<typeof META_RULES>;

/** In catalogue order: findings on the same statement are listed in this order. */
export const FAMILIES: readonly RuleFamily[] = [lock, lockTable, transaction, batch, dataLoss, compat, data, review, types, naming, meta];

export const RULES: readonly RuleMeta[] = FAMILIES.flatMap((family) => family.rules);

const BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));
const ORDER = new Map(RULES.map((r, i) => [r.id, i]));

export const RULES_BY_ID = BY_ID as ReadonlyMap<RuleId, RuleMeta>;

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function ruleById(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function ruleOrThrow(id: RuleId): RuleMeta {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`internal: unknown lint rule ${id}`);
  return found;
}

/** Position in the catalogue (the order of findings raised on one statement). */
export function ruleOrder(id: RuleId): number {
  return ORDER.get(id) ?? RULES.length;
}

export { RULE_DOCS_BASE_URL, ruleDocFile, ruleDocUrl } from './doc-url.js';
