import { runExamples } from '@theta/testing';

// Every `@example` in this package's TSDoc is compiled and run here.
runExamples(new URL('.', import.meta.url));
