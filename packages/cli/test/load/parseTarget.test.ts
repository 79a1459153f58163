import { parseTarget } from '../../src/load/parseTarget';

describe('parseTarget', () => {
  it('splits file:Export, and leaves Windows drive letters and plain files whole', () => {
    expect(parseTarget('src/server.ts:Demo', '/work')).toEqual({
      file: '/work/src/server.ts',
      exportName: 'Demo',
    });
    expect(parseTarget('src/server.ts', '/work')).toEqual({ file: '/work/src/server.ts' });
    expect(parseTarget('/abs/server.js:default', '/work')).toEqual({
      file: '/abs/server.js',
      exportName: 'default',
    });
    expect(parseTarget('C:\\srv\\server.ts', '/work').exportName).toBeUndefined();
    expect(parseTarget('C:\\srv\\server.ts:Demo', '/work').exportName).toBe('Demo');
    expect(parseTarget('weird:name.ts', '/work')).toEqual({ file: '/work/weird:name.ts' });
  });
});
