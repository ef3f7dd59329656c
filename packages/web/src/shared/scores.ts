/**
 * Points and scores as people read them: at most two decimals (the server stores hundredths), no
 * float noise, a sign on point deltas. Used wherever a total, a delta or a rating is shown.
 */

/**
 * A number as integer hundredths, as the server stores it: decimal rounding, half away from zero,
 * on the decimal text (80.115 → 8012, where `Math.round(80.115 * 100)` gives 8011; STYLE.md pitfalls).
 */
export function toHundredths(value: number): number {
  const abs = Math.abs(value);
  const text = String(abs);
  const scaled = text.includes('e') ? abs * 100 : Number(`${text}e2`);
  const rounded = Math.round(scaled);
  return value < 0 ? -rounded : rounded;
}

/** 3 → "+3", −2.5 → "−2.5", 0 → "0", 1.1 → "+1.1": the sign always shown, no float noise. */
export function formatPoints(value: number | null | undefined, { sign = true }: { sign?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const hundredths = toHundredths(value);
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const body = frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  if (hundredths === 0) return '0';
  if (hundredths < 0) return `−${body}`;
  return sign ? `+${body}` : body;
}

/** A total (score) with two decimals at most, no sign: 87.25, 90. */
export function formatScore(value: number | null | undefined): string {
  return formatPoints(value, { sign: false });
}
