/**
 * The data dictionary that goes with a full export: what each kind of record is, and what each column
 * holds, in English and Polish. Tables are described by hand; a column is described by what the
 * schema says of it (its kind of value, whether it must be filled, what it points to, the values it
 * may take), with a sentence of its own where the name alone would not tell a newcomer.
 */

export interface Words {
  en: string;
  pl: string;
}

/** Every kind of record the export holds, described for the person who receives the files. */
export const TABLES: Record<string, Words> = {
  settings: {
    en: 'Settings of the app (one row per setting).',
    pl: 'Ustawienia aplikacji (jeden wiersz na ustawienie).',
  },
  charity: {
    en: 'The charity: name, address, letterhead and currency.',
    pl: 'Organizacja: nazwa, adres, papier firmowy i waluta.',
  },
  users: {
    en: 'The people who use Casebook, with their role. Passwords are never stored here.',
    pl: 'Osoby korzystające z Casebook i ich role. Hasła nigdy nie są tu przechowywane.',
  },
  clients: { en: 'The people the charity supports.', pl: 'Osoby, którym organizacja pomaga (podopieczni).' },
  client_shares: {
    en: 'Which volunteers or caseworkers a client is shared with, besides their caseworker.',
    pl: 'Komu, oprócz opiekuna, udostępniono podopiecznego.',
  },
  client_status_changes: {
    en: 'Each time a case was opened, closed or changed status.',
    pl: 'Każda zmiana statusu sprawy (otwarcie, zamknięcie itd.).',
  },
  client_merges: {
    en: 'Duplicate records merged into one, and what was moved.',
    pl: 'Połączone duplikaty i to, co przeniesiono.',
  },
  client_imports: {
    en: 'Spreadsheets of clients imported, and when.',
    pl: 'Zaimportowane arkusze podopiecznych i ich daty.',
  },
  client_import_members: {
    en: 'Which clients came in with which import.',
    pl: 'Którzy podopieczni przyszli z którym importem.',
  },
  consents: {
    en: 'Consent given by each client: what for, how, when, until when, and any withdrawal.',
    pl: 'Zgody podopiecznych: na co, w jaki sposób, kiedy, do kiedy i ewentualne wycofanie.',
  },
  household_members: { en: 'The people a client lives with.', pl: 'Osoby, z którymi mieszka podopieczny.' },
  key_contacts: {
    en: 'Professionals and others around a client (GP, school, probation…).',
    pl: 'Ważne kontakty podopiecznego (lekarz, szkoła, kurator…).',
  },
  risk_flags: {
    en: 'Risks to know about when working with a client.',
    pl: 'Ryzyka, o których trzeba wiedzieć, pracując z podopiecznym.',
  },
  need_areas: {
    en: 'The areas needs are assessed in (housing, money, health…).',
    pl: 'Obszary, w których ocenia się potrzeby (mieszkanie, finanse, zdrowie…).',
  },
  assessments: { en: 'Needs assessments and reviews of a client.', pl: 'Oceny potrzeb i przeglądy podopiecznego.' },
  assessment_scores: {
    en: 'The score (1–10) and notes for each area of an assessment.',
    pl: 'Ocena (1–10) i notatki dla każdego obszaru oceny.',
  },
  support_plans: { en: 'Support plans agreed with a client.', pl: 'Plany wsparcia uzgodnione z podopiecznym.' },
  goals: { en: 'The SMART goals of a support plan.', pl: 'Cele SMART planu wsparcia.' },
  goal_updates: { en: 'Progress recorded on a goal over time.', pl: 'Postępy w realizacji celu zapisywane w czasie.' },
  tasks: {
    en: 'Actions to do, with a due date and who does them.',
    pl: 'Zadania do wykonania, z terminem i osobą odpowiedzialną.',
  },
  case_notes: { en: 'Every contact with or about a client.', pl: 'Każdy kontakt z podopiecznym lub w jego sprawie.' },
  case_note_versions: {
    en: 'Earlier wordings of case notes that were changed.',
    pl: 'Wcześniejsze wersje zmienionych notatek.',
  },
  safety_plans: { en: 'Safety plans agreed with a client.', pl: 'Plany bezpieczeństwa uzgodnione z podopiecznym.' },
  agencies: { en: 'Partner organisations in the directory.', pl: 'Instytucje partnerskie w katalogu.' },
  agency_contacts: { en: 'People to contact at each agency.', pl: 'Osoby kontaktowe w instytucjach.' },
  referrals: { en: 'Referrals of clients to other agencies.', pl: 'Skierowania podopiecznych do innych instytucji.' },
  referral_changes: { en: 'Each change of a referral’s status.', pl: 'Każda zmiana statusu skierowania.' },
  letter_templates: {
    en: 'Letter templates with merge fields.',
    pl: 'Szablony pism z polami korespondencji seryjnej.',
  },
  letters: {
    en: 'Letters written to or about clients, as they were written.',
    pl: 'Pisma do podopiecznych lub w ich sprawie, w brzmieniu z chwili napisania.',
  },
  programmes: { en: 'Groups and courses the charity runs.', pl: 'Grupy i kursy prowadzone przez organizację.' },
  programme_sessions: { en: 'The sessions of each programme.', pl: 'Spotkania każdego programu.' },
  programme_members: { en: 'Who is registered on each programme.', pl: 'Kto jest zapisany na który program.' },
  attendance: { en: 'Who came to each session.', pl: 'Kto był na którym spotkaniu.' },
  session_headcounts: {
    en: 'People at a session counted without names, by age band.',
    pl: 'Uczestnicy spotkania liczeni bez nazwisk, według grup wiekowych.',
  },
  support_types: {
    en: 'The kinds of practical help given (food parcel, voucher…).',
    pl: 'Rodzaje pomocy rzeczowej (paczka żywnościowa, bon…).',
  },
  support_given: { en: 'Practical help given to clients.', pl: 'Pomoc rzeczowa udzielona podopiecznym.' },
  retention_holds: {
    en: 'Records kept past their retention date, and why.',
    pl: 'Dane przechowywane dłużej niż okres retencji i powód.',
  },
  subject_access_requests: {
    en: 'Requests from people for a copy of their records.',
    pl: 'Wnioski osób o kopię ich danych.',
  },
  saved_files: {
    en: 'Files Casebook saved outside its data folder (to delete by hand when needed).',
    pl: 'Pliki zapisane przez Casebook poza folderem danych (do ręcznego usunięcia w razie potrzeby).',
  },
  document_contents: {
    en: 'The files of documents on file (scans, photos, letters), each stored once however many documents use it; sha256 is the file’s fingerprint.',
    pl: 'Pliki dokumentów w aktach (skany, zdjęcia, pisma), każdy zapisany raz, niezależnie od liczby dokumentów, które go używają; sha256 to odcisk pliku.',
  },
  documents: {
    en: 'Documents on a client’s file: what each is, its title and date, the file it came from, and what it goes with.',
    pl: 'Dokumenty w aktach podopiecznego: rodzaj, tytuł i data, plik źródłowy oraz czego dotyczą.',
  },
  signposting: {
    en: 'Contacts with people who are not clients, and where they were told to go: the date, how, the need, the agency or place; a name only when the person agreed; a contact that became an intake names the client.',
    pl: 'Kontakty z osobami niebędącymi podopiecznymi i informacja, dokąd je skierowano: data, sposób kontaktu, potrzeba, instytucja lub miejsce; imię i nazwisko tylko za zgodą osoby; kontakt, który zamienił się w przyjęcie, wskazuje podopiecznego.',
  },
  incoming_referrals: {
    en: 'Referrals into the charity before anyone is a client: who, why, from whom, urgency and risk, the waiting list (for support or a programme), offers, and the decision; an accepted one names the client it became.',
    pl: 'Zgłoszenia do organizacji, zanim ktoś zostanie podopiecznym: kto, dlaczego, od kogo, pilność i zagrożenie, lista oczekujących (na wsparcie lub program), propozycje miejsc i decyzja; przyjęte wskazuje podopiecznego, którym się stało.',
  },
  custom_fields: {
    en: 'The charity’s own questions on the client record, and (naming a form) on its own forms: each one’s type, order, and whether it is required, asked at intake, identifying or sensitive.',
    pl: 'Własne pytania organizacji w kartotece podopiecznego oraz (ze wskazaniem formularza) w jej formularzach: rodzaj, kolejność oraz czy pytanie jest obowiązkowe, zadawane przy przyjęciu, identyfikujące lub wrażliwe.',
  },
  custom_field_wordings: {
    en: 'Every wording each question has had (label, help and choices, in English and Polish); answers name the wording they were given under.',
    pl: 'Każde brzmienie każdego pytania (etykieta, wskazówka i odpowiedzi do wyboru, po angielsku i po polsku); odpowiedzi wskazują brzmienie, w jakim je udzielono.',
  },
  client_answers: {
    en: 'Each client’s answers to the charity’s own questions, as JSON (a choice by its key), with when and by whom.',
    pl: 'Odpowiedzi każdego podopiecznego na własne pytania organizacji, w formacie JSON (wybór przez jego klucz), z datą i osobą.',
  },
  custom_forms: {
    en: 'The charity’s own forms: name and purpose in English and Polish, whether scored, the bands a total falls into (as JSON), the need area they score, and what a form is asked with instead of on its own (each referral, each registration on every programme or one, or each case note of a type of contact). A form’s questions are custom fields naming it.',
    pl: 'Własne formularze organizacji: nazwa i cel po angielsku i po polsku, czy są punktowane, przedziały sumy punktów (w formacie JSON), oceniany obszar potrzeb oraz to, przy czym formularz jest zadawany zamiast osobno (przy każdym skierowaniu, każdym zapisie na dowolny lub jeden program albo każdej notatce z danego rodzaju kontaktu). Pytania formularza to pola własne wskazujące formularz.',
  },
  form_entries: {
    en: 'Each form filled in for a client: the day, by whom, the total and band as worked out then, the assessment it scored a need area with, and the referral, programme registration or case note it was filled in with.',
    pl: 'Każdy formularz wypełniony dla podopiecznego: dzień, kto wypełnił, suma punktów i przedział wyliczone wtedy, ocena obszaru potrzeb, którą zapisał, oraz skierowanie, zapis na program lub notatka, przy których go wypełniono.',
  },
  form_answers: {
    en: 'The answers on each filled form, as JSON (a choice by its key), each naming the wording of the question it was given under.',
    pl: 'Odpowiedzi w każdym wypełnionym formularzu, w formacie JSON (wybór przez jego klucz), każda wskazuje brzmienie pytania, w jakim jej udzielono.',
  },
  eligibility_services: {
    en: 'Services a client may qualify for, each with its checklist of criteria.',
    pl: 'Usługi, do których podopieczny może być uprawniony, każda z listą kryteriów.',
  },
  eligibility_criteria: {
    en: 'The criteria of each service, in English and Polish; a removed one is kept, marked inactive.',
    pl: 'Kryteria każdej usługi, po angielsku i po polsku; usunięte są zachowane jako nieaktywne.',
  },
  eligibility_checks: {
    en: 'Checks of whether a client qualifies for a service: the decision, who made it, and when to check again.',
    pl: 'Sprawdzenia, czy podopieczny jest uprawniony do usługi: decyzja, kto ją podjął i kiedy sprawdzić ponownie.',
  },
  eligibility_answers: {
    en: 'Each criterion of a check as it was asked, whether it was met, and the evidence.',
    pl: 'Każde kryterium sprawdzenia w brzmieniu, w jakim zadano pytanie, czy zostało spełnione, oraz dowód.',
  },
  appointments: {
    en: 'The diary: each appointment’s kind, day, times, place or room, and for a home visit when the visitor was due back and checked in.',
    pl: 'Terminarz: rodzaj, dzień, godziny, miejsce lub pokój każdego spotkania, a przy wizycie domowej planowany i potwierdzony powrót.',
  },
  appointment_clients: {
    en: 'The clients on each appointment, and whether each came (with the case note it became) or did not.',
    pl: 'Podopieczni na każdym spotkaniu oraz czy każdy przyszedł (z notatką, która powstała) czy nie.',
  },
  appointment_staff: {
    en: 'The people from the charity on each appointment.',
    pl: 'Osoby z organizacji na każdym spotkaniu.',
  },
  handover_notes: {
    en: 'Notes left for the next person on shift, who wrote them, and who read them when.',
    pl: 'Notatki dla następnej osoby na zmianie: kto je napisał i kto, kiedy je przeczytał.',
  },
  audit_events: {
    en: 'The audit trail: who did what, and when. Chained by hash, so a change to it shows.',
    pl: 'Dziennik zdarzeń: kto, co i kiedy zrobił. Powiązany skrótami, więc każda zmiana jest widoczna.',
  },
};

/** Columns whose name does not say enough. Keyed "table.column", or "*.column" for every table. */
const COLUMNS: Record<string, Words> = {
  '*.id': {
    en: 'The row’s number, unique in this sheet; other sheets point to it.',
    pl: 'Numer wiersza, niepowtarzalny w tym arkuszu; wskazują na niego inne arkusze.',
  },
  '*.version': {
    en: 'Raised by one at each change: two people saving the same record at once are told.',
    pl: 'Zwiększana o jeden przy każdej zmianie: gdy dwie osoby zapisują ten sam rekord, zostają o tym powiadomione.',
  },
  '*.folded_name': {
    en: 'The name in lower case without accents, for searching.',
    pl: 'Nazwa małymi literami bez znaków diakrytycznych, do wyszukiwania.',
  },
  '*.search_text': {
    en: 'Words the record is found by, for searching.',
    pl: 'Słowa, po których można znaleźć rekord.',
  },
  '*.sort_name': { en: 'The name as it is sorted in lists.', pl: 'Nazwisko w postaci używanej do sortowania list.' },
  '*.builtin_key': {
    en: 'For the entries Casebook came with: their code (the name then comes from the translations).',
    pl: 'Dla pozycji dostarczonych z Casebook: ich kod (nazwa pochodzi wtedy z tłumaczeń).',
  },
  '*.sensitive': {
    en: 'Sensitive: only caseworkers, administrators and its writer may read it.',
    pl: 'Poufne: mogą to czytać tylko opiekunowie, administratorzy i autor.',
  },
  'clients.reference': {
    en: 'The client’s reference (CB-00001), shown on screens and letters.',
    pl: 'Numer podopiecznego (CB-00001), widoczny na ekranach i w pismach.',
  },
  'audit_events.hash': {
    en: 'Hash of this entry and the one before: the chain that shows the trail is whole.',
    pl: 'Skrót tego wpisu i poprzedniego: łańcuch dowodzący, że dziennik jest kompletny.',
  },
  'audit_events.detail': {
    en: 'What changed (names of fields, never old secret values), as JSON.',
    pl: 'Co się zmieniło (nazwy pól, nigdy dawne tajne wartości), w formacie JSON.',
  },
  'letters.content': {
    en: 'The letter as written (subject, body, addresses), as JSON.',
    pl: 'Treść pisma (temat, treść, adresy) w formacie JSON.',
  },
  'charity.logo': {
    en: 'The letterhead logo (an image): in the JSON file as base64.',
    pl: 'Logo na papierze firmowym (obraz): w pliku JSON w kodowaniu base64.',
  },
  'settings.value': { en: 'The setting’s value, as JSON.', pl: 'Wartość ustawienia w formacie JSON.' },
};

export type ColumnKind = 'whole number' | 'number' | 'text' | 'date' | 'date and time' | 'yes/no' | 'file';

export interface ColumnFacts {
  table: string;
  column: string;
  kind: ColumnKind;
  required: boolean;
  /** The table.column it points to, if it is a link to another record. */
  references: string | null;
  /** The only values it may hold, if the schema lists them. */
  allowed: string[] | null;
}

const KIND: Record<ColumnKind, Words> = {
  'whole number': { en: 'Whole number.', pl: 'Liczba całkowita.' },
  number: { en: 'Number.', pl: 'Liczba.' },
  text: { en: 'Text.', pl: 'Tekst.' },
  date: { en: 'Date (YYYY-MM-DD).', pl: 'Data (RRRR-MM-DD).' },
  'date and time': { en: 'Date and time (UTC, ISO 8601).', pl: 'Data i godzina (UTC, ISO 8601).' },
  'yes/no': { en: 'Yes (1) or no (0).', pl: 'Tak (1) lub nie (0).' },
  file: { en: 'File contents: in the JSON file as base64.', pl: 'Zawartość pliku: w pliku JSON w kodowaniu base64.' },
};

/** A column's description in both languages. */
export function describeColumn(c: ColumnFacts): Words {
  const own = COLUMNS[`${c.table}.${c.column}`] ?? COLUMNS[`*.${c.column}`];
  const parts: Words[] = [];
  if (own) parts.push(own);
  if (c.references) {
    const [table] = c.references.split('.');
    parts.push({ en: `The id of a row in the sheet “${table}”.`, pl: `Identyfikator wiersza w arkuszu „${table}”.` });
  }
  parts.push(KIND[c.kind]);
  if (c.allowed)
    parts.push({ en: `One of: ${c.allowed.join(', ')}.`, pl: `Jedna z wartości: ${c.allowed.join(', ')}.` });
  parts.push(
    c.required ? { en: 'Always filled.', pl: 'Zawsze wypełnione.' } : { en: 'May be empty.', pl: 'Może być puste.' },
  );
  return { en: parts.map((p) => p.en).join(' '), pl: parts.map((p) => p.pl).join(' ') };
}
