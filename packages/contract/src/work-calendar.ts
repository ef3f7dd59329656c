import { Type, type Static } from 'typebox';
import { DateString, Nullable, StrictObject } from './common.js';

/** The organization's working-day calendar (admin), over the statutory one (docs/api-worklogs.md). */

export const CalendarKindSchema = Type.Union([Type.Literal('workday'), Type.Literal('holiday')], { description: 'workday 工作日 · holiday 休息日' });
export type CalendarKind = Static<typeof CalendarKindSchema>;

export const CalendarRangeQuery = StrictObject({ from: DateString(), to: DateString() });
export type CalendarRangeQuery = Static<typeof CalendarRangeQuery>;
export const CalendarDateParams = StrictObject({ date: DateString() });
export const CalendarDayBody = StrictObject({
  kind: CalendarKindSchema,
  name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
});
export type CalendarDayBody = Static<typeof CalendarDayBody>;

/** An entry of the organization's own calendar. */
export const CalendarEntrySchema = Type.Object({ date: Type.String(), kind: CalendarKindSchema, name: Nullable(Type.String()), updatedAt: Type.String() });
export type CalendarEntry = Static<typeof CalendarEntrySchema>;

/** Why a day is or is not a working day. */
export const DaySourceSchema = Type.Union([Type.Literal('organization'), Type.Literal('statutory'), Type.Literal('weekday'), Type.Literal('weekend')]);
export type DaySource = Static<typeof DaySourceSchema>;

export const DayInfoProperties = {
  date: Type.String(),
  working: Type.Boolean(),
  name: Nullable(Type.String({ description: '国庆节, 春节调休 …, or the admin\'s name of his entry; null on ordinary days' })),
  source: DaySourceSchema,
};
export const DayInfoSchema = Type.Object(DayInfoProperties);
export type DayInfo = Static<typeof DayInfoSchema>;

export const CalendarRangeResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  entries: Type.Array(CalendarEntrySchema),
  days: Type.Array(DayInfoSchema),
});
export type CalendarRange = Static<typeof CalendarRangeResponse>;

export const CalendarTemplateResponse = Type.String({ description: 'a CSV template (UTF-8 with BOM): 日期, 类型, 名称' });

export const CalendarImportResponse = Type.Object({ imported: Type.Integer(), created: Type.Integer(), updated: Type.Integer() });
export type CalendarImport = Static<typeof CalendarImportResponse>;
