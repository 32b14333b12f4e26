/**
 * The service's metrics in Prometheus's text format (version 0.0.4), served on their own port when METRICS_PORT is set
 * (server/metricsServer.ts; off by default): requests by route, method and status with a latency histogram, database
 * failures, calls to LinkedIn by call and outcome, and the process's memory and start time. Labels are routes (the
 * pattern, never a path with an address in it), methods, statuses and fixed words: nothing personal.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string>;

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels): string => {
  const parts = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export interface Metrics {
  /** One answered request: its route pattern ('unmatched' for none), method, status and duration. */
  request: (route: string, method: string, status: number, seconds: number) => void;
  /** A call failed because the database did not answer. */
  databaseError: () => void;
  /** One call to LinkedIn (token, userinfo, revoke, …) and how it ended (ok, refused, failed, timeout, …). */
  linkedInCall: (call: string, outcome: string) => void;
  /** A value read when scraped (e.g. tokens waiting for revocation). */
  gauge: (name: string, help: string, read: () => number | Promise<number>) => void;
  /** Everything, in the text format. */
  render: () => Promise<string>;
}

export function createMetrics(now: () => number = Date.now): Metrics {
  const started = now() / 1000;
  const requests = new Map<string, number>();
  const latency = new Map<string, Histogram>();
  const linkedIn = new Map<string, number>();
  const gauges = new Map<string, { help: string; read: () => number | Promise<number> }>();
  let databaseErrors = 0;
  const add = (counter: Map<string, number>, labels: Labels) => {
    const key = labelText(labels);
    counter.set(key, (counter.get(key) ?? 0) + 1);
  };
  const counterLines = (name: string, help: string, counter: Map<string, number>) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} counter`,
    ...[...counter].map(([labels, value]) => `${name}${labels} ${value}`),
  ];

  return {
    request(route, method, status, seconds) {
      add(requests, { route, method, status: String(status) });
      const key = labelText({ route });
      const histogram = latency.get(key) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
      latency.set(key, histogram);
    },
    databaseError: () => void (databaseErrors += 1),
    linkedInCall: (call, outcome) => add(linkedIn, { call, outcome }),
    gauge: (name, help, read) => void gauges.set(name, { help, read }),
    async render() {
      const memory = process.memoryUsage();
      const lines = [
        ...counterLines('http_requests_total', 'Requests answered, by route, method and status.', requests),
        '# HELP http_request_duration_seconds Time to answer a request, by route.',
        '# TYPE http_request_duration_seconds histogram',
        ...[...latency].flatMap(([key, histogram]) => histogramLines(key, histogram)),
        '# HELP database_errors_total Calls that failed because the database did not answer.',
        '# TYPE database_errors_total counter',
        `database_errors_total ${databaseErrors}`,
        ...counterLines('linkedin_calls_total', 'Calls to LinkedIn, by call and outcome.', linkedIn),
        '# HELP process_resident_memory_bytes Resident memory of the process.',
        '# TYPE process_resident_memory_bytes gauge',
        `process_resident_memory_bytes ${memory.rss}`,
        '# HELP process_start_time_seconds When the process started (Unix time).',
        '# TYPE process_start_time_seconds gauge',
        `process_start_time_seconds ${started}`,
      ];
      // A gauge that cannot be read now (its database down) says NaN; the rest still answer.
      for (const [name, { help, read }] of gauges) {
        const value = await Promise.resolve()
          .then(read)
          .catch(() => Number.NaN);
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function histogramLines(key: string, histogram: Histogram): string[] {
  const labels = key.slice(1, -1);
  const withLe = (le: string) => `{${labels},le="${le}"}`;
  return [
    ...BUCKETS.map((bound, index) => `http_request_duration_seconds_bucket${withLe(String(bound))} ${histogram.buckets[index] ?? 0}`),
    `http_request_duration_seconds_bucket${withLe('+Inf')} ${histogram.count}`,
    `http_request_duration_seconds_sum${key} ${histogram.sum}`,
    `http_request_duration_seconds_count${key} ${histogram.count}`,
  ];
}

/** The process's metrics: one registry, as a process has one /metrics. */
export const metrics: Metrics = createMetrics();
