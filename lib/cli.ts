#!/usr/bin/env node
// The package's `bin`: `eslint-plugin-feishu audit [options] [paths…]` (docs/audit.md).
import { runCommand } from './audit/run';

// A reader that stops early (`… | head`) closes the pipe: that ends the command quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// ESLint's process warnings speak of the project's own config (`.eslintignore`, `/* eslint-env */`), which the
// audit does not read: they would only mislead here. Other warnings are printed as Node.js prints them.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (/^ESLint\w*Warning$/.test(warning.name)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

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
