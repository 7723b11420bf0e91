export { parseAsn1Tree, countAsn1Nodes, asn1OidName, ASN1_DEFAULT_MAX_DEPTH, ASN1_DEFAULT_MAX_NODES } from './tree';
export type { Asn1Node, Asn1TagClass, Asn1ParseOptions } from './tree';
