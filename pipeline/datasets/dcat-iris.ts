/** The IRIs of the catalog's own nodes: `${baseUrl}catalog` and fragments of it. */
export function catalogIris(baseUrl: string) {
  const catalog = `${baseUrl}catalog`;
  return {
    catalog,
    publisher: `${catalog}#publisher`,
    contact: `${catalog}#contact`,
    series: `${catalog}#series`,
    period: `${catalog}#period`,
    dataset: (key: string) => `${catalog}#dataset-${key}`,
    /** A registry body as an agent, and the GB/T 2260 division it serves. */
    agent: (id: string) => `${catalog}#agent-${id}`,
    division: (code: string) => `${catalog}#division-${code}`,
    bodyPeriod: (id: string) => `${catalog}#period-body-${id}`,
    distribution: (dataset: string, key: string) => `${catalog}#distribution-${dataset}-${key}`,
    checksum: (path: string) => `${catalog}#sha256-${path.replace(/[^A-Za-z0-9]+/g, '-')}`,
  };
}
