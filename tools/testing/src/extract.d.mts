export declare function examplesIn(source: string): string[];
export declare function extractExamples(packageDir: string): string[];
