import { describe, expect, it } from 'vitest'
import { registerUnsentWork, unsentWork } from './unsent-work'

describe('unsent work', () => {
  it('lists what each source still holds, and forgets a source once it is removed', () => {
    let waiting = 2
    const remove = registerUnsentWork(() => (waiting > 0 ? `${waiting} taps are not sent yet` : null))
    expect(unsentWork()).toEqual(['2 taps are not sent yet'])
    waiting = 0
    expect(unsentWork()).toEqual([])
    waiting = 1
    remove()
    expect(unsentWork()).toEqual([])
  })
})
