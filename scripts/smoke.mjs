// npm run smoke [-- --sample N]: lints the corpus and every fixture with all
// rules on, under each kind of app × each locale, and fails on any exception
// from the plugin. Parse errors are the corpus's, not the plugin's: they are
// counted and shown apart. Reports how time grows with file size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { corpusBaseConfig, corpusFiles, ensureCorpus, FILES, fixtureFiles, root, sample } from './bench/corpus.mjs';

const require = createRequire(import.meta.url);
const feishu = require(path.join(root, 'dist'));

const sampleArg = process.argv.indexOf('--sample');
const sampleSize = sampleArg === -1 ? 0 : Number(process.argv[sampleArg + 1]);
const files = [...sample(corpusFiles(ensureCorpus()), sampleSize), ...fixtureFiles()];

const KINDS = {
  unknown: {},
  store: { appType: 'store' },
  'self-built': { appType: 'self-built' },
  'self-built, linked organization': { appType: 'self-built', linkedOrganization: true },
  'self-built, external sharing': { appType: 'self-built', externalSharing: true },
};
const LOCALES = ['en', 'zh-CN'];

const crashes = [];
const parseErrors = new Set();
let findings = 0;
let linted = 0;
const sizes = [];
const started = performance.now();
for (const [kind, app] of Object.entries(KINDS)) {
  for (const locale of LOCALES) {
    const eslint = new ESLint({
      // The corpus lives outside the repository: ESLint skips files outside its cwd.
      cwd: path.parse(root).root,
      overrideConfigFile: true,
      overrideConfig: [
        ...corpusBaseConfig(),
        { ...feishu.configs.recommended, files: FILES },
        // Open Platform evidence everywhere: host-less paths and hand-written handlers are looked at in every file.
        { files: FILES, settings: { feishu: { ...app, locale, assumeOpenPlatform: kind === 'unknown' } } },
      ],
    });
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const t = performance.now();
      try {
        // One file at a time, so an exception names its file.
        const [result] = await eslint.lintText(text, { filePath: file });
        for (const message of result.messages) {
          if (message.fatal) parseErrors.add(path.relative(root, file));
          else if (message.ruleId?.startsWith('feishu/')) findings++;
          // A skipped file would make the run look clean without linting it.
          else if (message.message.startsWith('File ignored')) throw new Error(`not linted: ${message.message}`);
        }
      } catch (error) {
        crashes.push({ file, kind, locale, error: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
      }
      if (kind === 'store' && locale === 'en') sizes.push({ bytes: text.length, ms: performance.now() - t });
      linted++;
    }
  }
}

const seconds = (performance.now() - started) / 1000;
console.log(`smoke: ${files.length} files × ${Object.keys(KINDS).length} kinds of app × ${LOCALES.length} locales = ${linted} lints in ${seconds.toFixed(1)} s`);
console.log(`findings: ${findings}; files that do not parse (the corpus's, not the plugin's): ${parseErrors.size}`);
for (const file of [...parseErrors].slice(0, 10)) console.log(`  parse error: ${file}`);

// Time against size, by size bucket: linear growth keeps ms/KB flat.
const buckets = [[0, 16e3], [16e3, 64e3], [64e3, 256e3], [256e3, 1e9]];
for (const [low, high] of buckets) {
  const inBucket = sizes.filter((s) => s.bytes >= low && s.bytes < high);
  if (inBucket.length === 0) continue;
  const kb = inBucket.reduce((a, s) => a + s.bytes, 0) / 1024;
  const ms = inBucket.reduce((a, s) => a + s.ms, 0);
  console.log(`  files ${low / 1e3}–${high >= 1e9 ? '∞' : high / 1e3} kB: ${inBucket.length} files, ${(ms / kb).toFixed(3)} ms per kB (whole lint, parse included)`);
}

if (crashes.length > 0) {
  console.error(`\n${crashes.length} exceptions from the plugin:`);
  for (const crash of crashes.slice(0, 20)) console.error(`- ${path.relative(root, crash.file)} [${crash.kind}, ${crash.locale}]\n${crash.error}\n`);
  process.exit(1);
}
console.log('0 exceptions from the plugin');
