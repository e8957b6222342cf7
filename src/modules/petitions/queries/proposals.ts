// Aggregation proposals for a round: the text engine groups the round's unmerged opinions that
// raise the same issue (src/domain/text/dedup.ts), and proposes the existing petition of the
// council closest to each group (similarity index). The secretariat confirms with a merge.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { PROPOSAL_THRESHOLD, groupDuplicates } from '../../../domain/text/dedup.ts';
import { SimilarityIndex } from '../../../domain/text/similarity.ts';
import { adminUnits } from '../../directory/schema.ts';
import { roundOf } from '../common.ts';
import { opinions, petitions } from '../schema.ts';

export async function mergeProposals(db: Db, councilId: string, roundId: string, opts: { threshold?: number } = {}) {
  await roundOf(db, councilId, roundId);
  const rows = await db
    .select({ id: opinions.id, text: opinions.text, version: opinions.version, unitName: adminUnits.name, meetingId: opinions.meetingId })
    .from(opinions)
    .leftJoin(adminUnits, eq(adminUnits.id, opinions.unitId))
    .where(and(eq(opinions.roundId, roundId), isNull(opinions.petitionId), eq(opinions.kind, 'petition')))
    .orderBy(opinions.createdAt, opinions.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dedup = groupDuplicates(rows.map((r) => ({ id: r.id, text: r.text })), { threshold: opts.threshold ?? PROPOSAL_THRESHOLD });

  // Petitions of the council still with the secretariat, for "add to an existing petition" (a
  // forwarded one keeps the sources it was sent with: petitionRows.ts assertSourcesEditable).
  const existing = await db
    .select({ id: petitions.id, number: petitions.number, text: petitions.text, version: petitions.version })
    .from(petitions)
    .where(and(eq(petitions.councilId, councilId), inArray(petitions.status, ['draft', 'returned'])));
  const index = new SimilarityIndex();
  for (const p of existing) index.add(p.id, p.text);
  const pById = new Map(existing.map((p) => [p.id, p]));
  const nearest = (text: string) => {
    if (!index.size) return null;
    const [hit] = index.topK(text, 1, { minScore: 0.5 });
    const p = hit ? pById.get(hit.id) : undefined;
    return p ? { ...p, score: Math.round(hit!.score * 100) / 100 } : null;
  };

  const grouped = new Set(dedup.groups.flatMap((g) => g.members));
  return {
    groups: dedup.groups.map((g) => {
      const members = g.members.map((id) => byId.get(id)!);
      return { score: Math.round(g.score * 100) / 100, opinions: members, existingPetition: nearest(members[0]!.text) };
    }),
    singles: rows
      .filter((r) => !grouped.has(r.id))
      .map((r) => ({ opinion: r, existingPetition: nearest(r.text) }))
      .filter((s) => s.existingPetition),
    unmerged: rows.length,
  };
}
