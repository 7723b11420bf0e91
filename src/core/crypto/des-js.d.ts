// Minimal types for des.js 1.1 (the package ships none). Only what crypto/ciphers.ts uses.
declare module 'des.js' {
  interface DesCipherInstance {
    update(data: ArrayLike<number>): number[];
    final(data?: ArrayLike<number>): number[];
  }
  interface DesCipherOptions {
    type: 'encrypt' | 'decrypt';
    key: ArrayLike<number>;
    iv?: ArrayLike<number>;
    padding?: boolean;
  }
  interface DesCipherClass {
    create(options: DesCipherOptions): DesCipherInstance;
  }
  const desjs: {
    DES: DesCipherClass;
    EDE: DesCipherClass;
    CBC: { instantiate(base: DesCipherClass): DesCipherClass };
  };
  export default desjs;
}
