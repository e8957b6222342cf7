// Routes of the web app. Council screens live under /councils/:councilId/… so a link names the
// council it shows; the shell keeps the council switcher in step with the URL.
import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './lib/auth.tsx';
import { Loading } from './components/common.tsx';
import { AppShell, CouncilGuard, ShellNotFound } from './shell/AppShell.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForcedPasswordPage } from './pages/PasswordPage.tsx';

// Every page but the login page loads on demand, in its own chunk: the first download stays small.
// Pages use named exports; `lazy` wants a default one.
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const HomePage = lazyPage(() => import('./pages/HomePage.tsx'), 'HomePage');
const UnitsPage = lazyPage(() => import('./pages/UnitsPage.tsx'), 'UnitsPage');
const UnitImportPage = lazyPage(() => import('./pages/UnitImportPage.tsx'), 'UnitImportPage');
const CouncilsPage = lazyPage(() => import('./pages/CouncilsPage.tsx'), 'CouncilsPage');
const DelegatesPage = lazyPage(() => import('./pages/DelegatesPage.tsx'), 'DelegatesPage');
const DelegateDetailPage = lazyPage(() => import('./pages/DelegateDetailPage.tsx'), 'DelegateDetailPage');
const BodiesPage = lazyPage(() => import('./pages/BodiesPage.tsx'), 'BodiesPage');
const AgenciesPage = lazyPage(() => import('./pages/AgenciesPage.tsx'), 'AgenciesPage');
const UsersPage = lazyPage(() => import('./pages/UsersPage.tsx'), 'UsersPage');
const AccountPage = lazyPage(() => import('./pages/AccountPage.tsx'), 'AccountPage');
const ForcedTotpPage = lazyPage(() => import('./pages/AccountPage.tsx'), 'ForcedTotpPage');
const AuditPage = lazyPage(() => import('./pages/AuditPage.tsx'), 'AuditPage');
const AbbreviationsPage = lazyPage(() => import('./pages/AbbreviationsPage.tsx'), 'AbbreviationsPage');
const RoundsPage = lazyPage(() => import('./pages/petitions/RoundsPage.tsx'), 'RoundsPage');
const RoundPage = lazyPage(() => import('./pages/petitions/RoundPage.tsx'), 'RoundPage');
const PetitionsPage = lazyPage(() => import('./pages/petitions/PetitionsPage.tsx'), 'PetitionsPage');
const PetitionDetailPage = lazyPage(() => import('./pages/petitions/PetitionDetailPage.tsx'), 'PetitionDetailPage');
const RemindersPage = lazyPage(() => import('./pages/petitions/RemindersPage.tsx'), 'RemindersPage');
const PetitionSettingsPage = lazyPage(() => import('./pages/petitions/SettingsPage.tsx'), 'PetitionSettingsPage');
const AgencyInboxPage = lazyPage(() => import('./pages/petitions/AgencyInboxPage.tsx'), 'AgencyInboxPage');
const CalendarPage = lazyPage(() => import('./pages/petitions/CalendarPage.tsx'), 'CalendarPage');
const NotificationPreferencesPage = lazyPage(() => import('./pages/NotificationPreferencesPage.tsx'), 'NotificationPreferencesPage');
const NotificationsPage = lazyPage(() => import('./pages/petitions/NotificationsPage.tsx'), 'NotificationsPage');
const PublicCouncilPage = lazyPage(() => import('./pages/public/PublicPetitionsPage.tsx'), 'PublicCouncilPage');
const PublicHomePage = lazyPage(() => import('./pages/public/PublicPetitionsPage.tsx'), 'PublicHomePage');
const PublicResolutionsPage = lazyPage(() => import('./pages/public/PublicResolutionsPage.tsx'), 'PublicResolutionsPage');
const PublicVotesPage = lazyPage(() => import('./pages/public/PublicVotesPage.tsx'), 'PublicVotesPage');
const PetitionDashboardPage = lazyPage(() => import('./pages/dashboards/PetitionDashboardPage.tsx'), 'PetitionDashboardPage');
const LowerCouncilsPage = lazyPage(() => import('./pages/dashboards/LowerCouncilsPage.tsx'), 'LowerCouncilsPage');
const DocumentRegisterPage = lazyPage(() => import('./pages/documents/RegisterPage.tsx'), 'RegisterPage');
const DocumentIssuePage = lazyPage(() => import('./pages/documents/IssuePage.tsx'), 'IssuePage');
const SessionsPage = lazyPage(() => import('./pages/sessions/SessionsPage.tsx'), 'SessionsPage');
const ElectionsPage = lazyPage(() => import('./pages/elections/ElectionsPage.tsx'), 'ElectionsPage');
const SessionPage = lazyPage(() => import('./pages/sessions/SessionPage.tsx'), 'SessionPage');
const SessionProfilePage = lazyPage(() => import('./pages/sessions/SessionProfilePage.tsx'), 'SessionProfilePage');
const SessionLatenessPage = lazyPage(() => import('./pages/sessions/SessionLatenessPage.tsx'), 'SessionLatenessPage');
const SessionDocumentsPage = lazyPage(() => import('./pages/sessions/SessionLatenessPage.tsx'), 'SessionDocumentsPage');
const SessionChainPage = lazyPage(() => import('./pages/sessions/SessionChainPage.tsx'), 'SessionChainPage');
const PortalPage = lazyPage(() => import('./pages/sessions/portal/PortalPage.tsx'), 'PortalPage');
const SessionDelegatesPage = lazyPage(() => import('./pages/sessions/portal/SessionDelegatesPage.tsx'), 'SessionDelegatesPage');
const ChamberVotesPage = lazyPage(() => import('./pages/sessions/chamber/ChamberVotesPage.tsx'), 'ChamberVotesPage');
const PortalVotesPage = lazyPage(() => import('./pages/sessions/chamber/PortalVotesPage.tsx'), 'PortalVotesPage');
const ProjectorPage = lazyPage(() => import('./pages/sessions/chamber/ProjectorPage.tsx'), 'ProjectorPage');
const OversightProgramsPage = lazyPage(() => import('./pages/oversight/OversightProgramsPage.tsx'), 'OversightProgramsPage');
const OversightProgramPage = lazyPage(() => import('./pages/oversight/OversightProgramPage.tsx'), 'OversightProgramPage');
const OversightTimelinePage = lazyPage(() => import('./pages/oversight/OversightTimelinePage.tsx'), 'OversightTimelinePage');
const OversightProposalsPage = lazyPage(() => import('./pages/oversight/OversightProposalsPage.tsx'), 'OversightProposalsPage');
const OversightActivityPage = lazyPage(() => import('./pages/oversight/OversightActivityPage.tsx'), 'OversightActivityPage');
const AgencyOversightPage = lazyPage(() => import('./pages/oversight/AgencyOversightPage.tsx'), 'AgencyOversightPage');
const OversightReportsPage = lazyPage(() => import('./pages/oversight/RecommendationPages.tsx'), 'OversightReportsPage');
const OversightReportPage = lazyPage(() => import('./pages/oversight/RecommendationPages.tsx'), 'OversightReportPage');
const RecommendationPage = lazyPage(() => import('./pages/oversight/RecommendationPages.tsx'), 'RecommendationPage');
const RecommendationDashboardPage = lazyPage(() => import('./pages/oversight/RecommendationPages.tsx'), 'RecommendationDashboardPage');
const AgencyRecommendationsPage = lazyPage(() => import('./pages/oversight/AgencyRecommendationPages.tsx'), 'AgencyRecommendationsPage');
const AgencyRecommendationPage = lazyPage(() => import('./pages/oversight/AgencyRecommendationPages.tsx'), 'AgencyRecommendationPage');
const PortalQuestionsPage = lazyPage(() => import('./pages/sessions/questions/PortalQuestionsPage.tsx'), 'PortalQuestionsPage');
const QuestionsPage = lazyPage(() => import('./pages/sessions/questions/QuestionsPage.tsx'), 'QuestionsPage');
const AgencyCommitmentsPage = lazyPage(() => import('./pages/sessions/questions/AgencyCommitmentsPage.tsx'), 'AgencyCommitmentsPage');
const PublicQuestionsPage = lazyPage(() => import('./pages/sessions/questions/PublicQuestionsPage.tsx'), 'PublicQuestionsPage');
const TurnoutDashboardPage = lazyPage(() => import('./pages/elections/TurnoutDashboardPage.tsx'), 'TurnoutDashboardPage');
const TurnoutAreaPage = lazyPage(() => import('./pages/elections/TurnoutAreaPage.tsx'), 'TurnoutAreaPage');
const TallySheetPage = lazyPage(() => import('./pages/elections/TallySheetPage.tsx'), 'TallySheetPage');
const WinnersPage = lazyPage(() => import('./pages/elections/WinnersPage.tsx'), 'WinnersPage');
const PublicResultsPage = lazyPage(() => import('./pages/public/PublicResultsPage.tsx'), 'PublicResultsPage');
const AgencySessionDocumentsPage = lazyPage(() => import('./pages/sessions/AgencySessionDocumentsPage.tsx'), 'AgencySessionDocumentsPage');
const ResolutionsPage = lazyPage(() => import('./pages/resolutions/ResolutionsPage.tsx'), 'ResolutionsPage');
const ResolutionPage = lazyPage(() => import('./pages/resolutions/ResolutionPage.tsx'), 'ResolutionPage');
const CouncilTasksPage = lazyPage(() => import('./pages/resolutions/TasksPage.tsx'), 'CouncilTasksPage');
const AgencyTasksPage = lazyPage(() => import('./pages/resolutions/TasksPage.tsx'), 'AgencyTasksPage');
const ChamberPage = lazyPage(() => import('./pages/sessions/chamber/ChamberPage.tsx'), 'ChamberPage');
const SpeakerScreenPage = lazyPage(() => import('./pages/sessions/chamber/SpeakerScreenPage.tsx'), 'SpeakerScreenPage');
const CheckInPage = lazyPage(() => import('./pages/sessions/chamber/CheckInPage.tsx'), 'CheckInPage');
const DocumentTemplatesPage = lazyPage(() => import('./pages/documents/TemplatesPage.tsx'), 'TemplatesPage');
const AgencyObligationsPage = lazyPage(() => import('./pages/followup/ObligationsPage.tsx'), 'AgencyObligationsPage');
const CouncilObligationsPage = lazyPage(() => import('./pages/followup/ObligationsPage.tsx'), 'CouncilObligationsPage');
const LettersPage = lazyPage(() => import('./pages/letters/LettersPage.tsx'), 'LettersPage');
const MyLettersPage = lazyPage(() => import('./pages/letters/LettersPage.tsx'), 'MyLettersPage');
const LetterPage = lazyPage(() => import('./pages/letters/LetterPage.tsx'), 'LetterPage');
const MyLetterPage = lazyPage(() => import('./pages/letters/LetterPage.tsx'), 'MyLetterPage');
const ReceptionsPage = lazyPage(() => import('./pages/letters/ReceptionsPage.tsx'), 'ReceptionsPage');
const MyReceptionsPage = lazyPage(() => import('./pages/letters/ReceptionsPage.tsx'), 'MyReceptionsPage');
const OnlineReceptionsPage = lazyPage(() => import('./pages/letters/OnlineReceptionsPage.tsx'), 'OnlineReceptionsPage');
const AgencyLetterPage = lazyPage(() => import('./pages/letters/AgencyLetterPage.tsx'), 'AgencyLetterPage');
const IncomingListPage = lazyPage(() => import('./pages/coordination/IncomingPages.tsx'), 'IncomingListPage');
const IncomingNewPage = lazyPage(() => import('./pages/coordination/IncomingPages.tsx'), 'IncomingNewPage');
const IncomingDetailPage = lazyPage(() => import('./pages/coordination/IncomingPages.tsx'), 'IncomingDetailPage');
const InvitationsPage = lazyPage(() => import('./pages/coordination/CoordinationPages.tsx'), 'InvitationsPage');
const PeriodicReportsPage = lazyPage(() => import('./pages/coordination/CoordinationPages.tsx'), 'PeriodicReportsPage');
const ConferencesPage = lazyPage(() => import('./pages/coordination/CoordinationPages.tsx'), 'ConferencesPage');
const ConferencePage = lazyPage(() => import('./pages/coordination/CoordinationPages.tsx'), 'ConferencePage');
const TrainingPage = lazyPage(() => import('./pages/training/TrainingPages.tsx'), 'TrainingPage');
const TrainingCoursePage = lazyPage(() => import('./pages/training/TrainingPages.tsx'), 'TrainingCoursePage');
const TrainingClassPage = lazyPage(() => import('./pages/training/TrainingPages.tsx'), 'TrainingClassPage');
const TrainingReportPage = lazyPage(() => import('./pages/training/TrainingPages.tsx'), 'TrainingReportPage');
const MyTrainingPage = lazyPage(() => import('./pages/training/MyTrainingPage.tsx'), 'MyTrainingPage');

function RequireUser({ children }: { children: React.ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading tip="Đang mở Nghị Trường…" />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword) return <ForcedPasswordPage />;
  if (me.mustEnrollTotp) return <ForcedTotpPage />;
  return <>{children}</>;
}

export function AppRoutes() {
  // The public pages load here; pages inside the shell load under the shell's own Suspense, so
  // the menu and header stay on screen while a page's chunk arrives.
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/cong-khai" element={<PublicHomePage />} />
        <Route path="/cong-khai/:councilId" element={<PublicCouncilPage />} />
        <Route path="/cong-khai/:councilId/nghi-quyet" element={<PublicResolutionsPage />} />
        {/* The chamber's projector: full screen, outside the shell. */}
        <Route path="/councils/:councilId/sessions/:sessionId/projector" element={<RequireUser><ProjectorPage /></RequireUser>} />
        <Route path="/councils/:councilId/chamber/screen" element={<RequireUser><SpeakerScreenPage /></RequireUser>} />
        <Route path="/cong-khai/:councilId/chat-van" element={<PublicQuestionsPage />} />
        <Route path="/cong-khai/bau-cu/:electionId" element={<PublicResultsPage />} />
        <Route path="/cong-khai/:councilId/bieu-quyet" element={<PublicVotesPage />} />
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
          <Route path="account" element={<AccountPage />} />
          <Route path="text/abbreviations" element={<AbbreviationsPage />} />
          <Route path="agencies/:agencyId/petitions" element={<AgencyInboxPage />} />
          <Route path="agencies/:agencyId/session-documents" element={<AgencySessionDocumentsPage />} />
          <Route path="agencies/:agencyId/oversight" element={<AgencyOversightPage />} />
          <Route path="agencies/:agencyId/recommendations" element={<AgencyRecommendationsPage />} />
          <Route path="agencies/:agencyId/recommendations/:recommendationId" element={<AgencyRecommendationPage />} />
          <Route path="agencies/:agencyId/resolution-tasks" element={<AgencyTasksPage />} />
          <Route path="agencies/:agencyId/commitments" element={<AgencyCommitmentsPage />} />
          <Route path="agencies/:agencyId/commitments/:commitmentId" element={<AgencyCommitmentsPage />} />
          <Route path="agencies/:agencyId/session-items/:itemId/chain" element={<SessionChainPage />} />
          <Route path="agencies/:agencyId/obligations" element={<AgencyObligationsPage />} />
          <Route path="agencies/:agencyId/letters/:letterId" element={<AgencyLetterPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="notifications/preferences" element={<NotificationPreferencesPage />} />
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
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="elections" element={<ElectionsPage />} />
            <Route path="sessions/:sessionId" element={<SessionPage />} />
            <Route path="resolutions" element={<ResolutionsPage />} />
            <Route path="resolutions/:resolutionId" element={<ResolutionPage />} />
            <Route path="resolution-tasks" element={<CouncilTasksPage />} />
            <Route path="session-items/:itemId/chain" element={<SessionChainPage />} />
            <Route path="session-profile" element={<SessionProfilePage />} />
            <Route path="session-lateness" element={<SessionLatenessPage />} />
            <Route path="session-lateness/documents" element={<SessionDocumentsPage />} />
            <Route path="portal" element={<PortalPage />} />
            <Route path="session-delegates" element={<SessionDelegatesPage />} />
            <Route path="oversight" element={<OversightProgramsPage />} />
            <Route path="oversight/:programId" element={<OversightProgramPage />} />
            <Route path="oversight-activities/:activityId" element={<OversightActivityPage />} />
            <Route path="oversight-timeline" element={<OversightTimelinePage />} />
            <Route path="oversight-proposals" element={<OversightProposalsPage />} />
            <Route path="oversight-reports" element={<OversightReportsPage />} />
            <Route path="oversight-reports/:reportId" element={<OversightReportPage />} />
            <Route path="recommendations/:recommendationId" element={<RecommendationPage />} />
            <Route path="recommendation-dashboard" element={<RecommendationDashboardPage />} />
            <Route path="portal/questions" element={<PortalQuestionsPage />} />
            <Route path="questions" element={<QuestionsPage />} />
            <Route path="obligations" element={<CouncilObligationsPage />} />
            <Route path="letters" element={<LettersPage />} />
            <Route path="letters/:letterId" element={<LetterPage />} />
            <Route path="my-letters" element={<MyLettersPage />} />
            <Route path="my-letters/:letterId" element={<MyLetterPage />} />
            <Route path="receptions" element={<ReceptionsPage />} />
            <Route path="my-receptions" element={<MyReceptionsPage />} />
            <Route path="online-receptions" element={<OnlineReceptionsPage />} />
            <Route path="training" element={<TrainingPage />} />
            <Route path="training/report" element={<TrainingReportPage />} />
            <Route path="training/courses/:courseId" element={<TrainingCoursePage />} />
            <Route path="training/classes/:classId" element={<TrainingClassPage />} />
            <Route path="my-training" element={<MyTrainingPage />} />
            <Route path="chamber" element={<ChamberPage />} />
            <Route path="check-in" element={<CheckInPage />} />
            <Route path="chamber/votes" element={<ChamberVotesPage />} />
            <Route path="portal/votes" element={<PortalVotesPage />} />
            <Route path="election-day" element={<TurnoutDashboardPage />} />
            <Route path="election-day/areas/:areaId" element={<TurnoutAreaPage />} />
            <Route path="election-day/areas/:areaId/tally/:ballotType" element={<TallySheetPage />} />
            <Route path="election-results" element={<WinnersPage />} />
            <Route path="incoming" element={<IncomingListPage />} />
            <Route path="incoming/new" element={<IncomingNewPage />} />
            <Route path="incoming/:incomingDocumentId" element={<IncomingDetailPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
            <Route path="periodic-reports" element={<PeriodicReportsPage />} />
            <Route path="reporting-conferences" element={<ConferencesPage />} />
            <Route path="reporting-conferences/:reportingConferenceId" element={<ConferencePage />} />
            <Route path="*" element={<ShellNotFound />} />
          </Route>
          <Route path="*" element={<ShellNotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
