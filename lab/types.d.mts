/** Shapes shared by the lab's runners (see lab/README.md). */
export interface LabCase {
  readonly id: string;
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: { readonly kind: 'DNS' | 'IP' | 'RFC822'; readonly value: string } | null;
  readonly maxDepth?: number | null;
  readonly key?: string;
  readonly aia?: readonly { readonly url: string; readonly der: string }[];
  readonly skipReason?: string;
}
export interface LabResult {
  readonly id: string;
  readonly verifier: string;
  readonly version: string;
  readonly accepts: boolean | null;
  readonly error: string | null;
  readonly detail?: string;
  readonly codes?: readonly (number | string)[];
  readonly skipped?: string;
  readonly at?: string;
}
