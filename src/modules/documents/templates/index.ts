// The templates the documents module brings itself. Petition templates read the petitions
// module's tables (read-only).
import { conclusionNotice } from './conclusionNotice.ts';
import { getTemplate, registerTemplate } from './registry.ts';

let done = false;
export function registerBuiltinTemplates(): void {
  if (done) return;
  done = true;
  if (!getTemplate(conclusionNotice.key)) registerTemplate(conclusionNotice);
}
