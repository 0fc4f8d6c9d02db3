// `npm run report -- --env <name> [--summary]`: prints that environment's NFR traceability report, rendered in
// memory exactly as `npm run synth` would write deploy/<env>/nfr-report.md (never read back from disk, which may
// be stale). --summary prints only the status table, the one the README's Compliance section carries.
import { loadRegistry } from '../../environments';
import { evaluate } from '../nfr/evaluate';
import { NFR_REPORT_PATH } from '../nfr/report';
import { summaryTable } from '../nfr/report-markdown';
import { renderEnvironment } from '../render/synthesize';
import { envOption, environmentsFrom, parseOptions } from './args';
import type { Command } from './io';

export const report: Command = async (argv, io) => {
  const options = parseOptions('report', argv, {
    env: envOption(true),
    summary: { type: 'boolean', description: 'print only the summary table' },
  });
  const [name] = environmentsFrom('report', options.env);
  const env = loadRegistry().get(name!)!;
  const files = await renderEnvironment(env);
  if (options.summary) {
    const earlier = files.filter((rendered) => rendered.path !== NFR_REPORT_PATH);
    io.stdout.write(`${summaryTable(evaluate(env, earlier))}\n`);
    return 0;
  }
  const file = files.find((rendered) => rendered.path === NFR_REPORT_PATH);
  if (!file) throw new Error(`the render of ${env.name} produced no ${NFR_REPORT_PATH}`);
  io.stdout.write(file.content);
  return 0;
};
