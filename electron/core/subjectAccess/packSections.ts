import type { TFunction } from 'i18next';
import { needAreaName } from '../../../shared/domain/assessment';
import { letterDate } from '../../../shared/domain/letter';
import { languageName, localeOf } from '../../../shared/domain/languages';
import { formatMoney, helpTypeName } from '../../../shared/domain/helpGiven';
import { relationshipWords } from '../../../shared/domain/household';
import type { AccessPack } from './pack';
import { inLanguage } from '../../../shared/domain/eligibility';
import { answerText, labelOf, type ClientAnswer } from '../../../shared/domain/customField';
import { filledWithWords, formNameOf, scoreWords } from '../../../shared/domain/customForm';

/** One thing held about the person: a heading, labelled facts, and longer texts written about them. */
export interface PackEntry {
  title: string;
  fields: [label: string, value: string][];
  texts: [label: string, text: string][];
}

/** Many short lines (the audit trail, help given): a table reads better than entries. */
export interface PackTable {
  columns: string[];
  /** Relative widths of the columns. */
  widths: number[];
  rows: string[][];
}

export interface PackSection {
  title: string;
  entries: PackEntry[];
  table: PackTable | null;
}

type T = TFunction;

/** Leaves out what was never recorded: the pack shows what is held, not empty boxes. */
function entry(
  title: string,
  fields: [string, string | null | undefined | false][],
  texts: [string, string | null | undefined][] = [],
): PackEntry {
  return {
    title,
    fields: fields.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== ''),
    texts: texts.filter((x): x is [string, string] => typeof x[1] === 'string' && x[1].trim() !== ''),
  };
}

/**
 * The pack laid out for reading, in the interface language: every label and every coded value
 * (statuses, kinds, reasons) translated, dates written out. The PDF draws these sections as they are.
 */
export function accessPackSections(p: AccessPack, t: T, language: string): PackSection[] {
  const currency = p.currency;
  const day = ((iso: string | null | undefined) => (iso ? letterDate(iso, language) : null)) as {
    (iso: string): string;
    (iso: string | null | undefined): string | null;
  };
  // One formatter for the pack: the audit trail alone may have thousands of times to write.
  const dateTime = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' });
  const instant = (iso: string) => dateTime.format(new Date(iso));
  const occurred = (at: string) => `${letterDate(at.slice(0, 10), language)}, ${at.slice(11, 16)}`;
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const areas = new Map(p.needAreas.map((a) => [a.id, needAreaName(t, a)]));
  const area = (id: number | null) => (id === null ? null : (areas.get(id) ?? null));
  const areaWords = (id: number | null) => area(id) ?? t('common.notRecorded');
  const { client: c } = p.record;
  const goalsById = new Map(
    [...(p.plans.active ? [p.plans.active] : []), ...p.plans.earlier]
      .flatMap((plan) => plan.goals)
      .map((g) => [g.id, g.description]),
  );
  const section = (title: string, entries: PackEntry[], table: PackTable | null = null): PackSection => ({
    title,
    entries,
    table,
  });

  const details = entry(`${c.firstName} ${c.lastName}`, [
    [t('clients.reference'), c.reference],
    [t('clients.firstName'), c.firstName],
    [t('clients.lastName'), c.lastName],
    [t('clients.preferredName'), c.preferredName],
    [t('clients.dateOfBirth'), day(c.dateOfBirth)],
    [t('subjectAccess.birthYear'), c.estimatedBirthYear !== null ? String(c.estimatedBirthYear) : null],
    [t('clients.gender'), c.genderWithheld ? t('clients.genderWithheld') : c.gender],
    [t('clients.pronouns'), c.pronouns],
    [t('clients.phone'), c.phone],
    [t('clients.email'), c.email],
    [t('clients.address'), c.address],
    [t('clients.postcode'), c.postcode],
    [t('clients.preferredLanguage'), c.preferredLanguage ? languageName(c.preferredLanguage, language) : null],
    [t('clients.interpreterNeeded'), yes(c.interpreterNeeded)],
    [t('clients.referralSource'), c.referralSource ? t(`clients.referralSources.${c.referralSource}`) : null],
    [t('clients.referredBy'), c.referredBy],
    [t('clients.intakeDate'), day(c.intakeDate)],
    [t('clients.caseworker'), c.caseworkerName],
    [
      t('status.status'),
      `${t(`clients.statuses.${c.status}`)}${c.statusSince ? ` (${t('status.since', { date: day(c.statusSince) })})` : ''}`,
    ],
    [t('status.reason'), c.closureReason ? t(`status.reasons.${c.closureReason}`) : null],
    [t('subjectAccess.formerReferences'), p.record.formerReferences.join(', ')],
  ]);

  const statusTable: PackTable = {
    columns: [t('status.on'), t('status.status'), t('status.reason'), t('status.by'), t('status.note')],
    widths: [2, 1.4, 2, 1.6, 3],
    rows: p.record.statusHistory.map((s) => [
      day(s.on)!,
      t(`clients.statuses.${s.status}`),
      s.reason ? t(`status.reasons.${s.reason}`) : '',
      s.byName ?? '',
      s.note ?? '',
    ]),
  };

  const consents = p.record.consents.map((k) =>
    entry(
      t('consent.givenOnDate', { date: day(k.givenOn) }),
      [
        [t('subjectAccess.state'), t(`consent.states.${k.state}`)],
        [t('consent.storeData'), yes(k.storeData)],
        [t('consent.shareScope'), t(`consent.scopes.${k.shareScope}`)],
        [t('consent.shareAgencies'), k.shareScope === 'named' ? k.shareAgencies.join(', ') : null],
        [
          t('consent.contactBy'),
          (['phone', 'letter', 'text', 'email'] as const)
            .filter((w) => k[`contact${w[0]!.toUpperCase()}${w.slice(1)}` as 'contactPhone'])
            .map((w) => t(`consent.contact.${w}`))
            .join(', ') || t('consent.noContact'),
        ],
        [t('consent.method'), t(`consent.methods.${k.method}`)],
        [t('consent.expiresOn'), day(k.expiresOn)],
        [t('consent.recordedBy'), k.recordedByName],
        [t('consent.withdrawnOnLabel'), day(k.withdrawnOn)],
      ],
      [
        [t('consent.note'), k.note],
        [t('consent.withdrawalNote'), k.withdrawalNote],
      ],
    ),
  );

  const household = [
    ...p.record.household.map((m) =>
      entry(
        m.name,
        [
          [t('household.relationship'), relationshipWords(t, m)],
          [t('clients.dateOfBirth'), day(m.dateOfBirth)],
          [t('household.livesWithClient'), yes(m.livesWithClient)],
        ],
        [[t('household.note'), m.note]],
      ),
    ),
    ...p.record.contacts.map((k) =>
      entry(
        `${t(`contacts.roles.${k.role}`)}${k.roleDetail ? ` (${k.roleDetail})` : ''}`,
        [
          [t('contacts.name'), k.name],
          [t('contacts.organisation'), k.organisation],
          [t('clients.phone'), k.phone],
          [t('clients.email'), k.email],
        ],
        [[t('contacts.note'), k.note]],
      ),
    ),
  ];

  const riskFlags = p.record.riskFlags.map((f) =>
    entry(
      t(`riskFlags.kinds.${f.kind}`),
      [
        [t('riskFlags.raisedOn'), day(f.raisedOn)],
        [t('subjectAccess.by'), f.raisedByName],
        [t('riskFlags.removedOn'), day(f.removedOn)],
        [t('subjectAccess.removedBy'), f.removedByName],
      ],
      [
        [t('riskFlags.note'), f.note],
        [t('riskFlags.removalNote'), f.removalNote],
      ],
    ),
  );

  const assessments = [...p.record.assessments].reverse().map((a) =>
    entry(
      t(a.kind === 'review' ? 'assessments.reviewOn' : 'assessments.assessmentOn', { date: day(a.assessedOn) }),
      [
        [t('subjectAccess.by'), a.assessedByName],
        [t('forms.recordedBy'), a.fromForm && formNameOf(a.fromForm, language)],
        [t('assessments.sensitive'), a.sensitive && t('common.yes')],
        ...a.scores.map((s): [string, string] => [area(s.areaId) ?? '', t('subjectAccess.score', { score: s.score })]),
      ],
      [
        [t('assessments.summary'), a.summary],
        ...a.scores.flatMap((s): [string, string | null][] => [
          [t('assessments.notesFor', { area: areaWords(s.areaId) }), s.notes],
          [t('assessments.strengthsFor', { area: areaWords(s.areaId) }), s.strengths],
        ]),
      ],
    ),
  );

  const plans = [...(p.plans.active ? [p.plans.active] : []), ...p.plans.earlier].flatMap((plan) => [
    entry(
      plan.endedOn
        ? t('plans.endedTitle', { agreed: day(plan.agreedOn), ended: day(plan.endedOn) })
        : t('plans.activeTitle', { date: day(plan.agreedOn) }),
      [[t('subjectAccess.by'), plan.createdByName]],
      [
        [t('plans.summary'), plan.summary],
        [t('plans.endReason'), plan.endReason],
      ],
    ),
    ...plan.goals.map((g) =>
      entry(
        `${t('goals.description')}: ${g.description}`,
        [
          [t('goals.measure'), g.measure],
          [t('goals.targetDate'), day(g.targetDate)],
          [t('goals.owner'), `${t(`goals.owners.${g.owner}`)}${g.ownerDetail ? ` (${g.ownerDetail})` : ''}`],
          [t('goals.area'), area(g.areaId)],
          [
            t('goals.status'),
            `${t(`goals.statuses.${g.status}`)} (${t('status.since', { date: day(g.statusSince) })})`,
          ],
        ],
        [...g.updates]
          .reverse()
          .map((u): [string, string] => [
            [
              day(u.on),
              u.status ? t(`goals.statuses.${u.status}`) : null,
              u.recordedByName ? t('referrals.by', { name: u.recordedByName }) : null,
            ]
              .filter(Boolean)
              .join(' · '),
            u.note ?? '',
          ])
          .map(([label, note]): [string, string] => [label, note || '–']),
      ),
    ),
  ]);

  const tasks: PackTable = {
    columns: [t('tasks.dueOn'), t('tasks.what'), t('tasks.assignedTo'), t('subjectAccess.doneOn')],
    widths: [1.6, 4, 1.6, 1.6],
    rows: p.plans.tasks.map((k) => [
      day(k.dueOn)!,
      k.note ? `${k.title}\n${k.note}` : k.title,
      k.assignedToName ?? '',
      day(k.doneOn) ?? '',
    ]),
  };

  const notes = p.caseNotes.map((n) =>
    entry(
      `${occurred(n.occurredAt)} · ${t(`notes.kinds.${n.kind}`)}`,
      [
        [t('notes.duration'), n.durationMinutes !== null ? t('notes.minutes', { count: n.durationMinutes }) : null],
        [t('notes.present'), n.present],
        [t('subjectAccess.writtenBy'), n.writtenByName],
        [t('notes.goal'), n.goalId !== null ? (goalsById.get(n.goalId) ?? null) : null],
        [t('notes.sensitive'), n.sensitive && t('common.yes')],
        [
          t('subjectAccess.edited'),
          n.editedAt ? t('notes.edited', { date: instant(n.editedAt), name: n.editedByName ?? '' }) : null,
        ],
      ],
      [
        [t('notes.body'), n.body],
        ...n.earlierVersions.map((v): [string, string] => [
          t('notes.versionBy', { version: v.version, name: v.writtenByName ?? '', date: instant(v.replacedAt) }),
          `${occurred(v.occurredAt)} · ${t(`notes.kinds.${v.kind}`)}\n${v.body}`,
        ]),
      ],
    ),
  );

  const safetyPlans = p.safetyPlans.map((s) =>
    entry(
      `${t('safetyPlan.title')} – ${day(s.agreedOn)}`,
      [
        [t('safetyPlan.reviewOn'), day(s.reviewOn)],
        [t('subjectAccess.writtenBy'), s.writtenByName],
      ],
      [
        [t('safetyPlan.warningSigns'), s.warningSigns],
        [t('safetyPlan.copingSteps'), s.copingSteps],
        [t('safetyPlan.keepingSafe'), s.keepingSafe],
        [
          t('safetyPlan.contacts'),
          s.contacts.map((k) => [k.name, k.role, k.phone].filter(Boolean).join(', ')).join('\n'),
        ],
      ],
    ),
  );

  // How they came to us, with what the referrer or they themselves said.
  const cameIn: PackEntry[] = [
    ...p.referralsIn.map((r) =>
      entry(
        `${t('incoming.receivedOn')}: ${day(r.receivedOn)}`,
        [
          [t('incoming.from'), `${t(`incoming.sources.${r.source}`)}${r.referrerName ? `: ${r.referrerName}` : ''}`],
          [t('referrals.urgencyLabel'), t(`referrals.urgency.${r.urgency}`)],
          [t('incoming.waitingFor'), r.waitingSince ? (r.programmeName ?? t('incoming.ourSupport')) : null],
          [t('incoming.decidedOn'), day(r.decidedOn)],
        ],
        [
          [t('incoming.reason'), r.reason],
          [t('incoming.riskNote'), r.riskNote],
        ],
      ),
    ),
    ...p.signposting.map((s) =>
      entry(
        `${t('signposting.title')}: ${day(s.contactedOn)}`,
        [
          [t('signposting.how'), t(`signposting.hows.${s.how}`)],
          [t('signposting.topic'), s.topic],
          [t('signposting.to'), s.agencyName ?? s.elsewhere],
        ],
        [[t('signposting.note'), s.note]],
      ),
    ),
  ];

  const referrals = p.referrals.map((r) =>
    entry(
      `${r.agencyName} – ${t('referrals.created', { date: day(r.createdOn) })}`,
      [
        [t('referrals.contact'), r.contactName],
        [t('referrals.area'), area(r.areaId)],
        [t('referrals.urgencyLabel'), t(`referrals.urgency.${r.urgency}`)],
        [
          t('subjectAccess.state'),
          `${t(`referrals.status.${r.status}`)} (${t('status.since', { date: day(r.statusOn) })})`,
        ],
        [t('referrals.followUpOn'), day(r.followUpOn)],
        [t('referrals.madeBy'), r.createdByName],
      ],
      [
        [t('referrals.reason'), r.reason],
        [t('referrals.sharedInfo'), r.sharedInfo],
        [t('referrals.outcome'), r.outcome],
        [
          t('referrals.history'),
          [...r.changes]
            .reverse()
            .map((ch) =>
              [
                t('referrals.historyLine', { status: t(`referrals.status.${ch.status}`), date: day(ch.on) }),
                ch.byName ? t('referrals.by', { name: ch.byName }) : null,
                ch.note,
              ]
                .filter(Boolean)
                .join(' · '),
            )
            .join('\n'),
        ],
      ],
    ),
  );

  // Each letter whole, as it was kept: the person is entitled to read what was written about them.
  const letters: PackEntry[] = p.letters.map((l) => ({
    title: `${instant(l.writtenAt)} · ${l.templateName}`,
    fields: [
      [t('subjectAccess.kind'), t(`letters.kind.${l.kind}`)],
      [t('subjectAccess.writtenBy'), l.writtenByName ?? ''],
      [t('subjectAccess.letterTo'), l.content.recipient.join(', ')],
      [t('letters.pdf.ourReference'), l.content.reference],
    ],
    texts: [[t('subjectAccess.letterText'), `${l.content.subject}\n\n${l.content.body}`]],
  }));

  const eligibility: PackEntry[] = p.eligibilityChecks.map((c) => ({
    title: `${day(c.checkedOn)} · ${inLanguage(c.serviceName, c.serviceNamePl, language)}`,
    fields: [
      [t('eligibility.decision'), t(`eligibility.decisions.${c.decision}`)],
      [t('subjectAccess.decidedBy'), c.decidedByName ?? ''],
      ...(c.recheckOn ? [[t('eligibility.recheckOn'), day(c.recheckOn)] as [string, string]] : []),
      ...c.answers.map(
        (a) =>
          [
            inLanguage(a.text, a.textPl, language),
            [a.met ? t('eligibility.met') : t('eligibility.notMet'), a.documentTitle, a.evidence]
              .filter(Boolean)
              .join(' · '),
          ] as [string, string],
      ),
    ],
    texts: [[t('eligibility.note'), c.note]].filter((x): x is [string, string] => !!x[1]),
  }));

  // Answers to the charity's own questions (on the record, or on a form), each under the question as it was asked.
  const answerWords = (a: ClientAnswer) =>
    answerText(a.type, a.asked, a.value, {
      yes: t('common.yes'),
      no: t('common.no'),
      language,
      date: (iso) => day(iso),
      number: (n) => new Intl.NumberFormat(localeOf(language)).format(n),
    });
  const answers: PackTable = {
    columns: [t('subjectAccess.questionAsked'), t('subjectAccess.yourAnswer'), t('subjectAccess.answerGiven')],
    widths: [3, 4, 1.6],
    rows: p.record.answers.map((a) => [labelOf(a.asked, language), answerWords(a), day(a.answeredOn)]),
  };
  const filledWith = (e: (typeof p.forms)[number]) => filledWithWords(t, e, day);
  const forms: PackEntry[] = p.forms.map((e) => ({
    title: `${formNameOf({ name: e.formName, namePl: e.formNamePl }, language)} · ${day(e.filledOn)}`,
    fields: [
      [t('subjectAccess.by'), e.filledByName ?? ''],
      ...(filledWith(e) ? [[t('forms.filledWith'), filledWith(e)!] as [string, string]] : []),
      ...(e.score !== null ? [[t('forms.total'), scoreWords(t, e.score, e.band, language)] as [string, string]] : []),
      ...e.answers.map((a) => [labelOf(a.asked, language), answerWords(a)] as [string, string]),
    ],
    texts: [],
  }));

  const documents: PackTable = {
    columns: [
      t('documents.title'),
      t('documents.kind'),
      t('documents.documentDate'),
      t('subjectAccess.documentAdded'),
      t('subjectAccess.documentFile'),
    ],
    widths: [3, 2, 1.6, 1.6, 3],
    rows: p.documents.map((d) => [
      d.title,
      t(`documents.kinds.${d.kind}`),
      day(d.documentDate) ?? '',
      day(d.addedAt.slice(0, 10)),
      d.fileInPack,
    ]),
  };

  const appointments: PackTable = {
    columns: [t('subjectAccess.date'), t('diary.kind'), t('diary.with'), t('diary.status')],
    widths: [2.2, 2, 3, 2],
    rows: [...p.appointments.past, ...p.appointments.upcoming].map((a) => [
      `${day(a.date)}, ${a.startsAt}–${a.endsAt}`,
      t(`diary.kinds.${a.kind}`),
      [...a.staff.map((s) => s.name), a.agencyName].filter(Boolean).join(', '),
      a.cancelled
        ? t('diary.cancelled')
        : t(`diary.outcomes.${a.clients.find((c) => c.clientId === p.record.client.id)?.outcome ?? 'booked'}`),
    ]),
  };

  const help: PackTable = {
    columns: [
      t('helpGiven.date'),
      t('helpGiven.type'),
      t('helpGiven.quantity'),
      t('helpGiven.value'),
      t('helpGiven.note'),
    ],
    widths: [1.8, 2, 1, 1.2, 3],
    rows: p.helpGiven.map((s) => [
      day(s.givenOn)!,
      helpTypeName(t, { builtinKey: s.typeKey, name: s.typeName }),
      String(s.quantity),
      s.value !== null ? formatMoney(s.value, currency, language) : '',
      [s.programmeName, s.note, s.overrideReason].filter(Boolean).join(' · '),
    ]),
  };

  const groups: PackTable = {
    columns: [t('subjectAccess.date'), t('subjectAccess.programme'), t('subjectAccess.how')],
    widths: [2, 4, 2],
    rows: [
      ...p.programmes.registered.map((r) => [day(r.registeredOn)!, r.name, t('subjectAccess.registered')]),
      ...p.programmes.attended.map((a) => [
        `${day(a.heldOn)}, ${a.startsAt}`,
        a.programmeName,
        t(a.walkIn ? 'subjectAccess.walkIn' : 'subjectAccess.attended'),
      ]),
    ],
  };

  const requests: PackTable = {
    columns: [
      t('subjectAccess.receivedOn'),
      t('subjectAccess.dueOn'),
      t('subjectAccess.answeredOn'),
      t('subjectAccess.note'),
    ],
    widths: [2, 2, 2, 3],
    rows: p.accessRequests.map((r) => [day(r.receivedOn)!, day(r.dueOn)!, day(r.answeredOn) ?? '', r.note ?? '']),
  };

  const audit: PackTable = {
    columns: [t('audit.when'), t('audit.user'), t('audit.action')],
    widths: [2.4, 2, 4],
    rows: p.auditTrail.map((a) => [instant(a.at), a.userName ?? '', t(`audit.actions.${a.action}`)]),
  };

  return [
    section(t('subjectAccess.sections.details'), [details]),
    section(t('subjectAccess.sections.answers'), [], answers),
    section(t('subjectAccess.sections.statusHistory'), [], statusTable),
    section(t('subjectAccess.sections.cameIn'), cameIn),
    section(t('subjectAccess.sections.consent'), consents),
    section(t('subjectAccess.sections.household'), household),
    section(t('subjectAccess.sections.riskFlags'), riskFlags),
    section(t('subjectAccess.sections.assessments'), assessments),
    section(t('subjectAccess.sections.forms'), forms),
    section(t('subjectAccess.sections.plans'), plans),
    section(t('subjectAccess.sections.tasks'), [], tasks),
    section(t('subjectAccess.sections.notes'), notes),
    section(t('subjectAccess.sections.safetyPlans'), safetyPlans),
    section(t('subjectAccess.sections.referrals'), referrals),
    section(t('subjectAccess.sections.letters'), letters),
    section(t('subjectAccess.sections.eligibility'), eligibility),
    section(t('subjectAccess.sections.documents'), [], documents),
    section(t('subjectAccess.sections.appointments'), [], appointments),
    section(t('subjectAccess.sections.help'), [], help),
    section(t('subjectAccess.sections.groups'), [], groups),
    section(t('subjectAccess.sections.requests'), [], requests),
    section(t('subjectAccess.sections.audit'), [], audit),
  ];
}
