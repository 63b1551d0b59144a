import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

export const NONCE_PLACEHOLDER = '__CSP_NONCE__'

/**
 * Serves the built web app: hashed assets are cached for a year, the page itself is sent fresh with
 * this response's CSP nonce, and every path that is not an asset or an API route gets the page
 * (client-side routing).
 */
export async function registerWebApp(
  app: FastifyInstance,
  webRoot: string,
): Promise<(reply: FastifyReply) => FastifyReply> {
  const indexFile = path.join(webRoot, 'index.html')
  const template = fs.readFileSync(indexFile, 'utf8')
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: false,
    wildcard: false,
  })
  // Vite names built assets by their content hash, so they never change under the same URL.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' && request.url.startsWith('/assets/') && reply.statusCode === 200) {
      void reply.header('Cache-Control', 'public, max-age=31536000, immutable')
    }
    return payload
  })
  return (reply) => {
    // The page's only use of a nonce is Mantine's <style> tags, so it carries the style nonce.
    const nonce = reply.cspNonce.style
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(template.replaceAll(NONCE_PLACEHOLDER, nonce))
  }
}
