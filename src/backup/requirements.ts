/**
 * What a restore needs from the server it lands on, read at backup time (in the dump's
 * snapshot) and recorded in the manifest: the roles the dump names (as owners, and as grantees
 * of privileges), the extensions it creates. Before a restore, the target is checked against
 * it, so a missing role or extension stops the restore before anything is written, with the
 * statement or option that resolves it.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { quoteIdent } from '../postgres/sql.js';
import type { BackupManifest, ExtensionRequirement, RestoreRequirements, RoleHandling } from './types.js';

/** Schemas pg_dump leaves out. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
/** Objects an extension created are made by CREATE EXTENSION, not by the dump. */
const NOT_MEMBER = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** Owners of what the dump creates (oids; mapped to names below). */
const OWNERS = `
  SELECT n.nspowner AS role FROM pg_namespace n WHERE ${USER_SCHEMA} AND n.nspname <> 'public' AND ${NOT_MEMBER('pg_namespace', 'n.oid')}
  UNION SELECT c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_SCHEMA} AND c.relkind IN ('r','p','v','m','S','f') AND ${NOT_MEMBER('pg_class', 'c.oid')}
  UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_SCHEMA} AND ${NOT_MEMBER('pg_proc', 'p.oid')}
  UNION SELECT t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${USER_SCHEMA} AND t.typtype IN ('c','d','e','r','m') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND ${NOT_MEMBER('pg_type', 't.oid')}
  UNION SELECT s.srvowner FROM pg_foreign_server s WHERE ${NOT_MEMBER('pg_foreign_server', 's.oid')}
  UNION SELECT l.lomowner FROM pg_largeobject_metadata l
  UNION SELECT e.evtowner FROM pg_event_trigger e
  UNION SELECT p.pubowner FROM pg_publication p`;

/** Grantees of the privileges the dump grants (an owner's own privileges are not granted), and default-privilege roles. */
const GRANTEES = `
  WITH acls AS (
    SELECT c.relacl AS acl, c.relowner AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMA} AND c.relacl IS NOT NULL
    UNION ALL SELECT n.nspacl, n.nspowner FROM pg_namespace n WHERE ${USER_SCHEMA} AND n.nspacl IS NOT NULL
    UNION ALL SELECT p.proacl, p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_SCHEMA} AND p.proacl IS NOT NULL
    UNION ALL SELECT t.typacl, t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${USER_SCHEMA} AND t.typacl IS NOT NULL
    UNION ALL SELECT a.attacl, c.relowner FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMA} AND a.attacl IS NOT NULL
    UNION ALL SELECT d.defaclacl, d.defaclrole FROM pg_default_acl d
  )
  SELECT g.grantee AS role FROM acls, LATERAL aclexplode(acls.acl) g WHERE g.grantee <> acls.owner
  UNION SELECT d.defaclrole FROM pg_default_acl d`;

/** Extensions created after initdb (plpgsql and the like come with every server). */
const EXTENSIONS = `
  SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.oid >= 16384 ORDER BY 1`;

async function roleNames(client: pg.Client, sql: string): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `SELECT DISTINCT a.rolname AS name FROM (${sql}) x JOIN pg_roles a ON a.oid = x.role
     WHERE a.rolname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  return r.rows.map((row) => row.name);
}

/** Read in the dump's snapshot: what the restore of this dump will name. */
export async function readRequirements(client: pg.Client): Promise<RestoreRequirements> {
  const owners = await roleNames(client, OWNERS);
  const grantees = await roleNames(client, GRANTEES);
  const extensions = (await client.query<ExtensionRequirement>(EXTENSIONS)).rows;
  return { roles: { owners, grantees }, extensions };
}

export interface TargetState {
  roles: Set<string>;
  /** Extensions installable on the target (pg_available_extensions): name → default version. */
  available: Map<string, string>;
  /** Extensions already created in the target database. */
  installed: Set<string>;
}

export async function readTargetState(client: pg.Client): Promise<TargetState> {
  const roles = await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles');
  const available = await client.query<{ name: string; default_version: string; installed_version: string | null }>(
    'SELECT name, default_version, installed_version FROM pg_available_extensions ORDER BY name',
  );
  return {
    roles: new Set(roles.rows.map((r) => r.rolname)),
    available: new Map(available.rows.map((r) => [r.name, r.default_version])),
    installed: new Set(available.rows.filter((r) => r.installed_version !== null).map((r) => r.name)),
  };
}

/** Extensions of the manifest the target can neither find installed nor install. */
export function missingExtensions(required: ExtensionRequirement[], target: TargetState): ExtensionRequirement[] {
  return required.filter((e) => !target.available.has(e.name) && !target.installed.has(e.name));
}

export function createRoleStatements(roles: string[]): string[] {
  return roles.map((role) => `CREATE ROLE ${quoteIdent(role)} NOLOGIN;`);
}

function describeAvailable(target: TargetState): string {
  const names = [...target.available.keys()];
  if (!names.length) return 'none';
  return names.length > 40 ? `${names.slice(0, 40).join(', ')} and ${names.length - 40} more` : names.join(', ');
}

/**
 * Checks the target against what the dump needs; throws before anything is restored.
 * `handling` says how owners and privileges are treated (the restore options).
 */
export function checkTargetRequirements(
  manifest: BackupManifest,
  target: TargetState,
  handling: RoleHandling,
  where: { file: string },
): void {
  const requirements = manifest.requirements;
  if (!requirements) return; // a manifest written before these were recorded: pg_restore reports what is missing
  if (handling.owner && !target.roles.has(handling.owner)) {
    throw new MigrateActionsError(
      'E_RESTORE_ROLE_MISSING',
      `The role given to own the restored objects (owner: ${handling.owner}) does not exist on the target.`,
      {
        remedy: `Run ${createRoleStatements([handling.owner])[0]} on the target first, or name an existing role.`,
        where,
      },
    );
  }
  const ownersNeeded = handling.noOwner || handling.owner ? [] : requirements.roles.owners;
  const granteesNeeded = handling.noPrivileges ? [] : requirements.roles.grantees;
  const missingRoles = [...new Set([...ownersNeeded, ...granteesNeeded])].filter((role) => !target.roles.has(role)).sort();
  if (missingRoles.length) {
    const owners = missingRoles.filter((r) => ownersNeeded.includes(r));
    const grantees = missingRoles.filter((r) => granteesNeeded.includes(r));
    const parts = [
      owners.length ? `owning objects: ${owners.join(', ')}` : '',
      grantees.length ? `holding privileges: ${grantees.join(', ')}` : '',
    ].filter(Boolean);
    const options = [
      owners.length ? 'no-owner: true (objects owned by the connecting role) or owner: ROLE (objects owned by ROLE)' : '',
      grantees.length ? 'no-privileges: true (no GRANTs restored)' : '',
    ].filter(Boolean);
    throw new MigrateActionsError(
      'E_RESTORE_ROLES_MISSING',
      `The backup names roles the target server lacks (${parts.join('; ')}). Nothing was restored.`,
      {
        remedy: `Create them on the target first: ${createRoleStatements(missingRoles).join(' ')} (add LOGIN PASSWORD for roles that connect); or restore with ${options.join(', and ')}.`,
        where,
        details: { missingRoles, statements: createRoleStatements(missingRoles) },
      },
    );
  }
  const missing = missingExtensions(requirements.extensions, target);
  if (missing.length) {
    throw new MigrateActionsError(
      'E_RESTORE_EXTENSIONS_MISSING',
      `The backup needs extensions the target server does not have: ${missing.map((e) => `${e.name} ${e.version} (schema ${e.schema})`).join(', ')}. Nothing was restored. Available on the target: ${describeAvailable(target)}.`,
      {
        remedy: `Install ${missing.map((e) => e.name).join(', ')} on the target server (its operating-system package, or the provider's extension list), or restore onto a server that has ${missing.length > 1 ? 'them' : 'it'}.`,
        where,
        details: { missingExtensions: missing.map((e) => e.name) },
      },
    );
  }
}
