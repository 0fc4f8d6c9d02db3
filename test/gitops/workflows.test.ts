// The GitHub Actions workflows implement runbook §2.1 for this repository. They are checked with GitHub's own
// parser and held to the model: the environments they plan and deploy are the registry's, with the model's
// roles, regions, GitHub environments and hosts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { appHost, CI_ROLE_PURPOSE, iamRoleArn, PLAN_ROLE_PURPOSE } from '../../constructs/contracts';
import {
  allSteps,
  type Job,
  loadWorkflow,
  pinningProblems,
  readWorkflow,
  repoRoot,
  usesReferences,
  type Workflow,
  workflowErrors,
  workflowFiles,
} from './workflows';

const TIER_ORDER = ['development', 'staging', 'production'];
const envs = [...loadRegistry().values()];
const deliveryOrder = [...envs].sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
const files = workflowFiles();

describe('GitHub Actions workflows', () => {
  it('are the ones runbook §2.1 asks for, and the scanners on pull requests (docs/scanners.md)', () => {
    expect(files).toEqual([
      'deploy-environment.yml',
      'deploy.yml',
      'plan.yml',
      'review.yml',
      'scan.yml',
      'validate.yml',
    ]);
  });

  it.each(files)('%s passes GitHub’s workflow parser', async (file) => {
    expect(await workflowErrors(file, readWorkflow(file))).toEqual([]);
  });

  it('fails when a workflow is invalid, naming the file and line', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-24.04',
      '    permisions: {}',
      '    steps:',
      '      - run: echo ${{ github.sha( }}',
    ].join('\n');
    expect(await workflowErrors('broken.yml', broken)).toEqual([
      "broken.yml (Line: 5, Col: 5): Unexpected value 'permisions'",
      "broken.yml (Line: 7, Col: 14): Unexpected symbol: '('",
    ]);
  });

  it('pin every action to a full commit SHA', () => {
    const references = files.flatMap((file) => usesReferences(file, readWorkflow(file)));
    expect(references.length).toBeGreaterThan(10);
    expect(pinningProblems(references)).toEqual([]);
  });

  it('fails when an action is pinned to a tag', () => {
    const workflow = 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./local\n';
    expect(pinningProblems(usesReferences('x.yml', workflow))).toEqual([
      'x.yml:4: actions/checkout@v4 is not pinned to a full 40-character commit SHA',
    ]);
  });

  it('grant id-token: write only to jobs that assume an AWS role or sign provenance, never workflow-wide', () => {
    const problems = files.flatMap((file) => {
      const workflow = loadWorkflow(file);
      const global =
        workflow.permissions?.['id-token'] === 'write' ? [`${file}: workflow-wide id-token`] : [];
      return [
        ...global,
        ...Object.entries(workflow.jobs)
          .filter(([, job]) => (job.permissions?.['id-token'] === 'write') !== needsOidc(job))
          .map(([name]) => `${file}: job ${name}`),
      ];
    });
    expect(problems).toEqual([]);
    expect(files.filter((file) => Object.values(loadWorkflow(file).jobs).some(needsOidc))).toEqual([
      'deploy-environment.yml',
      'deploy.yml',
      'plan.yml',
    ]);
  });

  it('set least-privilege permissions at the top of every workflow', () => {
    expect(files.map((file) => [file, loadWorkflow(file).permissions])).toEqual(
      files.map((file) => [file, { contents: 'read' }]),
    );
  });

  it('never interpolate event data into a shell script (script injection)', () => {
    const runs = files.flatMap((file) => allSteps(loadWorkflow(file)).flatMap((step) => step.run ?? []));
    expect(runs.filter((run) => /\$\{\{[^}]*(github\.event|github\.head_ref|inputs\.)/.test(run))).toEqual(
      [],
    );
  });

  it('only run npm scripts that package.json defines', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    const used = files.flatMap((file) =>
      allSteps(loadWorkflow(file)).flatMap((step) =>
        [...(step.run ?? '').matchAll(/npm run (?:--silent )?([a-z-]+)/g)].map((match) => match[1]!),
      ),
    );
    expect(new Set(used)).toEqual(
      new Set(['lint', 'synth', 'review', 'plan', 'deploy', 'deploy-app', 'weekly-health-check']),
    );
    expect(used.filter((script) => !scripts.includes(script))).toEqual([]);
  });
});

describe('validate.yml', () => {
  const workflow = loadWorkflow('validate.yml');
  const job = workflow.jobs.validate!;

  it("runs the README's test command verbatim, as root on Debian with the .nvmrc Node.js", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('## How it fits together'),
    );
    const testCommand = [...quickStart.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]!)[1];
    expect(testCommand).toContain('npm test');
    expect(job.steps?.map((step) => step.run)).toContain(testCommand);
    const nodeMajor = readFileSync(join(repoRoot, '.nvmrc'), 'utf8').trim();
    expect(job.container).toBe(`node:${nodeMajor}-bookworm`);
  });

  it('fails when deploy/ differs from a fresh render, untracked files included', () => {
    const run = job.steps?.find((step) => step.run?.includes('npm run synth'))?.run ?? '';
    expect(run).toContain('git diff --exit-code -- deploy');
    expect(run).toContain('test -z "$(git status --porcelain -- deploy)"');
  });

  it('runs on every pull request with the full history the promotion test reads', () => {
    expect(Object.keys(readWorkflowTriggers('validate.yml'))).toContain('pull_request');
    expect(job.steps?.[0]?.with?.['fetch-depth']).toBe(0);
  });
});

describe('review.yml', () => {
  const steps = loadWorkflow('review.yml').jobs.review!.steps ?? [];
  const review = steps.find((step) => step.id === 'review');

  it('renders the synthesized diff against the pull request’s base branch', () => {
    expect(review?.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(review?.run).toContain('npm run --silent review -- --base "origin/${BASE_REF}"');
  });

  it('updates one sticky comment and fails the check when the review exits non-zero', () => {
    const comment = steps.find((step) => step.uses?.startsWith('actions/github-script@'));
    expect(comment?.with?.script).toMatch(/updateComment[\s\S]*createComment/);
    const fail = steps.at(-1);
    expect(fail?.if).toBe("steps.review.outputs.exit-code != '0'");
    expect(fail?.run).toContain('exit "${EXIT_CODE}"');
  });
});

describe('plan.yml', () => {
  it('plans every environment on pull requests with its read-only plan role, never in a GitHub environment', () => {
    const workflow = loadWorkflow('plan.yml');
    const job = workflow.jobs.plan!;
    expect(job.strategy?.matrix?.include).toEqual(
      envs.map((env) => ({
        environment: env.name,
        'aws-region': env.aws.region,
        'role-arn': iamRoleArn(env, PLAN_ROLE_PURPOSE),
      })),
    );
    // The plan role trusts only repo:<repository>:pull_request, the subject of a job with no environment
    // (constructs/aws/github-plan-role.ts); naming production's environment would also expose its secrets.
    expect(job.environment).toBeUndefined();
    expect(Object.keys(workflow.on ?? {})).toEqual(['pull_request']);
    // The plan role may not write the state lock.
    expect(job.env?.['TF_CLI_ARGS_plan']).toBe('-lock=false');
    const credentials = job.steps?.find((step) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(credentials?.with?.['role-to-assume']).toBe('${{ matrix.role-arn }}');
    expect(job.steps?.map((step) => step.run).filter(Boolean)).toContain(
      'npm run plan -- --env "${ENVIRONMENT}" --json-dir "${RUNNER_TEMP}/plans"',
    );
    expect(job.steps?.at(-1)?.with?.name).toBe('plans-${{ matrix.environment }}');
  });

  it("feeds every environment's plans into the review comment on a pull request", () => {
    const job = loadWorkflow('plan.yml').jobs.review!;
    expect(job.needs).toBe('plan');
    expect(job.if).toBe("${{ !cancelled() && github.event_name == 'pull_request' }}");
    const review = job.steps?.find((step) => step.id === 'review');
    expect(review?.run).toContain('plans+=(--plan "${plan}")');
    expect(review?.run).toContain('npm run --silent review -- --base "origin/${BASE_REF}" "${plans[@]}"');
    expect(job.steps?.at(-1)?.if).toBe("steps.review.outputs.exit-code != '0'");
  });
});

describe('deploy.yml', () => {
  const deploy = loadWorkflow('deploy.yml');

  it('delivers every registered environment in tier order: development → staging → production', () => {
    const chain = Object.entries(deploy.jobs).map(([name, job]) => [name, job.needs ?? null]);
    expect(chain).toEqual(
      deliveryOrder.map((env, index) => [env.name, deliveryOrder[index - 1]?.name ?? null]),
    );
  });

  it('passes each environment its model values: GitHub environment, region, CI role, host and retention', () => {
    expect(Object.values(deploy.jobs).map((job) => job.with)).toEqual(
      deliveryOrder.map((env) => ({
        environment: env.name,
        'github-environment': env.ci.githubEnvironment,
        'aws-region': env.aws.region,
        'role-arn': iamRoleArn(env, CI_ROLE_PURPOSE),
        'app-host': appHost(env),
        'retention-days': env.registry.imageRetentionDays,
      })),
    );
  });

  it('gates each environment on its GitHub environment and publishes attested provenance before deploying', () => {
    const job = loadWorkflow('deploy-environment.yml').jobs.deploy!;
    expect(job.environment).toEqual({
      name: '${{ inputs.github-environment }}',
      url: 'https://${{ inputs.app-host }}/',
    });
    const order = (job.steps ?? []).map((step) => step.uses?.split('@')[0] ?? step.run?.split(' -- ')[0]);
    const at = (what: string) => order.indexOf(what);
    expect(at('actions/attest-build-provenance')).toBeGreaterThan(-1);
    expect(at('actions/attest-build-provenance')).toBeLessThan(at('npm run deploy'));
    expect(at('npm run deploy')).toBeLessThan(at('npm run deploy-app'));
    expect(at('npm run deploy-app')).toBeLessThan(at('npm run weekly-health-check'));
    const production = deliveryOrder.filter((env) => env.tier === 'production');
    expect(production.map((env) => env.gitops.automatedSync)).toEqual(production.map(() => false));
  });
});

/** A job needs an OIDC token when it assumes an AWS role, signs provenance, or calls a workflow that does. */
function needsOidc(job: Job): boolean {
  if (job.uses?.startsWith('./.github/workflows/')) {
    const called: Workflow = loadWorkflow(job.uses.slice('./.github/workflows/'.length));
    return Object.values(called.jobs).some(needsOidc);
  }
  return (job.steps ?? []).some(
    (step) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@') ||
      step.uses?.startsWith('actions/attest-build-provenance@'),
  );
}

function readWorkflowTriggers(file: string): Record<string, unknown> {
  return (loadWorkflow(file) as unknown as { on: Record<string, unknown> }).on;
}
