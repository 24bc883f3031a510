import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { analyzeFile, type EndpointFinding } from '../../analysis';
import { idsOfCode, type CatalogEntry, type Notice } from '../../catalog';
import { compileNotice } from '../../matcher';
import { WeakMemo } from '../../memo';
import { describeEndpoint, type EndpointMessageData } from '../../messages';
import { stillFails } from '../../policy';
import { readFeishuSettings, type FeishuSettings } from '../../settings';
import { reportSubject } from '../../subjects';

/** The one option of every API rule (docs/spec/behaviour.md#rule-options). */
export type AllowOptions = [{ allow: string[] }];

/** `{ allow: [...] }`, its values generated from the catalog ids of one error code of a notice. */
export function allowOptionSchema<Code extends number>(notice: Notice<Code>, code: Code): JSONSchema4[] {
  return [
    {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          description: 'Catalog ids of endpoints checked by hand, not to be reported.',
          items: { type: 'string', enum: idsOfCode(notice, code) },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
  ];
}

/**
 * The `create` of an API rule: report the file's findings of one error code of
 * a notice that still fail for the configured kind of app and are not allowed;
 * those the code guards or handles only with `settings.feishu.reportGuarded`
 * (docs/spec/behaviour.md#guarded-and-handled-findings). The notice is
 * compiled here, once, when the rule is defined.
 */
export function reportEndpoints<Code extends number, MessageId extends string>(
  notice: Notice<Code>,
  code: Code,
  /** The messageId of a URL finding, and of an SDK call where the group has SDK methods. */
  messageIds: { url: MessageId; sdk?: MessageId },
): (context: Readonly<TSESLint.RuleContext<MessageId, AllowOptions>>, options: AllowOptions) => TSESLint.RuleListener {
  const compiled = compileNotice(notice);
  return (context, [{ allow }]) => {
    const settings = readFeishuSettings(context.settings);
    const allowed = new Set(allow);
    return {
      Program() {
        for (const finding of analyzeFile(context.sourceCode, settings).endpoints(compiled)) {
          if (finding.code !== code) continue;
          if (finding.protection !== undefined && !settings.reportGuarded) continue;
          const entries = entriesToReport(finding, settings, allowed);
          if (entries === undefined) continue;
          const messageId = finding.sdkCall === undefined ? messageIds.url : (messageIds.sdk ?? messageIds.url);
          reportSubject(
            context,
            { node: finding.node, messageId, data: messageData(notice, entries, finding, settings) },
            { kind: 'endpoint', notice, code, entries, method: finding.method, sdkCall: finding.sdkCall, protection: finding.protection },
          );
        }
      },
    };
  };
}

// The same endpoint reads the same for one kind of app and locale: build each text once.
const messageCache = new WeakMemo<FeishuSettings, Map<string, EndpointMessageData>>();

function messageData(
  notice: Notice,
  entries: [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall, protection }: EndpointFinding,
  settings: FeishuSettings,
): EndpointMessageData {
  const bySettings = messageCache.get(settings, () => new Map());
  const key = `${notice.id} ${sdkCall ?? ''} ${method ?? ''} ${protection ?? ''} ${entries.map((entry) => entry.id).join(' ')}`;
  let data = bySettings.get(key);
  if (data === undefined) {
    data = describeEndpoint(notice, entries, { method, sdkCall, protection }, settings);
    bySettings.set(key, data);
  }
  return data;
}

/**
 * The entries a finding names that still fail for this kind of app and are not
 * allowed, or undefined for none. A known HTTP method picks its entry among
 * those sharing the path; otherwise every entry of the path counts.
 */
function entriesToReport(
  finding: EndpointFinding,
  settings: Pick<FeishuSettings, 'appKind'>,
  allowed: ReadonlySet<string>,
): [CatalogEntry, ...CatalogEntry[]] | undefined {
  const { entries, method } = finding;
  const byMethod = method === undefined ? [] : entries.filter((entry) => entry.methods.includes(method));
  const named = byMethod.length > 0 ? byMethod : entries;
  const reported = named.filter((entry) => !allowed.has(entry.id) && stillFails(entry, settings.appKind));
  return reported.length > 0 ? (reported as [CatalogEntry, ...CatalogEntry[]]) : undefined;
}
