/** sha256 (hex) over assembly/** and asconfig.json of the package in `packageDir`. */
export function wasmSourceHash(packageDir: string): string;
