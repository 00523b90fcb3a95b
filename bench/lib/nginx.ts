/**
 * Debian's nginx, started on 127.0.0.1 by the bench itself: the anchor for "the same bytes served as a file".
 * One worker (the server under test is one Node process), access log off, keep-alive as browsers use it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/server-process.ts';

export const NGINX = '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves each file of `files` (path → bytes) at its path with the given headers (e.g. Content-Encoding of bytes
 * already compressed, as the API sends them).
 */
export async function startNginx(
  files: Record<string, { bytes: Uint8Array; headers: Record<string, string> }>,
): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: apt-get install -y nginx-light (.ci/run installs it)`);
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-nginx-'));
  const root = join(dir, 'root');
  mkdirSync(root);
  const port = await freePort();
  const locations: string[] = [];
  for (const [path, f] of Object.entries(files)) {
    const name = path.replace(/[^\w.-]/g, '_');
    writeFileSync(join(root, name), f.bytes);
    const headers = Object.entries(f.headers)
      .filter(([k]) => k.toLowerCase() !== 'content-type')
      .map(([k, v]) => `add_header ${k} '${v}';`)
      .join(' ');
    const type = f.headers['content-type'] ?? 'application/octet-stream';
    locations.push(
      `location = ${path} { default_type '${type}'; types { } ${headers} alias ${join(root, name)}; }`,
    );
  }
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  keepalive_requests 100000;
  etag on;
  server {
    listen 127.0.0.1:${port};
    ${locations.join('\n    ')}
  }
}
`,
  );
  const child = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const first = Object.keys(files)[0]!;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
    try {
      if ((await fetch(url + first)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
