import { http, HttpResponse, type RequestHandler } from 'msw';

/** Serves linkedin-policy.json from whatever text the caller holds; null means "no file" (404). */
export function policyFileHandlers(getPolicyText: () => string | null): RequestHandler[] {
  return [
    http.get('*/linkedin-policy.json', () => {
      const text = getPolicyText();
      if (text === null) return new HttpResponse(null, { status: 404 });
      return new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
    }),
  ];
}
