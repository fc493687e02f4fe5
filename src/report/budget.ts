/**
 * Fits Markdown sections into a character budget (GitHub comments stop at 65,536 characters,
 * job summaries at 1 MiB). A section is a heading plus blocks that are kept or dropped whole —
 * a table row, a finding, a code block — so truncation never cuts through a fence or a
 * <details> element; a block that can shrink (a long code block) is cut to fit instead.
 */
import { redact } from '../postgres/redact.js';

export interface Block {
  text: string;
  /** Returns a shorter form that fits `budget` characters, or undefined when nothing useful fits. */
  shrink?: (budget: number) => string | undefined;
}

export interface Section {
  /** Plural noun for the truncation note: "findings", "rows of table X". */
  unit: string;
  head: string;
  blocks: Block[];
  /** Text after the blocks (closing a table needs nothing; a <details> needs its end tag). */
  tail?: string;
  /** Between blocks: '\n' for table rows (the default), '\n\n' for paragraphs. */
  separator?: string;
}

/** Room kept free per section for its truncation note. */
const NOTE_RESERVE_PER_SECTION = 240;

/** A block whose text has been redacted (measured after redaction, since masking changes lengths). */
export function block(text: string, shrink?: (budget: number) => string | undefined): Block {
  return { text: redact(text), shrink: shrink && ((budget) => fitted(shrink(budget), budget)) };
}

function fitted(text: string | undefined, budget: number): string | undefined {
  if (text === undefined) return undefined;
  const safe = redact(text);
  return safe.length <= budget ? safe : undefined;
}

export interface FitResult {
  text: string;
  truncated: boolean;
}

/**
 * Joins the sections with blank lines, dropping what does not fit; each section that lost
 * blocks gets a note saying how many, and `whereFull` says where the complete report is.
 */
export function fitSections(header: string, sections: Section[], limit: number, whereFull: string): FitResult {
  const parts = [redact(header)];
  let used = parts[0].length;
  const budget = Math.max(0, limit - NOTE_RESERVE_PER_SECTION * (sections.length + 1));
  let truncated = false;
  for (const section of sections) {
    const head = redact(section.head);
    const tail = section.tail ? redact(section.tail) : '';
    const separator = section.separator ?? '\n';
    const kept: string[] = [];
    let omitted = 0;
    let room = budget - used - head.length - tail.length - 2;
    for (const candidate of section.blocks) {
      const available = room - separator.length;
      const text = candidate.text.length <= available ? candidate.text : candidate.shrink?.(available);
      if (text === undefined || available <= 0) {
        omitted += 1;
        continue;
      }
      if (text !== candidate.text) truncated = true;
      kept.push(text);
      room -= text.length + separator.length;
    }
    if (omitted > 0) truncated = true;
    if (kept.length === 0 && section.blocks.length > 0) {
      parts.push(truncationNote(`${omitted} ${section.unit} not shown`, whereFull));
    } else {
      const note = omitted > 0 ? `\n\n${truncationNote(`${omitted} more ${section.unit} not shown`, whereFull)}` : '';
      parts.push(`${head}${kept.join(separator)}${tail}${note}`);
    }
    used = parts.reduce((sum, part) => sum + part.length + 2, 0);
  }
  let text = parts.join('\n\n') + '\n';
  if (text.length > limit) {
    // Only reachable when notes alone overflow a tiny limit; never return more than allowed.
    text = text.slice(0, Math.max(0, limit - 1)) + '\n';
    truncated = true;
  }
  return { text, truncated };
}

export function truncationNote(what: string, whereFull: string): string {
  return `> **Truncated:** ${what} — ${whereFull}`;
}
