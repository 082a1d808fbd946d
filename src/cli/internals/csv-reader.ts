/** The streaming CSV reader of the command: the register readers' own (`src/readers/internals/csv-reader.ts`). */
export { CsvReader, type CsvRecord, type CsvProblem, type CsvLimits, type CsvOptions } from '../../readers/internals/csv-reader.js';
