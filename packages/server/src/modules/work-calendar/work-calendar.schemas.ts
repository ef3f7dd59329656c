import { Type } from 'typebox';
import { DateString, Nullable, StrictObject } from '../../app/http.js';

export const CalendarRangeQuery = StrictObject({ from: DateString(), to: DateString() });
export const CalendarDateParams = StrictObject({ date: DateString() });
export const CalendarDayBody = StrictObject({
  kind: Type.Union([Type.Literal('workday'), Type.Literal('holiday')], { description: 'workday 工作日 · holiday 休息日' }),
  name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
});
