// Brotli copies of the files every first search loads: the engine's script and WebAssembly, the index
// metadata and the search vocabulary, about 81 KiB gzip together, 72 as Brotli at its highest quality
// (measured on this site: WebAssembly 55.6 -> 49.6 KiB, script 11.2 -> 10.0, metadata 5.1 -> 4.0,
// vocabulary 9.4 -> 8.1); also the filters, which /search/ loads for its controls (2.3 -> 1.8). A host that serves precompressed
// files sends `<file>.br` with `Content-Encoding: br` to a browser that accepts it (scripts/serve.ts
// does; nginx's brotli_static and Caddy's `precompressed br` too), and the file itself otherwise. Pagefind's data files are gzip that its
// script inflates itself unless they arrive already decoded (starting with its signature), so their
// copies hold the inflated data. Highest quality costs about 0.5 s for the WebAssembly (in the index's
// worker, while the pages compile) and 0.1 s for the rest; the index chunks and result data are left
// to gzip, since Brotli at this quality on all of them would cost seconds at 2,000 pages.
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);

/** The Brotli stream of `data` at the highest quality; the same input always gives the same bytes. */
export const brotliMax = (data: Uint8Array): Promise<Buffer> =>
  compress(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });

/** Writes `<path>.br`: `data` (what a browser should get once it has decoded the response) as Brotli. */
export async function writeBrotliSibling(path: string, data: Uint8Array, compressed?: Uint8Array): Promise<void> {
  await writeFile(`${path}.br`, compressed ?? (await brotliMax(data)));
}
