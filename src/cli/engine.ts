/**
 * Everything that needs the engine, behind one dynamic import: `--version` and `--help` start
 * without loading pkijs, the decoders or the verifier models.
 */
import '../core/setup';

export { decodeInput } from '../core/decode-input';
export { certificatesToPem } from '../core/export/index';
export { analyse, analyseFiles, readTrust } from './session';
export { ndjsonHeader, ndjsonItems, reportPem, reportText, COLOR, PLAIN } from './render';
export { checkText, judge } from './check';
