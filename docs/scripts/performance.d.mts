// Types of performance.mjs for the TypeScript tests.
export declare const GUIDE: URL;
export declare function replaceRegion(markdown: string, name: string, body: string): string;
export declare function region(markdown: string, name: string): string | undefined;
export declare function suitesTable(): string;
export declare function resultsSection(output: string, how: string): string;
