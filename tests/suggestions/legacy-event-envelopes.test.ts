import { describe } from 'vitest';
import rule from '../../lib/rules/no-legacy-message-event';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

// Issue 15, items 11 and 12: the event rule's suggestions write the envelope (`body` in `body.event.type`)
// again, as the object of `.header`, `.schema` and the v2 field paths. It must stay the expression the code
// wrote: with its parentheses, or in new ones where a member read needs them. The rule tester also fails on a
// suggestion whose output does not parse.

const ruleTester = createRuleTester();
const legacyEvent = 'legacyEvent' as const;
const checkReceiveV1 = 'checkReceiveV1' as const;
/** Open Platform evidence: hand-written checks need it. */
const EVIDENCE = "import * as lark from '@larksuiteoapi/node-sdk';\n";
const V2 = "'im.message.receive_v1'";

/** A case whose one report has one suggestion with this output; `code` and `output` follow EVIDENCE. */
function suggested(code: string, output: string, options: { typescript?: boolean } = {}) {
  return {
    ...(options.typescript === true ? {} : PLAIN_JS),
    name: code,
    code: EVIDENCE + code,
    errors: [{ messageId: legacyEvent, suggestions: [{ messageId: checkReceiveV1, output: EVIDENCE + output }] }],
  };
}

/** A case reported without a suggestion. */
function unsuggested(code: string) {
  return { ...PLAIN_JS, name: `no suggestion: ${code}`, code: EVIDENCE + code, errors: [{ messageId: legacyEvent, suggestions: [] }] };
}

describe('15.11 suggestions that do not parse', () => {
  ruleTester.run('envelopes in parentheses', rule, {
    valid: [],
    invalid: [
      suggested(
        "switch ((a || b).event.type) { case 'message': }",
        `switch ((a || b).header?.event_type ?? (a || b).event.type) { case ${V2}: }`,
      ),
      suggested("if ((x as any).event.type === 'message') go();", `if ((x as any).header?.event_type === ${V2}) go();`, { typescript: true }),
      suggested("if ((new Body).event.type === 'message') go();", `if ((new Body).header?.event_type === ${V2}) go();`),
      suggested(
        "if ((x = y).event.type === 'message') reply((x = y).event.open_chat_id);",
        `if ((x = y).header?.event_type === ${V2}) reply((x = y).event.message.chat_id);`,
      ),
      // The v1 type read inside an expression: `??` in its own parentheses, never next to `||`.
      suggested(
        "switch (body.event.type as string) { case 'message': }",
        `switch ((body.header?.event_type ?? body.event.type) as string) { case ${V2}: }`,
        { typescript: true },
      ),
      // Written where the code did not need parentheses: `const { event } = <envelope>`.
      suggested(
        "const { event } = a || b;\nif (event.type === 'message') reply(event.open_chat_id);",
        `const { event } = a || b;\nif ((a || b).header?.event_type === ${V2}) reply(event.message.chat_id);`,
      ),
      // A number is no member's object without them: `1.header` does not parse.
      suggested("if ((1).event.type === 'message') go();", `if ((1).header?.event_type === ${V2}) go();`),
    ],
  });
});

describe('15.12 suggestions that parse but change meaning', () => {
  ruleTester.run('envelopes kept intact', rule, {
    valid: [],
    invalid: [
      suggested(
        "if ((req.body || {}).event.type === 'message') reply((req.body || {}).event.open_chat_id);",
        `if ((req.body || {}).header?.event_type === ${V2}) reply((req.body || {}).event.message.chat_id);`,
      ),
      suggested(
        "if ((await req.json()).event.type === 'message') go();",
        `if ((await req.json()).header?.event_type === ${V2}) go();`,
      ),
      suggested("if ((a ? b : c).event.type === 'message') go();", `if ((a ? b : c).header?.event_type === ${V2}) go();`),
      suggested("if ((a, b).event.type === 'message') go();", `if ((a, b).header?.event_type === ${V2}) go();`),
      suggested("if ((b1 ?? b2).event.type === 'message') go();", `if ((b1 ?? b2).header?.event_type === ${V2}) go();`),
      suggested("if ((<any>x).event.type === 'message') go();", `if ((<any>x).header?.event_type === ${V2}) go();`, { typescript: true }),
      // The envelope guard and the field reads keep it too.
      suggested(
        "if ((req.body || {}).type === 'event_callback' && (req.body || {}).event.type === 'message') go((req.body || {}).event.open_message_id);",
        `if ((req.body || {}).schema === '2.0' && (req.body || {}).header?.event_type === ${V2}) go((req.body || {}).event.message.message_id);`,
      ),
      // A field read through a wrapped event variable keeps its wrapper.
      suggested(
        "const ev = body.event;\nif (ev.type === 'message') reply((ev as any).open_chat_id);",
        `const ev = body.event;\nif (body.header?.event_type === ${V2}) reply((ev as any).message.chat_id);`,
        { typescript: true },
      ),
      // An envelope that does something when read is never written where the code did not read it: a switch
      // would read it twice (`v2 ?? v1`), a check of a variable once more. Reported, without a suggestion.
      unsuggested("switch ((await req.json()).event.type) { case 'message': }"),
      unsuggested("const { event } = await req.json();\nif (event.type === 'message') go();"),
      unsuggested("const ev = (x = y).event;\nif (ev.type === 'message') go();"),
    ],
  });
});
