/** Where `npm start` publishes: a local bare repository, no token needed. */
export const DEFAULT_REPO = 'output/publish.git';
