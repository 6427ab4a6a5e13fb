import type Database from 'better-sqlite3';
import type { LetterKind } from '../../../shared/domain/letter';

/**
 * The letter templates Casebook comes with, in English and Polish. Administrators change them in
 * Settings; these are only the starting text (written into the database once, by migration 5).
 */
export interface DefaultTemplate {
  kind: LetterKind;
  language: 'en' | 'pl';
  name: string;
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    kind: 'referral',
    language: 'en',
    name: 'Referral letter',
    subject: 'Referral: {{client.name}} ({{client.reference}})',
    body: `Dear colleagues,

We would like to refer {{client.name}}[[, born {{client.dateOfBirth}},]] to {{agency.name}}. {{client.firstName}} has agreed to this referral and to our sharing the information below with you.

Reason for the referral:
{{referral.reason}}

Area of need: {{referral.needArea}}
Urgency: {{referral.urgency}}

What we are sharing with you:
{{referral.sharedInfo}}

{{client.firstName}} can be reached at:
{{client.address}}
{{client.phone}}

Please let us know whether you can accept this referral. You can reach {{caseworker.name}}[[ on {{charity.phone}}]][[ or at {{charity.email}}]]; please quote our reference {{letter.reference}}.

Thank you for your help.

Yours faithfully,`,
  },
  {
    kind: 'referral',
    language: 'pl',
    name: 'Skierowanie',
    subject: 'Skierowanie: {{client.name}} ({{client.reference}})',
    body: `Szanowni Państwo,

zwracamy się do Państwa z prośbą o objęcie wsparciem osoby: {{client.name}}[[, data urodzenia: {{client.dateOfBirth}}]]. Osoba ta zgodziła się na skierowanie i na przekazanie Państwu poniższych informacji.

Powód skierowania:
{{referral.reason}}

Obszar potrzeb: {{referral.needArea}}
Pilność: {{referral.urgency}}

Przekazywane informacje:
{{referral.sharedInfo}}

Dane kontaktowe:
{{client.address}}
{{client.phone}}

Prosimy o informację, czy mogą Państwo przyjąć to skierowanie. Osoba prowadząca: {{caseworker.name}}[[, tel. {{charity.phone}}]][[, e-mail {{charity.email}}]]. W odpowiedzi prosimy powołać się na nasz znak: {{letter.reference}}.

Dziękujemy za pomoc.

Z poważaniem`,
  },
  {
    kind: 'appointment',
    language: 'en',
    name: 'Appointment letter',
    subject: 'Your appointment on {{appointment.date}}',
    body: `Dear {{client.firstName}},

We have arranged an appointment for you:

Date: {{appointment.date}}
Time: {{appointment.time}}
Place: {{appointment.place}}

{{letter.text}}

If you cannot come, or you need an interpreter or help getting there, please ring us on {{charity.phone}} as soon as you can.

Yours sincerely,`,
  },
  {
    kind: 'appointment',
    language: 'pl',
    name: 'Zaproszenie na spotkanie',
    subject: 'Termin spotkania: {{appointment.date}}',
    body: `Dzień dobry,

zapraszamy na spotkanie:

Data: {{appointment.date}}
Godzina: {{appointment.time}}
Miejsce: {{appointment.place}}

{{letter.text}}

Jeśli nie może Pan/Pani przyjść albo potrzebuje tłumacza lub pomocy w dotarciu na miejsce, prosimy jak najszybciej zadzwonić pod numer {{charity.phone}}.

Z poważaniem`,
  },
  {
    kind: 'general',
    language: 'en',
    name: 'General letter',
    subject: 'A letter from {{charity.name}}',
    body: `Dear {{client.firstName}},

{{letter.text}}

If you have any questions, please ring us on {{charity.phone}}.

Yours sincerely,`,
  },
  {
    kind: 'general',
    language: 'pl',
    name: 'List ogólny',
    subject: '{{charity.name}} – informacja',
    body: `Dzień dobry,

{{letter.text}}

W razie pytań prosimy dzwonić pod numer {{charity.phone}}.

Z poważaniem`,
  },
  {
    kind: 'safetyPlan',
    language: 'en',
    name: 'Safety plan page',
    subject: 'My safety plan',
    body: `If you are in danger now, ring 999.
{{charity.name}}[[ · {{charity.phone}}]]`,
  },
  {
    kind: 'safetyPlan',
    language: 'pl',
    name: 'Plan bezpieczeństwa',
    subject: 'Mój plan bezpieczeństwa',
    body: `Jeśli grozi Ci niebezpieczeństwo, zadzwoń pod numer 112.
{{charity.name}}[[ · {{charity.phone}}]]`,
  },
];

/**
 * The reply to whoever referred someone in, when the charity cannot take them on: written into the
 * database by migration 30 (templates of this kind came then).
 */
export const REPLY_TEMPLATES: readonly DefaultTemplate[] = [
  {
    kind: 'referralReply',
    language: 'en',
    name: 'Reply to a referral we cannot take on',
    subject: 'Your referral of {{referralIn.name}}',
    body: `Dear {{referralIn.referrer}},

Thank you for referring {{referralIn.name}} to {{charity.name}}[[ on {{referralIn.receivedOn}}]]. We have looked at the referral carefully, and we are sorry that we are not able to take it on.

[[Our reason: {{referralIn.declineReason}}]]

If things change, or if you would like to talk about where else {{referralIn.name}} might find help, please contact {{caseworker.name}}[[ on {{charity.phone}}]][[ or at {{charity.email}}]], quoting our reference {{letter.reference}}.

Yours sincerely,`,
  },
  {
    kind: 'referralReply',
    language: 'pl',
    name: 'Odpowiedź na zgłoszenie, którego nie możemy przyjąć',
    subject: 'Zgłoszenie: {{referralIn.name}}',
    body: `Szanowni Państwo,

dziękujemy za zgłoszenie do {{charity.name}} osoby: {{referralIn.name}}[[ z dnia {{referralIn.receivedOn}}]]. Rozważyliśmy je uważnie i z przykrością informujemy, że nie możemy go przyjąć.

[[Powód: {{referralIn.declineReason}}]]

Jeśli sytuacja się zmieni albo jeśli chcą Państwo porozmawiać o tym, gdzie indziej ta osoba może znaleźć pomoc, prosimy o kontakt: {{caseworker.name}}[[, tel. {{charity.phone}}]][[, e-mail {{charity.email}}]], z podaniem naszego numeru sprawy {{letter.reference}}.

Z poważaniem`,
  },
];

/**
 * Writes built-in templates into the database (a migration's step), each marked `<kind>.<language>`.
 * The real time, on purpose: when these rows were written is a fact about this database, not a rule
 * about today (migrations run outside any call, with no core clock).
 */
export function writeBuiltinTemplates(sqlite: Database.Database, templates: readonly DefaultTemplate[]): void {
  const now = new Date().toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO letter_templates (kind, language, name, subject, body, builtin_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of templates)
    insert.run(t.kind, t.language, t.name, t.subject, t.body, `${t.kind}.${t.language}`, now, now);
}
