// The light entry (public.html): the login page and the public pages, plain React without Ant
// Design, so that a voter's phone or a first visit downloads little. The server answers /login and
// /cong-khai… with this page; every other path gets the app shell (index.html, main.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from './pages/LoginPage.tsx';
import { PublicCouncilPage, PublicHomePage } from './pages/public/PublicPetitionsPage.tsx';
import { PublicOversightReportPage, PublicOversightReportsPage } from './pages/public/PublicReportsPage.tsx';
import { PublicOversightPage } from './pages/public/PublicOversightPage.tsx';
import { PublicResolutionsPage } from './pages/public/PublicResolutionsPage.tsx';
import { PublicQuestionsPage } from './pages/sessions/questions/PublicQuestionsPage.tsx';
import { PublicResultsPage } from './pages/public/PublicResultsPage.tsx';
import { PublicOnlineReceptionPage } from './pages/public/PublicOnlineReceptionPage.tsx';
import { PublicVotesPage } from './pages/public/PublicVotesPage.tsx';
import './public.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/cong-khai" element={<PublicHomePage />} />
        <Route path="/cong-khai/:councilId" element={<PublicCouncilPage />} />
        <Route path="/cong-khai/:councilId/bao-cao-giam-sat" element={<PublicOversightReportsPage />} />
        <Route path="/cong-khai/:councilId/bao-cao-giam-sat/:reportId" element={<PublicOversightReportPage />} />
        <Route path="/cong-khai/:councilId/giam-sat" element={<PublicOversightPage />} />
        <Route path="/cong-khai/:councilId/nghi-quyet" element={<PublicResolutionsPage />} />
        <Route path="/cong-khai/:councilId/chat-van" element={<PublicQuestionsPage />} />
        <Route path="/cong-khai/bau-cu/:electionId" element={<PublicResultsPage />} />
        <Route path="/cong-khai/:councilId/tiep-cong-dan" element={<PublicOnlineReceptionPage />} />
        <Route path="/cong-khai/:councilId/bieu-quyet" element={<PublicVotesPage />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
