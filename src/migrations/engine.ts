/**
 * Who applies migrations: the built-in engine (atomic per migration, Prisma's bookkeeping) or
 * the project's own Prisma CLI. The one definition every command, the linter and the pipelines use.
 */
export const ENGINES = ['builtin', 'prisma'] as const;
export type Engine = (typeof ENGINES)[number];

/** The engine named by an option value (validated by the option spec); default builtin. */
export function engineFrom(value: string | undefined): Engine {
  return value === 'prisma' ? 'prisma' : 'builtin';
}
