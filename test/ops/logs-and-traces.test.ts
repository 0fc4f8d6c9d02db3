// The structured log lines and the OpenTelemetry trace of a run: one JSON object per line with fixed keys, and one
// span per step (under a root span for the command) received by a real OTLP/HTTP endpoint.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snapshotBeforeReleaseDefinition } from '../../scripts/ops/commands/snapshot-before-release';
import { tracesUrl } from '../../scripts/ops/runner/tracing';
import { FIXED_NOW, run, testDeps } from './support/ops-harness';
import { writeRenderedTree } from './support/rendered-tree';

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: { stringValue?: string; boolValue?: boolean; intValue?: string } }[];
}

let tree: { dir: string; remove(): void };
let server: Server;
let received: { path: string; contentType: string; body: string }[] = [];
let endpoint: string;

beforeAll(async () => {
  tree = writeRenderedTree();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ path: request.url ?? '', contentType: request.headers['content-type'] ?? '', body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  received = [];
});
afterAll(async () => {
  tree.remove();
  await new Promise((resolve) => server.close(resolve));
});

const ARGV = ['--env', 'prod', '--dry-run', '--release', '1.5.0'];

function spansOf(bodies: readonly { body: string }[]): {
  spans: OtlpSpan[];
  serviceName: string | undefined;
} {
  const requests = bodies.map(
    (request) =>
      JSON.parse(request.body) as {
        resourceSpans: {
          resource: { attributes: OtlpSpan['attributes'] };
          scopeSpans: { spans: OtlpSpan[] }[];
        }[];
      },
  );
  const resourceSpans = requests.flatMap((request) => request.resourceSpans);
  return {
    spans: resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
    serviceName: resourceSpans[0]?.resource.attributes.find((a) => a.key === 'service.name')?.value
      .stringValue,
  };
}

const attribute = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;

describe('OpenTelemetry trace', () => {
  it('exports one span per step under a root span to OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const result = await run(
      snapshotBeforeReleaseDefinition,
      ARGV,
      testDeps(tree.dir, { processEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } }),
    );
    expect(result.code).toBe(0);
    expect(received.map((request) => request.path)).toEqual(['/v1/traces']);
    expect(received[0]!.contentType).toBe('application/json');
    const { spans, serviceName } = spansOf(received);
    expect(serviceName).toBe('skillforge-ops');
    const root = spans.find((span) => span.name === 'snapshot-before-release')!;
    const steps = spans.filter((span) => span !== root);
    expect(steps.map((span) => span.name)).toEqual(['create-snapshot', 'wait-snapshot-available']);
    for (const span of steps) {
      expect(span.traceId).toBe(root.traceId);
      expect(span.parentSpanId).toBe(root.spanId);
      expect(attribute(span, 'skillforge.env')).toEqual({ stringValue: 'prod' });
      expect(attribute(span, 'skillforge.dry_run')).toEqual({ boolValue: true });
    }
    expect(root.parentSpanId ?? '').toBe('');
    const started = result.logs()[0]!;
    expect(started.fields.traceId).toBe(root.traceId);
  });

  it('sends nothing when no endpoint is set', async () => {
    const result = await run(snapshotBeforeReleaseDefinition, ARGV, testDeps(tree.dir));
    expect(result.code).toBe(0);
    expect(received).toEqual([]);
    expect(result.logs()[0]!.fields).not.toHaveProperty('traceId');
  });

  it('reports an unreachable collector as a warning and still succeeds', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await run(
      snapshotBeforeReleaseDefinition,
      ARGV,
      testDeps(tree.dir, { processEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` } }),
    );
    expect(result.code).toBe(0);
    const warning = result.logs().at(-1)!;
    expect(warning).toMatchObject({ level: 'warn', step: null, event: 'trace.export_failed' });
    expect(String(warning.fields.error)).not.toBe('');
  });

  it('follows the OTLP rule for the traces URL: the traces variable as is, the generic one plus /v1/traces', () => {
    expect(tracesUrl({})).toBeUndefined();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/custom',
      }),
    ).toBe('http://traces:4318/custom');
  });
});

describe('JSON log lines', () => {
  it('writes one object per line with time, level, command, env, step, event and fields', async () => {
    const result = await run(snapshotBeforeReleaseDefinition, ARGV, testDeps(tree.dir));
    const lines = result.stderr().trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(['time', 'level', 'command', 'env', 'step', 'event', 'fields']);
      expect(record).toMatchObject({
        time: FIXED_NOW.toISOString(),
        command: 'snapshot-before-release',
        env: 'prod',
      });
    }
    expect(records.map((record) => [record.step, record.event])).toEqual([
      [null, 'procedure.started'],
      ['create-snapshot', 'step.dry_run'],
      ['create-snapshot', 'step.succeeded'],
      ['wait-snapshot-available', 'step.dry_run'],
      ['wait-snapshot-available', 'step.succeeded'],
      [null, 'procedure.succeeded'],
    ]);
    expect(records[0]).toEqual({
      time: FIXED_NOW.toISOString(),
      level: 'info',
      command: 'snapshot-before-release',
      env: 'prod',
      step: null,
      event: 'procedure.started',
      fields: { dryRun: true, steps: ['create-snapshot', 'wait-snapshot-available'] },
    });
    expect(records[1]).toMatchObject({ level: 'info', fields: { changes: true } });
  });
});
