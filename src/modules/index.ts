// The modules that make up the app, in seed order. The server, the CLI and the web shell read
// their registrations and know nothing else about them.
import type { AppModule } from '../server/module.ts';
import { directoryModule } from './directory/index.ts';
import { accountsModule } from './accounts/index.ts';
import { auditModule } from './audit/index.ts';
import { petitionsModule } from './petitions/index.ts';
import { documentsModule } from './documents/index.ts';
import { sessionsModule } from './sessions/index.ts';
import { sessionsPortalModule } from './sessions/portal/index.ts';
import { sessionsChamberModule } from './sessions/chamber/index.ts';
import { sessionQuestionsModule } from './sessions/questions/index.ts';
import { dashboardsModule } from './dashboards/index.ts';
import { textSettingsModule } from './textSettings/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { backupModule } from './backup/index.ts';
import { followupModule } from './followup/index.ts';
import { lettersModule } from './letters/index.ts';
import { resolutionsModule } from './resolutions/index.ts';

import { oversightModule } from './oversight/index.ts';

import { electionsModule } from './elections/index.ts';
import { trainingModule } from './training/index.ts';

import { coordinationModule } from './coordination/index.ts';

export const modules: AppModule[] = [directoryModule, accountsModule, auditModule, petitionsModule, documentsModule, followupModule, sessionsModule, sessionsPortalModule, sessionsChamberModule, sessionQuestionsModule, resolutionsModule, oversightModule, electionsModule, lettersModule, trainingModule, dashboardsModule, textSettingsModule, notificationsModule, backupModule, coordinationModule];
