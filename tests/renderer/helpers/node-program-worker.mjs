// Worker-thread entry: loads the TypeScript host through tsx (workers do not inherit tsx's loader).
import { tsImport } from 'tsx/esm/api';

await tsImport('./node-program-worker.ts', import.meta.url);
