// `npm start`: checks the Node.js version in plain JavaScript, then runs scripts/start.ts.
import { requireSupportedNode } from '../bin/checkNode.js';

requireSupportedNode();
await import('./start.ts');
