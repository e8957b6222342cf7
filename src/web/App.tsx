// Routes of the web app. Council screens live under /councils/:councilId/… so a link names the
// council it shows; the shell keeps the council switcher in step with the URL.
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './lib/auth.tsx';
import { Loading } from './components/common.tsx';
import { AppShell, CouncilGuard, ShellNotFound } from './shell/AppShell.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForcedPasswordPage } from './pages/PasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { UnitsPage } from './pages/UnitsPage.tsx';
import { UnitImportPage } from './pages/UnitImportPage.tsx';
import { CouncilsPage } from './pages/CouncilsPage.tsx';
import { DelegatesPage } from './pages/DelegatesPage.tsx';
import { DelegateDetailPage } from './pages/DelegateDetailPage.tsx';
import { BodiesPage } from './pages/BodiesPage.tsx';
import { AgenciesPage } from './pages/AgenciesPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { AbbreviationsPage } from './pages/AbbreviationsPage.tsx';
import { RoundsPage } from './pages/petitions/RoundsPage.tsx';
import { RoundPage } from './pages/petitions/RoundPage.tsx';
import { PetitionsPage } from './pages/petitions/PetitionsPage.tsx';
import { PetitionDetailPage } from './pages/petitions/PetitionDetailPage.tsx';
import { RemindersPage } from './pages/petitions/RemindersPage.tsx';
import { PetitionSettingsPage } from './pages/petitions/SettingsPage.tsx';
import { AgencyInboxPage } from './pages/petitions/AgencyInboxPage.tsx';
import { CalendarPage } from './pages/petitions/CalendarPage.tsx';
import { NotificationsPage } from './pages/petitions/NotificationsPage.tsx';
import { PublicCouncilPage, PublicHomePage } from './pages/public/PublicPetitionsPage.tsx';
import { PetitionDashboardPage } from './pages/dashboards/PetitionDashboardPage.tsx';
import { LowerCouncilsPage } from './pages/dashboards/LowerCouncilsPage.tsx';
import { RegisterPage as DocumentRegisterPage } from './pages/documents/RegisterPage.tsx';
import { IssuePage as DocumentIssuePage } from './pages/documents/IssuePage.tsx';
import { TemplatesPage as DocumentTemplatesPage } from './pages/documents/TemplatesPage.tsx';

function RequireUser({ children }: { children: React.ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading tip="Đang mở Nghị Trường…" />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword) return <ForcedPasswordPage />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/cong-khai" element={<PublicHomePage />} />
      <Route path="/cong-khai/:councilId" element={<PublicCouncilPage />} />
      <Route
        element={
          <RequireUser>
            <AppShell />
          </RequireUser>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/import" element={<UnitImportPage />} />
        <Route path="agencies" element={<AgenciesPage />} />
        <Route path="councils" element={<CouncilsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="text/abbreviations" element={<AbbreviationsPage />} />
        <Route path="agencies/:agencyId/petitions" element={<AgencyInboxPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="councils/:councilId" element={<CouncilGuard />}>
          <Route index element={<Navigate to="delegates" replace />} />
          <Route path="delegates" element={<DelegatesPage />} />
          <Route path="delegates/:delegateId" element={<DelegateDetailPage />} />
          <Route path="bodies" element={<BodiesPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="petition-rounds" element={<RoundsPage />} />
          <Route path="petition-rounds/:roundId" element={<RoundPage />} />
          <Route path="petitions" element={<PetitionsPage />} />
          <Route path="petitions/:petitionId" element={<PetitionDetailPage />} />
          <Route path="reminders" element={<RemindersPage />} />
          <Route path="petition-settings" element={<PetitionSettingsPage />} />
          <Route path="dashboard/petitions" element={<PetitionDashboardPage />} />
          <Route path="dashboard/lower-councils" element={<LowerCouncilsPage />} />
          <Route path="documents" element={<DocumentRegisterPage />} />
          <Route path="documents/new" element={<DocumentIssuePage />} />
          <Route path="documents/templates" element={<DocumentTemplatesPage />} />
          <Route path="*" element={<ShellNotFound />} />
        </Route>
        <Route path="*" element={<ShellNotFound />} />
      </Route>
    </Routes>
  );
}
