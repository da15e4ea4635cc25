import type { BudgetDocument, PageImage } from '../model.js';
/** Which pages of a PDF the review page shows: each page a value or an issue was printed on. */
/** The pages the document cites: where its values and its issues were printed. */
export declare function citedPages(doc: BudgetDocument): number[];
/** The images of the pages one document cites (a county bundle's unit cites its own pages). */
export declare function imagesFor(doc: BudgetDocument, images: Map<number, PageImage>): Map<number, PageImage>;
