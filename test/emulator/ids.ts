// Random identifiers in AWS's style: lowercase letters and digits (rest APIs 10 chars, others 6 or 10).
import { randomInt } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function newId(length: number, taken: (id: string) => boolean = () => false): string {
  for (;;) {
    let id = ''
    for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)]
    if (!taken(id)) return id
  }
}
