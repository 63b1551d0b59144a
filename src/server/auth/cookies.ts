import type { FastifyReply, FastifyRequest } from 'fastify'

export interface CookieSettings {
  secure: boolean
}

/** `__Host-` pins the cookie to this exact origin, but browsers accept it only with Secure (https). */
export const sessionCookieName = (settings: CookieSettings): string =>
  settings.secure ? '__Host-kinbridge' : 'kinbridge'

export function setSessionCookie(reply: FastifyReply, settings: CookieSettings, token: string): void {
  void reply.setCookie(sessionCookieName(settings), token, {
    httpOnly: true,
    secure: settings.secure,
    sameSite: 'lax',
    path: '/',
  })
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  void reply.clearCookie(sessionCookieName(settings), {
    path: '/',
    httpOnly: true,
    secure: settings.secure,
    sameSite: 'lax',
  })
}

export const readSessionCookie = (request: FastifyRequest, settings: CookieSettings): string | undefined =>
  request.cookies[sessionCookieName(settings)]
