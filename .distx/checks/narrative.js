import Big from 'big.js';
import { lookupCode } from '../normalize/codes.js';
import { NARRATIVE, NARRATIVE_TOLERANCE_WAN, NOT_APPLICABLE, at, compareSum, covering, describeAt, figuresOf, filled, fmt, isFunctional, judged, label, printedRows, rowByKey, rowLabel, toWan, instance, unknown, } from './shared.js';
const PROSE_PUNCTUATION = new RegExp(NARRATIVE.prosePunctuation);
const SENTENCE_END = new RegExp(NARRATIVE.sentenceEnd);
const CLAUSE_BREAK = new RegExp(NARRATIVE.clauseBreak, 'g');
const SKIP_CLAUSE = new RegExp(NARRATIVE.skipClause);
/** A line of a table dumped with spaces: amounts but none of the punctuation prose has (row labels keep 、). */
const TABLE_LIKE = /^[^，。,;；:：]*$/;
const AMOUNT_TOKEN = /(?:^|\s)-?\d[\d,]*\.\d+(?=\s|$)/g;
const STATEMENTS = NARRATIVE.statements.map((def) => ({
    def,
    // `d` gives the amount's own offset, which is how rival phrases for one figure are told apart.
    re: new RegExp(`(?:${def.phrase})${NARRATIVE.filler}${NARRATIVE.amount}`, 'dg'),
}));
const isTableLike = (text) => TABLE_LIKE.test(text) && (text.match(AMOUNT_TOKEN) ?? []).length >= 2;
/**
 * Prose lines joined into paragraphs: text dumps wrap sentences mid-word ("公用" / "经费7.93万元"),
 * with blank lines between the pieces, so a sentence is read whole until it ends with 。.
 * Delimited lines and space-dumped table rows end a paragraph and are never part of one.
 */
function paragraphsOf(lines) {
    const out = [];
    let open;
    for (const [i, line] of lines.entries()) {
        const text = line.text.trim();
        if (text === '' || isPageNumber(lines, i))
            continue;
        if (line.delimited || isTableLike(text)) {
            open = undefined;
            continue;
        }
        if (!open) {
            open = { text: '', pieces: [] };
            out.push(open);
        }
        open.pieces.push({ start: open.text.length, at: line.at });
        open.text += text;
        if (SENTENCE_END.test(text))
            open = undefined;
    }
    return out;
}
/**
 * A page number printed between two pages of a sentence (`…增长` / `3` / `17.31%。`): a short
 * number alone on the last or first line of a page. Read into the sentence it makes 317.31%.
 */
function isPageNumber(lines, i) {
    const page = lines[i].at.page;
    if (page === undefined || !/^\d{1,3}$/.test(lines[i].text.trim()))
        return false;
    return lines[i + 1]?.at.page !== page || lines[i - 1]?.at.page !== page;
}
const isProse = (p) => p.text.length > NARRATIVE.minLength && p.text.includes(NARRATIVE.unitWord) && PROSE_PUNCTUATION.test(p.text);
function clausesOf(text) {
    const out = [];
    let start = 0;
    for (const m of text.matchAll(CLAUSE_BREAK)) {
        out.push({ text: text.slice(start, m.index), start });
        start = m.index + m[0].length;
    }
    out.push({ text: text.slice(start), start });
    return out;
}
function pieceAt(p, offset) {
    return [...p.pieces].reverse().find((piece) => piece.start <= offset)?.at ?? p.pieces[0].at;
}
/** Every statement pattern's matches in a clause; per amount, the phrase starting earliest wins. */
function matchesIn(clause) {
    const all = STATEMENTS.flatMap(({ def, re }) => [...clause.matchAll(re)].map((m) => ({
        statement: def.id,
        start: m.index,
        amountStart: m.indices?.[1]?.[0] ?? m.index,
        text: m[0].trim(),
        amount: Number((m[1] ?? '').replace(/,/g, '')),
    })));
    const best = new Map();
    for (const m of all) {
        const held = best.get(m.amountStart);
        if (!held || m.start < held.start)
            best.set(m.amountStart, m);
    }
    return [...best.values()].sort((a, b) => a.start - b.start);
}
/** The figures the prose states about this year's budget (change and last-year clauses skipped). */
export function findNarrativeStatements(lines) {
    return paragraphsOf(lines).filter(isProse).flatMap(statementsOf);
}
const SENTENCE_BREAK = new RegExp(NARRATIVE.sentenceBreak, 'g');
const DIVIDES = new RegExp(NARRATIVE.divides);
const CLASS_MARKER = new RegExp(NARRATIVE.classMarker);
const SCOPES = Object.entries(NARRATIVE.scopes).map(([id, words]) => ({ id, re: new RegExp(words, 'g') }));
/** The scope the funds named last in `text` give (`财政拨款支出总计` → fiscal), if any. */
function scopeNamed(text) {
    let best;
    for (const { id, re } of SCOPES)
        for (const m of text.matchAll(re))
            if (!best || m.index > best.at)
                best = { id, at: m.index };
    return best?.id;
}
/**
 * A paragraph's statements, each with its scope: the funds its own clause names before it, else,
 * after a 其中 in the same sentence, the scope of the figure the 其中 divides.
 */
function statementsOf(p) {
    const sentenceStarts = [0, ...[...p.text.matchAll(SENTENCE_BREAK)].map((m) => m.index + m[0].length)];
    const sentenceOf = (offset) => sentenceStarts.filter((s) => s <= offset).length;
    const out = [];
    let sentence = -1;
    let last;
    let inherited;
    for (const c of clausesOf(p.text)) {
        if (sentenceOf(c.start) !== sentence) {
            sentence = sentenceOf(c.start);
            last = inherited = undefined;
        }
        if (DIVIDES.test(c.text))
            inherited = last;
        // Every statement ends in an amount: a clause without a digit states none.
        if (!/\d/.test(c.text) || SKIP_CLAUSE.test(c.text))
            continue;
        for (const m of matchesIn(c.text)) {
            // `检察(款): 预算支出合计 …` is a figure of one class or section.
            if (CLASS_MARKER.test(c.text.slice(0, m.start)))
                continue;
            const scope = scopeNamed(c.text.slice(0, m.start)) ?? inherited;
            last = scope;
            out.push({ statement: m.statement, text: m.text, amount: m.amount, ...(scope ? { scope } : {}), at: pieceAt(p, c.start + m.start) });
        }
    }
    return out;
}
/** The first of a statement's targets the document prints. */
function figureFor(tables, targets) {
    for (const target of targets) {
        const table = filled(tables, target.table);
        const row = table ? rowByKey(table, target.key) : undefined;
        const value = row?.values[target.measure];
        if (table && row && value !== undefined)
            return { table, row, target, value };
    }
    return undefined;
}
/**
 * Prose that names a figure loosely: the central 决算 template labels its grand total 合计 and its
 * prose calls 本年收入合计 收入总计 (西南大学 2023: 收入总计 430,725.03 万元 = 本年收入合计). A
 * statement equal to one of its `alsoTargets` holds.
 */
function alsoFigures(tables, stmt) {
    return (stmt.alsoTargets ?? []).flatMap((target) => figureFor(tables, [target]) ?? []);
}
/** The amount's printed decimals: `17,192万元` has none. */
const PRINTED_AMOUNT = /\d(?:\.(\d+))?\s*万元\s*$/;
/**
 * A figure the prose states is compared at the precision it prints: `17,192万元` for a table's
 * 171,915,169 元 is that figure rounded to whole 万元, not a different one.
 */
function proseTolerance(s) {
    return toleranceAt(PRINTED_AMOUNT.exec(s.text)?.[1]?.length ?? 0);
}
/** Half a unit of the last of `decimals` places a prose figure prints, at least a cent's half. */
const toleranceAt = (decimals) => Math.max(NARRATIVE_TOLERANCE_WAN, 0.5 * 10 ** -decimals + 1e-9);
/**
 * A statement's tables by its scope: a 财政拨款 figure is that of the 财政拨款 tables, one about
 * other funds (政府性基金 …) has none to compare with; statements without `fiscalTargets`
 * (三公, 机关运行经费, already 财政拨款 tables) keep theirs.
 */
function targetsOf(def, scope) {
    if (!def.fiscalTargets || scope === undefined)
        return def.targets;
    return scope === 'fiscal' ? def.fiscalTargets : [];
}
const STATEMENT_DEFS = new Map(NARRATIVE.statements.map((s) => [s.id, s]));
function narrativeTotals(ctx, def) {
    const statements = findNarrativeStatements(ctx.lines);
    if (!statements.length)
        return NOT_APPLICABLE;
    const instances = statements.map((s) => {
        const stmt = STATEMENT_DEFS.get(s.statement);
        const figure = figureFor(ctx.tables, targetsOf(stmt, s.scope));
        // A figure the tables do not print cannot contradict the prose.
        if (!figure)
            return unknown();
        const also = s.scope === undefined ? alsoFigures(ctx.tables, stmt) : [];
        const compared = [figure, ...also].map((f) => ({ f, c: compareSum([toWan(f.value, f.table.unit)], s.amount, proseTolerance(s)) }));
        const covers = compared.flatMap(({ f }) => figuresOf(f.table, [f.row], f.target.measure));
        const holds = compared.find(({ c }) => c.verdict !== 'broken');
        // Wrong against every line the prose may mean: name the nearest, the one a slip most likely changed.
        const { f, c } = holds ?? compared.reduce((a, b) => (Math.abs(b.c.expected - b.c.found) < Math.abs(a.c.expected - a.c.found) ? b : a));
        return covering(judged(c, () => ({ issue: narrativeIssue(def, s, f, c) })), covers);
    });
    return { applicable: true, instances };
}
function narrativeIssue(def, s, f, c) {
    const where = at(f.row, f.target.measure);
    return {
        kind: 'narrative_mismatch',
        severity: def.severity,
        check: def.id,
        table: f.table.type,
        key: f.row.key,
        measure: f.target.measure,
        expected: c.expected,
        found: c.found,
        at: s.at,
        message: `the text says "${s.text}" but ${label(f.table)} row ${rowLabel(f.row)}, column ${f.target.measure} ` +
            `prints ${fmt(c.expected)} 万元 (at ${describeAt(where)})`,
    };
}
// Prose arithmetic: percentages against the amounts the same sentence states.
const ARITHMETIC = NARRATIVE.arithmetic;
const SHARE = new RegExp(ARITHMETIC.share, 'g');
const WHOLE = new RegExp(ARITHMETIC.whole, 'dg');
const CHANGE = new RegExp(ARITHMETIC.change, 'g');
const PROSE_AMOUNT = new RegExp(ARITHMETIC.amount, 'g');
const INCREASE = new RegExp(`^(?:${ARITHMETIC.increase})$`);
const CHANGE_WORD_BEFORE = new RegExp(`(?:${ARITHMETIC.increase}|${ARITHMETIC.decrease})\\s*$`);
const num = (text) => new Big(text.replace(/,/g, ''));
/** Half a unit of the last decimal a printed number shows: 0.005 for 56.42, 0.5 for 17. */
const halfUnit = (text) => new Big(0.5).times(new Big(10).pow(-((text.split('.')[1] ?? '').length)));
/**
 * Percentage points a stated percentage may be off on top of rounding: publishers compute from
 * unrounded amounts and force shares to add up to 100% (省法院 2017: 0.64% for 182.92 of 28,849.38).
 */
const PUBLISHER_SLACK = 0.05;
/** An amount in brackets is an aside (`(2016 年度部门支出预算安排为8,648.07万元)`), not this year's figure. */
const IN_BRACKETS = /[(（][^)）]*$/;
function sentencesOf(lines) {
    return paragraphsOf(lines).filter(isProse).flatMap((p) => {
        const starts = [0, ...[...p.text.matchAll(SENTENCE_BREAK)].map((m) => m.index + m[0].length)];
        return starts.map((start, i) => ({ text: p.text.slice(start, starts[i + 1] ?? p.text.length), start, p }));
    });
}
/**
 * A stated percentage against part / whole × 100, at the decimals it prints, widened by what the
 * rounding of the two amounts can move the quotient: ∂(p/w) = δp / w + p · δw / w².
 */
function percentInstance(def, s, offset, stated, part, whole, wholeHalf, what) {
    if (whole.lte(0))
        return unknown();
    const p = num(part);
    const computed = p.div(whole).times(100);
    const spread = halfUnit(part).div(whole).plus(p.abs().times(wholeHalf).div(whole.times(whole))).times(100);
    const tolerance = halfUnit(stated).plus(spread).plus(PUBLISHER_SLACK);
    if (computed.minus(num(stated)).abs().lte(tolerance))
        return instance('held');
    const message = `the text says "${s.text.trim()}": ${what} gives ${computed.toFixed(2)}%, it states ${stated}% (at ${describeAt(pieceAt(s.p, s.start + offset))})`;
    return instance('broken', [{ issue: { kind: 'narrative_mismatch', severity: def.severity, check: def.id, expected: Number(computed.toFixed(4)), found: Number(stated), at: pieceAt(s.p, s.start + offset), message } }]);
}
/** `X 万元，占收入总额 Y%`: X over the last amount a 总计/总额/合计 precedes earlier in the sentence. */
function shareInstances(def, s) {
    const wholes = [...s.text.matchAll(WHOLE)].map((m) => ({ at: m.indices[1][0], text: m[1] }));
    return [...s.text.matchAll(SHARE)].map((m) => {
        const whole = wholes.filter((w) => w.at < m.index).pop();
        if (!whole)
            return unknown();
        return percentInstance(def, s, m.index, m[2], m[1], num(whole.text), halfUnit(whole.text), `${m[1]} 万元 of ${whole.text} 万元`);
    });
}
/** `增加 X 万元，增长 Y%`: X over last year's figure, this year's (the amount the change follows) less X. */
function changeInstances(def, s) {
    return [...s.text.matchAll(CHANGE)].map((m) => {
        const [, word, amount, pctWord, pct] = m;
        const at = pieceAt(s.p, s.start + m.index);
        if (INCREASE.test(word) !== INCREASE.test(pctWord)) {
            const message = `the text says "${s.text.trim()}": ${word} ${amount} 万元 and ${pctWord} ${pct}% go opposite ways (at ${describeAt(at)})`;
            return instance('broken', [{ issue: { kind: 'narrative_mismatch', severity: def.severity, check: def.id, found: Number(pct), at, message } }]);
        }
        // This year's figure: the last amount before the change that is not itself a change.
        const current = [...s.text.slice(0, m.index).matchAll(PROSE_AMOUNT)]
            .filter((a) => !CHANGE_WORD_BEFORE.test(s.text.slice(0, a.index)) && !IN_BRACKETS.test(s.text.slice(0, a.index)))
            .pop();
        if (!current)
            return unknown();
        const x = num(amount);
        const previous = INCREASE.test(word) ? num(current[1]).minus(x) : num(current[1]).plus(x);
        const half = halfUnit(current[1]).plus(halfUnit(amount));
        return percentInstance(def, s, m.index, pct, amount, previous, half, `${amount} 万元 on last year's ${previous.toString()} 万元 (${current[1]} ${INCREASE.test(word) ? '−' : '+'} ${amount})`);
    });
}
// 决算 against budget: 年初预算为 X 万元，支出决算为 Y 万元，完成年初预算的 Z%。决算数大于预算数 …
const BF = ARITHMETIC.budgetFinal;
const BF_RES = {
    budget: new RegExp(BF.budget, 'g'),
    final: new RegExp(BF.final, 'g'),
    completion: new RegExp(BF.completion, 'g'),
    comparison: new RegExp(BF.comparison, 'g'),
};
const GREATER = new RegExp(`^(?:${BF.greater})$`);
const LESS = new RegExp(`^(?:${BF.less})$`);
const EQUAL = new RegExp(`^(?:${BF.equal})$`);
function budgetItemsOf(paragraphs) {
    const mentions = paragraphs.flatMap((p, paragraph) => Object.keys(BF_RES)
        .flatMap((kind) => [...p.text.matchAll(BF_RES[kind])].map((m) => ({ kind, p, paragraph, offset: m.index, m })))
        .sort((a, b) => a.offset - b.offset));
    const items = [];
    let open;
    let openedIn = -1;
    for (const e of mentions) {
        // The next paragraph may give the item's reasons (决算数大于预算数的主要原因是…), but a figure the item has already stated opens another.
        const restated = open?.[e.kind] !== undefined && e.paragraph > openedIn;
        if (e.kind === 'budget' || !open || e.paragraph > openedIn + 1 || restated) {
            open = {};
            openedIn = e.paragraph;
            items.push(open);
        }
        open[e.kind] ??= e;
    }
    return items.filter((i) => i.completion || i.comparison);
}
function proseIssue(def, e, message, found, expected) {
    const at = pieceAt(e.p, e.offset);
    const issue = { kind: 'narrative_mismatch', severity: def.severity, check: def.id, at, message: `${message} (at ${describeAt(at)})`, ...(found !== undefined ? { found } : {}), ...(expected !== undefined ? { expected } : {}) };
    return instance('broken', [{ issue }]);
}
/** A comparison's word (大于, 基本持平 …) and the difference it states, if any. */
function comparisonOf(c) {
    return { word: c.m[1], diffText: c.m[2] };
}
/** How 决算 stands to 预算 by the words of a comparison, against the amounts or the completion rate stated. */
function comparisonInstances(def, item) {
    const c = item.comparison;
    if (!c)
        return [];
    const { word, diffText } = comparisonOf(c);
    const quoted = `"${c.m[0]}"`;
    const x = item.budget ? num(item.budget.m[1]) : undefined;
    const y = item.final ? num(item.final.m[1]) : undefined;
    const out = [];
    if (x !== undefined && y !== undefined) {
        const half = halfUnit(item.budget.m[1]).plus(halfUnit(item.final.m[1]));
        const gap = y.minus(x);
        const fits = GREATER.test(word) ? gap.gt(0) : LESS.test(word) ? gap.lt(0) : EQUAL.test(word) ? gap.abs().lte(half) : gap.abs().lte(x.abs().times(BF.level).plus(half));
        out.push(fits ? instance('held') : proseIssue(def, c, `the text says ${quoted}, but states 预算 ${item.budget.m[1]} 万元 and 决算 ${item.final.m[1]} 万元`));
        if (diffText !== undefined) {
            const d = num(diffText);
            const ok = d.minus(gap.abs()).abs().lte(half.plus(halfUnit(diffText)));
            out.push(ok ? instance('held') : proseIssue(def, c, `the text says ${quoted}: 决算 ${item.final.m[1]} less 预算 ${item.budget.m[1]} is ${gap.abs().toString()} 万元`, Number(diffText.replace(/,/g, '')), gap.abs().toNumber()));
        }
        return out;
    }
    const z = item.completion ? num(item.completion.m[1]) : undefined;
    if (z === undefined)
        return [unknown()];
    const zHalf = halfUnit(item.completion.m[1]);
    const fits = GREATER.test(word) ? z.plus(zHalf).gt(100) : LESS.test(word) ? z.minus(zHalf).lt(100) : EQUAL.test(word) ? z.minus(100).abs().lte(zHalf) : z.minus(100).abs().lte(zHalf.plus(BF.level * 100));
    return [fits ? instance('held') : proseIssue(def, c, `the text says ${quoted}, but states 完成预算的 ${item.completion.m[1]}%`)];
}
/**
 * The item's 预算: as stated, or its 决算 less the difference its comparison states (天水市幼儿园
 * 2017: 支出总计 1741.75 万元 … 决算数大于预算数 55.93 万元 is a 预算 of 1685.82), with the
 * rounding of both figures.
 */
function budgetOf(item) {
    if (item.budget)
        return { x: num(item.budget.m[1]), text: item.budget.m[1], half: halfUnit(item.budget.m[1]) };
    if (!item.final || !item.comparison)
        return undefined;
    const { word, diffText } = comparisonOf(item.comparison);
    if (diffText === undefined || !(GREATER.test(word) || LESS.test(word)))
        return undefined;
    const y = num(item.final.m[1]);
    const x = GREATER.test(word) ? y.minus(num(diffText)) : y.plus(num(diffText));
    return { x, text: `${x.toString()} (${item.final.m[1]} ${GREATER.test(word) ? '−' : '+'} ${diffText})`, half: halfUnit(item.final.m[1]).plus(halfUnit(diffText)) };
}
/** 完成年初预算的 Z% against 决算 over 预算, where both amounts are stated or follow from the difference. */
function completionInstances(def, item) {
    const { final, completion } = item;
    const budget = budgetOf(item);
    if (!budget || !final || !completion)
        return [];
    const s = { text: completion.p.text, start: 0, p: completion.p };
    return [percentInstance(def, s, completion.offset, completion.m[1], final.m[1], budget.x, budget.half, `决算 ${final.m[1]} 万元 of 预算 ${budget.text} 万元`)];
}
function narrativeArithmetic(ctx, def) {
    const sentences = sentencesOf(ctx.lines).flatMap((s) => [...shareInstances(def, s), ...changeInstances(def, s)]);
    const items = budgetItemsOf(paragraphsOf(ctx.lines).filter(isProse)).flatMap((i) => [...completionInstances(def, i), ...comparisonInstances(def, i)]);
    const instances = [...sentences, ...items];
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
// Figures of one 类/款/项: “一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元; 小学教育（2050202）… 决算数为 7,970.38 万元.
const ITEM_PATH = new RegExp(NARRATIVE.items.path, 'g');
const ITEM_CODED = new RegExp(NARRATIVE.items.coded, 'g');
const fold = (name) => name.normalize('NFKC').replace(/\s+/g, '');
function itemStatementsOf(p) {
    const byPath = [...p.text.matchAll(ITEM_PATH)].map((m) => ({
        names: { ...(m[1] ? { cls: m[1] } : {}), ...(m[2] ? { section: m[2] } : {}), item: m[3] },
        amount: m[4],
        text: m[0],
        at: pieceAt(p, m.index),
    }));
    const byCode = [...p.text.matchAll(ITEM_CODED)].map((m) => ({ code: m[1], amount: m[2], text: m[0], at: pieceAt(p, m.index) }));
    return [...byPath, ...byCode];
}
/** The one functional code of the document's rows whose item, section and class names are the path's. */
function codeOfPath(rows, names) {
    const nameOf = (code) => rows.find((r) => r.key === code)?.name ?? lookupCode(code)?.name;
    const sameName = (code, name) => name === undefined || fold(nameOf(code) ?? '') === fold(name);
    const codes = new Set(rows
        .filter((r) => r.key.length === 7 && fold(r.name) === fold(names.item))
        .map((r) => r.key)
        .filter((k) => sameName(k.slice(0, 5), names.section) && sameName(k.slice(0, 3), names.cls)));
    return codes.size === 1 ? [...codes][0] : undefined;
}
/**
 * Whether prose printing `stated` (万元) states the table figure `value` (万元): rounded to the
 * decimals it prints, or cut off there (上海市普陀区财政局 2025 writes 877,080 元 as 87.70 万元 and
 * 2,049,197 元 as 204.91 万元 throughout).
 */
export function statesFigure(stated, value) {
    const decimals = (stated.split('.')[1] ?? '').length;
    const x = new Big(stated.replace(/,/g, ''));
    const v = new Big(value);
    return v.minus(x).abs().lte(toleranceAt(decimals)) || v.round(decimals, Big.roundDown).eq(x);
}
/** A figure stated for one code against that code's 合计 in the tables printing it: it must be one of them. */
function narrativeItems(ctx, def) {
    const statements = paragraphsOf(ctx.lines).filter(isProse).flatMap(itemStatementsOf);
    if (!statements.length)
        return NOT_APPLICABLE;
    const coded = ctx.tables.filter((t) => !t.empty).flatMap((t) => printedRows(t).filter(isFunctional).map((row) => ({ t, row })));
    const rows = coded.map((c) => c.row);
    const instances = statements.map((s) => {
        const code = s.code ?? codeOfPath(rows, s.names);
        const printed = coded.filter((c) => c.row.key === code && c.row.values.total !== undefined);
        if (!code || !printed.length)
            return unknown();
        const amount = Number(s.amount.replace(/,/g, ''));
        const equal = printed.filter((c) => statesFigure(s.amount, toWan(c.row.values.total, c.t.unit)));
        const covers = (equal.length ? equal : printed).map((c) => figuresOf(c.t, [c.row], 'total'));
        if (equal.length)
            return covering(instance('held'), ...covers);
        const first = printed[0];
        const figures = printed.map((c) => `${label(c.t)} ${fmt(c.row.values.total)} ${c.t.unit}`).join(', ');
        const issue = {
            kind: 'narrative_mismatch',
            severity: def.severity,
            check: def.id,
            table: first.t.type,
            key: code,
            measure: 'total',
            expected: toWan(first.row.values.total, first.t.unit),
            found: amount,
            at: s.at,
            message: `the text says "${s.text.trim()}" (at ${describeAt(s.at)}); the tables print ${code} ${rowLabel(first.row).replace(code, '').trim()} as ${figures}`,
        };
        return covering(instance('broken', [{ issue }]), ...covers);
    });
    return { applicable: true, instances };
}
/** This family's checks, by id (data/checks.json). */
export const RULES = {
    narrative_totals: { scope: 'document', run: narrativeTotals },
    narrative_items: { scope: 'document', run: narrativeItems },
    narrative_arithmetic: { scope: 'document', run: narrativeArithmetic },
};
