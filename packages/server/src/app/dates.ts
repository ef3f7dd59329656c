import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Assessment dates are local dates of the organization (Asia/Shanghai), whatever the server's zone. */
export const ORG_TIME_ZONE = 'Asia/Shanghai';

export function localDateOf(instant: Date): string {
  return dayjs(instant).tz(ORG_TIME_ZONE).format('YYYY-MM-DD');
}

export function isValidDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value, 'YYYY-MM-DD').format('YYYY-MM-DD') === value;
}
