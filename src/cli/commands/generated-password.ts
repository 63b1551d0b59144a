import { randomInt } from 'node:crypto'

// No 0/O, 1/l/I: the password is read off a terminal and typed once.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** 20 random characters (about 116 bits) in groups of five, for a one-time password printed once. */
export function generatePassword(): string {
  const groups: string[] = []
  for (let g = 0; g < 4; g += 1) {
    let group = ''
    for (let i = 0; i < 5; i += 1) group += ALPHABET.charAt(randomInt(ALPHABET.length))
    groups.push(group)
  }
  return groups.join('-')
}
