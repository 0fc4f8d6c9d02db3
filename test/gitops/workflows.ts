// Reads the GitHub Actions workflows the way GitHub does (its own parser, @actions/workflow-parser) and, for
// the structural checks, as YAML with line numbers so every finding names its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export const repoRoot = join(__dirname, '..', '..');
export const workflowsDir = join(repoRoot, '.github', 'workflows');

export const workflowFiles = (): string[] =>
  readdirSync(workflowsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();

export const readWorkflow = (file: string): string => readFileSync(join(workflowsDir, file), 'utf8');

type WorkflowParser = typeof import('@actions/workflow-parser');

// The parser's dist imports its schema JSON without `with { type: 'json' }` (it expects a bundler), which
// Node refuses and vitest leaves to Node; this loader hook adds the attribute to JSON imports.
const JSON_IMPORT_HOOK =
  'export async function load(url, context, next) { return next(url, url.endsWith(".json") ? ' +
  '{ ...context, importAttributes: { ...context.importAttributes, type: "json" } } : context); }';

let parser: Promise<WorkflowParser> | undefined;

function loadWorkflowParser(): Promise<WorkflowParser> {
  if (parser === undefined) {
    register(`data:text/javascript,${encodeURIComponent(JSON_IMPORT_HOOK)}`);
    parser = import('@actions/workflow-parser');
  }
  return parser;
}

/** GitHub's own validation of a workflow (schema, expressions, jobs), each error with file and line. */
export async function workflowErrors(file: string, content: string): Promise<string[]> {
  const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await loadWorkflowParser();
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return errors.length > 0 ? errors : [`${file}: not a workflow`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...new Set([...errors, ...(template.errors ?? []).map((error) => error.Message)])];
}

export interface Workflow {
  readonly file: string;
  /** Triggers by event name (`pull_request:` with no filters reads as null). */
  readonly on?: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

export interface Job {
  readonly permissions?: Record<string, string>;
  readonly container?: string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string; url?: string; deployment?: boolean };
  /** A reusable workflow this job calls, and its inputs. */
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly strategy?: { matrix?: { include?: Record<string, unknown>[] } };
  readonly env?: Record<string, string>;
  readonly steps?: Step[];
}

export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

export const loadWorkflow = (file: string): Workflow => ({
  file,
  ...(parseDocument(readWorkflow(file)).toJS() as Omit<Workflow, 'file'>),
});

export interface UsesReference {
  readonly file: string;
  readonly line: number;
  readonly value: string;
}

/** Every `uses:` of a workflow (steps and reusable-workflow jobs) with its line. */
export function usesReferences(file: string, content: string): UsesReference[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter });
  const references: UsesReference[] = [];
  const collect = (node: Node | null | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        const value = pair.value as (Node & { value?: unknown }) | null;
        if (key === 'uses' && value && typeof value.value === 'string' && value.range) {
          references.push({ file, line: lineCounter.linePos(value.range[0]).line, value: value.value });
        } else collect(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) collect(item as Node);
    }
  };
  collect(document.contents);
  return references;
}

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

/** Actions and reusable workflows of other repositories must name a full commit SHA; local paths are ours. */
export const pinningProblems = (references: readonly UsesReference[]): string[] =>
  references
    .filter(({ value }) => !value.startsWith('./') && !PINNED.test(value))
    .map(
      ({ file, line, value }) => `${file}:${line}: ${value} is not pinned to a full 40-character commit SHA`,
    );

export const allSteps = (workflow: Workflow): Step[] =>
  Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
