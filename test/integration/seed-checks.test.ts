/**
 * CHECK constraint definitions, as pg_get_constraintdef prints them, read into value domains.
 * Each definition here is what PostgreSQL 15 returns for the constraint in the comment.
 */
import { applyCheck, columnComparisons } from '../../src/seed/checks.js';

describe('applyCheck', () => {
  test.each([
    // position BETWEEN 1 AND 8
    ['CHECK ((("position" >= 1) AND ("position" <= 8)))', 'position', { min: 1, max: 8 }],
    // progress >= 0 AND progress <= 100
    ['CHECK (((progress >= 0) AND (progress <= 100)))', 'progress', { min: 0, max: 100 }],
    // e BETWEEN -5 AND 5
    ["CHECK (((e >= '-5'::integer) AND (e <= 5)))", 'e', { min: -5, max: 5 }],
    // c > 0 on numeric
    ['CHECK ((c > (0)::numeric))', 'c', { min: 1 }],
    // 10 < n (written the other way round)
    ['CHECK ((10 < n))', 'n', { min: 11 }],
    // a IN (1, 2, 3)
    ['CHECK ((a = ANY (ARRAY[1, 2, 3])))', 'a', { values: ['1', '2', '3'] }],
    // b IN ('x', 'o''brien')
    ["CHECK ((b = ANY (ARRAY['x'::text, 'o''brien'::text])))", 'b', { values: ['x', "o'brien"] }],
    // varchar IN list (casts with two-word type names)
    [
      "CHECK (((kind)::text = ANY ((ARRAY['YES'::character varying, 'NO'::character varying])::text[])))",
      'kind',
      { values: ['YES', 'NO'] },
    ],
    // char_length(d) >= 2 on varchar
    ['CHECK ((char_length((d)::text) >= 2))', 'd', { minLength: 2 }],
    // char_length(theme) BETWEEN 2 AND 10
    ['CHECK (((char_length(theme) >= 2) AND (char_length(theme) <= 10)))', 'theme', { minLength: 2, maxLength: 10 }],
  ])('%s', (definition, column, expected) => {
    expect(applyCheck({}, definition, column)).toEqual(expected);
  });

  test('conditions on other columns and unreadable expressions leave the domain alone', () => {
    expect(applyCheck({}, 'CHECK ((period_end >= period_start))', 'period_end')).toEqual({});
    expect(applyCheck({}, 'CHECK (((n * 0) = 1))', 'n')).toEqual({});
    expect(applyCheck({}, 'CHECK (((a >= 1) AND (b <= 8)))', 'a')).toEqual({ min: 1 });
  });

  test('CHECK (false) and lists that exclude each other are impossible', () => {
    expect(applyCheck({}, 'CHECK (false)', '')).toEqual({ impossible: true });
    const first = applyCheck({}, 'CHECK ((a = ANY (ARRAY[1, 2])))', 'a');
    expect(applyCheck(first, 'CHECK ((a = ANY (ARRAY[3, 4])))', 'a')).toMatchObject({ impossible: true, values: [] });
  });

  test('domains narrow each other', () => {
    const domain = applyCheck({ min: 0, max: 100 }, 'CHECK ((("score" >= 10) AND ("score" <= 500)))', 'score');
    expect(domain).toEqual({ min: 10, max: 100 });
  });
});

describe('columnComparisons', () => {
  test('reads comparisons between two columns, quoted or not', () => {
    expect(columnComparisons('CHECK ((period_end >= period_start))')).toEqual([{ left: 'period_end', op: '>=', right: 'period_start' }]);
    expect(columnComparisons('CHECK ((("Ends" > "Starts") AND (n >= 1)))')).toEqual([{ left: 'Ends', op: '>', right: 'Starts' }]);
    expect(columnComparisons('CHECK ((a <> b))')).toEqual([]);
  });
});
