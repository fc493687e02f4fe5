/** Step outputs, the job summary and annotations — each text redacted before it reaches the runner. */
import * as core from '@actions/core';
import { redact } from '../postgres/redact.js';
import type { OutputValue } from '../report/model.js';
import type { Annotation } from '../report/render.js';

export function setOutputs(outputs: Record<string, OutputValue | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    core.setOutput(name, redact(String(value)));
  }
}

/**
 * Appends Markdown to this step's summary. Returns false outside a runner (no
 * GITHUB_STEP_SUMMARY), so the CLI can call the same code.
 */
export async function writeJobSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(redact(markdown), true).write();
  return true;
}

const EMIT: Record<Annotation['level'], typeof core.error> = { error: core.error, warning: core.warning, notice: core.notice };

export function emitAnnotations(annotations: Annotation[]): void {
  for (const annotation of annotations) {
    EMIT[annotation.level](redact(annotation.message), {
      title: redact(annotation.title),
      file: annotation.file,
      startLine: annotation.startLine,
      endLine: annotation.endLine,
      startColumn: annotation.startColumn,
    });
  }
}
