// Serves a built site like a static host: dir/ -> dir/index.html, unknown paths -> 404.html, the
// headers from dir/_headers (the file deploys ship, so tests and Lighthouse see production headers),
// a file's precompressed Brotli copy (file.br, src/integrations/brotliSiblings.ts) when the client
// accepts Brotli, and otherwise text compressed as it is sent: Brotli at quality 6 (ngx_brotli's default
// for on-the-fly compression) or gzip, whichever the client accepts.
//   node scripts/serve.ts <dir> <port>
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.wasm': 'application/wasm',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
};
// Pagefind's index files are gzipped already; images and fonts do not shrink.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.wasm', '.txt']);

/**
 * The content codings an Accept-Encoding header accepts (lower case; a coding with q=0 is refused).
 * "*" is not expanded: browsers name the codings they support.
 */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const item of String(header ?? '').split(',')) {
    const [coding = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (coding && !(q && Number(q.slice(2)) === 0)) accepted.add(coding);
  }
  return accepted;
}

export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses the `_headers` format of Netlify and Cloudflare Pages: a path (with `*` splats), then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      const source = raw.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      return;
    }
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(raw);
    if (!match || rules.length === 0) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a path, got "${raw.trim()}"`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!]);
  });
  return rules;
}

/** Headers for a request path: every matching rule applies, in file order (later rules win a name). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) out[name] = value;
  return out;
}

export interface ServeOptions {
  /** Called once per response with the body bytes sent (after compression): the bench counts bytes on the wire with it. */
  onBody?: (path: string, bytes: number) => void;
}

export function serveStatic(dir: string, port: number, options: ServeOptions = {}): Promise<Server> {
  const root = resolve(dir);
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
    }
    const headers: Record<string, string> = { ...headersFor(rules, path), 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const precompressed = existsSync(`${file}.br`);
    const compressible = COMPRESSIBLE.has(extname(file));
    const encoding = accepted.has('br') && (precompressed || compressible) ? 'br' : compressible && accepted.has('gzip') ? 'gzip' : undefined;
    if (compressible || precompressed) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    const sent = encoding === 'br' && precompressed ? `${file}.br` : file;
    const raw = createReadStream(sent);
    // Headers go out once the file is open: a file that cannot be read (no 404.html, or deleted by a
    // rebuild since the check above) gets a plain answer instead of taking the server down.
    raw.on('open', () => res.writeHead(status, headers));
    raw.on('error', (error: NodeJS.ErrnoException) => {
      if (!res.headersSent) res.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Cannot read ${path}${status === 404 ? ' (not found, and no 404.html)' : ''}: ${error.code ?? error.message}\n`);
    });
    const body: NodeJS.ReadableStream =
      sent !== file || !encoding
        ? raw
        : raw.pipe(encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }) : createGzip());
    if (options.onBody) {
      let bytes = 0;
      body.on('data', (chunk: Buffer) => (bytes += chunk.length));
      body.on('end', () => options.onBody!(path, bytes));
    }
    body.pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.main) {
  const [dir = 'dist', port = '4321'] = process.argv.slice(2);
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir}/index.html not found: run "npm run build" first`);
    process.exit(1);
  }
  await serveStatic(dir, Number(port));
  console.log(`vAPIC Atlas: http://localhost:${port}/`);
}
