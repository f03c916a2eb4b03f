// Types of figures.mjs for the TypeScript tests.
export declare const FIGURES: URL;
export declare const figures: readonly { readonly file: string; readonly render: () => string }[];
