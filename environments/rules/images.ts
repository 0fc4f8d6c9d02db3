// Rules tying workloads to images and images to per-environment releases (promotion pins digests there).
import { type EnvironmentRule, violation } from './types';

export const imagesExist: EnvironmentRule = {
  id: 'images-exist',
  description: 'every service and job runs an image from the catalogue',
  check: (env) => {
    const known = Object.keys(env.images).sort();
    const workloads = [
      ...Object.entries(env.services).map(([name, w]) => [`services.${name}.image`, w.image] as const),
      ...Object.entries(env.jobs).map(([name, w]) => [`jobs.${name}.image`, w.image] as const),
    ];
    return workloads.flatMap(([path, image]) =>
      known.includes(image) ? [] : [violation(path, image, `expected one of: ${known.join(', ')}`)],
    );
  },
};

export const releasesPinned: EnvironmentRule = {
  id: 'releases-pinned',
  description: 'each of our images has exactly one release pin; external images pin a repository and tag',
  check: (env) => {
    const problems = Object.entries(env.images).flatMap(([name, image]) => {
      if (image.source === 'ours') {
        return env.releases[name]
          ? []
          : [violation(`releases.${name}`, undefined, 'expected a { tag, digest } pin for this image')];
      }
      if (image.repository === undefined || image.tag === undefined) {
        return [violation(`images.${name}`, image, 'expected repository and tag for an external image')];
      }
      return [];
    });
    const ours = Object.entries(env.images)
      .filter(([, image]) => image.source === 'ours')
      .map(([name]) => name)
      .sort();
    for (const name of Object.keys(env.releases)) {
      if (!ours.includes(name))
        problems.push(violation(`releases.${name}`, name, `expected one of: ${ours.join(', ')}`));
    }
    return problems;
  },
};

export const imageRules = [imagesExist, releasesPinned];
