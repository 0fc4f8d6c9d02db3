// Evaluation and the report on fixtures: how evidence, recorded reasons and applicability become statuses, and
// each failing condition of the traceability with one passing and one failing example.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { catalogue } from '../../scripts/nfr/catalogue';
import { evaluate, type NfrReport } from '../../scripts/nfr/evaluate';
import { staleAwaiting, traceabilityFailures } from '../../scripts/nfr/failures';
import { alignedTable } from '../../scripts/nfr/markdown-table';
import { reportMarkdown, summaryTable } from '../../scripts/nfr/report-markdown';
import { type RenderedFile, jsonFile, yamlFile } from '../../constructs/contracts/rendered-file';

const registry = loadRegistry();
const prod = registry.get('prod')!;
const dev = registry.get('dev')!;
const hpaEntry = catalogue.find((entry) => entry.id === 'hpa-cpu-target')!;
const rpoEntry = catalogue.find((entry) => entry.id === 'rpo')!;
const readCapacity = catalogue.find((entry) => entry.id === 'postgres-read-capacity')!;

const tagged = (path: string, name: string, nfr: string): RenderedFile =>
  yamlFile(path, {
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: 'api', annotations: { 'skillforge.io/nfr': nfr } },
  });
const hpa = tagged('k8s/api/HorizontalPodAutoscaler.search-api.yaml', 'search-api', 'hpa-cpu-target');
const row = (report: NfrReport, id: string) => report.rows.find((r) => r.entry.id === id)!;

describe('NFR evaluation', () => {
  it('calls a promise enforced when an artifact is tagged with its id, and lists the artifact', () => {
    const report = evaluate(prod, [hpa], { catalogue: [hpaEntry], awaiting: {} });
    expect(row(report, 'hpa-cpu-target')).toMatchObject({
      outcome: 'enforced',
      value: '60 %',
      conforms: true,
      enforcing: [
        { nfr: 'hpa-cpu-target', file: hpa.path, object: 'HorizontalPodAutoscaler api/search-api' },
      ],
      supporting: [],
    });
    expect(traceabilityFailures(report)).toEqual([]);
  });

  it('fails when an enforced promise has no artifact and no recorded reason', () => {
    const report = evaluate(prod, [], { catalogue: [hpaEntry], awaiting: {} });
    expect(row(report, 'hpa-cpu-target').outcome).toBe('unexplained-gap');
    expect(traceabilityFailures(report)).toEqual([
      'prod: hpa-cpu-target (§1.1) is enforced in the catalogue, but no rendered artifact of a kind that enforces it is tagged with it, and scripts/nfr/awaiting-evidence.ts records no reason',
    ]);
  });

  it('fails when a partially enforced promise has no artifact and no recorded reason', () => {
    const report = evaluate(prod, [], { catalogue: [rpoEntry], awaiting: {} });
    expect(traceabilityFailures(report)).toEqual([
      'prod: rpo (§1.3) is partially-enforced in the catalogue, but no rendered artifact of a kind that enforces it is tagged with it, and scripts/nfr/awaiting-evidence.ts records no reason',
    ]);
  });

  it('shows a recorded reason as "evidence missing" and does not fail on it', () => {
    const awaiting = {
      'hpa-cpu-target': { layer: 'kubernetes', what: 'the HorizontalPodAutoscalers' },
    } as const;
    const report = evaluate(prod, [], { catalogue: [hpaEntry], awaiting });
    expect(row(report, 'hpa-cpu-target')).toMatchObject({
      outcome: 'evidence-missing',
      explanation: 'no tagged artifact yet: the kubernetes layer should tag the HorizontalPodAutoscalers',
    });
    expect(traceabilityFailures(report)).toEqual([]);
  });

  it('does not expect evidence where a promise does not apply, and says why', () => {
    const report = evaluate(dev, [], { catalogue: [readCapacity], awaiting: {} });
    expect(row(report, 'postgres-read-capacity')).toMatchObject({
      applies: false,
      outcome: 'not-applicable',
      explanation: readCapacity.appliesWhen!.otherwise,
    });
    expect(traceabilityFailures(report)).toEqual([]);
    expect(
      row(evaluate(prod, [], { catalogue: [readCapacity], awaiting: {} }), 'postgres-read-capacity').outcome,
    ).toBe('unexplained-gap');
  });

  it('fails when an artifact is tagged with an id the catalogue does not know', () => {
    const report = evaluate(
      prod,
      [hpa, tagged('k8s/api/HorizontalPodAutoscaler.x.yaml', 'x', 'hpa-cpu-targt')],
      {
        catalogue: [hpaEntry],
        awaiting: {},
      },
    );
    expect(traceabilityFailures(report)).toEqual([
      'prod: k8s/api/HorizontalPodAutoscaler.x.yaml: HorizontalPodAutoscaler api/x is tagged with "hpa-cpu-targt", which is not an id of the NFR catalogue (scripts/nfr/catalogue)',
    ]);
  });

  it('fails on a recorded reason that no longer holds', () => {
    const awaiting = {
      'hpa-cpu-target': { layer: 'kubernetes', what: 'the HorizontalPodAutoscalers' },
      rpo: { layer: 'terraform', what: 'the database' },
    } as const;
    const reports = [prod, dev].map((env) =>
      evaluate(env, [hpa], { catalogue: [hpaEntry, rpoEntry], awaiting }),
    );
    expect(staleAwaiting(reports, awaiting)).toEqual([
      'hpa-cpu-target has tagged artifacts in every environment where it applies: delete its entry from scripts/nfr/awaiting-evidence.ts',
    ]);
    const oncall = { 'oncall-p1-response': { layer: 'observability', what: 'Alertmanager' } } as const;
    expect(staleAwaiting([evaluate(prod, [], { awaiting: oncall })], oncall)).toEqual([
      'oncall-p1-response is not expected to be enforced: delete its entry from scripts/nfr/awaiting-evidence.ts',
    ]);
  });

  it('marks a model value that breaks the runbook promise', () => {
    const entry = catalogue.find((e) => e.id === 'search-latency-p95')!;
    const slow = {
      ...prod,
      services: { ...prod.services, 'search-api': { ...prod.services['search-api']!, latencyP95Ms: 400 } },
    };
    const markdown = reportMarkdown(evaluate(slow, [], { catalogue: [entry], awaiting: {} }));
    expect(markdown).toContain(
      '| `search-latency-p95` | 1.3, 4.5 | search P95 ≤ 350 ms | 400 ms (differs from the runbook) | none |',
    );
  });
});

describe('NFR report markdown', () => {
  const files = [
    hpa,
    jsonFile('terraform/prod-data/cdk.tf.json', {}),
    jsonFile('terraform/nfr-provenance.json', [
      { nfr: 'rpo', file: 'prod-data/cdk.tf.json', object: 'aws_db_instance.primary' },
    ]),
  ];

  it('is the same whatever order the layers rendered their files in', () => {
    expect(reportMarkdown(evaluate(prod, [...files].reverse()))).toBe(reportMarkdown(evaluate(prod, files)));
  });

  it('lists each artifact with its file, says what a partial enforcement misses, and links decision records', () => {
    const markdown = reportMarkdown(evaluate(prod, files));
    expect(markdown).toContain(
      `| \`rpo\` | 1.3 | RPO 15 min | 15 min | \`terraform/prod-data/cdk.tf.json\` aws_db_instance.primary | partially enforced: ${(rpoEntry.enforcement as { missing: string }).missing} |`,
    );
    expect(markdown).toContain('([decision](../../docs/decisions/');
    expect(markdown).toMatch(/^# NFR traceability: prod\n/);
  });

  it('counts every promise exactly once in the summary', () => {
    const report = evaluate(prod, files);
    const counts = [...summaryTable(report).matchAll(/^\| [a-z ]+ +\| (\d+) /gm)].map((match) =>
      Number(match[1]),
    );
    expect(counts.at(-1)).toBe(catalogue.length);
    expect(counts.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(catalogue.length);
  });

  it('lists provenance problems when there are any', () => {
    const markdown = reportMarkdown(evaluate(prod, [jsonFile('observability/nfr-provenance.json', {})]));
    expect(markdown).toContain(
      '## Provenance problems\n\n- `observability/nfr-provenance.json`: expected a JSON list of { nfr, file, object }\n',
    );
  });

  it('pads tables the way Prettier formats Markdown, and escapes pipes', () => {
    expect(alignedTable(['a', 'long header'], [['x|y', '1']])).toBe(
      ['| a    | long header |', '| ---- | ----------- |', '| x\\|y | 1           |'].join('\n'),
    );
    expect(() => alignedTable(['≤'], [])).toThrow('aligned table cells must be ASCII: ≤');
  });
});

describe('enforcing and supporting evidence', () => {
  const dashboardOnly = jsonFile('observability/nfr-provenance.json', [
    { nfr: 'search-min-replicas', file: 'dashboards/api.json', object: 'dashboard api' },
  ]);
  const files = [jsonFile('observability/dashboards/api.json', {}), dashboardOnly];
  const minReplicas = catalogue.find((entry) => entry.id === 'search-min-replicas')!;

  it('fails when a promise is only shown, not enforced (a dashboard panel does not keep a replica floor)', () => {
    const report = evaluate(prod, files, { catalogue: [minReplicas], awaiting: {} });
    expect(row(report, 'search-min-replicas')).toMatchObject({
      outcome: 'unexplained-gap',
      enforcing: [],
      supporting: [
        { nfr: 'search-min-replicas', file: 'observability/dashboards/api.json', object: 'dashboard api' },
      ],
      explanation: 'no kubernetes artifact is tagged with this id, and no reason is recorded',
    });
    expect(reportMarkdown(report)).toContain(
      '| supporting: `observability/dashboards/api.json` dashboard api |',
    );
  });
});
