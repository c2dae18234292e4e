// The JSON API of the rashomon server (docs/api.md).

// An error from the API: `status` is the HTTP status (0 when the server could
// not be reached), `message` the server's {"error": ...} text.
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// GETs `path` (with the query `params`, empty values left out) and returns
// its JSON. Throws ApiError for a network failure, a 4xx/5xx answer (with
// the server's error text) or a body that is not JSON.
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, `The server did not answer (${e.message}).`);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: handled below.
  }
  if (!res.ok) {
    const why = body && typeof body.error === 'string' ? body.error : res.statusText;
    throw new ApiError(res.status, `${res.status}: ${why}`);
  }
  if (body === null) throw new ApiError(res.status, `${url}: the answer is not JSON`);
  return body;
}
