/**
 * A small mzML reader: text in, spectra out (m/z and intensity arrays), no DOM and no node:*.
 *
 * mzML 1.1 (HUPO-PSI, Martens et al., Mol. Cell. Proteomics 2011, 10, R110.000133; schema
 * http://psidev.info/files/ms/mzML/xsd/mzML1.1.0.xsd): every `<spectrum>` holds a
 * `<binaryDataArrayList>` whose `<binaryDataArray>` elements carry cvParams naming
 *   - the array:       MS:1000514 m/z array, MS:1000515 intensity array (others are skipped);
 *   - the precision:   MS:1000523 64-bit float, MS:1000521 32-bit float (little-endian, IEEE 754);
 *   - the compression: MS:1000576 no compression, MS:1000574 zlib compression;
 * and a `<binary>` element with the base64 text of the (compressed) bytes. cvParams may also come
 * through `<referenceableParamGroupRef ref="…"/>` to a `<referenceableParamGroup>` declared at the
 * top of the file; both are resolved. Spectrum-level cvParams read: MS:1000511 ms level (value),
 * MS:1000127 centroid spectrum, MS:1000128 profile spectrum.
 *
 * "Streaming enough": the text is scanned spectrum by spectrum with `indexOf` (no tree is built),
 * only the spectra asked for are decoded, and each array is decoded straight into a
 * Float64Array. Unsupported encodings (MS-Numpress, integer arrays) are refused with their
 * accession. Errors carry the line of the offending element.
 */
import { unzlibSync } from 'fflate';
import { InputError } from '../core/errors.js';

export interface MzmlSpectrum {
  /** 0-based position of the spectrum in the file. */
  readonly position: number;
  /** The spectrum's `id` attribute (a vendor nativeID such as "controllerType=0 … scan=12"). */
  readonly id: string;
  /** Scan number from `scan=N` in the id, else null. */
  readonly scan: number | null;
  /** MS level (MS:1000511), null when the file does not say. */
  readonly msLevel: number | null;
  /** 'profile' (MS:1000128), 'centroid' (MS:1000127) or null when the file does not say. */
  readonly kind: 'profile' | 'centroid' | null;
  readonly mz: Float64Array;
  readonly intensity: Float64Array;
  /** 1-based line of the `<spectrum>` element. */
  readonly line: number;
}

export interface MzmlSpectrumHeader {
  readonly position: number;
  readonly id: string;
  readonly scan: number | null;
  readonly msLevel: number | null;
  readonly kind: 'profile' | 'centroid' | null;
  readonly line: number;
  /** Character range of the element in the text (for decoding later). */
  readonly start: number;
  readonly end: number;
}

const ACC = {
  mzArray: 'MS:1000514',
  intensityArray: 'MS:1000515',
  float64: 'MS:1000523',
  float32: 'MS:1000521',
  zlib: 'MS:1000574',
  none: 'MS:1000576',
  msLevel: 'MS:1000511',
  centroid: 'MS:1000127',
  profile: 'MS:1000128',
} as const;

/** Other binary encodings of the PSI-MS CV that this reader does not decode. */
const UNSUPPORTED = new Map<string, string>([
  ['MS:1002312', 'MS-Numpress linear prediction compression'],
  ['MS:1002313', 'MS-Numpress positive integer compression'],
  ['MS:1002314', 'MS-Numpress short logged float compression'],
  ['MS:1002746', 'MS-Numpress linear prediction compression followed by zlib'],
  ['MS:1002747', 'MS-Numpress positive integer compression followed by zlib'],
  ['MS:1002748', 'MS-Numpress short logged float compression followed by zlib'],
  ['MS:1000519', '32-bit integer'],
  ['MS:1000522', '64-bit integer'],
  ['MS:1001479', 'null-terminated ASCII string'],
]);

/** Whether the text looks like mzML (an `<mzML` or `<indexedmzML` root near the start). */
export function looksLikeMzml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<(?:\w+:)?(?:indexed)?mzML[\s>]/.test(head);
}

function lineAt(text: string, index: number, cache: { at: number; line: number }): number {
  // counts newlines incrementally: headers are visited in order
  let line = cache.line;
  let i = cache.at;
  if (index < i) {
    i = 0;
    line = 1;
  }
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0 || nl >= index) break;
    line++;
    i = nl + 1;
  }
  cache.at = i;
  cache.line = line;
  return line;
}

function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? (m[2] ?? m[3] ?? '') : null;
}

interface CvParam {
  readonly accession: string;
  readonly value: string;
}

/** cvParams directly in `body` plus those of referenced param groups. */
function cvParams(body: string, groups: ReadonlyMap<string, CvParam[]>): CvParam[] {
  const out: CvParam[] = [];
  for (const m of body.matchAll(/<(?:\w+:)?cvParam\b[^>]*>/g)) {
    const acc = attr(m[0], 'accession');
    if (acc) out.push({ accession: acc, value: attr(m[0], 'value') ?? '' });
  }
  for (const m of body.matchAll(/<(?:\w+:)?referenceableParamGroupRef\b[^>]*>/g)) {
    const ref = attr(m[0], 'ref');
    const g = ref === null ? undefined : groups.get(ref);
    if (g) out.push(...g);
  }
  return out;
}

function paramGroups(text: string): Map<string, CvParam[]> {
  const groups = new Map<string, CvParam[]>();
  const listStart = text.indexOf('referenceableParamGroupList');
  if (listStart < 0) return groups;
  const listEnd = text.indexOf('referenceableParamGroupList', listStart + 30);
  const list = text.slice(listStart, listEnd < 0 ? Math.min(text.length, listStart + 1_000_000) : listEnd);
  for (const m of list.matchAll(
    /<(?:\w+:)?referenceableParamGroup\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?referenceableParamGroup>/g,
  )) {
    const id = attr(m[1]!, 'id');
    if (id !== null) groups.set(id, cvParams(m[2]!, new Map()));
  }
  return groups;
}

/** Spectrum headers (id, scan, MS level, profile/centroid) without decoding any array. */
export function listMzmlSpectra(text: string, inputName = 'mzML'): MzmlSpectrumHeader[] {
  const out: MzmlSpectrumHeader[] = [];
  const cache = { at: 0, line: 1 };
  const openRe = /<(?:\w+:)?spectrum[\s>]/g;
  const closeRe = /<\/(?:\w+:)?spectrum\s*>/g;
  let m: RegExpExecArray | null = openRe.exec(text);
  while (m) {
    const start = m.index;
    closeRe.lastIndex = start;
    const close = closeRe.exec(text);
    const line = lineAt(text, start, cache);
    if (!close) {
      throw new InputError(
        'mzml-truncated',
        'a <spectrum> element is not closed: the mzML file is truncated',
        {
          location: { inputName, line },
          hint: 'export the file again, or check that the copy is complete',
        },
      );
    }
    const elementEnd = close.index + close[0].length;
    const tagEnd = text.indexOf('>', start);
    const openTag = text.slice(start, tagEnd + 1);
    const body = tagEnd < close.index ? text.slice(tagEnd + 1, close.index) : '';
    // spectrum-level params: the part before the binary data
    const bdl = body.search(/<(?:\w+:)?binaryDataArrayList[\s>]/);
    const head = bdl < 0 ? body : body.slice(0, bdl);
    const params = cvParams(
      head.replace(/<(?:\w+:)?precursorList[\s\S]*?<\/(?:\w+:)?precursorList>/g, ''),
      GROUPS_EMPTY,
    );
    let msLevel: number | null = null;
    let kind: 'profile' | 'centroid' | null = null;
    for (const p of params) {
      if (p.accession === ACC.msLevel) {
        const v = Number(p.value);
        msLevel = Number.isInteger(v) && v > 0 ? v : null;
      } else if (p.accession === ACC.centroid) kind = 'centroid';
      else if (p.accession === ACC.profile) kind = 'profile';
    }
    const id = attr(openTag, 'id') ?? '';
    const scanMatch = /(?:^|\s)scan=(\d+)/.exec(id);
    out.push({
      position: out.length,
      id,
      scan: scanMatch ? Number(scanMatch[1]) : null,
      msLevel,
      kind,
      line,
      start,
      end: elementEnd,
    });
    openRe.lastIndex = elementEnd;
    m = openRe.exec(text);
  }
  return out;
}

const GROUPS_EMPTY: ReadonlyMap<string, CvParam[]> = new Map();

const B64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}

/** Decode base64 (RFC 4648; whitespace ignored, padding optional); null on a bad character. */
export function decodeBase64(text: string): Uint8Array | null {
  const n = text.length;
  const out = new Uint8Array(Math.floor((n * 3) / 4) + 3);
  let acc = 0;
  let bits = 0;
  let k = 0;
  let pad = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 61) {
      pad = true; // '='
      continue;
    }
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0 || pad) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  if (bits >= 6) return null; // a lone trailing character cannot encode a byte
  return out.subarray(0, k);
}

function decodeArray(
  body: string,
  groups: ReadonlyMap<string, CvParam[]>,
  expected: number,
  where: { inputName: string; line: number },
): { type: 'mz' | 'intensity' | 'other'; values: Float64Array | null } {
  const binStart = body.search(/<(?:\w+:)?binary[\s>]/);
  const head = binStart < 0 ? body : body.slice(0, binStart);
  const params = cvParams(head, groups);
  let type: 'mz' | 'intensity' | 'other' = 'other';
  let bytesPer = 0;
  let zlib: boolean | null = null;
  for (const p of params) {
    if (p.accession === ACC.mzArray) type = 'mz';
    else if (p.accession === ACC.intensityArray) type = 'intensity';
    else if (p.accession === ACC.float64) bytesPer = 8;
    else if (p.accession === ACC.float32) bytesPer = 4;
    else if (p.accession === ACC.zlib) zlib = true;
    else if (p.accession === ACC.none) zlib = false;
  }
  if (type === 'other') return { type, values: null };
  const what = type === 'mz' ? 'm/z array' : 'intensity array';
  for (const p of params) {
    const name = UNSUPPORTED.get(p.accession);
    if (name) {
      throw new InputError(
        'mzml-encoding',
        `the ${what} uses ${name} (${p.accession}), which this reader does not decode`,
        {
          location: where,
          hint: 'convert with ProteoWizard msconvert using --64 --zlib (no --numpress)',
        },
      );
    }
  }
  if (bytesPer === 0) {
    throw new InputError(
      'mzml-precision',
      `the ${what} does not say its precision (MS:1000521 32-bit or MS:1000523 64-bit float)`,
      {
        location: where,
      },
    );
  }
  if (zlib === null) {
    throw new InputError(
      'mzml-compression',
      `the ${what} does not say its compression (MS:1000574 zlib or MS:1000576 none)`,
      {
        location: where,
      },
    );
  }
  const m = /<(?:\w+:)?binary\s*>([\s\S]*?)<\/(?:\w+:)?binary>|<(?:\w+:)?binary\s*\/>/.exec(
    body.slice(Math.max(binStart, 0)),
  );
  const b64 = m ? (m[1] ?? '') : null;
  if (b64 === null) {
    throw new InputError('mzml-binary', `the ${what} has no <binary> element`, { location: where });
  }
  let bytes = decodeBase64(b64);
  if (!bytes) {
    throw new InputError('mzml-base64', `the ${what} is not valid base64`, { location: where });
  }
  if (zlib && bytes.length > 0) {
    try {
      bytes = unzlibSync(bytes);
    } catch (e) {
      throw new InputError(
        'mzml-zlib',
        `the ${what} is marked zlib-compressed but does not inflate (${(e as Error).message})`,
        {
          location: where,
        },
      );
    }
  }
  if (bytes.length % bytesPer !== 0) {
    throw new InputError(
      'mzml-length',
      `the ${what} holds ${bytes.length} bytes, not a whole number of ${bytesPer * 8}-bit floats`,
      {
        location: where,
      },
    );
  }
  const n = bytes.length / bytesPer;
  if (expected >= 0 && n !== expected) {
    throw new InputError(
      'mzml-length',
      `the ${what} holds ${n} values but the spectrum declares ${expected} (defaultArrayLength)`,
      {
        location: where,
      },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(n);
  if (bytesPer === 8) for (let i = 0; i < n; i++) values[i] = view.getFloat64(8 * i, true);
  else for (let i = 0; i < n; i++) values[i] = view.getFloat32(4 * i, true);
  return { type, values };
}

/** Decode the m/z and intensity arrays of one spectrum listed by `listMzmlSpectra`. */
export function readMzmlSpectrum(
  text: string,
  header: MzmlSpectrumHeader,
  inputName = 'mzML',
  groups: ReadonlyMap<string, CvParam[]> = paramGroups(text),
): MzmlSpectrum {
  const element = text.slice(header.start, header.end);
  const tagEnd = element.indexOf('>');
  const lengthAttr = attr(element.slice(0, tagEnd + 1), 'defaultArrayLength');
  const expected = lengthAttr === null ? -1 : Number(lengthAttr);
  let mz: Float64Array | null = null;
  let intensity: Float64Array | null = null;
  const cache = { at: header.start, line: header.line };
  for (const m of element.matchAll(/<(?:\w+:)?binaryDataArray[\s>][\s\S]*?<\/(?:\w+:)?binaryDataArray>/g)) {
    const line = lineAt(text, header.start + m.index, cache);
    const own = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'arrayLength');
    const n = own !== null ? Number(own) : Number.isInteger(expected) ? expected : -1;
    const r = decodeArray(m[0], groups, n, { inputName, line });
    if (r.type === 'mz') mz = r.values;
    else if (r.type === 'intensity') intensity = r.values;
  }
  if (!mz || !intensity) {
    throw new InputError(
      'mzml-arrays',
      `spectrum "${header.id.slice(0, 80)}" has no ${!mz ? 'm/z array (MS:1000514)' : 'intensity array (MS:1000515)'}`,
      { location: { inputName, line: header.line } },
    );
  }
  if (mz.length !== intensity.length) {
    throw new InputError(
      'mzml-arrays',
      `spectrum "${header.id.slice(0, 80)}": the m/z array has ${mz.length} values, the intensity array ${intensity.length}`,
      { location: { inputName, line: header.line } },
    );
  }
  return {
    position: header.position,
    id: header.id,
    scan: header.scan,
    msLevel: header.msLevel,
    kind: header.kind,
    mz,
    intensity,
    line: header.line,
  };
}

/** The referenceable param groups of a file (pass to `readMzmlSpectrum` when decoding many). */
export function mzmlParamGroups(text: string): ReadonlyMap<string, CvParam[]> {
  return paramGroups(text);
}
