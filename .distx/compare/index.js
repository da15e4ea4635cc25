/** Year-on-year comparison of two disclosures of one department. */
export { compareDocuments, pairDocuments, PRIOR_PREFIX } from './compare.js';
export { comparisonsToCsv, comparisonToText, comparisonsToHtml, COMPARE_HEADERS, DEFAULT_TEXT_ROWS } from './render.js';
export { compareInputs, loadDocuments, CompareError } from './load.js';
