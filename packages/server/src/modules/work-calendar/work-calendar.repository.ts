import type { Db } from '../../db/kysely.js';
import type { WorkCalendarEntry, WorkCalendarKind } from '../../db/schema.js';

export async function listCalendarEntries(db: Db, from: string, to: string): Promise<WorkCalendarEntry[]> {
  return db.selectFrom('work_calendar').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

export async function findCalendarEntry(db: Db, date: string): Promise<WorkCalendarEntry | undefined> {
  return db.selectFrom('work_calendar').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function listCalendarEntriesOn(db: Db, dates: string[]): Promise<WorkCalendarEntry[]> {
  const out: WorkCalendarEntry[] = [];
  for (let i = 0; i < dates.length; i += 500) {
    out.push(...(await db.selectFrom('work_calendar').selectAll().where('date', 'in', dates.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function upsertCalendarEntries(
  db: Db,
  entries: { date: string; kind: WorkCalendarKind; name: string | null }[],
  by: number | null,
  now: string,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 300) {
    await db
      .insertInto('work_calendar')
      .values(entries.slice(i, i + 300).map((e) => ({ date: e.date, kind: e.kind, name: e.name, updated_by: by, updated_at: now })))
      .onConflict((oc) => oc.column('date').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
}

export async function deleteCalendarEntry(db: Db, date: string): Promise<void> {
  await db.deleteFrom('work_calendar').where('date', '=', date).execute();
}
