// TEMPORARY: the follow-up engine's contract (/work/team/followup-contract.md) until the lead's
// src/modules/followup/service.ts is merged; then this file is deleted and imports point there.
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
