import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('is off by default', () => {
    for (const value of [undefined, '', 'false', '0']) expect(parseTrustProxy(value)).toBe(false);
  });
  it('takes a hop count', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
  });
  it('takes proxy addresses and CIDRs', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1,fd00::/8')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
  });
  it('refuses "trust everything" with a message saying what to write instead', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY=1/);
    expect(() => parseTrustProxy('*')).toThrow(/TRUST_PROXY=1/);
  });
  it('refuses what is not an address', () => {
    expect(() => parseTrustProxy('loopback')).toThrow(/not an IP address/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/not an IP address/);
    expect(() => parseTrustProxy('99')).toThrow(/hop count/);
  });
});
