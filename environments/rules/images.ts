// Rules tying workloads to images and images to per-environment releases (promotion pins digests there).
import { exceptionExpired } from '../schema/primitives';
import { type EnvironmentRule, type RuleViolation, violation } from './types';

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

/**
 * A tag can be pushed again upstream; a digest names exactly one image. Every external image carries a digest, or
 * an unexpired exception saying why not yet. Generic over the catalogue, so images added later are held to it too.
 */
export const externalImagesPinned: EnvironmentRule = {
  id: 'external-images-pinned',
  description: 'every external image is pinned by digest, unless an unexpired tagOnlyException says why',
  check: (env, { today }) =>
    Object.entries(env.images).flatMap(([name, image]): RuleViolation[] => {
      const path = `images.${name}`;
      const exception = image.tagOnlyException;
      if (image.source === 'ours' || image.digest !== undefined) {
        return exception === undefined
          ? []
          : [
              violation(
                `${path}.tagOnlyException`,
                exception,
                image.source === 'ours'
                  ? 'expected no exception on our own image: releases pin it by digest'
                  : `expected no exception once ${path}.digest pins the image`,
              ),
            ];
      }
      if (exception === undefined) {
        return [
          violation(
            `${path}.digest`,
            undefined,
            `expected a "sha256:…" digest pinning ${image.repository}:${image.tag} (a tag can be pushed again), or ${path}.tagOnlyException saying why, until when`,
          ),
        ];
      }
      return exceptionExpired(exception, today)
        ? [
            violation(
              `${path}.tagOnlyException.expires`,
              exception.expires,
              `expected a date from ${today} on: the exception has lapsed, so pin a digest or review the exception again`,
            ),
          ]
        : [];
    }),
};

export const imageRules = [imagesExist, releasesPinned, externalImagesPinned];
