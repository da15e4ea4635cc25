import type { Row } from '../model.js';
/**
 * Rows named exactly by an economic classification name but printing no code (`办公费`, `水费`
 * under `商品和服务支出`) nest as coded rows do: each takes the code its name has in the table's
 * classification (部门 or 政府, the one a printed code or every name points to), and a name two
 * classes share (`办公设备购置`, 309 and 310) the one under the class row above it. A table with a
 * row that is neither its total nor economic gets no codes: its rows are not one classification's
 * lines, and a sum over some of them would say nothing.
 */
export declare function namedEconomicCodes(rows: readonly Row[]): Map<Row, string>;
