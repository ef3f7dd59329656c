import { useTranslation } from 'react-i18next';
import type { MonthDay } from '@baton/contract/worklogs';

/** 休 on a rest day that would otherwise be worked (a public holiday), 班 on an adjusted working day (调休上班). */
export function dayMark(day: Pick<MonthDay, 'working' | 'source' | 'date'>): 'rest' | 'work' | null {
  if (day.source !== 'statutory' && day.source !== 'organization') return null;
  return day.working ? 'work' : 'rest';
}

/**
 * A compact month: seven columns that fit a 375 px phone. Each day shows its entry count, a red
 * background when it was missed (漏报), 休/班 for holidays and adjusted working days, and a ring today.
 */
export function MonthGrid({
  days,
  selected,
  onSelect,
}: {
  days: MonthDay[];
  selected: string | null;
  onSelect: (day: MonthDay) => void;
}) {
  const { t } = useTranslation();
  const first = days[0];
  if (!first) return null;
  // Monday first: 2026-11-01 is a Sunday → six blanks
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weekdays = t('worklogs.weekdaysShort').split(',');
  const today = days.find((d) => d.isToday)?.date ?? null;

  return (
    <div className="month-grid" role="grid" data-testid="month-grid">
      {weekdays.map((w, i) => (
        <div key={w} className={`month-weekday${i >= 5 ? ' month-weekend' : ''}`} role="columnheader">
          {w}
        </div>
      ))}
      {Array.from({ length: lead }, (_, i) => (
        <div key={`blank-${i}`} className="month-cell month-blank" />
      ))}
      {days.map((day) => {
        const mark = dayMark(day);
        const future = today !== null && day.date > today;
        const classes = [
          'month-cell',
          day.working ? 'month-working' : 'month-rest',
          day.missed ? 'month-missed' : '',
          day.entries > 0 ? 'month-logged' : '',
          day.isToday ? 'month-today' : '',
          future ? 'month-future' : '',
          selected === day.date ? 'month-selected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const label = [
          day.date,
          day.name,
          day.entries > 0 ? t('worklogs.entriesN', { count: day.entries }) : null,
          day.missed ? t('worklogs.missed') : null,
          mark === 'rest' ? t('worklogs.restDay') : mark === 'work' ? t('worklogs.adjustedWorkday') : null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <button
            type="button"
            key={day.date}
            className={classes}
            onClick={() => onSelect(day)}
            aria-label={label}
            aria-pressed={selected === day.date}
            title={label}
            data-date={day.date}
            data-testid="month-day"
          >
            <span className="month-daynum">{Number(day.date.slice(8))}</span>
            {mark ? <span className={`month-mark month-mark-${mark}`}>{mark === 'rest' ? t('worklogs.markRest') : t('worklogs.markWork')}</span> : null}
            {day.name ? <span className="month-name">{day.name}</span> : null}
            {day.entries > 0 ? (
              <span className="month-count" data-testid="month-count">
                {day.entries}
              </span>
            ) : day.missed ? (
              <span className="month-missed-label">{t('worklogs.missedShort')}</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
