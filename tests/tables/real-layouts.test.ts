import { describe, expect, it } from 'vitest';
import { columnsByPosition, columnsByWords } from '../../src/tables/header.js';
import { extractFixture, fixture, tableOf, valuesOf } from '../helpers.js';
import { rowOf, tokensOf } from '../../src/tables/rows.js';
import type { Line } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';

// Layouts of real disclosures from regions the seeds do not cover (fixtures cut from
// ../shared/corpus/real-pdfs with scripts/dump-lines.mjs --tsv).

describe('real layouts: Shanghai', () => {
  it('reads a header row whose top label reads like a title (项目 | 收入预算) as header, not as a new table', async () => {
    const doc = await extractFixture('real-shanghai-summary.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['summary', 'income']);
    const income = tableOf(doc, 'income');
    expect(valuesOf(income, '2080501')).toMatchObject({ total: 4109920 });
    expect(valuesOf(income, 'total')).toMatchObject({ total: 171915169 });
  });

  it('finds the rows of a 元 table whose amounts print thousands separators and no decimals', async () => {
    const t = tableOf(await extractFixture('real-shanghai-summary.txt'), 'summary');
    expect(t.rows.length).toBeGreaterThan(5);
  });

  it('puts a heading carrying its own amount (一、财政拨款收入) in subtotals, its numbered parts in rows', async () => {
    const t = tableOf(await extractFixture('real-shanghai-summary.txt'), 'summary');
    expect(valuesOf(t, 'general_budget')).toEqual({ amount: 171915169 });
    expect(t.rows.some((r) => r.key === 'appropriation')).toBe(false);
    expect(t.subtotals?.find((r) => r.key === 'appropriation')?.values).toEqual({ amount: 171915169 });
  });

  it('reads 人员经费 / 公用经费 / 项目支出 printed beside a summary line by the header word above each number', async () => {
    const t = tableOf(await extractFixture('real-shanghai-summary.txt'), 'summary');
    expect(valuesOf(t, '201')).toEqual({ amount: 127886849, personnel: 60330260, public: 24531459, project: 43025130 });
    expect(valuesOf(t, '221')).toEqual({ amount: 21800000, personnel: 21800000 });
    expect(valuesOf(t, 'expenditure_grand_total')).toEqual({ amount: 171915169, personnel: 102464260, public: 25177779, project: 44273130 });
  });
});

describe('real layouts: Jiangsu', () => {
  it('reads an income table listing its sources down the rows: 收入总计 is the total, sources keyed as lines', async () => {
    const t = tableOf(await extractFixture('real-jiangsu-single-rows.txt'), 'income');
    expect(valuesOf(t, 'total')).toEqual({ total: 24458.43 });
    expect(valuesOf(t, 'general_budget')).toEqual({ total: 24458.43 });
  });

  it('takes the single row of amounts of a 支出预算总表 for its total row', async () => {
    const t = tableOf(await extractFixture('real-jiangsu-single-rows.txt'), 'expenditure');
    expect(valuesOf(t, 'total')).toMatchObject({ total: 24458.43, basic: 10403.11, project: 12081.46 });
  });

  it('ties a one-row 支出预算总表 up with its 单位预留机动经费 column: total = basic + project + reserve', async () => {
    const doc = await extractFixture('real-jiangsu-single-rows.txt');
    const t = tableOf(doc, 'expenditure');
    expect(valuesOf(t, 'total')).toEqual({ total: 24458.43, basic: 10403.11, project: 12081.46, reserve: 1973.86 });
    expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps 财政拨款支出预算表 apart from 一般公共预算支出预算表 when the document prints both', async () => {
    const doc = await extractFixture('real-jiangsu-single-rows.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['income', 'expenditure', 'fiscal_summary', 'appropriation_expenditure', 'general_expenditure']);
    expect(valuesOf(tableOf(doc, 'appropriation_expenditure'), '2013101')).toEqual({ total: 8072.29 });
  });
});

describe('real layouts: central template (西南大学)', () => {
  it('keys a lone 一、财政拨款 as the general-budget line and 使用非财政拨款结余 as fund_balance', async () => {
    const t = tableOf(await extractFixture('real-swu-central.txt'), 'summary');
    expect(valuesOf(t, 'general_budget')).toEqual({ amount: 244675.66 });
    expect(valuesOf(t, 'fund_balance')).toEqual({ amount: 30367.97 });
    expect(valuesOf(t, 'carry_forward')).toEqual({ amount: 95721.4 });
  });

  it('reads a one-row income table headed 本年收入合计 as its total', async () => {
    const t = tableOf(await extractFixture('real-swu-central.txt'), 'income');
    expect(valuesOf(t, 'total')).toMatchObject({ total: 445059.97 });
  });

  it('types 财政拨款支出预算表 general_expenditure when it is the only general-budget expenditure table', async () => {
    const doc = await extractFixture('real-swu-central.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['summary', 'income', 'expenditure', 'general_expenditure']);
    expect(valuesOf(tableOf(doc, 'general_expenditure'), '205')).toEqual({ total: 220139.76, basic: 183484.57, project: 36655.19 });
  });
});

describe('real layouts: titles', () => {
  it('joins a title wrapped over two lines (…培训费 / 支出预算表) and types it by the whole', async () => {
    const doc = await extractFixture('real-wrapped-title.txt');
    expect(doc.tables[0]?.type).toBe('three_public');
    expect(doc.tables[0]?.title).toContain('会议费、培训费支出预算表');
  });

  it('takes no table from prose that names a 支出预算 and goes on with figures and sentences', async () => {
    const doc = await extractFixture('real-wrapped-title.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['three_public', 'fund_expenditure']);
  });
});

describe('side-by-side blocks', () => {
  it('reads 人员经费 and 公用经费 printed as two code/name/amount blocks on one line as two rows each', async () => {
    const t = tableOf(await extractFixture('side-by-side-final-basic.txt'), 'basic_expenditure');
    expect(t.rows.map((r) => r.key)).toEqual(['301', '30101', '30102', '30103', '303', '30302', '302', '30201', '30211', '310', '31002']);
    expect(valuesOf(t, '30211')).toEqual({ total: 40 });
    expect(valuesOf(t, '303')).toEqual({ total: 20 });
    expect(t.issues).toEqual([]);
  });
});

describe('one-project performance forms', () => {
  it('reads the project and its 年度资金总额 from the form (with the sources it splits into), never an indicator score as an amount', async () => {
    const doc = await extractFixture('real-project-forms.txt');
    const [swu, putuo] = doc.tables;
    expect(swu?.type).toBe('project_performance');
    expect(swu?.rows.map((r) => [r.key, r.values])).toEqual([['236中央高校管理改革等绩效拨款', { total: 809.21, appropriation: 809.21 }]]);
    expect(putuo?.rows.map((r) => [r.key, r.values])).toEqual([['新建万里街道社区公共服务中心', { total: 4100000, appropriation: 4100000, unit_funds: 0 }]]);
  });
});

describe('charts', () => {
  it('takes no table from a chart titled …构成表 whose labels are shares', async () => {
    const doc = await extractFixture('real-chart.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['expenditure']);
  });
});

describe('misprinted codes', () => {
  it('reads an economic code printed 301 2 as 30102, and says so', async () => {
    const doc = await extractFixture('misprinted-codes.txt');
    const t = tableOf(doc, 'basic_expenditure');
    expect(valuesOf(t, '30102')).toEqual({ total: 3722.1 });
    expect(t.rows.some((r) => r.key === '3012' || r.values.total === 3012)).toBe(false);
    expect(t.issues.find((i) => i.kind === 'code_repaired')).toMatchObject({ key: '30102', printed: '301 2' });
  });

  it('repairs a class code printed 7 | 11 | 01 under 210 / 21011 from its place and name, and says so', async () => {
    const t = tableOf(await extractFixture('misprinted-codes.txt'), 'expenditure');
    expect(t.rows.map((r) => r.key).slice(0, 4)).toEqual(['210', '21011', '2101101', '21099']);
    expect(valuesOf(t, '2101101')).toMatchObject({ total: 4620000 });
    expect(t.issues.find((i) => i.kind === 'code_repaired')).toMatchObject({ key: '2101101', printed: '7 11 01' });
  });
});

describe('one-row grids', () => {
  it('reads a one-row 三公 table by its columns: 因公出国, 公务接待, 公务用车 (购置, 运行), 机关运行经费', async () => {
    const t = tableOf(await extractFixture('real-three-public.txt'), 'three_public');
    expect(valuesOf(t, 'total')).toEqual({ total: 346.3, overseas: 288.7, reception: 25.4, vehicles: 32.2, vehicle_operation: 32.2, operating_expenses: 2517.78 });
    expect(t.columns.find((c) => c.measure === 'total')?.children).toEqual(['overseas', 'reception', 'vehicles']);
  });

  it('reads Jiangsu’s 三公 table with 会议费 and 培训费: total = 三公 + meetings + training', async () => {
    const t = tableOf(await extractFixture('real-wrapped-title.txt'), 'three_public');
    expect(valuesOf(t, 'total')).toEqual({ total: 1384.74, three_public: 484.3, overseas: 100, vehicles: 267.8, vehicle_operation: 267.8, reception: 116.5, meetings: 200.44, training: 700 });
    expect(t.columns.find((c) => c.measure === 'three_public')?.children).toEqual(['overseas', 'reception', 'vehicles']);
  });
});

describe('code pieces inside cells', () => {
  const line = (cells: string[]): Line => ({ text: cells.join('\t'), cells: cells.map((text) => ({ text, at: { file: 'x' } })), at: { file: 'x' }, delimited: true });
  const row = (cells: string[]) => rowOf(tokensOf(line(cells)), { file: 'x' }, true);

  it('reads a code and its name run into one cell, then a second code in pieces, as the two codes of the row', () => {
    const r = row(['301 08基本养', '501 02', '52.31', '52.31']);
    expect(r.codes).toEqual(['30108', '50102']);
    expect(r.labels).toEqual(['基本养']);
    expect(r.numbers.map((n) => n.value)).toEqual([52.31, 52.31]);
  });

  it('keeps a figure OCR could not read out of the row’s name, its cell blank', () => {
    // 西南大学 2024 支出预算表 scanned bitonal at 200 dpi: the name came out 其他留学教育支出b26-86.
    const r = row(['2050699', '其他留学教育支出', 'b26-86', '626.86', '']);
    expect(r.labels).toEqual(['其他留学教育支出']);
    expect(r.numbers.map((n) => [n.value, n.idx])).toEqual([[626.86, 3]]);
    // Words with a few digits in a later cell stay words.
    expect(row(['2050699', '其他留学教育支出', '2024年第1批', '626.86']).labels).toEqual(['其他留学教育支出', '2024年第1批']);
    expect(row(['2050699', '其他留学教育支出', '2024年', '626.86']).labels).toEqual(['其他留学教育支出', '2024年']);
    expect(row(['2050204', '高中教育', '29,317旬', '28,132.26']).labels).toEqual(['高中教育']);
  });

  it('never reads a project name opening with digits (236中央高校…) as a code', () => {
    expect(row(['236中央高校教育教学改革专项', '1,960.35']).codes).toEqual([]);
  });
});

describe('codes of older editions', () => {
  const table = (year: number) =>
    [`${year}年一般公共预算支出预算表`, '部门:某办公厅\t单位:万元', '功能科目代码\t功能科目名称\t金额', '\t合计\t248.77', '208\t社会保障和就业支出\t248.77', '20805\t行政事业单位离退休\t248.77', '2080504\t未归口管理的行政单位离退休\t248.77'].join('\n');
  const unknown = async (year: number) => (await extractBytes(Buffer.from(table(year)), 'x.txt')).tables[0]!.issues.find((i) => i.kind === 'code_unknown');

  it('says of a code the reference lacks, in a document older than the reference, that its own edition may list it (info)', async () => {
    expect(await unknown(2018)).toMatchObject({ key: '2080504', severity: 'info' });
  });

  it('still warns of an unknown code in a document of the reference’s editions', async () => {
    expect(await unknown(2025)).toMatchObject({ key: '2080504', severity: 'warning' });
  });
});

describe('notes and sentences near titles', () => {
  it('takes a bracketed note over a title (无政府性基金支出) for a note, not the first half of the next title', async () => {
    const doc = await extractFixture('real-bracketed-note.txt');
    expect(doc.tables.map((t) => [t.type, t.title])).toEqual([
      ['fund_expenditure', '财政拨款政府性基金支出预算表'],
      ['general_expenditure', '一般公共预算支出预算表'],
    ]);
  });
});

describe('text columns', () => {
  it('opens no value column for a trailing 备注 column (西南大学 2021 财政拨款支出预算表)', async () => {
    const text = ['西南大学财政拨款支出预算表', '单位:万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出\t备注', '205\t教育支出\t207,796.18\t178,467.95\t29,328.23\t', '20502\t普通教育\t207,796.18\t178,467.95\t29,328.23\t'].join('\n');
    const t = (await extractBytes(Buffer.from(text), 'x.txt')).tables[0]!;
    expect(t.columns.map((c) => c.measure)).toEqual(['total', 'basic', 'project']);
  });
});

describe('period column groups', () => {
  it('reads a 决算 三公 table printing 预算数 beside 决算数: the budget figures under budget_, the final ones plain', async () => {
    const t = tableOf(await extractFixture('final-three-public-periods.txt'), 'three_public');
    expect(valuesOf(t, 'total')).toEqual({
      budget_total: 30, budget_overseas: 5, budget_vehicles: 20, budget_vehicle_operation: 20, budget_reception: 5,
      total: 25.5, overseas: 4, vehicles: 18, vehicle_operation: 18, reception: 3.5,
    });
    expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('checks the budget group by the same identities: an altered 预算数 figure is reported', async () => {
    const text = fixture('final-three-public-periods.txt').toString('utf8').replace('30.00\t5.00\t20.00', '30.00\t5.00\t21.00');
    const t = (await extractBytes(Buffer.from(text), 'x.txt')).tables[0]!;
    expect(t.issues.some((i) => i.severity === 'error' && i.measure === 'budget_vehicles' && i.found === 21 && i.expected === 20)).toBe(true);
  });
});

describe('header trees read by position', () => {
  const line = (cells: string[]): Line => ({ text: cells.join('\t'), cells: cells.map((text) => ({ text, at: { file: 'x' } })), at: { file: 'x' }, delimited: true });

  it('names a 小计 in the header’s top row without looking above it', () => {
    // Seed 001 in the `horizontal` style, scanned: its header came out one row whose second amount column read 小计.
    // Looking for a period above row 0 read row −1 and threw (a TypeError ended the document).
    expect(() => columnsByPosition([line(['科目名称', '合计', '小计', '项目支出'])], 1, 4)).not.toThrow();
    expect(columnsByPosition([line(['科目名称', '合计', '基本支出', '项目支出'])], 1, 4)).toEqual(['total', 'basic', 'project']);
  });

  it('reads a row that numbers the columns as naming none, a misread number included', () => {
    // Seed 000 in the `horizontal` style, scanned: its 栏次 row read 7 as 了, and the one cell that
    // named no measure made the whole positional reading fail (基本支出 lost by the words' reading).
    const header = [line(['科目名称', '总计', '基本支出', '', '项目支出']), line(['', '', '小计', '工资福利支出', '小计']), line(['', '1', '2', '3', '了'])];
    expect(columnsByPosition(header, 1, 5)).toEqual(['total', 'basic', 'wages_benefits', 'project']);
    // A row of words with a number among them still names its columns.
    expect(columnsByPosition([line(['科目名称', '合计', '基本支出', '项目支出']), line(['', '', '1', '小计'])], 1, 4)).toEqual(['total', 'basic', 'project']);
  });

  it('parts two headings run into one cell over a span: the group over it, the other its column the row below leaves unnamed', () => {
    // 西南大学's 财政拨款支出决算表 scanned bitonal at 200 dpi: the rule under 项目支出 broke, so its
    // cell ran down into 其中:基本建设资金支出's and was read as one text. The group's 小计 went under
    // 基本建设 and the last column had no name: 项目支出's figures were lost.
    const header = [
      line(['科目编码', '科目名称', '合计', '基本支出', '项目支出其中:基本建设资金支出', '']),
      line(['', '', '', '', '小计', '']),
    ];
    expect(columnsByPosition(header, 2, 6)).toEqual(['total', 'basic', 'project', 'capital_construction']);
  });
});

describe('code pieces read from scans', () => {
  const line = (cells: string[]): Line => ({ text: cells.join(' '), cells: cells.map((text) => ({ text, at: { file: 'x' } })), at: { file: 'x' }, delimited: false });
  const tokens = (cells: string[]) => tokensOf(line(cells)).map((t) => `${t.kind}:${t.text}`);

  it('reads a code whose pieces took a speck as a point as pieces, not an amount', () => {
    // Seed 004 in a serif, scanned bitonal at 200 dpi: `210 | 11.01 | 行政单位医疗`, `210.15 | 99`.
    expect(tokens(['210', '11.01', '行政单位医疗', '1.80'])).toEqual(['digits:210', 'digits:11', 'digits:01', 'label:行政单位医疗', 'amount:1.80']);
    expect(tokens(['210.15', '99', '其他医疗保障管理事务支出', '26.70'])).toEqual(['digits:210', 'digits:15', 'digits:99', 'label:其他医疗保障管理事务支出', 'amount:26.70']);
    expect(tokens(['301.01', '基本工资', '14.59'])).toEqual(['digits:301', 'digits:01', 'label:基本工资', 'amount:14.59']);
    // 款 and 项 run together after the speck (bitonal 300 dpi): `210.1550 | 事业运行`.
    expect(tokens(['210.1550', '事业运行', '63.43'])).toEqual(['digits:210', 'digits:15', 'digits:50', 'label:事业运行', 'amount:63.43']);
    // The second code column of an economic table, between the two names.
    expect(tokens(['30107', '绩效工资', '505.01', '工资福利支出', '23.37'])).toEqual(['digits:30107', 'label:绩效工资', 'digits:505', 'digits:01', 'label:工资福利支出', 'amount:23.37']);
    // …the row's own code read so too (`301.01 | 基本工资 | 501.01 | 工资奖金津补贴`).
    expect(tokens(['301.01', '基本工资', '501.01', '工资奖金津补贴', '14.59'])).toEqual(['digits:301', 'digits:01', 'label:基本工资', 'digits:501', 'digits:01', 'label:工资奖金津补贴', 'amount:14.59']);
  });

  it('reads a whole code run into its name, or 款 and 项 read as one piece, as the code', () => {
    // The serif set's bitonal 300 dpi look: `2101504.信息化建设` (a speck between them), `210 | 1101`.
    expect(tokens(['2101504.信息化建设', '1.80'])).toEqual(['digits:2101504', 'label:信息化建设', 'amount:1.80']);
    expect(rowOf(tokensOf(line(['210', '1101', '行政单位医疗', '1.80'])), { file: 'x' }, false).codes).toEqual(['2101101']);
    // One cell: 款项 read as one piece (`210 1202`), or specks read as points between all three pieces.
    expect(rowOf(tokensOf(line(['210 1202'])), { file: 'x' }, false).codes).toEqual(['2101202']);
    expect(rowOf(tokensOf(line(['210.13.01', '城乡医疗救助', '207.00'])), { file: 'x' }, false).codes).toEqual(['2101301']);
    // A figure and its unit stay one cell.
    expect(tokens(['30000万元'])).toEqual(['label:30000万元']);
  });

  it('reads amounts a space apart in one word of a line without cells as amounts', () => {
    // A scan's line of figures read again whole (项目支出预算表, bitonal 200 dpi): `1860.00 1860.00`.
    expect(tokens(['1860.00 1860.00'])).toEqual(['amount:1860.00', 'amount:1860.00']);
    expect(tokens(['2025年 城乡医疗救助', '92.00'])).toEqual(['label:2025年 城乡医疗救助', 'amount:92.00']);
  });

  it('parts a name from the amount or the government code run into it', () => {
    // Seed 004 in a serif, bitonal 300 dpi, page 7: `工资福利支出0.19`, `30113住房公积金50103住房公积金`.
    expect(tokens(['30112', '其他社会保障缴费', '50501', '工资福利支出0.19', '0.19'])).toEqual(['digits:30112', 'label:其他社会保障缴费', 'digits:50501', 'label:工资福利支出', 'amount:0.19', 'amount:0.19']);
    expect(tokens(['30113住房公积金50103住房公积金', '3.21'])).toEqual(['digits:30113', 'label:住房公积金', 'digits:50103', 'label:住房公积金', 'amount:3.21']);
    expect(tokens(['30113住房公积金50501', '工资福利支出'])).toEqual(['digits:30113', 'label:住房公积金', 'digits:50501', 'label:工资福利支出']);
    // Not a version or a figure with one decimal, a code of another kind, or a grid's cell.
    expect(tokens(['智慧医保2.0'])).toEqual(['label:智慧医保2.0']);
    // Nor digits no amount opens with (`离退休费0790.79`, `0.79 0.79` with a point and the space lost).
    expect(tokens(['离退休费0790.79'])).toEqual(['label:离退休费0790.79']);
    expect(tokens(['2101504.信息化建设50501'])).toEqual(['digits:2101504', 'label:信息化建设50501']);
    const grid: Line = { ...line(['工资福利支出0.19']), delimited: true };
    expect(tokensOf(grid).map((t) => `${t.kind}:${t.text}`)).toEqual(['label:工资福利支出0.19']);
  });

  it('reads figures whose points and spaces a recognizer swapped as the amounts they make', () => {
    // Seed 004 in a serif, bitonal 200 dpi, page 5 (部门支出预算表): a point and the space between
    // amounts leave like blanks, and the point went to the wrong one.
    const read = (cells: string[]) => {
      const l: Line = { ...line(cells), cells: cells.map((text) => ({ text, at: { file: 'x' }, confidence: 0.9 })) };
      return rowOf(tokensOf(l), { file: 'x' }, false).numbers.map((n) => n.value);
    };
    expect(read(['险缴费支出', '12.78', '12.78.12', '78', '12.78.0'])).toEqual([12.78, 12.78, 12.78, 12.78, 0]);
    expect(read(['事业运行', '63.43', '63.43', '59', '37.59', '37', '4.06', '4.06'])).toEqual([63.43, 63.43, 59.37, 59.37, 4.06, 4.06]);
    expect(read(['城乡医疗数助', '207', '00', '0', '0.207', '00', '207.00'])).toEqual([207, 0, 0, 207, 207]);
    expect(read(['合计', '2220.43', '124.93', '117', '116.21', '0.79', '7.93', '7', '93.2095.50', '1.80', '2093.70'])).toEqual([2220.43, 124.93, 117, 116.21, 0.79, 7.93, 7.93, 2095.5, 1.8, 2093.7]);
    // An integer printed as such stays; none is made of a piece (`894.8.94` is no 894 | 8.94).
    expect(read(['合计', '2220.43', '124.93', '117', '116.21'])).toEqual([2220.43, 124.93, 117, 116.21]);
    expect(read(['资福利支出', '894.8.94'])).toEqual([]);
    // A text layer's figures are as printed: no recognizer moved their points.
    expect(rowOf(tokensOf(line(['事业运行', '63.43', '59', '37.59', '37'])), { file: 'x' }, false).numbers.map((n) => n.value)).toEqual([63.43, 59, 37.59, 37]);
  });

  it('reads a 1 between two words as a letter of the name', () => {
    // Seed 004 in a serif, bitonal 200 dpi, page 8: 工 read as 1 (`30101 | 基本 | 1 | 资 | 505.01 | …`).
    const row = rowOf(tokensOf(line(['30101', '基本', '1', '资', '505.01', '工资福利支出', '32.07'])), { file: 'x' }, false);
    expect(row.codes).toEqual(['30101', '50501']);
    expect(row.labels).toEqual(['基本1资', '工资福利支出']);
    expect(row.numbers.map((n) => n.value)).toEqual([32.07]);
  });

  it('leaves figures read past repair out of a row, with the whole part cut from them', () => {
    // Seed 004 in a serif, bitonal 300 dpi, page 5, the 部门支出预算表's total: `7.93 2095.50` read
    // `7 | 93.2095.50`; the 7 was taken for a code opening a row of its own, and the total was lost.
    const row = rowOf(tokensOf(line(['合计', '2220.43', '124.93', '117', '7', '93.2095.50', '1.80', '2093.70'])), { file: 'x' }, false);
    expect(row.codes).toEqual([]);
    expect(row.labels).toEqual(['合计']);
    expect(row.numbers.map((n) => n.value)).toEqual([2220.43, 124.93, 117, 1.8, 2093.7]);
    // Before the row's first figure it is no figure: a name's words stay.
    expect(rowOf(tokensOf(line(['3.1.2', '绩效目标', '5.00'])), { file: 'x' }, false).labels).toEqual(['3.1.2', '绩效目标']);
  });

  it('keeps amounts that open or follow a row as amounts', () => {
    // An amount after a name, an amount opening a wrapped row's figures, one not shaped as a class's.
    expect(tokens(['合计', '210.15', '99.00'])).toEqual(['label:合计', 'amount:210.15', 'amount:99.00']);
    expect(tokens(['124.93', '基本支出'])).toEqual(['amount:124.93', 'label:基本支出']);
    expect(tokens(['210', '11.01', '12.00'])).toEqual(['digits:210', 'amount:11.01', 'amount:12.00']);
    // Between two names in a row no code opens: the two sides of a 收支总表.
    expect(tokens(['一般公共预算拨款', '210.15', '卫生健康支出', '210.15'])).toEqual(['label:一般公共预算拨款', 'amount:210.15', 'label:卫生健康支出', 'amount:210.15']);
  });
});

describe('header words read from scans', () => {
  it('reads a header whose words a scan broke with stray commas (合计,人,员经费公用经费)', () => {
    // Seed 004 in a serif, scanned bitonal at 200 dpi: its 基本支出表's columns were left unnamed.
    const measures = (text: string) => columnsByWords(text, 'basic_expenditure').map((c) => c.measure);
    expect(measures('科目编码科目名称科目编码科目名称合计,人,员经费公用经费')).toEqual(measures('科目编码 科目名称 合计 人员经费 公用经费'));
    expect(measures('合计,人,员经费公用经费')).toEqual(['total', 'personnel', 'public']);
  });
});
