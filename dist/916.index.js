export const id = 916;
export const ids = [916];
export const modules = {

/***/ 6916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffApiDefinitions: () => (/* binding */ diffApiDefinitions),
  fullApiDiff: () => (/* binding */ fullApiDiff),
  normalizeDefinition: () => (/* reexport */ normalizeDefinition),
  redactAccountIds: () => (/* reexport */ wording/* redactAccountIds */.LA)
});

// EXTERNAL MODULE: ./node_modules/api-smart-diff/dist/index.mjs
var dist = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/diff/json.ts
var json = __webpack_require__(941);
;// CONCATENATED MODULE: ./src/diff/operation-keys.ts
// How operations are keyed in the comparable documents: OpenAPI method keys, with API Gateway's ANY method travelling
// as `trace` (a key api-smart-diff knows, and one API Gateway never exports).
const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method';
const INTEGRATION_KEY = 'x-amazon-apigateway-integration';
const ANY_AS = 'trace';
const OPERATION_KEYS = new Set([
    'get',
    'put',
    'post',
    'delete',
    'options',
    'head',
    'patch',
    ANY_AS,
]);
/** The key an operation has in a comparable document, or undefined when `key` is not an operation. */
function operationKey(key) {
    const method = key === ANY_METHOD_KEY ? ANY_AS : key.toLowerCase();
    return OPERATION_KEYS.has(method) ? method : undefined;
}
function isOperationKey(key) {
    return OPERATION_KEYS.has(key);
}
function displayMethod(key) {
    return key === ANY_AS ? 'ANY' : key.toUpperCase();
}
function opKey(ref) {
    return `${ref.method} ${ref.path}`;
}

// EXTERNAL MODULE: ./src/diff/wording.ts
var wording = __webpack_require__(3363);
;// CONCATENATED MODULE: ./src/diff/fallback.ts
// When api-smart-diff throws (it does on some malformed schemas), the diff still says which operations were added,
// removed or changed, without classifying the changes: diffs in the library's shape, grouped the same way.



function structuralDiffs(before, after) {
    const a = operations(before);
    const b = operations(after);
    const diffs = [];
    for (const [key, { path, op }] of b) {
        const old = a.get(key)?.op;
        if (old === undefined) {
            diffs.push({ action: 'add', type: 'non-breaking', path });
            continue;
        }
        const { [INTEGRATION_KEY]: integrationBefore, ...contractBefore } = old;
        const { [INTEGRATION_KEY]: integrationAfter, ...contractAfter } = op;
        if ((0,json/* stableJson */._Y)(contractBefore) !== (0,json/* stableJson */._Y)(contractAfter)) {
            diffs.push({ action: 'replace', type: 'non-breaking', path, description: 'Definition changed (not classified)' });
        }
        if ((0,json/* stableJson */._Y)(integrationBefore) !== (0,json/* stableJson */._Y)(integrationAfter)) {
            const description = (0,wording/* describeIntegration */.a9)(integrationBefore, integrationAfter);
            diffs.push({ action: 'replace', type: 'non-breaking', path: [...path, INTEGRATION_KEY], description });
        }
    }
    for (const [key, { path }] of a)
        if (!b.has(key))
            diffs.push({ action: 'remove', type: 'breaking', path });
    return diffs;
}
/** Every operation of a comparable document, by `path method key`. */
function operations(doc) {
    const out = new Map();
    for (const [path, item] of Object.entries((0,json/* isRecord */.u4)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u4)(item))
            continue;
        for (const [method, op] of Object.entries(item)) {
            if ((0,json/* isRecord */.u4)(op))
                out.set(`${path} ${method}`, { path: ['paths', path, method], op });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diff/gateway-rules.ts
// API Gateway's rules for api-smart-diff, written with the library's own hooks on top of its OpenAPI 3 rules:
// - an operation's authorization (`security`): a compare hook gives one change per operation, breaking whenever what
//   a caller must present changes (the library calls an added requirement non-breaking);
// - an operation's integration (x-amazon-apigateway-integration): invisible to callers, so non-breaking; a compare
//   hook gives one change per operation naming the fields that changed;
// - authorizers (components.securitySchemes): classification rules, breaking when where callers put their credentials
//   changes (header name, location, identity source), an annotation for descriptions, otherwise non-breaking;
// - wording: an annotate hook that words integrations and turns the library's "[Added] x" into "Added x".




/** Options for compareOpenApi: the library's OpenAPI 3 rules with API Gateway's, and the annotate hook. */
function gatewayCompareOptions() {
    // Built per comparison: the library's rules hold a cache of resolved $refs.
    const rules = (0,dist/* openapi3Rules */.Fr)();
    const paths = rulesAt(rules, '/paths');
    const pathItem = rulesAt(paths, '/*');
    const operation = rulesAt(pathItem, '/*');
    const components = rulesAt(rules, '/components');
    const schemes = rulesAt(components, '/securitySchemes');
    const gatewayOperation = {
        ...operation,
        transform: [...(operation.transform ?? []), sameSecurityPresence],
        '/security': { compare: compareSecurity },
        [`/${INTEGRATION_KEY}`]: { $: dist/* allNonBreaking */.Y, compare: compareIntegration },
    };
    return {
        rules: {
            ...rules,
            '/paths': { ...paths, '/*': { ...pathItem, '/*': gatewayOperation } },
            '/components': { ...components, '/securitySchemes': { ...schemes, '/*': AUTHORIZER_RULES } },
        },
        annotateHook: gatewayAnnotateHook,
    };
}
function rulesAt(rules, key) {
    const child = rules[key];
    if (typeof child !== 'object')
        throw new Error(`api-smart-diff's OpenAPI rules have no object at ${key}`);
    return child;
}
/** An authorizer added is non-breaking, one removed breaking. */
function authorizerPresenceType(action) {
    return action === 'add' ? dist/* nonBreaking */.Ll : dist/* breaking */.q4;
}
const AUTHORIZER_RULES = {
    // Added, removed, replaced by something else.
    $: [authorizerPresenceType('add'), authorizerPresenceType('remove'), dist/* nonBreaking */.Ll],
    '/name': { $: dist/* allBreaking */.h0 },
    '/in': { $: dist/* allBreaking */.h0 },
    '/description': { $: dist/* allAnnotation */.BC },
    '/bearerFormat': { $: dist/* allAnnotation */.BC },
    '/openIdConnectUrl': { $: dist/* allAnnotation */.BC },
    // At any depth, e.g. x-amazon-apigateway-authorizer.identitySource.
    '/**': ({ key }) => ({ $: String(key).endsWith('identitySource') ? dist/* allBreaking */.h0 : dist/* allNonBreaking */.Y }),
};
/** No `security` and `security: []` both mean no authorization; give both sides the key so one hook compares them. */
const sameSecurityPresence = (before, after) => [
    withEmptySecurity(before, after),
    withEmptySecurity(after, before),
];
function withEmptySecurity(value, other) {
    if (!(0,json/* isRecord */.u4)(value) || !(0,json/* isRecord */.u4)(other) || 'security' in value || !('security' in other))
        return value;
    return { ...value, security: [] };
}
const compareSecurity = ({ before, after }) => {
    const was = (0,wording/* authorizationLabel */.wX)(before.value);
    const now = (0,wording/* authorizationLabel */.wX)(after.value);
    const change = was === now ? undefined : (0,wording/* describeAuthorization */.di)(was, now);
    return { diffs: replaced(before.path, dist/* breaking */.q4, change), merged: after.value };
};
const compareIntegration = ({ before, after }) => {
    const same = (0,json/* stableJson */._Y)(before.value) === (0,json/* stableJson */._Y)(after.value);
    const change = same ? undefined : (0,wording/* describeIntegration */.a9)(before.value, after.value);
    return { diffs: replaced(before.path, dist/* nonBreaking */.Ll, change), merged: after.value };
};
function replaced(path, type, description) {
    return description === undefined ? [] : [{ action: 'replace', type, path, description }];
}
/** The library's wording without its "[Added]" brackets; a field path where it has no wording for an operation's. */
const gatewayAnnotateHook = (diff, ctx) => {
    const [root, , , field] = diff.path;
    if (root === 'paths' && diff.path.length === 4 && field === INTEGRATION_KEY) {
        return (0,wording/* describeIntegration */.a9)(diff.before, diff.after);
    }
    const text = (0,dist/* openApi3AnnotateHook */.zk)(diff, ctx);
    if (text !== '')
        return text.replace(/^\[(\w+)\]\s*/, '$1 ');
    if (root !== 'paths' || diff.path.length < 3)
        return '';
    const verb = { add: 'Added', remove: 'Removed', replace: 'Changed', rename: 'Renamed' }[diff.action];
    return `${verb} \`${diff.path.slice(3).map(String).join('.')}\``;
};

;// CONCATENATED MODULE: ./src/diff/result.ts
// The ApiDiff result from grouped changes: duplicates dropped, a stable order (paths in code-unit order, methods in
// the usual order, breaking changes first) and the counts.

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
const CLASS_RANK = { breaking: 0, 'non-breaking': 1, annotation: 2 };
function apiDiffResult(format, engine, grouped) {
    const added = sortRefs(dedupeRefs(grouped.added));
    const removed = sortRefs(dedupeRefs(grouped.removed));
    const gone = new Set([...added, ...removed].map(opKey));
    const changed = sortRefs([...grouped.changed.values()]
        .map(({ ref, changes }) => ({ ref, changes: dedupeAndSort(changes) }))
        .filter(({ ref, changes }) => changes.length > 0 && !gone.has(opKey(ref)))
        .map(({ ref, changes }) => ({ ...ref, classification: changes[0]?.classification ?? 'annotation', changes })));
    const apiLevel = dedupeAndSort(grouped.apiLevel);
    const all = [...changed.flatMap((c) => c.changes), ...apiLevel];
    const counts = {
        added: added.length,
        removed: removed.length,
        changed: changed.length,
        breaking: removed.length + all.filter((c) => c.classification === 'breaking').length,
        nonBreaking: added.length + all.filter((c) => c.classification === 'non-breaking').length,
        annotation: all.filter((c) => c.classification === 'annotation').length,
    };
    return {
        format,
        engine,
        added,
        removed,
        changed,
        apiLevel,
        counts,
        identical: added.length + removed.length + changed.length + apiLevel.length === 0,
    };
}
function worstClassification(list) {
    return [...list].sort((x, y) => CLASS_RANK[x] - CLASS_RANK[y])[0];
}
function dedupeAndSort(changes) {
    const seen = new Set();
    const out = [];
    for (const c of changes) {
        const key = `${c.classification}|${c.kind}|${c.description}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(c);
    }
    return out.sort((x, y) => CLASS_RANK[x.classification] - CLASS_RANK[y.classification] ||
        compareStrings(x.kind, y.kind) ||
        compareStrings(x.description, y.description));
}
function dedupeRefs(refs) {
    const map = new Map(refs.map((r) => [opKey(r), r]));
    return [...map.values()];
}
function sortRefs(refs) {
    return refs.sort((x, y) => compareStrings(x.path, y.path) || methodRank(x.method) - methodRank(y.method));
}
function methodRank(method) {
    const i = METHOD_ORDER.indexOf(method);
    return i === -1 ? METHOD_ORDER.length : i;
}
/** Code-unit order, independent of the runner's locale. */
function compareStrings(x, y) {
    return x < y ? -1 : x > y ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/diff/group.ts
// Groups diffs (api-smart-diff's, or the structural fallback's) by what they belong to: operations added or removed,
// the changes inside each operation, and API-level changes (authorizers, gateway extensions).





/** Components whose contents reach operations through $ref; api-smart-diff reports them where they are used. */
const REFERENCED_COMPONENTS = new Set([
    'schemas',
    'parameters',
    'responses',
    'requestBodies',
    'headers',
    'examples',
    'links',
    'callbacks',
]);
const SCHEMES_GROUP = 'components.securitySchemes.';
/** `before` and `after` are the compared documents, for the authorizers of a components block added or removed whole. */
function groupDiffs(diffs, before, after) {
    const grouped = { added: [], removed: [], changed: new Map(), apiLevel: [] };
    const apiLevel = new Map();
    for (const diff of diffs) {
        const path = diff.path.map(String);
        if (path[0] === 'paths') {
            // Shorter paths are a path renamed (its operations' diffs follow under the old path); whole path items come
            // as one diff per operation.
            const [, apiPath, method] = path;
            if (apiPath !== undefined && method !== undefined && isOperationKey(method)) {
                addOperationDiff(grouped, { method: displayMethod(method), path: apiPath }, diff);
            }
        }
        else if (path[0] === 'components' &&
            (path.length === 1 || (path.length === 2 && path[1] === 'securitySchemes'))) {
            // All components (or all authorizers) appeared or disappeared, e.g. on a first deploy: one entry per
            // authorizer; the other components are reported where operations use them.
            if (diff.action === 'add')
                expandAuthorizers(apiLevel, diff.action, after);
            if (diff.action === 'remove')
                expandAuthorizers(apiLevel, diff.action, before);
        }
        else {
            const group = apiLevelGroup(path);
            if (group !== undefined)
                apiLevel.set(group, [...(apiLevel.get(group) ?? []), diff]);
        }
    }
    for (const [group, list] of apiLevel)
        grouped.apiLevel.push(describeApiLevel(group, list));
    return grouped;
}
function addOperationDiff(grouped, ref, diff) {
    if (diff.path.length === 3 && (diff.action === 'add' || diff.action === 'remove')) {
        ;
        (diff.action === 'add' ? grouped.added : grouped.removed).push(ref);
        return;
    }
    const key = opKey(ref);
    const entry = grouped.changed.get(key) ?? { ref, changes: [] };
    entry.changes.push({
        classification: classify(diff.type),
        kind: changeKind(diff.path[3]),
        description: diff.description ?? '',
    });
    grouped.changed.set(key, entry);
}
function changeKind(field) {
    if (field === 'security')
        return 'auth';
    return field === INTEGRATION_KEY ? 'integration' : 'contract';
}
function expandAuthorizers(apiLevel, action, source) {
    const components = (0,json/* isRecord */.u4)(source.components) ? source.components : {};
    const schemes = (0,json/* isRecord */.u4)(components.securitySchemes) ? components.securitySchemes : {};
    for (const name of Object.keys(schemes)) {
        const diff = { action, type: authorizerPresenceType(action), path: ['components', 'securitySchemes', name] };
        apiLevel.set(`${SCHEMES_GROUP}${name}`, [diff]);
    }
}
/** Groups a non-operation diff by what it belongs to, or undefined when operations already show it. */
function apiLevelGroup(path) {
    const [head, second, third] = path;
    if (head !== 'components')
        return head;
    if (second === undefined)
        return 'components';
    if (REFERENCED_COMPONENTS.has(second))
        return undefined;
    return third === undefined ? `components.${second}` : `components.${second}.${third}`;
}
function describeApiLevel(group, diffs) {
    const classification = worstClassification(diffs.map((d) => classify(d.type))) ?? 'non-breaking';
    if (group.startsWith(SCHEMES_GROUP)) {
        const only = diffs.length === 1 && diffs[0]?.path.length === 3 ? diffs[0] : undefined;
        const fields = [...new Set(diffs.map((d) => d.path.slice(3).map(String).join('.')))].sort();
        return (0,wording/* describeAuthorizer */.rC)({
            name: group.slice(SCHEMES_GROUP.length),
            presence: presence(only),
            fields,
            classification,
        });
    }
    return (0,wording/* describeGatewayChange */.uB)(group, presence(diffs.length === 1 && diffs[0]?.path.length === 1 ? diffs[0] : undefined), classification);
}
function presence(only) {
    return only?.action === 'add' ? 'added' : only?.action === 'remove' ? 'removed' : 'changed';
}
function classify(type) {
    switch (type) {
        case 'breaking':
            return 'breaking';
        case 'annotation':
            return 'annotation';
        default:
            // non-breaking, deprecated, unclassified (an x- extension api-smart-diff has no rule for): shown, not breaking.
            return 'non-breaking';
    }
}

;// CONCATENATED MODULE: ./src/diff/swagger.ts
// Swagger 2.0 → OpenAPI 3.0, for the parts that matter when comparing operations. api-smart-diff 1.0.6 classifies
// OpenAPI 3 only (its Swagger 2 support is on its roadmap), and API Gateway exports the same API in both forms;
// emulators such as moto even answer an oas30 export with Swagger 2.0.

function swaggerToOas3(src) {
    const doc = rewriteRefs(structuredClone(src));
    const globalConsumes = stringList(doc.consumes);
    const globalProduces = stringList(doc.produces);
    const components = {};
    if ((0,json/* isRecord */.u4)(doc.definitions))
        components.schemas = doc.definitions;
    if ((0,json/* isRecord */.u4)(doc.parameters)) {
        const params = {};
        for (const [name, p] of Object.entries(doc.parameters)) {
            if ((0,json/* isRecord */.u4)(p) && p.in !== 'body' && p.in !== 'formData')
                params[name] = convertParameter(p);
        }
        components.parameters = params;
    }
    if ((0,json/* isRecord */.u4)(doc.responses)) {
        const responses = Object.entries(doc.responses).filter((entry) => (0,json/* isRecord */.u4)(entry[1]));
        components.responses = (0,json/* recordOf */.zv)(responses.map(([name, r]) => [name, convertResponse(r, globalProduces)]));
    }
    if ((0,json/* isRecord */.u4)(doc.securityDefinitions))
        components.securitySchemes = doc.securityDefinitions;
    const out = { openapi: '3.0.1' };
    for (const [key, value] of Object.entries(doc)) {
        if (key.startsWith('x-') || key === 'security')
            out[key] = value;
    }
    out.components = components;
    const paths = {};
    for (const [path, item] of Object.entries((0,json/* isRecord */.u4)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u4)(item))
            continue;
        const next = {};
        for (const [key, op] of Object.entries(item)) {
            if (key === 'parameters' && Array.isArray(op)) {
                next.parameters = op.filter(json/* isRecord */.u4).map(convertParameter);
            }
            else if ((0,json/* isRecord */.u4)(op)) {
                next[key] = convertOperation(op, globalConsumes, globalProduces);
            }
        }
        paths[path] = next;
    }
    out.paths = paths;
    return out;
}
function convertOperation(op, globalConsumes, globalProduces) {
    const consumes = stringList(op.consumes, globalConsumes);
    const produces = stringList(op.produces, globalProduces);
    const out = {};
    for (const [key, value] of Object.entries(op)) {
        if (key === 'consumes' || key === 'produces' || key === 'parameters' || key === 'responses')
            continue;
        out[key] = value;
    }
    const params = Array.isArray(op.parameters) ? op.parameters.filter(json/* isRecord */.u4) : [];
    const rest = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
    if (rest.length > 0)
        out.parameters = rest.map(convertParameter);
    const requestBody = convertBody(params, consumes);
    if (requestBody !== undefined)
        out.requestBody = requestBody;
    const responses = Object.entries((0,json/* isRecord */.u4)(op.responses) ? op.responses : {}).filter((entry) => (0,json/* isRecord */.u4)(entry[1]));
    out.responses = (0,json/* recordOf */.zv)(responses.map(([code, r]) => [code, convertResponse(r, produces)]));
    return out;
}
/** The `body` parameter, or the `formData` ones, as an OpenAPI 3 request body. */
function convertBody(params, consumes) {
    const body = params.find((p) => p.in === 'body');
    const form = params.filter((p) => p.in === 'formData');
    if (body !== undefined) {
        const types = consumes.length > 0 ? consumes : ['application/json'];
        return {
            content: Object.fromEntries(types.map((t) => [t, { schema: body.schema ?? {} }])),
            ...(body.required === true ? { required: true } : {}),
        };
    }
    if (form.length === 0)
        return undefined;
    const properties = {};
    const required = [];
    for (const p of form) {
        properties[String(p.name)] = parameterSchema(p);
        if (p.required === true)
            required.push(String(p.name));
    }
    const type = consumes.find((t) => t.startsWith('multipart/')) ?? 'application/x-www-form-urlencoded';
    return {
        content: { [type]: { schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) } } },
        ...(required.length > 0 ? { required: true } : {}),
    };
}
function convertParameter(p) {
    if (typeof p.$ref === 'string')
        return p;
    const out = { name: p.name, in: p.in };
    if (p.required === true)
        out.required = true;
    if (typeof p.description === 'string')
        out.description = p.description;
    out.schema = parameterSchema(p);
    return out;
}
const SCHEMA_KEYS = [
    'type',
    'format',
    'items',
    'enum',
    'default',
    'maximum',
    'minimum',
    'exclusiveMaximum',
    'exclusiveMinimum',
    'maxLength',
    'minLength',
    'pattern',
    'maxItems',
    'minItems',
    'uniqueItems',
    'multipleOf',
];
function parameterSchema(p) {
    if ((0,json/* isRecord */.u4)(p.schema))
        return p.schema;
    const schema = {};
    for (const key of SCHEMA_KEYS)
        if (key in p)
            schema[key] = p[key];
    return schema;
}
function convertResponse(r, produces) {
    if (typeof r.$ref === 'string')
        return r;
    const out = { description: typeof r.description === 'string' ? r.description : '' };
    if ((0,json/* isRecord */.u4)(r.headers)) {
        const headers = {};
        for (const [name, h] of Object.entries(r.headers)) {
            if (!(0,json/* isRecord */.u4)(h))
                continue;
            headers[name] = {
                schema: parameterSchema(h),
                ...(typeof h.description === 'string' ? { description: h.description } : {}),
            };
        }
        out.headers = headers;
    }
    if (r.schema !== undefined) {
        const types = produces.length > 0 ? produces : ['application/json'];
        out.content = Object.fromEntries(types.map((t) => [t, { schema: r.schema }]));
    }
    for (const [key, value] of Object.entries(r))
        if (key.startsWith('x-'))
            out[key] = value;
    return out;
}
function rewriteRefs(value) {
    if (Array.isArray(value))
        return value.map(rewriteRefs);
    if (!(0,json/* isRecord */.u4)(value))
        return value;
    return (0,json/* recordOf */.zv)(Object.entries(value).map(([key, v]) => {
        if (key !== '$ref' || typeof v !== 'string')
            return [key, rewriteRefs(v)];
        return [
            key,
            v
                .replace(/^#\/definitions\//, '#/components/schemas/')
                .replace(/^#\/parameters\//, '#/components/parameters/')
                .replace(/^#\/responses\//, '#/components/responses/'),
        ];
    }));
}
function stringList(value, fallback = []) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : fallback;
}

;// CONCATENATED MODULE: ./src/diff/normalize.ts
// Turns what API Gateway gives us (GetExport oas30 or swagger, with or without the x-amazon-apigateway-* extensions,
// or a deployment's `apiSummary` map from GetDeployment embed=apisummary) into one comparable shape: an OpenAPI 3.0
// document that keeps only what differs between API versions.



/** Top-level keys that differ between stages or between exports of one API version, or only document it (tags). */
const IGNORED_TOP_LEVEL = new Set(['openapi', 'swagger', 'info', 'servers', 'host', 'basePath', 'schemes', 'tags']);
/**
 * Detects the input's kind and converts it to a plain OpenAPI 3.0 document with only what matters for a diff. With
 * `copy` false, an OpenAPI 3 document keeps the input's objects (not `owned`), operations included, whose responses
 * are left as they are: completeOperation finishes an operation.
 */
function normalizeDefinition(input, copy = true) {
    if (input === undefined || input === null)
        return { format: 'none', doc: emptyDoc(), owned: true };
    const src = input;
    // Moto and other emulators answer an oas30 export with Swagger 2.0, so the format comes from the document.
    if (typeof src.swagger === 'string')
        return { format: 'swagger', doc: comparable(swaggerToOas3(src)), owned: true };
    if (typeof src.openapi === 'string') {
        return { format: 'oas30', doc: comparable(copy ? structuredClone(src) : src, !copy), owned: copy };
    }
    const summary = (0,json/* isRecord */.u4)(src.apiSummary) ? src.apiSummary : src;
    if (looksLikeApiSummary(summary)) {
        return { format: 'apisummary', doc: comparable(apiSummaryToOas3(summary)), owned: true };
    }
    throw new Error('Not an API definition: expected an OpenAPI 3.0 or Swagger 2.0 document, or a deployment apiSummary');
}
function emptyDoc() {
    return comparable({});
}
// Path items keep their operations only, each with the path-level parameters merged in. api-smart-diff's own
// transformPathItems would append path-level parameters without letting an operation override one (same name and
// `in`), and would copy the path item's summary, servers and extensions into every operation.
function comparable(doc, partial = false) {
    const out = { openapi: '3.0.1', info: { title: '', version: '' } };
    for (const [key, value] of Object.entries(doc)) {
        if (!IGNORED_TOP_LEVEL.has(key) && key !== 'paths')
            out[key] = value;
    }
    const paths = {};
    for (const [path, item] of Object.entries((0,json/* isRecord */.u4)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u4)(item))
            continue;
        const shared = Array.isArray(item.parameters) ? item.parameters : [];
        const operations = {};
        for (const [key, op] of Object.entries(item)) {
            const method = operationKey(key);
            if (!(0,json/* isRecord */.u4)(op) || method === undefined)
                continue;
            const normalized = partial ? op : completeOperation(op);
            operations[method] =
                shared.length > 0 ? { ...normalized, parameters: mergeParameters(shared, op.parameters) } : normalized;
        }
        paths[path] = operations;
    }
    // Paths last, as in exports: api-smart-diff compares in key order, so it meets the components first.
    out.paths = paths;
    return out;
}
/** oas30 exports write `content: {}` for a response without a body; swagger exports write nothing. Same meaning. */
function completeOperation(op) {
    if (!(0,json/* isRecord */.u4)(op.responses))
        return op;
    const responses = Object.entries(op.responses).map(([code, r]) => [code, completeResponse(r)]);
    return { ...op, responses: (0,json/* recordOf */.zv)(responses) };
}
/** An operation's response without an empty `content`; the same object when there is nothing to drop. */
function completeResponse(response) {
    if (!(0,json/* isRecord */.u4)(response) || !(0,json/* isRecord */.u4)(response.content) || Object.keys(response.content).length > 0)
        return response;
    const { content: _empty, ...rest } = response;
    return rest;
}
/** Path-level parameters apply to every operation unless the operation redefines them (same name and `in`). */
function mergeParameters(shared, own) {
    const ownList = Array.isArray(own) ? own : [];
    const key = (p) => ((0,json/* isRecord */.u4)(p) ? `${String(p.in)}:${String(p.name)}` : '');
    const ownKeys = new Set(ownList.map(key));
    return [...shared.filter((p) => !ownKeys.has(key(p))), ...ownList];
}
function looksLikeApiSummary(value) {
    if (!(0,json/* isRecord */.u4)(value))
        return false;
    return Object.entries(value).every(([path, methods]) => path.startsWith('/') &&
        (0,json/* isRecord */.u4)(methods) &&
        Object.values(methods).every((m) => (0,json/* isRecord */.u4)(m) && ('authorizationType' in m || 'apiKeyRequired' in m)));
}
/** `{ "/pets": { "GET": { authorizationType, apiKeyRequired } } }` → paths whose security names the auth type. */
function apiSummaryToOas3(summary) {
    const paths = {};
    for (const [path, methods] of Object.entries(summary)) {
        const item = {};
        for (const [method, info] of Object.entries(methods)) {
            const requirement = {};
            const authType = typeof info.authorizationType === 'string' ? info.authorizationType : 'NONE';
            if (authType !== 'NONE')
                requirement[authType] = [];
            if (info.apiKeyRequired === true)
                requirement.api_key = [];
            const op = { responses: {} };
            if (Object.keys(requirement).length > 0)
                op.security = [requirement];
            item[method.toUpperCase() === 'ANY' ? ANY_METHOD_KEY : method.toLowerCase()] = op;
        }
        paths[path] = item;
    }
    return { openapi: '3.0.1', paths };
}

;// CONCATENATED MODULE: ./src/diff/pointer.ts
// `$ref`s read the way api-smart-diff reads them (its parseRef and resolvePointer, quirks included), for the diff's
// pre-pass: which component a reference depends on, and what a parameter reference resolves to.

const OBJECT_PROTOTYPE = Object.prototype;
function componentKey(kind, name) {
    return `${kind}\u0000${name}`;
}
function refTarget(ref) {
    const { file, pointer } = parseRef(ref);
    // Another file: the library leaves the reference unresolved and compares it as it is.
    if (file !== '')
        return { to: 'external' };
    const path = decodePointer(pointer);
    if (path === undefined || path.length < 3 || path[0] !== 'components')
        return { to: 'other' };
    // A segment such as `constructor` resolves through Object.prototype in the library (`key in node`).
    if (path.some((segment) => segment in OBJECT_PROTOTYPE))
        return { to: 'other' };
    return { to: 'component', key: componentKey(path[1], path[2]) };
}
/** What api-smart-diff resolves `node` to when it is a reference (its resolveRef), else `node` itself. */
function resolveRefNode(node, root) {
    if (!isRefNode(node))
        return node;
    const { file, pointer } = parseRef(node.$ref);
    return file === '' ? resolvePointer(root, pointer, [pointer]) : undefined;
}
function isRefNode(node) {
    return (0,json/* isRecord */.u4)(node) && typeof node.$ref === 'string' && node.$ref !== '';
}
function parseRef(ref) {
    const [file = '', fragment] = ref.split('#');
    return { file, pointer: fragment !== undefined && fragment !== '/' ? fragment : '' };
}
/** The library's segments: split on `/`, `~1` and `~0` unescaped, percent-decoded, the first segment dropped. */
function decodePointer(pointer) {
    try {
        return pointer
            .split('/')
            .map((segment) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~')))
            .slice(1);
    }
    catch {
        return undefined;
    }
}
// A reference met part-way is followed, and the segment that met it is skipped, as the library does.
function resolvePointer(root, pointer, seen) {
    const path = decodePointer(pointer);
    if (path === undefined)
        return undefined;
    let node = root;
    for (const segment of path) {
        if (Array.isArray(node) && node.length > Number(segment)) {
            node = node[Number(segment)];
        }
        else if (typeof node === 'object' && node !== null && segment in node) {
            node = node[segment];
        }
        else if (isRefNode(node)) {
            const next = parseRef(node.$ref);
            node =
                next.file !== '' || seen.includes(next.pointer)
                    ? undefined
                    : resolvePointer(root, next.pointer, [...seen, next.pointer]);
        }
        else {
            return undefined;
        }
    }
    return node;
}

;// CONCATENATED MODULE: ./src/diff/quirks.ts
// What api-smart-diff 1.0.6 reports, or throws on, even when both sides of a part are equal: such a part cannot be
// left out of the diff (reduce.ts), because the full diff would show it, or fail on it. Read from the library's
// mapping resolvers, combiner and allOf handling; each check errs on the side of flagging.


/** Objects keyed by names (a property named `enum` is not a keyword). */
const NAME_MAPS = new Set([
    'properties',
    'patternProperties',
    'definitions',
    '$defs',
    'content',
    'responses',
    'headers',
    'examples',
    'links',
    'callbacks',
    'encoding',
    'variables',
    'mapping',
]);
/** Siblings the library leaves beside `oneOf`, `anyOf` or `$ref`; any other is merged into them through allOf. */
const PLAIN_SIBLINGS = new Set(['$defs', 'definitions', '$schema', '$id', 'discriminator']);
/** An object (not a name map) with these keys. */
function objectQuirk(record, keys) {
    let combiner = false;
    for (const key of keys) {
        switch (key) {
            // Mapped as lists: an object there makes the library throw or report a change.
            case 'enum':
            case 'required':
            case 'tags':
            case 'parameters':
                if ((0,json/* isRecord */.u4)(record[key]))
                    return true;
                break;
            case 'oneOf':
            case 'anyOf':
                // A combiner that is not a list is reported as replaced, equal or not.
                if (!Array.isArray(record[key]))
                    return true;
                combiner = true;
                break;
            case '$ref':
                combiner = true;
                break;
            case 'allOf':
                // Merged by allof-merge, which throws on some inputs.
                return true;
        }
    }
    // Siblings of oneOf, anyOf or $ref other than the plain ones are merged into them through allOf.
    return combiner && keys.filter((key) => !PLAIN_SIBLINGS.has(key)).length > 1;
}
/** A list under `key`; `root` resolves parameter references. */
function listQuirk(list, key, root) {
    switch (key) {
        // Matched item by item with indexOf: a repeated item is reported as added.
        case 'enum':
        case 'required':
        case 'tags':
            return hasRepeats(list);
        case 'allOf':
        case 'oneOf':
        case 'anyOf':
            return !list.every(json/* isRecord */.u4);
        case 'parameters':
            return repeatsParameter(list, root);
        case 'examples':
            return false;
        default:
            // A list where names are expected.
            return NAME_MAPS.has(key);
    }
}
/** A name map under `key`, with these names. */
function namesQuirk(names, key) {
    if (names.length < 2)
        return false;
    // Responses are matched case-insensitively, media types by type and subtype with wildcards: the first match wins.
    if (key === 'responses') {
        const lower = names.map((n) => n.toLowerCase());
        return lower.some((n, i) => n !== names[i]) && new Set(lower).size !== names.length;
    }
    return key === 'content' && hasMatchingMediaTypes(names);
}
/** Objects never match by indexOf (each side has its own); equal primitives and nulls do. */
function hasRepeats(list) {
    return list.some((item, i) => (typeof item !== 'object' || item === null) && list.indexOf(item) !== i);
}
/** Two parameters with the same `in` and `name` (references resolved as the library does) match the same one. */
function repeatsParameter(list, root) {
    if (list.length < 2)
        return false;
    const seen = new Set();
    for (const item of list) {
        const p = resolveRefNode(item, root);
        const place = (0,json/* isRecord */.u4)(p) && typeof p.in === 'string' ? p.in : '\u0000';
        const name = (0,json/* isRecord */.u4)(p) && typeof p.name === 'string' ? p.name : '';
        const id = `${place}\u0001${name}`;
        if (seen.has(id))
            return true;
        seen.add(id);
    }
    return false;
}
function hasMatchingMediaTypes(names) {
    const parts = names.map((n) => (n.split(';')[0] ?? '').split('/'));
    for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
            const [t1, s1] = parts[i];
            const [t2, s2] = parts[j];
            if ((t1 === t2 || t1 === '*' || t2 === '*') && (s1 === s2 || s1 === '*' || s2 === '*'))
                return true;
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./src/diff/part-scan.ts
// Compares one part (an operation, a component) of the two comparable documents for the diff's pre-pass (reduce.ts):
// equal as api-smart-diff sees it (keys matched by name, so their order is free; values by type and `===`), the
// components it references, and whether the library could report or throw on it even when both sides are equal
// (quirks.ts). A structural walk of both sides at once, cheaper than serialising them; written for few calls per
// node, as it runs once per diff, mostly before the JIT warms up. It goes on past the first difference because it
// also notes the objects it meets: the library writes transformed nodes back into the objects it walks, so parts
// that share an object (YAML aliases, path-level parameters merged into each operation) must be walked together.





/** Marks an owner noted where the object is data (see `leave`). */
const DATA = '\u0001';
/** Deeper than any definition nests: only a cycle gets there. */
const MAX_DEPTH = 500;
class PartScan {
    root;
    /** Values the pre-pass cannot vouch for (not plain JSON, NaN, cycles, references outside components). */
    unsafe = false;
    /** Each object's first owner (DATA-prefixed where it is data); one map for both sides. */
    owners = new Map();
    /** Objects met more than once: their owners, and whether the library walks any of these places with its rules. */
    repeated = new Map();
    /** Nesting of the walk; beyond MAX_DEPTH it is taken for a cycle. */
    depth = 0;
    /** Documents repeat the same references many times. */
    targets = new Map();
    owner = '';
    dataOwner = DATA;
    refs = new Set();
    flagged = false;
    /** `root` is the first side's document, to resolve references as the library does. */
    constructor(root) {
        this.root = root;
    }
    /** Compares a part present on both sides; an operation's integration and authorization are gateway-rules.ts's. */
    compare(a, b, owner, operation) {
        this.start(owner);
        const equal = operation && (0,json/* isRecord */.u4)(a) && (0,json/* isRecord */.u4)(b) ? this.pairObject(a, b, 'operation', '') : this.pair(a, b, '', false);
        return { equal, flagged: this.flagged, refs: this.refs };
    }
    /** Notes the objects of a part the library walks, on one side. */
    register(value, owner, operation) {
        this.start(owner);
        if (operation && (0,json/* isRecord */.u4)(value))
            this.oneObject(value, 'operation');
        else
            this.one(value, '', false);
    }
    /**
     * Pairs of parts (owners) that share an object the library walks with its rules. It writes transformed nodes back
     * into such objects; where every place is data (an integration reused through a YAML alias), it writes nothing.
     */
    shared() {
        const links = [];
        for (const { owners, walked } of this.repeated.values()) {
            const [first, ...others] = owners;
            if (walked && first !== undefined)
                for (const other of others)
                    links.push([first, other]);
        }
        return links;
    }
    start(owner) {
        this.owner = owner;
        this.dataOwner = DATA + owner;
        this.refs = new Set();
        this.flagged = false;
    }
    /** Both sides of a value under `key`; `inert` marks data the library compares without its mapping rules. */
    pair(a, b, key, inert) {
        if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
            if (a === b && !unsafePrimitive(a))
                return true;
            this.one(a, key, inert);
            this.one(b, key, inert);
            return false;
        }
        if (Array.isArray(a) !== Array.isArray(b)) {
            this.one(a, key, inert);
            this.one(b, key, inert);
            return false;
        }
        if (Array.isArray(a))
            return this.pairList(a, b, key, inert);
        return this.pairObject(a, b, inert ? 'data' : NAME_MAPS.has(key) ? 'names' : 'own', key);
    }
    pairList(a, b, key, inert) {
        if (!this.enterBoth(a, b))
            return false;
        // Enum values and schema examples are data.
        const data = inert || key === 'enum' || key === 'examples';
        let equal = a.length === b.length;
        const common = Math.min(a.length, b.length);
        for (let i = 0; i < common; i++) {
            const x = a[i];
            const y = b[i];
            if (!(x === y && isPlainPrimitive(x)) && !this.pair(x, y, key, data))
                equal = false;
        }
        for (let i = common; i < a.length; i++)
            this.one(a[i], key, data);
        for (let i = common; i < b.length; i++)
            this.one(b[i], key, data);
        this.leave(a, a.some(isObject), inert);
        this.leave(b, b.some(isObject), inert);
        if (!inert && listQuirk(a, key, this.root))
            this.flagged = true;
        return equal;
    }
    /** Children matched by key; an operation's responses as completeOperation leaves them. */
    pairObject(a, b, keys, key) {
        if (!this.enterBoth(a, b))
            return false;
        const keysA = Object.keys(a);
        const keysB = Object.keys(b);
        let equal = keysA.length === keysB.length;
        let objectsA = false;
        let objectsB = false;
        let found = 0;
        for (const k of keysA) {
            const x = a[k];
            if (!Object.hasOwn(b, k)) {
                equal = false;
                objectsA ||= typeof x === 'object' && x !== null;
                this.one(x, keys === 'names' ? '' : k, childInert(keys, k));
                continue;
            }
            found++;
            const y = b[k];
            // Equal strings (the most common value) and other plain primitives, inline.
            if (x === y && (typeof x === 'string' || isPlainPrimitive(x)))
                continue;
            objectsA ||= typeof x === 'object' && x !== null;
            objectsB ||= typeof y === 'object' && y !== null;
            const same = keys === 'operation' && k === 'responses'
                ? this.pairResponses(x, y)
                : this.pair(x, y, keys === 'names' ? '' : k, childInert(keys, k));
            if (!same)
                equal = false;
        }
        if (found !== keysB.length) {
            for (const k of keysB) {
                if (Object.hasOwn(a, k))
                    continue;
                objectsB ||= isObject(b[k]);
                this.one(b[k], keys === 'names' ? '' : k, childInert(keys, k));
            }
        }
        // The operation itself is a fresh copy in the full diff's documents (normalize.ts): never shared.
        this.leave(a, objectsA && keys !== 'operation', keys === 'data');
        this.leave(b, objectsB && keys !== 'operation', keys === 'data');
        if (keys === 'names') {
            if (namesQuirk(keysA, key))
                this.flagged = true;
        }
        else if (keys !== 'data') {
            if (objectQuirk(a, keysA))
                this.flagged = true;
            if (typeof a.$ref === 'string')
                this.checkRef(a.$ref);
            if (typeof b.$ref === 'string' && b.$ref !== a.$ref)
                this.checkRef(b.$ref);
        }
        return equal;
    }
    pairResponses(a, b) {
        if (!(0,json/* isRecord */.u4)(a) || !(0,json/* isRecord */.u4)(b))
            return this.pair(a, b, 'responses', false);
        if (!this.enterBoth(a, b))
            return false;
        const codes = Object.keys(a);
        const codesB = Object.keys(b);
        let equal = codes.length === codesB.length;
        let found = 0;
        for (const code of codes) {
            if (Object.hasOwn(b, code)) {
                found++;
                if (!this.pair(completeResponse(a[code]), completeResponse(b[code]), '', false))
                    equal = false;
            }
            else {
                equal = false;
                this.one(a[code], '', false);
            }
        }
        if (found !== codesB.length)
            for (const code of codesB)
                if (!Object.hasOwn(a, code))
                    this.one(b[code], '', false);
        // Copied for each operation in the full diff's documents (completeOperation): never shared.
        this.leave(a, false, false);
        this.leave(b, false, false);
        if (namesQuirk(codes, 'responses'))
            this.flagged = true;
        return equal;
    }
    /** One side only (the other has nothing there, or something else): notes objects, unsafe values, references. */
    one(value, key, inert) {
        if (typeof value !== 'object' || value === null) {
            if (unsafePrimitive(value))
                this.unsafe = true;
        }
        else if (Array.isArray(value)) {
            if (!this.enter(value))
                return;
            for (const item of value)
                this.one(item, key, inert);
            this.leave(value, value.some(isObject), inert);
        }
        else {
            this.oneObject(value, inert ? 'data' : NAME_MAPS.has(key) ? 'names' : 'own');
        }
    }
    oneObject(record, keys) {
        if (!this.enter(record))
            return;
        let objects = false;
        for (const k of Object.keys(record)) {
            objects ||= isObject(record[k]);
            this.one(record[k], keys === 'names' ? '' : k, childInert(keys, k));
        }
        this.leave(record, objects && keys !== 'operation', keys === 'data');
        if (keys !== 'data' && typeof record.$ref === 'string')
            this.checkRef(record.$ref);
    }
    enterBoth(a, b) {
        return this.enter(a) && this.enter(b);
    }
    /** False past MAX_DEPTH: a cycle (then the pre-pass is unsafe, and stops). */
    enter(object) {
        if (++this.depth > MAX_DEPTH) {
            this.unsafe = true;
            return false;
        }
        if (!Array.isArray(object)) {
            const prototype = Object.getPrototypeOf(object);
            if (prototype !== Object.prototype && prototype !== null)
                this.unsafe = true;
        }
        return true;
    }
    /** An object holding only primitives is never written into (the library writes transformed objects): not noted. */
    leave(object, holdsObjects, inert) {
        this.depth--;
        if (!holdsObjects)
            return;
        const first = this.owners.get(object);
        if (first === undefined) {
            this.owners.set(object, inert ? this.dataOwner : this.owner);
            return;
        }
        const data = first.startsWith(DATA);
        const entry = this.repeated.get(object) ?? { owners: new Set([data ? first.slice(1) : first]), walked: !data };
        entry.owners.add(this.owner);
        if (!inert)
            entry.walked = true;
        this.repeated.set(object, entry);
    }
    /** A reference the library resolves: a component the part depends on, or (unsafe) a place reduction may remove. */
    checkRef(ref) {
        let target = this.targets.get(ref);
        if (target === undefined) {
            target = refTarget(ref);
            this.targets.set(ref, target);
        }
        if (target.to === 'component')
            this.refs.add(target.key);
        else if (target.to === 'other')
            this.unsafe = true;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
/** A string, finite-or-infinite number, boolean, null or undefined: equal to itself for the library. */
function isPlainPrimitive(value) {
    const type = typeof value;
    return type === 'string' || type === 'boolean' || value == null || (type === 'number' && !Number.isNaN(value));
}
/** NaN is never equal to itself for the library; functions, symbols and bigints are not JSON. */
function unsafePrimitive(value) {
    const type = typeof value;
    return type === 'function' || type === 'symbol' || type === 'bigint' || (type === 'number' && Number.isNaN(value));
}
function childInert(keys, key) {
    if (keys === 'data')
        return true;
    if (keys === 'names')
        return false;
    // An operation's integration and authorization are compared whole by hooks.
    if (keys === 'operation' && (key === INTEGRATION_KEY || key === 'security'))
        return true;
    // Example values, defaults and extensions are data: the library compares them without mapping rules.
    return key.startsWith('x-') || key === 'example' || key === 'default' || key === 'const';
}

;// CONCATENATED MODULE: ./src/diff/reduce.ts
// The API diff's pre-pass: finds the operations that are equal on both sides (same path and method, equal content, no
// changed component reachable through $ref) and builds reduced documents without them, so that api-smart-diff walks
// only what differs. Everything outside `paths` (components, security, the x-amazon-apigateway-* extensions) stays
// whole, so the library compares it and resolves references exactly as in the full documents.
//
// An operation left out contributes nothing, as in the full diff, because:
// - the library maps paths by template (`/a/{id}` matches `/a/{petId}`), first match first: only a path whose template
//   has the same single key on both sides loses operations; any other path is kept whole;
// - an equal operation gives no diff unless its content trips the library (quirks.ts flags that: it is kept);
// - the library writes transformed nodes back into what it walks: operations sharing an object with one it walks are
//   kept with it (part-scan.ts notes the sharing);
// - it remembers $ref comparisons across operations: those of equal operations are equal (and empty) pairs;
// - it walks the kept operations in the same order, after the components, as in the full documents.




/** Owner of everything outside `paths`, which the library always walks. */
const TOP = '\u0000top';
/** Operations sampled before the whole pass; when most differ, the pre-pass is skipped. */
const SAMPLE = 32;
const MOSTLY_CHANGED = 0.75;
/** Reduced documents, or undefined when nothing can be left out or the documents are beyond the pre-pass. */
function reduceDefinitions(before, after) {
    const scan = new PartScan(before);
    const dirty = dirtyComponents(scan, before, after);
    const paths = [pathsOf(before), pathsOf(after)];
    const { single, walked, oneSided } = pathKeys(paths);
    const pairs = operationPairs(paths, single);
    const changed = (pair) => {
        pair.check ??= scan.compare(operation(paths[0], pair), operation(paths[1], pair), pair.owner, true);
        const { equal, flagged, refs } = pair.check;
        return !equal || flagged || [...refs].some((ref) => dirty.has(ref));
    };
    const step = Math.max(1, Math.floor(pairs.length / SAMPLE));
    const sample = pairs.filter((_, i) => i % step === 0);
    if (sample.filter(changed).length > sample.length * MOSTLY_CHANGED)
        return undefined;
    const traversed = new Set([TOP]);
    const candidates = [];
    for (const pair of pairs) {
        if (changed(pair))
            traversed.add(pair.owner);
        else
            candidates.push(pair);
    }
    for (const side of [0, 1]) {
        for (const key of walked) {
            for (const [method, value] of Object.entries((0,json/* isRecord */.u4)(paths[side][key]) ? paths[side][key] : {})) {
                const owner = ownerOf(key, method);
                traversed.add(owner);
                scan.register(value, owner, true);
            }
        }
    }
    if (scan.unsafe)
        return undefined;
    const sharing = new Sharing(scan.shared());
    const groups = new Set([...traversed].map((owner) => sharing.root(owner)));
    const dropped = new Set(candidates.filter((p) => !groups.has(sharing.root(p.owner))).map((p) => p.owner));
    if (dropped.size === 0)
        return undefined;
    const kept = keptPaths(paths, single, candidates.filter((p) => dropped.has(p.owner)));
    for (const path of [...walked, ...oneSided])
        kept.add(path);
    return { before: reducedDocument(before, kept, dropped), after: reducedDocument(after, kept, dropped) };
}
function pathsOf(doc) {
    return (0,json/* isRecord */.u4)(doc.paths) ? doc.paths : {};
}
function ownerOf(path, method) {
    return `${method} ${path}`;
}
function operation(paths, pair) {
    return paths[pair.path][pair.method];
}
/** Components that differ, or reach one that differs through $ref, or that the library could trip on. */
function dirtyComponents(scan, before, after) {
    const sides = [outsidePaths(scan, before), outsidePaths(scan, after)];
    const dirty = new Set();
    const referrers = new Map();
    for (const [key, x] of sides[0]) {
        const y = sides[1].get(key);
        if (!sides[1].has(key)) {
            dirty.add(key);
            scan.register(x, TOP, false);
            continue;
        }
        const { equal, flagged, refs } = scan.compare(x, y, TOP, false);
        if (!equal || flagged)
            dirty.add(key);
        for (const ref of refs)
            referrers.set(ref, [...(referrers.get(ref) ?? []), key]);
    }
    for (const [key, y] of sides[1]) {
        if (!sides[0].has(key)) {
            dirty.add(key);
            scan.register(y, TOP, false);
        }
    }
    const queue = [...dirty];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
        for (const referrer of referrers.get(key) ?? []) {
            if (!dirty.has(referrer)) {
                dirty.add(referrer);
                queue.push(referrer);
            }
        }
    }
    return dirty;
}
/**
 * Every component of one side, by componentKey (registered when compared); the rest outside `paths` is only registered
 * (the library walks it whole).
 */
function outsidePaths(scan, doc) {
    const components = new Map();
    for (const [key, value] of Object.entries(doc)) {
        if (key === 'paths')
            continue;
        if (key !== 'components' || !(0,json/* isRecord */.u4)(value)) {
            scan.register(value, TOP, false);
            continue;
        }
        for (const [kind, entries] of Object.entries(value)) {
            if (!(0,json/* isRecord */.u4)(entries)) {
                scan.register(entries, TOP, false);
                continue;
            }
            for (const [name, entry] of Object.entries(entries))
                components.set(componentKey(kind, name), entry);
        }
    }
    return components;
}
/**
 * Paths whose template (`{…}` as `*`) has the same single key on both sides, whose operations can be left out; the
 * others of a template on both sides, kept whole because the library matches them to one another by template; and
 * those of a template on one side only, whose operations are added or removed whole (the library does not walk them).
 */
function pathKeys(paths) {
    const byTemplate = new Map();
    for (const [side, doc] of paths.entries()) {
        for (const key of Object.keys(doc)) {
            const template = key.replace(/\{.*?\}/g, '*');
            const keys = byTemplate.get(template) ?? [[], []];
            keys[side]?.push(key);
            byTemplate.set(template, keys);
        }
    }
    const single = [];
    const walked = [];
    const oneSided = [];
    for (const [a, b] of byTemplate.values()) {
        if (a.length === 1 && b.length === 1 && a[0] === b[0])
            single.push(a[0]);
        else if (a.length === 0 || b.length === 0)
            oneSided.push(...a, ...b);
        else
            walked.push(...new Set([...a, ...b]));
    }
    return { single, walked, oneSided };
}
function operationPairs(paths, single) {
    const pairs = [];
    for (const path of single) {
        const a = paths[0][path];
        const b = paths[1][path];
        for (const method of Object.keys(a)) {
            if (method in b)
                pairs.push({ path, method, owner: ownerOf(path, method) });
        }
    }
    return pairs;
}
/**
 * Of the paths whose operations can be left out, those with an operation left on either side: each is kept on both
 * sides, as an empty item where it has none. (Paths matched by template are kept whole: an empty item still takes part
 * in matching.)
 */
function keptPaths(paths, single, dropped) {
    const droppedIn = new Map();
    for (const { path } of dropped)
        droppedIn.set(path, (droppedIn.get(path) ?? 0) + 1);
    const kept = new Set();
    for (const path of single) {
        const operations = Object.keys(paths[0][path]).length + Object.keys(paths[1][path]).length;
        if (operations > 2 * (droppedIn.get(path) ?? 0))
            kept.add(path);
    }
    return kept;
}
function reducedDocument(doc, kept, dropped) {
    const out = {};
    for (const [key, value] of Object.entries(doc)) {
        if (key !== 'paths') {
            out[key] = value;
            continue;
        }
        const paths = {};
        for (const [path, item] of Object.entries(pathsOf(doc))) {
            if (!kept.has(path))
                continue;
            const operations = {};
            for (const [method, operation] of Object.entries(item)) {
                if (!dropped.has(ownerOf(path, method)))
                    operations[method] = completeOperation(operation);
            }
            paths[path] = operations;
        }
        out.paths = paths;
    }
    return out;
}
/** Union-find over parts that share objects. */
class Sharing {
    parent = new Map();
    constructor(links) {
        for (const [x, y] of links) {
            const [rx, ry] = [this.root(x), this.root(y)];
            if (rx !== ry)
                this.parent.set(rx, ry);
        }
    }
    root(owner) {
        let node = owner;
        for (let next = this.parent.get(node); next !== undefined; next = this.parent.get(node))
            node = next;
        if (node !== owner)
            this.parent.set(owner, node);
        return node;
    }
}

;// CONCATENATED MODULE: ./src/diff/api-diff.ts
// Operation-level diff of two API definitions as API Gateway exports them (GetExport oas30 or swagger, with or
// without the x-amazon-apigateway-* extensions), or of two deployments' `apiSummary` maps (GetDeployment with
// embed=apisummary). api-smart-diff compares and classifies, with API Gateway's rules added through its hooks
// (gateway-rules.ts); normalize.ts makes the inputs comparable, group.ts and result.ts shape its findings.
//
// The library walks every operation it is given, so a pre-pass (reduce.ts) first leaves out the operations that are
// equal on both sides: the diff costs what changed. The result is the full diff's (fullApiDiff), which runs instead
// when the pre-pass cannot help (most operations changed) or cannot vouch for its reduction, and when the library
// throws (its fallback depends on what it walked before it threw).
//
// Pure and heavy: the read step loads it with `await import()` only when a diff is needed. Nothing on the start-up
// path may import it; the renderer imports its types only (`import type`).









function diffApiDefinitions(before, after) {
    let a;
    let b;
    let diffs;
    try {
        // Without copies: the library gets copies of the reduced documents only.
        a = normalizeDefinition(before, false);
        b = normalizeDefinition(after, false);
        const reduced = reduceDefinitions(a.doc, b.doc);
        if (reduced !== undefined) {
            const x = a.owned ? reduced.before : structuredClone(reduced.before);
            const y = b.owned ? reduced.after : structuredClone(reduced.after);
            diffs = (0,dist/* compareOpenApi */.qg)(x, y, gatewayCompareOptions()).diffs;
        }
    }
    catch {
        return fullApiDiff(before, after);
    }
    if (diffs === undefined)
        return fullApiDiff(before, after, [a, b]);
    return apiDiffResult({ before: a.format, after: b.format }, 'api-smart-diff', groupDiffs(diffs, a.doc, b.doc));
}
/**
 * The diff of the whole documents, without the pre-pass. `normalized` offers documents already normalised from these
 * inputs; only those that share nothing with the inputs are used, as the library writes into what it compares.
 */
function fullApiDiff(before, after, normalized) {
    const a = normalized?.[0].owned === true ? normalized[0] : normalizeDefinition(before);
    const b = normalized?.[1].owned === true ? normalized[1] : normalizeDefinition(after);
    const format = { before: a.format, after: b.format };
    let diffs;
    try {
        diffs = (0,dist/* compareOpenApi */.qg)(a.doc, b.doc, gatewayCompareOptions()).diffs;
    }
    catch {
        // Operations the library compared before it threw are as it left them: it writes transformed nodes back.
        return apiDiffResult(format, 'structural', groupDiffs(structuralDiffs(a.doc, b.doc), a.doc, b.doc));
    }
    return apiDiffResult(format, 'api-smart-diff', groupDiffs(diffs, a.doc, b.doc));
}


/***/ })

};
