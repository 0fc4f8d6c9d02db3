// The steps plan.yml adds to feed its plans into the review comment: each environment's plan JSON kept as an
// artifact, and a job that runs `npm run review -- --plan …` with all of them on a pull request (docs/review.md,
// "Terraform plans"). Kept apart from workflows.ts so the plan job's role and environment can change on their own.

/** Third-party actions these steps use, pinned to full commit SHAs (with the release, written as a comment). */
export const PLAN_REVIEW_ACTIONS = {
  uploadArtifact: ['actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02', 'v4.6.2'],
  downloadArtifact: ['actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093', 'v4.3.0'],
  githubScript: ['actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea', 'v7.0.1'],
} as const;

/** Each environment's plan JSON, kept for the review job. */
export const planArtifactSteps = () => [
  {
    uses: PLAN_REVIEW_ACTIONS.uploadArtifact[0],
    with: {
      name: 'plans-${{ matrix.environment }}',
      path: '${{ runner.temp }}/plans',
      'retention-days': 7,
      'if-no-files-found': 'error',
    },
  },
];

// The review comment from the plans: the same sticky comment as review.yml (which renders without plans, for
// forks and before the plans finish), marked with the commit its plans belong to so review.yml does not overwrite it.
const PLAN_REVIEW_SCRIPT = `set +e
shopt -s nullglob
plans=()
for plan in "\${RUNNER_TEMP}"/plans/*.json; do plans+=(--plan "\${plan}"); done
npm run --silent review -- --base "origin/\${BASE_REF}" "\${plans[@]}" > "\${RUNNER_TEMP}/review.md"
code=$?
set -e
echo "exit-code=\${code}" >> "$GITHUB_OUTPUT"
`;

const PLAN_COMMENT_SCRIPT = `const fs = require('node:fs');
const marker = '<!-- skillforge-review -->';
const runUrl = \`\${context.serverUrl}/\${context.repo.owner}/\${context.repo.repo}/actions/runs/\${context.runId}\`;
const text =
  process.env.EXIT_CODE === '1'
    ? \`⚠️ The review with terraform plans could not run for \${context.sha.slice(0, 7)}: see the [job log](\${runUrl}).\`
    : fs.readFileSync(process.env.REVIEW_FILE, 'utf8');
const body = \`\${marker}\\n<!-- skillforge-review:plans:\${context.sha} -->\\n\${text}\`;
const issue = { owner: context.repo.owner, repo: context.repo.repo, issue_number: context.issue.number };
const comments = await github.paginate(github.rest.issues.listComments, issue);
const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(marker));
if (mine) {
  await github.rest.issues.updateComment({ ...issue, comment_id: mine.id, body });
} else {
  await github.rest.issues.createComment({ ...issue, body });
}
`;

export const planReviewJob = (actions: { readonly checkout: string; readonly setupNode: string }) => ({
  name: 'review with the plans',
  needs: 'plan',
  // The plans of the environments that planned, even when another environment's plan failed.
  if: "${{ !cancelled() && github.event_name == 'pull_request' }}",
  'runs-on': 'ubuntu-24.04',
  'timeout-minutes': 20,
  permissions: { contents: 'read', 'pull-requests': 'write' },
  steps: [
    { uses: actions.checkout, with: { 'fetch-depth': 0 } },
    { uses: actions.setupNode, with: { 'node-version-file': '.nvmrc', cache: 'npm' } },
    { run: 'npm ci' },
    {
      uses: PLAN_REVIEW_ACTIONS.downloadArtifact[0],
      with: { pattern: 'plans-*', path: '${{ runner.temp }}/plans', 'merge-multiple': true },
    },
    {
      name: 'Review with the terraform plans',
      id: 'review',
      env: { BASE_REF: '${{ github.base_ref }}' },
      run: PLAN_REVIEW_SCRIPT,
    },
    {
      name: 'Post or update the review comment',
      if: 'github.event.pull_request.head.repo.full_name == github.repository',
      uses: PLAN_REVIEW_ACTIONS.githubScript[0],
      env: {
        EXIT_CODE: '${{ steps.review.outputs.exit-code }}',
        REVIEW_FILE: '${{ runner.temp }}/review.md',
      },
      with: { script: PLAN_COMMENT_SCRIPT },
    },
    {
      name: 'Fail on an unacknowledged destructive change or a review error',
      if: "steps.review.outputs.exit-code != '0'",
      env: { EXIT_CODE: '${{ steps.review.outputs.exit-code }}' },
      run: 'exit "${EXIT_CODE}"',
    },
  ],
});
