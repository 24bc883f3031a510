/**
 * The package's name and version, read from package.json at run time so that
 * they are never written twice. The path works from `lib/` (tests) and from
 * `dist/` (the published build): both sit beside package.json.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is outside rootDir
const pkg = require('../package.json') as { name: string; version: string };

export const PACKAGE_NAME = pkg.name;
/** The plugin's namespace: rules are configured as `feishu/<rule>`. */
export const NAMESPACE = 'feishu';
/** The prefix of every rule id: `feishu/`. */
export const RULE_PREFIX = `${NAMESPACE}/`;
export const PACKAGE_VERSION = pkg.version;

/**
 * A file of the published package, at this version, on a public npm CDN
 * (docs/spec/behaviour.md#messages): it resolves for every user of a published
 * version, with no hosting of the project's own. `path` is relative to the
 * package root: `docs/rules/no-legacy-message-event.md`.
 */
export function packageFileUrl(path: string): string {
  return `https://unpkg.com/${PACKAGE_NAME}@${PACKAGE_VERSION}/${path}`;
}

/** The rule's doc inside the published package: what editors, SARIF and the audit link to. */
export function ruleDocsUrl(ruleName: string): string {
  return packageFileUrl(`docs/rules/${ruleName}.md`);
}
