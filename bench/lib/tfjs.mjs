// tfjs (@tensorflow/tfjs-core and one backend), loaded for the suites that measure it.
import { register } from 'node:module';

/**
 * Imports tfjs-core, the backend `backend` ('cpu' or 'wasm'; only that one) and tfjs's
 * gradients, selects the backend in prod mode and returns tfjs.
 *
 * tfjs-core's main bundle registers no gradients (the `@tensorflow/tfjs` union package does, by
 * importing `dist/register_all_gradients`, whose ES modules import paths without `.js`, which
 * Node's ESM loader refuses). A resolve hook that retries those imports with `.js` lets us load
 * it; the registry is global, so the main bundle's `optimizer.minimize` then finds the gradients.
 */
export async function loadTfjs(backend) {
  const hooks = `export async function resolve(specifier, context, next) {
    try { return await next(specifier, context); } catch (e) {
      const retry = (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') && (context.parentURL ?? '').includes('/@tensorflow/tfjs-core/dist/');
      if (retry) return next(specifier + '.js', context);
      throw e;
    }
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const tf = await import('@tensorflow/tfjs-core');
  if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm'); // finds its .wasm files beside its own module
  else throw new Error(`loadTfjs: unknown backend ${backend}`);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  tf.enableProdMode();
  await tf.setBackend(backend);
  return tf;
}
