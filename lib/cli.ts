#!/usr/bin/env node
// The package's `bin`: `eslint-plugin-feishu audit [options] [paths…]` (docs/audit.md).
import { runCommand } from './audit/run';

void runCommand({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  // exitCode, not exit(): stdout may still be draining into a pipe.
  process.exitCode = code;
});
