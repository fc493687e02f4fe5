import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 885;
export const ids = [885];
export const modules = {

/***/ 7885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readTargetsFile: () => (/* binding */ readTargetsFile),
  selectGroups: () => (/* binding */ selectGroups)
});

// UNUSED EXPORTS: URLS_SECRET, parseTargets, resolveTargets

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts + 1 modules
var errors = __webpack_require__(7452);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/postgres/pgpass.ts
/**
 * Passwords from the environment, as libpq finds them when the connection string has none:
 * PGPASSWORD, then the password file (the `passfile` parameter, PGPASSFILE, or ~/.pgpass) —
 * lines of hostname:port:database:username:password, `*` matching anything, `\` escaping `:`
 * and `\`, the first match winning; a file readable by group or others is ignored, as libpq
 * ignores it. Teams on self-hosted runners keep passwords there instead of in URLs.
 */




/** Debian's and PostgreSQL's default socket directories count as "localhost", as in libpq. */
const DEFAULT_SOCKET_DIRS = new Set(['/var/run/postgresql', '/run/postgresql', '/tmp']);
function pgpass_passwordFromEnvironment(lookup, env = process.env) {
    if (env.PGPASSWORD) {
        registerSecret(env.PGPASSWORD);
        return { password: env.PGPASSWORD, source: 'PGPASSWORD' };
    }
    const home = env.HOME ?? os.homedir();
    const file = lookup.passfile || env.PGPASSFILE || (home ? path.join(home, '.pgpass') : undefined);
    if (!file)
        return undefined;
    const password = passwordFromFile(file, lookup);
    return password === undefined ? undefined : { password, source: 'passfile', file };
}
function passwordFromFile(file, lookup) {
    let text;
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile())
            return undefined;
        if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
            return undefined; // libpq: "permissions should be u=rw (0600) or less"
        text = fs.readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const host = lookup.host.startsWith('/') && DEFAULT_SOCKET_DIRS.has(lookup.host.replace(/\/$/, '')) ? 'localhost' : lookup.host;
    const wanted = [host, String(lookup.port), lookup.database, lookup.user];
    for (const line of text.split(/\r?\n/)) {
        if (!line || line.startsWith('#'))
            continue;
        const fields = splitLine(line);
        if (fields.length < 5)
            continue;
        for (const f of fields.slice(4))
            registerSecret(f);
        const password = fields.slice(4).join(':');
        registerSecret(password);
        if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value))
            return password;
    }
    return undefined;
}
/** Splits on unescaped ":" and removes the escapes. */
function splitLine(line) {
    const fields = [];
    let current = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length)
            current += line[++i];
        else if (c === ':') {
            fields.push(current);
            current = '';
        }
        else
            current += c;
    }
    fields.push(current);
    return fields;
}

;// CONCATENATED MODULE: ./src/postgres/url.ts



const SSL_MODES = (/* unused pure expression or super */ null && (['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify']));
const FORM_HELP = 'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public, with the characters @ # / ? : % and spaces in the password percent-encoded (@ → %40, # → %23, / → %2F, ? → %3F, : → %3A, % → %25, space → %20), or a libpq string such as host=HOST port=5432 dbname=DB user=USER (and the password in PGPASSWORD).';
/** Parameters whose values are secrets: never rendered, always registered. */
const SECRET_PARAM = /pass(word|phrase)?$|secret|token|key$/i;
function url_parseDatabaseUrl(raw, source = 'database-url', env = process.env) {
    const text = (raw ?? '').trim();
    if (!text) {
        throw new MigrateActionsError('E_URL_MISSING', `No database URL was given (${source}).`, {
            remedy: 'Pass --database-url postgresql://USER:PASSWORD@HOST:5432/DB (or set DATABASE_URL / the action input database-url).',
        });
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
    const parts = scheme ? parseUri(text, scheme[1], source) : parseKeywords(text, source);
    return finish(parts, text, source, env);
}
function urlError(source, why, shown) {
    return new MigrateActionsError('E_URL_INVALID', `The ${source}${shown ? ` ${shown}` : ''} is not a valid PostgreSQL connection string: ${why}.`, {
        remedy: FORM_HELP,
    });
}
/** Registers each candidate password, decoded and as typed, before anything can fail. */
function registerCandidate(text) {
    if (!text)
        return;
    registerSecret(text);
    const decoded = tryDecode(text);
    if (decoded !== undefined)
        registerSecret(decoded);
    const plus = tryDecode(text.replace(/\+/g, ' '));
    if (plus !== undefined)
        registerSecret(plus);
}
function tryDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}
/** RFC 3986 user-info is unreserved / pct-encoded / sub-delims / ":" (non-ASCII letters tolerated). */
const USERINFO_FORBIDDEN = /[\s@/?#[\]"<>\\^`{|}]|%(?![0-9a-f]{2})/i;
function parseUri(text, scheme, source) {
    const rest = text.slice(scheme.length + 3);
    const lastAt = rest.lastIndexOf('@');
    const firstDelimiter = rest.search(/[/?#]/);
    const authorityEnd = firstDelimiter < 0 ? rest.length : firstDelimiter;
    let userinfo;
    let afterUserinfo = rest;
    if (lastAt >= 0) {
        // Whatever precedes the last "@" may hold the password, even when a raw "/", "?" or "#"
        // in it ends the authority early: treat all of it as user-info, and show none of it.
        userinfo = rest.slice(0, lastAt);
        afterUserinfo = rest.slice(lastAt + 1);
        const colon = userinfo.indexOf(':');
        registerCandidate(colon >= 0 ? userinfo.slice(colon + 1) : undefined);
        if (lastAt > authorityEnd || USERINFO_FORBIDDEN.test(userinfo)) {
            registerCandidate(userinfo);
            throw urlError(source, 'the text between "//" and the host is not valid — the password (or user name) must have @ # / ? : % and spaces percent-encoded; the text is not shown, as it holds the password');
        }
    }
    if (scheme.toLowerCase() !== 'postgresql' && scheme.toLowerCase() !== 'postgres') {
        throw urlError(source, `the scheme is "${scheme}", expected postgresql:// or postgres://`);
    }
    const parts = { form: 'uri', scheme: scheme.toLowerCase(), params: [] };
    if (userinfo !== undefined) {
        const colon = userinfo.indexOf(':');
        const userText = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
        const passwordText = colon >= 0 ? userinfo.slice(colon + 1) : undefined;
        const user = tryDecode(userText);
        const password = passwordText === undefined ? undefined : tryDecode(passwordText);
        if (user === undefined || (passwordText !== undefined && password === undefined)) {
            throw urlError(source, 'the user name or password is not valid percent-encoding (its text is not shown)');
        }
        registerSecret(password);
        if (user)
            parts.user = user;
        if (password)
            parts.password = password;
    }
    const hostEnd = afterUserinfo.search(/[/?#]/);
    const hostPort = hostEnd < 0 ? afterUserinfo : afterUserinfo.slice(0, hostEnd);
    let tail = hostEnd < 0 ? '' : afterUserinfo.slice(hostEnd);
    const safeShown = () => `${parts.scheme}://${userinfo !== undefined ? '***@' : ''}${hostPort}`;
    if (tail.includes('#')) {
        throw urlError(source, 'it contains "#" after the host, which a PostgreSQL URL cannot have (percent-encode it as %23)', safeShown());
    }
    if (hostPort.includes(',')) {
        throw urlError(source, 'it names several hosts; give one host (the primary) per URL', safeShown());
    }
    const hp = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(hostPort);
    if (!hp)
        throw urlError(source, 'the host is not valid', safeShown());
    const host = tryDecode(hp[1].replace(/^\[|\]$/g, ''));
    if (host === undefined)
        throw urlError(source, 'the host is not valid percent-encoding', safeShown());
    if (host)
        parts.host = host;
    if (hp[2] !== undefined && hp[2] !== '')
        parts.port = hp[2];
    let path = tail;
    const q = tail.indexOf('?');
    if (q >= 0) {
        path = tail.slice(0, q);
        tail = tail.slice(q + 1);
        for (const pair of tail.split('&')) {
            if (!pair)
                continue;
            const eq = pair.indexOf('=');
            const key = tryDecode((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' '));
            const valueText = eq >= 0 ? pair.slice(eq + 1) : '';
            if (key && SECRET_PARAM.test(key))
                registerCandidate(valueText);
            const value = tryDecode(valueText.replace(/\+/g, ' '));
            if (key === undefined || value === undefined) {
                throw urlError(source, 'a ?parameter is not valid percent-encoding (its text is not shown)', safeShown());
            }
            if (SECRET_PARAM.test(key))
                registerSecret(value);
            parts.params.push([key, value]);
        }
    }
    const database = tryDecode(path.replace(/^\//, ''));
    if (database === undefined)
        throw urlError(source, 'the database name is not valid percent-encoding', safeShown());
    if (database.includes('/'))
        throw urlError(source, 'the database name contains "/"', safeShown());
    if (database)
        parts.database = database;
    return parts;
}
/** libpq's keyword = value grammar: values single-quoted (with \' and \\) or bare (with \ escapes). */
function parseKeywords(text, source) {
    const parts = { form: 'keywords', scheme: 'postgresql', params: [] };
    const pairs = [];
    let i = 0;
    const fail = (why) => {
        // A bare word may be the tail of an unquoted password with a space: register it, show nothing.
        registerCandidate(text.slice(i).split(/\s+/)[0]);
        throw urlError(source, why);
    };
    while (i < text.length) {
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (i >= text.length)
            break;
        const keyMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
        if (!keyMatch) {
            fail('it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)');
        }
        const key = keyMatch[0];
        i += key.length;
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (text[i] !== '=') {
            fail('it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)');
        }
        i++;
        while (/\s/.test(text[i] ?? ''))
            i++;
        let value = '';
        const start = i;
        if (text[i] === "'") {
            i++;
            let closed = false;
            while (i < text.length) {
                const c = text[i];
                if (c === '\\' && i + 1 < text.length) {
                    value += text[i + 1];
                    i += 2;
                }
                else if (c === "'") {
                    i++;
                    closed = true;
                    break;
                }
                else {
                    value += c;
                    i++;
                }
            }
            if (SECRET_PARAM.test(key))
                registerCandidate(value);
            if (!closed) {
                registerCandidate(text.slice(start));
                throw urlError(source, `the quoted value of ${knownKeyword(key)} has no closing quote (its text is not shown)`);
            }
        }
        else {
            while (i < text.length && !/\s/.test(text[i])) {
                if (text[i] === '\\' && i + 1 < text.length)
                    i++;
                value += text[i];
                i++;
            }
        }
        if (SECRET_PARAM.test(key)) {
            registerCandidate(value);
            registerSecret(text.slice(start, i));
        }
        pairs.push([key, value]);
    }
    for (const [key, value] of pairs) {
        if (key === 'host' || key === 'hostaddr')
            parts.host = value;
        else if (key === 'port')
            parts.port = value;
        else if (key === 'dbname')
            parts.database = value;
        else if (key === 'user')
            parts.user = value;
        else if (key === 'password')
            parts.password = value || undefined;
        else
            parts.params.push([key, value]);
    }
    return parts;
}
const KNOWN_KEYWORDS = new Set([
    'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'sslmode', 'application_name', 'connect_timeout',
    'options', 'schema', 'sslpassword', 'sslcert', 'sslkey', 'sslrootcert', 'target_session_attrs',
]); // prettier-ignore
function knownKeyword(key) {
    return KNOWN_KEYWORDS.has(key) ? key : 'a keyword';
}
function finish(parts, text, source, env) {
    const param = (name) => {
        const found = parts.params.filter(([k]) => k === name);
        return found.length ? found[found.length - 1][1] : undefined;
    };
    let masked = '';
    const shown = () => (masked ||= renderMasked(parts));
    const bad = (why) => urlError(source, why, shown());
    let host = param('host') || parts.host || '';
    if (!host)
        host = 'localhost';
    const portText = parts.port ?? param('port');
    let port = 5432;
    if (portText !== undefined && portText !== '') {
        if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
            throw bad(`the port "${portText}" is not a number between 1 and 65535`);
        }
        port = Number(portText);
    }
    const database = parts.database ?? param('dbname') ?? '';
    if (!database)
        throw bad(parts.form === 'uri' ? 'it names no database (the path after the host is empty)' : 'it has no dbname=');
    const user = parts.user ?? param('user') ?? 'postgres';
    const sslText = param('sslmode');
    if (sslText && !SSL_MODES.includes(sslText)) {
        throw bad(`sslmode "${sslText}" is not one of ${SSL_MODES.join(', ')}`);
    }
    const schema = param('schema') ?? 'public';
    if (!schema)
        throw bad('?schema= is empty');
    const timeoutText = param('connect_timeout');
    if (timeoutText !== undefined && !/^\d+$/.test(timeoutText))
        throw bad(`connect_timeout "${timeoutText}" is not a number of seconds`);
    let password = parts.password ?? param('password') ?? undefined;
    let passwordSource = password ? 'url' : undefined;
    if (!password) {
        const found = passwordFromEnvironment({ host, port, database, user, passfile: param('passfile') }, env);
        if (found) {
            password = found.password;
            passwordSource = found.source;
        }
    }
    registerSecret(password);
    const params = {};
    for (const [k, v] of parts.params) {
        if (!SECRET_PARAM.test(k) && !['host', 'port', 'user', 'dbname'].includes(k))
            params[k] = v;
    }
    const settings = {
        url: '',
        maskedUrl: shown(),
        host,
        port,
        user,
        password,
        passwordSource,
        database,
        schema,
        sslmode: sslText,
        applicationName: param('application_name'),
        connectTimeoutSeconds: timeoutText ? Number(timeoutText) : undefined,
        params,
    };
    settings.url =
        parts.form === 'uri' && passwordSource !== 'PGPASSWORD' && passwordSource !== 'passfile'
            ? text
            : buildDatabaseUrl({ ...settings, params: withoutKeys(params, ['schema', 'sslmode']) });
    return settings;
}
function withoutKeys(params, keys) {
    return Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k)));
}
/** The masked form, rendered from the parsed parts in the form the user gave. */
function renderMasked(parts) {
    const hasPassword = Boolean(parts.password);
    if (parts.form === 'keywords') {
        const pairs = [];
        if (parts.host !== undefined)
            pairs.push(['host', parts.host]);
        if (parts.port !== undefined)
            pairs.push(['port', parts.port]);
        if (parts.database !== undefined)
            pairs.push(['dbname', parts.database]);
        if (parts.user !== undefined)
            pairs.push(['user', parts.user]);
        if (hasPassword)
            pairs.push(['password', '***']);
        for (const [k, v] of parts.params)
            pairs.push([k, SECRET_PARAM.test(k) ? '***' : v]);
        return pairs.map(([k, v]) => `${k}=${/^[^\s'\\]+$/.test(v) && v !== '***' ? v : v === '***' ? v : quoteKeywordValue(v)}`).join(' ');
    }
    const auth = parts.user !== undefined || hasPassword ? `${encodeURIComponent(parts.user ?? '')}${hasPassword ? ':***' : ''}@` : '';
    const host = parts.host === undefined ? '' : parts.host.includes(':') ? `[${parts.host}]` : encodeURIComponent(parts.host);
    const port = parts.port !== undefined ? `:${parts.port}` : '';
    const query = parts.params
        .map(([k, v]) => `${encodeURIComponent(k)}=${SECRET_PARAM.test(k) ? '***' : encodeURIComponent(v).replace(/%2F/g, '/')}`)
        .join('&');
    return `${parts.scheme}://${auth}${host}${port}/${encodeURIComponent(parts.database ?? '')}${query ? `?${query}` : ''}`;
}
function quoteKeywordValue(value) {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
/** The masked form of any connection string (nothing of an unparseable one's user-info). */
function maskUrl(url) {
    try {
        return url_parseDatabaseUrl(url, 'database-url', {}).maskedUrl;
    }
    catch {
        return '(a connection string that cannot be parsed; not shown)';
    }
}
/** Builds a URL from parts (used for throwaway databases and for renaming the database). */
function buildDatabaseUrl(parts) {
    const auth = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : '');
    const query = new URLSearchParams();
    const socket = parts.host.startsWith('/');
    if (socket)
        query.set('host', parts.host);
    if (parts.schema && parts.schema !== 'public')
        query.set('schema', parts.schema);
    if (parts.sslmode)
        query.set('sslmode', parts.sslmode);
    for (const [k, v] of Object.entries(parts.params ?? {}))
        if (!query.has(k) && k !== 'host')
            query.set(k, v);
    const hostPart = socket ? 'localhost' : parts.host.includes(':') ? `[${parts.host}]` : parts.host;
    const q = query.toString();
    return `postgresql://${auth}@${hostPart}:${parts.port}/${encodeURIComponent(parts.database)}${q ? `?${q}` : ''}`;
}
/** The same server and credentials, another database. */
function withDatabase(settings, database) {
    const url = buildDatabaseUrl({ ...settings, database, params: withoutKeys(settings.params ?? {}, ['schema', 'sslmode']) });
    return { ...settings, database, url, maskedUrl: maskUrl(url) };
}
/** node-postgres client settings for these connection settings. */
function toClientConfig(settings, extra = {}) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        application_name: extra.applicationName ?? settings.applicationName ?? 'prisma-migrate-actions',
        connectionTimeoutMillis: (settings.connectTimeoutSeconds ?? 10) * 1000,
    };
    const mode = settings.sslmode;
    if (mode === 'require' || mode === 'no-verify')
        config.ssl = { rejectUnauthorized: false };
    else if (mode === 'verify-ca' || mode === 'verify-full')
        config.ssl = { rejectUnauthorized: true };
    const options = [];
    if (settings.schema)
        options.push(`-c search_path=${escapeOptionValue(quoteIdentForSearchPath(settings.schema))}`);
    if (extra.statementTimeoutMs !== undefined)
        options.push(`-c statement_timeout=${extra.statementTimeoutMs}`);
    if (extra.readOnly)
        options.push('-c default_transaction_read_only=on');
    if (options.length)
        config.options = options.join(' ');
    return config;
}
function quoteIdentForSearchPath(schema) {
    return /^[a-z_][a-z0-9_$]*$/.test(schema) ? schema : `"${schema.replace(/"/g, '""')}"`;
}
/** libpq `options` values escape spaces and backslashes with a backslash. */
function escapeOptionValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}

;// CONCATENATED MODULE: ./src/fleet/targets.ts
/**
 * The targets file of a fleet: the databases one change set goes to, in waves. It lives in the
 * repository, so it names where each URL comes from (an environment variable, or a key of the
 * DATABASE_URLS secret) and never holds a URL itself. Every mistake is reported with its file and
 * line before any target is connected to.
 */






const TARGET_KEYS = ['name', 'url', 'wave', 'group'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const URL_REFERENCE = /^(env|secret):([A-Za-z_][A-Za-z0-9_]*)$/;
const URLS_SECRET = 'DATABASE_URLS';
function fail(file, line, message, remedy) {
    throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `${external_node_path_default().basename(file)}:${line}: ${message}`, { remedy, where: { file, line } });
}
/** Parses the YAML or JSON text of a targets file (JSON is YAML, so one parser gives both their lines). */
function parseTargets(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: false });
    const lineOf = (node) => {
        const range = node && 'range' in node ? node.range : node && 'key' in node ? node.key?.range : undefined;
        return range ? lines.linePos(range[0]).line : 1;
    };
    if (doc.errors.length) {
        const error = doc.errors[0];
        const line = error.linePos?.[0].line ?? 1;
        fail(file, line, `not valid YAML or JSON: ${error.message.split('\n')[0]}`, 'Fix the syntax at that line.');
    }
    const root = doc.contents;
    const example = 'targets:\n  - name: tenant-acme\n    url: env:ACME_DATABASE_URL';
    if (!(0,dist/* isMap */.jh)(root))
        fail(file, lineOf(root), 'expected a mapping with a "targets" list.', `Write it as:\n${example}`);
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== 'targets')
            fail(file, lineOf(pair), `unknown key "${key}" (the file holds only "targets").`, `Remove "${key}".`);
    }
    const list = root.get('targets', true);
    if (!(0,dist/* isSeq */.oP)(list) || list.items.length === 0) {
        fail(file, lineOf(list ?? root), '"targets" must be a non-empty list.', `Write it as:\n${example}`);
    }
    const seen = new Map();
    const targets = [];
    for (const item of list.items) {
        const line = lineOf(item);
        if (!(0,dist/* isMap */.jh)(item))
            fail(file, line, 'each target is a mapping with name and url.', `Write it as:\n${example}`);
        const fields = {};
        for (const pair of item.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            const at = lineOf(pair);
            if (!TARGET_KEYS.includes(key))
                fail(file, at, `unknown key "${key}".`, `A target has only ${TARGET_KEYS.join(', ')}.`);
            if (fields[key])
                fail(file, at, `"${key}" is given twice in one target.`, 'Keep one.');
            fields[key] = { value: (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : pair.value, line: at };
        }
        const name = fields.name?.value;
        if (typeof name !== 'string' || !NAME.test(name)) {
            fail(file, fields.name?.line ?? line, fields.name ? `target name ${JSON.stringify(name)} is not a plain name.` : 'a target has no name.', 'Name each target with letters, digits, ".", "_" and "-" (it names the target in every report and artifact).');
        }
        const first = seen.get(name);
        if (first !== undefined)
            fail(file, fields.name.line, `target "${name}" is listed twice (first at line ${first}).`, 'Give each target its own name.');
        seen.set(name, fields.name.line);
        const url = fields.url?.value;
        if (typeof url !== 'string' || !URL_REFERENCE.test(url.trim())) {
            if (typeof url === 'string') {
                (0,redact/* registerSecret */.cl)(url);
                (0,redact/* registerSecret */.cl)(/:\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1]);
            }
            const clear = typeof url === 'string' && /:\/\/|@/.test(url);
            fail(file, fields.url?.line ?? line, !fields.url
                ? `target "${name}" has no url.`
                : clear
                    ? `target "${name}" has a database URL written in the file; the file is in the repository, so its password would be too.`
                    : `target "${name}": url must be env:NAME or secret:NAME.`, `Write url: env:VARIABLE (an environment variable holding the URL) or url: secret:KEY (a key of the ${URLS_SECRET} secret, a JSON object of name → URL)${clear ? ', and change the password that was written here' : ''}.`);
        }
        const wave = waveOf(fields.wave?.value, () => fail(file, fields.wave.line, `target "${name}": wave ${JSON.stringify(fields.wave.value)} is not canary or a wave number.`, 'Use wave: canary, or wave: 1, 2, 3 …'));
        const group = fields.group?.value;
        if (group !== undefined && typeof group !== 'string')
            fail(file, fields.group.line, `target "${name}": group must be a name.`, 'Write group: NAME.');
        targets.push({ name, url: url.trim(), wave: wave ?? Number.POSITIVE_INFINITY, group, line });
    }
    // Targets without a wave go in the last one.
    const numbered = targets.map((t) => t.wave).filter((w) => typeof w === 'number' && Number.isFinite(w));
    const last = numbered.length ? Math.max(...numbered) : 1;
    for (const target of targets)
        if (target.wave === Number.POSITIVE_INFINITY)
            target.wave = last;
    return { file, targets };
}
function waveOf(value, invalid) {
    if (value === undefined || value === null)
        return undefined;
    if (value === 'canary')
        return 'canary';
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1)
        invalid();
    return n;
}
function readTargetsFile(file) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `The targets file ${file} cannot be read: ${error.code ?? 'error'}.`, {
            remedy: 'Give --targets the path of a YAML or JSON file listing the targets.',
            where: { file },
        });
    }
    return parseTargets(text, file);
}
/** Targets in the given groups (all when none given); an unknown group is an error, not an empty run. */
function selectGroups(targets, groups) {
    if (!groups.length)
        return targets.targets;
    const known = new Set(targets.targets.map((t) => t.group).filter(Boolean));
    const unknown = groups.filter((g) => !known.has(g));
    if (unknown.length) {
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `No target of ${external_node_path_default().basename(targets.file)} is in group ${unknown.join(', ')}.`, {
            remedy: `Groups in the file: ${[...known].join(', ') || 'none'}.`,
            where: { file: targets.file },
        });
    }
    return targets.targets.filter((t) => t.group && groups.includes(t.group));
}
/** Every target's URL, from the environment or DATABASE_URLS, checked before any connects. */
function resolveTargets(targets, file, env) {
    let urls;
    const secretUrls = (line) => {
        if (urls)
            return urls;
        const text = env[URLS_SECRET];
        registerSecret(text);
        if (!text) {
            throw new MigrateActionsError('E_FLEET_URL', `${path.basename(file)}:${line}: ${URLS_SECRET} is not set.`, {
                remedy: `Set ${URLS_SECRET} to a JSON object of key → URL (in GitHub: a secret passed to the job as the ${URLS_SECRET} environment variable).`,
                where: { file, line },
            });
        }
        try {
            const parsed = JSON.parse(text);
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error('not an object');
            urls = parsed;
        }
        catch {
            throw new MigrateActionsError('E_FLEET_URL', `${URLS_SECRET} is not a JSON object.`, {
                remedy: `Set ${URLS_SECRET} to a JSON object such as {"EU1_DATABASE_URL": "postgresql://…"}.`,
                where: { file, line },
            });
        }
        for (const value of Object.values(urls))
            if (typeof value === 'string')
                registerSecret(value);
        return urls;
    };
    return targets.map((target) => {
        const [, source, key] = URL_REFERENCE.exec(target.url);
        const value = source === 'env' ? env[key] : secretUrls(target.line)[key];
        if (typeof value !== 'string' || !value) {
            throw new MigrateActionsError('E_FLEET_URL', `${path.basename(file)}:${target.line}: target "${target.name}" reads its URL from ${source === 'env' ? `the environment variable ${key}` : `key ${key} of ${URLS_SECRET}`}, which is not set.`, { remedy: source === 'env' ? `Set ${key}.` : `Add "${key}" to the ${URLS_SECRET} secret.`, where: { file, line: target.line } });
        }
        registerSecret(value);
        let connection;
        try {
            connection = parseDatabaseUrl(value, `target ${target.name}`, env);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new MigrateActionsError('E_FLEET_URL', `${path.basename(file)}:${target.line}: target "${target.name}": ${message}`, {
                remedy: `Fix the URL in ${target.url.slice(target.url.indexOf(':') + 1)}.`,
                where: { file, line: target.line },
            });
        }
        return { ...target, connection, databaseUrl: value };
    });
}


/***/ })

};
