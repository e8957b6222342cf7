// Entry point: Vietnamese locale for antd and dayjs, theme, router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import './lib/format.ts';
import { FeedbackHolder } from './lib/feedback.tsx';
import { AuthProvider } from './lib/auth.tsx';
import { AppRoutes } from './App.tsx';
import './styles.css';

// antd's Vietnamese asks "Chọn thời điểm" (pick an instant) in every date field; a date is a day, and
// a range is from one day to another.
const datePicker = viVN.DatePicker!;
const locale = {
  ...viVN,
  DatePicker: { ...datePicker, lang: { ...datePicker.lang, placeholder: 'Chọn ngày', rangePlaceholder: ['Từ ngày', 'Đến ngày'] as [string, string] } },
};

// People who ask their system for reduced motion get no animations (menus, dialogs, dropdowns).
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const theme = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2b4c', triggerBg: '#0b2140', headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: {
      darkItemBg: '#0f2b4c',
      darkSubMenuItemBg: '#0f2b4c',
      darkItemSelectedBg: '#0b5cad',
      darkGroupTextColor: 'rgba(255,255,255,0.55)',
    },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>
        <FeedbackHolder />
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
