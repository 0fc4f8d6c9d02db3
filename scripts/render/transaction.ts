// Replaces several folders and files as one change. Everything new is first written into a staging folder
// (deploy/.render-*); a journal listing every replacement is written before the first rename; then each target is
// parked inside the staging folder and its new content renamed into place. If any rename fails, the ones already
// done are undone, so the tree is entirely old. If the process dies mid-way, the journal lets the next command
// (recoverInterruptedSynth, run first by every command) put the previous tree back, or finish the cleanup when
// every replacement had been made: old or new, never a mix.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export const STAGING_PREFIX = '.render-';
const JOURNAL = 'journal.json';

export interface Replacement {
  /** Absolute path of the folder or file to replace (on the staging folder's filesystem). */
  readonly target: string;
  /** Absolute path of the new content inside the staging folder; absent removes the target. */
  readonly fresh?: string;
}

interface JournalEntry extends Replacement {
  readonly parked: string;
  readonly existed: boolean;
}

interface Journal {
  readonly pid: number;
  readonly state: 'swapping' | 'committed';
  readonly entries: readonly JournalEntry[];
}

/** A point of the transaction, for the fault-injection tests that kill synth there. */
export type TransactionStep = 'staged' | `parked:${number}` | `swapped:${number}` | 'committed';

export class ReplaceError extends Error {
  override readonly name = 'ReplaceError';
  /** What the filesystem said, e.g. "EACCES: permission denied". */
  readonly detail: string;
  constructor(
    readonly target: string,
    reason: NodeJS.ErrnoException,
  ) {
    const detail = `${reason.code ?? 'error'}: ${reason.message.replace(/^\w+: /, '').split(',')[0]}`;
    super(`cannot replace ${target} (${detail})`);
    this.detail = detail;
  }
}

export async function openStaging(parent: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, STAGING_PREFIX));
  await writeJournal(staging, { pid: process.pid, state: 'swapping', entries: [] });
  return staging;
}

/** Swaps every replacement in, or none; removes the staging folder either way. */
export async function replaceAll(
  staging: string,
  replacements: readonly Replacement[],
  atStep: (step: TransactionStep) => Promise<void> = async () => undefined,
): Promise<void> {
  const entries: JournalEntry[] = replacements.map((replacement, index) => ({
    ...replacement,
    parked: join(staging, 'previous', String(index)),
    existed: existsSync(replacement.target),
  }));
  await mkdir(join(staging, 'previous'), { recursive: true });
  await writeJournal(staging, { pid: process.pid, state: 'swapping', entries });
  await atStep('staged');
  const done: JournalEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    try {
      if (entry.existed) await rename(entry.target, entry.parked);
      await atStep(`parked:${index}`);
      if (entry.fresh !== undefined) {
        await mkdir(dirname(entry.target), { recursive: true });
        await rename(entry.fresh, entry.target);
      }
    } catch (error) {
      await undo([...done, entry]);
      await rm(staging, { recursive: true, force: true });
      throw new ReplaceError(entry.target, error as NodeJS.ErrnoException);
    }
    done.push(entry);
    await atStep(`swapped:${index}`);
  }
  await writeJournal(staging, { pid: process.pid, state: 'committed', entries });
  await atStep('committed');
  await rm(staging, { recursive: true, force: true });
}

/**
 * Finds staging folders left by a synth that died, and brings the tree back to one whole state: the previous one
 * while the journal says swapping, the new one once it says committed. Folders of a synth still running are left
 * alone. Returns one line per folder recovered.
 */
export async function recoverInterruptedSynth(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const report: string[] = [];
  for (const name of names.filter((entry) => entry.startsWith(STAGING_PREFIX)).sort()) {
    const staging = join(parent, name);
    const journal = await readJournal(staging);
    if (journal && journal.pid !== process.pid && isRunning(journal.pid)) continue;
    if (journal?.state === 'swapping' && journal.entries.length > 0) {
      await undo(journal.entries);
      const shown = journal.entries.map((entry) => relative(dirname(parent), entry.target));
      report.push(`${name}: put back the previous ${shown.join(', ')}`);
    } else {
      report.push(
        `${name}: removed (${journal?.state === 'committed' ? 'its render was complete' : 'nothing had been replaced'})`,
      );
    }
    await rm(staging, { recursive: true, force: true });
  }
  return report;
}

/** Reverses replacements, last first, judging each by what is on disk (the process may have died mid-entry). */
async function undo(entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of [...entries].reverse()) {
    const parked = existsSync(entry.parked);
    const freshUsed = entry.fresh === undefined || !existsSync(entry.fresh);
    if (parked) {
      await rm(entry.target, { recursive: true, force: true });
      await rename(entry.parked, entry.target);
    } else if (!entry.existed && freshUsed) {
      await rm(entry.target, { recursive: true, force: true });
    }
  }
}

async function writeJournal(staging: string, journal: Journal): Promise<void> {
  // Written aside and renamed, so a reader never sees half a journal.
  await writeFile(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
  await rename(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL));
}

async function readJournal(staging: string): Promise<Journal | undefined> {
  try {
    return JSON.parse(await readFile(join(staging, JOURNAL), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
