export declare const SYSTEM_CHROMIUM: string;
export declare function chromiumPath(): string | null;
