/** Shared types of the per-extension decoders. */
import type { ExtensionModel } from '../../model';
import type { Asn1 } from '../../input/der';

type CommonKeys = 'oid' | 'name' | 'critical' | 'valueHex' | 'decodeError';

/** The kind-specific part of an ExtensionModel (what a decoder returns). */
export type ExtensionBody = ExtensionModel extends infer E ? (E extends unknown ? Omit<E, CommonKeys> : never) : never;

/** One extension decoder: gets the parsed extnValue, returns the body; throws on a bad value. */
export interface ExtensionDecoder {
  readonly decode: (value: Asn1) => ExtensionBody;
}
