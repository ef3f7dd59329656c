import type { Db } from '../kysely.js';

const DEMO_SEEDED = 'demo.seeded';

/** The demo only goes into an empty organization that was never seeded. */
export async function canSeedDemo(db: Db): Promise<boolean> {
  const seeded = await db.selectFrom('settings').select('value').where('key', '=', DEMO_SEEDED).executeTakeFirst();
  const anyPerson = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  return !seeded && !anyPerson;
}

export async function markDemoSeeded(db: Db, at: string): Promise<void> {
  await db.insertInto('settings').values({ key: DEMO_SEEDED, value: at }).execute();
}
