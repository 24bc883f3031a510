// One whole-corpus lint in a fresh process: prints files/s and peak memory as JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const eslint = new ESLint({ cwd: path.parse(process.cwd()).root, overrideConfigFile: path.join(import.meta.dirname, 'lint-config.mjs') });
const started = performance.now();
await eslint.lintFiles(files);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, filesPerSecond: files.length / seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
