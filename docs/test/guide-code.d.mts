// Types of guide-code.mjs for the TypeScript tests.
export declare const repoRoot: string;
export declare const docsDir: string;
export declare const guidesDir: string;
export declare const BLOCK_HOOK: string;
export interface FencedBlock {
  readonly info: string;
  readonly code: string;
  readonly line: number;
  readonly startLine: number;
  readonly endLine: number;
}
export interface OutputRegion {
  readonly block: number;
  readonly markdown: boolean;
  readonly text: string;
  readonly startLine: number;
  readonly endLine: number;
}
export interface CodeModule {
  readonly name: string;
  readonly source: string;
  readonly code: string;
}
export declare function guidePaths(): string[];
export declare function fencedBlocks(markdown: string): FencedBlock[];
export declare function tsBlocks(markdown: string): FencedBlock[];
export declare function outputRegions(markdown: string): OutputRegion[];
export declare function renderRegion(printed: string, markdown: boolean): string;
export declare function withOutputs(markdown: string, printedByBlock: readonly string[]): string;
export declare function guideModule(markdown: string, source: string): string;
export declare function allModules(): CodeModule[];
