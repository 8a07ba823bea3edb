// The definition's identity: sha256 of the text after substitution, as deployed. Recorded on the stage so an
// unchanged file is not imported and deployed again.
import { createHash } from 'node:crypto'

export function definitionSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
