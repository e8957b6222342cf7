// The documents module: outgoing-document registers, issued documents (.docx), templates with
// per-council wording.
// Other modules register their templates with `registerTemplate` (templates/registry.ts).
import type { AppModule } from '../../server/module.ts';
import { documentRoutes } from './routes.ts';
import { registerBuiltinTemplates } from './templates/index.ts';

registerBuiltinTemplates();

export { registerTemplate } from './templates/registry.ts';
export type { DocumentTemplate, BuildContext, WordingSlot } from './templates/registry.ts';

export const documentsModule: AppModule = {
  name: 'documents',
  permissions: {
    'documents.read': {
      label: 'Xem sổ văn bản đi, tải văn bản',
      roles: ['secretariat', 'standing_member', 'committee_member', 'delegate'],
    },
    'documents.issue': { label: 'Ban hành, hủy văn bản; xem trước dự thảo', roles: ['secretariat'] },
    'documents.templates': { label: 'Sửa lời văn mẫu văn bản, cơ quan ban hành', roles: ['secretariat'] },
  },
  routes: documentRoutes,
  menuGroups: { documents: 'Văn bản' },
  menu: [
    { key: 'documents', label: 'Văn bản', path: '/councils/:councilId/documents', icon: 'document', permission: 'documents.read', scope: 'council', group: 'documents', order: 40 },
    { key: 'document-templates', label: 'Mẫu văn bản', path: '/councils/:councilId/documents/templates', icon: 'template', permission: 'documents.templates', scope: 'council', group: 'documents', order: 41 },
  ],
};
