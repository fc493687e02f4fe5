import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 799;
export const ids = [799];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V1: () => (/* binding */ diffSnapshots),
/* harmony export */   iQ: () => (/* binding */ OBJECT_TYPES)
/* harmony export */ });
/* unused harmony export changedFields */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7685);
/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */


/** Report order: containers before their contents. */
const OBJECT_TYPES = [
    'extension',
    'schema',
    'enum',
    'table',
    'sequence',
    'column',
    'constraint',
    'index',
    'function',
    'view',
    'trigger',
    'policy',
    'grant',
];
/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED = {
    column: ['position'],
    function: ['source'],
};
/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);
function diffSnapshots(expected, actual, options = {}) {
    const differences = [];
    let ignored = 0;
    const wholeTables = new Set();
    for (const type of OBJECT_TYPES) {
        const want = expected.objects[type];
        const have = actual.objects[type];
        const found = [];
        const visit = (identity) => {
            const difference = compareObject(type, identity, own(want, identity), own(have, identity));
            if (!difference)
                return;
            const object = (difference.expected ?? difference.actual);
            if ((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .isSuiteObject */ .o5)(type, object) || isInsideWholeTable(type, object, wholeTables))
                return;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if ((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesAny */ ._I)(options.ignore, type, identity)) {
                ignored++;
                return;
            }
            found.push(difference);
        };
        // Every identity of both sides once; only the differences are sorted (10⁵ objects, a handful of differences).
        for (const identity in want)
            visit(identity);
        for (const identity in have)
            if (!Object.hasOwn(want, identity))
                visit(identity);
        differences.push(...found.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0)));
    }
    return { differences, ignored };
}
function own(objects, identity) {
    return Object.hasOwn(objects, identity) ? objects[identity] : undefined;
}
function isInsideWholeTable(type, object, wholeTables) {
    if (!TABLE_CHILDREN.has(type))
        return false;
    const where = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .objectLocation */ .d0)(type, object);
    return where.table !== undefined && wholeTables.has((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(where.schema, where.table));
}
function compareObject(type, identity, expected, actual) {
    if (expected && !actual)
        return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
    if (!expected && actual)
        return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
    const fields = changedFields(type, expected, actual);
    if (!fields.length)
        return undefined;
    const e = expected;
    const a = actual;
    const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
    return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}
function changedFields(type, expected, actual) {
    const skip = UNCOMPARED[type] ?? [];
    const e = expected;
    const a = actual;
    return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}
/** Field values are primitives or arrays of strings. */
function sameValue(x, y) {
    if (x === y)
        return true;
    if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((item, i) => item === y[i]);
    return false;
}
function difference(objectType, identity, change, expected, actual, fields, detail) {
    const result = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
    if (expected)
        result.expected = expected;
    if (actual)
        result.actual = actual;
    if (fields.length)
        result.fields = fields;
    return result;
}
/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type, change, fields) {
    if (type === 'grant')
        return 'warning';
    if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid')))
        return 'warning';
    if (type === 'extension' && change !== 'missing')
        return 'warning';
    return 'error';
}
function show(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUITE_SCHEMA: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.nM),
/* harmony export */   SUITE_TABLE: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.Wc),
/* harmony export */   diffSnapshots: () => (/* reexport safe */ _diff_js__WEBPACK_IMPORTED_MODULE_1__.V1),
/* harmony export */   identityOf: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.cu),
/* harmony export */   matchesPattern: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.MT),
/* harmony export */   reconcileScript: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.M3),
/* harmony export */   reconcileSql: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.lC),
/* harmony export */   snapshotSchema: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.ap),
/* harmony export */   splitIdentity: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.Lt)
/* harmony export */ });
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7685);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9880);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8510);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);
/** The catalog reader, schema diff and reconcile SQL. */






/***/ })

};
