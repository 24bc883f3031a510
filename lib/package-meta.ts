/**
 * The package's name, version and repository, read from package.json at run
 * time so that they are never written twice. The path works from `lib/` (tests)
 * and from `dist/` (the published build): both sit beside package.json.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is outside rootDir
const pkg = require('../package.json') as {
  name: string;
  version: string;
  repository: { url: string };
};

export const PACKAGE_NAME = pkg.name;
/** The plugin's namespace: rules are configured as `feishu/<rule>`. */
export const NAMESPACE = 'feishu';
/** The prefix of every rule id: `feishu/`. */
export const RULE_PREFIX = `${NAMESPACE}/`;
export const PACKAGE_VERSION = pkg.version;

/** `https://github.com/<owner>/<repo>` from `git+https://github.com/<owner>/<repo>.git`. */
export const REPOSITORY_URL = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The rule's doc at the release tag (docs/spec/behaviour.md#messages). */
export function ruleDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/${ruleName}.md`;
}
