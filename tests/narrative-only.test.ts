import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, ExtractError } from '../src/index.js';

/** A volume of prose whose tables are published apart ends in a record, not a failure. */
const fixture = readFileSync(new URL('./fixtures/narrative-only-jiangsu-2019.txt', import.meta.url));

describe('narrative-only volumes', () => {
  it('should end in a document with no tables, a narrative_only note and the figures its prose states', async () => {
    const doc = await extract({ bytes: fixture, file: 'narrative.txt' });
    expect(doc.tables).toEqual([]);
    expect(doc.issues.filter((i) => i.kind === 'narrative_only')).toEqual([
      expect.objectContaining({ severity: 'info', message: expect.stringMatching(/^this volume prints no tables; its tables are published as a separate 公开表 volume/) }),
    ]);
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(doc.narrative!.map((s) => [s.statement, s.amount, s.at.line])).toEqual([
      ['expenditure_grand_total', 18330.37, 2],
      ['basic', 9312.9, 18],
      ['project', 6459.58, 20],
      ['current_income_total', 18330.37, 31],
      ['current_expenditure_total', 18330.37, 39],
    ]);
  });

  it('should still fail with no_budget_table on text that is neither a budget table nor budget prose', async () => {
    const prose = Buffer.from('会议纪要\n本次会议讨论了办公用房调整事宜，与会人员一致同意。\n下次会议时间另行通知，请各位准时参加。\n');
    await expect(extract({ bytes: prose, file: 'minutes.txt' })).rejects.toMatchObject({ code: 'no_budget_table' } satisfies Partial<ExtractError>);
  });
});
