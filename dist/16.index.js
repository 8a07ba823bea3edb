export const id = 16;
export const ids = [16];
export const modules = {

/***/ 7016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubSession: () => (/* binding */ GitHubSession)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/client.ts
// The one place that builds an Octokit. Only src/github/* imports @actions/github.

/**
 * Octokit for the action's token. The API base URL is, in order: `baseUrl`, `GITHUB_API_URL` (set by the runner, also
 * on GitHub Enterprise Server), `https://api.github.com`. Read at call time, not at import time.
 */
function createOctokit(token, baseUrl) {
    const url = baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    return (0,github/* getOctokit */.Q)(token, { baseUrl: url.replace(/\/+$/, '') });
}
/** Converts what Octokit threw into a GitHubFailure. Octokit's RequestError carries `status` and `message`. */
function toFailure(error) {
    const status = typeof error === 'object' && error !== null && typeof error.status === 'number'
        ? error.status
        : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const reason = status === 401 || status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'error';
    const failure = { ok: false, reason, message };
    if (status !== undefined)
        failure.status = status;
    return failure;
}
/** Explains a failure in one line for core.warning, with the permission that is usually missing. */
function describeFailure(what, failure, permission) {
    const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`;
    const hint = failure.reason === 'forbidden'
        ? ` The token cannot write here: a pull request from a fork gets a read-only token, or the workflow lacks \`permissions: ${permission}\`.`
        : '';
    return `Could not ${what}${status}: ${failure.message}.${hint}`;
}

;// CONCATENATED MODULE: ./src/github/deployments.ts
// GitHub deployments for the `environment` input: one deployment per run for the commit, with statuses
// in_progress → success / failure whose environment_url is the stage's base URL and log_url the run. Failures come
// back as GitHubFailure results (the caller warns); nothing here throws for an HTTP error.

async function startDeployment(octokit, params) {
    const { owner, repo } = params;
    let deploymentId;
    try {
        const response = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: params.ref,
            environment: params.environment,
            // The deployment records what this run deploys; it must not merge branches or wait for checks.
            auto_merge: false,
            required_contexts: [],
            transient_environment: params.transient ?? false,
            ...(params.production === undefined ? {} : { production_environment: params.production }),
            ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
            ...(params.payload === undefined ? {} : { payload: params.payload }),
        });
        const data = response.data;
        if (typeof data.id !== 'number') {
            return {
                ok: false,
                reason: 'error',
                status: response.status,
                message: typeof data.message === 'string' ? data.message : 'GitHub did not create a deployment',
                step: 'create',
            };
        }
        deploymentId = data.id;
    }
    catch (error) {
        return { ...toFailure(error), step: 'create' };
    }
    const status = await createStatus(octokit, {
        owner,
        repo,
        deploymentId,
        state: 'in_progress',
        ...(params.environmentUrl === undefined ? {} : { environmentUrl: params.environmentUrl }),
        ...(params.logUrl === undefined ? {} : { logUrl: params.logUrl }),
    });
    if (!status.ok)
        return { ...status, step: 'status' };
    return { ok: true, deploymentId };
}
/** Final status. `success` also makes GitHub mark earlier successful deployments of the environment inactive. */
function finishDeployment(octokit, params) {
    return createStatus(octokit, params);
}
async function createStatus(octokit, params) {
    try {
        const { data } = await octokit.rest.repos.createDeploymentStatus({
            owner: params.owner,
            repo: params.repo,
            deployment_id: params.deploymentId,
            state: params.state,
            ...(params.environmentUrl === undefined ? {} : { environment_url: params.environmentUrl }),
            ...(params.logUrl === undefined ? {} : { log_url: params.logUrl }),
            ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
        });
        return { ok: true, statusId: data.id };
    }
    catch (error) {
        return toFailure(error);
    }
}
/**
 * For `delete`: every deployment of the environment whose latest status is not already `inactive` gets an
 * `inactive` status, so GitHub stops showing the environment as active.
 */
async function deactivateEnvironmentDeployments(octokit, params) {
    const { owner, repo, environment } = params;
    const deactivated = [];
    try {
        const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, {
            owner,
            repo,
            environment,
            per_page: 100,
        });
        for (const deployment of deployments) {
            const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
                owner,
                repo,
                deployment_id: deployment.id,
                per_page: 1,
            });
            if (statuses[0]?.state === 'inactive')
                continue;
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: deployment.id,
                state: 'inactive',
                ...(params.logUrl === undefined ? {} : { log_url: params.logUrl }),
                ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
            });
            deactivated.push(deployment.id);
        }
    }
    catch (error) {
        return toFailure(error);
    }
    return { ok: true, deactivated };
}
/** GitHub rejects deployment and status descriptions over 140 characters. */
function clip(value, max) {
    return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
/** GitHub's production_environment flag: only for environments named as production (`prod`, `production`, `live`). */
function isProductionEnvironment(environment) {
    return /^(prod|production|live)([-_].*)?$/i.test(environment);
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts
// One sticky comment per (API, stage) on a pull request: found by its hidden marker AND by the token's own identity
// (so a user who pastes the marker cannot take the comment over), across every page of comments; updated in place,
// or left alone when the body is the same. Write failures (read-only fork tokens, missing permissions) come back as a
// typed result for the caller to turn into a warning; they are never thrown.

/** The login GitHub shows for comments made with a workflow's GITHUB_TOKEN. */
const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';
function tokenKind(token) {
    if (token.startsWith('ghs_'))
        return 'installation';
    if (/^(ghp_|github_pat_|gho_|ghu_)/.test(token))
        return 'user';
    return 'unknown';
}
const identities = new WeakMap();
/**
 * Who the token is. Asked once per Octokit instance, in one round trip: GraphQL for an installation token (GET /user
 * answers it 403), GET /user for a user's token, both at once when the kind is unknown.
 */
function resolveTokenIdentity(octokit, kind = 'unknown') {
    const cached = identities.get(octokit);
    if (cached !== undefined)
        return cached;
    const pending = lookUpIdentity(octokit, kind);
    identities.set(octokit, pending);
    return pending;
}
async function lookUpIdentity(octokit, kind) {
    const viaUser = () => (kind === 'installation' ? Promise.resolve(undefined) : userLogin(octokit));
    const viaGraphql = () => (kind === 'user' ? Promise.resolve(undefined) : viewerLogin(octokit));
    // A user's token rarely needs GraphQL: ask it only if GET /user fails. Unknown tokens ask both at once.
    const [user, graphql] = kind === 'user' ? [await viaUser(), undefined] : await Promise.all([viaUser(), viaGraphql()]);
    if (user !== undefined)
        return { login: user, source: 'user' };
    const viewer = graphql ?? (kind === 'user' ? await viewerLogin(octokit) : undefined);
    if (viewer !== undefined)
        return { login: viewer, source: 'graphql' };
    return { login: GITHUB_ACTIONS_LOGIN, source: 'default' };
}
/** GET /user's login; undefined when it does not answer (installation tokens get 403). */
async function userLogin(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return typeof data.login === 'string' && data.login !== '' ? data.login : undefined;
    }
    catch {
        return undefined;
    }
}
/** The GraphQL viewer's login; undefined without GraphQL (or without permission). */
async function viewerLogin(octokit) {
    try {
        const data = await octokit.graphql('query { viewer { login } }');
        const login = data.viewer?.login;
        return typeof login === 'string' && login !== '' ? login : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Lists the pull request's comments and learns the token's identity, at once (one round trip); a failure comes back
 * as a result. The session may start it early, so that only the write remains once the report is ready.
 */
async function listForStickyComment(octokit, params) {
    const { owner, repo, issueNumber } = params;
    const identity = params.authorLogin ?? resolveTokenIdentity(octokit, params.tokenKind).then((id) => id.login);
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100,
        });
        return { ok: true, comments, login: await identity };
    }
    catch (error) {
        return { ...toFailure(error), step: 'list' };
    }
}
async function upsertStickyComment(octokit, params) {
    const { owner, repo, issueNumber, marker } = params;
    const body = params.body.includes(marker) ? params.body : `${marker}\n${params.body}`;
    const listing = await (params.listing ?? listForStickyComment(octokit, params));
    if (!listing.ok)
        return listing;
    const { comments, login } = listing;
    const mine = comments.filter((c) => (c.body ?? '').includes(marker) && c.user?.login.toLowerCase() === login.toLowerCase());
    const existing = mine[0];
    const duplicates = Math.max(0, mine.length - 1);
    if (existing === undefined) {
        try {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
            return {
                ok: true,
                action: 'created',
                id: data.id,
                url: data.html_url,
                author: data.user?.login ?? login,
                duplicates,
            };
        }
        catch (error) {
            return { ...toFailure(error), step: 'create' };
        }
    }
    if (normalize(existing.body ?? '') === normalize(body)) {
        return { ok: true, action: 'unchanged', id: existing.id, url: existing.html_url, author: login, duplicates };
    }
    try {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
        return { ok: true, action: 'updated', id: data.id, url: data.html_url, author: login, duplicates };
    }
    catch (error) {
        return { ...toFailure(error), step: 'update' };
    }
}
/** GitHub stores bodies with \r\n from the web editor and may drop trailing whitespace. */
function normalize(body) {
    return body.replace(/\r\n/g, '\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/github/session.ts
// The GitHub side of a run, behind one object that main.ts loads with a dynamic import only when a comment
// or a deployment is wanted, so Octokit stays off the start-up path. Every method returns a warning
// instead of throwing: the AWS result stands whatever GitHub says.



class GitHubSession {
    repo;
    octokit;
    tokenKind;
    /** Comment listings started ahead of the comment, by pull request. */
    listings = new Map();
    constructor(token, repo) {
        this.repo = repo;
        this.octokit = createOctokit(token);
        this.tokenKind = tokenKind(token);
    }
    /**
     * Starts reading what the sticky comment on `issueNumber` needs (its comments, the token's identity) while the AWS
     * change runs: the comment then costs one round trip. A comment made by another run in between is a duplicate the
     * next run tells apart (the oldest stays the sticky one).
     */
    prefetchComment(issueNumber) {
        if (this.listings.has(issueNumber))
            return;
        const listing = listForStickyComment(this.octokit, { ...this.repo, issueNumber, tokenKind: this.tokenKind });
        this.listings.set(issueNumber, listing);
    }
    async comment(issueNumber, marker, body) {
        const listing = this.listings.get(issueNumber);
        this.listings.delete(issueNumber);
        const result = await upsertStickyComment(this.octokit, {
            ...this.repo,
            issueNumber,
            marker,
            body,
            tokenKind: this.tokenKind,
            ...(listing ? { listing } : {}),
        });
        if (!result.ok) {
            return {
                ok: false,
                warning: describeFailure(`${result.step} the pull request comment on #${issueNumber}`, result, 'pull-requests: write'),
            };
        }
        return { ok: true, value: { url: result.url, action: result.action } };
    }
    async startDeployment(params) {
        const production = !params.transient && isProductionEnvironment(params.environment);
        const result = await startDeployment(this.octokit, { ...this.repo, production, ...params });
        if (!result.ok) {
            return {
                ok: false,
                warning: describeFailure(`${result.step} the GitHub deployment`, result, 'deployments: write'),
            };
        }
        return { ok: true, value: result.deploymentId };
    }
    async finishDeployment(params) {
        const result = await finishDeployment(this.octokit, { ...this.repo, ...params });
        if (!result.ok) {
            return { ok: false, warning: describeFailure('set the GitHub deployment status', result, 'deployments: write') };
        }
        return { ok: true, value: result.statusId };
    }
    async deactivate(environment, logUrl) {
        const result = await deactivateEnvironmentDeployments(this.octokit, {
            ...this.repo,
            environment,
            ...(logUrl ? { logUrl } : {}),
            description: 'Preview stage deleted',
        });
        if (!result.ok) {
            return {
                ok: false,
                warning: describeFailure('mark the GitHub deployments inactive', result, 'deployments: write'),
            };
        }
        return { ok: true, value: result.deactivated };
    }
}


/***/ })

};
