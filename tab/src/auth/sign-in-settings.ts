/**
 * What the server says about signing in (`GET /api/sign-in`): local mode's picker, or azure mode's
 * app registration, whose ids are public (they are in the Teams app manifest too).
 */
export type SignInSettings =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'azure';
      /** The tab's app registration. */
      readonly clientId: string;
      /** The delegated scope the API takes: `api://<domain>/<client id>/access_as_user`. */
      readonly scope: string;
      /** Entra ID's authority for accounts of any organisation. */
      readonly authority: string;
    };
