// `node --conditions=@theta/source --import ./test/register-source.mjs bin/theta.mjs …` runs
// the real launcher on the TypeScript sources, with no build: the smoke test's way in.
import { register } from 'node:module';

register('./source-loader.mjs', import.meta.url);
