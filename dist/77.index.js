export const id = 77;
export const ids = [77];
export const modules = {

/***/ 6077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadDefinition: () => (/* binding */ loadDefinition)
});

// EXTERNAL MODULE: ./src/definition/api-settings.ts
var api_settings = __webpack_require__(8615);
// EXTERNAL MODULE: ./src/definition/json.ts
var json = __webpack_require__(4783);
;// CONCATENATED MODULE: ./src/definition/operations.ts
// The operations a definition declares: every path and HTTP method, in file order.

/** OpenAPI's operation keys under a path item, and API Gateway's catch-all extension. */
const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method';
function definitionPaths(doc) {
    const paths = doc.document.paths;
    if (!(0,json/* isObject */.G)(paths))
        return [];
    return Object.entries(paths).filter((entry) => (0,json/* isObject */.G)(entry[1]));
}
function definitionOperations(doc) {
    const operations = [];
    for (const [path, item] of definitionPaths(doc)) {
        for (const key of [...OPENAPI_METHODS, ANY_METHOD_KEY]) {
            const operation = item[key];
            if (!(0,json/* isObject */.G)(operation))
                continue;
            const method = key === ANY_METHOD_KEY ? 'ANY' : key.toUpperCase();
            operations.push({ method, path, operation, at: ['paths', path, key] });
        }
    }
    return operations;
}
function operationLabel(op) {
    return `${op.method} ${op.path}`;
}

;// CONCATENATED MODULE: ./src/definition/aws-checks.ts

/** API Gateway's limit on an imported definition (6 MB), counted after substitution. */
const MAX_DEFINITION_BYTES = 6 * 1024 * 1024;
/** A literal path segment: letters, digits and `_ - . , :` (API Gateway's resource path part). */
const LITERAL_SEGMENT = /^[A-Za-z0-9._\-,:]+$/;
/** A whole-segment path parameter, `{name}`, or the greedy `{name+}`. */
const PARAMETER_SEGMENT = /^\{[A-Za-z0-9._-]+\+?\}$/;
function awsProblems(doc) {
    const problems = [];
    const at = (path) => doc.locate(path);
    const paths = definitionPaths(doc);
    if (paths.length === 0)
        problems.push({ message: 'defines no paths: there is nothing to deploy' });
    for (const [path] of paths) {
        const problem = pathProblem(path);
        if (problem)
            problems.push(withLine(`path '${path}' ${problem}`, at(['paths', path])));
    }
    problems.push(...siblingParameterProblems(paths.map(([p]) => p)).map((message) => ({ message })));
    const operations = definitionOperations(doc);
    for (const op of operations.filter((o) => o.method === 'TRACE')) {
        problems.push(withLine(`${operationLabel(op)}: API Gateway REST APIs have no TRACE method`, at(op.at)));
    }
    const missing = operations.filter((o) => o.method !== 'TRACE' && !hasIntegration(o));
    if (missing.length > 0) {
        const listed = missing.map((o) => labelWithLine(o, at(o.at)));
        problems.push({
            message: `has ${missing.length} operation(s) without x-amazon-apigateway-integration, which API Gateway would import and then refuse to deploy: ${listed.join(', ')}`,
        });
    }
    return problems;
}
function hasIntegration(op) {
    const integration = op.operation['x-amazon-apigateway-integration'];
    return typeof integration === 'object' && integration !== null;
}
function pathProblem(path) {
    if (!path.startsWith('/'))
        return "must start with '/'";
    if (path === '/')
        return undefined;
    const segments = path.slice(1).split('/');
    for (const [i, segment] of segments.entries()) {
        if (segment === '')
            return 'has an empty segment (a double or trailing slash), which API Gateway cannot represent';
        if (PARAMETER_SEGMENT.test(segment)) {
            if (segment.endsWith('+}') && i !== segments.length - 1) {
                return `uses the greedy parameter '${segment}' before the last segment; it must be the last one`;
            }
            continue;
        }
        if (segment.includes('{') || segment.includes('}')) {
            return `has segment '${segment}': a path parameter must be a whole segment, such as '{id}'`;
        }
        if (!LITERAL_SEGMENT.test(segment)) {
            return `has segment '${segment}': API Gateway allows only letters, digits, '_', '-', '.', ',' and ':' in a path`;
        }
    }
    return undefined;
}
/** Two paths that differ only in the name of a parameter at the same place: AWS allows one variable per level. */
function siblingParameterProblems(paths) {
    const byParent = new Map();
    for (const path of paths) {
        const segments = path.split('/').slice(1);
        segments.forEach((segment, i) => {
            if (!PARAMETER_SEGMENT.test(segment))
                return;
            const parent = `/${segments.slice(0, i).join('/')}`;
            const names = byParent.get(parent) ?? new Set();
            names.add(segment);
            byParent.set(parent, names);
        });
    }
    return [...byParent.entries()]
        .filter(([, names]) => names.size > 1)
        .map(([parent, names]) => `has different path parameters at the same level under '${parent}' (${[...names].join(', ')}); API Gateway allows one per level: use the same name`);
}
function withLine(message, line) {
    return line === undefined ? { message } : { message: `${message} (line ${line})`, line };
}
function labelWithLine(op, line) {
    return line === undefined ? operationLabel(op) : `${operationLabel(op)} (line ${line})`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/lib/parse.ts
var parse = __webpack_require__(2356);
;// CONCATENATED MODULE: ./src/definition/document.ts
// Parses the definition file (JSON or YAML) and tells which OpenAPI version it is. API Gateway imports Swagger 2.0
// and OpenAPI 3.0.x only, so 3.1 and anything else is refused here, with the line where the version is written.



function parseDefinitionText(text) {
    const format = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
    if (format === 'json') {
        const syntax = jsonSyntaxError(text);
        if (syntax)
            return (0,parse/* fail */.fJ)(syntax);
    }
    const lines = new dist.LineCounter();
    // YAML 1.2 reads JSON too; one parser gives both formats line numbers for every later error.
    const doc = (0,dist.parseDocument)(text, { lineCounter: lines, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
        const line = error.linePos?.[0]?.line;
        const what = format === 'json' ? 'JSON' : 'YAML';
        return (0,parse/* fail */.fJ)(`is not valid ${what}${line ? ` (line ${line})` : ''}: ${firstLine(error.message)}`);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (!(0,json/* isObject */.G)(value))
        return (0,parse/* fail */.fJ)('is not an OpenAPI document: its top level must be a map');
    const locate = (path) => {
        const offset = keyOffset(doc, path) ?? nodeOffset(doc.getIn(path, true));
        return offset === undefined ? undefined : lines.linePos(offset).line;
    };
    const version = detectVersion(value);
    if (!version.ok) {
        const at = locate([typeof value.openapi === 'string' ? 'openapi' : 'swagger']);
        return (0,parse/* fail */.fJ)(`${version.error}${at ? ` (line ${at})` : ''}`);
    }
    return (0,parse.ok)({ format, version: version.value.version, versionText: version.value.text, document: value, locate });
}
function nodeOffset(node) {
    return node?.range?.[0];
}
/** Where the key of the last path segment is written: `get:` rather than the map under it. */
function keyOffset(doc, path) {
    if (path.length === 0)
        return 0;
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!(0,dist.isMap)(parent))
        return undefined;
    const pair = parent.items.find((item) => (0,dist.isScalar)(item.key) && String(item.key.value) === String(path.at(-1)));
    return nodeOffset(pair?.key);
}
/** JSON.parse's verdict, with the line of the error: YAML would accept some invalid JSON (`"a": }`). */
function jsonSyntaxError(text) {
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const position = /position (\d+)/.exec(message)?.[1];
        const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
        return `is not valid JSON${line ? ` (line ${line})` : ''}: ${message.replace(/ in JSON at position.*$/, '')}`;
    }
}
function detectVersion(doc) {
    const openapi = doc.openapi;
    const swagger = doc.swagger;
    if (typeof openapi === 'string') {
        if (/^3\.0\.\d+$/.test(openapi))
            return (0,parse.ok)({ version: '3.0', text: openapi });
        if (/^3\.[1-9]/.test(openapi)) {
            return (0,parse/* fail */.fJ)(`is OpenAPI ${openapi}, which API Gateway cannot import: it accepts OpenAPI 3.0.x and Swagger 2.0 (write 'openapi: 3.0.3')`);
        }
        return (0,parse/* fail */.fJ)(`has 'openapi: ${openapi}'; API Gateway imports OpenAPI 3.0.x and Swagger 2.0 only`);
    }
    if (swagger !== undefined) {
        if (String(swagger) === '2.0')
            return (0,parse.ok)({ version: '2.0', text: '2.0' });
        return (0,parse/* fail */.fJ)(`has 'swagger: ${String(swagger)}'; Swagger documents must say swagger: '2.0'`);
    }
    return (0,parse/* fail */.fJ)("is not an OpenAPI document: it has neither 'openapi: 3.0.x' nor 'swagger: 2.0' at the top");
}
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/definition/fingerprint.ts
// The definition's identity: sha256 of the text after substitution, as deployed. Recorded on the stage so an
// unchanged file is not imported and deployed again.

function definitionSha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}

;// CONCATENATED MODULE: ./src/definition/routes.ts
// The routes a definition will create, as API Gateway names them (`GET /pets/{id}`), after its basepath import
// parameter: `ignore` keeps the paths, `prepend` puts the document's base path in front, `split` drops the base
// path's first segment (meant for a stage name) and prepends the rest.


/** The document's base path: Swagger's `basePath`, or the path of OpenAPI 3's first server URL. */
function documentBasePath(doc) {
    const d = doc.document;
    if (doc.version === '2.0')
        return typeof d.basePath === 'string' ? d.basePath : '/';
    const server = Array.isArray(d.servers) ? d.servers[0] : undefined;
    if (!(0,json/* isObject */.G)(server) || typeof server.url !== 'string')
        return '/';
    const variables = (0,json/* isObject */.G)(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^}]+)\}/g, (whole, name) => {
        const variable = variables[name];
        return (0,json/* isObject */.G)(variable) && typeof variable.default === 'string' ? variable.default : whole;
    });
    const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '');
    return path.startsWith('/') ? path : `/${path}`;
}
function prefixFor(doc, mode) {
    if (mode === 'ignore')
        return '';
    const segments = documentBasePath(doc).split('/').filter(Boolean);
    const kept = mode === 'split' ? segments.slice(1) : segments;
    return kept.length > 0 ? `/${kept.join('/')}` : '';
}
/** Every route, sorted: `METHOD /path`, with `ANY` for the catch-all method. */
function definitionRoutes(doc, mode) {
    const prefix = prefixFor(doc, mode);
    const routes = definitionOperations(doc)
        .filter((op) => op.method !== 'TRACE')
        .map((op) => `${op.method} ${prefix}${op.path === '/' && prefix ? '' : op.path}`);
    return [...new Set(routes)].sort();
}

;// CONCATENATED MODULE: ./src/definition/served-values.ts
// Tolerant readers for the served form: a user's file is validated, but its values are read as AWS reads them,
// keeping what has the right type and leaving the rest out.

function objectAt(value) {
    return (0,json/* isObject */.G)(value) ? value : {};
}
function listAt(value) {
    return Array.isArray(value) ? value : [];
}
function stringAt(value) {
    return typeof value === 'string' ? value : undefined;
}
/** A string, or a number where a string belongs (YAML reads `statusCode: 200` as a number). */
function textAt(value) {
    return typeof value === 'number' ? String(value) : stringAt(value);
}
function stringsAt(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : undefined;
}
/** The string entries of a map, or undefined when it has none (AWS stores string maps and leaves empty ones out). */
function stringMapAt(value) {
    const entries = Object.entries(objectAt(value)).filter((e) => typeof e[1] === 'string');
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
/** Follows local `$ref`s (`#/components/parameters/Id`, `#/responses/NotFound`) to what they point at. */
function resolveLocalRef(document, value) {
    let current = value;
    // A chain of references ends; a cycle of them is cut after a few hops.
    for (let hops = 0; hops < 10; hops++) {
        const ref = stringAt(objectAt(current).$ref);
        if (!ref?.startsWith('#/'))
            return current;
        current = (0,json/* valueAtPointer */.s)(document, ref);
    }
    return current;
}

;// CONCATENATED MODULE: ./src/definition/served-integration.ts

/** AWS's default integration timeout, which the export leaves out. */
const DEFAULT_TIMEOUT_MS = 29_000;
function servedIntegration(raw) {
    // The export writes the type and passthrough behaviour in lower case, the HTTP method in upper case.
    const out = { type: (stringAt(raw.type) ?? '').toLowerCase() };
    const httpMethod = stringAt(raw.httpMethod)?.toUpperCase();
    if (httpMethod !== undefined)
        out.httpMethod = httpMethod;
    copyStrings(raw, out, ['uri', 'credentials']);
    // Every non-mock integration without a VPC link is INTERNET, which the export leaves out.
    const connectionType = stringAt(raw.connectionType)?.toUpperCase();
    if (connectionType !== undefined && connectionType !== 'INTERNET') {
        out.connectionType = connectionType;
        copyStrings(raw, out, ['connectionId']);
    }
    const responses = integrationResponses(raw.responses);
    if (Object.keys(responses).length > 0)
        out.responses = responses;
    // Only string values are kept: AWS drops any other with a warning (AWS-REC 2025-07-02).
    copyStringMaps(raw, out, ['requestParameters', 'requestTemplates']);
    out.passthroughBehavior = (stringAt(raw.passthroughBehavior) ?? 'when_no_match').toLowerCase();
    copyStrings(raw, out, ['contentHandling']);
    const timeout = typeof raw.timeoutInMillis === 'number' ? raw.timeoutInMillis : DEFAULT_TIMEOUT_MS;
    if (timeout !== DEFAULT_TIMEOUT_MS)
        out.timeoutInMillis = timeout;
    const cacheKeys = stringsAt(raw.cacheKeyParameters) ?? [];
    if (cacheKeys.length > 0)
        out.cacheKeyParameters = cacheKeys;
    const tls = raw.tlsConfig;
    if (typeof tls === 'object' && tls !== null) {
        out.tlsConfig = { insecureSkipVerification: objectAt(tls).insecureSkipVerification === true };
    }
    // cacheNamespace (the resource id by default) and HTTP API fields such as payloadFormatVersion are not exported.
    return out;
}
/**
 * Integration responses by selection pattern (`default` for none). AWS keys them by status code, so of two patterns
 * mapping to one status code the later replaces the earlier; a missing status code is 200.
 */
function integrationResponses(value) {
    const byStatus = new Map();
    for (const [pattern, raw] of Object.entries(objectAt(value))) {
        const response = objectAt(raw);
        const out = { statusCode: textAt(response.statusCode) ?? '200' };
        copyStringMaps(response, out, ['responseParameters', 'responseTemplates']);
        copyStrings(response, out, ['contentHandling']);
        byStatus.set(out.statusCode, [pattern === '' ? 'default' : pattern, out]);
    }
    return Object.fromEntries(byStatus.values());
}
function copyStrings(from, to, keys) {
    for (const key of keys) {
        const value = stringAt(from[key]);
        if (value !== undefined)
            to[key] = value;
    }
}
function copyStringMaps(from, to, keys) {
    for (const key of keys) {
        const value = stringMapAt(from[key]);
        if (value !== undefined)
            to[key] = value;
    }
}

;// CONCATENATED MODULE: ./src/definition/served-models.ts
// API Gateway's models as an export shows them: each schema a method uses becomes a model, named or not, and the
// export lists the models its methods use (following references between models) under components.schemas.



const EXPORTED_REF = '#/components/schemas/';
/** References to a named model, in Swagger 2.0 or OpenAPI 3.0 form. */
const MODEL_REF = /^#\/(?:definitions|components\/schemas)\/(.+)$/;
/** Schema keywords API Gateway drops on import ([DOC] known issues: "discriminator … not supported in any schema"). */
const DROPPED_KEYWORDS = new Set(['discriminator']);
class ServedModels {
    named;
    /** Models created for inline schemas, by name. */
    inline = new Map();
    used = new Set();
    constructor(document) {
        this.named = objectAt(document.definitions ?? objectAt(document.components).schemas);
    }
    /**
     * The `$ref` a method's request or response schema becomes, or undefined when AWS makes no model of it (no
     * schema, or an empty one). AWS creates a model for an inline schema; its name is AWS's choice, and the diff
     * compares models by content, so any stable name will do.
     */
    reference(schema) {
        if (!(0,json/* isObject */.G)(schema) || Object.keys(schema).length === 0)
            return undefined;
        const ref = stringAt(schema.$ref);
        const name = ref === undefined ? this.inlineName(schema) : MODEL_REF.exec(ref)?.[1];
        if (name === undefined)
            return undefined;
        this.used.add(name);
        return { $ref: `${EXPORTED_REF}${name}` };
    }
    /** components.schemas of the export: the models methods use and the models those refer to. */
    exportedSchemas() {
        const out = {};
        const pending = [...this.used];
        while (pending.length > 0) {
            const name = pending.shift();
            const schema = this.inline.has(name) ? this.inline.get(name) : this.named[name];
            if (name in out || schema === undefined)
                continue;
            // The export leaves out the draft-4 `$schema` keyword a model may carry.
            const { $schema: _draft, ...stored } = objectAt(storedSchema(schema, (ref) => pending.push(ref)));
            out[name] = stored;
        }
        return out;
    }
    inlineName(schema) {
        const name = `Model${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 8)}`;
        this.inline.set(name, schema);
        return name;
    }
}
/** A schema as API Gateway keeps it: references in export form, unsupported keywords (not property names) dropped. */
function storedSchema(value, referenced, propertyNames = false) {
    if (Array.isArray(value))
        return value.map((item) => storedSchema(item, referenced));
    if (!(0,json/* isObject */.G)(value))
        return value;
    const out = {};
    for (const [key, child] of Object.entries(value)) {
        const model = key === '$ref' && typeof child === 'string' ? MODEL_REF.exec(child)?.[1] : undefined;
        if (model !== undefined) {
            referenced(model);
            out[key] = `${EXPORTED_REF}${model}`;
        }
        else if (propertyNames || !DROPPED_KEYWORDS.has(key)) {
            out[key] = storedSchema(child, referenced, !propertyNames && key === 'properties');
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/definition/served-security.ts
// Authorization as an export shows it. API Gateway keeps, per method, one authorization type (NONE, AWS_IAM, CUSTOM,
// COGNITO_USER_POOLS) with its authorizer and scopes, and an "API key required" flag; the file's security
// requirements and schemes are read into those, and the export writes them back in its own vocabulary.


const AUTHTYPE_KEY = 'x-amazon-apigateway-authtype';
const AUTHORIZER_KEY = 'x-amazon-apigateway-authorizer';
/** The scheme names the export gives to IAM authorization and to API keys, whatever the file called them. */
const SIGV4 = 'sigv4';
const API_KEY = 'api_key';
const AUTHORIZER_TYPES = {
    token: 'TOKEN',
    request: 'REQUEST',
    cognito_user_pools: 'COGNITO_USER_POOLS',
};
class ServedSecurity {
    document;
    schemes = new Map();
    used = {};
    constructor(document) {
        this.document = document;
        const definitions = objectAt(document.securityDefinitions ?? objectAt(document.components).securitySchemes);
        for (const [name, raw] of Object.entries(definitions)) {
            const scheme = readScheme(objectAt(raw));
            // OAuth2, HTTP and OpenID Connect schemes are ignored by the import (with a warning).
            if (scheme)
                this.schemes.set(name, scheme);
        }
    }
    /** The operation's `security` as the export writes it; the schemes it names are kept for exportedSchemes(). */
    requirements(operation) {
        const auth = this.methodAuthorization(operation);
        const out = [];
        // The export writes each part as its own requirement object, IAM first, then the authorizer, then the key.
        if (auth.type === 'AWS_IAM')
            out.push(this.use(SIGV4, SIGV4_SCHEME, []));
        const scheme = auth.authorizer === undefined ? undefined : this.schemes.get(auth.authorizer);
        if ((auth.type === 'CUSTOM' || auth.type === 'COGNITO_USER_POOLS') && scheme?.kind === 'authorizer') {
            const scopes = auth.type === 'COGNITO_USER_POOLS' ? auth.scopes : [];
            out.push(this.use(auth.authorizer, authorizerScheme(scheme.type, scheme.scheme), scopes));
        }
        if (auth.apiKeyRequired)
            out.push(this.use(API_KEY, API_KEY_SCHEME, []));
        return out;
    }
    /** components.securitySchemes of the export: only the schemes some method uses (authorizers included). */
    exportedSchemes() {
        return this.used;
    }
    use(name, scheme, scopes) {
        this.used[name] = scheme;
        return { [name]: scopes };
    }
    methodAuthorization(operation) {
        const auth = { type: 'NONE', scopes: [], apiKeyRequired: false };
        // An operation without `security` gets the document's: AWS applies document-level security to every method
        // (AWS-REC 2025-07-02, test_import_with_global_api_key_authorizer and test_import_with_cognito_auth_identity_source).
        const requirements = Array.isArray(operation.security) ? operation.security : listAt(this.document.security);
        // A method has one authorization type and one flag, so alternatives (`a | b`) and combinations (`a + b`) both
        // end up as the union of their parts.
        for (const requirement of requirements) {
            for (const [name, scopes] of Object.entries(objectAt(requirement))) {
                const scheme = this.schemes.get(name);
                if (scheme?.kind === 'api-key')
                    auth.apiKeyRequired = true;
                else if (scheme?.kind === 'sigv4')
                    auth.type = 'AWS_IAM';
                else if (scheme?.kind === 'authorizer') {
                    auth.type = scheme.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
                    auth.authorizer = name;
                    auth.scopes = stringsAt(scopes) ?? [];
                }
            }
        }
        // x-amazon-apigateway-auth sets the method's authorization type directly ([DOC] extensions).
        const declared = stringAt(objectAt(operation['x-amazon-apigateway-auth']).type)?.toUpperCase();
        if (declared === 'AWS_IAM' || declared === 'NONE')
            auth.type = declared;
        return auth;
    }
}
function readScheme(raw) {
    const authorizer = raw[AUTHORIZER_KEY];
    if ((0,json/* isObject */.G)(authorizer)) {
        const type = AUTHORIZER_TYPES[(stringAt(authorizer.type) ?? 'token').toLowerCase()];
        return type === undefined ? undefined : { kind: 'authorizer', type, scheme: raw };
    }
    if (stringAt(raw[AUTHTYPE_KEY])?.toLowerCase() === 'awssigv4')
        return { kind: 'sigv4' };
    return raw.type === 'apiKey' ? { kind: 'api-key' } : undefined;
}
/** IAM authorization in the export ([DOC] x-amazon-apigateway-authtype, `awsSigv4`). */
const SIGV4_SCHEME = { type: 'apiKey', name: 'Authorization', in: 'header', [AUTHTYPE_KEY]: 'awsSigv4' };
/** Required API keys in the export ([DOC] api-key-usage-plan-oas: `api_key`, header `x-api-key`). */
const API_KEY_SCHEME = { type: 'apiKey', name: 'x-api-key', in: 'header' };
/** An authorizer as the export writes it: the file's scheme reduced to what API Gateway's Authorizer keeps. */
function authorizerScheme(type, raw) {
    const details = objectAt(raw[AUTHORIZER_KEY]);
    const cognito = type === 'COGNITO_USER_POOLS';
    // A TOKEN or Cognito authorizer reads the scheme's header unless it names its identity source.
    const header = stringAt(raw.name);
    const identitySource = stringAt(details.identitySource) ?? (type !== 'REQUEST' && header ? `method.request.header.${header}` : undefined);
    // The export names the identity header, or `Unused` for a REQUEST authorizer without a single header source.
    const identityHeader = /^method\.request\.header\.([^,\s]+)$/.exec(identitySource ?? '')?.[1];
    const out = {
        type: 'apiKey',
        name: identityHeader ?? (type === 'REQUEST' ? 'Unused' : 'Authorization'),
        in: 'header',
        [AUTHTYPE_KEY]: stringAt(raw[AUTHTYPE_KEY]) ?? (cognito ? 'cognito_user_pools' : 'custom'),
    };
    const kept = { type: cognito ? 'cognito_user_pools' : type.toLowerCase() };
    for (const key of ['authorizerUri', 'authorizerCredentials', 'identityValidationExpression']) {
        const value = stringAt(details[key]);
        if (value !== undefined)
            kept[key] = value;
    }
    const providers = stringsAt(details.providerARNs);
    if (providers !== undefined)
        kept.providerARNs = providers;
    // Only a REQUEST authorizer shows its identity source; the others show it as the scheme's header.
    if (type === 'REQUEST' && identitySource !== undefined)
        kept.identitySource = identitySource;
    const ttl = details.authorizerResultTtlInSeconds;
    if (typeof ttl === 'number')
        kept.authorizerResultTtlInSeconds = ttl;
    out[AUTHORIZER_KEY] = kept;
    return out;
}

;// CONCATENATED MODULE: ./src/definition/served.ts
// What API Gateway will serve for a definition file, in the shape of the stage's export (GetExport oas30 with
// `extensions=integrations,authorizers`): the file read the way the import reads it, then written the way the export
// writes it. The plan compares the stage's export with this, so what the import and export transform is not reported
// as a change, while everything API Gateway keeps (routes, required parameters, models, response codes,
// authorization, integrations) still is.






const INTEGRATION_KEY = 'x-amazon-apigateway-integration';
/** The operations API Gateway creates methods for; it has no TRACE. */
const METHOD_KEYS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', ANY_METHOD_KEY];
/** Where a method request parameter can be, as OpenAPI's `in`. */
const PARAMETER_PLACES = new Set(['path', 'query', 'header']);
/**
 * The file as API Gateway will serve it after PutRestApi and CreateDeployment, as its oas30 export with
 * integrations and authorizers shows it. `basePath` is the import's `basepath` parameter.
 */
function servedDefinition(definition, basePath = 'ignore') {
    const { document, version } = definition;
    const served = {
        document,
        version,
        models: new ServedModels(document),
        security: new ServedSecurity(document),
    };
    const prefix = basePathPrefix(definition, basePath);
    const paths = {};
    for (const [rawPath, rawItem] of Object.entries(objectAt(document.paths))) {
        // A resource path has no trailing slash; with a base path prepended, `/` is the base path's resource.
        const path = `${prefix}${rawPath}`.replace(/(.)\/+$/, '$1') || '/';
        const item = objectAt(rawItem);
        const methods = objectAt(paths[path]);
        for (const key of METHOD_KEYS) {
            const operation = item[key];
            if ((0,json/* isObject */.G)(operation))
                methods[key] = servedOperation(served, { path, item, operation });
        }
        // The export lists resources that have methods only.
        if (Object.keys(methods).length > 0)
            paths[path] = methods;
    }
    const components = {};
    const schemas = served.models.exportedSchemas();
    const schemes = served.security.exportedSchemes();
    if (Object.keys(schemas).length > 0)
        components.schemas = schemas;
    if (Object.keys(schemes).length > 0)
        components.securitySchemes = schemes;
    // API-level extensions (binary media types, policy, validators, gateway responses…) appear only in an export
    // with `extensions=apigateway`; the file's `servers`, `tags` and document-level `security` are not kept as such.
    return { openapi: '3.0.1', info: servedInfo(document), paths, components };
}
/** The API's name, description and version come from `info` (AWS-REC 2025-07-02: the import sets name and version). */
function servedInfo(document) {
    const info = objectAt(document.info);
    const out = { title: stringAt(info.title) ?? '' };
    const description = stringAt(info.description);
    if (description !== undefined)
        out.description = description;
    // Without one, the export shows the deployment's date: the diff ignores `info`.
    out.version = textAt(info.version) ?? '';
    return out;
}
/**
 * A method as the export writes it. API Gateway keeps no summary, description, tags or deprecation, nor the
 * request validator in this export (only `extensions=apigateway` shows it).
 */
function servedOperation(served, at) {
    const { operation } = at;
    const out = {};
    // The operation id is kept as the method's operation name.
    const operationId = stringAt(operation.operationId);
    if (operationId !== undefined)
        out.operationId = operationId;
    const parameters = servedParameters(served, at);
    if (parameters.length > 0)
        out.parameters = parameters;
    const requestBody = servedRequestBody(served, at);
    if (requestBody !== undefined)
        out.requestBody = requestBody;
    out.responses = servedResponses(served, operation);
    const security = served.security.requirements(operation);
    if (security.length > 0)
        out.security = security;
    const integration = operation[INTEGRATION_KEY];
    if ((0,json/* isObject */.G)(integration))
        out[INTEGRATION_KEY] = servedIntegration(integration);
    return out;
}
/**
 * Method request parameters. API Gateway keeps only name, place and `required` ([DOC] known issues), so the export
 * types every one as a string; every path parameter is required, declared or not (AWS-REC 2025-07-02).
 */
function servedParameters(served, { path, item, operation }) {
    const parameters = new Map();
    for (const match of path.matchAll(/\{([^}+]+)\+?\}/g)) {
        const name = match[1];
        parameters.set(`path:${name}`, { name, in: 'path', required: true });
    }
    // Path-level parameters first, then the operation's, which win for the same name and place.
    for (const raw of [...listAt(item.parameters), ...listAt(operation.parameters)]) {
        const parameter = objectAt(resolveLocalRef(served.document, raw));
        const place = stringAt(parameter.in);
        const name = stringAt(parameter.name);
        if (place === undefined || name === undefined || !PARAMETER_PLACES.has(place))
            continue;
        // A redeclared parameter keeps its place in the list (a Map keeps a key's first position).
        parameters.set(`${place}:${name}`, { name, in: place, required: place === 'path' || parameter.required === true });
    }
    return [...parameters.values()].map((p) => ({
        name: p.name,
        in: p.in,
        ...(p.required ? { required: true } : {}),
        schema: { type: 'string' },
    }));
}
/**
 * The request models by content type: an OpenAPI 3 request body, or a Swagger `in: body` parameter for each type the
 * operation consumes. API Gateway stores no "body required" flag, and the export always writes `required: true`.
 */
function servedRequestBody(served, { item, operation }) {
    const schemas = [];
    if (served.version === '2.0') {
        const parameters = [...listAt(item.parameters), ...listAt(operation.parameters)];
        const body = parameters.map((p) => objectAt(resolveLocalRef(served.document, p))).findLast((p) => p.in === 'body');
        if (body !== undefined) {
            for (const type of mediaTypes(served, operation, 'consumes'))
                schemas.push([type, body.schema]);
        }
    }
    const requestBody = objectAt(resolveLocalRef(served.document, operation.requestBody));
    schemas.push(...contentSchemas(requestBody));
    const content = modelContent(served, schemas);
    return Object.keys(content).length > 0 ? { content, required: true } : undefined;
}
/**
 * Method responses: status codes only (no `default`), described as `{code} response`, with their header names
 * and models; a response without a model has empty content (recorded exports, AWS-REC 2025-05).
 */
function servedResponses(served, operation) {
    const out = {};
    for (const [code, raw] of Object.entries(objectAt(operation.responses))) {
        if (!/^\d{3}$/.test(code))
            continue;
        const response = objectAt(resolveLocalRef(served.document, raw));
        const schemas = [];
        if (served.version === '2.0') {
            for (const type of mediaTypes(served, operation, 'produces'))
                schemas.push([type, response.schema]);
        }
        schemas.push(...contentSchemas(response));
        const headers = Object.keys(objectAt(response.headers)).map((name) => [name, { schema: { type: 'string' } }]);
        out[code] = {
            description: `${code} response`,
            ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}),
            content: modelContent(served, schemas),
        };
    }
    return out;
}
/** OpenAPI 3 `content`: each media type with its schema. */
function contentSchemas(holder) {
    return Object.entries(objectAt(holder.content)).map(([type, media]) => [type, objectAt(media).schema]);
}
/** Content by media type, each with the model its schema becomes; a schema that makes no model is left out. */
function modelContent(served, schemas) {
    const content = {};
    for (const [type, schema] of schemas) {
        const ref = served.models.reference(schema);
        if (ref !== undefined)
            content[type] = { schema: ref };
    }
    return content;
}
/** Swagger 2.0's content types for a body or response schema: the operation's, else the document's, else JSON. */
function mediaTypes(served, operation, key) {
    return stringsAt(operation[key] ?? served.document[key]) ?? ['application/json'];
}
/**
 * The prefix the import's `basepath` parameter puts before every path: none for `ignore`, the document's base
 * path for `prepend`, all but its first segment for `split`. In OpenAPI 3 a `basePath` server variable wins over
 * the server URL's path (AWS-REC 2025-07-02, test_import_rest_api_with_base_path_oas30).
 */
function basePathPrefix({ document, version }, mode) {
    if (mode === 'ignore')
        return '';
    const server = objectAt(listAt(document.servers)[0]);
    const variables = objectAt(server.variables);
    const declared = version === '2.0'
        ? stringAt(document.basePath)
        : (stringAt(objectAt(variables.basePath).default) ?? serverUrlPath(server, variables));
    const segments = (declared ?? '').split('/').filter(Boolean);
    const kept = mode === 'split' ? segments.slice(1) : segments;
    return kept.length > 0 ? `/${kept.join('/')}` : '';
}
function serverUrlPath(server, variables) {
    let url = stringAt(server.url) ?? '';
    for (const [name, variable] of Object.entries(variables)) {
        url = url.replaceAll(`{${name}}`, stringAt(objectAt(variable).default) ?? '');
    }
    return url.replace(/^[a-z]+:\/\/[^/]*/i, '');
}

// EXTERNAL MODULE: ./src/definition/substitute.ts
var substitute = __webpack_require__(769);
;// CONCATENATED MODULE: ./src/definition/validate.ts

/** At most this many schema errors are listed: the first ones usually explain the rest. */
const MAX_LISTED = 5;
async function schemaProblems(doc) {
    const { schemaErrors } = await Promise.all(/* import() */[__webpack_require__.e(142), __webpack_require__.e(917)]).then(__webpack_require__.bind(__webpack_require__, 1917));
    return pickErrors(schemaErrors(doc.document, doc.version)).map((e) => {
        const path = pointerSegments(e.instancePath ?? '');
        const line = doc.locate(path);
        const where = path.length > 0 ? `at ${path.join(' › ')}` : 'at the top level';
        const extra = e.params?.additionalProperty ? ` ('${String(e.params.additionalProperty)}')` : '';
        const message = `is not valid OpenAPI ${doc.version} ${where}${line ? ` (line ${line})` : ''}: ${e.message ?? e.keyword ?? 'invalid'}${extra}`;
        return line === undefined ? { message } : { message, line };
    });
}
/** The most specific error per location; combinators (oneOf, anyOf, if) only say that something deeper failed. */
function pickErrors(errors) {
    const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword ?? ''));
    const pool = specific.length > 0 ? specific : errors;
    const seen = new Set();
    const picked = [];
    for (const e of pool) {
        const key = `${e.instancePath}|${e.message}|${String(e.params?.additionalProperty ?? '')}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        picked.push(e);
        if (picked.length === MAX_LISTED)
            break;
    }
    return picked;
}
function pointerSegments(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** Every `$ref` must point inside the document. */
function referenceProblems(doc) {
    const problems = [];
    const visit = (value, path) => {
        if (Array.isArray(value)) {
            for (const [i, item] of value.entries())
                visit(item, [...path, String(i)]);
            return;
        }
        if (!(0,json/* isObject */.G)(value))
            return;
        for (const [key, child] of Object.entries(value)) {
            if (key === '$ref' && typeof child === 'string') {
                const problem = refProblem(doc, child);
                if (problem) {
                    const line = doc.locate([...path, key]);
                    problems.push({ message: `${problem}${line ? ` (line ${line})` : ''}`, ...(line ? { line } : {}) });
                }
            }
            else
                visit(child, [...path, key]);
        }
    };
    visit(doc.document, []);
    return problems;
}
function refProblem(doc, ref) {
    if (!ref.startsWith('#')) {
        return `has $ref '${ref}' to another file, which API Gateway cannot resolve: bundle the definition into one file first`;
    }
    return (0,json/* valueAtPointer */.s)(doc.document, ref) === undefined
        ? `has $ref '${ref}', which points at nothing in the file`
        : undefined;
}

;// CONCATENATED MODULE: ./src/definition/load.ts









async function loadDefinition(request) {
    const named = (input, what) => ({
        ok: false,
        problems: [{ input, message: `Input '${input}' ${what}.` }],
    });
    const subject = `(${request.file})`;
    const substituted = (0,substitute/* substitute */.V)(request.text, request.substitutions);
    if (!substituted.ok)
        return named('definition-substitutions', substituted.error);
    const text = substituted.value.text;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DEFINITION_BYTES) {
        return named('definition', `${subject} is ${(bytes / 1024 / 1024).toFixed(1)} MB after substitution; API Gateway imports at most 6 MB`);
    }
    const parsed = parseDefinitionText(text);
    if (!parsed.ok)
        return named('definition', `${subject} ${parsed.error}`);
    const doc = parsed.value;
    const problems = [...(await schemaProblems(doc)), ...referenceProblems(doc), ...awsProblems(doc)];
    if (problems.length === 1)
        return named('definition', `${subject} ${problems[0]?.message}`);
    if (problems.length > 1) {
        const list = problems.map((p) => `- It ${p.message}.`).join('\n');
        const message = `Input 'definition' ${subject} has ${problems.length} problems:\n${list}`;
        return { ok: false, problems: [{ input: 'definition', message }] };
    }
    const info = (0,json/* isObject */.G)(doc.document.info) ? doc.document.info : {};
    return {
        ok: true,
        value: {
            file: request.file,
            text,
            sha256: definitionSha256(text),
            bytes,
            parsed: doc,
            served: servedDefinition(doc, request.basePath),
            routes: definitionRoutes(doc, request.basePath),
            settings: (0,api_settings/* settingsInDefinition */.k)(doc),
            title: typeof info.title === 'string' ? info.title : '',
            replaced: substituted.value.replaced,
        },
    };
}


/***/ })

};
