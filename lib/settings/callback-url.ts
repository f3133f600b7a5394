/** Where Purwantara posts callbacks, under the app's address. */
export const callbackPath = "/api/webhooks/purwantara";
