import { BRAND } from '../theme';

/** The product mark: a baton over a navy square, then the name. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill={BRAND.navyDark} stroke="rgba(255,255,255,0.25)" />
      <path d="M9 23 L21 9" stroke={BRAND.gold} strokeWidth="4" strokeLinecap="round" />
      <circle cx="22.5" cy="8" r="3" fill={BRAND.red} />
    </svg>
  );
}

export function Brand({ dark = true, compact = false }: { dark?: boolean; compact?: boolean }) {
  return (
    <div className={`brand ${dark ? 'brand-dark' : 'brand-light'}`}>
      <BrandMark />
      {compact ? null : (
        <span className="brand-text">
          <span className="brand-name">Baton</span>
          <span className="brand-sub">考核指挥棒</span>
        </span>
      )}
    </div>
  );
}
