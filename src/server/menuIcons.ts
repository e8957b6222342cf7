// The left menu's pictures, named by meaning: a module's menu entry names one, the web shell draws
// each (src/web/shell/menuIcons.ts, typed against this list so none is missing). No imports: the web
// client reads this file too.
export const MENU_ICONS = [
  'abbreviation', 'apartment', 'bank', 'bell', 'calendar', 'certificate', 'chamber', 'checkIn', 'cluster', 'comment', 'council', 'dashboard',
  'delegateDocs', 'document', 'election', 'folder', 'history', 'idea', 'inbox', 'inspect', 'late', 'levels', 'mail', 'petition',
  'program', 'promise', 'question', 'reception', 'report', 'resolution', 'results', 'rules', 'session', 'setting', 'tasks', 'team', 'training',
  'template', 'timeline', 'todo', 'turnout', 'upload', 'user', 'vote', 'watch',
] as const;
export type MenuIcon = (typeof MENU_ICONS)[number];
