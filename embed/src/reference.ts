import { api, type ApiConfig, type Schemas } from './api.ts';

export type Vocabulary = 'sectors' | 'technologies' | 'transferDepths' | 'modalities' | 'provinces' | 'islandGroups';

export interface Reference {
  sectors: Schemas['SectorList']['data'];
  technologies: Schemas['TechnologyList']['data'];
  transferDepths: Schemas['TransferDepthList']['data'];
  modalities: Schemas['ModalityList']['data'];
  provinces: Schemas['ProvinceList']['data'];
  islandGroups: Schemas['IslandGroupList']['data'];
  /** Code → name in the requested language, per vocabulary. */
  name: (vocabulary: Vocabulary, code: string) => string;
}

export interface Countries {
  data: Schemas['CountryList']['data'];
}

/** Reference data changes with a deploy, not a page view: one fetch per API, key and language per page. */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(config: ApiConfig, what: string, load: () => Promise<T>): Promise<T> {
  const id = `${config.base}|${config.key ?? ''}|${config.lang}|${what}`;
  let promise = cache.get(id) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(id, promise);
    // A failure (network, refused key) must not stick: the next attempt asks again.
    promise.catch(() => cache.delete(id));
  }
  return promise;
}

export function loadReference(config: ApiConfig): Promise<Reference> {
  return cached(config, 'reference', async () => {
    const get = <T>(path: string) => api.reference<T>(config, path);
    const [sectors, technologies, transferDepths, modalities, provinces, islandGroups] = await Promise.all([
      get<Schemas['SectorList']>('v1/sectors'),
      get<Schemas['TechnologyList']>('v1/technologies'),
      get<Schemas['TransferDepthList']>('v1/transfer-depths'),
      get<Schemas['ModalityList']>('v1/modalities'),
      get<Schemas['ProvinceList']>('v1/provinces'),
      get<Schemas['IslandGroupList']>('v1/island-groups'),
    ]);
    const lists = {
      sectors: sectors.data,
      technologies: technologies.data,
      transferDepths: transferDepths.data,
      modalities: modalities.data,
      provinces: provinces.data,
      islandGroups: islandGroups.data,
    };
    const names = new Map(
      Object.entries(lists).map(([vocabulary, items]) => [vocabulary, new Map(items.map((item) => [item.code as string, item.name]))]),
    );
    // An unknown code (a newer API than this bundle) is shown as it is rather than dropped.
    return { ...lists, name: (vocabulary, code) => names.get(vocabulary)?.get(code) ?? code };
  });
}

export function loadCountries(config: ApiConfig): Promise<Countries> {
  return cached(config, 'countries', () => api.reference<Schemas['CountryList']>(config, 'v1/countries'));
}
