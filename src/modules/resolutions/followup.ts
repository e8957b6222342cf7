// LOCAL SHIM of the one follow-up engine (src/modules/followup/service.ts, lead, on main ~13:40
// UTC), with the contract's exact signatures. Replaced by a re-export once main is merged.
import type { Tx } from '../../db/client.ts';

export type FollowupKind = 'petition_answer' | 'recommendation' | 'commitment' | 'resolution_task' | 'letter';
export interface ObligationInput {
  kind: FollowupKind;
  sourceId: string;
  councilId: string;
  agencyId: string;
  title: string;
  detail?: string | null;
  link: string;
  originalDue: string;
  due: string;
  answeredOn: string | null;
  closedOn: string | null;
  stateLabel: string;
}
export async function syncObligation(_tx: Tx, _item: ObligationInput): Promise<void> {}
export async function removeObligation(_tx: Tx, _kind: FollowupKind, _sourceId: string): Promise<void> {}
