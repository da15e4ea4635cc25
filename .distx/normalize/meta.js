/**
 * Department, year, unit and kind of a disclosure, from its own words.
 *
 * Department, by source, the first that names one:
 * 1. the unit line printed over each table (`编制部门:…`, `部门名称:…`, `预算单位:…`, `部门: …`),
 *    the most frequent name: it is what the publisher stamped on every table;
 * 2. a unit row of a table (`362001 兴隆县医疗保障局本级`), the most frequent;
 * 3. the cover (the lines before the 目录): `西南大学 2023年度部门决算`, `2017年度江苏省高级人民法院部门预算公开`;
 * 4. a name printed before a year or a table word in headings and titles (`江苏省政协办公厅2019年度收入、支出预算总计`,
 *    `西南大学收支预算总表`), the most frequent.
 * A later source naming another body (neither name contains the other) is reported as a
 * `meta_conflict` warning naming both. Year: the year printed next to 预算/决算 (`2023年度部门决算`,
 * `2025年部门财务收支预算总表`), the most frequent. Kind: the kind word the cover prints (Shanghai's
 * `市级单位预算` is a 单位预算), else the most frequent in the opening pages.
 */
/** Words a body's name ends with; a cover or heading name must end with one (`上海市普陀区` is a place, not a body). */
const BODY_END = '(?:局|委|院|中心|办|厅|所|站|队|会|校|学|部|处|室|馆|社|府|团|署|台|园|场|行|组|社|宫|司)';
const NAME = `([\\u4e00-\\u9fff()（）]{2,30}?${BODY_END})`;
/** `编制部门:X`, `部门名称:X`, `预算单位:X`, `部门:X`, `部 门:X` (spaces removed first), up to the `单位:` that follows. */
const LABELLED = /^(?:编制|预算主管|主管|预算)?(?:部门|单位)(?:\(单位\))?(?:名称)?[:：]([^:：]{2,40}?)(?=(?:金额)?单位[:：]|$)/;
/** A unit row: a six-digit unit code and the unit's name. */
const UNIT_ROW = /^\d{6}\s+(\S+?)(?:\s|$)/;
const UNIT_ROW_NAME = new RegExp(`${BODY_END}(?:本级|机关)?$`);
/** A heading is short and not a sentence. */
const HEADING = /^[^。，,；;]{2,40}$/;
const NOT_A_NAME = /^(?:万?元|千元|亿元)|^\d/;
const COVER_NAME_FIRST = new RegExp(`^${NAME}\\d{4}年度?(?:部门|单位)?(?:预算|决算)`);
const COVER_YEAR_FIRST = new RegExp(`\\d{4}年度?${NAME}(?:部门|单位)?(?:预算|决算)`);
/** A body named before a year or a table's own words, in a heading or a table title. */
const HEADING_NAME = new RegExp(`^${NAME}(?:\\d{4}年|收支|收入|支出|财政拨款|一般公共预算|政府性基金|部门|单位)`);
/** Template words that name a kind of body, not one body (`高等学校收支决算总表`). */
const GENERIC_NAMES = new Set(['高等学校', '行政单位', '事业单位', '本部门', '本单位', '部门', '单位']);
/** Numbering before a heading or title: `7`, `公开 05 表:`, `表 1:`, `(一)`, `二、`. */
const NUMBERING = /^(?:[\d\s.、:：]*(?:公开)?\d*表?\s*\d*[:：]?|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)*/;
const TOC = /^目录$/;
/** A cover is short: without a 目录 line, this many lines stand for it. */
const COVER_LINES = 12;
const HEAD_LINES = 200;
const YEAR_KIND = /(20\d{2})年度?[^\d。，,;；]{0,20}?(?:预算|决算)/g;
const YEAR = /(20\d{2})\s*年/g;
const KINDS = ['部门预算', '单位预算', '部门决算', '单位决算'];
const squeeze = (s) => s.replace(/\s+/g, '');
export function documentMeta(lines, tables) {
    return readMeta(lines, tables).meta;
}
/** Where the sources of the department disagree: `meta_conflict` warnings naming both. */
export function metaConflicts(lines, tables) {
    return readMeta(lines, tables).issues;
}
function readMeta(lines, tables) {
    const cover = coverText(lines);
    const { department, issues } = departmentOf(lines, tables, cover);
    const year = yearOf(lines, tables, cover);
    const kind = kindOf(lines, cover);
    const meta = {
        ...(department ? { department } : {}),
        ...(year ? { year } : {}),
        unit: unitOfDocument(tables),
        ...(kind ? { kind } : {}),
    };
    return { meta, issues };
}
/** The cover: page-1 lines before the 目录, at most COVER_LINES, joined with spaces removed. */
function coverText(lines) {
    const firstPage = lines[0]?.at.page;
    const out = [];
    for (const l of lines.slice(0, COVER_LINES)) {
        const text = squeeze(l.text);
        if (TOC.test(text) || (firstPage !== undefined && l.at.page !== firstPage))
            break;
        out.push(text);
    }
    return out.join('');
}
function departmentOf(lines, tables, cover) {
    const labelled = lines.flatMap((l) => {
        const m = LABELLED.exec(squeeze(l.text));
        const name = m?.[1];
        return name && !NOT_A_NAME.test(name) ? [name] : [];
    });
    const unitRows = lines.flatMap((l) => {
        const name = UNIT_ROW.exec(l.text.trim())?.[1];
        return name && UNIT_ROW_NAME.test(name) ? [name] : [];
    });
    const coverName = COVER_NAME_FIRST.exec(cover)?.[1] ?? COVER_YEAR_FIRST.exec(cover)?.[1];
    const headings = [...lines.map((l) => squeeze(l.text)).filter((t) => HEADING.test(t)), ...tables.map((t) => squeeze(t.title))].flatMap((text) => {
        const name = headingDepartment(text);
        return name ? [name] : [];
    });
    const sources = [
        { what: 'the unit line over the tables', names: labelled },
        { what: 'the unit rows of the tables', names: unitRows },
        { what: 'the cover', names: coverName ? [coverName] : [] },
        { what: 'headings and table titles', names: headings },
    ].filter((s) => s.names.length);
    const chosen = sources[0];
    if (!chosen)
        return { issues: [] };
    const department = mostFrequent(chosen.names);
    const named = new Set([department]);
    const same = (a, b) => abbreviates(a, b) || abbreviates(b, a);
    // Unit lines over the tables should all name one body (unit rows of a 部门 name each of its units).
    const strays = chosen === sources.find((s) => s.names === labelled) ? [...new Set(chosen.names)].filter((n) => !same(n, department)) : [];
    const stray = strays.map((n) => ({
        kind: 'meta_conflict',
        severity: 'warning',
        message: `department read as ${department}, named by ${chosen.names.filter((x) => same(x, department)).length} of the ${chosen.names.length} unit lines over the tables; ${chosen.names.filter((x) => x === n).length} name ${n}`,
    }));
    const issues = sources.slice(1).flatMap((s) => {
        const other = mostFrequent(s.names);
        if ([...named].some((n) => abbreviates(other, n) || abbreviates(n, other)))
            return [];
        named.add(other);
        const message = `department read as ${department} from ${chosen.what}; ${s.what} names ${other}`;
        return [{ kind: 'meta_conflict', severity: 'warning', message }];
    });
    return { department, issues: [...stray, ...issues] };
}
/** The department a heading or table title opens with (`上海市财政局2025年部门预算`), if any. */
export function headingDepartment(text) {
    const m = HEADING_NAME.exec(text.replace(NUMBERING, ''));
    return m?.[1] && !GENERIC_NAMES.has(m[1]) ? m[1] : undefined;
}
/** Two names of one body: either abbreviates the other. */
export const sameDepartment = (a, b) => abbreviates(a, b) || abbreviates(b, a);
/** `省检察院` for `江苏省人民检察院`, `江苏省委办公厅` for `中国共产党江苏省委员会办公厅`: the short name's characters in order. */
function abbreviates(short, long) {
    let i = 0;
    for (const ch of long)
        if (ch === short[i])
            i++;
    return i === short.length;
}
/** The most frequent value; ties go to the one seen first. */
function mostFrequent(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    let best;
    for (const [v, n] of counts)
        if (best === undefined || n > counts.get(best))
            best = v;
    return best;
}
/** The cover's year beside 预算/决算, else the most frequent such year, else the most frequent year. */
function yearOf(lines, tables, cover) {
    const onCover = [...cover.matchAll(YEAR_KIND)][0];
    if (onCover)
        return Number(onCover[1]);
    const texts = [...tables.map((t) => t.title), ...lines.slice(0, HEAD_LINES).map((l) => l.text)].map(squeeze);
    const nextToKind = texts.flatMap((t) => [...t.matchAll(YEAR_KIND)].map((m) => Number(m[1])));
    if (nextToKind.length)
        return mostFrequent(nextToKind);
    return mostFrequent(texts.flatMap((t) => [...t.matchAll(YEAR)].map((m) => Number(m[1]))));
}
function unitOfDocument(tables) {
    const wan = tables.filter((t) => t.unit === '万元').length;
    return tables.length && wan * 2 < tables.length ? '元' : '万元';
}
function kindOf(lines, cover) {
    const onCover = KINDS.find((k) => cover.includes(k));
    if (onCover)
        return onCover;
    const head = lines.slice(0, 120).map((l) => squeeze(l.text)).join(' ');
    const count = (w) => head.split(w).length - 1;
    const best = KINDS.map((k) => [k, count(k)]).sort((a, b) => b[1] - a[1])[0];
    if (best[1] > 0)
        return best[0];
    if (/决算/.test(head))
        return '部门决算';
    return /预算/.test(head) ? '部门预算' : undefined;
}
