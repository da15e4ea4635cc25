/**
 * The parts of the Frictionless v1 profiles our descriptor relies on, written down from the specs
 * (Tabular Data Package, Tabular Data Resource, Table Schema, CSV Dialect, and the Fiscal Data
 * Package `model`), since the official JSON Schemas are not available offline. Stricter than the
 * profiles where our output promises more (bare numbers, a `missingValues` list).
 */

const name = { type: 'string', pattern: '^[a-z0-9._-]+$' };
/** A POSIX path inside the package: relative, no `..`, not starting with `.`, `/` or `~`. */
const path = { type: 'string', pattern: '^(?=[^./~])(?!.*\\.\\.)[^\\\\]+$' };

const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];

const field = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: FIELD_TYPES },
    title: { type: 'string' },
    description: { type: 'string' },
    bareNumber: { type: 'boolean' },
    decimalChar: { type: 'string', minLength: 1 },
    groupChar: { type: 'string', minLength: 1 },
    constraints: {
      type: 'object',
      properties: { required: { type: 'boolean' }, unique: { type: 'boolean' }, enum: { type: 'array', minItems: 1, uniqueItems: true } },
    },
  },
  // bareNumber and decimalChar belong to number fields only.
  if: { properties: { type: { not: { const: 'number' } } } },
  then: { properties: { bareNumber: false, decimalChar: false } },
};

const tableSchema = {
  type: 'object',
  required: ['fields'],
  properties: {
    fields: { type: 'array', minItems: 1, items: field },
    missingValues: { type: 'array', items: { type: 'string' } },
    primaryKey: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
};

const dialect = {
  type: 'object',
  required: ['delimiter', 'doubleQuote'],
  properties: {
    delimiter: { type: 'string', minLength: 1 },
    doubleQuote: { type: 'boolean' },
    quoteChar: { type: 'string', minLength: 1, maxLength: 1 },
    lineTerminator: { type: 'string' },
    header: { type: 'boolean' },
  },
};

const unit = { type: 'object', required: ['name', 'factor'], properties: { name: { type: 'string' }, factor: { type: 'number', exclusiveMinimum: 0 } } };

const resource = {
  type: 'object',
  required: ['name', 'path', 'schema', 'profile'],
  properties: {
    profile: { const: 'tabular-data-resource' },
    name,
    path,
    title: { type: 'string' },
    format: { type: 'string' },
    mediatype: { type: 'string', pattern: '^(.+)/(.+)$' },
    encoding: { type: 'string' },
    dialect,
    schema: tableSchema,
    unit,
  },
};

const measure = {
  type: 'object',
  required: ['source', 'currency'],
  properties: {
    source: { type: 'string' },
    resource: { type: 'string' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    factor: { type: 'number' },
    direction: { enum: ['expenditure', 'revenue'] },
    phase: { enum: ['proposed', 'approved', 'adjusted', 'executed'] },
  },
};

const dimension = {
  type: 'object',
  required: ['attributes', 'primaryKey'],
  properties: {
    attributes: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'object', required: ['source'], properties: { source: { type: 'string' }, resource: { type: 'string' }, labelfor: { type: 'string' } } },
    },
    primaryKey: { oneOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'string' } }] },
    dimensionType: { enum: ['datetime', 'entity', 'classification', 'activity', 'fact', 'location', 'other'] },
    classificationType: { enum: ['functional', 'administrative', 'economic'] },
  },
};

const date = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' };

export const fiscalTabularDataPackage = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['profile', 'name', 'resources', 'model'],
  properties: {
    profile: { const: 'tabular-data-package' },
    name,
    title: { type: 'string' },
    description: { type: 'string' },
    countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    granularity: { enum: ['aggregated', 'transactional'] },
    unit,
    phase: { enum: ['proposed', 'approved', 'adjusted', 'executed'] },
    fiscalPeriod: { type: 'object', required: ['start'], properties: { start: date, end: date } },
    resources: { type: 'array', minItems: 1, items: resource },
    model: {
      type: 'object',
      required: ['measures', 'dimensions'],
      properties: {
        measures: { type: 'object', propertyNames: { pattern: '^\\w' }, additionalProperties: measure },
        dimensions: { type: 'object', propertyNames: { pattern: '^\\w' }, additionalProperties: dimension },
      },
    },
  },
};
