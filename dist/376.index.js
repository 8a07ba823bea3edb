export const id = 376;
export const ids = [376];
export const modules = {

/***/ 6376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CanaryMetrics: () => (/* binding */ CanaryMetrics),
  metricApiName: () => (/* binding */ metricApiName)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/cloudwatch/queries.ts
/** Count as SampleCount (how AWS documents it), 5XXError as Sum (the error count), Latency as p99. */
const METRICS = [
    { key: 'requests', metric: 'Count', stat: 'SampleCount' },
    { key: 'errors', metric: '5XXError', stat: 'Sum' },
    { key: 'p99Ms', metric: 'Latency', stat: 'p99' },
];
function metricQueries(q) {
    const series = [
        ['c', q.canaryStage],
        ['b', q.stage],
    ];
    return series.flatMap(([id, stage]) => METRICS.filter((m) => q.latency || m.key !== 'p99Ms').map((m) => ({
        Id: `${id}_${m.key.toLowerCase()}`,
        Label: `${stage} ${m.metric} ${m.stat}`,
        ReturnData: true,
        MetricStat: {
            Metric: {
                Namespace: 'AWS/ApiGateway',
                MetricName: m.metric,
                Dimensions: [
                    { Name: 'ApiName', Value: q.apiName },
                    { Name: 'Stage', Value: stage },
                ],
            },
            Period: q.period,
            Stat: m.stat,
        },
    })));
}
/**
 * The canary's and the baseline's figures; a query with no datapoint leaves its figure undefined. With
 * `stage-minus-canary` the canary's requests and errors are taken out of the stage's (for accounts where the stage
 * series counts canary requests too); its p99 cannot be, so the baseline then has none.
 */
function figuresOf(results, baseline) {
    const read = (id) => {
        const out = {};
        for (const m of METRICS) {
            const values = results.find((r) => r.Id === `${id}_${m.key.toLowerCase()}`)?.Values ?? [];
            if (!values.length)
                continue;
            out[m.key] = m.key === 'p99Ms' ? Math.round(Math.max(...values) * 10) / 10 : values.reduce((a, b) => a + b, 0);
        }
        return out;
    };
    const canary = read('c');
    const stage = read('b');
    if (baseline === 'stage')
        return { canary, baseline: stage };
    const minus = (a, b) => (a === undefined ? undefined : Math.max(0, a - (b ?? 0)));
    const requests = minus(stage.requests, canary.requests);
    const errors = minus(stage.errors, canary.errors);
    return {
        canary,
        baseline: { ...(requests !== undefined ? { requests } : {}), ...(errors !== undefined ? { errors } : {}) },
    };
}

;// CONCATENATED MODULE: ./src/cloudwatch/series.ts
// Which Stage dimension value holds the canary's metrics. AWS documents that a canary gets its own metrics but not
// the dimension value they carry (`prod/Canary` is a guess from the log group names), so the series is chosen among
// those ListMetrics returns for the API, never assumed. Pure.
/** The canary's Stage value among `values` (the API's Stage dimension values), or why none could be chosen. */
function findCanaryStage(values, stage, apiName) {
    const others = [...new Set(values)].filter((v) => v !== stage).sort();
    const candidates = others.filter((v) => v.startsWith(`${stage}/`));
    const loose = candidates.length ? candidates : others.filter((v) => v.includes(stage));
    const preferred = loose.find((v) => v.toLowerCase() === `${stage}/canary`.toLowerCase());
    if (preferred)
        return preferred;
    if (loose.length === 1)
        return loose[0];
    const seen = others.length ? `Stage values seen: ${others.slice(0, 10).join(', ')}` : 'no other Stage values seen';
    return {
        problem: loose.length === 0
            ? `no canary metric series found for ApiName '${apiName}' and stage '${stage}' (${seen}); a canary without traffic has none yet, or name it with canary-metric-stage`
            : `several series could be the canary's for stage '${stage}' (${loose.join(', ')}): name one with canary-metric-stage`,
    };
}

;// CONCATENATED MODULE: ./src/cloudwatch/metrics.ts
// The CloudWatch adapter: the one module that talks to CloudWatch (GetMetricData, ListMetrics, DescribeAlarms).
// Loaded with a dynamic import by the rollout step only, so other operations never load the SDK. A failed or
// throttled read is returned as a problem, never thrown: the analysis makes it "inconclusive", never "healthy".
// The SDK itself honours AWS_ENDPOINT_URL_CLOUDWATCH (and AWS_ENDPOINT_URL).




/**
 * REST API metrics are keyed by the API's name, with non-ASCII characters stripped; a name with none left falls
 * back to the API id (API Gateway's documented behaviour).
 */
function metricApiName(name, id) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
    const ascii = name.replace(/[^\x00-\x7f]/g, '');
    return ascii === '' ? id : ascii;
}
class CanaryMetrics {
    client;
    canaryStage;
    constructor(client) {
        this.client = client;
    }
    static create(options) {
        const [name, version] = options.userAgent.split('/');
        return new CanaryMetrics(new dist_cjs/* CloudWatchClient */.WBn({
            region: options.region,
            maxAttempts: options.maxAttempts,
            retryMode: 'standard',
            customUserAgent: [[name ?? 'apigw-stage-action', version ?? '0']],
        }));
    }
    /** Alarm names DescribeAlarms does not know; throws when it cannot be called (checked before anything changes). */
    async unknownAlarms(names) {
        if (!names.length)
            return [];
        const found = await this.alarmStates(names);
        return found.filter((a) => a.state === 'NOT_FOUND').map((a) => a.name);
    }
    /** The canary's and the baseline's figures over the window, and the alarms' states. */
    async read(q) {
        const problems = [];
        // One after the other: the alarms' state is read as of the end of the metrics read.
        const figures = await this.figures(q).catch((err) => {
            problems.push(`CloudWatch metrics could not be read: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return undefined;
        });
        const alarms = await this.alarmStates(q.alarms).catch((err) => {
            problems.push(`CloudWatch alarms could not be read: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return [];
        });
        if (figures?.problem)
            problems.push(figures.problem);
        return {
            ...(figures?.canaryStage ? { canaryStage: figures.canaryStage } : {}),
            canary: figures?.canary ?? {},
            baseline: figures?.baseline ?? {},
            alarms,
            problems,
        };
    }
    async figures(q) {
        const canaryStage = q.canaryStage ?? this.canaryStage ?? (await this.discover(q.apiName, q.stage));
        if (typeof canaryStage !== 'string')
            return { canary: {}, baseline: {}, problem: canaryStage.problem };
        // Found once, kept for the rest of the run.
        if (!q.canaryStage)
            this.canaryStage = canaryStage;
        const period = Math.max(60, Math.round((q.endMs - q.startMs) / 1000));
        const out = await this.client.send(new dist_cjs/* GetMetricDataCommand */.Soe({
            StartTime: new Date(q.startMs),
            EndTime: new Date(q.endMs),
            ScanBy: 'TimestampAscending',
            MetricDataQueries: metricQueries({
                apiName: q.apiName,
                stage: q.stage,
                canaryStage,
                period,
                latency: q.latency,
            }),
        }));
        const { canary, baseline } = figuresOf(out.MetricDataResults ?? [], q.baseline);
        return { canaryStage, canary, baseline };
    }
    async discover(apiName, stage) {
        const values = [];
        let token;
        do {
            const page = await this.client.send(new dist_cjs/* ListMetricsCommand */.tPF({
                Namespace: 'AWS/ApiGateway',
                MetricName: 'Count',
                Dimensions: [{ Name: 'ApiName', Value: apiName }],
                ...(token ? { NextToken: token } : {}),
            }));
            for (const metric of page.Metrics ?? []) {
                const dims = metric.Dimensions ?? [];
                const value = dims.find((d) => d.Name === 'Stage')?.Value;
                if (dims.length === 2 && value !== undefined)
                    values.push(value);
            }
            token = page.NextToken;
        } while (token);
        return findCanaryStage(values, stage, apiName);
    }
    async alarmStates(names) {
        if (!names.length)
            return [];
        const states = new Map();
        let token;
        do {
            const page = await this.client.send(new dist_cjs/* DescribeAlarmsCommand */.zWD({
                AlarmNames: [...names],
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                ...(token ? { NextToken: token } : {}),
            }));
            for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) {
                if (a.AlarmName && a.StateValue)
                    states.set(a.AlarmName, a.StateValue);
            }
            token = page.NextToken;
        } while (token);
        return names.map((name) => ({ name, state: states.get(name) ?? 'NOT_FOUND' }));
    }
}


/***/ })

};
