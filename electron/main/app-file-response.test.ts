// The app:// handler's logic with Node's own Request/Response (protocol.handle speaks the same types).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { respondWithAppFile } from './app-file-response';

let tmp = '';
let rendererDir = '';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ducha-app-scheme-'));
  rendererDir = path.join(tmp, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Ducha</title>');
  await writeFile(path.join(rendererDir, 'assets', 'main.js'), 'console.log(1);');
  await writeFile(path.join(tmp, 'secret.txt'), 'secret');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  respondWithAppFile(new Request(url, { method }), rendererDir);

describe('respondWithAppFile', () => {
  it('serves the page with the CSP and no caching', async () => {
    const response = await get('app://ducha/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>Ducha</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://ducha/assets/main.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://ducha/..%2fsecret.txt',
    'app://ducha/assets/..%2f..%2fsecret.txt',
    'app://ducha/%2e%2e%2fsecret.txt',
  ])('does not step outside the page folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers only for the ducha host and only reads', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://ducha/index.html', 'POST')).status).toBe(405);
    expect((await get('app://ducha/missing.js')).status).toBe(404);
  });
});
