import { expect } from '@open-wc/testing';
import {
  VALIDATOR_NAMES,
  inputHints,
  isValidOrgCode,
  isValidResidentId,
  isValidUscc,
  isValidatorName,
  normalizeValue,
  orgCodeCheckChar,
  residentIdCheckChar,
  usccCheckChar,
  validate,
} from '../src/validators/index.js';

const DIGITS = '0123456789';
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Every string that differs from `s` in exactly one position, using replacement characters from `alphabet`. */
function singleSubstitutions(s: string, alphabet: string, positions = Array.from(s, (_, i) => i)): string[] {
  const out: string[] = [];
  for (const i of positions) {
    for (const c of alphabet) if (c !== s[i]) out.push(s.slice(0, i) + c + s.slice(i + 1));
  }
  return out;
}

/** Converts ASCII to full-width forms, as a Chinese IME would type them. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A resident ID with a correct check character. */
function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** YYYYMMDD of today + offset days, in UTC. */
function utcDatePlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

describe('validator registry', () => {
  it('lists exactly the seven validators', () => {
    expect([...VALIDATOR_NAMES].sort()).to.deep.equal(
      ['cn-mobile', 'cn-org-code', 'cn-resident-id', 'cn-uscc', 'email', 'phone', 'postcode'],
    );
  });

  it('recognizes validator names and nothing else', () => {
    for (const n of VALIDATOR_NAMES) expect(isValidatorName(n), n).to.equal(true);
    for (const x of ['', 'cn-passport', 'toString', 'constructor', 1, null, undefined, {}]) {
      expect(isValidatorName(x), String(x)).to.equal(false);
    }
  });

  it('throws on an unknown validator name at runtime', () => {
    expect(() => validate('nope' as never, 'x')).to.throw(RangeError);
  });

  it('reports an empty or blank value as a format error', () => {
    for (const n of VALIDATOR_NAMES) {
      expect(validate(n, ''), n).to.equal('format');
      expect(validate(n, '   '), n).to.equal('format');
    }
  });
});

describe('cn-resident-id (GB 11643)', () => {
  it('accepts the domain.md test vectors', () => {
    expect(isValidResidentId('360426199101010071')).to.equal(true);
    expect(isValidResidentId('11010519491231002X')).to.equal(true);
    expect(validate('cn-resident-id', '360426199101010071')).to.equal(null);
  });

  it('computes the MOD 11-2 check characters of the vectors', () => {
    expect(residentIdCheckChar('36042619910101007')).to.equal('1');
    expect(residentIdCheckChar('11010519491231002')).to.equal('X');
    expect(() => residentIdCheckChar('1101051949123100')).to.throw(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).to.throw(RangeError);
  });

  it('accepts lower-case x, surrounding spaces and full-width input, and normalizes them', () => {
    expect(isValidResidentId('11010519491231002x')).to.equal(true);
    expect(validate('cn-resident-id', ' 11010519491231002x ')).to.equal(null);
    expect(normalizeValue('cn-resident-id', '11010519491231002x')).to.equal('11010519491231002X');
    expect(normalizeValue('cn-resident-id', fullWidth('11010519491231002x'))).to.equal('11010519491231002X');
    // Grouped with hyphens as some write it (a mobile number so typed was taken, an ID number refused).
    expect(validate('cn-resident-id', '110105-19491231-002X')).to.equal(null);
    expect(normalizeValue('cn-resident-id', '110105－19491231－002x')).to.equal('11010519491231002X');
    expect(normalizeValue('cn-resident-id', '110105 19491231 002X')).to.equal('11010519491231002X');
    expect(validate('cn-resident-id', fullWidth('360426199101010071'))).to.equal(null);
  });

  it('rejects the vectors with a wrong check character', () => {
    expect(validate('cn-resident-id', '360426199101010072')).to.equal('checksum');
    expect(validate('cn-resident-id', '110105194912310020')).to.equal('checksum');
  });

  it('accepts generated numbers and rejects every single-digit change of them', () => {
    const generated = [
      residentId('44030520000229123'), // leap day
      residentId('32010219851115456'),
      residentId('65010220191231001'),
      residentId('81000019700101002'), // Hong Kong residence permit prefix
    ];
    for (const id of generated) {
      expect(isValidResidentId(id), id).to.equal(true);
      const changed = singleSubstitutions(id, DIGITS + 'X').filter((v) => /^\d{17}[\dX]$/.test(v));
      expect(changed.length).to.be.greaterThan(150);
      for (const v of changed) expect(isValidResidentId(v), v).to.equal(false);
      // A change in the sequence digits keeps region and date valid, so it is the checksum that catches it.
      for (const v of singleSubstitutions(id, DIGITS, [14, 15, 16])) {
        expect(validate('cn-resident-id', v), v).to.equal('checksum');
      }
    }
  });

  it('rejects impossible or implausible birth dates even with a correct check character', () => {
    for (const birth of ['19990230', '19991301', '19990001', '19990100', '19000229', '18991231', '20991231']) {
      const id = residentId(`110105${birth}001`);
      expect(validate('cn-resident-id', id), birth).to.equal('birthDate');
    }
    expect(validate('cn-resident-id', residentId('11010520000229001'))).to.equal(null);
    expect(validate('cn-resident-id', residentId('11010519000101001'))).to.equal(null);
  });

  it('accepts a birth date two days ago and rejects one two days ahead', () => {
    expect(validate('cn-resident-id', residentId(`110105${utcDatePlus(-2)}001`))).to.equal(null);
    expect(validate('cn-resident-id', residentId(`110105${utcDatePlus(2)}001`))).to.equal('birthDate');
  });

  it('rejects unknown province codes', () => {
    for (const prefix of ['000000', '100000', '190000', '240000', '660000', '990000']) {
      expect(validate('cn-resident-id', residentId(`${prefix}19800101001`)), prefix).to.equal('region');
    }
  });

  it('accepts a 2023 foreigner permanent-residence number (9 + province code)', () => {
    expect(validate('cn-resident-id', residentId('91115619800101001'))).to.equal(null);
    expect(validate('cn-resident-id', residentId('99915619800101001'))).to.equal('region');
  });

  it('reports charset, length and format problems', () => {
    expect(validate('cn-resident-id', '11010519491231002Y')).to.equal('charset');
    expect(validate('cn-resident-id', '1101051949/1231002X')).to.equal('charset');
    expect(validate('cn-resident-id', '11010519491231002')).to.equal('length');
    expect(validate('cn-resident-id', '11010519491231002XX')).to.equal('length');
    expect(validate('cn-resident-id', '1101051949123100X2')).to.equal('format');
  });

  it('accepts legacy 15-digit numbers with a real 19YY date only', () => {
    expect(isValidResidentId('110105491231002')).to.equal(true);
    expect(validate('cn-resident-id', '110105990230002')).to.equal('birthDate');
    expect(validate('cn-resident-id', '110105491331002')).to.equal('birthDate');
    expect(validate('cn-resident-id', '11010549123100X')).to.equal('format');
    expect(validate('cn-resident-id', '000105491231002')).to.equal('region');
  });
});

describe('cn-uscc (GB 32100)', () => {
  it('accepts the domain.md vector, also in lower case, and normalizes it', () => {
    expect(isValidUscc('91110000600037341L')).to.equal(true);
    expect(isValidUscc('91110000600037341l')).to.equal(true);
    expect(normalizeValue('cn-uscc', ' 91110000600037341l ')).to.equal('91110000600037341L');
    expect(normalizeValue('cn-uscc', fullWidth('91110000600037341l'))).to.equal('91110000600037341L');
    expect(validate('cn-uscc', fullWidth('91110000600037341L'))).to.equal(null);
  });

  it('computes the MOD 31 check character of the vector', () => {
    expect(usccCheckChar('91110000600037341')).to.equal('L');
    expect(() => usccCheckChar('9111000060003734')).to.throw(RangeError);
    expect(() => usccCheckChar('9111000060003734I')).to.throw(RangeError);
  });

  it('rejects every single-character change of valid codes', () => {
    const codes = ['91110000600037341L', 'Y1' + '440300MA5F' + '12345', '12440000455800789'];
    const valid = [codes[0]!, codes[1]! + usccCheckChar(codes[1]!), codes[2]! + usccCheckChar(codes[2]!)];
    for (const code of valid) {
      expect(isValidUscc(code), code).to.equal(true);
      const changed = singleSubstitutions(code, USCC_ALPHABET);
      expect(changed.length).to.equal(18 * 30);
      for (const v of changed) expect(validate('cn-uscc', v), v).to.equal('checksum');
    }
  });

  it('allows letters from the alphabet in positions 1–2', () => {
    const first17 = 'Y1110000600037341';
    expect(isValidUscc(first17 + usccCheckChar(first17))).to.equal(true);
  });

  it('rejects letters outside the alphabet (I, O, S, V, Z) and wrong lengths', () => {
    for (const c of 'IOSVZ') expect(validate('cn-uscc', `91110000600037341${c}`), c).to.equal('charset');
    expect(validate('cn-uscc', '91110000-600037341L')).to.equal('charset');
    expect(validate('cn-uscc', '91110000600037341')).to.equal('length');
    expect(validate('cn-uscc', '91110000600037341LL')).to.equal('length');
  });
});

describe('cn-org-code (GB 11714)', () => {
  it('accepts the vector with and without the hyphen', () => {
    expect(isValidOrgCode('60003734-1')).to.equal(true);
    expect(isValidOrgCode('600037341')).to.equal(true);
    expect(isValidOrgCode(fullWidth('60003734-1'))).to.equal(true);
  });

  it('normalizes to the hyphenated form', () => {
    expect(normalizeValue('cn-org-code', '600037341')).to.equal('60003734-1');
    expect(normalizeValue('cn-org-code', ' 60003734-1 ')).to.equal('60003734-1');
    expect(normalizeValue('cn-org-code', 'ma5f1234x')).to.equal('MA5F1234-X');
  });

  it('computes check characters, including the X (10) and 0 (11) cases', () => {
    expect(orgCodeCheckChar('60003734')).to.equal('1');
    // Σ = 0 → 11 − 0 = 11 → '0'.
    expect(orgCodeCheckChar('00000000')).to.equal('0');
    // Σ = 6·2 = 12, 12 mod 11 = 1 → 11 − 1 = 10 → 'X'.
    expect(orgCodeCheckChar('00000006')).to.equal('X');
    // A = 10: Σ = 10·3 = 30, 30 mod 11 = 8 → 3.
    expect(orgCodeCheckChar('A0000000')).to.equal('3');
    expect(isValidOrgCode('00000006-X')).to.equal(true);
    expect(isValidOrgCode('00000006-x')).to.equal(true);
    expect(() => orgCodeCheckChar('6000373')).to.throw(RangeError);
  });

  it('matches the entity code embedded in the USCC vector', () => {
    const uscc = '91110000600037341L';
    expect(orgCodeCheckChar(uscc.slice(8, 16))).to.equal(uscc[16]);
  });

  it('rejects every single-digit change', () => {
    const code = '600037341';
    const changed = singleSubstitutions(code, DIGITS);
    for (const v of changed) {
      expect(isValidOrgCode(v), v).to.equal(false);
      expect(isValidOrgCode(`${v.slice(0, 8)}-${v.slice(8)}`), v).to.equal(false);
    }
    expect(validate('cn-org-code', '60003734-2')).to.equal('checksum');
  });

  it('reports misplaced hyphens, bad characters and wrong lengths', () => {
    expect(validate('cn-org-code', '6000-37341')).to.equal('format');
    expect(validate('cn-org-code', '60003734--1')).to.equal('format');
    expect(validate('cn-org-code', '60003734_1')).to.equal('charset');
    expect(validate('cn-org-code', '60003734-')).to.equal('length');
    expect(validate('cn-org-code', '60003734-12')).to.equal('length');
  });
});

describe('email', () => {
  it('accepts ordinary, tagged, IDN and Chinese-local-part addresses', () => {
    for (const v of ['a@b.cn', 'user.name+tag@sub.example.com', '张三@例子.中国', 'gk_office@yueyang.gov.cn']) {
      expect(validate('email', v), v).to.equal(null);
    }
  });

  it('normalizes full-width @ and dots, the ideographic full stop and domain case', () => {
    expect(normalizeValue('email', ' Zhang＠Example。ＣＮ ')).to.equal('Zhang@example.cn');
    expect(validate('email', 'zhang＠example．cn')).to.equal(null);
  });

  it('rejects addresses without exactly one @, without a dotted domain, or with spaces', () => {
    for (const v of ['a.b.cn', 'a@@b.cn', 'a@b@c.cn', '@b.cn', 'a@b', 'a@b.', 'a@.cn', 'a@b..cn', 'a b@c.cn', 'a@b c.cn',
      '.a@b.cn', 'a..b@c.cn', 'a@b.c', 'a@-b.cn', 'a@b_c.cn']) {
      expect(validate('email', v), v).to.equal('format');
    }
  });

  it('rejects over-long addresses', () => {
    expect(validate('email', `${'a'.repeat(65)}@b.cn`)).to.equal('length');
    expect(validate('email', `a@${'b'.repeat(250)}.cn`)).to.equal('length');
  });
});

describe('cn-mobile', () => {
  it('accepts 1[3-9] + 9 digits with optional +86/0086 and separators', () => {
    for (const v of ['13812345678', '19912345678', '+8613812345678', '+86 138 1234 5678', '0086-138-1234-5678',
      '138-1234-5678', fullWidth('13812345678')]) {
      expect(validate('cn-mobile', v), v).to.equal(null);
    }
  });

  it('normalizes to the 11 national digits', () => {
    expect(normalizeValue('cn-mobile', '+86 138-1234-5678')).to.equal('13812345678');
    expect(normalizeValue('cn-mobile', '0086 138 1234 5678')).to.equal('13812345678');
    expect(normalizeValue('cn-mobile', fullWidth('138 1234 5678'))).to.equal('13812345678');
  });

  it('reports the failing rule', () => {
    expect(validate('cn-mobile', '12812345678')).to.equal('format');
    expect(validate('cn-mobile', '23812345678')).to.equal('format');
    expect(validate('cn-mobile', '1381234567')).to.equal('length');
    expect(validate('cn-mobile', '138123456789')).to.equal('length');
    expect(validate('cn-mobile', '+8513812345678')).to.equal('charset');
    expect(validate('cn-mobile', '1381234567a')).to.equal('charset');
    expect(validate('cn-mobile', '(0730)8888888')).to.equal('charset');
  });
});

describe('phone', () => {
  it('accepts landlines, mobiles, international forms and extensions', () => {
    for (const v of ['010-12345678', '0730-8888888', '(0730) 8888888', '+86 10 1234 5678', '+86 (10) 1234-5678',
      '13812345678', '8888888', '0730-8888888 转 123', '0730-8888888 ext. 12', '0730-8888888#12', '+1 202 555 0123',
      fullWidth('010-12345678')]) {
      expect(validate('phone', v), v).to.equal(null);
    }
  });

  it('normalizes full-width characters and whitespace', () => {
    expect(normalizeValue('phone', ` ${fullWidth('010-1234')}\u30005678 `)).to.equal('010-1234 5678');
  });

  it('counts 7–20 digits in all', () => {
    expect(validate('phone', '123456')).to.equal('length');
    expect(validate('phone', '1234567')).to.equal(null);
    expect(validate('phone', '1'.repeat(20))).to.equal(null);
    expect(validate('phone', '1'.repeat(21))).to.equal('length');
  });

  it('rejects letters and misplaced + or parentheses', () => {
    expect(validate('phone', 'abc1234567')).to.equal('charset');
    expect(validate('phone', '010.12345678')).to.equal('charset');
    expect(validate('phone', '12+3456789')).to.equal('format');
    expect(validate('phone', '(0730)(8888)888')).to.equal('format');
    expect(validate('phone', '+-')).to.equal('length');
    expect(validate('phone', '(0730 8888888')).to.equal('format');
  });
});

describe('postcode', () => {
  it('accepts six digits, also full-width', () => {
    expect(validate('postcode', '100000')).to.equal(null);
    expect(validate('postcode', fullWidth('414000'))).to.equal(null);
    expect(normalizeValue('postcode', ` ${fullWidth('414 000')} `)).to.equal('414000');
  });

  it('rejects other lengths and characters', () => {
    expect(validate('postcode', '10000')).to.equal('length');
    expect(validate('postcode', '1000000')).to.equal('length');
    expect(validate('postcode', '10000a')).to.equal('charset');
  });
});

describe('inputHints', () => {
  it('gives standard autocomplete tokens and input modes', () => {
    expect(inputHints('email')).to.deep.equal({ autocomplete: 'email', inputMode: 'email', maxLength: 254 });
    expect(inputHints('postcode')).to.deep.equal({ autocomplete: 'postal-code', inputMode: 'numeric', maxLength: 6 });
    expect(inputHints('cn-mobile')).to.include({ autocomplete: 'tel', inputMode: 'tel' });
    expect(inputHints('phone')).to.include({ autocomplete: 'tel', inputMode: 'tel' });
  });

  it('uses a text keyboard for IDs whose check character may be a letter', () => {
    expect(inputHints('cn-resident-id')).to.include({ inputMode: 'text', maxLength: 18 });
    expect(inputHints('cn-uscc')).to.include({ inputMode: 'text', maxLength: 18 });
    expect(inputHints('cn-org-code')).to.include({ inputMode: 'text', maxLength: 10 });
  });

  it('lets every valid normalized test value fit its maxLength', () => {
    const samples: Record<string, string> = {
      'cn-resident-id': '11010519491231002X', 'cn-uscc': '91110000600037341L', 'cn-org-code': '60003734-1',
      'cn-mobile': '0086 138 1234 5678', postcode: '414000',
    };
    for (const [name, v] of Object.entries(samples)) {
      expect(v.length, name).to.be.at.most(inputHints(name as never).maxLength ?? Infinity);
    }
  });

  it('returns a fresh object each time', () => {
    const h = inputHints('email');
    h.maxLength = 1;
    expect(inputHints('email').maxLength).to.equal(254);
  });
});
