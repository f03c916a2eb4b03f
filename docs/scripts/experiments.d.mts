// Types of experiments.mjs for the TypeScript tests.
export interface ExperimentResult {
  readonly name: string;
  readonly [field: string]: unknown;
}
export declare const experiments: Record<string, () => unknown>;
export declare function resultsMarkdown(result: ExperimentResult): string;
export declare function heatmapSvg(result: ExperimentResult): string;
export declare function withResults(markdown: string, name: string, body: string): string;
