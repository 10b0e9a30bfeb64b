/** Errors a service raises for the HTTP layer to turn into problem responses. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 412 | 422 | 428,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly part: 'body' | 'querystring' | 'params' | 'headers' = 'body',
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string, id: string) => new ServiceError(404, 'not-found', `${what} ${id} does not exist`);

export const conflict = (code: string, message: string) => new ServiceError(409, code, message);

export const badRequest = (code: string, message: string, field?: string, part?: ServiceError['part']) =>
  new ServiceError(400, code, message, field, part);
