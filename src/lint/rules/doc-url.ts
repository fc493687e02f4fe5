/** Where each rule's page lives; apart from the catalogue, so a report can link a rule without loading every rule. */
/** docs/rules/<id with slashes as dashes>.md */
export function ruleDocFile(id: string): string {
  return `${id.replace(/\//g, '-')}.md`;
}

/** Where the rule pages are published: the repository's docs/rules on GitHub, at the v1 tag. */
export const RULE_DOCS_BASE_URL = 'https://github.com/prisma-migrate-actions/prisma-migrate-actions/blob/v1/docs/rules';

/** The rule's page under `baseUrl` (default: the published docs). */
export function ruleDocUrl(id: string, baseUrl: string = RULE_DOCS_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${ruleDocFile(id)}`;
}
