import { sql, type SQL } from 'drizzle-orm';
import { COUNTED_TYPES, type Choice, type CustomBreakdown } from '../../../shared/domain/customField';
import type { FormFigures } from '../../../shared/domain/customForm';
import { listForms } from './forms';
import { suppressed } from '../../../shared/domain/report';
import type { ReadDb } from '../db/database';
import { listFields, wordingsById } from './fields';

/**
 * The people a report is about (`people`: a query of client ids, `total` of them) by each question
 * still asked that has choices: how many gave each answer, in the order the question offers them
 * (a choice offered only in earlier words follows, when someone gave it), and how many have no
 * answer. Counts of 1 to 4 are hidden. For "several of a list" a person is counted under each of
 * their choices, so those groups do not add up to the people.
 */
export function answerBreakdowns(db: ReadDb, people: SQL, total: number): CustomBreakdown[] {
  const fields = listFields(db).filter((f) => COUNTED_TYPES.includes(f.type));
  if (!fields.length) return [];
  const ids = sql.join(
    fields.map((f) => sql`${f.id}`),
    sql`, `,
  );
  // Each answer once per person: a choice's key, or true/false; a list of choices spread out.
  const counts = db.values<[fieldId: number, key: string, answered: number]>(sql`
    WITH who(id) AS MATERIALIZED (${people})
    SELECT a.field_id, CASE WHEN json_type(a.value) = 'array' THEN j.value ELSE json_extract(a.value, '$') END, count(DISTINCT a.client_id)
    FROM client_answers a JOIN who ON who.id = a.client_id
      LEFT JOIN json_each(CASE WHEN json_type(a.value) = 'array' THEN a.value ELSE '[]' END) j
    WHERE a.field_id IN (${ids}) AND (json_type(a.value) <> 'array' OR j.value IS NOT NULL)
    GROUP BY 1, 2`);
  const answeredBy = db.values<[fieldId: number, people: number]>(sql`
    WITH who(id) AS MATERIALIZED (${people})
    SELECT a.field_id, count(*) FROM client_answers a JOIN who ON who.id = a.client_id
    WHERE a.field_id IN (${ids}) GROUP BY 1`);
  const earlier = [...wordingsById(db).values()].sort((a, b) => b.wordingId - a.wordingId);
  return fields.map((f) => {
    const mine = new Map(counts.filter(([id]) => id === f.id).map(([, key, n]) => [String(key), n]));
    const offered: Choice[] =
      f.type === 'yesNo'
        ? [
            { key: '1', label: 'yes', labelPl: null },
            { key: '0', label: 'no', labelPl: null },
          ]
        : [...f.choices];
    // A choice no longer offered, in the latest words it had.
    for (const key of mine.keys())
      if (!offered.some((c) => c.key === key)) {
        const was = earlier.find((w) => w.fieldId === f.id && w.choices.some((c) => c.key === key));
        const choice = was?.choices.find((c) => c.key === key);
        if (choice) offered.push(choice);
      }
    const answered = answeredBy.find(([id]) => id === f.id)?.[1] ?? 0;
    return {
      fieldId: f.id,
      type: f.type,
      label: f.label,
      labelPl: f.labelPl,
      groups: offered.map((c) => ({ ...c, count: suppressed(mine.get(c.key) ?? 0) })),
      notRecorded: suppressed(total - answered),
    };
  });
}

/**
 * The charity's forms filled in during the period for the people a report is about (`isAbout`, a
 * test of one client id): how many times,
 * by how many people, and for a scored form the people by band at their first and at their latest
 * filling in the period (the band as it was worked out then). Counts of 1 to 4 are hidden.
 */
export function formFigures(db: ReadDb, isAbout: (client: SQL) => SQL, q: { from: string; to: string }): FormFigures[] {
  // From the period's fillings (an index range), each asked whether it is about one of the people.
  const rows = db.all<{ formId: number; clientId: number; label: string | null; labelPl: string | null }>(sql`
    SELECT e.form_id AS formId, e.client_id AS clientId, json_extract(e.band, '$.label') AS label,
      json_extract(e.band, '$.labelPl') AS labelPl
    FROM form_entries e
    WHERE e.filled_on BETWEEN ${q.from} AND ${q.to} AND ${isAbout(sql`e.client_id`)}
    ORDER BY e.filled_on, e.id`);
  if (!rows.length) return [];
  return listForms(db, true)
    .map((form) => {
      const mine = rows.filter((r) => r.formId === form.id);
      const first = new Map<number, string | null>();
      const latest = new Map<number, string | null>();
      const words = new Map<string, string | null>(form.bands.map((b) => [b.label, b.labelPl]));
      for (const r of mine) {
        if (!first.has(r.clientId)) first.set(r.clientId, r.label);
        latest.set(r.clientId, r.label);
        if (r.label !== null && !words.has(r.label)) words.set(r.label, r.labelPl);
      }
      const tally = (m: Map<number, string | null>, label: string) =>
        suppressed([...m.values()].filter((l) => l === label).length);
      return {
        formId: form.id,
        name: form.name,
        namePl: form.namePl,
        filled: mine.length,
        people: suppressed(first.size),
        // The form's bands in its order, then any a filling fell into that the form no longer has.
        bands: form.scored
          ? [...words].map(([label, labelPl]) => ({
              label,
              labelPl,
              first: tally(first, label),
              latest: tally(latest, label),
            }))
          : [],
      };
    })
    .filter((f) => f.filled > 0);
}
