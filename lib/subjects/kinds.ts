import type { Protection } from '../analysis';
import { describeEndpoint, TEXTS } from '../messages';
import { adviceKind, groupFailurePhrase, legacyEventProblem } from '../policy';
import type { FeishuSettings } from '../settings';
import { LEGACY_EVENT_KINDS, type EndpointSubject, type LegacyEventSubject, type ReportSubject } from './subject';

type Settings = Pick<FeishuSettings, 'appKind' | 'locale'>;

/** The group of findings a subject belongs to: an error code of a notice, or its legacy event. */
export interface GroupDescription {
  /** Identity of the group within the report. */
  readonly key: string;
  /** Order within the notice: its error codes as the notice lists them, then its legacy event. */
  readonly rank: number;
  /** The error code, or `legacy-event` for a group that has none. */
  readonly code: number | 'legacy-event';
  /** Whether the code is shown before the title. */
  readonly showsCode: boolean;
  readonly title: string;
  /** What fails, since when, for the configured kind of app. */
  readonly failure: string;
  readonly errorText: string | undefined;
  /** The advice differs by kind of app, so the report adds the other kinds' when the kind is unknown. */
  readonly advisesByKind: boolean;
}

/** One subject of a group, as the report lists it. */
interface SubjectDescription {
  /** Catalog ids joined with `+`, or `legacy-event:<kind>`. */
  readonly id: string;
  /** Order within its group. */
  readonly rank: number;
  readonly catalogIds: readonly string[];
  /** `POST /open-apis/message/v4/send ([Legacy] Send message)`, or what the event code does. */
  readonly label: string;
  /** What to do, for the configured kind of app (a self-built app's when none is configured). */
  readonly remedy: string;
  /** The official page of the endpoint or event. */
  readonly docUrl: string;
}

/**
 * What one occurrence adds to its subject: the HTTP method or SDK method the
 * code uses there, and whether the code guards or handles it there.
 */
interface OccurrenceDetail {
  readonly httpMethod?: string;
  readonly sdkCall?: string;
  readonly protection?: Protection;
}

/** How the audit reads one kind of subject: every kind has each of these, or the code does not compile. */
interface SubjectKind<Subject extends ReportSubject> {
  group(subject: Subject, settings: Settings): GroupDescription;
  describe(subject: Subject, settings: Settings): SubjectDescription;
  occurrence(subject: Subject): OccurrenceDetail;
}

const endpoint: SubjectKind<EndpointSubject> = {
  group({ notice, code }, { appKind, locale }) {
    const index = notice.groups.findIndex((group) => group.code === code);
    const group = notice.groups[index];
    if (group === undefined) throw new Error(`notice ${notice.id} has no error code ${code}`);
    return {
      key: `${notice.id} ${code}`,
      rank: index,
      code,
      showsCode: true,
      title: group.title[locale],
      failure: groupFailurePhrase(notice, code, appKind, locale),
      errorText: group.errorText?.[locale],
      advisesByKind: true,
    };
  },
  describe({ notice, entries }, { appKind, locale }) {
    // The documented methods, not the one a particular call uses: one label for every occurrence.
    // Without a kind of app, a self-built app's remedy; the report adds the other kinds' once.
    const described = describeEndpoint(entries, { appKind: adviceKind(appKind), locale });
    return {
      id: entries.map((entry) => entry.id).join('+'),
      // Catalog order, which follows the notice.
      rank: notice.entries.indexOf(entries[0]),
      catalogIds: entries.map((entry) => entry.id),
      label: described.label,
      remedy: described.remedy,
      docUrl: entries[0].docUrl,
    };
  },
  occurrence: ({ method, sdkCall, protection }) => ({
    ...(method === undefined ? {} : { httpMethod: method }),
    ...(sdkCall === undefined ? {} : { sdkCall }),
    ...(protection === undefined ? {} : { protection }),
  }),
};

const legacyEvent: SubjectKind<LegacyEventSubject> = {
  group({ notice }, { appKind, locale }) {
    return {
      key: `${notice.id} legacy-event`,
      rank: notice.groups.length,
      code: 'legacy-event',
      showsCode: false,
      title: TEXTS[locale].audit.eventGroup,
      failure: legacyEventProblem(notice, appKind, locale),
      errorText: undefined,
      advisesByKind: false,
    };
  },
  describe({ notice, event }, { locale }) {
    const texts = TEXTS[locale];
    return {
      id: `legacy-event:${event}`,
      rank: LEGACY_EVENT_KINDS.indexOf(event),
      catalogIds: [],
      label: texts.audit.eventSubject[event],
      remedy: event === 'typeHandler' ? texts.event.fix.typeHandler : texts.event.fix.handler,
      docUrl: notice.legacyEvent?.docUrl ?? notice.url,
    };
  },
  occurrence: () => ({}),
};

const KINDS: { readonly [Kind in ReportSubject['kind']]: SubjectKind<Extract<ReportSubject, { kind: Kind }>> } = {
  endpoint,
  'legacy-event': legacyEvent,
};

/** The reading of any subject, through its kind's entry in the table. */
export const SUBJECTS: SubjectKind<ReportSubject> = {
  group: (subject, settings) => (KINDS[subject.kind] as SubjectKind<ReportSubject>).group(subject, settings),
  describe: (subject, settings) => (KINDS[subject.kind] as SubjectKind<ReportSubject>).describe(subject, settings),
  occurrence: (subject) => (KINDS[subject.kind] as SubjectKind<ReportSubject>).occurrence(subject),
};
