// One OpenTelemetry trace per command run: a root span named after the command and one child span per step,
// exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-specific variable) is set. Unset, no
// OpenTelemetry module is even loaded, so commands pay nothing for tracing they do not use.
import type { Span } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface StepSpan {
  end(outcome: { readonly ok: true } | { readonly ok: false; readonly error: string }): void;
}

export interface OpsTrace {
  /** Hex trace id to put in log lines, or undefined when tracing is off. */
  readonly traceId: string | undefined;
  startStep(step: string, attributes: Readonly<Record<string, string | number | boolean>>): StepSpan;
  /** Ends the root span and sends everything; export failures are reported, never thrown. */
  finish(ok: boolean): Promise<string | undefined>;
}

const NO_TRACE: OpsTrace = {
  traceId: undefined,
  startStep: () => ({ end: () => undefined }),
  finish: async () => undefined,
};

/** The OTLP/HTTP traces URL per the OpenTelemetry exporter specification, or undefined when unset. */
export function tracesUrl(processEnv: NodeJS.ProcessEnv): string | undefined {
  const specific = processEnv.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (specific !== undefined && specific !== '') return specific;
  const base = processEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (base === undefined || base === '') return undefined;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

export async function startTrace(
  processEnv: NodeJS.ProcessEnv,
  run: { readonly command: string; readonly env: string; readonly dryRun: boolean },
): Promise<OpsTrace> {
  const url = tracesUrl(processEnv);
  if (url === undefined) return NO_TRACE;
  const [api, sdk, resources, otlp] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/exporter-trace-otlp-http'),
  ]);
  const failures: string[] = [];
  const exporter = reportingExporter(new otlp.OTLPTraceExporter({ url }), failures);
  const provider = new sdk.BasicTracerProvider({
    resource: resources.resourceFromAttributes({
      'service.name': 'skillforge-ops',
      'deployment.environment.name': run.env,
    }),
    spanProcessors: [new sdk.BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('skillforge-ops');
  const common = {
    'skillforge.command': run.command,
    'skillforge.env': run.env,
    'skillforge.dry_run': run.dryRun,
  };
  const root = tracer.startSpan(run.command, { attributes: common });
  const parent = api.trace.setSpan(api.context.active(), root);
  const close = (span: Span, ok: boolean, error?: string): void => {
    span.setStatus(ok ? { code: api.SpanStatusCode.OK } : { code: api.SpanStatusCode.ERROR, message: error });
    span.end();
  };
  return {
    traceId: root.spanContext().traceId,
    startStep(step, attributes) {
      const span = tracer.startSpan(step, { attributes: { ...common, ...attributes } }, parent);
      return { end: (outcome) => close(span, outcome.ok, outcome.ok ? undefined : outcome.error) };
    },
    async finish(ok) {
      close(root, ok);
      // A collector that is down must not fail the operation the trace describes. The flush rejects with the
      // error the exporter already recorded, so it is noted once.
      const note = (error: unknown) => {
        if (failures.length === 0) failures.push(error instanceof Error ? error.message : String(error));
      };
      await provider.forceFlush().catch(note);
      await provider.shutdown().catch(note);
      return failures.length === 0 ? undefined : [...new Set(failures)].join('; ');
    },
  };
}

// forceFlush resolves even when the collector is down (the SDK hands the error to its own global handler), so the
// exporter is wrapped to learn each batch's outcome and tell the operator that the trace is missing.
function reportingExporter(inner: SpanExporter, failures: string[]): SpanExporter {
  return {
    export: (spans, done) =>
      inner.export(spans, (result) => {
        if (result.code !== 0) failures.push(result.error?.message ?? 'OTLP export failed');
        done(result);
      }),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
