import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalCode,
  classOfName,
  CodeDataError,
  findCodes,
  governmentCodeOf,
  kindOf,
  lookupCode,
  parentOf,
  repairCode,
  validateReferenceData,
} from '../../src/normalize/codes.js';

describe('classOfName', () => {
  // The expenditure side of a 收支总表 as real 2024/2025 disclosures print it, old names included.
  const summaryLines: [string, string][] = [
    ['一、一般公共服务', '201'],
    ['二、外交', '202'],
    ['三、国防', '203'],
    ['四、公共安全', '204'],
    ['五、教育', '205'],
    ['六、科学技术', '206'],
    ['七、文化旅游体育与传媒', '207'],
    ['八、社会保障和就业', '208'],
    ['九、社会保险基金支出', '209'],
    ['十、卫生健康', '210'],
    ['十一、节能环保', '211'],
    ['十二、城乡社区事务', '212'],
    ['十三、农林水事务', '213'],
    ['十四、交通运输', '214'],
    ['十五、资源勘探信息等', '215'],
    ['十六、商业服务业等', '216'],
    ['十七、金融支出', '217'],
    ['十九、援助其他地区支出', '219'],
    ['二十、自然资源海洋气象等支出', '220'],
    ['二十一、住房保障支出', '221'],
    ['二十二、粮油物资储备支出', '222'],
    ['二十三、国有资本经营预算', '223'],
    ['二十四、灾害防治及应急管理', '224'],
    ['二十七、预备费', '227'],
    ['二十九、其他支出', '229'],
    ['三十、转移性支出', '230'],
    ['三十一、债务还本支出', '231'],
    ['三十二、债务付息支出', '232'],
    ['三十三、债务发行费用支出', '233'],
    ['三十四、抗疫特别国债安排的支出', '234'],
  ];

  it.each(summaryLines)('maps the summary line %s to class %s', (line, code) => {
    expect(classOfName(line)?.code).toBe(code);
  });

  it('returns the class entry itself, with its official name', () => {
    expect(classOfName('八、社会保障和就业')).toEqual({
      code: '208',
      name: '社会保障和就业支出',
      level: 'class',
      classification: 'functional',
      editions: [2024, 2025],
    });
  });

  it.each([
    ['十、医疗卫生', '210'],
    ['（十）卫生健康支出', '210'],
    ['(十)卫生健康', '210'],
    ['二十、住房保障支出', '221'],
    ['十三、住房保障支出', '221'],
    ['八 社会保障和就业支出', '208'],
    ['十、卫生健康　支出', '210'],
  ])('trusts the name over the ordinal and the layout: %s → %s', (line, code) => {
    expect(classOfName(line)?.code).toBe(code);
  });

  it.each([
    ['卫生健康', '210'],
    ['卫生健康支出', '210'],
    ['城乡社区', '212'],
    ['城乡社区支出', '212'],
    ['城乡社区事务', '212'],
    ['金融', '217'],
    ['商业服务业等支出', '216'],
  ])('is indifferent to a missing or extra 支出/事务/等: %s → %s', (line, code) => {
    expect(classOfName(line)?.code).toBe(code);
  });

  it.each([
    ['医疗卫生与计划生育', '210'],
    ['医疗卫生支出', '210'],
    ['文化体育与传媒', '207'],
    ['文化旅游体育与传媒', '207'],
    ['资源勘探电力信息等事务', '215'],
    ['资源勘探工业信息等', '215'],
    ['国土海洋气象等', '220'],
    ['自然资源海洋气象等', '220'],
    ['节能环保', '211'],
    ['国有资本经营预算', '223'],
    ['社会保险基金支出', '209'],
    ['援助其他地区支出', '219'],
    ['粮油物资储备支出', '222'],
  ])('knows the old and local name %s → %s', (line, code) => {
    expect(classOfName(line)?.code).toBe(code);
  });

  it.each([
    ['十、卫生健康支岀', '210'],
    ['八、社会保障和就亚', '208'],
    ['卫生健庚', '210'],
    ['十四、交通运翰', '214'],
    ['十、卫⽣健康', '210'],
  ])('reads through OCR noise: %s → %s', (line, code) => {
    expect(classOfName(line)?.code).toBe(code);
  });

  it.each(['人行科目', '一、一般公共预算拨款收入', '本年收入合计', '本年支出合计', '上年结转', '年终结转结余', '', '十、', '合计'])(
    'does not take %s for an expenditure class',
    (line) => {
      expect(classOfName(line)).toBeUndefined();
    },
  );
});

describe('canonicalCode', () => {
  it.each<[string | string[], string]>([
    ['208 05 01', '2080501'],
    ['208|05|01', '2080501'],
    [['208', '05', '01'], '2080501'],
    ['2080501', '2080501'],
    ['208\t05\t01', '2080501'],
    ['20805 01', '2080501'],
    ['２０８　０５　０１', '2080501'],
    ['2l01101', '2101101'],
    ['2O8 O5 0I', '2080501'],
    ['208', '208'],
    ['208 05', '20805'],
    [['208', '05', ''], '20805'],
    ['30101', '30101'],
    ['301 01', '30101'],
    ['S0101', '50101'],
    ['501', '501'],
  ])('reads %j as %s', (printed, code) => {
    expect(canonicalCode(printed)).toBe(code);
  });

  it.each<string | string[]>([
    '',
    'abc',
    'O',
    '208 5 01',
    '2 08 05 01',
    '20805011',
    '1234',
    '101',
    '410704250000000',
    '30101|50101',
    '3010101',
    ['208', '', '01'],
    '208 O5 xx',
  ])('rejects %j, which is not a functional or economic code', (printed) => {
    expect(canonicalCode(printed)).toBeUndefined();
  });

  it('reads a 7-digit code with any spaces or pipes between its 3/2/2 groups as that code', () => {
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const separator = fc.constantFrom('', ' ', '  ', '|', ' | ', '\t', '\u3000');
    fc.assert(
      fc.property(digits(2), digits(2), digits(2), separator, separator, (c, s, i, sep1, sep2) => {
        const code = `2${c}${s}${i}`;
        expect(canonicalCode(`2${c}${sep1}${s}${sep2}${i}`)).toBe(code);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string())), (input) => {
        const out = canonicalCode(input);
        expect(out === undefined || /^\d{3}(\d{2}){0,2}$/.test(out)).toBe(true);
      }),
    );
  });
});

describe('kindOf and parentOf', () => {
  it('names the functional level by length', () => {
    expect([kindOf('208'), kindOf('20805'), kindOf('2080501')]).toEqual(['class', 'section', 'item']);
  });

  it('has no functional level for economic codes or other digit runs', () => {
    expect([kindOf('30101'), kindOf('2080'), kindOf('304001'), kindOf('')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('walks up 2080501 → 20805 → 208 → nothing', () => {
    expect(parentOf('2080501')).toBe('20805');
    expect(parentOf('20805')).toBe('208');
    expect(parentOf('208')).toBeUndefined();
    expect(parentOf('30101')).toBe('301');
  });
});

describe('lookupCode', () => {
  it('finds a listed item with its official name', () => {
    expect(lookupCode('2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(lookupCode('2101506')?.level).toBe('item');
  });

  it('accepts any printed form canonicalCode reads', () => {
    expect(lookupCode('210 15 06')?.name).toBe('医疗保障经办事务');
  });

  it('finds economic codes of both classifications', () => {
    expect(lookupCode('30113')).toMatchObject({ name: '住房公积金', level: 'econ_section', classification: 'economic_department' });
    expect(lookupCode('50905')).toMatchObject({ name: '离退休费', classification: 'economic_government' });
  });

  it('falls back to another edition when the year predates the reference', () => {
    expect(lookupCode('2101506', 2019)?.name).toBe('医疗保障经办事务');
  });

  it('returns undefined for an unlisted code', () => {
    expect(lookupCode('2089898')).toBeUndefined();
  });
});

describe('governmentCodeOf', () => {
  it('gives 行政单位 and 事业单位 their different 政府经济分类', () => {
    expect(governmentCodeOf('30101')).toBe('50101');
    expect(governmentCodeOf('30101', 'institution')).toBe('50501');
  });

  it('gives the same code to both where the classification does not differ', () => {
    expect(governmentCodeOf('30302', 'institution')).toBe('50905');
  });
});

describe('repairCode', () => {
  it('returns a listed code whose name agrees as it is', () => {
    expect(repairCode('2101101', '行政单位医疗')).toEqual({ code: '2101101', repaired: false, nameMatches: true, known: true });
  });

  it('keeps a listed code whose name disagrees, and says so', () => {
    expect(repairCode('2101102', '行政单位医疗')).toEqual({ code: '2101102', repaired: false, nameMatches: false, known: true });
  });

  it('lets names agree across width, 支出 and one OCR slip', () => {
    expect(repairCode('208 05 05', '机关事业单位基本养老保险缴费').nameMatches).toBe(true);
    expect(repairCode('2101506', '医疗保障经办亊务').nameMatches).toBe(true);
  });

  it('repairs a digit slip when exactly one listed code one digit away has the row name', () => {
    expect(repairCode('2101109', '行政单位医疗')).toEqual({ code: '2101101', repaired: true, nameMatches: true, known: true });
  });

  it('repairs an unreadable character when the name confirms the code', () => {
    expect(repairCode('2080?01', '行政单位离退休')).toEqual({ code: '2080501', repaired: true, nameMatches: true, known: true });
  });

  it('marks OCR letters read as digits as a repair', () => {
    expect(repairCode('2080S0l', '行政单位离退休')).toEqual({ code: '2080501', repaired: true, nameMatches: true, known: true });
  });

  it('does not repair when the name agrees with no listed neighbour', () => {
    expect(repairCode('2101108', '城乡医疗救助')).toEqual({ code: '2101108', repaired: false, nameMatches: false, known: false });
  });

  it('does not repair when several listed neighbours share the name', () => {
    // 2013101, 2013801 … are all 行政运行: the name cannot tell which one was meant.
    expect(repairCode('2013901', '行政运行')).toMatchObject({ code: '2013901', repaired: false, known: false });
  });

  it('keeps an unknown but well-formed code as printed, in canonical digits', () => {
    expect(repairCode('208 05 98', '某项支出')).toEqual({ code: '2080598', repaired: false, nameMatches: false, known: false });
  });

  it('keeps text that is no code at all as printed', () => {
    expect(repairCode(' 人行科目 ', '人行科目')).toEqual({ code: '人行科目', repaired: false, nameMatches: false, known: false });
  });
});

describe('findCodes', () => {
  it('lists the codes under a code prefix', () => {
    const codes = findCodes('20805').map((e) => e.code);
    expect(codes).toContain('2080501');
    expect(codes.every((c) => c.startsWith('20805'))).toBe(true);
  });

  it('reads a spaced prefix', () => {
    expect(findCodes('210 15').map((e) => e.code)).toContain('2101506');
  });

  it('finds entries by a part of their name', () => {
    expect(findCodes('医疗保障经办').map((e) => e.code)).toEqual(['2101506']);
  });

  it('finds a class by its old name', () => {
    expect(findCodes('医疗卫生').map((e) => e.code)).toContain('210');
  });

  it('falls back to the closest names for a misspelt query', () => {
    expect(findCodes('医疗保障经力事务').map((e) => e.code)).toContain('2101506');
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(findCodes('zzz')).toEqual([]);
  });
});

describe('validateReferenceData', () => {
  const ok = {
    functional: [
      { code: '208', name: '社会保障和就业支出', level: 'class', editions: [2024, 2025] },
      { code: '20805', name: '行政事业单位养老支出', level: 'section', editions: [2024, 2025] },
    ],
    economic: [
      { code: '30101', name: '基本工资', kind: 'department', level: 'section', editions: [2025] },
      { code: '50101', name: '工资奖金津补贴', kind: 'government', level: 'section', editions: [2025] },
    ],
    correspondence: [{ department: '30101', administrative: '50101' }],
  };

  it('accepts well-formed data', () => {
    expect(() => validateReferenceData(ok)).not.toThrow();
  });

  it('rejects a level that does not fit the code, naming the entry', () => {
    const bad = { ...ok, functional: [...ok.functional, { code: '2080501', name: '行政单位离退休', level: 'section', editions: [2025] }] };
    expect(() => validateReferenceData(bad)).toThrow(CodeDataError);
    expect(() => validateReferenceData(bad)).toThrow(/functional-classification\.json entry 2 .*2080501.*level "section"/);
  });

  it('rejects a name with stray whitespace', () => {
    const bad = { ...ok, functional: [{ code: '208', name: '社会保障和就业支出 ', level: 'class', editions: [2025] }] };
    expect(() => validateReferenceData(bad)).toThrow(/whitespace/);
  });

  it('rejects a code listed twice for the same edition', () => {
    const bad = { ...ok, functional: [...ok.functional, { code: '208', name: '社会保障和就业', level: 'class', editions: [2025] }] };
    expect(() => validateReferenceData(bad)).toThrow(/208 is already listed/);
  });

  it('accepts a code renamed between editions as two entries', () => {
    const renamed = {
      ...ok,
      functional: [
        { code: '215', name: '资源勘探信息等支出', level: 'class', editions: [2024] },
        { code: '215', name: '资源勘探工业信息等支出', level: 'class', editions: [2025] },
      ],
    };
    expect(() => validateReferenceData(renamed)).not.toThrow();
  });

  it('rejects a correspondence to an unlisted code', () => {
    const bad = { ...ok, correspondence: [{ department: '30101', administrative: '50109' }] };
    expect(() => validateReferenceData(bad)).toThrow(/administrative 50109 is not listed/);
  });

  it('rejects unknown fields, which are usually typos', () => {
    const bad = { ...ok, economic: [{ code: '30101', name: '基本工资', kind: 'department', level: 'section', edition: [2025] }] };
    expect(() => validateReferenceData(bad)).toThrow(/unknown field "edition"/);
  });
});
