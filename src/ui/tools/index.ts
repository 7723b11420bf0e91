export { Asn1View, type Asn1ViewProps } from './asn1-view';
export { ExportPanel, type ExportPanelProps, type PrivateKeyExport } from './export-panel';
export { CompareView, type CompareViewProps } from './compare-view';
export { ErrorDecoderView, type ErrorDecoderViewProps, type ErrorDecoderMatch } from './error-decoder-view';
export { downloadFile, copyText, type DownloadFile } from './download';
