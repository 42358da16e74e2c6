import { describe, expect, it } from 'vitest';
import { splitDocumentNumber } from './documentNumber.ts';

describe('a document number and symbol', () => {
  it('splits the number from the issuer suffix, the type code between them dropped', () => {
    expect(splitDocumentNumber('45-KH/ĐUK')).toEqual({ number: '45', symbolSuffix: 'ĐUK' });
    expect(splitDocumentNumber('27-KH/BTG')).toEqual({ number: '27', symbolSuffix: 'BTG' });
    expect(splitDocumentNumber('09-ĐA/TU')).toEqual({ number: '09', symbolSuffix: 'TU' });
  });
  it("keeps a draft's blank number blank and leaves other forms as written", () => {
    expect(splitDocumentNumber('-KH/ĐUK')).toEqual({ number: null, symbolSuffix: 'ĐUK' });
    expect(splitDocumentNumber('12/QĐ')).toEqual({ number: '12/QĐ', symbolSuffix: null });
    expect(splitDocumentNumber('  ')).toEqual({ number: null, symbolSuffix: null });
    expect(splitDocumentNumber(null)).toEqual({ number: null, symbolSuffix: null });
  });
});
