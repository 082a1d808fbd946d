/** The streaming JSON and JSON Lines register readers of the command: the register readers' own (`src/readers/internals/json-rows.ts`). */
export { JsonArrayReader, JsonLinesReader, type JsonRow, type JsonRowLimits, type JsonRowProblem } from '../../readers/internals/json-rows.js';
