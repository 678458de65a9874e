import { describe, expect, it } from 'vitest'
import { emailKey, phoneKey } from '../../src/main/engine/identity'

describe('emailKey', () => {
  it.each([
    ['jdoe@gmail.com', 'jdoe@gmail.com'],
    ['J.Doe@Gmail.com', 'jdoe@gmail.com'],
    ['j.d.o.e+promo@gmail.com', 'jdoe@gmail.com'],
    ['JDOE+spring+sale@GMAIL.COM', 'jdoe@gmail.com'],
    ['j.doe@googlemail.com', 'jdoe@gmail.com'],
    ['  Jane.Doe@Gmail.com  ', 'janedoe@gmail.com'],
  ])('folds the Gmail variant %j to %j', (email, key) => {
    expect(emailKey(email)).toBe(key)
  })

  it('keeps dots outside Gmail, where they are part of the address', () => {
    expect(emailKey('J.Doe@Example.com')).toBe('j.doe@example.com')
    expect(emailKey('j.doe@example.com')).not.toBe(emailKey('jdoe@example.com'))
  })

  it('drops +tags and case for every domain', () => {
    expect(emailKey('Sales+promo@Shop.example')).toBe('sales@shop.example')
  })

  it('leaves text that is not an address merely trimmed and lower-cased', () => {
    expect(emailKey(' NoAtSign ')).toBe('noatsign')
  })
})

describe('phoneKey', () => {
  it('keeps digits and a leading plus', () => {
    expect(phoneKey('+33 6 12-34-56-78')).toBe('+33612345678')
    expect(phoneKey('(555) 010-9999')).toBe('5550109999')
  })
})
