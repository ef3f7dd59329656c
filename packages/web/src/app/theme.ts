import type { ThemeConfig } from 'antd';

/** A sober back-office look: navy primary, compact radii, a dark navy side menu. */
export const BRAND = {
  navy: '#15325f',
  navyDark: '#0f2547',
  gold: '#e8b84a',
  red: '#c8372d',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorInfo: '#1f4e8c',
    colorError: '#c8372d',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: {
      siderBg: BRAND.navy,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
    },
    Menu: {
      darkItemBg: BRAND.navy,
      darkSubMenuItemBg: BRAND.navyDark,
      darkItemSelectedBg: '#1f4e8c',
    },
    Table: {
      headerBg: '#f5f7fa',
    },
  },
};
