// The templates the documents module brings itself. Petition templates read the petitions
// module's tables (read-only).
import { conclusionNotice } from './conclusionNotice.ts';
import { PETITION_TEMPLATES } from './petitions.ts';
import { SESSION_TEMPLATES } from './sessions.ts';
import { getTemplate, registerTemplate } from './registry.ts';

let done = false;
export function registerBuiltinTemplates(): void {
  if (done) return;
  done = true;
  for (const t of [conclusionNotice, ...PETITION_TEMPLATES, ...SESSION_TEMPLATES]) if (!getTemplate(t.key)) registerTemplate(t);
}
