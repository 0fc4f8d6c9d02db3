#!/usr/bin/env node
// A stand-in for the terraform binary (not installed here): records "<cwd>|<args>|TF_DATA_DIR=<dir>" per call in
// $FAKE_TERRAFORM_LOG and answers the calls npm run plan|deploy makes. `init` writes the lock file terraform
// writes into the working folder; `plan -out=<file>` writes a plan file; `show -json <file>` prints a plan in
// Terraform's JSON output format (https://developer.hashicorp.com/terraform/internals/json-format) for the
// cdk.tf.json of the working folder: every resource a no-op, except the addresses in $FAKE_TERRAFORM_REPLACE
// (["delete","create"], replace_paths [["cidr_block"]]); `apply <file>` requires that plan file.
// $FAKE_TERRAFORM_FAIL=<step>:<stack> makes that step fail in that stack.
const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');

const [step, ...rest] = process.argv.slice(2);
const cwd = process.cwd();
appendFileSync(process.env.FAKE_TERRAFORM_LOG, `${cwd}|${process.argv.slice(2).join(' ')}|TF_DATA_DIR=${process.env.TF_DATA_DIR ?? ''}\n`);
if (process.env.FAKE_TERRAFORM_FAIL === `${step}:${basename(cwd)}`) {
  process.stderr.write(`Error: fake ${step} failure\n`);
  process.exit(1);
}

function planJson() {
  const document = JSON.parse(readFileSync(join(cwd, 'cdk.tf.json'), 'utf8'));
  const replaced = (process.env.FAKE_TERRAFORM_REPLACE ?? '').split(',').filter(Boolean);
  const changes = Object.entries(document.resource ?? {}).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => {
      const address = `${type}.${name}`;
      const replace = replaced.includes(address);
      return {
        address,
        mode: 'managed',
        type,
        name,
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: replace ? ['delete', 'create'] : ['no-op'],
          before: {},
          after: {},
          after_unknown: {},
          ...(replace ? { replace_paths: [['cidr_block']] } : {}),
        },
        ...(replace ? { action_reason: 'replace_because_cannot_update' } : {}),
      };
    }),
  );
  const aws = document.provider.aws[0];
  const expressions = { region: { constant_value: aws.region } };
  if (aws.allowed_account_ids) expressions.allowed_account_ids = { constant_value: aws.allowed_account_ids };
  if (aws.default_tags) expressions.default_tags = [{ tags: { constant_value: aws.default_tags[0].tags } }];
  return {
    format_version: '1.2',
    terraform_version: '1.10.5',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', expressions } }, root_module: {} },
  };
}

switch (step) {
  case 'version':
    process.stdout.write('{"terraform_version":"1.10.5","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}\n');
    break;
  case '-v':
    process.stdout.write('Terraform v1.10.5 on linux_amd64\n');
    break;
  case 'output':
    process.stdout.write('{}\n');
    break;
  case 'init':
    writeFileSync(join(cwd, '.terraform.lock.hcl'), '# fake lock file\n');
    break;
  case 'plan': {
    // `-out=<file>` (npm run plan|deploy) or `-out <file>` (the cdktf CLI).
    const inline = rest.find((arg) => arg.startsWith('-out='));
    const out = inline ? inline.slice('-out='.length) : rest[rest.indexOf('-out') + 1];
    writeFileSync(resolve(cwd, out), `fake plan of ${cwd}\n`);
    break;
  }
  case 'show':
    process.stdout.write(JSON.stringify(planJson()));
    break;
  case 'apply':
    if (!existsSync(rest[rest.length - 1])) {
      process.stderr.write(`Error: no plan file ${rest[rest.length - 1]}\n`);
      process.exit(1);
    }
    break;
}
