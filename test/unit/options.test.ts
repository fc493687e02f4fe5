/**
 * Option values are keyed by the names a command declares: reading one that does not exist is a
 * type error (the @ts-expect-error lines fail `npm run typecheck` the day they compile), and the
 * readers return what the specs coerced.
 */
import { bool, list, num, readOptions, str, type OptionSpec, type ValuesOf } from '../../src/commands/options.js';

const SPECS = [
  { name: 'database-url', type: 'string', description: 'The database.' },
  { name: 'retries', type: 'integer', default: '3', description: 'Retries.' },
  { name: 'dry-run', type: 'boolean', default: 'false', description: 'Change nothing.' },
  { name: 'ignore', type: 'list', description: 'Patterns.' },
] as const satisfies readonly OptionSpec[];

function read(raw: Record<string, string>): ValuesOf<typeof SPECS> {
  return readOptions(SPECS, (spec) => raw[spec.name], 'option');
}

describe('typed option values', () => {
  test('the readers return the coerced values by declared name', () => {
    const values = read({ 'database-url': 'postgresql://db/app', 'dry-run': 'true', ignore: 'a.*, b.*' });
    expect(str(values, 'database-url')).toBe('postgresql://db/app');
    expect(num(values, 'retries')).toBe(3);
    expect(bool(values, 'dry-run')).toBe(true);
    expect(list(values, 'ignore')).toEqual(['a.*', 'b.*']);
  });

  test('a name that is not declared does not compile (and reads nothing)', () => {
    const values = read({});
    // @ts-expect-error 'databse-url' is not one of SPECS' names
    expect(str(values, 'databse-url')).toBeUndefined();
    // @ts-expect-error 'retry' is not one of SPECS' names
    expect(num(values, 'retry')).toBeUndefined();
    // @ts-expect-error 'dryrun' is not one of SPECS' names
    expect(bool(values, 'dryrun')).toBe(false);
    // @ts-expect-error 'ignored' is not one of SPECS' names
    expect(list(values, 'ignored')).toEqual([]);
  });
});
