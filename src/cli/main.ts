#!/usr/bin/env node
/**
 * Entry point of the `shuangsuiji` command (see `run-cli.ts`). `runCli` turns every error into a message; this file
 * adds the last guards of the process itself: a reader that closes the pipe early (`shuangsuiji … | head`) ends
 * the command quietly, and anything that still escapes is reported in one line as an internal error (exit 3),
 * never as a stack trace.
 */
import { EXIT_INTERNAL_ERROR, runCli } from './run-cli.js';

declare const __SHUANGSUIJI_VERSION__: string | undefined;

function internalError(error: unknown): void {
  let text = 'unknown';
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    // keep 'unknown'
  }
  try {
    process.stderr.write(`shuangsuiji: [INTERNAL_ERROR] 内部错误 / internal error (${text.slice(0, 500)}); please report it.\n`);
  } catch {
    // stderr is gone too: the exit code still tells
  }
  process.exit(EXIT_INTERNAL_ERROR);
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (EPIPE): nothing more can be shown; keep the exit code the command chose.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    internalError(error);
  });
}

const version = typeof __SHUANGSUIJI_VERSION__ === 'string' ? __SHUANGSUIJI_VERSION__ : 'dev';
const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    stderrIsTty: process.stderr.isTTY === true,
    // The one clock of the command: progress lines (rows per second, time left) on stderr, never an output.
    now: () => Number(process.hrtime.bigint() / 1_000_000n),
  },
  version,
);
process.exitCode = code;
