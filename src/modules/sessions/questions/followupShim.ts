// TEMPORARY shim of src/modules/followup/service.ts (the lead lands it on main): the exact contract
// signature, doing nothing. Deleted when main is merged; the import in commitments.ts then points
// at '../../followup/service.ts'.
import type { Tx } from '../../../db/client.ts';
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
