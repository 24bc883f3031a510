import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { analyzeFile, type EndpointFinding } from '../analysis';
import { idsOfCode, type CatalogEntry, type ErrorCode } from '../catalog';
import { describeEndpoint, type EndpointMessageData } from '../messages';
import { readFeishuSettings, type FeishuSettings } from '../settings';
import { reportSubject } from './observed-report';

/** The one option of every API rule (behaviour.md §7). */
export type AllowOptions = [{ allow: string[] }];

/** `{ allow: [...] }`, its enum generated from the catalog ids of one error code. */
export function allowOptionSchema(code: ErrorCode): JSONSchema4[] {
  return [
    {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          description: 'Catalog ids of endpoints checked by hand, not to be reported.',
          items: { type: 'string', enum: idsOfCode(code) },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
  ];
}

/**
 * The listener of an API rule: reports the file's findings of one error code
 * that still fail for the configured kind of app and are not allowed.
 */
export function reportEndpoints<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, AllowOptions>>,
  {
    code,
    messageIds,
    allow,
  }: {
    code: ErrorCode;
    /** The messageId of a URL finding, and of an SDK call where the group has SDK methods. */
    messageIds: { url: MessageId; sdk?: MessageId };
    allow: readonly string[];
  },
): TSESLint.RuleListener {
  const settings = readFeishuSettings(context.settings);
  const allowed = new Set(allow);
  return {
    Program() {
      for (const finding of analyzeFile(context.sourceCode, settings).endpoints()) {
        if (finding.code !== code) continue;
        const entries = entriesToReport(finding, settings, allowed);
        if (entries === undefined) continue;
        const messageId = finding.sdkCall === undefined ? messageIds.url : (messageIds.sdk ?? messageIds.url);
        reportSubject(
          context,
          { node: finding.node, messageId, data: messageData(entries, finding, settings) },
          { kind: 'endpoint', code, entries, method: finding.method, sdkCall: finding.sdkCall },
        );
      }
    },
  };
}

// The same endpoint reads the same for one kind of app and locale: build each text once.
const messageCache = new WeakMap<FeishuSettings, Map<string, EndpointMessageData>>();

function messageData(
  entries: [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall }: EndpointFinding,
  settings: FeishuSettings,
): EndpointMessageData {
  let bySettings = messageCache.get(settings);
  if (bySettings === undefined) {
    bySettings = new Map();
    messageCache.set(settings, bySettings);
  }
  const key = `${sdkCall ?? ''} ${method ?? ''} ${entries.map((entry) => entry.id).join(' ')}`;
  let data = bySettings.get(key);
  if (data === undefined) {
    data = describeEndpoint(entries, { method, sdkCall }, settings);
    bySettings.set(key, data);
  }
  return data;
}

/**
 * The entries a finding names that still fail for this kind of app and are not
 * allowed, or undefined for none. A known HTTP method picks its entry among
 * those sharing the path; otherwise every entry of the path counts.
 */
export function entriesToReport(
  finding: EndpointFinding,
  settings: Pick<FeishuSettings, 'appKind'>,
  allowed: ReadonlySet<string>,
): [CatalogEntry, ...CatalogEntry[]] | undefined {
  const { entries, method } = finding;
  const byMethod = method === undefined ? [] : entries.filter((entry) => entry.methods.includes(method));
  const named = byMethod.length > 0 ? byMethod : entries;
  const reported = named.filter((entry) => !allowed.has(entry.id) && stillFails(entry, settings));
  return reported.length > 0 ? (reported as [CatalogEntry, ...CatalogEntry[]]) : undefined;
}

/** With external sharing on, only what it does not unlock still fails (external-chat-facts.md §5). */
function stillFails(entry: CatalogEntry, settings: Pick<FeishuSettings, 'appKind'>): boolean {
  return settings.appKind !== 'self-built-external-sharing' || entry.blockedWithExternalSharing;
}
