// Classification suggestions for opinions: field and competent level from the text engine
// (src/domain/text/classify.ts: the council's taxonomy keywords, blended with a naive Bayes model
// trained on the council's own confirmed classifications), restricted to the levels in force; and
// the agency from the council's routing rules, else the people's committee of that level (the NA
// delegation for the central level). The clerk confirms with actions/classifyOpinions.ts.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { DEFAULT_LEVEL_RULES } from '../../../domain/text/fields.ts';
import { suggestField, suggestLevel, trainNaiveBayes, type CompetentLevel, type NaiveBayesModel } from '../../../domain/text/classify.ts';
import { pickRoutingRule } from '../../../domain/petitions/suggest.ts';
import { LEVEL_LABELS, levelsInForce } from '../../../domain/petitions/counting.ts';
import { agencies } from '../../directory/schema.ts';
import { councilRow, unitChain } from '../common.ts';
import { opinions, petitionFields, routingRules } from '../schema.ts';

const TRAINING_LIMIT = 5000;

/** Per council: the models trained on its confirmed classifications, and what they were trained on. */
const trained = new Map<string, { stamp: string; field?: NaiveBayesModel; level?: NaiveBayesModel }>();

export async function suggestClassification(db: Db, councilId: string, opinionIds: string[]) {
  const rows = opinionIds.length
    ? await db.select().from(opinions).where(and(eq(opinions.councilId, councilId), inArray(opinions.id, opinionIds)))
    : [];
  const fields = await db.select().from(petitionFields).where(and(eq(petitionFields.councilId, councilId), eq(petitionFields.active, true)));
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const byId = new Map(fields.map((f) => [f.id, f]));
  const rules = await db.select().from(routingRules).where(eq(routingRules.councilId, councilId));
  const council = await councilRow(db, councilId);
  const chain = await unitChain(db, council.unitId);
  const levels = levelsInForce(chain);
  const ownLevel = (levels[levels.length - 1] ?? 'commune') as CompetentLevel;
  const levelRules = DEFAULT_LEVEL_RULES.filter((r) => levels.includes(r.level));

  // The council's confirmed classifications teach the classifier its own usage. Training is
  // redone only when they changed (count, latest confirmation, the field codes in use).
  const [stampRow] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${opinions.classifiedAt})::text` })
    .from(opinions)
    .where(and(eq(opinions.councilId, councilId), isNotNull(opinions.classifiedAt), eq(opinions.kind, 'petition')));
  const stamp = `${stampRow?.n}|${stampRow?.last}|${fields.map((f) => `${f.id}:${f.code}`).join(',')}|${levels.join(',')}`;
  let models = trained.get(councilId);
  if (models?.stamp !== stamp) {
    const confirmed = await db
      .select({ text: opinions.text, fieldId: opinions.fieldId, level: opinions.competentLevel })
      .from(opinions)
      .where(and(eq(opinions.councilId, councilId), isNotNull(opinions.classifiedAt), eq(opinions.kind, 'petition')))
      .orderBy(sql`${opinions.classifiedAt} desc`)
      .limit(TRAINING_LIMIT);
    const fieldExamples = confirmed.flatMap((c) => (c.fieldId && byId.get(c.fieldId) ? [{ text: c.text, label: byId.get(c.fieldId)!.code }] : []));
    const levelExamples = confirmed.flatMap((c) => (c.level && levels.includes(c.level) ? [{ text: c.text, label: c.level }] : []));
    models = {
      stamp,
      field: fieldExamples.length ? trainNaiveBayes(fieldExamples) : undefined,
      level: levelExamples.length ? trainNaiveBayes(levelExamples) : undefined,
    };
    trained.set(councilId, models);
  }
  const { field: fieldModel, level: levelModel } = models;

  const unitIds = chain.map((u) => u.id);
  const candidates = unitIds.length ? await db.select().from(agencies).where(and(inArray(agencies.unitId, unitIds), eq(agencies.active, true))) : [];
  const defaultAgency = (level: string) => {
    if (level === 'central') return candidates.find((a) => a.kind === 'na_delegation') ?? null;
    const unit = chain.find((u) => u.level === level);
    return candidates.find((a) => a.unitId === unit?.id && a.kind === 'people_committee') ?? null;
  };
  const ruleAgencyIds = [...new Set(rules.map((r) => r.agencyId))];
  const agencyNames = new Map(
    ruleAgencyIds.length ? (await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, ruleAgencyIds))).map((a) => [a.id, a.name]) : [],
  );
  const taxonomy = fields.map((f) => ({ code: f.code, name: f.name, keywords: f.keywords }));

  return rows.map((o) => {
    const fs = suggestField(o.text, { taxonomy, model: fieldModel });
    const lv = suggestLevel(o.text, { rules: levelRules, defaultLevel: ownLevel, model: levelModel });
    const level = levels.includes(lv.level) ? lv.level : ownLevel;
    const top = fs.field ? byCode.get(fs.field) : undefined;
    const rule = pickRoutingRule(rules, { fieldId: top?.id ?? null, competentLevel: level, unitId: o.unitId });
    const fallback = defaultAgency(level);
    return {
      opinionId: o.id,
      version: o.version,
      field: top ? { fieldId: top.id, name: top.name, confidence: fs.confidence, method: fs.method } : null,
      alternatives: fs.alternatives.flatMap((a) => (byCode.get(a.field) ? [{ fieldId: byCode.get(a.field)!.id, name: byCode.get(a.field)!.name, score: a.score }] : [])),
      competentLevel: { level, label: LEVEL_LABELS[level] ?? level, confidence: lv.confidence, matched: lv.matched,
        reason: level === lv.level ? lv.reason : `${lv.reason} Cấp này không có trong hệ thống chính quyền hiện hành của HĐND; gợi ý cấp của HĐND.`,
      },
      agency: rule
        ? { agencyId: rule.agencyId, name: agencyNames.get(rule.agencyId) ?? '', source: 'routing_rule' as const, ruleId: rule.id }
        : fallback
          ? { agencyId: fallback.id, name: fallback.name, source: 'default' as const, ruleId: null }
          : null,
    };
  });
}
