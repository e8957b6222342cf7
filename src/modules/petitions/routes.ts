// All routes of the petitions module.
import type { Router } from '../../server/route.ts';
import { councilRoutes } from './routes/council.ts';
import { agencyRoutes } from './routes/agency.ts';
import { publicRoutes } from './routes/public.ts';
import { meRoutes } from './routes/me.ts';

export function petitionRoutes(r: Router) {
  councilRoutes(r);
  agencyRoutes(r);
  publicRoutes(r);
  meRoutes(r);
}
