export const id = 72;
export const ids = [72];
export const modules = {

/***/ 2072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffApiDefinitions: () => (/* binding */ diffApiDefinitions)
});

// UNUSED EXPORTS: normalizeDefinition, redactAccountIds

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
        if ((0,json/* stableJson */._)(contractBefore) !== (0,json/* stableJson */._)(contractAfter)) {
            diffs.push({ action: 'replace', type: 'non-breaking', path, description: 'Definition changed (not classified)' });
        }
        if ((0,json/* stableJson */._)(integrationBefore) !== (0,json/* stableJson */._)(integrationAfter)) {
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
    for (const [path, item] of Object.entries((0,json/* isRecord */.u)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u)(item))
            continue;
        for (const [method, op] of Object.entries(item)) {
            if ((0,json/* isRecord */.u)(op))
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
    if (!(0,json/* isRecord */.u)(value) || !(0,json/* isRecord */.u)(other) || 'security' in value || !('security' in other))
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
    const same = (0,json/* stableJson */._)(before.value) === (0,json/* stableJson */._)(after.value);
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
    const components = (0,json/* isRecord */.u)(source.components) ? source.components : {};
    const schemes = (0,json/* isRecord */.u)(components.securitySchemes) ? components.securitySchemes : {};
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
    if ((0,json/* isRecord */.u)(doc.definitions))
        components.schemas = doc.definitions;
    if ((0,json/* isRecord */.u)(doc.parameters)) {
        const params = {};
        for (const [name, p] of Object.entries(doc.parameters)) {
            if ((0,json/* isRecord */.u)(p) && p.in !== 'body' && p.in !== 'formData')
                params[name] = convertParameter(p);
        }
        components.parameters = params;
    }
    if ((0,json/* isRecord */.u)(doc.responses)) {
        const responses = {};
        for (const [name, r] of Object.entries(doc.responses)) {
            if ((0,json/* isRecord */.u)(r))
                responses[name] = convertResponse(r, globalProduces);
        }
        components.responses = responses;
    }
    if ((0,json/* isRecord */.u)(doc.securityDefinitions))
        components.securitySchemes = doc.securityDefinitions;
    const out = { openapi: '3.0.1' };
    for (const [key, value] of Object.entries(doc)) {
        if (key.startsWith('x-') || key === 'security')
            out[key] = value;
    }
    out.components = components;
    const paths = {};
    for (const [path, item] of Object.entries((0,json/* isRecord */.u)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u)(item))
            continue;
        const next = {};
        for (const [key, op] of Object.entries(item)) {
            if (key === 'parameters' && Array.isArray(op)) {
                next.parameters = op.filter(json/* isRecord */.u).map(convertParameter);
            }
            else if ((0,json/* isRecord */.u)(op)) {
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
    const params = Array.isArray(op.parameters) ? op.parameters.filter(json/* isRecord */.u) : [];
    const rest = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
    if (rest.length > 0)
        out.parameters = rest.map(convertParameter);
    const requestBody = convertBody(params, consumes);
    if (requestBody !== undefined)
        out.requestBody = requestBody;
    const responses = {};
    for (const [code, r] of Object.entries((0,json/* isRecord */.u)(op.responses) ? op.responses : {})) {
        if ((0,json/* isRecord */.u)(r))
            responses[code] = convertResponse(r, produces);
    }
    out.responses = responses;
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
    if ((0,json/* isRecord */.u)(p.schema))
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
    if ((0,json/* isRecord */.u)(r.headers)) {
        const headers = {};
        for (const [name, h] of Object.entries(r.headers)) {
            if (!(0,json/* isRecord */.u)(h))
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
    if (!(0,json/* isRecord */.u)(value))
        return value;
    const out = {};
    for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string') {
            out[key] = v
                .replace(/^#\/definitions\//, '#/components/schemas/')
                .replace(/^#\/parameters\//, '#/components/parameters/')
                .replace(/^#\/responses\//, '#/components/responses/');
        }
        else {
            out[key] = rewriteRefs(v);
        }
    }
    return out;
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
/** Detects the input's kind and converts it to a plain OpenAPI 3.0 document with only what matters for a diff. */
function normalizeDefinition(input) {
    if (input === undefined || input === null)
        return { format: 'none', doc: emptyDoc() };
    const src = input;
    // Moto and other emulators answer an oas30 export with Swagger 2.0, so the format comes from the document.
    if (typeof src.swagger === 'string')
        return { format: 'swagger', doc: comparable(swaggerToOas3(src)) };
    if (typeof src.openapi === 'string')
        return { format: 'oas30', doc: comparable(structuredClone(src)) };
    const summary = (0,json/* isRecord */.u)(src.apiSummary) ? src.apiSummary : src;
    if (looksLikeApiSummary(summary))
        return { format: 'apisummary', doc: comparable(apiSummaryToOas3(summary)) };
    throw new Error('Not an API definition: expected an OpenAPI 3.0 or Swagger 2.0 document, or a deployment apiSummary');
}
function emptyDoc() {
    return comparable({});
}
// Path items keep their operations only, each with the path-level parameters merged in. api-smart-diff's own
// transformPathItems would append path-level parameters without letting an operation override one (same name and
// `in`), and would copy the path item's summary, servers and extensions into every operation.
function comparable(doc) {
    const out = { openapi: '3.0.1', info: { title: '', version: '' } };
    for (const [key, value] of Object.entries(doc)) {
        if (!IGNORED_TOP_LEVEL.has(key) && key !== 'paths')
            out[key] = value;
    }
    const paths = {};
    for (const [path, item] of Object.entries((0,json/* isRecord */.u)(doc.paths) ? doc.paths : {})) {
        if (!(0,json/* isRecord */.u)(item))
            continue;
        const shared = Array.isArray(item.parameters) ? item.parameters : [];
        const operations = {};
        for (const [key, op] of Object.entries(item)) {
            const method = operationKey(key);
            if (!(0,json/* isRecord */.u)(op) || method === undefined)
                continue;
            const normalized = dropEmptyContent(op);
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
function dropEmptyContent(op) {
    if (!(0,json/* isRecord */.u)(op.responses))
        return op;
    const responses = {};
    for (const [code, response] of Object.entries(op.responses)) {
        if ((0,json/* isRecord */.u)(response) && (0,json/* isRecord */.u)(response.content) && Object.keys(response.content).length === 0) {
            const { content: _empty, ...rest } = response;
            responses[code] = rest;
        }
        else {
            responses[code] = response;
        }
    }
    return { ...op, responses };
}
/** Path-level parameters apply to every operation unless the operation redefines them (same name and `in`). */
function mergeParameters(shared, own) {
    const ownList = Array.isArray(own) ? own : [];
    const key = (p) => ((0,json/* isRecord */.u)(p) ? `${String(p.in)}:${String(p.name)}` : '');
    const ownKeys = new Set(ownList.map(key));
    return [...shared.filter((p) => !ownKeys.has(key(p))), ...ownList];
}
function looksLikeApiSummary(value) {
    if (!(0,json/* isRecord */.u)(value))
        return false;
    return Object.entries(value).every(([path, methods]) => path.startsWith('/') &&
        (0,json/* isRecord */.u)(methods) &&
        Object.values(methods).every((m) => (0,json/* isRecord */.u)(m) && ('authorizationType' in m || 'apiKeyRequired' in m)));
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

;// CONCATENATED MODULE: ./src/diff/api-diff.ts
// Operation-level diff of two API definitions as API Gateway exports them (GetExport oas30 or swagger, with or
// without the x-amazon-apigateway-* extensions), or of two deployments' `apiSummary` maps (GetDeployment with
// embed=apisummary). api-smart-diff compares and classifies, with API Gateway's rules added through its hooks
// (gateway-rules.ts); normalize.ts makes the inputs comparable, group.ts and result.ts shape its findings.
//
// Pure and heavy: the read step loads it with `await import()` only when a diff is needed. Nothing on the start-up
// path may import it; the renderer imports its types only (`import type`).








function diffApiDefinitions(before, after) {
    const a = normalizeDefinition(before);
    const b = normalizeDefinition(after);
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
