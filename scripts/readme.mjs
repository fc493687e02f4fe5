/**
 * Writes the texts generated from the declarations (src/docs/reference.ts): every
 * actions/<id>/action.yml, README's action reference, docs/actions/<id>.md and the error-code
 * table in docs/troubleshooting.md. `--check` writes nothing and fails when one is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const docs = await tsImport('../src/docs/reference.ts', import.meta.url);

/** Replaces the marked section of a file's text; fails when the markers are missing. */
function withSection(file, begin, end, section) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < 0) {
    console.error(`${file} lacks the generated section markers (${begin} … ${end}).`);
    process.exit(1);
  }
  return text.slice(0, start) + section + text.slice(stop + end.length);
}

const files = {
  'README.md': withSection('README.md', docs.README_BEGIN, docs.README_END, docs.actionReference()),
  'docs/troubleshooting.md': withSection('docs/troubleshooting.md', docs.ERRORS_BEGIN, docs.ERRORS_END, docs.errorCodeTable()),
};
for (const command of docs.actionCommands()) {
  files[`actions/${command.action.id}/action.yml`] = docs.renderActionYml(command);
  files[`docs/actions/${command.action.id}.md`] = docs.actionPage(command);
}

if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([file, text]) => {
    const full = path.join(root, file);
    return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== text;
  });
  if (stale.length) {
    console.error(
      `Stale generated files (they differ from the command specs and the error registry): ${stale.map(([file]) => file).join(', ')}. Run \`npm run docs:readme\` and commit.`,
    );
    process.exit(1);
  }
  console.log('action.yml files, README action reference, docs/actions/ and the error-code table are up to date.');
} else {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  console.log(`Wrote ${Object.keys(files).length} generated files.`);
}
