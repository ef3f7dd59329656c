/** The organization's working days: the statutory calendar (chinese-days) with the admin's own days over it. */
export { loadWorkingDayCalendar, type LoadedCalendar } from './work-calendar.usecases.js';
export { registerWorkCalendarRoutes } from './work-calendar.routes.js';
export { setWorkCalendarDay } from './work-calendar.usecases.js';
