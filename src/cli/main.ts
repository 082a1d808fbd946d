#!/usr/bin/env node
/** Entry point of the `shuangsuiji` command (see `run-cli.ts`). */
import { runCli } from './run-cli.js';

declare const __SHUANGSUIJI_VERSION__: string | undefined;

const version = typeof __SHUANGSUIJI_VERSION__ === 'string' ? __SHUANGSUIJI_VERSION__ : 'dev';
const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    stderrIsTty: process.stderr.isTTY === true,
  },
  version,
);
process.exitCode = code;
