/** Vietnamese text handling for petitions: pure functions, no I/O. */
export { nfc, canonicalTones, collapseWhitespace, matchKey, fold, stripDiacritics, hasDiacritics } from './normalize.ts';
export type { TonePlacement } from './normalize.ts';
export {
  parseSyllable,
  isVietnameseSyllable,
  canonicalSyllable,
  toneIndexInNucleus,
  TONE_NAMES,
} from './syllable.ts';
export type { Syllable } from './syllable.ts';
export {
  detectEncoding,
  convertLegacy,
  convertLegacyDocument,
  decodeTcvn3,
  decodeVni,
  toTcvn3,
  toVni,
} from './legacy.ts';
export type { TextEncoding, ConversionResult, DetectionResult, ConvertOptions } from './legacy.ts';
export { sortKey, personSortKey, compareVi, comparePersonVi, sortVi } from './sort.ts';
export {
  DEFAULT_ABBREVIATIONS,
  expandAbbreviations,
  findAbbreviations,
  mergeAbbreviations,
} from './abbreviations.ts';
export type { AbbreviationEntry, AbbreviationDictionary, AbbreviationMatch } from './abbreviations.ts';
export { DEFAULT_STOPWORDS, preprocess, tokenize, words, contentWords, ngramFeatures } from './tokens.ts';
export type { TokenOptions } from './tokens.ts';
export { extractAnchors, compareAnchors } from './anchors.ts';
export type { Anchor, AnchorKind, AnchorComparison } from './anchors.ts';
export { prepareText, textSimilarity, preparedSimilarity, combineScore, SimilarityIndex } from './similarity.ts';
export type { PreparedText, SimilarityHit, SimilarityOptions, IndexOptions } from './similarity.ts';
export { groupDuplicates } from './dedup.ts';
export type { DedupItem, DedupOptions, DedupResult, DuplicateGroup, DuplicatePair } from './dedup.ts';
export { DEFAULT_FIELDS, DEFAULT_LEVEL_RULES, LEVEL_NAMES } from './fields.ts';
export type { FieldDefinition, LevelRule, CompetentLevel } from './fields.ts';
export {
  keywordScores,
  suggestField,
  suggestLevel,
  trainNaiveBayes,
  predictNaiveBayes,
  emptyModel,
  isNaiveBayesModel,
} from './classify.ts';
export type {
  NaiveBayesModel,
  LabelledText,
  Prediction,
  FieldSuggestion,
  FieldOptions,
  LevelSuggestion,
  LevelOptions,
} from './classify.ts';
export { runTextCommand, TextCommandError, TEXT_SUBCOMMANDS, TEXT_USAGE } from './cli.ts';
export type { TextCommandIo } from './cli.ts';
