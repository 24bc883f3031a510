#!/usr/bin/env node
// The READMEs as the published package shows them: npm's page cannot resolve a
// relative link without a repository, so at pack time every relative link
// becomes an absolute, versioned link to the same file inside the published
// package on unpkg (docs/behaviour-decisions.md#links). On GitHub the
// committed READMEs keep their relative links.
//
//   node scripts/pack-readme.mjs rewrite      (prepack) back the READMEs up, rewrite their links
//   node scripts/pack-readme.mjs restore      (postpack, postpublish) put the originals back
//   node scripts/pack-readme.mjs links FILE   print the links of FILE, one per line (for the tests)
//
// `restore --unless-publishing` does nothing inside `npm publish`, which reads the
// README for the registry after packing: postpublish restores it then.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const READMES = ['README.md', 'README.zh-CN.md'];
const BACKUP = '.pack-readme';
const root = process.cwd();

/** `[text](target)` and `[label]: target`: every Markdown link, with where its target starts and ends. */
export function links(markdown) {
  const found = [];
  for (const match of markdown.matchAll(/\]\(([^()\s]+)\)|^\[[^\]]+\]:\s*(\S+)/gm)) {
    const target = match[1] ?? match[2];
    const start = match.index + match[0].indexOf(target);
    found.push({ target, start, end: start + target.length });
  }
  return found;
}

/** A link that resolves against the file's location: not `#anchor`, not `scheme:`. */
const isRelative = (target) => !target.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(target);

/** The README with each relative link made `https://unpkg.com/<name>@<version>/<path>#anchor`. */
export function rewrite(markdown, { name, version }, fileExists) {
  let out = '';
  let last = 0;
  for (const { target, start, end } of links(markdown)) {
    if (!isRelative(target)) continue;
    const [file, anchor] = target.split('#');
    const normalized = path.posix.normalize(file);
    if (normalized.startsWith('..') || !fileExists(normalized)) throw new Error(`a link to ${target}, which is not a file of the package`);
    out += markdown.slice(last, start) + `https://unpkg.com/${name}@${version}/${normalized}${anchor === undefined ? '' : `#${anchor}`}`;
    last = end;
  }
  return out + markdown.slice(last);
}

function main([command, ...rest]) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (command === 'rewrite') {
    // Twice in a row (prepublishOnly, then prepack) must not back up the rewritten text.
    if (!existsSync(path.join(root, BACKUP))) {
      mkdirSync(path.join(root, BACKUP));
      for (const readme of READMES) writeFileSync(path.join(root, BACKUP, readme), readFileSync(path.join(root, readme)));
    }
    for (const readme of READMES) {
      const original = readFileSync(path.join(root, BACKUP, readme), 'utf8');
      writeFileSync(path.join(root, readme), rewrite(original, pkg, (file) => statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile() === true));
    }
  } else if (command === 'restore') {
    if (rest.includes('--unless-publishing') && process.env.npm_command === 'publish') return;
    if (!existsSync(path.join(root, BACKUP))) return;
    for (const readme of READMES) renameSync(path.join(root, BACKUP, readme), path.join(root, readme));
    rmSync(path.join(root, BACKUP), { recursive: true, force: true });
  } else if (command === 'links') {
    for (const { target } of links(readFileSync(rest[0], 'utf8'))) console.log(target);
  } else {
    console.error('usage: node scripts/pack-readme.mjs rewrite | restore [--unless-publishing] | links FILE');
    process.exitCode = 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
