/**
 * The one mapping between opportunities and spreadsheet columns, shared by bulk import and by
 * export, so an exported file imports back unchanged. Pure: controlled vocabularies come in as
 * data (see src/services/spreadsheet-vocabularies.ts), files are read and written elsewhere.
 *
 * Column names are the opportunity's field paths (`title.en`, `location.province`,
 * `investmentUsd.min`), so an error names the same field the JSON API would.
 */
import type { UiLanguage } from './codes.ts';
import { applyMergePatch } from './merge-patch.ts';
import type { Opportunity } from './opportunity.ts';

/** A cell as read from a file: text, a number, a date (XLSX), a boolean, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

export type VocabularyName = 'sector' | 'technology' | 'transferDepth' | 'modality' | 'province' | 'sponsorKind' | 'kbli' | 'incentive' | 'landStatus';

/** One controlled value: its code, other spellings that mean it, and its name per language. */
export interface VocabularyEntry {
  code: string;
  /** Accepted in a file besides the code: names in every language, a province's BPS code. */
  aliases: readonly string[];
  names?: Readonly<Partial<Record<UiLanguage, string>>>;
}
export type Vocabularies = Readonly<Record<VocabularyName, readonly VocabularyEntry[]>>;

type Kind = 'text' | 'integer' | 'number' | 'date' | { code: VocabularyName } | { codes: VocabularyName };

export interface ColumnSpec {
  name: string;
  kind: Kind;
  /** What the template's example row says; it imports as it is. */
  example: string | number;
}

const text = (name: string, example: string): ColumnSpec => ({ name, kind: 'text', example });

/** The columns an import reads and an export writes, in the template's order. */
export const COLUMNS: readonly ColumnSpec[] = [
  text('externalRef', 'BKPM-JI-2026-014'),
  text('title.id', 'Pabrik kantong darah di Jawa Timur'),
  text('title.en', 'Blood-bag plant in East Java'),
  text('title.ko', ''),
  text('title.ja', ''),
  text('title.zh', ''),
  text('summary.id', 'Mitra dicari untuk produksi kantong darah bersama PMI.'),
  text('summary.en', 'A partner is sought to manufacture blood bags with the Indonesian Red Cross.'),
  text('summary.ko', ''),
  text('summary.ja', ''),
  text('summary.zh', ''),
  { name: 'sector', kind: { code: 'sector' }, example: 'medical-consumables' },
  { name: 'technologies', kind: { codes: 'technology' }, example: 'blood-bag-manufacturing;polymer-disposables' },
  { name: 'requiredTransferDepth', kind: { code: 'transferDepth' }, example: 'full-transfer' },
  { name: 'modalities', kind: { codes: 'modality' }, example: 'joint-venture' },
  { name: 'location.province', kind: { code: 'province' }, example: 'ID-JI' },
  text('location.regency', 'Kabupaten Sidoarjo'),
  text('location.regencyCode', ''),
  text('location.specialEconomicZone', ''),
  { name: 'investmentUsd.min', kind: 'integer', example: 10_000_000 },
  { name: 'investmentUsd.max', kind: 'integer', example: 30_000_000 },
  text('sponsor.name', 'Palang Merah Indonesia'),
  { name: 'sponsor.kind', kind: { code: 'sponsorKind' }, example: 'association' },
  text('contact.name', 'Dewi Lestari'),
  text('contact.email', 'dewi@example.id'),
  text('contact.phone', '+62 31 5550 1234'),
  { name: 'kbliCodes', kind: { codes: 'kbli' }, example: '21015' },
  { name: 'incentives', kind: { codes: 'incentive' }, example: '' },
  { name: 'tkdnTargetPct', kind: 'number', example: 40 },
  { name: 'land.status', kind: { code: 'landStatus' }, example: 'hgb' },
  { name: 'land.areaHa', kind: 'number', example: 5 },
  text('land.industrialEstate', ''),
  { name: 'land.readyAt', kind: 'date', example: '2027-06-30' },
];

/** What an export adds for people to read; an import passes over them, so the file goes back in as it is. */
export const READ_ONLY_COLUMNS = [
  'id', 'status', 'version', 'updatedAt', 'sectorName', 'technologyNames', 'modalityNames', 'provinceName', 'errors',
] as const;

/** Several values in one cell are separated by this. */
export const LIST_SEPARATOR = ';';
export const MAX_COLUMNS = 200;

const columnByName = new Map(COLUMNS.map((column) => [column.name, column]));

export interface CellError {
  /** Spreadsheet row, the header being row 1. */
  row: number;
  column: string;
  code: string;
  message: string;
  value: string;
  suggestion?: string;
}

/** How a file's header maps to columns: the known ones by position, the rest reported. */
export interface HeaderMap {
  names: string[];
  columns: (ColumnSpec | undefined)[];
  errors: CellError[];
}

export function readHeader(header: readonly string[]): HeaderMap {
  const errors: CellError[] = [];
  const seen = new Set<string>();
  const known = [...columnByName.keys(), ...READ_ONLY_COLUMNS];
  const names = header.map((raw) => raw.trim());
  const columns = header.map((raw, index) => {
    const name = raw.trim();
    if (name === '') return undefined;
    if (seen.has(name)) {
      errors.push({ row: 1, column: name, code: 'duplicate-column', message: `Column ${name} appears twice (column ${index + 1}); keep one.`, value: raw });
      return undefined;
    }
    seen.add(name);
    const column = columnByName.get(name);
    if (!column && !(READ_ONLY_COLUMNS as readonly string[]).includes(name)) {
      const suggestion = closest(name, known);
      errors.push({
        row: 1,
        column: name,
        code: 'unknown-column',
        message: `Unknown column ${name}${suggestion ? `; did you mean ${suggestion}?` : '; see the template for the columns.'}`,
        value: raw,
        ...(suggestion && { suggestion }),
      });
    }
    return column;
  });
  return { names, columns, errors };
}

export interface ReadOptions {
  /** CSV only: a leading `'` before = + - @ tab or CR was put there against formula injection and is taken off. */
  unguard: boolean;
  /** An empty cell clears its field (a list cell: empties the list) instead of leaving it as it is. */
  clearEmpty: boolean;
}

/** One row as nested fields (`{ location: { province: 'ID-JI' } }`), only those with a value. */
export interface ReadRow {
  row: number;
  fields: Record<string, unknown>;
  /** Columns whose empty cell clears the field of an existing opportunity (see rowPatch). */
  cleared: string[];
  errors: CellError[];
  /** The key columns, as read: what an upsert matches on. */
  externalRef?: string;
  id?: string;
}

export function readRow(cells: readonly Cell[], header: HeaderMap, row: number, vocabularies: Vocabularies, options: ReadOptions): ReadRow {
  const result: ReadRow = { row, fields: {}, cleared: [], errors: [] };
  header.columns.forEach((column, index) => {
    const cell = cells[index];
    if (!column) {
      // An exported row without an external reference is matched on its id.
      if (header.names[index] === 'id' && cellText(cell) !== '') result.id = cellText(cell);
      return;
    }
    const value = readCell(cell, column, vocabularies, options);
    if (value === undefined) {
      if (options.clearEmpty) result.cleared.push(column.name);
      return;
    }
    if ('error' in value) {
      result.errors.push({ row, column: column.name, value: cellText(cell, options), ...value.error });
      return;
    }
    setPath(result.fields, column.name, value.ok);
    if (column.name === 'externalRef') result.externalRef = String(value.ok);
  });
  return result;
}

/** A column of several controlled values, separated by `;`. */
export const isList = (column: ColumnSpec): boolean => typeof column.kind === 'object' && 'codes' in column.kind;

type Read = { ok: unknown } | { error: { code: string; message: string; suggestion?: string } } | undefined;

/** An empty cell is undefined: the row says nothing about the field (readRow decides whether that clears it). */
function readCell(cell: Cell, column: ColumnSpec, vocabularies: Vocabularies, options: ReadOptions): Read {
  if (cell === null || cell === undefined) return undefined;
  const { kind } = column;
  if (kind === 'date') return readDate(cell);
  const textValue = cellText(cell, options);
  if (textValue === '') return undefined;
  if (kind === 'text') return { ok: textValue };
  if (kind === 'integer' || kind === 'number') return readNumber(cell, textValue, kind);
  if ('code' in kind) return readCode(textValue, vocabularies[kind.code]);
  const parts = textValue.split(LIST_SEPARATOR).map((part) => part.trim()).filter((part) => part !== '');
  const codes: string[] = [];
  for (const part of parts) {
    const read = readCode(part, vocabularies[kind.codes]);
    if ('error' in read) return read;
    codes.push(read.ok);
  }
  return { ok: codes };
}

function readNumber(cell: Cell, textValue: string, kind: 'integer' | 'number'): Read {
  const compact = textValue.replace(/[\s_]/g, '');
  const plain = /^\d{1,3}(,\d{3})+$/.test(compact) ? compact.replaceAll(',', '') : compact;
  const value = typeof cell === 'number' ? cell : /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
  if (!Number.isFinite(value)) return { error: { code: 'not-a-number', message: `${textValue} is not a number; write digits only, e.g. 25000000.` } };
  if (kind === 'integer' && !Number.isInteger(value)) return { error: { code: 'not-an-integer', message: `${textValue} must be a whole number.` } };
  return { ok: value };
}

/** Excel keeps dates as days since 1899-12-30; a date cell of an XLSX file arrives as a Date. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function readDate(cell: Cell): Read {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: { code: 'not-a-date', message: 'The date is not valid; write it as YYYY-MM-DD.' } };
    return { ok: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') return { ok: new Date(EXCEL_EPOCH_MS + Math.round(cell) * DAY_MS).toISOString().slice(0, 10) };
  const value = String(cell).trim();
  if (value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: { code: 'not-a-date', message: `${value} is not a date; write it as YYYY-MM-DD, e.g. 2027-06-30.` } };
  return { ok: value };
}

/** Each vocabulary's codes and aliases, normalised once: a file of 10,000 rows looks up many thousands of cells. */
const lookups = new WeakMap<readonly VocabularyEntry[], Map<string, string>>();

function lookupOf(vocabulary: readonly VocabularyEntry[]): Map<string, string> {
  let lookup = lookups.get(vocabulary);
  if (!lookup) {
    lookup = new Map();
    // Aliases first, so a code always wins over another entry's alias that looks the same.
    for (const entry of vocabulary) for (const alias of entry.aliases) if (!lookup.has(normalise(alias))) lookup.set(normalise(alias), entry.code);
    for (const entry of vocabulary) lookup.set(normalise(entry.code), entry.code);
    lookups.set(vocabulary, lookup);
  }
  return lookup;
}

function readCode(value: string, vocabulary: readonly VocabularyEntry[]): { ok: string } | { error: { code: string; message: string; suggestion?: string } } {
  const found = lookupOf(vocabulary).get(normalise(value));
  if (found) return { ok: found };
  const suggestion = closest(value, vocabulary.map((entry) => entry.code), vocabulary);
  return {
    error: {
      code: 'unknown-value',
      message: `${value} is not a known value${suggestion ? `; did you mean ${suggestion}?` : `; use one of ${vocabulary.slice(0, 8).map((entry) => entry.code).join(', ')}${vocabulary.length > 8 ? ' …' : ''}.`}`,
      ...(suggestion && { suggestion }),
    },
  };
}

/** Cell text as a person sees it; numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: Cell, options: Pick<ReadOptions, 'unguard'> = { unguard: false }): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  const value = String(cell).trim();
  return options.unguard && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Case, accents, spaces, dashes and underscores do not matter when a value is looked up. */
function normalise(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * The code nearest to what was written, for "did you mean": by edit distance over codes and
 * every alias, close enough to be a typo (at most a third of the length, and 3).
 */
export function closest(value: string, codes: readonly string[], entries?: readonly VocabularyEntry[]): string | undefined {
  const wanted = normalise(value);
  let best: { code: string; distance: number } | undefined;
  const consider = (candidate: string, code: string) => {
    const distance = editDistance(wanted, normalise(candidate));
    if (!best || distance < best.distance) best = { code, distance };
  };
  codes.forEach((code) => consider(code, code));
  entries?.forEach((entry) => entry.aliases.forEach((alias) => consider(alias, entry.code)));
  if (!best) return undefined;
  return best.distance <= Math.min(3, Math.max(1, Math.floor(wanted.length / 3))) ? best.code : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
  node[segments.at(-1)!] = value;
}

function getPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), source);
}

/** What a row changes in an existing opportunity, as a merge patch: a cleared field is `null`, a cleared list `[]`. */
export function rowPatch(row: ReadRow): Record<string, unknown> {
  const patch = structuredClone(row.fields);
  for (const name of row.cleared) setPath(patch, name, isList(columnByName.get(name)!) ? [] : null);
  return patch;
}

/**
 * The current document with a row's fields laid over it as a merge patch: nested objects merge,
 * lists and values replace, a cleared cell removes its field. An object the row's cleared cells
 * leave empty goes too, so a row whose `land.*` cells are all empty clears the land rather than
 * leaving a land without its status.
 */
export function applyRow(current: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  const merged = applyMergePatch(current, fields) as Record<string, unknown>;
  dropEmptied(merged, fields);
  return merged;
}

function dropEmptied(document: Record<string, unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    const target = document[key];
    if (!isPlainObject(value) || !isPlainObject(target)) continue;
    dropEmptied(target, value);
    if (Object.keys(target).length === 0) delete document[key];
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Deep equality where key order does not matter and an absent key equals an undefined one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/** The column a field path belongs to: `investmentUsd.max` itself, `technologies.2` its list, `title` its first column. */
export function columnOf(path: readonly (string | number)[]): string {
  for (let length = path.length; length > 0; length -= 1) {
    const name = path.slice(0, length).join('.');
    if (columnByName.has(name)) return name;
  }
  const prefix = `${path.join('.')}.`;
  return COLUMNS.find((column) => column.name.startsWith(prefix))?.name ?? (path.join('.') || 'file');
}

/** A cell value for export: lists joined, numbers kept as numbers, absent as empty. */
export function exportValue(opportunity: Opportunity, column: ColumnSpec): string | number {
  const value = getPath(opportunity, column.name);
  return typeof value === 'number' ? value : fieldText(opportunity, column.name);
}

/** A field as a cell's text: a list joined with `;`, nothing as empty. */
export function fieldText(source: unknown, path: string): string {
  const value = getPath(source, path);
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The export's columns for people to read, in the caller's language. */
export function readableValues(opportunity: Opportunity, vocabularies: Vocabularies, language: UiLanguage): Record<(typeof READ_ONLY_COLUMNS)[number], string | number> {
  return {
    id: opportunity.id,
    status: opportunity.status,
    version: opportunity.version,
    updatedAt: opportunity.updatedAt.toISOString(),
    sectorName: nameOf(vocabularies.sector, opportunity.sector, language),
    technologyNames: opportunity.technologies.map((code) => nameOf(vocabularies.technology, code, language)).join(LIST_SEPARATOR),
    modalityNames: opportunity.modalities.map((code) => nameOf(vocabularies.modality, code, language)).join(LIST_SEPARATOR),
    provinceName: nameOf(vocabularies.province, opportunity.location.province, language),
    errors: '',
  };
}

export function nameOf(vocabulary: readonly VocabularyEntry[], code: string, language: UiLanguage): string {
  const names = vocabulary.find((entry) => entry.code === code)?.names;
  return names?.[language] ?? names?.en ?? code;
}

/**
 * Text a spreadsheet program would take for a formula (= + - @, or a leading tab or CR) gets a
 * `'` in front in CSV; import takes it off again (`unguard`). XLSX cells are typed and need none.
 */
export function guardCsvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180), each text cell guarded. */
export function csvLine(cells: readonly (string | number)[]): string {
  return (
    cells
      .map((cell) => {
        if (typeof cell === 'number') return String(cell);
        const guarded = guardCsvText(cell);
        return /[",\r\n;]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replaceAll('"', '""')}"` : guarded;
      })
      .join(',') + '\r\n'
  );
}

/** An export's header: the import columns, then those for people to read (less import's `errors`). */
export const EXPORT_HEADER: readonly string[] = [
  'id',
  ...COLUMNS.map((column) => column.name),
  ...READ_ONLY_COLUMNS.filter((name) => name !== 'id' && name !== 'errors'),
];

export function exportRow(opportunity: Opportunity, vocabularies: Vocabularies, language: UiLanguage): (string | number)[] {
  const readable = readableValues(opportunity, vocabularies, language);
  return EXPORT_HEADER.map((name) => {
    const column = columnByName.get(name);
    return column ? exportValue(opportunity, column) : readable[name as keyof typeof readable];
  });
}

/** A ranked match as an export reads it (see the match page schema). */
export interface MatchRowSource {
  score: number;
  band: string;
  eligibility?: { eligible: boolean };
  factors: readonly { factor: string; neutral: boolean; score: number; contribution: number; text: string }[];
  opportunity: { id: string; title: string; sector: string; province: string; investmentUsd: { min: number; max: number }; sponsorName: string };
}

/** Per factor its score, contribution and reason, in the order the model lists them. */
export function matchHeader(factors: readonly string[]): string[] {
  return [
    'rank', 'score', 'band', 'eligible', 'opportunityId', 'title', 'sector', 'sectorName', 'province', 'provinceName',
    'investmentUsd.min', 'investmentUsd.max', 'sponsorName',
    ...factors.flatMap((factor) => [`${factor}.score`, `${factor}.contribution`, `${factor}.reason`]),
  ];
}

export function matchRow(match: MatchRowSource, rank: number, factors: readonly string[], vocabularies: Vocabularies, language: UiLanguage): (string | number)[] {
  const { opportunity } = match;
  return [
    rank, match.score, match.band, match.eligibility?.eligible === false ? 'false' : 'true', opportunity.id, opportunity.title,
    opportunity.sector, nameOf(vocabularies.sector, opportunity.sector, language),
    opportunity.province, nameOf(vocabularies.province, opportunity.province, language),
    opportunity.investmentUsd.min, opportunity.investmentUsd.max, opportunity.sponsorName,
    ...factors.flatMap((name) => {
      const factor = match.factors.find((f) => f.factor === name);
      return factor ? [factor.neutral ? '' : factor.score, factor.contribution, factor.text] : ['', '', ''];
    }),
  ];
}
