/**
 * Generated values for one column, by type. Values are sent as query parameters (text, numbers,
 * booleans, arrays) with a cast to the column's type, never spliced into SQL. `distinct` asks
 * for a value that differs from every other row's (the column is part of a unique key).
 */
import type { SeedColumn } from './catalog.js';
import type { ColumnDomain } from './checks.js';

export interface ValueContext {
  /** Row number in the table (0-based, continuing after rows that were already there). */
  row: number;
  /** Retry number for this row: 0 first, higher after a rejected value. */
  attempt: number;
  rng: () => number;
  distinct: boolean;
}

/** Thrown for a type the generator has no value for. */
export class UnsupportedTypeError extends Error {}

const WORDS = [
  'alpha',
  'bravo',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'grove',
  'harbor',
  'iris',
  'jade',
  'kite',
  'lumen',
  'maple',
  'north',
  'opal',
  'pine',
];
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/** A deterministic pseudo-random source (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** A value for `column` that satisfies `domain` where it can. */
export function generateValue(column: SeedColumn, domain: ColumnDomain, ctx: ValueContext): unknown {
  if (domain.values?.length) return pick(domain.values, ctx);
  if (column.category === 'A') return generateArray(column, domain, ctx);
  return scalarValue(column.baseType, column.category, column, domain, ctx);
}

function generateArray(column: SeedColumn, domain: ColumnDomain, ctx: ValueContext): unknown[] {
  const element = { ...column, baseType: column.elementType ?? 'text', category: column.elementCategory ?? 'S' };
  const length = ctx.distinct ? 1 : Math.floor(ctx.rng() * 4);
  return Array.from({ length }, (_, i) =>
    scalarValue(element.baseType, element.category, element, domain, { ...ctx, row: ctx.row * 4 + i }),
  );
}

function scalarValue(baseType: string, category: string, column: SeedColumn, domain: ColumnDomain, ctx: ValueContext): unknown {
  if (column.enumLabels?.length) return pick(column.enumLabels, ctx);
  const special = specialValue(baseType, column, ctx);
  if (special !== undefined) return special;
  switch (category) {
    case 'N':
      return numberValue(baseType, column, domain, ctx);
    case 'S':
      return textValue(column, domain, ctx);
    case 'B':
      return ctx.distinct ? ctx.row % 2 === 0 : ctx.rng() < 0.5;
    case 'D':
      return dateTimeValue(baseType, ctx);
    case 'T':
      return `${1 + distinctIndex(ctx, 10_000)} minutes`;
    case 'I':
      return `10.${(ctx.row >> 16) & 255}.${(ctx.row >> 8) & 255}.${ctx.row & 255}`;
    default:
      throw new UnsupportedTypeError(`the seeder cannot generate values of type ${column.sqlType}`);
  }
}

/** Types whose category says too little (uuid, json, bytea, bits, money…). */
function specialValue(baseType: string, column: SeedColumn, ctx: ValueContext): unknown {
  switch (baseType) {
    case 'uuid':
      return uuidValue(ctx);
    case 'json':
    case 'jsonb':
      return JSON.stringify({ seed: ctx.row, tag: pick(WORDS, ctx) });
    case 'bytea':
      return `\\x${Array.from({ length: 8 }, () =>
        Math.floor(ctx.rng() * 256)
          .toString(16)
          .padStart(2, '0'),
      ).join('')}${ctx.row.toString(16).padStart(8, '0')}`;
    case 'bit':
    case 'varbit': {
      const length = column.maxLength ?? 8;
      return (distinctIndex(ctx, 2 ** Math.min(length, 30)) >>> 0).toString(2).padStart(length, '0').slice(-length);
    }
    case 'money':
      return (1 + distinctIndex(ctx, 100_000)) / 100;
    case 'macaddr':
      return `08:00:2b:${hex2(ctx.row >> 16)}:${hex2(ctx.row >> 8)}:${hex2(ctx.row)}`;
    case 'point':
      return `(${ctx.row},${Math.floor(ctx.rng() * 100)})`;
    case 'tsvector':
      return `${pick(WORDS, ctx)} w${ctx.row}`;
    case 'xml':
      return `<seed row="${ctx.row}"/>`;
    case 'oid':
      return 1 + distinctIndex(ctx, 1_000_000);
    default:
      return undefined;
  }
}

function hex2(n: number): string {
  return (n & 255).toString(16).padStart(2, '0');
}

function uuidValue(ctx: ValueContext): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const INTEGER_MAX: Record<string, number> = { int2: 32_767, int4: 2_147_483_647, int8: Number.MAX_SAFE_INTEGER };

function numberValue(baseType: string, column: SeedColumn, domain: ColumnDomain, ctx: ValueContext): number | string {
  const integral = baseType in INTEGER_MAX || (baseType === 'numeric' && column.scale === 0);
  let min = domain.min ?? (ctx.distinct ? 1 : 0);
  let max = domain.max ?? (ctx.distinct ? INTEGER_MAX.int4 : 1000);
  if (baseType === 'numeric' && column.precision !== undefined) {
    const limit = 10 ** (column.precision - (column.scale ?? 0)) - 10 ** -(column.scale ?? 0);
    max = Math.min(max, limit);
    min = Math.max(min, -limit);
  }
  if (baseType in INTEGER_MAX) max = Math.min(max, INTEGER_MAX[baseType]);
  if (integral) {
    const lo = Math.ceil(min);
    const span = Math.floor(max) - lo + 1;
    if (span <= 0) throw new UnsupportedTypeError(`no ${column.sqlType} value fits its CHECK constraints`);
    return lo + (ctx.distinct ? distinctIndex(ctx, span) : Math.floor(ctx.rng() * span));
  }
  const scale = Math.min(column.scale ?? 2, 6);
  const step = 10 ** -scale;
  const span = Math.max(0, Math.floor((max - min) / step));
  const value = min + (ctx.distinct ? distinctIndex(ctx, span + 1) : Math.floor(ctx.rng() * (span + 1))) * step;
  return value.toFixed(scale);
}

function textValue(column: SeedColumn, domain: ColumnDomain, ctx: ValueContext): string {
  const token = ctx.distinct
    ? `${ctx.row.toString(36)}${ctx.attempt ? `x${ctx.attempt}` : ''}`
    : `${pick(WORDS, ctx)}${Math.floor(ctx.rng() * 1000)}`;
  const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
  let text = /e?mail/i.test(column.name) ? `user.${token}@example.com` : `${column.name}_${token}`;
  if (text.length > maxLength) text = token.length <= maxLength ? token : token.slice(-maxLength);
  if (domain.minLength && text.length < domain.minLength) text = text.padEnd(Math.min(domain.minLength, maxLength), 'x');
  return text;
}

function dateTimeValue(baseType: string, ctx: ValueContext): string {
  const offset = ctx.distinct ? distinctIndex(ctx, 100_000) * 3_600_000 : Math.floor(ctx.rng() * 730 * DAY);
  const iso = new Date(EPOCH + offset).toISOString(); // 2024-…T…Z
  switch (baseType) {
    case 'date':
      return new Date(EPOCH + (ctx.distinct ? distinctIndex(ctx, 100_000) * DAY : offset)).toISOString().slice(0, 10);
    case 'time':
    case 'timetz':
      return iso.slice(11, 19);
    case 'timestamptz':
      return iso.replace('T', ' ').replace('Z', '+00');
    default:
      return iso.replace('T', ' ').replace('Z', '');
  }
}

/** A value index that differs per row (and moves on with each retry), within `span` values. */
function distinctIndex(ctx: ValueContext, span: number): number {
  return (ctx.row + ctx.attempt * 7919) % span;
}

function pick<T>(values: T[], ctx: ValueContext): T {
  return ctx.distinct ? values[distinctIndex(ctx, values.length)] : values[Math.floor(ctx.rng() * values.length)];
}
