/**
 * What reaches the runner: step outputs, the job summary and annotations — each text redacted
 * first — and the runner's own log masking, fed with every secret the library registers.
 */
import * as core from '@actions/core';
import { onSecretRegistered, redact } from '../postgres/redact.js';
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

let forwarding = false;

/** Masks every secret the library registers (URL passwords, passphrases, tokens) in the runner's log too. */
export function registerSecretsWithActions(): void {
  if (forwarding) return;
  forwarding = true;
  onSecretRegistered((secret) => core.setSecret(secret));
}
