/**
 * Exact rational numbers on BigInt, for the engine's exact path: a score whose float is
 * too close to a rounding boundary is recomputed with these. Unlike a decimal with a fixed
 * precision, a quotient (a mean of three ballots, 1/3 + 2/3) stays exact, and the
 * arithmetic is several times faster than decimal.js for the few operations a score needs.
 */
export class ExactRational {
  /** The value is numerator / denominator; the denominator is always positive. */
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static of(numerator: bigint, denominator = 1n): ExactRational {
    return denominator < 0n ? new ExactRational(-numerator, -denominator) : new ExactRational(numerator, denominator);
  }

  /** A JSON number read as the decimal it was written as (its shortest round-trip string). */
  static fromNumber(value: number): ExactRational {
    if (Number.isSafeInteger(value)) return new ExactRational(BigInt(value), 1n);
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const text = String(value);
    const exponentAt = text.indexOf('e');
    const mantissa = exponentAt === -1 ? text : text.slice(0, exponentAt);
    const exponent = exponentAt === -1 ? 0 : Number(text.slice(exponentAt + 1));
    const pointAt = mantissa.indexOf('.');
    const digits = pointAt === -1 ? mantissa : mantissa.slice(0, pointAt) + mantissa.slice(pointAt + 1);
    const scale = (pointAt === -1 ? 0 : mantissa.length - pointAt - 1) - exponent;
    const numerator = BigInt(digits);
    return scale >= 0 ? new ExactRational(numerator, 10n ** BigInt(scale)) : new ExactRational(numerator * 10n ** BigInt(-scale), 1n);
  }

  plus(other: ExactRational): ExactRational {
    if (this.denominator === other.denominator) return new ExactRational(this.numerator + other.numerator, this.denominator);
    return new ExactRational(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  minus(other: ExactRational): ExactRational {
    return this.plus(new ExactRational(-other.numerator, other.denominator));
  }

  times(other: ExactRational | number): ExactRational {
    const factor = typeof other === 'number' ? ExactRational.fromNumber(other) : other;
    return new ExactRational(this.numerator * factor.numerator, this.denominator * factor.denominator);
  }

  dividedBy(other: ExactRational | number): ExactRational {
    const divisor = typeof other === 'number' ? ExactRational.fromNumber(other) : other;
    if (divisor.numerator === 0n) throw new RangeError('division by zero');
    return ExactRational.of(this.numerator * divisor.denominator, this.denominator * divisor.numerator);
  }

  comparedTo(other: ExactRational): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  lessThan(other: ExactRational): boolean {
    return this.comparedTo(other) < 0;
  }

  greaterThan(other: ExactRational): boolean {
    return this.comparedTo(other) > 0;
  }

  equals(other: ExactRational): boolean {
    return this.comparedTo(other) === 0;
  }

  isPositive(): boolean {
    return this.numerator > 0n;
  }

  isNegative(): boolean {
    return this.numerator < 0n;
  }

  /** Rounds half away from zero to a count of 10^-places units (an integer), exactly. */
  roundToUnits(places: number): number {
    const scaled = this.numerator * 10n ** BigInt(places);
    let units = scaled / this.denominator;
    const remainder = scaled - units * this.denominator;
    const doubled = remainder < 0n ? -2n * remainder : 2n * remainder;
    if (doubled >= this.denominator) units += scaled < 0n ? -1n : 1n;
    const result = Number(units);
    return result === 0 ? 0 : result;
  }

  /** The nearest float, for display only (explain lines, red/black list points). */
  toNumber(): number {
    return this.roundToUnits(12) / 1e12;
  }
}

export const RATIONAL_ZERO = ExactRational.of(0n);
export const RATIONAL_ONE = ExactRational.of(1n);
export const RATIONAL_HUNDRED = ExactRational.of(100n);

export function minRational(a: ExactRational, b: ExactRational): ExactRational {
  return a.lessThan(b) ? a : b;
}

export function maxRational(a: ExactRational, b: ExactRational): ExactRational {
  return a.greaterThan(b) ? a : b;
}

export function clampRational(value: ExactRational, low: ExactRational, high: ExactRational): ExactRational {
  return minRational(maxRational(value, low), high);
}
