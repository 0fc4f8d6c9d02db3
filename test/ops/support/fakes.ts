// Recording stand-ins for the executor, the cluster and HTTP, for tests of a procedure's control flow (what runs
// after a failure, what a gate refuses). They prove the order and content of the calls, never a tool's success.
import type { JsonObject, KubeActions, ObjectRef } from '../../../scripts/ops/kubernetes/client';
import type { ExecResult, Executor } from '../../../scripts/ops/runner/exec';

export type Reply = Partial<ExecResult> | ((argv: readonly string[]) => Partial<ExecResult>);

/** Answers each command line with the first rule whose pattern matches it (joined with spaces). */
export class ScriptedExecutor implements Executor {
  readonly calls: string[] = [];

  constructor(private readonly rules: readonly (readonly [RegExp, Reply])[]) {}

  async run(argv: readonly string[]): Promise<ExecResult> {
    const line = argv.join(' ');
    this.calls.push(line);
    const rule = this.rules.find(([pattern]) => pattern.test(line));
    if (rule === undefined) throw new Error(`unscripted command: ${line}`);
    const reply = typeof rule[1] === 'function' ? rule[1](argv) : rule[1];
    return { code: 0, stdout: '', stderr: '', ...reply };
  }
}

export type KubeCall =
  | { readonly call: 'scale'; readonly namespace: string; readonly name: string; readonly replicas: number }
  | { readonly call: 'job'; readonly namespace: string; readonly cronJob: string; readonly job: string }
  | { readonly call: 'patch'; readonly ref: ObjectRef; readonly patch: JsonObject }
  | { readonly call: 'apply'; readonly object: JsonObject };

export class RecordingKube implements KubeActions {
  readonly calls: KubeCall[] = [];

  constructor(private readonly reader: (ref: ObjectRef) => JsonObject | undefined = () => undefined) {}

  async scaleDeployment(namespace: string, name: string, replicas: number): Promise<void> {
    this.calls.push({ call: 'scale', namespace, name, replicas });
  }
  async createJobFromCronJob(namespace: string, cronJob: string, job: string): Promise<void> {
    this.calls.push({ call: 'job', namespace, cronJob, job });
  }
  async mergePatch(ref: ObjectRef, patch: JsonObject): Promise<void> {
    this.calls.push({ call: 'patch', ref, patch });
  }
  async applyServerSide(object: JsonObject): Promise<void> {
    this.calls.push({ call: 'apply', object });
  }
  async read(ref: ObjectRef): Promise<JsonObject | undefined> {
    return this.reader(ref);
  }
}

/** A Prometheus query API answering each query from `answer` (undefined: no data). */
export function prometheus(answer: (query: string) => number | undefined): typeof fetch {
  return (async (input: string | URL | Request) => {
    const query = new URL(String(input)).searchParams.get('query') ?? '';
    const value = answer(query);
    const result = value === undefined ? [] : [{ metric: {}, value: [0, String(value)] }];
    return new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  }) as typeof fetch;
}
