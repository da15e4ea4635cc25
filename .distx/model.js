/**
 * The one model every stage passes on. Extractors turn input into `Line[]`, the table stages turn
 * lines into `Table[]`, normalize keys rows and checks them, exporters print a `BudgetDocument`.
 */
export {};
